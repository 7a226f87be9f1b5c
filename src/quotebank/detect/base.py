"""What every detector hands on: a candidate quote with its cue, no speaker yet."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence

import attrs
from spacy.tokens import Doc, Token

from quotebank.lexicons import (
    BELIEF_ADJECTIVES,
    BELIEF_VERBS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    NAME_PARTICLES,
    SPEECH_VERBS,
)
from quotebank.lexicons.syntax import VERB_POS
from quotebank.rules import active_rules

__all__ = [
    "Candidate",
    "TokenIndex",
    "alpha_count",
    "cue_class",
    "is_cue_verb",
    "is_hearsay",
    "is_sentence_end",
    "is_speech_verb",
    "is_according_to",
    "quote_mask",
    "sentence_start",
    "sentence_end",
    "trim_tokens",
    "span_text",
]


@attrs.frozen(slots=True)
class Candidate:
    """A quote found in a Doc, before its speaker is looked for.

    Detectors make candidates and hand them on; a later step that changes one
    makes a new one with ``attrs.evolve``.

    Attributes:
        start: offset of the content's first character.
        end: offset just past its last character.
        kind: "direct", "indirect" or "mixed".
        cue: index of the cue's head token (the speech verb, or "according"),
            or None when the quote has no cue of its own.
        cue_end: index just past the cue's last token (for multi-word cues such
            as "according to").
        how: how the cue was found: "syntax", "after", "before", "colon",
            "gap", "chain", "reported", "headline" or "none".
        group_start: for the pieces of one quote interrupted by its cue or
            split over paragraphs, the offset where the first piece starts;
            None for a quote in one piece.
        paragraph: index of the paragraph holding the quote.
        quote_tokens: (first, last + 1) token indices of the quoted span,
            marks included (for reported speech: of the content).
        cue_class: "speech", "belief", "document" or "directive".
    """

    start: int
    end: int
    kind: str
    cue: int | None
    cue_end: int | None
    how: str
    paragraph: int
    quote_tokens: tuple[int, int]
    group_start: int | None = None
    cue_class: str = "speech"


class TokenIndex:
    """Maps character offsets to tokens of one Doc, in O(log n)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] = [t.idx for t in doc]

    def tokens(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside ``[start, end)``, plus the
        token that holds ``start`` when ``start`` falls inside it."""
        first = bisect_right(self.starts, start) - 1
        if first < 0 or self.doc[first].idx + len(self.doc[first]) <= start:
            first += 1
        return range(max(first, 0), bisect_left(self.starts, end))


_SENT_END = {".", "!", "?", "…"}


def is_sentence_end(token: Token) -> bool:
    """Whether ``token`` ends a sentence in running text (a full stop or a line
    break), an abbreviation's stop excepted (`is_abbreviation_stop`)."""
    if token.is_space:
        return "\n" in token.text
    return token.text in _SENT_END and not is_abbreviation_stop(token)


#: Opening quote marks or brackets looked past after a full stop (`is_abbreviation_stop`).
MAX_OPENING_MARKS = 2


def is_abbreviation_stop(token: Token) -> bool:
    """Whether ``token`` is a full stop right after a word and before a
    lower-case word on the same line ("lost 16 lbs. since he signed up", "lbs.
    “and two belt loops”"): an abbreviation's, not a sentence's. A name
    particle ("de Blasio") may still start a sentence."""
    doc, i = token.doc, token.i
    if token.text != "." or i == 0 or i + 1 >= len(doc):
        return False
    before = doc[i - 1]
    if before.whitespace_ or not before.is_alpha:
        return False
    j = i + 1
    while j < len(doc) - 1 and j - i <= MAX_OPENING_MARKS and (doc[j].is_quote or doc[j].is_left_punct):
        j += 1
    word = doc[j]
    return word.is_alpha and word.is_lower and word.lower_ not in NAME_PARTICLES


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
    return token.pos_ in VERB_POS and is_speech_verb(token.lemma_) and not is_hearsay(token)


def is_speech_verb(lemma: str) -> bool:
    """Whether ``lemma`` is a verb that may introduce a quote.

    Args:
        lemma: a spaCy lemma, any case.

    Returns:
        True for words such as "say", "tell", "stress" and "tweet".
    """
    rules = active_rules()
    lemma = lemma.lower()
    if rules.is_default:
        return lemma in SPEECH_VERBS
    return lemma in rules.cue_verbs_add or lemma in SPEECH_VERBS and lemma not in rules.cue_verbs_remove


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


def is_according_to(token: Token) -> bool:
    """Whether ``token`` is the "according" of "according to"."""
    doc = token.doc
    return token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"


def quote_mask(length: int, ranges: Iterable[tuple[int, int]]) -> bytearray:
    """Per token, 1 when it lies inside one of the token ``ranges`` (``(first, last + 1)``), else 0."""
    mask = bytearray(length)
    for lo, hi in ranges:
        mask[lo:hi] = b"\x01" * (hi - lo)
    return mask


def sentence_start(doc: Doc, i: int, owner: Sequence[int] | None = None) -> int:
    """First token of the sentence holding token ``i``.

    A sentence ends at a full stop (`is_sentence_end`) or a line break;
    with ``owner`` (see `quotebank.detect.direct.quote_owner`), full stops
    inside quotes do not count.
    """
    left = i
    while left > 0:
        prev = doc[left - 1]
        if "\n" in prev.text:
            break
        if is_sentence_end(prev) and (owner is None or owner[left - 1] == -1):
            break
        left -= 1
    return left


def sentence_end(doc: Doc, i: int, stop: Callable[[Token], bool] | None = None) -> int:
    """Index of the first token at or after ``i`` that ends a sentence (a full
    stop or a line break), or for which ``stop`` holds; ``len(doc)`` if none."""
    while i < len(doc):
        tok = doc[i]
        if is_sentence_end(tok) or "\n" in tok.text or (stop is not None and stop(tok)):
            break
        i += 1
    return i


#: Opening and closing quote marks that `trim_tokens` keeps with ``keep_marks``.
_OPENING_MARKS = "“‘\"'«„"
_CLOSING_MARKS = "”’\"'»“"


def trim_tokens(doc: Doc, lo: int, hi: int, *, keep_marks: bool = False, drop_that: bool = False) -> tuple[int, int]:
    """Shrink the tokens ``[lo, hi)`` past punctuation and white space at both edges.

    Args:
        doc: the parsed document.
        lo: first token.
        hi: one past the last token.
        keep_marks: keep an opening quote mark at the start and a closing one
            at the end (a reported content that holds a quote).
        drop_that: also drop a leading complementizer "that".

    Returns:
        The trimmed ``(lo, hi)``.
    """
    opening = _OPENING_MARKS if keep_marks else ""
    closing = _CLOSING_MARKS if keep_marks else ""
    while lo < hi:
        tok = doc[lo]
        if not (tok.is_space or (tok.is_punct and tok.text not in opening)
                or (drop_that and tok.lower_ == "that" and tok.dep_ == "mark")):
            break
        lo += 1
    while hi > lo:
        tok = doc[hi - 1]
        if not (tok.is_space or (tok.is_punct and tok.text not in closing)):
            break
        hi -= 1
    return lo, hi


def span_text(doc: Doc, lo: int, hi: int) -> str:
    """The original text of tokens ``[lo, hi)`` without edge punctuation and
    white space (built from the tokens: ``doc.text`` is rebuilt on each access)."""
    lo, hi = trim_tokens(doc, lo, hi)
    if hi <= lo:
        return ""
    return "".join(t.text_with_ws for t in doc[lo:hi - 1]) + doc[hi - 1].text
