"""The Python API: extract quotes from strings, one or many.

Memory is bounded by text size, not by document count: long texts are parsed
in pieces of at most `MAX_CHUNK_CHARS` characters, cut only where no
quote spans the cut, and pieces are batched up to `BATCH_CHARS`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs
from spacy.language import Language

from quotebank.marks import scan_quotes
from quotebank.nlp import QuotebankComponent, load_pipeline
from quotebank.parallel import parallel_results
from quotebank.records import OFFSET_FIELDS, Quote
from quotebank.results import ExtractionError, Result, checked_items
from quotebank.results import check_text as _check_text
from quotebank.rules import Rules
from quotebank.speakers.registry import SpeakerTable

__all__ = ["Extractor", "ExtractionError", "Result", "extract", "split_long_text"]

#: Texts longer than this are parsed in paragraph-aligned pieces, so that a
#: huge file neither exceeds spaCy's ``max_length`` nor exhausts memory.
MAX_CHUNK_CHARS = 100_000
#: A piece is cut at a paragraph break, line break or space only past this
#: share of the limit; otherwise at the limit itself (no tiny pieces).
MIN_CUT_SHARE = 0.25
#: Most characters handed to spaCy in one batch. spaCy's memory grows with
#: the text of a batch (16 pieces of 100,000 characters peaked at 4.8 GB);
#: 100,000 keeps a run under 1 GB and was no slower than larger batches.
BATCH_CHARS = 100_000
#: What ``extract_corpus(errors=…)`` accepts.
ERROR_MODES = ("raise", "collect")


def _quote_bounds(text: str) -> tuple[list[int], list[int]]:
    """Sorted starts and ends of the regions a cut must not fall in: each
    quote from its opening mark to its closing mark, over all its paragraphs."""
    chains: dict[int, list[int]] = {}
    for q in scan_quotes(text):
        lo_hi = chains.setdefault(q.chain, [q.mark_start, q.mark_end])
        lo_hi[0] = min(lo_hi[0], q.mark_start)
        lo_hi[1] = max(lo_hi[1], q.mark_end)
    bounds = sorted(chains.values())
    return [b[0] for b in bounds], [b[1] for b in bounds]


def split_long_text(text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``limit`` characters at paragraph breaks.

    A piece is cut at the last blank line before the limit, else the last
    newline, else the last space, else at the limit itself; never inside a
    quote (from its opening to its closing mark, paragraphs included) unless
    a quote is longer than a whole piece.

    Args:
        text: any text.
        limit: the largest piece.

    Returns:
        ``(offset, piece)`` pairs that together give back ``text``.
    """
    if len(text) <= limit:
        return [(0, text)]
    starts, ends = _quote_bounds(text)

    def inside_quote(cut: int) -> bool:
        k = bisect_right(starts, cut - 1) - 1
        return k >= 0 and starts[k] < cut < ends[k]

    pieces: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while n - pos > limit:
        floor = pos + int(limit * MIN_CUT_SHARE)
        cut = -1
        for sep in ("\n\n", "\n", " "):
            k = text.rfind(sep, floor, pos + limit)
            while k != -1 and inside_quote(k + len(sep)):
                k = text.rfind(sep, floor, k)
            if k != -1:
                cut = k + len(sep)
                break
        if cut <= pos:
            cut = pos + limit
        pieces.append((pos, text[pos:cut]))
        pos = cut
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
            ``$QUOTEBANK_MODEL`` or `quotebank.DEFAULT_MODEL`.
        nlp: an already loaded pipeline to use instead (quotebank is added to
            it if missing).
        speakers: a table of canonical names, aliases and QIDs applied to
            every record (see `quotebank.speakers.registry.SpeakerTable`).
        rules: cue verbs and furniture lines of the user's, added to
            quotebank's own (`quotebank.rules.Rules`). For a pipeline given as
            ``nlp`` that already holds the component, set them in its config:
            other rules here raise ValueError rather than being ignored.

    Examples:
        >>> ex = Extractor()
        >>> [q.speaker for q in ex.extract('“Yes,” Ann Lee said.')]
        ['Ann Lee']
    """

    def __init__(
        self,
        model: str | None = None,
        nlp: Language | None = None,
        speakers: SpeakerTable | None = None,
        rules: Rules | None = None,
    ) -> None:
        self.model = model
        self.speakers = speakers
        if nlp is None:
            nlp = load_pipeline(model, rules if rules is not None and not rules.is_default else None)
        elif not any(isinstance(proc, QuotebankComponent) for _, proc in nlp.pipeline):
            nlp.add_pipe("quotebank", config=(rules or Rules()).config())
        self.nlp = nlp
        component = next((name, proc) for name, proc in nlp.pipeline if isinstance(proc, QuotebankComponent))
        self._component = component[0]
        #: The rules the pipeline's component works with.
        self.rules: Rules = component[1].rules
        if rules is not None and rules != self.rules:
            raise ValueError("the pipeline's quotebank component has rules of its own: "
                             "set them in its config (cue_verbs_add, cue_verbs_remove, furniture_lines)")

    def extract(self, text: str, doc_id: str = "") -> list[Quote]:
        """Quotes of one text.

        Args:
            text: the article.
            doc_id: written into each record.

        Returns:
            The quote records in text order.

        Raises:
            TypeError: when ``text`` is not a str.
            ExtractionError: when finding the quotes raised.
        """
        _check_text(text, "Extractor.extract")
        for _, quotes in self.extract_many([(doc_id, text)]):
            return quotes
        return []

    def extract_many(
        self, items: Iterable[tuple[str, str]], n_process: int = 1
    ) -> Iterator[tuple[str, list[Quote]]]:
        """Quotes of many texts, streamed.

        Args:
            items: ``(doc_id, text)`` pairs.
            n_process: worker processes (each loads the pipeline once).

        Yields:
            ``(doc_id, quotes)`` in the order of ``items``.

        Raises:
            ExtractionError: at the first document whose extraction raised
                (the documents before it have been yielded). Use
                `results` to collect errors and go on.
        """
        for result in self.results(items, n_process=n_process):
            if result.error is not None:
                raise result.error
            yield result.doc_id, list(result.quotes)

    def results(self, items: Iterable[tuple[str, str]], n_process: int = 1, *,
                on_piece: Callable[[int], None] | None = None) -> Iterator[Result]:
        """One `Result` per text, errors collected instead of raised.

        Args:
            items: ``(doc_id, text)`` pairs.
            n_process: worker processes; 1 parses in this process.
            on_piece: called with the characters of each piece of a long text
                parsed before its last (a text is parsed in pieces of at most
                `MAX_CHUNK_CHARS`): progress within a document. Not called
                from worker processes.

        Yields:
            A `Result` per item, in the order of ``items``.

        Raises:
            TypeError: when an item's text or id is not a str.
        """
        if n_process > 1:
            yield from parallel_results(self, items, n_process)
            return
        quotes: list[Quote] = []
        error: ExtractionError | None = None
        for doc, (doc_id, offset, last) in self._parsed(items):
            # A long text comes in pieces, perhaps over several batches.
            failure = doc._.quotebank_error
            if failure is not None and error is None:
                error = ExtractionError(doc_id, failure["type"], failure["message"], failure["traceback"])
            if error is None:
                for q in doc._.quotebank_quotes:
                    q = _shift(q, offset, doc_id)
                    quotes.append(self.speakers.apply(q) if self.speakers is not None else q)
            if last:
                yield Result(doc_id, (), error) if error is not None else Result(doc_id, tuple(quotes))
                quotes, error = [], None
            elif on_piece is not None:
                on_piece(len(doc.text))

    def _parsed(self, items: Iterable[tuple[str, str]]) -> Iterator[tuple[Any, tuple[str, int, bool]]]:
        """Each piece of each text, parsed with quotebank's errors recorded on the Doc."""
        limit = min(MAX_CHUNK_CHARS, self.nlp.max_length)
        cfg = {self._component: {"on_error": "record"}}

        def pieces() -> Iterator[tuple[str, tuple[str, int, bool]]]:
            for doc_id, text in checked_items(items):
                parts = split_long_text(text, limit)
                for k, (offset, piece) in enumerate(parts):
                    yield piece, (doc_id, offset, k == len(parts) - 1)

        for batch in _batches(pieces(), BATCH_CHARS):
            yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch), component_cfg=cfg)


def _batches(pieces: Iterable[tuple[str, Any]], max_chars: int) -> Iterator[list[tuple[str, Any]]]:
    """Group pieces into batches of at most ``max_chars`` characters (a longer
    piece makes a batch of its own)."""
    batch: list[tuple[str, Any]] = []
    size = 0
    for piece in pieces:
        if batch and size + len(piece[0]) > max_chars:
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece[0])
    if batch:
        yield batch


def extract(text: str, doc_id: str = "", model: str | None = None) -> list[Quote]:
    """Find the quotes of ``text`` and who said them.

    Args:
        text: an English news article.
        doc_id: written into each record.
        model: the spaCy pipeline to use (see `Extractor`).

    Returns:
        The quote records in text order.

    Raises:
        TypeError: when ``text`` is not a str.
        ExtractionError: when finding the quotes raised.

    Examples:
        >>> import quotebank
        >>> q = quotebank.extract('“We agree,” Anna Lee said.')[0]
        >>> (q.text, q.speaker, q.cue)
        ('We agree,', 'Anna Lee', 'said')
    """
    _check_text(text, "quotebank.extract")
    return Extractor(model).extract(text, doc_id)
