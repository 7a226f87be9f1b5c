"""Headlines: title-case lines that are attributions.

"Iran Says Relationship With Russia Is ‘Stronger by the Day’" is a quote by
Iran, but title case misleads a parser trained on running text. A line in
title case that holds a speech verb is parsed again in a case-normalised copy:
words the article also writes capitalised mid-sentence keep their capital
(names: "Iran", "Russia"), the others are lower-cased ("Says" → "says"). The
copy has the same length, so every offset found in it is an offset in the
original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc

from quotebank.detect.base import is_speech_verb

__all__ = ["title_lines", "normalise_case", "proper_words", "title_case_common_words"]

#: Shortest and longest line (in words) taken for a headline.
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 25
#: Letters from which a title-case word ending in "-ed" or "-ing" is read as a
#: verb's form, not a name ("Instructed"; not "Reed", "King").
MIN_VERB_FORM_CHARS = 6
#: Letters from which a word counts as long (only long words need a capital).
LONG_WORD_CHARS = 4
#: Share of the long words that must start with a capital.
TITLE_CASE_SHARE = 0.8
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def proper_words(doc: Doc) -> set[str]:
    """Words the article writes with a capital in mid-sentence: its names."""
    names: set[str] = set()
    for sent in doc.sents:
        for tok in sent[1:]:
            if tok.text[:1].isupper() and not tok.is_sent_start:
                names.add(tok.text)
    return names


def _title_case(line: str, full_stop: bool = False) -> bool:
    """Whether a line is in title case: a short line whose long words start with
    capitals, and that ends without a full stop unless ``full_stop``."""
    words = _WORD.findall(line)
    if not MIN_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS or line.rstrip().endswith(".") and not full_stop:
        return False
    long_words = [w for w in words if len(w) >= LONG_WORD_CHARS]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= TITLE_CASE_SHARE * len(long_words)


def title_case_common_words(doc: Doc, text: str | None = None) -> bytearray:
    """Per token, 1 for a capitalised word of a title-case line that the rest of
    the article writes only in lower case ("Offensive Things" in "Offensive
    Things Donald Trump Said", "Camp" in "Clinton Camp Says …"), or a verb's
    form only the line has ("Instructed"): no part of a name.

    Args:
        doc: the parsed document.
        text: ``doc.text``, when the caller has it.
    """
    text = doc.text if text is None else text
    marks = bytearray(len(doc))
    ranges: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _title_case(line, full_stop=True):  # "9 (More) Offensive Things Donald Trump Has Said About Latinos."
            span = doc.char_span(pos, pos + len(line), alignment_mode="expand")
            if span is not None:
                ranges.append((span.start, span.end))
        pos += len(line) + 1
    inside = bytearray(len(doc))
    for a, b in ranges:
        inside[a:b] = b"\x01" * (b - a)
    words = [t for a, b in ranges for t in doc[a:b] if t.is_alpha and t.text[:1].isupper() and not t.is_upper]
    if not words:
        return marks
    # Only the body's tokens that spell a word of those lines need a look.
    wanted = {t.lower for t in words}
    lowers = doc.to_array(LOWER)
    lower: set[str] = set()
    upper: set[str] = set()
    for i in numpy.nonzero(numpy.isin(lowers, list(wanted)))[0].tolist():
        if inside[i]:
            continue
        tok = doc[i]
        if not tok.text[:1].isupper():
            lower.add(tok.lower_)
        elif not tok.is_sent_start:
            upper.add(tok.lower_)
    for tok in words:
        word = tok.lower_
        if word in upper:
            continue
        # A word the article writes in lower case, or a verb's form ("Instructed", "Rattling").
        if word in lower or len(word) >= MIN_VERB_FORM_CHARS and word.endswith(("ed", "ing")):
            marks[tok.i] = 1
    return marks


def title_lines(doc: Doc, text: str | None = None) -> Iterator[tuple[int, int]]:
    """Character bounds of the lines in title case that hold a speech verb.

    Args:
        doc: the parsed document.
        text: ``doc.text``, when the caller has it (spaCy rebuilds it on each access).

    Yields:
        ``(start, end)`` of each such line.
    """
    text = doc.text if text is None else text
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not _title_case(line):
            continue
        words = _WORD.findall(line)
        if any(is_speech_verb(w.lower().rstrip("s")) or is_speech_verb(w.lower()) or w.lower() in ("says", "said")
               for w in words[1:]):
            yield start, end


def normalise_case(line: str, names: set[str]) -> str:
    """Lower-case the words of a title-case line that are not names.

    Args:
        line: the headline.
        names: words to keep as written (see `proper_words`).

    Returns:
        A string of the same length as ``line``.
    """
    def fix(m: re.Match[str]) -> str:
        word = m.group()
        if word in names or word.isupper() or m.start() == 0:
            return word
        lowered = word[0].lower() + word[1:]
        return lowered if len(lowered) == len(word) else word

    out = _WORD.sub(fix, line)
    return out if len(out) == len(line) else line


def parse_lines(doc: Doc, parse: Callable[[str], Doc], text: str | None = None) -> list[tuple[int, Doc]]:
    """Parse every title-case attribution line of ``doc`` in normalised case.

    Args:
        doc: the parsed document.
        parse: a function from text to a parsed Doc (the pipeline without
            quotebank).
        text: ``doc.text``, when the caller has it.

    Returns:
        ``(offset, line_doc)`` pairs; ``offset`` is where the line starts in
        ``doc.text``.
    """
    text = doc.text if text is None else text
    lines = list(title_lines(doc, text))
    if not lines:
        return []
    names = proper_words(doc)
    return [(start, parse(normalise_case(text[start:end], names))) for start, end in lines]
