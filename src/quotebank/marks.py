"""The quote-mark scanner: characters in, quoted spans out.

This module knows nothing of spaCy. It pairs quotation marks by looking at the
characters around each mark (is it glued to a word on its left, on its right?)
and at what is open, not by pairing marks in the order they come, so that

* curly, straight, angle and low marks (“…” ‘…’ "…" '…' «…» „…“ ‹…› and the
  ``''…''`` of some newswires) are all understood, also mixed in one text;
* apostrophes (``don’t``, ``countries’``, ``’90s``) are not taken for marks;
* a quote nested in another (‘friendship,’ inside “…”) stays inside it;
* a paragraph that opens a quote and does not close it continues when the next
  paragraph opens with a mark, the news convention for long quotes;
* unbalanced marks never raise: the unmatched region is skipped and every
  other quote is kept.

The scan is one pass over the marks of the text: linear in its length.

Examples:
    >>> [s.text for s in scan_quotes('He said: “It’s done,” and left.')]
    ['It’s done,']
"""

from __future__ import annotations

import re

import attrs

from quotebank.text import trim

__all__ = ["QuotedSpan", "scan_quotes", "paragraph_bounds"]

# Mark families: "D" (double-level) and "S" (single-level).
_DOUBLE = "D"
_SINGLE = "S"

# Which opening marks a closing mark may close. Straight and curly double marks
# are interchangeable because real text mixes them (“peace and stability,").
_CLOSES = {
    "”": {"“", "„", '"', "''", "”", "``"},
    '"': {"“", "„", '"', "''", "”", "``"},
    "''": {"“", "„", '"', "''", "``"},
    "“": {"„", "“"},
    "»": {"«"},
    "’": {"‘", "'", "‚"},
    "'": {"‘", "'", "‚"},
    "›": {"‹"},
}
_FAMILY = {
    "“": _DOUBLE, "”": _DOUBLE, '"': _DOUBLE, "„": _DOUBLE, "''": _DOUBLE, "``": _DOUBLE,
    "«": _DOUBLE, "»": _DOUBLE,
    "‘": _SINGLE, "’": _SINGLE, "'": _SINGLE, "‚": _SINGLE, "‹": _SINGLE, "›": _SINGLE,
}
_MARK_RE = re.compile(r"''|``|[\"'“”„‘’‚«»‹›]|\n")
_NON_SPACE_RE = re.compile(r"\S")
#: A web address: its quote marks are part of it ("http://ex.com/“foo”"), not quotes.
_URL_RE = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>]+", re.I)
#: Characters that end a sentence or a quote after an address, not the address itself,
#: with the mark that opens each pair ("www.example.com”" ends before "”").
_URL_TRAILERS = {".": None, ",": None, ";": None, ":": None, "!": None, "?": None, ")": "(", "]": "[",
                 "”": "“", "’": "‘", "»": "«", "›": "‹", '"': '"', "'": "'"}
_OPEN_BEFORE = set("([{<—–-/:;,") | {"\u00a0"}


@attrs.frozen(slots=True)
class QuotedSpan:
    """One quotation found by the scanner.

    Attributes:
        start: offset of the first character of the content (after the mark and
            any white space).
        end: offset just past the last character of the content.
        text: ``document[start:end]``.
        open_mark: the opening mark (for a later paragraph of a long quote,
            the mark that re-opens it).
        close_mark: the closing mark, or "" for a paragraph piece whose quote
            goes on in the next paragraph.
        chain: index shared by the paragraph pieces of one multi-paragraph
            quote (0, 1, 2, … in the order of the text).
        piece: position of this piece in its chain (0 for the first).
        mark_start: offset of the opening mark (``start`` when there is none).
        mark_end: offset just past the closing mark (``end`` when none).
    """

    start: int
    end: int
    text: str
    open_mark: str
    close_mark: str
    chain: int
    piece: int
    mark_start: int
    mark_end: int


@attrs.define(slots=True)
class _Open:
    mark: str
    family: str
    pos: int  # offset of the mark
    end: int  # offset just past the mark
    depth: int
    # Index in the stack of the innermost entry of the *other* family below
    # this one (None when there is none), so lookups never walk the stack.
    prev_other: int | None = None


