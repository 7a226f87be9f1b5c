"""What every detector hands on: a candidate quote with its cue, no speaker yet."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterable, List, Optional

import attrs
from spacy.tokens import Doc, Token

from quotebank.lexicons import BELIEF_ADJECTIVES, BELIEF_VERBS, DOCUMENT_NOUNS, DOCUMENT_VERBS, SPEECH_VERBS

__all__ = [
    "Candidate",
    "TokenIndex",
    "alpha_count",
    "cue_class",
    "is_cue_verb",
    "is_hearsay",
    "is_sentence_end",
    "is_speech_verb",
]


@attrs.define(slots=True)
class Candidate:
    """A quote found in a Doc, before its speaker is looked for.

    Attributes:
        start: offset of the content's first character.
        end: offset just past its last character.
        kind: "direct", "indirect" or "mixed".
        cue: index of the cue's head token (the speech verb, or "according"),
            or None when the quote has no cue of its own.
        cue_end: index just past the cue's last token (for multi-word cues such
            as "according to").
        how: how the cue was found: "syntax", "after", "before", "colon",
            "gap", or "none".
        group: id shared by the pieces of one quote; None for a single piece.
        paragraph: index of the paragraph holding the quote.
        quote_tokens: (first, last + 1) token indices of the quoted span,
            marks included (for reported speech: of the content).
        cue_class: "speech", "belief" or "document".
        nested_in: index of the direct candidate whose quote holds this one,
            or None.
    """

    start: int
    end: int
    kind: str
    cue: Optional[int]
    cue_end: Optional[int]
    how: str
    group: Optional[int]
    paragraph: int
    quote_tokens: tuple
    cue_class: str = "speech"
    nested_in: Optional[int] = None


class TokenIndex:
    """Maps character offsets to tokens of one Doc, in O(log n)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: List[int] = [t.idx for t in doc]

    def tokens(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside ``[start, end)``, plus the
        token that holds ``start`` when ``start`` falls inside it."""
        first = bisect_right(self.starts, start) - 1
        if first < 0 or self.doc[first].idx + len(self.doc[first]) <= start:
            first += 1
        return range(max(first, 0), bisect_left(self.starts, end))


_SENT_END = {".", "!", "?", "…"}


def is_sentence_end(token: Token) -> bool:
    """Whether ``token`` ends a sentence in running text (a full stop or a line break)."""
    return token.text in _SENT_END or (token.is_space and "\n" in token.text)


def alpha_count(tokens: Iterable[Token]) -> int:
    """How many tokens hold a letter or digit."""
    return sum(1 for t in tokens if any(c.isalnum() for c in t.text))


def is_hearsay(token: Token) -> bool:
    """ "X is said to be …", "said to have sold": hearsay, not a speech cue."""
    doc = token.doc
    if token.lemma_ == "say" and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "to":
        after = doc[token.i + 2]
        return after.tag_ == "VB" or after.lower_ in ("be", "have")
    return False


def is_cue_verb(token: Token) -> bool:
    """A speech verb that can introduce a quote (not hearsay)."""
    return token.pos_ in ("VERB", "AUX") and is_speech_verb(token.lemma_) and not is_hearsay(token)


def is_speech_verb(lemma: str) -> bool:
    """Whether ``lemma`` is a verb that may introduce a quote.

    Args:
        lemma: a spaCy lemma, any case.

    Returns:
        True for words such as "say", "tell", "stress" and "tweet".
    """
    return lemma.lower() in SPEECH_VERBS


def cue_class(lemma: str, subject_lemma: str = "") -> str:
    """Class of an attribution from its cue's lemma and its source's head lemma.

    Args:
        lemma: the cue's lemma ("say", "believe", "show", "according").
        subject_lemma: the head lemma of the source ("poll", "report"), or "".

    Returns:
        "document" for polls, reports and other documents, "belief" for
        beliefs and attitudes, else "speech".
    """
    if subject_lemma.lower() in DOCUMENT_NOUNS:
        return "document"
    lemma = lemma.lower()
    if lemma in BELIEF_VERBS or lemma in BELIEF_ADJECTIVES:
        return "belief"
    if lemma in DOCUMENT_VERBS:
        return "document"
    return "speech"
