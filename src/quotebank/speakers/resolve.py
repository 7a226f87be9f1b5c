"""Speakers: from a mention to the entity it names in the article.

No coreference model runs here (the usual packages download theirs at run
time), so resolution is rule- and score-based, from the article alone. For a
mention's head, in order:

1. **Coreference clusters**, when a statistical component has put them in
   ``doc.spans["coref_clusters_*"]``: the fullest name in the mention's
   cluster. This is the plug-in point for a trained model.
2. **A proper name** loses its titles and resolves to the fullest name of the
   article that ends with it: "Borshchevskaya" → "Anna Borshchevskaya",
   "Russian President Vladimir Putin" → "Vladimir Putin", whatever NER says
   of a bare surname ("Velayati" is tagged ORG); a first name or a short
   company name to the fuller name ("Suncor" → "Suncor Energy"); an
   abbreviation to the long form the article defines ("… Canada (EDC)").
   Words glued before a person's full name ("Speed Read Mark Rutte") and a
   date before a name are dropped; hyphenated names are one ("Kim Jong-un").
3. **A name in apposition** ("the chief of staff …, Gen. Mohammad Bagheri")
   or after "from"/"by" ("a report from Iran’s state media IRNA"); the
   author of a document ("her statement", "the RCMP statement").
4. **A pronoun**: he/she to the nearest person before it that agrees in
   gender (from honorifics, first names, earlier pronouns, and the he/she
   that follow a person as subjects: `ArticleEntities.learn_genders`),
   subjects and earlier speakers first; it/they to the nearest
   organisation, country or group.
5. **A role**: "the Iranian president", "the Russian leader", "Russia's
   President", "Iran’s top advisor to …", "Iranian state media" match the
   titles and appositions the article gives its named entities ("Iranian
   President Masoud Pezeshkian", "Advisor Ali Akbar Velayati", "Iran’s state
   media IRNA"), head noun first, then modifiers.
6. **A noun phrase seen before as a speaker** ("the report" after "a report
   from … IRNA").

Titles and roles go into `Speaker.role`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from quotebank.detect.base import quote_mask, span_text
from quotebank.lexicons import (
    COMPARISON_PREPOSITIONS,
    DOCUMENT_NOUNS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    GROUP_PRONOUNS,
    INDEFINITE_DETERMINERS,
    INSTITUTION_NOUNS,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    NAME_PARTICLES,
    ORG_DESCRIPTION_NOUNS,
    ORG_HEAD_NOUNS,
    ORG_PRONOUNS,
    PAST_ROLE_WORDS,
    PERSON_PRONOUNS,
    PERSON_TITLE_NOUNS,
    PRONOUN_GENDER,
    RELATIVE_PRONOUNS,
    REPORTING_NOUNS,
    ROLE_FILLER_WORDS,
    ROLE_SYNONYMS,
    TITLES,
    bare,
)
from quotebank.speakers.base import Attribution, Mention, Speaker

__all__ = ["ArticleEntities", "resolve_speakers", "name_tokens", "COREF_PREFIX"]

#: The ``doc.spans`` key prefix under which a coreference component leaves its
#: clusters (spacy-experimental's ``coref_clusters_1``, ``coref_clusters_2`` …).
COREF_PREFIX = "coref_clusters"

# How sure each resolution path is (``Speaker.confidence``). Set by hand in
# the order of their precision on PolNeAR dev; a record's confidence does not
# use these values as numbers: each is a feature of the fitted model
# (`quotebank.confidence`), which learns its own weight for it.
#: A name the article gives in full, or a surname of one.
CONF_ARTICLE_NAME = 0.95
#: The fullest name of a coreference cluster; a name in apposition.
CONF_CLUSTER = 0.9
CONF_APPOSITION = 0.9
#: A name after "from"/"by" ("a report from IRNA") found among the article's names.
CONF_FROM_BY = 0.85
#: A proper name the article gives nowhere else; a capitalised word the parser missed.
CONF_NEW_NAME = 0.8
CONF_CAPITALISED = 0.8
#: A name after "from"/"by" that the article gives nowhere else.
CONF_FROM_BY_NEW = 0.75
#: A pronoun bound to a person; a description matched to a named holder.
CONF_PRONOUN = 0.75
CONF_ROLE = 0.75
#: The longest abbreviation read as defined in brackets ("(EDC)"), and the
#: lower-case words its long form may hold ("Assembly of First Nations").
ABBREVIATION_CHARS = 6
ABBREVIATION_LINKS = frozenset({"of", "for", "and", "on", "&"})
#: Pronoun votes that give a person a gender (`ArticleEntities.learn_genders`):
#: at least this many, and this many times the votes for the other gender.
GENDER_VOTES = 2
GENDER_MAJORITY = 3
#: A noun phrase seen before as a speaker ("the report").
CONF_REPEATED = 0.7
#: The author of a document noun ("her statement" → the person "her" stands for).
CONF_AUTHOR = 0.7
#: "it"/"they" bound to an organisation, country or group.
CONF_COLLECTIVE = 0.6
#: A description left unresolved; a pronoun left unresolved.
CONF_UNRESOLVED = 0.5
CONF_UNRESOLVED_PRONOUN = 0.4

# Pronoun resolution: how candidate antecedents of he/she are scored.
#: Sentences looked back over at most, and how many narrative sentences
#: without the same he/she the search may cross: a chain of sentences with
#: "he" leads back to the name ("Brooks said … He moved … He failed … he
#: says"). Sentences wholly inside quotes are skipped and do not count.
PRONOUN_LOOKBACK_SENTENCES = 30
PRONOUN_NARRATIVE_SENTENCES = 7
#: An antecedent that was an earlier quote's mention (inverted subjects included).
SCORE_EARLIER_MENTION = 2
#: An antecedent that is a subject, and more so the main clause's subject.
SCORE_SUBJECT = 2
SCORE_MAIN_SUBJECT = 1
#: An antecedent whose known gender agrees.
SCORE_SAME_GENDER = 2
#: An antecedent already resolved as a speaker in the article.
SCORE_EARLIER_SPEAKER = 2
#: An antecedent known to be a person (not of unknown type).
SCORE_PERSON = 1
#: Sentences looked back over for the organisation "it"/"they" stands for.
COLLECTIVE_LOOKBACK_SENTENCES = 3

# Matching a description to a named entity's role (`ArticleEntities.by_role`).
#: The description's head noun is one of the entity's role nouns.
ROLE_SAME_NOUN = 3.0
#: It is a synonym of one ("the Russian leader" for a president).
ROLE_SYNONYM = 1.5
#: The entity was named before the description.
ROLE_NAMED_BEFORE = 0.5

_LABEL_TYPE = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country",
    "NORP": "group",
    "FAC": "organisation",
}
_NAME_DEPS = ("compound", "flat", "nmod", "appos")
#: Role words are compared by their first letters, so that a country and its
#: adjective meet ("Iran" and "Iranian", "Russia's" and "Russian").
STEM_CHARS = 4
#: A run of this many capitalised words or more that NER left untyped is taken
#: for a person's name ("Ali Akbar Velayati").
PERSON_NAME_MIN_WORDS = 2


def _stem(word: str) -> str:
    w = word.lower().strip(".’'")
    return w[:STEM_CHARS] if len(w) >= STEM_CHARS else w


def _split_title(tokens: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """Split leading titles from a name: "Russian President Vladimir Putin" →
    (["Russian", "President"], ["Vladimir", "Putin"])."""
    out = list(tokens)
    while len(out) > 1 and out[0].ent_type_ in ("DATE", "TIME"):
        out.pop(0)  # "On Wednesday Suncor disclosed …"
    titles: list[Token] = []
    # "General Motors": a title word that opens an organisation's two-word name stays.
    one_org = len(out) == 2 and out[0].ent_iob_ == "B" and out[0].ent_type_ == "ORG" and out[1].ent_iob_ == "I"
    while len(out) > 1 and bare(out[0].lower_) in TITLES and not one_org:
        titles.append(out.pop(0))
    # "National Security Council Secretary Ali Akbar Ahmadian": a title inside
    # the run, followed by a person's name of two words or more; or by a single
    # name after a title only a person holds ("Wet'suwet'en Hereditary Chief Na'moks").
    for k in range(len(out) - 2, -1, -1):
        rest = out[k + 1:]
        title = bare(out[k].lower_)
        two_words = len(rest) >= 2 and title in TITLES and any(t.ent_type_ == "PERSON" for t in rest)
        one_word = (len(rest) == 1 and title in PERSON_TITLE_NOUNS and out[k].text[:1].isupper()
                    and rest[0].text[:1].isupper() and bare(rest[0].lower_) not in TITLES)
        if two_words or one_word:
            titles.extend(out[:k + 1])
            out = rest
            break
    while out and (out[-1].is_punct or out[-1].lower_ in ("'s", "’s")):
        out.pop()
    while out and out[0].is_punct:
        out.pop(0)
    # "Speed Read Mark Rutte", "Getty Images Kevin Vickers": words glued before a
    # person's full name (a teaser's label, a photo credit) are not part of it.
    person = _glued_person_start(out)
    if person:
        titles.extend(t for t in out[:person] if t.ent_type_ in ("NORP", "GPE") or bare(t.lower_) in TITLES)
        out = out[person:]
    return titles, out


def _glued_person_start(run: Sequence[Token]) -> int:
    """Where a person's name of two words or more starts inside a run that it
    ends, after words that are no first names; 0 when it does not."""
    if len(run) < 3 or run[-1].ent_type_ != "PERSON":
        return 0
    start = len(run) - 1
    while start > 0 and run[start].ent_iob_ == "I":
        start -= 1
    if start == 0 or run[start].ent_iob_ != "B" or len(run) - start < 2:
        return 0
    if any(t.lower_ in MALE_FIRST_NAMES or t.lower_ in FEMALE_FIRST_NAMES for t in run[:start]):
        return 0
    return start


def _text(tokens: Sequence[Token]) -> str:
    """The original text of consecutive tokens (not ``doc.text``, which is rebuilt on each call)."""
    if not tokens:
        return ""
    return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text


def _name_part(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.pos_ in ("NOUN", "ADJ") and tok.ent_type_ != "")


def _hyphen(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen inside a word ("Jong-un", "Wilson-Thompson")."""
    return (0 < i < len(doc) - 1 and doc[i].text in ("-", "‐") and not doc[i - 1].whitespace_
            and not doc[i].whitespace_ and doc[i - 1].is_alpha and doc[i + 1].is_alpha
            and (doc[i + 1].pos_ == "PROPN" or doc[i + 1].text[:1].isupper())  # not "Calgary-based"
            and not (doc[i + 1].dep_ in ("compound", "amod", "nmod") and doc[i + 1].head.pos_ == "NOUN"))
    # ... nor a pair as a modifier: "the Gasol-Valanciunas trade", "the Israel-Hamas war"