def paragraph_bounds(text: str) -> list[tuple]:
    """Split ``text`` into paragraphs.

    A text holding a blank line anywhere is taken to separate its paragraphs by
    blank lines (single newlines are then hard wraps inside a paragraph);
    otherwise every newline ends a paragraph.

    Args:
        text: the document.

    Returns:
        ``(start, end)`` offsets of each non-empty paragraph, in order.
    """
    sep = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*") if _has_blank_line(text) else re.compile(r"\n\s*")
    bounds = []
    pos = 0
    for m in sep.finditer(text):
        if text[pos:m.start()].strip():
            bounds.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        bounds.append((pos, len(text)))
    return bounds


def _has_blank_line(text: str) -> bool:
    return re.search(r"\n[ \t\r\f\v\u00a0]*\n", text) is not None


def _can_open(prev: str, nxt: str) -> bool:
    return not nxt.isspace() and (prev.isspace() or prev in _OPEN_BEFORE or prev in _FAMILY)


def _can_close(prev: str, nxt: str) -> bool:
    return not prev.isspace() and not nxt.isalnum()


def scan_quotes(text: str) -> list[QuotedSpan]:
    """Find the quotations of ``text`` by their marks.

    Only outermost quotes are returned; quotes nested inside them are part of
    their content. A quote running over several paragraphs gives one
    `QuotedSpan` per paragraph, sharing ``chain``.

    Args:
        text: any string.

    Returns:
        The quoted spans, in text order, never overlapping.
    """
    blank_lines = _has_blank_line(text)
    n = len(text)
    in_url = _url_chars(text)
    stack: list[_Open] = []
    result: list[QuotedSpan] = []
    # Pieces of the outermost quote that is still open, waiting for its close.
    pending: list[tuple] = []  # (content_start, content_end, open_mark, mark_start)
    chain_counter = 0
    skip_to = -1

    def flush_pending(close_mark: str, close_start: int, close_end: int) -> None:
        nonlocal chain_counter
        pieces = pending[:]
        pending.clear()
        chain_id = chain_counter
        chain_counter += 1
        for i, (cs, ce, om, ms) in enumerate(pieces):
            last = i == len(pieces) - 1
            end = close_start if last else ce
            s, e = trim(text, cs, end)
            if e <= s:
                continue
            result.append(
                QuotedSpan(
                    start=s, end=e, text=text[s:e], open_mark=om,
                    close_mark=close_mark if last else "", chain=chain_id, piece=i,
                    mark_start=ms, mark_end=close_end if last else e,
                )
            )

    for m in _MARK_RE.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        mark = m.group()
        if in_url and i in in_url:
            continue
        if mark == "\n":
            # A paragraph break when the text uses single newlines for
            # paragraphs, or when a blank line follows.
            nm = _NON_SPACE_RE.search(text, i)
            j = nm.start() if nm else n
            if blank_lines and text.count("\n", i, j) < 2:
                continue
            skip_to = j
            if not stack:
                continue
            bottom = stack[0]
            nxt_mark = _mark_at(text, j)
            if nxt_mark and _FAMILY[nxt_mark] == bottom.family and nxt_mark in _openers_for(bottom.mark):
                # The quote continues in the next paragraph: close this piece
                # at the paragraph's end and open the next one after the mark.
                cs, _, om, ms = pending[-1]
                pending[-1] = (cs, i, om, ms)
                stack[:] = [_Open(nxt_mark, bottom.family, j, j + len(nxt_mark), 0)]
                pending.append((j + len(nxt_mark), -1, nxt_mark, j))
                skip_to = j + len(nxt_mark)
            else:
                stack.clear()
                pending.clear()
            continue

        prev = text[i - 1] if i > 0 else "\n"
        end = m.end()
        nxt = text[end] if end < n else "\n"
        family = _FAMILY[mark]
        role = _role(mark, prev, nxt, stack)
        if role == "close":
            idx = _find_opener(stack, mark)
            if idx is None:
                continue
            opener = stack[idx]
            del stack[idx:]
            if opener.depth == 0:
                flush_pending(mark, i, end)
        elif role == "open":
            if not stack:
                pending.clear()
                pending.append((end, -1, mark, i))
            stack.append(_Open(mark, family, i, end, len(stack), _innermost_other(stack, family)))
    return result


