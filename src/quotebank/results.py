"""What one document gives (`Result`, `ExtractionError`, and in a corpus run
`DocOutcome`), and the checked
``(doc_id, text)`` pairs every entry point takes.

Shared by `quotebank.api` and the workers of `quotebank.parallel`, which
import it and not each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from quotebank.records import Quote

__all__ = ["DocOutcome", "ExtractionError", "Result", "check_text", "checked_items"]


class ExtractionError(Exception):
    """Finding the quotes of one document raised.

    Attributes:
        doc_id: the document's id.
        error_type: the name of the original exception's class.
        message: its message.
        traceback: its formatted traceback (for ``--debug``), or "".
    """

    def __init__(self, doc_id: str, error_type: str, message: str, traceback: str = "") -> None:
        super().__init__(f"{doc_id}: {error_type}: {message}")
        self.doc_id = doc_id
        self.error_type = error_type
        self.message = message
        self.traceback = traceback

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.doc_id, self.error_type, self.message, self.traceback))


@attrs.frozen(slots=True)
class Result:
    """What one document gave.

    Attributes:
        doc_id: the document's id.
        quotes: its quote records, in text order (empty when it failed).
        error: why it failed, or None.
    """

    doc_id: str
    quotes: tuple[Quote, ...] = ()
    error: ExtractionError | None = None


@attrs.frozen(slots=True)
class DocOutcome:
    """One document's outcome in a corpus run: its result and what the run counts.

    Attributes:
        result: its result (with no records when a partitioned dataset's part file holds them).
        source: where it was read from.
        words: its whitespace-separated words.
        quotes: its records kept.
        chars: its characters.
    """

    result: Result
    source: str
    words: int
    quotes: int
    chars: int = 0


def check_text(text: Any, where: str) -> str:
    """``text`` when it is a str; else a TypeError naming ``where`` (and how to decode bytes)."""
    if isinstance(text, str):
        return text
    hint = ": decode bytes first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray)) else ""
    raise TypeError(f"{where} expects a str, not {type(text).__name__}{hint}")


def checked_items(items: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """The ``(doc_id, text)`` pairs, each checked to be two strs (TypeError naming the item)."""
    for position, (doc_id, text) in enumerate(items):
        check_text(doc_id, f"item {position}: the doc id")
        check_text(text, f"item {position} ({doc_id!r}): the text")
        yield doc_id, text