def _of_joins(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is the "of" inside an institution's name ("Department
    of Community Services", "Diocese of Covington"), not "Jones of the Blue Jackets"."""
    if not (0 < i < len(doc) - 1 and doc[i].lower_ == "of"):
        return False
    before, after = doc[i - 1], doc[i + 1]
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in (before, after)):
        return False
    return doc[i].ent_iob_ == "I" and after.ent_iob_ == "I" or bare(before.lower_) in INSTITUTION_NOUNS


def _name_run(head: Token) -> list[Token]:
    """The run of proper nouns around a head token, titles included; hyphenated
    names are one name ("Kim Jong-un")."""
    if head.pos_ != "PROPN" and not (head.ent_type_ and head.ent_type_ in _LABEL_TYPE):
        return []
    doc = head.doc
    left = head.i
    while left >= 2 and _hyphen(doc, left - 1) and doc[left - 2].text[:1].isupper():
        left -= 2
    while left > 0 and _name_part(doc[left - 1]) and doc[left - 1].head.i in range(left - 1, head.i + 1):
        left -= 1
    while left > 0 and _name_part(doc[left - 1]) and doc[left - 1].dep_ in _NAME_DEPS:
        left -= 1
    right = head.i + 1
    while (right < len(doc) and _name_part(doc[right]) and doc[right].dep_ in ("flat", "compound", "appos")
           and doc[right].head.i in range(left, right)):
        right += 1
    while right < len(doc) - 1 and (_hyphen(doc, right) or _of_joins(doc, right)):
        right += 2
        while right < len(doc) and doc[right].pos_ == "PROPN" and doc[right - 1].pos_ == "PROPN" and (
            doc[right].dep_ in ("compound", "pobj", "flat") and doc[right].head.i in range(left, right + 2)
        ):
            right += 1
    return [doc[i] for i in range(left, right)]


