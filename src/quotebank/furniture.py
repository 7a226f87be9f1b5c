"""Page furniture: what on a web page is not the article, in one place.

By lines of text (no parse):

* `furniture_lines`: lines that are never text (teasers, credits, short
  lines without sentence punctuation such as "Story continues below
  advertisement", and the user's own patterns, `quotebank.rules`);
* `teaser_lines`: teasers for other articles ("READ MORE: …", "WATCH: …"),
  whose quotes belong to those articles;
* `caption_lines`: photo captions, whose names are no antecedents;
* `sidebar_blocks`: blocks of other stories' headlines and teasers (after a
  label such as "LATEST CONTENT", a list of cards between separator lines,
  or a block repeated), whose quotes belong to those stories.

By tokens of a parsed line:

* `label_end`: the colon ending a line's label ("Strategic Council Online –
  Interview:"), after which a sentence starts;
* `is_line_label`: whether a would-be speaker is such a label.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from spacy.tokens import Doc

from quotebank.lexicons import CARD_SEPARATORS, LABEL_JOINERS, SIDEBAR_LABEL_LEADS, SIDEBAR_LABELS

__all__ = [
    "FURNITURE_MAX_WORDS",
    "LABEL_WORDS",
    "caption_lines",
    "furniture_lines",
    "is_line_label",
    "label_end",
    "lines_where",
    "sidebar_blocks",
    "teaser_lines",
]

#: A line's label ("Strategic Council Online – Interview: …") has at most this
#: many words, each capitalised, joined by `LABEL_JOINERS`; a sentence starts after its colon.
LABEL_WORDS = 5

#: Longest line (in words) that can be page furniture when it has no sentence
#: punctuation ("Story continues below advertisement", "Article Continued Below").
FURNITURE_MAX_WORDS = 6
_LINE_END = tuple(".!?:;\"”’'»)…")
_LABEL_PREFIX = re.compile(r"^\s*[A-Z]{3,}(?: [A-Z]{2,})*\s*[:|]")  # "WATCH:", "READ MORE:"
_WORD = re.compile(r"\w[\w’'\-]*")
#: A photo credit closing a line (a caption): capitalised words in brackets, with
#: a slash between photographer and outlet or none: "(Lauren Pelley / CBC News)", "(CBC)".
#: Words are split by one space, so that matching stays linear in the line's length.
_CAPITALISED_WORDS = r"[A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*)*"
_CREDIT = re.compile(rf"\( ?{_CAPITALISED_WORDS} ?(?:/ ?{_CAPITALISED_WORDS} ?)?\)\s*$")
#: A caption's place of a person in the picture, after the name: "Judy, centre,",
#: "Jane Doe, second from left,", "John Doe (right)".
_PLACED = re.compile(
    r"[A-Z][\w’'\-]*(?:, | \()(?:(?:second|third) from |far |top |bottom )?(?:left|right|cent(?:re|er))(?:, |\))"
)


def teaser_lines(text: str) -> list[tuple[int, int]]:
    """Bounds of the teasers for other articles: a capitalised label, then the
    other article's headline, without sentence punctuation at the end ("READ
    MORE: ‘It becomes a nightmare’: the rise of the viral bomb threat", "WATCH:
    McConnell slams ‘fact-free rush to judgment’"). Their quotes belong to the
    other article.

    Args:
        text: the document.

    Returns:
        ``(start, end)`` of each teaser line, in order.
    """
    return lines_where(text, _is_teaser)


def _is_teaser(line: str) -> bool:
    # "WATCH | Gasol-Valanciunas trade deepens Raptors' identity crisis;": a
    # semicolon ends no sentence.
    return bool(_LABEL_PREFIX.match(line)) and not line.strip().rstrip(";").endswith(_LINE_END)


#: A headline of another story in a sidebar has at most this many words and no
#: full stop at its end ("Zionist Regime’s Post-War Map for Gaza", "Loading").
HEADLINE_MAX_WORDS = 20
#: A card of a list of other stories has at most this many lines, each of at most
#: `CARD_LINE_MAX_WORDS` words (a headline, a teaser, a byline).
CARD_MAX_LINES = 5
CARD_LINE_MAX_WORDS = 40


def sidebar_blocks(text: str) -> list[tuple[int, int]]:
    """Bounds of the blocks of other stories on a page: their headlines and
    teasers give no quotes of this article, and their names are no antecedents.

    A block is, by its shape alone:

    * a line that is only a sidebar label (`SIDEBAR_LABELS`: "LATEST
      CONTENT", "Related", "MORE FROM THE WEEK"), then the run of headlines
      and teasers after it: each line a headline (at most
      `HEADLINE_MAX_WORDS` words, no full stop at its end) or the teaser
      under one. Two lines of prose in a row end it;
    * a list of cards: at least three separator lines ("-",
      `CARD_SEPARATORS`) at most `CARD_MAX_LINES` lines apart, every line
      between them short, and the card after the last;
    * two or more paragraphs in a row that the page already showed, in the same
      order (a block repeated); a single repeated paragraph (a pull quote) stays.

    Args:
        text: the document.

    Returns:
        ``(start, end)`` of each block, in order, not overlapping.
    """
    lines = _lines(text)
    blocks = _labelled_blocks(lines) + _card_lists(lines) + _repeated_runs(lines)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(blocks):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [(lines[a][0], lines[b][1]) for a, b in merged]


def _lines(text: str) -> list[tuple[int, int, str]]:
    """The non-empty lines of ``text``: ``(start, end, stripped text)``."""
    out = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if line.strip():
            out.append((start, start + len(line), line.strip()))
    return out


def _is_sidebar_label(line: str) -> bool:
    label = " ".join(line.lower().rstrip(":").split())
    return label in SIDEBAR_LABELS or (label.startswith(SIDEBAR_LABEL_LEADS) and len(label.split()) <= 6)


def _is_headline(line: str) -> bool:
    return len(_WORD.findall(line)) <= HEADLINE_MAX_WORDS and not line.endswith((".", ":", ",", ";"))


def _labelled_blocks(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(first, last) line of each block after a sidebar label."""
    out = []
    k = 0
    while k < len(lines):
        if not _is_sidebar_label(lines[k][2]) or k + 1 == len(lines) or not _is_headline(lines[k + 1][2]):
            k += 1
            continue
        last, under_headline = k, True
        for j in range(k + 1, len(lines)):
            headline = _is_headline(lines[j][2])
            if not headline and not under_headline:
                break
            last, under_headline = j, headline
        out.append((k, last))
        k = last + 1
    return out


def _card_lists(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(first, last) line of each list of cards between separator lines."""
    short = [len(_WORD.findall(line)) <= CARD_LINE_MAX_WORDS for _, _, line in lines]
    separators = [k for k, (_, _, line) in enumerate(lines) if line in CARD_SEPARATORS]
    out = []
    chain: list[int] = []
    for k in separators + [len(lines) + CARD_MAX_LINES + 1]:
        if chain and k - chain[-1] - 1 <= CARD_MAX_LINES and all(short[chain[-1] + 1:k]):
            chain.append(k)
            continue
        if len(chain) >= 3:
            last = chain[-1]
            card = max(b - a for a, b in itertools.pairwise(chain))  # the longest card, in lines
            while last + 1 < len(lines) and last + 1 - chain[-1] < card and short[last + 1]:
                last += 1
            out.append((chain[0], last))
        chain = [k]
    return out


def _repeated_runs(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """(first, last) line of each run of two or more lines that repeats, in
    order, lines the page showed before."""
    first_seen: dict[str, int] = {}
    copy_of: list[int | None] = []  # per line, the earlier line it repeats
    for k, (_, _, line) in enumerate(lines):
        key = " ".join(line.split())
        copy_of.append(first_seen.get(key))
        first_seen.setdefault(key, k)
    out = []
    k = 0
    while k < len(lines):
        j = k
        while j + 1 < len(lines) and (before := copy_of[j]) is not None and copy_of[j + 1] == before + 1:
            j += 1
        if j > k:
            out.append((k, j))
        k = j + 1
    return out


def caption_lines(text: str) -> list[tuple[int, int]]:
    """Bounds of the photo captions: lines that end with a credit in brackets
    ("Benjamin Layne, a retired porter, looks at a display of photos. ( THE
    CANADIAN PRESS FILE PHOTO )") or place the people in the picture ("his
    three daughters Judy, centre, Jaidaa, left, and Baylasan ham it up for a
    photo"). Their quotes and speakers stand, but the people they name are no
    antecedents for the article's pronouns.

    Args:
        text: the document.

    Returns:
        ``(start, end)`` of each caption line, in order.
    """
    return lines_where(text, lambda line: _CREDIT.search(line) is not None or _PLACED.search(line) is not None)


def lines_where(text: str, test: Callable[[str], bool]) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines of ``text`` that pass ``test``."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if test(line):
            out.append((start, start + len(line)))
    return out


def furniture_lines(
    text: str, is_cue: Callable[[str], bool] = lambda word: False, is_own: Callable[[str], bool] = lambda line: False
) -> list[tuple[int, int]]:
    """Bounds of the lines that are page furniture, by their shape alone.

    A line is furniture when the user's rules say so (``is_own``), when it is
    a teaser or a credit ("WATCH: …", "VIDEO |
    …" without sentence punctuation at its end, a line wholly in parentheses),
    and so is a photo credit in brackets that ends a line ("… population.
    (Lauren Pelley / CBC News)", "( THE CANADIAN PRESS FILE PHOTO )": only the
    brackets; the caption before it is `caption_lines`');
    or when it is short (at most
    `FURNITURE_MAX_WORDS` words), is not the first line (the title),
    ends without sentence punctuation, holds no quote mark and no cue word
    (``is_cue``): "Story continues below advertisement", section subheads.
    Furniture is never a quote's speaker nor an antecedent.

    Args:
        text: the document.
        is_cue: whether a lower-case word is a speech verb ("says").
        is_own: whether a line is furniture by the user's own rules
            (`quotebank.rules.Rules.is_furniture`).

    Returns:
        ``(start, end)`` of each furniture line (or credit), in order.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    seen_text = False
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        first = not seen_text
        seen_text = True
        words = _WORD.findall(stripped)
        if is_own(line) or _is_teaser(line) or (stripped.startswith("(") and stripped.endswith(")")):
            out.append((start, end))
            continue
        credit = _CREDIT.search(line)  # a caption's "(Lauren Pelley / CBC News)"
        if credit is not None:
            out.append((start + credit.start(), start + credit.end()))
        if first or not words or len(words) > FURNITURE_MAX_WORDS or stripped.endswith(_LINE_END):
            continue
        if any(mark in stripped for mark in "“”\"‘«»") or any(is_cue(w.lower()) for w in words):
            continue
        out.append((start, end))
    return out


def label_end(doc: Doc, start: int) -> int | None:
    """The colon ending a line's label: at most `LABEL_WORDS` capitalised
    words (dashes and bars between them), followed by a capitalised word."""
    words = 0
    for i in range(start, min(len(doc) - 1, start + 2 * LABEL_WORDS)):
        tok = doc[i]
        if tok.text == ":":
            follower = doc[i + 1].text
            return i if words and follower[:1].isupper() and follower.isalpha() else None
        if tok.text in LABEL_JOINERS:
            continue
        if not (tok.is_alpha and tok.text[:1].isupper()) or words == LABEL_WORDS:
            return None
        words += 1
    return None


def is_line_label(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` open their line and a colon follows them:
    a site's or a section's label ("Strategic Council Online – Interview: …"),
    not a source."""
    starts_line = start == 0 or "\n" in doc[start - 1].text
    return starts_line and end < len(doc) and doc[end].text == ":"
