"""The word lists: lower case, lemmas, no duplicates, disjoint where they must be, all used."""

from __future__ import annotations

import ast
import re
from collections import Counter

import pytest

from quotebank import lexicons
from quotebank.detect.base import cue_class
from quotebank.lexicons._words import words
from support import ROOT

SETS = {name: getattr(lexicons, name) for name in lexicons.__all__ if isinstance(getattr(lexicons, name), frozenset)}
VERB_LISTS = ("SPEECH_VERBS", "BELIEF_VERBS", "DOCUMENT_VERBS", "OBJECT_CONTENT_VERBS", "INFINITIVE_CONTENT_VERBS",
              "ADDRESSEE_VERBS")
# ORG_HEAD_NOUNS and ROLE_SYNONYMS are matched as written ("media"), not by lemma.
NOUN_LISTS = ("DOCUMENT_NOUNS", "REPORTING_NOUNS")


def test_words_refuses_duplicates_and_capitals():
    assert words("say tell") == frozenset({"say", "tell"})
    with pytest.raises(ValueError, match="twice"):
        words("say tell say")
    with pytest.raises(ValueError, match="lower case"):
        words("say Tell")


@pytest.mark.parametrize("name", sorted(SETS))
def test_lower_case_and_no_dots(name):
    for word in SETS[name]:
        assert word == word.lower(), (name, word)
        assert not word.endswith("."), (name, word)


def test_role_synonym_groups_are_disjoint_lower_case_sets():
    seen: set = set()
    for group in lexicons.ROLE_SYNONYMS:
        assert not group & seen, group & seen
        seen |= group


@pytest.mark.parametrize(
    "a, b",
    [
        ("MALE_WORDS", "FEMALE_WORDS"),
        ("MALE_FIRST_NAMES", "FEMALE_FIRST_NAMES"),
        ("PERSON_PRONOUNS", "GROUP_PRONOUNS"),
        ("PERSON_PRONOUNS", "ORG_PRONOUNS"),
        ("GROUP_PRONOUNS", "ORG_PRONOUNS"),
        ("BELIEF_VERBS", "DOCUMENT_VERBS"),  # a verb has one class
        ("BELIEF_ADJECTIVES", "DOCUMENT_VERBS"),
    ],
)
def test_disjoint(a, b):
    assert not SETS[a] & SETS[b], SETS[a] & SETS[b]


def test_pronoun_genders_agree_with_the_gendered_words():
    for pronoun, gender in lexicons.PRONOUN_GENDER.items():
        assert pronoun in (lexicons.MALE_WORDS if gender == "m" else lexicons.FEMALE_WORDS)


def test_each_cue_verb_has_one_class():
    assert cue_class("say") == "speech"
    assert cue_class("reckon") == "belief"  # a speech verb too: belief wins
    assert cue_class("indicate") == "document"
    assert cue_class("say", subject_lemma="poll") == "document"
    for verb in lexicons.DOCUMENT_VERBS:
        assert cue_class(verb) == "document"
    for verb in lexicons.BELIEF_VERBS | lexicons.BELIEF_ADJECTIVES:
        assert cue_class(verb) == "belief"


def _lemmas(nlp, template, entries):
    """spaCy's lemma of each entry, read in a sentence where it takes its own form."""
    out = {}
    for word, doc in zip(entries, nlp.pipe(template.format(w=w) for w in entries), strict=True):
        token = next(t for t in doc if t.lower_ == word)
        out[word] = (token.lemma_.lower(), token.pos_)
    return out


@pytest.mark.parametrize("name", VERB_LISTS)
def test_verb_lists_hold_lemmas(nlp, name):
    for word, (lemma, _) in _lemmas(nlp, "Officials will {w} it.", sorted(SETS[name])).items():
        assert lemma == word, (name, word, lemma)


@pytest.mark.parametrize("name", NOUN_LISTS)
def test_noun_lists_hold_lemmas(nlp, name):
    found = _lemmas(nlp, "The {w} was new.", sorted(SETS[name]))
    # spaCy gives "data" the lemma "data" in the singular and "datum" in the plural.
    bad = {w: lemma for w, (lemma, _) in found.items() if lemma != w and w != "data"}
    assert not bad, (name, bad)


def test_adjective_lists_hold_lemmas(nlp):
    found = _lemmas(nlp, "They were {w}.", sorted(lexicons.BELIEF_ADJECTIVES))
    bad = {w: lemma for w, (lemma, pos) in found.items() if pos == "ADJ" and lemma != w}
    assert not bad


@pytest.mark.parametrize("name", sorted(n for n in lexicons.__all__ if n != "bare"))
def test_every_list_is_used(name):
    sources = [p for p in (ROOT / "src" / "quotebank").rglob("*.py") if "lexicons" not in p.parts]
    pattern = re.compile(rf"\b{name}\b")
    assert any(pattern.search(p.read_text(encoding="utf-8")) for p in sources), f"{name} is never used"


def test_the_subject_labels_are_spelled_once():
    # ("nsubj", "nsubjpass") was spelled out a dozen times (issue 20): lexicons.SUBJECT_DEPS now.
    sources = [p for p in (ROOT / "src" / "quotebank").rglob("*.py") if "lexicons" not in p.parts]
    literal = re.compile(r"""\(\s*["']nsubj["']\s*,\s*["']nsubjpass["']\s*\)""")
    assert [p.name for p in sources if literal.search(p.read_text(encoding="utf-8"))] == []


#: Modules whose sets are not quotebank's rules: the user's rules file schema and
#: the scoring rules of the evaluation (METRICS.md's name suffixes).
NOT_RULES = {"rules.py", "evaluate.py"}


def test_word_lists_live_in_the_lexicons():
    # A module-level set of words outside lexicons/ (issue 20: rules users and
    # readers look for in one place).
    sources = [p for p in (ROOT / "src" / "quotebank").rglob("*.py")
               if "lexicons" not in p.parts and p.name not in NOT_RULES]
    literal = re.compile(r"""^_?[A-Z][A-Z0-9_]*\s*(?::[^=]+)?=\s*(?:frozenset\(\{\s*["']|words\()""", re.M)
    assert [p.name for p in sources if literal.search(p.read_text(encoding="utf-8"))] == []


def _label_sets(path) -> list[frozenset[str]]:
    """The tuples, lists and sets of two or more spaCy labels written out in ``path``."""
    from spacy.glossary import GLOSSARY

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and len(node.elts) >= 2:
            values = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(values) == len(node.elts) and all(v in GLOSSARY and v != v.capitalize() for v in values):
                found.append(frozenset(values))
    return found


def test_a_label_set_read_by_two_rules_has_a_name_in_the_lexicons():
    # One rule's own test of a parse ("dobj" or "dative") may spell its labels
    # out; a set two rules read is a meaning, named in lexicons/syntax.py.
    sources = [p for p in (ROOT / "src" / "quotebank").rglob("*.py") if "lexicons" not in p.parts]
    counts = Counter(s for p in sources for s in _label_sets(p))
    assert {tuple(sorted(s)): n for s, n in counts.items() if n > 1} == {}


def test_the_label_set_check_sees_label_sets():
    sample = ROOT / "src" / "quotebank" / "lexicons" / "syntax.py"
    assert frozenset({"VERB", "AUX"}) in _label_sets(sample)
