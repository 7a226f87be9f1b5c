"""Rules of the user's own: cue verbs added or removed, furniture lines (issue 20)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

import quotebank
from quotebank.cli import main
from quotebank.models import model_name
from quotebank.nlp import adapt_tokenizer
from quotebank.rules import Rules, RulesError, active_rules, applied

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RASPED = "“We will never give up,” the general rasped."
FOLLOW = "Follow us on Twitter, “great news,” says Bob Lee.\nThe talks failed, officials said."


def test_rules_are_lemmas_and_compiled_patterns():
    rules = Rules(cue_verbs_add=["Rasp", "rasp"], furniture_lines=["^Follow us"])
    assert rules.cue_verbs_add == frozenset({"rasp"})
    assert rules.is_furniture("Follow us on Twitter") and not rules.is_furniture("We follow us")
    assert Rules.from_config(rules.config()) == rules
    assert Rules().is_default and not rules.is_default


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cue_verbs_add": ["two words"]}, "one word"),
        ({"cue_verbs_add": [3]}, "one word"),
        ({"furniture_lines": ["(unclosed"]}, "not a regular expression"),
    ],
)
def test_a_bad_rule_is_refused_clearly(kwargs, message):
    with pytest.raises(RulesError, match=message):
        Rules(**kwargs)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[cue_verb]\nadd = ["rasp"]\n', "unknown section [cue_verb]"),
        ('[cue_verbs]\nadds = ["rasp"]\n', "unknown key 'adds' in [cue_verbs]"),
        ('[cue_verbs]\nadd = "rasp"\n', "cue_verbs.add must be a list"),
        ("[cue_verbs\n", "not a TOML file"),
    ],
)
def test_a_bad_rules_file_is_refused_naming_the_file(tmp_path, text, message):
    path = tmp_path / "my.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=r"my\.toml") as err:
        Rules.from_toml(path)
    assert message in str(err.value)


def test_rules_are_in_force_only_inside_applied():
    rules = Rules(cue_verbs_add=["rasp"])
    with applied(rules):
        assert active_rules() is rules
    assert active_rules().is_default


def test_an_added_cue_verb_finds_a_quote_and_a_removed_one_loses_it():
    assert [q.cue for q in quotebank.extract(RASPED)] == [None]
    extractor = quotebank.Extractor(rules=Rules(cue_verbs_add=["rasp"], cue_verbs_remove=["say"]))
    assert [(q.cue, q.speaker) for q in extractor.extract(RASPED)] == [("rasped", "the general")]
    assert [q.cue for q in extractor.extract("“We won the vote in every district,” the general said.")] == [None]


def test_the_component_config_takes_the_same_rules():
    nlp = spacy.load(model_name())
    adapt_tokenizer(nlp)
    nlp.add_pipe("quotebank", config={"cue_verbs_add": ["rasp"], "furniture_lines": ["^Follow us on "]})
    assert [q.cue for q in nlp(RASPED)._.quotebank_quotes] == ["rasped"]
    assert [q.speaker for q in nlp(FOLLOW)._.quotebank_quotes] == ["officials"]
    assert nlp.config["components"]["quotebank"]["cue_verbs_add"] == ["rasp"]


def test_rules_for_a_pipeline_that_has_other_rules_are_refused_not_ignored():
    nlp = spacy.load(model_name())
    nlp.add_pipe("quotebank", config={"cue_verbs_add": ["rasp"]})
    assert quotebank.Extractor(nlp=nlp, rules=Rules(cue_verbs_add=["rasp"])).rules.cue_verbs_add == {"rasp"}
    with pytest.raises(ValueError, match="rules of its own"):
        quotebank.Extractor(nlp=nlp, rules=Rules(cue_verbs_add=["intone"]))


def test_a_furniture_line_of_the_user_s_gives_no_quote_and_no_speaker():
    assert {q.speaker for q in quotebank.extract(FOLLOW)} == {"Bob Lee", "officials"}
    extractor = quotebank.Extractor(rules=Rules(furniture_lines=["^Follow us on "]))
    assert [q.speaker for q in extractor.extract(FOLLOW)] == ["officials"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are not beside the tests")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_extract_seeds_with_rules_finds_a_quote_it_did_not_before(tmp_path, jobs):
    rules = tmp_path / "my.toml"
    rules.write_text('[cue_verbs]\nadd = ["illustrate"]\n', encoding="utf-8")
    shutil.copytree(SEEDS, tmp_path / "seeds")
    runner = CliRunner()
    plain = runner.invoke(main, ["extract", str(tmp_path / "seeds"), "-q", "-o", str(tmp_path / "a.jsonl")])
    ruled = runner.invoke(main, ["extract", str(tmp_path / "seeds"), "-q", "-j", jobs, "--rules", str(rules),
                                 "-o", str(tmp_path / "b.jsonl")])
    assert plain.exit_code == 0 and ruled.exit_code == 0, ruled.output
    before = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    after = [json.loads(line) for line in (tmp_path / "b.jsonl").read_text(encoding="utf-8").splitlines()]
    new = [r for r in after if (r["doc_id"], r["start"]) not in {(b["doc_id"], b["start"]) for b in before}]
    assert [r["cue"] for r in new] == ["illustrates"]
    assert new[0]["text"].startswith("how Iran is trying to leverage ties with Moscow")


def test_a_bad_rules_file_is_a_usage_error_that_creates_nothing(tmp_path):
    rules = tmp_path / "my.toml"
    rules.write_text('[cue_verbs]\nadds = ["rasp"]\n', encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = CliRunner().invoke(main, ["extract", str(SEEDS), "-q", "--rules", str(rules), "-o", str(out)])
    assert result.exit_code == 2
    assert "unknown key 'adds' in [cue_verbs]" in result.output
    assert list(tmp_path.iterdir()) == [rules]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are not beside the tests")
def test_dask_workers_get_the_rules(tmp_path):
    pytest.importorskip("distributed")
    rules = tmp_path / "my.toml"
    rules.write_text('[cue_verbs]\nadd = ["illustrate"]\n', encoding="utf-8")
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(SEEDS), "-q", "--rules", str(rules), "-o", str(local)]).exit_code == 0
    result = runner.invoke(main, ["extract", str(SEEDS), "-q", "--engine", "dask", "-j", "1", "--rules", str(rules),
                                  "-o", str(dask)])
    assert result.exit_code == 0, result.output
    assert dask.read_bytes() == local.read_bytes()
    assert b'"cue": "illustrates"' in dask.read_bytes()