def _url_chars(text: str) -> set[int]:
    """The positions of the characters of ``text`` that belong to web
    addresses (the quote marks and punctuation that close a sentence or a quote
    right after an address left out, unless the address opens them itself)."""
    if "://" not in text and "www." not in text.lower():
        return set()
    chars: set[int] = set()
    for m in _URL_RE.finditer(text):
        start, end = m.span()
        while end > start and text[end - 1] in _URL_TRAILERS:
            opener, closer = _URL_TRAILERS[text[end - 1]], text[end - 1]
            body = text[start:end - 1]
            if opener is not None and (body.count(opener) % 2 == 1 if opener == closer
                                       else body.count(opener) > body.count(closer)):
                break
            end -= 1
        chars.update(range(start, end))
    return chars


def _openers_for(open_mark: str) -> set:
    """Marks that may re-open a quote opened by ``open_mark`` in a new paragraph."""
    family = _FAMILY[open_mark]
    return {m for m, f in _FAMILY.items() if f == family and m not in ("”", "’", "»", "›")}


def _mark_at(text: str, j: int) -> str | None:
    if text.startswith("''", j) or text.startswith("``", j):
        return text[j:j + 2]
    if j < len(text) and text[j] in _FAMILY:
        return text[j]
    return None


def _role(mark: str, prev: str, nxt: str, stack: list[_Open]) -> str | None:
    """Decide whether a mark opens, closes, or is no mark (an apostrophe)."""
    can_open = _can_open(prev, nxt)
    can_close = _can_close(prev, nxt)
    has_opener = _find_opener(stack, mark) is not None
    if mark in ("“", "«", "„", "‹", "``", "‚"):
        if mark == "“" and has_opener and (_german_open(stack) or (can_close and not can_open)):
            return "close"  # German „…“, or a typo closing “…“
        if mark == "‚" and not can_open:
            return None
        return "open"
    if mark in ("»", "›"):
        return "close" if has_opener else None
    if mark == "‘":
        # ‘90s is an apostrophe written the wrong way round.
        if nxt.isdigit() and not has_opener:
            return None
        return "open"
    if mark == "”":
        if has_opener:
            return "close"
        return "open" if can_open and not can_close else None
    if mark == "’":
        if prev.isalnum() and nxt.isalnum():
            return None  # don’t
        if has_opener and can_close:
            return "close"
        return None  # countries’, ’90s
    if mark == "'":
        if prev.isalnum() and nxt.isalnum():
            return None  # don't
        if has_opener and can_close:
            return "close"
        if can_open and not nxt.isdigit() and not prev.isalnum():
            return "open"
        return None
    # Straight double marks: " and ''.
    if has_opener and can_close:
        return "close"
    if can_open:
        return "open"
    if has_opener and not nxt.isalnum():
        return "close"
    return None


def _innermost_other(stack: list[_Open], family: str) -> int | None:
    """Index of the innermost entry of the family other than ``family``."""
    if not stack:
        return None
    top = stack[-1]
    return len(stack) - 1 if top.family != family else top.prev_other


def _german_open(stack: list[_Open]) -> bool:
    idx = _find_opener(stack, "”")
    return idx is not None and stack[idx].mark == "„"


def _find_opener(stack: list[_Open], mark: str) -> int | None:
    """Index of the innermost open mark that ``mark`` can close, if any.

    Looks at the innermost open mark of the same family only, in O(1): each
    open entry records where the previous one of its family stands.
    """
    closes = _CLOSES.get(mark)
    if not closes or not stack:
        return None
    family = _FAMILY[mark]
    top = stack[-1]
    idx = len(stack) - 1 if top.family == family else top.prev_other
    if idx is None or idx < 0:
        return None
    return idx if stack[idx].mark in closes else None