def name_tokens(head: Token) -> list[Token]:
    """The proper name a head token belongs to, without titles."""
    return _split_title(_name_run(head))[1]


def _is_proper_modifier(tok: Token) -> bool:
    """A name or nationality word ("NATO", "Iran's", "Iranian")."""
    if bare(tok.lower_) in TITLES and tok.ent_type_ not in ("NORP", "GPE"):
        return False
    if tok.pos_ == "PROPN":
        return True
    return tok.pos_ == "ADJ" and tok.text[:1].isupper() and (tok.ent_type_ in ("NORP", "GPE") or not tok.is_sent_start)


def _title_only(run: Sequence[Token]) -> bool:
    """Whether a run is all titles ("President"), not a name ("US", "Iran")."""
    if len(run) == 1 and run[0].ent_type_ in ("GPE", "ORG", "NORP"):
        return False
    return all(bare(t.lower_) in TITLES for t in run)


@attrs.define
class _Entity:
    name: str
    tokens: tuple[str, ...]
    type: str
    first: int  # first token index where seen
    gender: str | None = None
    role: str | None = None
    role_words: set[str] = attrs.Factory(set)  # stems of the role's words
    role_nouns: set[str] = attrs.Factory(set)  # the role's nouns, lower case
    role_proper: set[str] = attrs.Factory(set)  # stems of its names and nationalities


