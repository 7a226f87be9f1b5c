"""The Python API: extract quotes from strings, one or many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from spacy.language import Language

from quotebank.nlp import load_pipeline
from quotebank.records import OFFSET_FIELDS, Quote
from quotebank.speakers.registry import SpeakerTable

__all__ = ["Extractor", "extract", "split_long_text"]

#: Texts longer than this are parsed in paragraph-aligned pieces, so that a
#: huge file neither exceeds spaCy's ``max_length`` nor exhausts memory.
MAX_CHUNK_CHARS = 100_000
#: A piece is cut at a paragraph break, line break or space only past this
#: share of the limit; otherwise at the limit itself (no tiny pieces).
MIN_CUT_SHARE = 0.25


def split_long_text(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``limit`` characters at paragraph breaks.

    A piece is cut at the last blank line before the limit, else the last
    newline, else the last space, else at the limit itself.

    Args:
        text: any text.
        limit: the largest piece.

    Returns:
        ``(offset, piece)`` pairs that together give back ``text``.
    """
    pieces: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while n - pos > limit:
        window = text[pos:pos + limit]
        cut = -1
        for sep in ("\n\n", "\n", " "):
            k = window.rfind(sep)
            if k > limit * MIN_CUT_SHARE:
                cut = k + len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append((pos, text[pos:pos + cut]))
        pos += cut
    pieces.append((pos, text[pos:]))
    return pieces


def _shift(quote: Quote, offset: int, doc_id: str) -> Quote:
    changes: dict[str, Any] = {"doc_id": doc_id}
    if offset:
        for name in OFFSET_FIELDS:
            value = getattr(quote, name)
            if value is not None:
                changes[name] = value + offset
    return attrs.evolve(quote, **changes)


class Extractor:
    """A reusable extractor: loads its spaCy pipeline once.

    Args:
        model: a spaCy pipeline name or path; defaults to
            ``$QUOTEBANK_MODEL`` or :data:`quotebank.DEFAULT_MODEL`.
        nlp: an already loaded pipeline to use instead (quotebank is added to
            it if missing).
        speakers: a table of canonical names, aliases and QIDs applied to
            every record (see :class:`quotebank.speakers.registry.SpeakerTable`).

    Example:
        >>> ex = Extractor()                                  # doctest: +SKIP
        >>> [q.speaker for q in ex.extract('“Yes,” Ann Lee said.')]  # doctest: +SKIP
        ['Ann Lee']
    """

    def __init__(
        self, model: str | None = None, nlp: Language | None = None, speakers: SpeakerTable | None = None
    ) -> None:
        self.speakers = speakers
        if nlp is None:
            nlp = load_pipeline(model)
        elif "quotebank" not in nlp.pipe_names:
            nlp.add_pipe("quotebank")
        self.nlp = nlp

    def extract(self, text: str, doc_id: str = "") -> list[Quote]:
        """Quotes of one text.

        Args:
            text: the article.
            doc_id: written into each record.

        Returns:
            The quote records in text order.
        """
        for _, quotes in self.extract_many([(doc_id, text)]):
            return quotes
        return []

    def extract_many(
        self, items: Iterable[tuple[str, str]], batch_size: int = 16, n_process: int = 1
    ) -> Iterator[tuple[str, list[Quote]]]:
        """Quotes of many texts, streamed.

        Args:
            items: ``(doc_id, text)`` pairs.
            batch_size: texts per spaCy batch.
            n_process: worker processes for ``nlp.pipe``.

        Yields:
            ``(doc_id, quotes)`` in the order of ``items``.
        """
        limit = min(MAX_CHUNK_CHARS, self.nlp.max_length)

        def pieces():
            for doc_id, text in items:
                parts = split_long_text(text, limit)
                for k, (offset, piece) in enumerate(parts):
                    yield piece, (doc_id, offset, k == len(parts) - 1)

        collected: list[Quote] = []
        stream = self.nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        for doc, (doc_id, offset, last) in stream:
            for q in doc._.quotebank_quotes:
                q = _shift(q, offset, doc_id)
                collected.append(self.speakers.apply(q) if self.speakers is not None else q)
            if last:
                yield doc_id, collected
                collected = []


def extract(text: str, doc_id: str = "", model: str | None = None) -> list[Quote]:
    """Find the quotes of ``text`` and who said them.

    Args:
        text: an English news article.
        doc_id: written into each record.
        model: the spaCy pipeline to use (see :class:`Extractor`).

    Returns:
        The quote records in text order.

    Example:
        >>> import quotebank                                   # doctest: +SKIP
        >>> q = quotebank.extract('“We agree,” Anna Lee said.')[0]  # doctest: +SKIP
        >>> (q.text, q.speaker, q.cue)                         # doctest: +SKIP
        ('We agree,', 'Anna Lee', 'said')
    """
    return Extractor(model).extract(text, doc_id)
