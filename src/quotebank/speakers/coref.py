"""Coreference: the entity a pronoun or a description stands for.

A pronoun or a description that the exact rules (`quotebank.speakers.resolve`)
do not settle is bound by a **learned ranking** of the article's entities:

1. `antecedents` lists the candidates: every entity the article mentions
   before it (`quotebank.speakers.entities.ArticleEntities.mentions`), with
   the features of the pair: agreement (type, gender, number), distance,
   prominence so far (mentions, subjects, earlier speakers), the syntactic role
   of its last mention, how the description fits the roles and titles the
   article gives the entity ("the Iranian president" for "Iranian President
   Masoud Pezeshkian"), and whether the hand-written rules below pick it.
2. `Ranker` scores each candidate with a logistic model per kind of mention
   (he/she, it/they, description), its weights shipped as package data
   (``data/coref.json``, fitted by ``benchmarks/fit_coref.py`` on the shared
   name sets, chosen by cross-validation by article), and takes the best when
   its probability clears the kind's threshold. A description whose best
   candidate does not is an unnamed source ("officials").

The hand-written rules (`hand_rules`) remain as one feature of the ranking
and as the answer when no entity is a candidate: he/she goes to the person the
passage is about, it/they to the organisation or group, a description to the
entity whose roles it fits (`ArticleEntities.by_role`) or that was named just
before. A description bound to no entity is an unnamed source, named by its
words (`unnamed_source`: "officials", "voters" for "55 percent of all voters").
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping, Sequence
from importlib import resources

import attrs
from spacy.tokens import Doc, Span, Token

from quotebank.detect.base import span_text
from quotebank.furniture import is_line_label
from quotebank.lexicons import (
    ABOUT_PREPOSITIONS,
    COMPARISON_PREPOSITIONS,
    DOCUMENT_NOUNS,
    FEMALE_NOUNS,
    FEMALE_WORDS,
    GROUP_PRONOUNS,
    INDEFINITE_DETERMINERS,
    KIN_NOUNS,
    MALE_NOUNS,
    MALE_WORDS,
    NUMBER_WORDS,
    OFFICE_NOUNS,
    ORG_DESCRIPTION_NOUNS,
    ORG_HEAD_NOUNS,
    ORG_PRONOUNS,
    OWNER_GENDER,
    PAST_ROLE_WORDS,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    PERSON_TITLE_NOUNS,
    PLACE_ADVERBS,
    QUANTIFIER_WORDS,
    RELATIVE_PRONOUNS,
    REPORTING_NOUNS,
    ROLE_FILLER_WORDS,
    ROLE_SYNONYMS,
    SUBJECT_DEPS,
    TITLES,
    bare,
)
from quotebank.lexicons.syntax import NAME_WORD_POS, NOUN_MODIFIER_DEPS, NOUN_POS, PLURAL_NOUN_TAGS
from quotebank.speakers.base import Mention, Resolution, Speaker
from quotebank.speakers.entities import ArticleEntities, Entity, EntityMention
from quotebank.speakers.names import is_proper_modifier, name_tokens, stem

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
    gender = OWNER_GENDER.get(word)
    if gender is None:
        return Speaker(None, "person", Resolution.UNRESOLVED_PRONOUN)
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
        candidates: list[tuple[int, bool, int, Entity]] = []
        described = _described_subject(table, s, limit, gender, in_quote)
        if described is not None:
            # "The former ambassador also discussed … Donald Trump. He stated …":
            # the sentence's subject, a description of someone the article names.
            score = SCORE_SUBJECT + SCORE_MAIN_SUBJECT + SCORE_PERSON + SCORE_SAME_GENDER * (described.gender == gender)
            candidates.append((score, True, limit, described))
        for tok in s:
            untagged = tok.i in table.untagged_surnames  # "Sanders is burrowing in …"
            if tok.i >= limit or tok.pos_ != "PROPN" and not untagged or in_quote[tok.i]:
                continue
            run = [tok] if untagged else name_tokens(tok)
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
            if tok.dep_ in NOUN_MODIFIER_DEPS and tok.head.pos_ != "PROPN":
                continue  # "the Trump campaign" does not name a person here
            subject = tok if tok.dep_ != "appos" else tok.head
            main_subject = subject.dep_ in SUBJECT_DEPS and subject.head.dep_ == "ROOT"
            if tok.i > block and not main_subject:
                continue
            score = 0
            if tok.i in speaker_heads:
                score += SCORE_EARLIER_MENTION
            if subject.dep_ in SUBJECT_DEPS:
                score += SCORE_SUBJECT
                if main_subject:
                    score += SCORE_MAIN_SUBJECT
            if ent.gender is not None and ent.gender == gender:
                score += SCORE_SAME_GENDER
            if ent.name in speakers:
                score += SCORE_EARLIER_SPEAKER
            if ent.type == "person":
                score += SCORE_PERSON
            # Of equal scores, a subject, then the nearest ("Former Rep. Chris
            # Shays was pro John Kasich …, he said" is Shays's).
            candidates.append((score, subject.dep_ in SUBJECT_DEPS, tok.i, ent))
        if candidates:
            best = max(candidates, key=lambda c: c[:3])[3]
            return best.speaker(Resolution.PRONOUN)
        if chained is not None:
            return attrs.evolve(chained, path=Resolution.PRONOUN)
        if block == limit:
            budget -= 1  # a sentence without the same he/she: the chain does not go through it
    return Speaker(None, "person", Resolution.UNRESOLVED_PRONOUN)


def _definite_org_description(head: Token) -> bool:
    """ "The agency", "the security firm": a singular organisation noun with "the"."""
    return (
        head.pos_ == "NOUN" and head.tag_ == "NN" and head.lemma_.lower() in ORG_DESCRIPTION_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    )


def _nearest_organisation(doc: Doc, table: ArticleEntities, mention: Mention, in_quote: bytearray) -> Entity | None:
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
            if tok.i >= limit or in_quote[tok.i] or tok.pos_ != "PROPN" or tok.dep_ not in SUBJECT_DEPS:
                continue
            ent = table.lookup(name_tokens(tok))
            if ent is not None and ent.type in kinds:
                found = ent
        if found is not None:
            return found.speaker(Resolution.COLLECTIVE)
    return Speaker(None, "group" if plural else "organisation", Resolution.UNRESOLVED_PRONOUN)


# Descriptions and the hand-written rules.


def _description(doc: Doc, mention: Mention) -> str:
    """The words of a mention that describe an unnamed source, without what
    follows the head noun's own phrase: "a citizen, whose name is redacted" →
    "a citizen", "Another member of the public, whose …" → "Another member of
    the public"; a quantified group by the group: "55 percent of all voters" →
    "voters", "Many people involved in the talks" → "people involved in the talks"."""
    start, stop = description_bounds(doc, mention)
    return span_text(doc, start, stop)


def description_bounds(doc: Doc, mention: Mention) -> tuple[int, int]:
    """The first token and the end of the words `_description` keeps."""
    head = doc[mention.head]
    stop = mention.end
    # "Cyber security experts and U.S. officials": groups joined are one source.
    joined = {c.i for c in head.children if c.dep_ == "conj" and c.tag_ == "NNS" and head.tag_ == "NNS"}
    for i in range(head.i + 1, mention.end):
        tok = doc[i]
        if tok.text in ("-", "‐") and not doc[i - 1].whitespace_:
            continue  # a hyphen inside a word: "Cuban-Americans", "half-dozen"
        if tok.dep_ == "cc" and tok.head.i == head.i and joined or tok.i in joined:
            continue
        if tok.dep_ in ("cc", "conj", "preconj") and tok.head.i != head.i:
            continue  # "experts on North Korea and nuclear nonproliferation", "partisans on both sides"
        if tok.text == "," and 0 < i < mention.end - 1 and doc[i - 1].ent_type_ == "GPE" == doc[i + 1].ent_type_:
            continue  # "a woman in Worcester, Massachusetts"
        if i > head.i + 1 and doc[i - 1].text == "," and doc[i - 2].ent_type_ == "GPE" == tok.ent_type_:
            continue  # ... and "Massachusetts", which the parser may hang on "Worcester" as an apposition
        if tok.is_punct or tok.dep_ in ("relcl", "appos", "cc", "conj") or tok.lower_ in RELATIVE_PRONOUNS:
            stop = i
            break
        if tok.lower_ in PLACE_ADVERBS and tok.dep_ == "advmod":  # "Her campaign workers here"
            stop = i
            break
    return _group_start(doc, mention.start, stop), stop


def conjunct_description(tok: Token) -> str:
    """The words of a group joined to a speaker by "and", as `_description`
    gives them ("other law enforcement officials", "his supporters")."""
    return _description(tok.doc, Mention(tok.left_edge.i, tok.right_edge.i + 1, tok.i, "subject"))


def _quantity(tok: Token) -> bool:
    """Whether a word quantifies a group ("79", "majority", "some", "half")."""
    return tok.like_num or tok.lower_ in QUANTIFIER_WORDS or tok.lemma_.lower() in NUMBER_WORDS


def _group_start(doc: Doc, start: int, stop: int) -> int:
    """Where a group's words begin after the quantity before them ("about four in
    10", "55 percent of all", "nearly half of", "many"); ``start`` when nothing
    but the quantity would be left."""
    i = start
    # "a full 79 percent of", "a majority of", "even some of" (not "A 2014 study")
    article = i + 1 < stop and doc[i].lower_ in ("a", "an", "even", "just") and _quantity(doc[i + 1])
    i += article
    while i < stop and (doc[i].like_num or doc[i].lower_ in QUANTIFIER_WORDS or doc[i].lemma_.lower() in NUMBER_WORDS
                        or doc[i].text in ("%", "-")
                        or doc[i].lower_ == "in" and i > start and (doc[i - 1].like_num or doc[i - 1].text == "-")):
        i += 1
    if i > start and i < stop and doc[i].lower_ == "of":
        i += 1
        while i < stop and doc[i].lower_ in QUANTIFIER_WORDS:
            i += 1
    elif article:
        return start
    if i >= stop or not any(t.pos_ in NOUN_POS for t in doc[i:stop]):
        return start
    return i


#: How far back (in sentences) "another" looks for the one it is another of.
ANOTHER_SENTENCES = 4


def _another_of(doc: Doc, table: ArticleEntities, mention: Mention, history) -> Speaker | None:
    """"Another" on its own, after an unnamed source introduced by "one", "a" or
    "another" ("One Sanders supporter wrote …; another wrote …"): another such
    source, "another Sanders supporter"; None when there is none just before."""
    first = table.sentence_start(table.sentence_of(mention.start) - ANOTHER_SENTENCES)
    for idx, res, _ in reversed(history):
        if idx < first:
            break
        tok = doc[idx]
        det = next((c for c in tok.lefts if c.lower_ in ("one", "a", "an", "another")), None)
        if (tok.pos_ == "NOUN" or nationality_description(tok)) and det is not None and not res.named:
            words = span_text(doc, det.i + 1, tok.i + 1)
            return Speaker(f"another {words}", res.type, Resolution.DESCRIPTION, named=False)
    return None


def _described_subject(
    table: ArticleEntities, sent: Span, limit: int, gender: str | None, in_quote: bytearray
) -> Entity | None:
    """The named person a definite description that is the main subject of a
    sentence stands for, by the roles the article gives ("The former
    ambassador" → John Bolton), before token ``limit``; else None."""
    for tok in sent:
        if tok.i >= limit:
            break
        if tok.dep_ != "nsubj" or in_quote[tok.i] or tok.head.dep_ not in ("ROOT", "ccomp", "conj"):
            continue
        # The sentence's first subject ("Asked later …, the admiral chuckled", parsed as a clause of "Asked").
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        if tok.pos_ != "NOUN" or tok.tag_ != "NN" or not definite:
            return None
        lemma = tok.lemma_.lower()
        if bare(lemma) not in PERSON_TITLE_NOUNS and lemma not in PEOPLE_NOUNS:
            return None
        ent = table.by_role(tok, tok.i)
        if ent is None or ent.type != "person":
            return None
        return ent if ent.gender is None or gender is None or ent.gender == gender else None
    return None


def hand_rules(doc: Doc, table: ArticleEntities, mention: Mention, history, in_quote: bytearray) -> Speaker:
    """What the hand-written rules say a pronoun or a description stands for
    (one feature of the ranking, and its answer where there is no candidate)."""
    head = doc[mention.head]
    lower = head.lower_
    # "Those surveyed", "those around him": a group described by its modifier.
    if lower in ("those", "these") and any(c.dep_ in ("acl", "prep") for c in head.children):
        return Speaker(span_text(doc, mention.start, mention.end) or None, "group", Resolution.DESCRIPTION)
    # "Another said" after "One Sanders supporter said": another of the same.
    if lower == "another" and mention.end - mention.start == 1:
        other = _another_of(doc, table, mention, history)
        if other is not None:
            return other
    # 4. A pronoun.
    if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS | ORG_PRONOUNS:
        return _resolve_pronoun(doc, table, mention, history, in_quote)
    # 5. A role: "the Iranian president", "Iranian state media".
    ent = table.by_role(head, mention.start)
    if ent is not None:
        return ent.speaker(Resolution.ROLE, span_text(doc, mention.start, mention.end))
    # 5b. "The agency", "the team": the organisation named just before.
    if _definite_org_description(head):
        ent = _nearest_organisation(doc, table, mention, in_quote)
        if ent is not None:
            return ent.speaker(Resolution.COLLECTIVE, span_text(doc, mention.start, mention.end))
    # 6. A noun phrase seen before as a speaker ("the report"); not one that
    # introduces someone new ("An expert on regional issues").
    lemma = head.lemma_.lower()
    indefinite = any(t.dep_ == "det" and t.lower_ in INDEFINITE_DETERMINERS for t in head.children)
    for _, res, prev_lemma in reversed(history) if not indefinite else ():
        if prev_lemma == lemma and res.name:
            return attrs.evolve(res, path=Resolution.REPEATED)
    # 6b. "The statement" after "X said in a statement": the named speaker
    # whose cue was made in that document.
    if not indefinite and lemma in DOCUMENT_NOUNS:
        for idx, res, _ in reversed(history):
            if res.name and res.named and any(
                t.lemma_.lower() == lemma and t.head.lower_ == "in" and t.head.head.pos_ == "VERB"
                and t.i < mention.start for t in doc[idx].sent
            ):
                return attrs.evolve(res, path=Resolution.REPEATED)
    # 7. An unnamed source.
    return unnamed_source(doc, mention)


def unnamed_source(doc: Doc, mention: Mention) -> Speaker:
    """An unnamed source: its description is the speaker ("officials"), unless
    the words are a line's label ("Strategic Council Online – Interview: …")."""
    if is_line_label(doc, mention.start, mention.end):
        return Speaker(None, "unknown", Resolution.DESCRIPTION)
    head = doc[mention.head]
    lemma = head.lemma_.lower()
    person = lemma in PEOPLE_NOUNS or lemma in KIN_NOUNS or bare(lemma) in PERSON_TITLE_NOUNS  # "an aide"
    kind = "group" if head.tag_ == "NNS" else "person" if person and head.pos_ == "NOUN" else "unknown"
    return Speaker(_description(doc, mention) or None, kind, Resolution.DESCRIPTION)



# The learned ranking.

#: The kinds of mention the ranking binds, each with a model of its own.
PERSON_PRONOUN = "person_pronoun"
COLLECTIVE_PRONOUN = "collective_pronoun"
DESCRIPTION = "description"
MENTION_KINDS = (PERSON_PRONOUN, COLLECTIVE_PRONOUN, DESCRIPTION)
#: The ranking model's file inside the package.
MODEL_FILE = "data/coref.json"
#: Sentences back from a pronoun within which an entity's last mention makes
#: it a candidate (a description looks back over the whole article).
PRONOUN_CANDIDATE_SENTENCES = 30
#: The bounds of the bucketed counts and distances.
DISTANCE_BOUNDS = (0, 1, 2, 4, 8, 16)
COUNT_BOUNDS = (1, 2, 4, 8)
SUBJECT_BOUNDS = (0, 1, 3)
SPOKE_BOUNDS = (0, 1, 3)
#: Sentences back from "they" within which a plural subject or an earlier
#: group speaker is a candidate.
GROUP_SENTENCES = 2
#: Sentences back from "they" within which names given together are a candidate.
GROUP_NAMES_SENTENCES = 10
#: Sentences at the top of an article whose names are its topic.
TOPIC_SENTENCES = 3


@attrs.frozen(slots=True)
class Antecedent:
    """A candidate entity for a pronoun or a description, with the features of the pair.

    Attributes:
        entity: the article's entity.
        features: the names of the pair's features (each counts 1), in a fixed order.
    """

    entity: Entity = attrs.field(eq=False)
    features: tuple[str, ...]


def mention_kind(doc: Doc, mention: Mention) -> str | None:
    """Which model ranks a mention's antecedents: `PERSON_PRONOUN` (he, she),
    `COLLECTIVE_PRONOUN` (it, they) or `DESCRIPTION` (a common noun: "the
    senator", "the agency"); None for what the ranking does not bind (I, we,
    you, a proper name)."""
    head = doc[mention.head]
    word = head.lower_
    if word in OWNER_GENDER:  # "his" only as an owner's mention ("his campaign")
        return PERSON_PRONOUN
    if word in ORG_PRONOUNS or word in ("they", "them"):
        return COLLECTIVE_PRONOUN
    if head.pos_ == "NOUN" and head.is_alpha or nationality_description(head):
        return DESCRIPTION
    return None


def nationality_description(head: Token) -> bool:
    """Whether a nationality or party word with an article describes someone
    ("the Kentucky Republican", "a Democrat"), rather than naming a group."""
    return head.ent_type_ == "NORP" and head.tag_ == "NNP" and any(
        c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in head.children
    )


def _bucket(value: int, bounds: Sequence[int]) -> str:
    for bound in bounds:
        if value <= bound:
            return str(bound)
    return f">{bounds[-1]}"


def _noun_class(head: Token) -> str:
    """What a description's head noun says of its referent: a person's title,
    an organisation, a document, or other."""
    lemma = head.lemma_.lower()
    if lemma in PERSON_TITLE_NOUNS or head.lower_ in PERSON_TITLE_NOUNS:
        return "title"
    if lemma in ORG_HEAD_NOUNS or lemma in ORG_DESCRIPTION_NOUNS:
        return "org"
    if lemma in DOCUMENT_NOUNS or lemma in REPORTING_NOUNS:
        return "document"
    return "other"


@attrs.frozen(slots=True)
class _Leaders:
    """Which candidates stand out in a pool: the most mentioned so far, the one
    mentioned last, the one last mentioned as a subject."""

    most: int
    nearest: int
    nearest_subject: int

    @classmethod
    def among(cls, keys, mentioned, count: dict[int, int]) -> _Leaders:
        """Leaders of ``keys`` (by mention count) and of ``mentioned``
        (``(key, last mention)`` pairs, by position)."""
        seen = [m for _, m in mentioned]
        return cls(
            max((count.get(k, 0) for k in keys), default=-1),
            max((m.token for m in seen), default=-1),
            max((m.token for m in seen if m.subject), default=-1),
        )

    def features(self, key: int, last: EntityMention, count: dict[int, int]) -> list[str]:
        """The ways a candidate with this last mention leads its pool."""
        out = []
        if count[key] == self.most:
            out.append("most_mentioned")
        if last.token == self.nearest:
            out.append("nearest")
        if last.token == self.nearest_subject:
            out.append("nearest_subject")
        return out


def _described_groups(
    doc: Doc, table: ArticleEntities, mention: Mention, history: Sequence[tuple[int, Speaker, str]], in_quote: bytearray
) -> list[EntityMention]:
    """Groups that "they" may stand for though the article names no entity for
    them: the plural subjects of the sentences just before ("F.B.I. agents",
    "Wall Street analysts"), and earlier speakers that are groups or several
    people ("Lee Epstein, Richard Posner and William Landes")."""
    here = table.sentence_of(mention.head)
    out = []
    for idx, res, _ in history:
        if res.name and (not res.named or " and " in res.name) and here - table.sentence_of(idx) <= GROUP_SENTENCES:
            ent = Entity(res.name, (), "group", idx, named=res.named)
            out.append(EntityMention(idx, ent, True, True))
    lo = table.sentence_start(here - GROUP_SENTENCES)
    lo_names = table.sentence_start(here - GROUP_NAMES_SENTENCES)
    for tok in doc[lo_names:mention.start]:
        if in_quote[tok.i] or any(m.token == tok.i for m in out):
            continue
        subject = tok.dep_ in SUBJECT_DEPS
        if subject and tok.tag_ == "NNS" and tok.i >= lo:
            ent = Entity(_group_words(doc, tok), (), "group", tok.i, named=False)
            out.append(EntityMention(tok.i, ent, True, tok.head.dep_ == "ROOT"))
        elif tok.pos_ == "PROPN" and tok.dep_ != "conj" and any(c.dep_ == "conj" for c in tok.children):
            # "a study by David Autor, David Dorn and Gordon Hanson": several people.
            names = _conjoined_names(table, tok)
            if len(names) > 1:
                joined = ", ".join(names[:-1]) + " and " + names[-1]
                ent = Entity(joined, (), "group", tok.i)
                out.append(EntityMention(tok.i, ent, subject, subject and tok.head.dep_ == "ROOT"))
    return out


def _conjoined_names(table: ArticleEntities, tok: Token) -> list[str]:
    """The names of a subject and of the names conjoined to it ("Lee Epstein,
    Richard Posner and William Landes"), each in its fullest form."""
    chain, names = [tok], []
    while chain:
        node = chain.pop(0)
        if node.pos_ == "PROPN":
            run = name_tokens(node)
            ent = table.lookup(run) if run else None
            if ent is not None:
                names.append(ent.name)
        chain.extend(c for c in node.children if c.dep_ == "conj")
    return names


def _group_words(doc: Doc, head: Token) -> str:
    """A plural noun phrase's words up to its noun ("many Wall Street analysts")."""
    return "".join(t.text_with_ws for t in doc[head.left_edge.i:head.i]) + head.text


def _possible(kind: str, head: Token, ent: Entity, voices: set[str]) -> bool:
    """The exact rules of agreement, which no weight overrides: he/she is a
    person of no other gender (or a name NER left untyped that has spoken,
    "Na'moks said …"), never a date or a company; a description of a present
    role is no former holder's ("the Iranian president" is not "the previous
    Iranian president Ebrahim Raisi")."""
    if kind == PERSON_PRONOUN:
        gender = OWNER_GENDER[head.lower_]
        typed = ent.type == "person" or ent.type == "unknown" and ent.name in voices
        return typed and (ent.gender is None or ent.gender == gender)
    if kind == DESCRIPTION and ent.type == "person" and ent.gender is not None:
        sex = "m" if head.lemma_.lower() in MALE_NOUNS else "f" if head.lemma_.lower() in FEMALE_NOUNS else None
        if sex is not None and sex != ent.gender:
            return False  # "The New York businessman" is no woman
    if kind == DESCRIPTION and "former" in ent.role_nouns:
        return any(t.lower_ in PAST_ROLE_WORDS for t in head.subtree if t.i < head.i)
    title = bare(head.lemma_.lower())
    if kind == DESCRIPTION and title in PERSON_TITLE_NOUNS and ent.type not in ("person", "unknown"):
        return False  # "the Iranian ambassador" is no country, "the senator" no party
    if kind == DESCRIPTION and ent.type == "person" and title in OFFICE_NOUNS and ent.role_nouns & OFFICE_NOUNS:
        # "the Iranian ambassador" is not the president: an office the article
        # gives someone else, not the one it gives this person.
        if not {"role=noun", "role=synonym"} & set(_role_features(head, ent)):
            return False
    people = head.lemma_.lower() in PEOPLE_NOUNS or head.lemma_.lower() in KIN_NOUNS
    if kind == DESCRIPTION and head.tag_ == "NNS" and people and ent.type == "person" and " and " not in ent.name:
        return False  # "people familiar with her thinking", "Trump's representatives", "Both parents": no one person
    if kind == DESCRIPTION and people and ent.type in ("organisation", "country"):
        return False  # "the insider", "The candidate" are people, not a party or a network
    return True




def _modifier_entities(doc: Doc, table: ArticleEntities, mention: Mention) -> list[Entity]:
    """The entities a description names in a modifier of its head ("Cruz" in
    "the senior Cruz adviser", "Clinton's" in "Mrs. Clinton's spokesman"):
    someone the description is about, so never the one it describes. A
    possessor of what is not a role is its author ("Trump's new form")."""
    found = []
    role = bare(doc[mention.head].lemma_.lower()) in TITLES  # "Clinton's spokesman"; not "Trump's new form"
    for tok in doc[mention.start:mention.end]:
        # "supporters of Donald Trump", "a spokesman for Mayor Frank Jackson", "aides to Clinton"
        about = tok.dep_ == "pobj" and tok.head.lower_ in ABOUT_PREPOSITIONS and tok.head.head.i == mention.head
        if tok.pos_ == "PROPN" and about or tok.pos_ == "PROPN" and tok.head.i == mention.head != tok.i and (
            tok.dep_ in ("compound", "nmod") or tok.dep_ == "poss" and role
        ):
            run = name_tokens(tok)
            ent = table.lookup(run) if run else None
            if ent is not None:
                found.append(ent)
    return found


def _fits(kind: str, ent: Entity, gender: str | None) -> bool:
    """Whether an entity agrees with a mention: he/she with a person (or an
    untyped name) of no other gender, it/they with anything but a person."""
    if kind == PERSON_PRONOUN:
        return ent.type in ("person", "unknown") and (ent.gender is None or ent.gender == gender)
    if kind == COLLECTIVE_PRONOUN:
        return ent.type != "person"
    return True


def _determiner(head: Token) -> str:
    """How a description is determined: "the", "a" (or another indefinite
    word), "poss" ("his campaign"), "other" or "none"."""
    for child in head.children:
        if child.i > head.i:
            break
        if child.dep_ == "poss":
            return "poss"
        if child.dep_ in ("det", "predet"):
            word = child.lower_
            return "the" if word == "the" else "a" if word in INDEFINITE_DETERMINERS else "other"
    return "none"


def _role_features(head: Token, ent: Entity) -> list[str]:
    """How a description fits the roles and titles the article gives an entity."""
    out = []
    noun = head.lower_
    group = next((g for g in ROLE_SYNONYMS if noun in g), frozenset({noun}))
    if noun in ent.role_nouns or head.lemma_.lower() in ent.role_nouns:
        out.append("role=noun")
    elif ent.role_nouns & group:
        out.append("role=synonym")
    elif stem(head.text) in ent.role_words:
        out.append("role=word")
    before = [t for t in head.subtree if t.i < head.i]
    mods = {stem(t.text) for t in before if t.is_alpha and t.lower_ not in ROLE_FILLER_WORDS
            and t.pos_ in NAME_WORD_POS}
    proper = {stem(t.text) for t in before if is_proper_modifier(t)}
    out.append(f"role_mods={_bucket(len(mods & ent.role_words), (0, 1))}")
    if proper:
        known = ent.role_proper | {stem(w) for w in ent.tokens}
        out.append("proper=match" if proper & known else "proper=clash" if ent.role_proper else "proper=unknown")
    if any(t.lower_ in PAST_ROLE_WORDS for t in before) != ("former" in ent.role_nouns):
        out.append("former=clash")
    return out


def antecedents(
    doc: Doc,
    table: ArticleEntities,
    mention: Mention,
    kind: str,
    history: Sequence[tuple[int, Speaker, str]],
    in_quote: bytearray,
    cascade: Speaker,
    own: tuple[int, int] = (0, 0),
) -> list[Antecedent]:
    """The article's entities a pronoun or a description may stand for, with features.

    Args:
        doc: the parsed document.
        table: the article's entities, with their mentions so far.
        mention: the pronoun's or the description's mention.
        kind: its `mention_kind`.
        history: ``(head index, speaker, head lemma)`` of the quotes' mentions before it.
        in_quote: per token, 1 inside a quote, a caption or page furniture.
        cascade: what the hand-written rules say it stands for.
        own: ``(first, last + 1)`` tokens of the quote the mention attributes:
            who a quote names is not who says it ("Bernie's name is coming
            up," he said), so mentions there are no candidates.

    Returns:
        One `Antecedent` per candidate entity, in the order of their last mention.
    """
    head = doc[mention.head]
    word, lemma = head.lower_, head.lemma_.lower()
    here = table.sentence_of(head.i)
    last: dict[int, EntityMention] = {}
    count: dict[int, int] = {}
    subjects: dict[int, int] = {}
    outside: dict[int, bool] = {}
    first: dict[int, int] = {}
    for seen in table.mentions:
        if seen.token >= mention.start:
            break
        if own[0] <= seen.token < own[1]:
            continue
        key = id(seen.entity)
        last[key] = seen
        count[key] = count.get(key, 0) + 1
        subjects[key] = subjects.get(key, 0) + seen.subject
        outside[key] = outside.get(key, False) or not in_quote[seen.token]
        first.setdefault(key, seen.token)
    if kind != DESCRIPTION:
        last = {k: v for k, v in last.items() if here - table.sentence_of(v.token) <= PRONOUN_CANDIDATE_SENTENCES}
    picked = table.entity_named(cascade.name) if cascade.named else None
    if kind == COLLECTIVE_PRONOUN and head.lower_ in ("they", "them"):
        for seen in _described_groups(doc, table, mention, history, in_quote):
            last[id(seen.entity)] = seen
            count[id(seen.entity)] = subjects[id(seen.entity)] = 1
            outside[id(seen.entity)] = True
            first[id(seen.entity)] = seen.token
    entities = {k: m.entity for k, m in last.items()}
    if picked is not None:
        entities.setdefault(id(picked), picked)
    voices = {str(res.name) for _, res, _ in history if res.name}
    entities = {k: e for k, e in entities.items() if _possible(kind, head, e, voices)}
    if kind == DESCRIPTION:  # "the senior Cruz adviser" is not Cruz
        inside = {id(e) for e in _modifier_entities(doc, table, mention)}
        entities = {k: e for k, e in entities.items() if k not in inside}
    if not entities:
        return []
    spoke: dict[str, int] = {}
    for _, res, _ in history:
        if res.name:
            spoke[str(res.name)] = spoke.get(str(res.name), 0) + 1
    last_speaker = next((res.name for _, res, _ in reversed(history) if res.name), None)
    gender = OWNER_GENDER.get(word)
    fits = {k for k, e in entities.items() if _fits(kind, e, gender)}
    leaders = _Leaders.among(entities, last.items(), count)
    # The same among the candidates that agree with the mention (type, gender).
    leaders_fit = _Leaders.among(fits, [(k, v) for k, v in last.items() if k in fits], count)
    topic_end = table.sentence_start(TOPIC_SENTENCES)
    noun_class = _noun_class(head) if kind == DESCRIPTION else ""
    plural = head.tag_ in PLURAL_NOUN_TAGS or word in ("they", "them")
    determiner = _determiner(head)
    out = []
    for key, ent in sorted(entities.items(), key=lambda kv: last[kv[0]].token if kv[0] in last else -1):
        m = last.get(key)
        f = [f"type={ent.type}"]
        if picked is ent:
            f.append("cascade")
        if m is None:
            f.append("dist=none")
        else:
            dist = _bucket(here - table.sentence_of(m.token), DISTANCE_BOUNDS)
            f.append(f"dist={dist}")
            f.append(f"mentions={_bucket(count[key], COUNT_BOUNDS)}")
            f.append(f"subjects={_bucket(subjects[key], SUBJECT_BOUNDS)}")
            last_role = "main_subject" if m.main_subject else "subject" if m.subject else "other"
            if m.subject:
                f.append(f"last={last_role}")
            f.append(f"dist={dist}&last={last_role}")  # the subject of the sentence before
            if table.paragraph_of(m.token) == table.paragraph_of(head.i):
                f.append("same_paragraph")
            if not outside[key]:
                f.append("only_in_quotes")
            f += leaders.features(key, m, count)
            if key in fits:
                f.append("fits")
                f += ["fits&" + name for name in leaders_fit.features(key, m, count)]
                if len(fits) == 1:
                    f.append("fits&alone")
            if first[key] < topic_end:
                f.append("topic")
            if table.sentence_of(m.token) == here:
                f.append("same_sentence")
        f.append(f"spoke={_bucket(spoke.get(ent.name, 0), SPOKE_BOUNDS)}")
        if last_speaker == ent.name:
            f.append("last_speaker")
        if len(ent.tokens) > 1:
            f.append("multiword")
        if not ent.named:
            f.append("described")
        elif " and " in ent.name:
            f.append("several")
        if kind == PERSON_PRONOUN:
            f.append("gender=" + ("unknown" if ent.gender is None else "agree" if ent.gender == gender else "clash"))
        elif kind == COLLECTIVE_PRONOUN:
            f.append(f"{'plural' if plural else 'singular'}&type={ent.type}")
        else:
            f += _role_features(head, ent)
            if head.lower_ in ent.tokens or head.lemma_.lower() in ent.tokens:
                f.append("head_in_name")  # "the diocese" for the Diocese of Covington
            f.append(f"noun={noun_class}&type={ent.type}")
            number = "plural" if plural else "singular"
            f.append(f"{number}&type={ent.type}")
            f.append(f"det={determiner}&{number}")
            f.append(f"head={lemma}&type={ent.type}")
            if "most_mentioned" in f:
                f.append(f"det={determiner}&most_mentioned&type={ent.type}")
        out.append(Antecedent(ent, tuple(f)))
    if kind == DESCRIPTION and lemma in DOCUMENT_NOUNS:
        # "the President of Russia’s website" is no Iranian's: a document's
        # place or nationality is its owner's, so a person's that clashes rules them out.
        out = [a for a in out if not (a.entity.type == "person" and "proper=clash" in a.features)]
    return out


@functools.cache
def _shipped_model() -> dict:
    text = resources.files("quotebank").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return dict(json.loads(text))


class Ranker:
    """Scores candidate antecedents with one logistic model per mention kind.

    Args:
        weights: per mention kind, the weight of each feature (``"bias"`` included).
        thresholds: per mention kind, the probability the best candidate must
            reach to be taken.

    Examples:
        >>> ranker = Ranker({"description": {"bias": 0.0, "role=noun": 2.0}}, {"description": 0.5})
        >>> round(ranker.probability("description", ("role=noun",)), 3)
        0.881
    """

    def __init__(self, weights: Mapping[str, Mapping[str, float]], thresholds: Mapping[str, float]) -> None:
        self.weights = {k: dict(v) for k, v in weights.items()}
        self.thresholds = dict(thresholds)

    @classmethod
    def shipped(cls) -> Ranker:
        """The model that ships with the package (``data/coref.json``)."""
        model = _shipped_model()
        return cls(model["weights"], model["thresholds"])

    def probability(self, kind: str, features: Sequence[str]) -> float:
        """The chance that a candidate with these features is the one meant."""
        weights = self.weights.get(kind, {})
        z = weights.get("bias", 0.0) + sum(weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))

    def choose(self, kind: str, candidates: Sequence[Antecedent]) -> Antecedent | None:
        """The best candidate, when it clears the kind's threshold (the last
        mentioned wins a tie); else None."""
        best, best_p = None, -1.0
        for cand in candidates:
            p = self.probability(kind, cand.features)
            if p >= best_p:
                best, best_p = cand, p
        if best is None or best_p < self.thresholds.get(kind, 1.0):
            return None
        return best

    def resolve(
        self,
        kind: str,
        candidates: Sequence[Antecedent],
        cascade: Speaker,
        unnamed: Speaker,
        mention: Mention | None = None,
    ) -> Speaker:
        """The speaker of a mention: the chosen candidate; else, for a
        description, the unnamed source it describes; else the hand rules' answer.

        Args:
            kind: the mention's `mention_kind`.
            candidates: its `antecedents`.
            cascade: the hand-written rules' answer.
            unnamed: the description as an unnamed source.
            mention: the mention itself (unused here; for a subclass that records).
        """
        if kind not in self.weights:
            return cascade
        chosen = self.choose(kind, candidates)
        if chosen is not None:
            return chosen.entity.speaker(Resolution.RANKED)
        if kind == DESCRIPTION:
            return unnamed
        return cascade if not candidates else Speaker(None, cascade.type, Resolution.UNRESOLVED_PRONOUN)


#: A ranker without weights: the hand-written rules alone decide.
HAND_RULES = Ranker({}, {})