class ArticleEntities:
    """The names an article uses, with their roles, to resolve surnames,
    pronouns and descriptions.

    Built once per Doc from its proper-noun runs and named entities.
    """

    def __init__(self, doc: Doc, coref_prefix: str = COREF_PREFIX, skip: bytearray | None = None) -> None:
        self.doc = doc
        self.entities: list[_Entity] = []
        self._by_key: dict[tuple[str, ...], _Entity] = {}
        for run in self._runs(doc, skip or bytearray(len(doc))):
            self._add(run)
        #: Abbreviations the article defines: "Export Development Canada (EDC)".
        self._aliases: dict[str, _Entity] = {}
        for short, long in _defined_abbreviations(doc):
            ent = self._add(long)
            if ent is not None:
                self._aliases.setdefault(short.lower(), ent)
        # An acronym the article never defines, but whose letters are the
        # capitals of one of its names: "the PBO" after "The Parliamentary Budget Officer".
        by_initials: dict[str, list[_Entity]] = {}
        for ent in self.entities:
            words = [w for w in ent.name.split() if w[:1].isupper()]
            if len(words) >= 2:
                by_initials.setdefault("".join(w[0] for w in words).lower(), []).append(ent)
        for ent in self.entities:
            key = ent.tokens[0] if len(ent.tokens) == 1 else ""
            if ent.name.isupper() and 2 <= len(key) <= ABBREVIATION_CHARS and key not in self._aliases:
                longs = by_initials.get(key, [])
                if len(longs) == 1:
                    self._aliases[key] = longs[0]
        self.clusters = _coref_clusters(doc, coref_prefix)

    @staticmethod
    def _runs(doc: Doc, skip: bytearray) -> list[list[Token]]:
        """Runs of proper nouns, not on skipped (furniture) tokens."""
        runs: list[list[Token]] = []
        cur: list[Token] = []
        for tok in doc:
            if skip[tok.i]:
                pass
            elif tok.pos_ == "PROPN" and tok.text[:1].isupper() or (cur and tok.text in NAME_PARTICLES):
                cur.append(tok)
                continue
            elif cur and (_hyphen(doc, tok.i) or _hyphen(doc, tok.i - 1) and cur[-1].i == tok.i - 1):
                cur.append(tok)  # "Kim Jong-un"
                continue
            elif cur and _of_joins(doc, tok.i):
                cur.append(tok)  # "Department of Community Services"
                continue
            if cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        return runs

    def _add(self, full_run: list[Token]) -> _Entity | None:
        titles, run = _split_title(full_run)
        if not run or _title_only(run):
            return None
        key = tuple(t.text.lower() for t in run)
        label = _label_of(run, titles)
        ent = self._by_key.get(key)
        if ent is None:
            ent = _Entity(_text(run), key, label, run[0].i)
            self._by_key[key] = ent
            self.entities.append(ent)
        elif label == "person" and titles:
            ent.type = "person"  # "Na'moks" (tagged ORG), then "Hereditary Chief Na'moks"
        prev = full_run[0].nbor(-1) if full_run[0].i > 0 else None
        if ent.gender is None:
            words = [bare(t.lower_) for t in titles] + ([bare(prev.lower_)] if prev is not None else [])
            first = run[0].lower_ if len(run) > 1 else ""
            if any(w in MALE_WORDS for w in words) or first in MALE_FIRST_NAMES:
                ent.gender = "m"
            elif any(w in FEMALE_WORDS for w in words) or first in FEMALE_FIRST_NAMES:
                ent.gender = "f"
        self._add_role(ent, titles, run)
        return ent

    def _add_role(self, ent: _Entity, titles: list[Token], run: list[Token]) -> None:
        """Collect the titles and descriptions the article gives an entity.

        ``role_nouns`` gets the role's head words (the titles, the head of an
        apposition, the nouns right before the name); ``role_words`` the stems
        of all its words, to match modifiers ("Iranian", "Russia's").
        """
        doc = self.doc
        head = run[-1]
        pieces: list[str] = []
        heads: list[Token] = list(titles)
        words: list[Token] = list(titles)
        first = titles[0] if titles else run[0]
        # "Secretary of State Antony Blinken": a title with "of" before the run.
        if titles and first.i >= 2 and doc[first.i - 1].lower_ == "of" and bare(doc[first.i - 2].lower_) in TITLES:
            first = doc[first.i - 2]
            heads.append(first)
            titles = [doc[k] for k in range(first.i, titles[-1].i + 1)]
        # "Russia's President Vladimir Putin": a possessive before the name.
        if first.i >= 2 and doc[first.i - 1].lower_ in ("'s", "’s"):
            owner = doc[first.i - 2]
            words.append(owner)
            if titles:
                pieces.append(_text([owner, doc[first.i - 1]] + titles))
        elif titles:
            pieces.append(_text(titles))
        # "Anna Borshchevskaya — the Ira Weiner Fellow …": an apposition.
        for child in head.children:
            if child.dep_ != "appos" or child.i <= head.i or child.pos_ not in ("NOUN", "PROPN"):
                continue
            if _name_part(child) and not any(t.lower_ in ("the", "a", "an") for t in child.lefts):
                continue  # another name, not a description
            lo, hi = child.left_edge.i, child.right_edge.i + 1
            pieces.append(span_text(doc, lo, hi))
            heads.append(child)
            words.extend(doc[lo:hi])
        # "the chief of staff …, Gen. Mohammad Bagheri": the name in apposition.
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and head.head.i < run[0].i:
            noun = head.head
            lo, hi = noun.left_edge.i, min(noun.right_edge.i + 1, first.i)
            pieces.append(span_text(doc, lo, hi))
            heads.append(noun)
            words.extend(doc[lo:hi])
        # "Iran’s state media IRNA": nouns and modifiers right before the name.
        # "Iranian President …": modifiers before the titles or the name.
        lefts = [
            c for t in [*titles, *run] for c in t.lefts
            if c.i < first.i and c.dep_ in ("compound", "amod", "nmod", "poss")
        ]
        if lefts:
            lo = min(c.left_edge.i for c in lefts)
            words.extend(doc[lo:first.i])
            nouns = [doc[k] for k in range(lo, first.i) if doc[k].pos_ == "NOUN"]
            if titles:
                pieces.append(span_text(doc, lo, titles[-1].i + 1))
            elif nouns:
                pieces.append(span_text(doc, lo, run[0].i))
                heads.extend(nouns)
        for w in words:
            if w.is_alpha and w.lower_ not in ROLE_FILLER_WORDS:
                ent.role_words.add(_stem(w.text))
                if _is_proper_modifier(w):
                    ent.role_proper.add(_stem(w.text))
        ent.role_nouns.update(bare(w.lower_) for w in heads if w.is_alpha or w.text.endswith("."))
        if any(w.lower_ in PAST_ROLE_WORDS for w in words):
            ent.role_nouns.add("former")
        if pieces:
            longest = max(pieces, key=len)
            if ent.role is None or len(longest) > len(ent.role):
                ent.role = longest

    def learn_genders(self, in_quote: bytearray) -> None:
        """Give a gender to the people the article refers to by pronoun.

        A person named as the subject of a narrative sentence gets a vote from
        each he/she that is the subject of a later clause of that sentence
        (when it names nobody else), and from the he/she that is the subject
        of the next sentence (when it names nobody before it): "Patterson
        dragged Jayme outside. He pulled her across the yard." A clear majority
        (`GENDER_VOTES` votes or more, `GENDER_MAJORITY` times the other) decides.
        """
        votes: dict[int, list[int]] = {}
        previous: _Entity | None = None
        sents = list(self.doc.sents)
        # Only sentences with a he/she, and those just before them, can vote.
        hashes = [self.doc.vocab.strings[w] for w in PRONOUN_GENDER]
        at = numpy.nonzero(numpy.isin(self.doc.to_array(LOWER), hashes))[0].tolist()
        starts = [sent.start for sent in sents]
        with_pronoun = {bisect.bisect_right(starts, i) - 1 for i in at}
        for k, sent in enumerate(sents):
            if k not in with_pronoun and k + 1 not in with_pronoun:
                previous = None
                continue
            subject: _Entity | None = None
            named: set[int] = set()
            carried = previous
            for tok in sent:
                if in_quote[tok.i]:
                    continue
                if tok.pos_ == "PROPN" and tok.dep_ not in ("compound", "amod"):
                    ent = self.lookup(name_tokens(tok))
                    if ent is not None and ent.type == "person":
                        named.add(id(ent))
                        carried = None  # a name before the pronoun: centering no longer applies
                        if subject is None and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
                            subject = ent
                    continue
                gender = PRONOUN_GENDER.get(tok.lower_) if tok.dep_ in ("nsubj", "nsubjpass") else None
                if gender is None:
                    continue
                if carried is not None and tok.head.dep_ == "ROOT":
                    votes.setdefault(id(carried), [0, 0])[gender == "f"] += 1
                    carried = None
                elif subject is not None and len(named) == 1:
                    votes.setdefault(id(subject), [0, 0])[gender == "f"] += 1
            previous = subject
        for ent in self.entities:
            male, female = votes.get(id(ent), (0, 0))
            if ent.gender is None and max(male, female) >= GENDER_VOTES:
                if male >= GENDER_MAJORITY * female:
                    ent.gender = "m"
                elif female >= GENDER_MAJORITY * male:
                    ent.gender = "f"

    def lookup(self, run: Sequence[Token]) -> _Entity | None:
        """The fullest entity whose name ends with (or, for a first name,
        starts with) ``run``."""
        key = tuple(t.text.lower() for t in run)
        if not key:
            return None
        if len(key) == 1 and key[0] in self._aliases:
            return self._aliases[key[0]]
        best: _Entity | None = None
        n = len(key)
        for ent in self.entities:
            if len(ent.tokens) < n:
                continue
            suffix = ent.tokens[-n:] == key
            prefix = n == 1 and ent.tokens[0] == key[0] and len(ent.tokens) > 1 and (
                ent.type == "person" or ent.type == "organisation" and run[0].ent_type_ in ("", "ORG")
            )  # "Chris" → "Chris Anderson"; "Suncor" → "Suncor Energy"
            if len(ent.tokens) > n and run[0].ent_type_ == "GPE" and not prefix:
                continue  # "US" is the country, not "The Week US"; but "Jordan" may be Jordan Stewart
            if suffix or prefix:
                if best is None or _rank(ent, suffix, n) > _rank(best, best.tokens[-n:] == key, n):
                    best = ent
        return best

    def by_role(self, head: Token, position: int) -> _Entity | None:
        """The entity whose titles and appositions fit a description:
        "the Iranian president", "the Russian leader", "Iranian state media".

        A plural description ("Russian officials") names no single entity.
        """
        noun = head.lower_
        if head.tag_ in ("NNS", "NNPS") and noun not in ORG_HEAD_NOUNS:
            return None
        group = next((g for g in ROLE_SYNONYMS if noun in g), frozenset({noun}))
        mods = {
            _stem(t.text) for t in head.subtree
            if t.i < head.i and t.is_alpha and t.lower_ not in ROLE_FILLER_WORDS and t.pos_ in ("ADJ", "PROPN", "NOUN")
        }
        # Modifiers that name a place or body ("NATO chief", "Iranian president").
        proper_mods = {_stem(t.text) for t in head.subtree if t.i < head.i and _is_proper_modifier(t)}
        past = any(t.lower_ in PAST_ROLE_WORDS for t in head.subtree)
        org_head = noun in ORG_HEAD_NOUNS
        best, best_score = None, 0.0
        for ent in self.entities:
            if not ent.role_nouns:
                continue
            if org_head != (ent.type in ("organisation", "group")) and ent.type != "unknown":
                continue
            if not past and "former" in ent.role_nouns:
                continue
            if noun in ent.role_nouns:
                score = ROLE_SAME_NOUN
            elif ent.role_nouns & group and (not proper_mods or proper_mods & ent.role_proper):
                score = ROLE_SYNONYM  # a synonym needs its place to agree: "the Russian leader"
            else:
                continue
            if proper_mods and ent.role_proper and not proper_mods & ent.role_proper:
                continue  # "NATO chief" is not Iran's adviser
            score += len(mods & ent.role_words)
            score += ROLE_NAMED_BEFORE if ent.first < position else 0.0
            if score > best_score:
                best, best_score = ent, score
        return best

    def cluster_name(self, head: int) -> _Entity | None:
        """The fullest named entity in the coreference cluster holding ``head``."""
        for cluster in self.clusters:
            if not any(s.start <= head < s.end for s in cluster):
                continue
            looked = [self.lookup(name_tokens(t)) for s in cluster for t in s if t.pos_ == "PROPN"]
            found = [e for e in looked if e is not None]
            if found:
                return max(found, key=lambda e: len(e.tokens))
        return None


