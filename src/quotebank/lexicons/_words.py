"""How a lexicon is written: white-space separated words, each listed once."""

from __future__ import annotations

__all__ = ["words"]


def words(text: str) -> frozenset[str]:
    """The words of ``text`` as a frozen set.

    Args:
        text: words separated by white space, lower case.

    Returns:
        The set of words.

    Raises:
        ValueError: when a word is listed twice or is not lower case, so that a
            lexicon never hides a duplicate or an entry that cannot match.
    """
    listed = text.split()
    seen: set[str] = set()
    for word in listed:
        if word in seen:
            raise ValueError(f"{word!r} is listed twice")
        if word != word.lower():
            raise ValueError(f"{word!r} is not lower case")
        seen.add(word)
    return frozenset(listed)
