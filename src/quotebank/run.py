"""Streaming runs over a corpus: files → documents → quotes → a writer.

Problems with single inputs are reported through a callback and the run goes
on; the :class:`RunReport` counts what was done.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import attrs

from quotebank.api import Extractor
from quotebank.corpus.readers import ReadProblem, find_files, read_documents
from quotebank.records import Quote

__all__ = ["RunReport", "extract_corpus", "iter_corpus"]


@attrs.define
class RunReport:
    """What a run did.

    Attributes:
        files: input files found.
        documents: documents processed.
        quotes: quote records produced.
        words: whitespace-separated words processed.
        problems: inputs that could not be used (or only with a warning).
        seconds: wall time so far.
    """

    files: int = 0
    documents: int = 0
    quotes: int = 0
    words: int = 0
    problems: list[ReadProblem] = attrs.Factory(list)
    seconds: float = 0.0

    @property
    def errors(self) -> list[ReadProblem]:
        """The problems that lost an input."""
        return [p for p in self.problems if p.fatal]


def iter_corpus(
    paths: Iterable[str | Path],
    extractor: Extractor | None = None,
    *,
    model: str | None = None,
    batch_size: int = 16,
    n_process: int = 1,
    report: RunReport | None = None,
    on_problem: Callable[[ReadProblem], None] | None = None,
    on_document: Callable[[RunReport], None] | None = None,
) -> Iterator[tuple[str, list[Quote]]]:
    """Extract the quotes of every document under ``paths``, streamed.

    Args:
        paths: ``.txt``/``.jsonl`` files and folders (searched recursively).
        extractor: the extractor to use; built from ``model`` when None.
        model: the spaCy pipeline when no extractor is given.
        batch_size: documents per spaCy batch.
        n_process: worker processes for parsing.
        report: filled in as the run goes (a new one when None).
        on_problem: called with each input that cannot be used.
        on_document: called after each document with the report.

    Yields:
        ``(doc_id, quotes)`` per document, in input order.
    """
    report = report if report is not None else RunReport()
    started = time.perf_counter()
    files, problems = find_files(paths)
    report.files = len(files)

    def problem(p: ReadProblem) -> None:
        report.problems.append(p)
        if on_problem is not None:
            on_problem(p)

    for p in problems:
        problem(p)
    extractor = extractor or Extractor(model)
    words = {}

    def documents() -> Iterator[tuple[str, str]]:
        for item in read_documents(files):
            if isinstance(item, ReadProblem):
                problem(item)
                continue
            if item.warning:
                problem(ReadProblem(item.source, item.warning, fatal=False))
            words[item.doc_id] = len(item.text.split())
            yield item.doc_id, item.text

    for doc_id, quotes in extractor.extract_many(documents(), batch_size=batch_size, n_process=n_process):
        report.documents += 1
        report.quotes += len(quotes)
        report.words += words.pop(doc_id, 0)
        report.seconds = time.perf_counter() - started
        if on_document is not None:
            on_document(report)
        yield doc_id, quotes
    report.seconds = time.perf_counter() - started


def extract_corpus(paths: Iterable[str | Path], model: str | None = None, **kwargs) -> Iterator[Quote]:
    """Every quote of every document under ``paths``, as one stream of records.

    Args:
        paths: files and folders, as for :func:`iter_corpus`.
        model: the spaCy pipeline.
        **kwargs: passed to :func:`iter_corpus`.

    Yields:
        Quote records, document by document.
    """
    for _, quotes in iter_corpus(paths, model=model, **kwargs):
        yield from quotes