def _defined_abbreviations(doc: Doc) -> list[tuple[str, list[Token]]]:
    """Abbreviations defined in brackets after the name they stand for, whose
    letters are its capitals in order: "Export Development Canada (EDC)", "the
    Assembly of First Nations (AFN)" → ``[("EDC", [Export, Development, Canada]), …]``."""
    found = []
    for i in range(2, len(doc) - 2):
        short = doc[i + 1]
        if doc[i].text != "(" or doc[i + 2].text != ")" or not (
            short.is_alpha and short.is_upper and 2 <= len(short.text) <= ABBREVIATION_CHARS
        ):
            continue
        start = i
        while start > 0 and i - start < 2 * ABBREVIATION_CHARS and (
            doc[start - 1].text[:1].isupper() or doc[start - 1].lower_ in ABBREVIATION_LINKS
        ):
            start -= 1
        while start < i and (not doc[start].text[:1].isupper() or doc[start].lower_ == "the"):
            start += 1
        long = [doc[k] for k in range(start, i)]
        capitals = "".join(t.text[0] for t in long if t.text[:1].isupper())
        if long and _initials_match(short.text, capitals):
            found.append((short.text, long))
    return found


def _initials_match(short: str, capitals: str) -> bool:
    """"EDC" for "EDC"; "AFN" for "TAFN" (a leading "The")."""
    return short == capitals or (len(capitals) == len(short) + 1 and capitals[1:] == short)


def _coref_clusters(doc: Doc, prefix: str) -> list[list]:
    """Clusters a coreference component left in ``doc.spans`` (keys starting
    with ``prefix``, one span group per cluster, as spacy-experimental does)."""
    return [list(group) for key, group in doc.spans.items() if key.startswith(prefix)]


def _rank(ent: _Entity, suffix: bool, n: int) -> tuple:
    """How good a match of ``n`` words is: a person first, then a fuller name
    than the words themselves ("Jordan" → "Jordan Stewart"), then one that ends
    with them (a surname), then the longest."""
    return (ent.type == "person", len(ent.tokens) > n, suffix, len(ent.tokens))


