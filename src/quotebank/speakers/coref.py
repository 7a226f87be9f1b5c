"""Coreference: the entity a pronoun or a description stands for.

he/she goes to the person the passage is about, it/they to the
organisation or group, a description ("the Iranian president", "the
agency") to the entity whose roles it fits.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Doc, Token

from quotebank.lexicons import (
    COMPARISON_PREPOSITIONS,
    FEMALE_WORDS,
    GROUP_PRONOUNS,
    MALE_WORDS,
    ORG_DESCRIPTION_NOUNS,
    ORG_PRONOUNS,
    PRONOUN_GENDER,
)
from quotebank.speakers.base import Mention, Resolution, Speaker
from quotebank.speakers.entities import ArticleEntities, Entity
from quotebank.speakers.names import name_tokens

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
    gender = PRONOUN_GENDER.get(word)
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
        candidates: list[tuple[int, int, Entity]] = []
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
            if tok.i >= limit or in_quote[tok.i] or tok.pos_ != "PROPN" or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            ent = table.lookup(name_tokens(tok))
            if ent is not None and ent.type in kinds:
                found = ent
        if found is not None:
            return found.speaker(Resolution.COLLECTIVE)
    return Speaker(None, "group" if plural else "organisation", Resolution.UNRESOLVED_PRONOUN)
