"""Plain-text helpers shared by the stages: no spaCy here.

* `trim` shrinks a character span past characters to drop at its edges
  (white space for the scanner, marks and punctuation for the scorer);
* `paragraph_of` finds the paragraph holding an offset.

What on a page is not the article is `quotebank.furniture`'s.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

__all__ = ["trim", "paragraph_of"]


def trim(text: str, start: int, end: int, drop: Callable[[str], bool] = str.isspace) -> tuple[int, int]:
    """Shrink ``[start, end)`` past the characters ``drop`` accepts, at both edges.

    Args:
        text: the document.
        start: offset of the span's first character.
        end: offset just past its last character.
        drop: whether a character is trimmed (default: white space).

    Returns:
        The trimmed ``(start, end)``; ``start == end`` when nothing is left.

    Examples:
        >>> trim("  a b  ", 0, 7)
        (2, 5)
    """
    while start < end and drop(text[start]):
        start += 1
    while end > start and drop(text[end - 1]):
        end -= 1
    return start, end


def paragraph_of(para_starts: Sequence[int], offset: int) -> int:
    """Index of the paragraph holding ``offset``.

    Args:
        para_starts: start offsets of the paragraphs, in order (see
            `quotebank.marks.paragraph_bounds`).
        offset: a character offset.

    Returns:
        The index of the last paragraph starting at or before ``offset``; 0
        for an offset before the first paragraph.

    Examples:
        >>> paragraph_of([0, 10, 20], 15)
        1
    """
    return max(bisect_right(para_starts, offset) - 1, 0)