def _acronym(token: Token) -> bool:
    """ "CBC", "RCMP": capitals only, two letters or more (an organisation, not a name)."""
    letters = [c for c in token.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _first_name(tok: Token) -> bool:
    return tok.is_title and (tok.lower_ in MALE_FIRST_NAMES or tok.lower_ in FEMALE_FIRST_NAMES)


def _label_of(run: Sequence[Token], titles: Sequence[Token] = ()) -> str:
    """The speaker type of a name: a person after a title only a person holds
    ("Hereditary Chief Na'moks"), else from NER's labels and the name's shape."""
    if titles and bare(titles[-1].lower_) in PERSON_TITLE_NOUNS:
        return "person"
    labels = [t.ent_type_ for t in run if t.ent_type_]
    if labels:
        # The most frequent label; on a tie the first seen (never a set's
        # order, which changes with PYTHONHASHSEED).
        label = max(dict.fromkeys(labels), key=labels.count)
        # "Sean Hannity", "Paul Dewar" tagged ORG: a first name and a surname.
        if label == "ORG" and len(run) == PERSON_NAME_MIN_WORDS and _first_name(run[0]) and run[1].is_title and (
            run[1].lower_ not in ORG_DESCRIPTION_NOUNS | INSTITUTION_NOUNS  # not "Sierra Club"
        ):
            return "person"
        # A date, an event, a work or a law ("Christmas Day", "Dec.") is no speaker's name.
        return _LABEL_TYPE.get(label, "unknown")
    if len(run) >= PERSON_NAME_MIN_WORDS and all(t.text[:1].isupper() and not _acronym(t) for t in run):
        return "person"
    return "unknown"


def resolve_speakers(
    doc: Doc,
    attributions: Sequence[Attribution],
    quoted: Sequence[tuple[int, int]] = (),
    coref_prefix: str = COREF_PREFIX,
    furniture: bytearray | None = None,
    captions: bytearray | None = None,
) -> list[Attribution]:
    """Resolve the mention of every attribution of a document to its speaker.

    Args:
        doc: the parsed document.
        attributions: attributions in text order, with their mentions.
        quoted: ``(first, last + 1)`` token ranges of the quotes; names inside
            them are not antecedents of a pronoun.
        coref_prefix: the ``doc.spans`` key prefix of coreference clusters.
        furniture: per token, 1 on a line of page furniture: never an antecedent.
        captions: per token, 1 in a photo caption: its names are known (for
            surnames) but never the antecedent of a pronoun.

    Returns:
        The attributions with their `Speaker` (unknown where there is
        no mention), in the same order.
    """
    table = ArticleEntities(doc, coref_prefix, furniture)
    in_quote = quote_mask(len(doc), quoted)
    for mask in (furniture, captions):  # names on furniture lines and in captions are no antecedents either
        if mask is not None:
            in_quote = bytearray(a | b for a, b in zip(in_quote, mask, strict=True))
    table.learn_genders(in_quote)
    out: list[Attribution] = []
    history: list[tuple[int, Speaker, str]] = []  # (head index, speaker, head lemma)
    for att in attributions:
        mention = att.mention
        if mention is None:
            out.append(att)
            continue
        res = _resolve_one(doc, table, mention, history, in_quote)
        head = doc[mention.head]
        if mention.method != "floating":
            history.append((mention.head, res, head.lemma_.lower()))
            if res.name and head.lower_ in PRONOUN_GENDER:
                for ent in table.entities:
                    if ent.name == res.name and ent.gender is None:
                        ent.gender = PRONOUN_GENDER[head.lower_]
        out.append(attrs.evolve(att, speaker=res))
    return out


def _found(ent: _Entity, confidence: float, role: str | None = None) -> Speaker:
    return Speaker(ent.name, ent.type, confidence, role or ent.role, named=True)


def _proper_name(table: ArticleEntities, run: Sequence[Token], role: str | None = None) -> Speaker:
    """A name's speaker: the fullest form the article gives it, else the name as written."""
    ent = table.lookup(run)
    if ent is not None:
        return _found(ent, CONF_ARTICLE_NAME, role)
    return Speaker(_text(run), _label_of(run), CONF_NEW_NAME, role, named=True)


def _with_conjoined(table: ArticleEntities, head: Token, first: Speaker) -> Speaker:
    """``first`` joined with the names conjoined to ``head`` ("Charles Glynn and
    Richard Jones"): both speak, both are named."""
    names = [first.name]
    types = {first.type}
    chain = [c for c in head.children if c.dep_ == "conj"]
    conjoined = []
    while chain:  # "A, B and C": each name is a conj of the one before
        tok = chain.pop(0)
        conjoined.append(tok)
        chain.extend(c for c in tok.children if c.dep_ == "conj")
    for tok in conjoined:
        if tok.pos_ == "PROPN":
            run = name_tokens(tok)
            if run and run[-1].i == tok.i and not _title_only(run):
                other = _proper_name(table, run)
                names.append(other.name)
                types.add(other.type)
    if len(names) == 1:
        return first
    joined = ", ".join(str(n) for n in names[:-1]) + " and " + str(names[-1])
    kind = "person" if types == {"person"} else "group"
    return attrs.evolve(first, name=joined, type=kind, role=None)


def _description(doc: Doc, mention: Mention) -> str:
    """The words of a mention that describe an unnamed source, without what
    follows the head noun's own phrase: "a citizen, whose name is redacted" →
    "a citizen", "Another member of the public, whose …" → "Another member of
    the public"."""
    head = doc[mention.head]
    stop = mention.end
    for i in range(head.i + 1, mention.end):
        tok = doc[i]
        if tok.is_punct or tok.dep_ in ("relcl", "appos", "acl", "cc", "conj") or tok.lower_ in RELATIVE_PRONOUNS:
            stop = i
            break
    return span_text(doc, mention.start, stop)


def _resolve_one(doc: Doc, table: ArticleEntities, mention: Mention, history, in_quote: bytearray) -> Speaker:
    head = doc[mention.head]
    span = [doc[i] for i in range(mention.start, mention.end)]
    # 1. A coreference cluster from a statistical component.
    ent = table.cluster_name(mention.head)
    if ent is not None:
        return _found(ent, CONF_CLUSTER)
    # 2. A proper name, and the names conjoined to it ("Both Sandmann and Phillips").
    full = _name_run(head)
    titles, run = _split_title(full)
    if run and not _title_only(run):
        role = _text(titles) if titles else None
        return _with_conjoined(table, head, _proper_name(table, run, role))
    # A capitalised word the parser did not tag as a name ("Pence demands …").
    if head.text[:1].isupper() and head.pos_ not in ("PRON", "DET") and bare(head.lower_) not in TITLES:
        ent = table.lookup([head])
        if ent is not None and ent.type == "person" and len(ent.tokens) > 1:
            return _found(ent, CONF_CAPITALISED)
    # 3. A name in apposition, or after from/by ("a report from … IRNA").
    for tok in span:
        # "the chief of staff, Gen. Mohammad Bagheri"; "actors and spouses Nick
        # Offerman and Megan Mullally" (the names parsed as conjuncts of the noun).
        named = tok.dep_ == "appos" or tok.dep_ == "conj" and head.pos_ == "NOUN" and tok.ent_type_ == "PERSON"
        if tok.head.i == head.i and named and tok.pos_ == "PROPN":
            ent = table.lookup(name_tokens(tok))
            if ent is not None:
                found = _found(ent, CONF_APPOSITION, span_text(doc, mention.start, tok.left_edge.i))
                return _with_conjoined(table, tok, found)
    for tok in span:
        prep = tok.head
        if tok.dep_ == "pobj" and prep.lower_ in ("from", "by") and (
            prep.head.i == head.i or prep.head.head.i == head.i
        ):
            run = name_tokens(tok)
            if run:
                ent = table.lookup(run)
                if ent is not None:
                    return _found(ent, CONF_FROM_BY)
                return Speaker(_text(run), _label_of(run), CONF_FROM_BY_NEW, named=True)
    # 3b. A document or statement of someone's: "her statement", "Foster’s book",
    # "the RCMP statement" speak for their author.
    author = _author_of(head)
    if author is not None:
        sub = Mention(author.left_edge.i, author.i + 1, author.i, mention.method)
        found = _resolve_one(doc, table, sub, history, in_quote)
        if found.name is not None and found.named:
            return attrs.evolve(found, confidence=min(found.confidence, CONF_AUTHOR))
    lower = head.lower_
    # 4. A pronoun.
    if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS | ORG_PRONOUNS:
        return _resolve_pronoun(doc, table, mention, history, in_quote)
    # 5. A role: "the Iranian president", "Iranian state media".
    ent = table.by_role(head, mention.start)
    if ent is not None:
        return _found(ent, CONF_ROLE, span_text(doc, mention.start, mention.end))
    # 5b. "The agency", "the team": the organisation named just before.
    if _definite_org_description(head):
        ent = _nearest_organisation(doc, table, mention, in_quote)
        if ent is not None:
            return _found(ent, CONF_COLLECTIVE, span_text(doc, mention.start, mention.end))
    # 6. A noun phrase seen before as a speaker ("the report"); not one that
    # introduces someone new ("An expert on regional issues").
    lemma = head.lemma_.lower()
    indefinite = any(t.dep_ == "det" and t.lower_ in INDEFINITE_DETERMINERS for t in head.children)
    for _, res, prev_lemma in reversed(history) if not indefinite else ():
        if prev_lemma == lemma and res.name:
            return attrs.evolve(res, confidence=CONF_REPEATED)
    # 6b. "The statement" after "X said in a statement": the named speaker
    # whose cue was made in that document.
    if not indefinite and lemma in DOCUMENT_NOUNS:
        for idx, res, _ in reversed(history):
            if res.name and res.named and any(
                t.lemma_.lower() == lemma and t.head.lower_ == "in" and t.head.head.pos_ == "VERB"
                and t.i < mention.start for t in doc[idx].sent
            ):
                return attrs.evolve(res, confidence=CONF_REPEATED)
    # 7. An unnamed source: its description is the speaker ("officials"),
    # unless the words are a line's label ("Strategic Council Online – Interview: …").
    if _is_line_label(doc, mention):
        return Speaker(None, "unknown", CONF_UNRESOLVED)
    kind = "group" if head.tag_ == "NNS" else "unknown"
    return Speaker(_description(doc, mention) or None, kind, CONF_UNRESOLVED)


def _author_of(head: Token) -> Token | None:
    """The owner of a document noun, when a name or he/she says who it is ("her"
    in "her statement", "Foster" in "Foster’s book", "RCMP" in "the RCMP
    statement"), or None."""
    if head.lemma_.lower() not in DOCUMENT_NOUNS and head.lemma_.lower() not in REPORTING_NOUNS:
        return None
    for child in head.children:
        if child.i > head.i:
            break
        named = child.pos_ == "PROPN" and child.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
        if child.dep_ == "poss" and (named or child.lower_ in PRONOUN_GENDER):
            return child  # "her statement", "Foster’s book"; not "the President of Russia’s website"
        if child.dep_ == "compound" and named:
            return child
    return None


def _is_line_label(doc: Doc, mention: Mention) -> bool:
    """Whether a mention opens its line and is followed by a colon: a site's
    or a section's label, not a source."""
    starts_line = mention.start == 0 or "\n" in doc[mention.start - 1].text
    return starts_line and mention.end < len(doc) and doc[mention.end].text == ":"


def _preceding_sentences(doc: Doc, token: Token, count: int) -> list:
    sent = token.sent
    sents = [sent]
    node = sent
    for _ in range(count):
        if node.start == 0:
            break
        node = doc[node.start - 1].sent
        sents.append(node)
    return sents


def _resolve_pronoun(doc: Doc, table: ArticleEntities, mention: Mention, history, in_quote: bytearray) -> Speaker:
    word = doc[mention.head].lower_
    if word in GROUP_PRONOUNS or word in ORG_PRONOUNS:
        return _resolve_collective(doc, table, mention, word in GROUP_PRONOUNS, in_quote)
    gender = PRONOUN_GENDER.get(word)
    if gender is None:
        return Speaker(None, "person", CONF_UNRESOLVED_PRONOUN)
    sents = [s for s in _preceding_sentences(doc, doc[mention.head], PRONOUN_LOOKBACK_SENTENCES)
             if not all(in_quote[t.i] for t in s)]
    speakers = {res.name for _, res, _ in history if res.name and res.type == "person"}
    voices = {res.name for _, res, _ in history if res.name and res.type == "unknown" and res.named}
    speaker_heads = {idx for idx, res, _ in history}
    same_gender = MALE_WORDS if gender == "m" else FEMALE_WORDS
    resolved = {idx: res for idx, res, _ in history if res.name and res.type == "person"}
    budget = PRONOUN_NARRATIVE_SENTENCES
    for s in sents:
        if budget == 0:
            break
        limit = mention.start if s == sents[0] else s.end
        # A name after a he/she of the same gender in its sentence is not what
        # they stand for ("He met Benjamin Layne."), unless it is the sentence's
        # subject ("Asked what he would tell Mayor John Tory, Dennis Brooks
        # said …"): the chain goes on, to that he/she's own speaker when it was
        # one, else to the sentences before.
        block, chained = limit, None
        for tok in s:
            if tok.i >= limit:
                break
            if tok.pos_ == "PRON" and tok.lower_ in same_gender and not in_quote[tok.i]:
                block, chained = tok.i, resolved.get(tok.i)
                break
        candidates: list[tuple[int, int, _Entity]] = []
        for tok in s:
            if tok.i >= limit or tok.pos_ != "PROPN" or in_quote[tok.i]:
                continue
            run = name_tokens(tok)
            if not run or run[-1].i != tok.i:
                continue
            if tok.dep_ == "compound" and tok.head.i == tok.i + 1 and tok.head.pos_ == "PROPN":
                continue  # "Kinder" of "the Kinder Morgan pipeline": inside a longer name
            if tok.dep_ == "pobj" and tok.head.lower_ in COMPARISON_PREPOSITIONS:
                continue  # "Unlike Al Mnajer, he …": someone else
            ent = table.lookup(run)
            # He and she are people, never a date or a company; a name NER left
            # untyped counts when it has spoken before ("Na'moks said …").
            if ent is None or ent.type != "person" and not (ent.type == "unknown" and ent.name in voices):
                continue
            if ent.gender is not None and gender is not None and ent.gender != gender:
                continue
            if tok.dep_ in ("compound", "amod") and tok.head.pos_ != "PROPN":
                continue  # "the Trump campaign" does not name a person here
            subject = tok if tok.dep_ != "appos" else tok.head
            main_subject = subject.dep_ in ("nsubj", "nsubjpass") and subject.head.dep_ == "ROOT"
            if tok.i > block and not main_subject:
                continue
            score = 0
            if tok.i in speaker_heads:
                score += SCORE_EARLIER_MENTION
            if subject.dep_ in ("nsubj", "nsubjpass"):
                score += SCORE_SUBJECT
                if main_subject:
                    score += SCORE_MAIN_SUBJECT
            if ent.gender is not None and ent.gender == gender:
                score += SCORE_SAME_GENDER
            if ent.name in speakers:
                score += SCORE_EARLIER_SPEAKER
            if ent.type == "person":
                score += SCORE_PERSON
            candidates.append((score, tok.i, ent))
        if candidates:
            best = max(candidates, key=lambda c: (c[0], c[1]))[2]
            return _found(best, CONF_PRONOUN)
        if chained is not None:
            return attrs.evolve(chained, confidence=CONF_PRONOUN)
        if block == limit:
            budget -= 1  # a sentence without the same he/she: the chain does not go through it
    return Speaker(None, "person", CONF_UNRESOLVED_PRONOUN)


def _definite_org_description(head: Token) -> bool:
    """ "The agency", "the security firm": a singular organisation noun with "the"."""
    return (
        head.pos_ == "NOUN" and head.tag_ == "NN" and head.lemma_.lower() in ORG_DESCRIPTION_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    )


def _nearest_organisation(doc: Doc, table: ArticleEntities, mention: Mention, in_quote: bytearray) -> _Entity | None:
    """The organisation named last before a mention, within a few sentences (any role, not only subjects)."""
    for s in _preceding_sentences(doc, doc[mention.head], COLLECTIVE_LOOKBACK_SENTENCES):
        limit = mention.start if s.start <= mention.start < s.end else s.end
        found = None
        for tok in s:
            if tok.i >= limit or in_quote[tok.i] or tok.pos_ != "PROPN":
                continue
            run = name_tokens(tok)
            if not run or run[-1].i != tok.i:
                continue
            ent = table.lookup(run)
            if ent is not None and ent.type in ("organisation", "group"):  # "the team" → "the Raptors"
                found = ent
        if found is not None:
            return found
    return None


def _resolve_collective(
    doc: Doc, table: ArticleEntities, mention: Mention, plural: bool, in_quote: bytearray
) -> Speaker:
    """it → the nearest organisation or country subject before it; they → a
    group, organisation or country (a plural noun phrase is left unresolved)."""
    kinds = ("organisation", "country", "group")
    for s in _preceding_sentences(doc, doc[mention.head], COLLECTIVE_LOOKBACK_SENTENCES):
        limit = mention.start if s.start <= mention.start < s.end else s.end
        found = None
        for tok in s:
            if tok.i >= limit or in_quote[tok.i] or tok.pos_ != "PROPN" or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            ent = table.lookup(name_tokens(tok))
            if ent is not None and ent.type in kinds:
                found = ent
        if found is not None:
            return _found(found, CONF_COLLECTIVE)
    return Speaker(None, "group" if plural else "organisation", CONF_UNRESOLVED_PRONOUN)
