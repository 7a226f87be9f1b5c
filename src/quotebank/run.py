"""Streaming runs over a corpus: files → documents → results → a writer.

A `CorpusRun` is one run, whatever engine extracts it: it counts what was
done in a `RunReport`, reports problems with single inputs (a file that
cannot be read, a document whose extraction raised) through a callback and
goes on, and skips what an interrupted run already did. `RunReport.errors`
says whether anything was lost. The local engine, `local_outcomes`, reads the
files and extracts their documents in this process or in worker processes.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from quotebank.api import ERROR_MODES, Extractor
from quotebank.corpus.readers import STDIN, Document, ReadProblem, find_files, read_documents
from quotebank.corpus.writers import Done, QuoteWriter, atomic_replace
from quotebank.records import Metadata, Quote
from quotebank.results import DocOutcome, Result

__all__ = ["CorpusRun", "RunReport", "ResumeError", "RATE_MIN_SECONDS", "extract_corpus", "failure_message",
           "finish_result", "input_bytes", "iter_corpus", "keep_text_file", "local_outcomes", "write_corpus"]


class ResumeError(ValueError):
    """The inputs are not those of the interrupted run being resumed."""


#: A rate means something after this many seconds of work (the first
#: documents come in bursts from workers, and a rate over a second or less
#: said 2,782,087 words/s).
RATE_MIN_SECONDS = 3.0


@attrs.define
class RunReport:
    """What a run did.

    Attributes:
        files: input files found.
        documents: documents processed (resumed ones included).
        resumed: documents an interrupted run had already done.
        quotes: quote records of the documents done (those of resumed documents included).
        words: whitespace-separated words processed by this run.
        problems: inputs that could not be used, documents that failed, and warnings.
        seconds: seconds since the clock started: the first piece of text done
            (the model's load time is not counted).
        rate_words: words processed after the clock started, for the rate.
        first_done: when (``time.perf_counter()``) the clock started.
        failed: documents whose extraction failed (in this run).
        input_bytes: the size of the input files, or None when unknown (standard input).
        chars: characters of the documents done by this run.
        partial: characters done of the documents still under way (a long
            document is parsed in pieces).
        clock_chars: characters done when the clock started.
    """

    files: int = 0
    documents: int = 0
    resumed: int = 0
    quotes: int = 0
    words: int = 0
    problems: list[ReadProblem] = attrs.Factory(list)
    seconds: float = 0.0
    rate_words: int = 0
    first_done: float | None = None
    failed: int = 0
    input_bytes: int | None = None
    chars: int = 0
    partial: int = 0
    clock_chars: int = 0

    @property
    def errors(self) -> list[ReadProblem]:
        """The problems that lost an input or a document."""
        return [p for p in self.problems if p.fatal]

    def _tick(self) -> bool:
        """Start the clock, or move it on; whether it was running before."""
        if self.first_done is None:
            self.start_clock()
            return False
        self.seconds = time.perf_counter() - self.first_done
        return True

    def piece(self, chars: int) -> None:
        """Count a piece of a document done (``chars`` characters)."""
        self._tick()
        self.partial += chars

    def count(self, outcome: DocOutcome) -> None:
        """Count one finished document."""
        self.documents += 1
        self.quotes += outcome.quotes
        self.words += outcome.words
        if self._tick():
            self.rate_words += outcome.words
        self.chars += outcome.chars
        self.partial = 0
        if outcome.result.error is not None:
            self.failed += 1

    def start_clock(self) -> None:
        """Count the rate from now, not from the first piece of text done."""
        self.first_done, self.clock_chars = time.perf_counter(), self.chars + self.partial

    @property
    def words_per_second(self) -> float:
        """Processing speed, from the clock's start on (the model's load time excluded)."""
        return self.rate_words / self.seconds if self.seconds > 0 else 0.0

    @property
    def rate_known(self) -> bool:
        """Whether the rates mean something yet (`RATE_MIN_SECONDS` of work)."""
        return self.seconds >= RATE_MIN_SECONDS

    @property
    def share_done(self) -> float | None:
        """The share of the input done, about (characters against the input's
        bytes), at most 1; None when the input's size is unknown."""
        if not self.input_bytes:
            return None
        return min(1.0, (self.chars + self.partial) / self.input_bytes)

    @property
    def seconds_left(self) -> float | None:
        """About how long the rest will take, at the rate so far; None before the rate means something."""
        done = self.chars + self.partial - self.clock_chars
        if not self.input_bytes or not self.rate_known or done <= 0:
            return None
        return max(0.0, self.input_bytes - self.chars - self.partial) * self.seconds / done


class CorpusRun:
    """One run over a corpus, whatever engine extracts it.

    The run owns the report, the problems and the resume log. An engine
    (`local_outcomes` here, `quotebank.distributed.dask_outcomes` on a Dask
    cluster) turns documents into events, in input order: a `ReadProblem`
    for each input it could not use, a `DocOutcome` for each document it
    extracted. It asks `to_do` of each document before extracting it (or,
    when it cannot, before yielding it) and knows nothing of reports or writers.

    Args:
        report: filled in as the run goes (a new one when None).
        on_problem: called with each input that cannot be used, each failed
            document (its ``source`` is the doc id) and each warning.
        on_document: called after each document with the report.
        done: the documents an interrupted run finished, in order: they are
            skipped (their errors reported again), after checking that the
            inputs start with the same documents.
    """

    def __init__(self, *, report: RunReport | None = None, on_problem: Callable[[ReadProblem], None] | None = None,
                 on_document: Callable[[RunReport], None] | None = None, done: list[Done] | None = None) -> None:
        self.report = report if report is not None else RunReport()
        self.on_problem = on_problem
        self.on_document = on_document
        self.done = list(done or [])
        self.position = 0

    def problem(self, problem: ReadProblem) -> None:
        """Report one problem."""
        self.report.problems.append(problem)
        if self.on_problem is not None:
            self.on_problem(problem)

    def start_clock(self) -> None:
        """Count the rate from now, not from the first document done (for
        engines whose workers load the pipeline on their first task)."""
        self.report.start_clock()

    def found(self, files: int, problems: Iterable[ReadProblem], input_bytes: int | None = None) -> None:
        """Record the input files found (and their size in bytes, when known)
        and report the paths that could not be used."""
        self.report.files = files
        self.report.input_bytes = input_bytes
        for p in problems:
            self.problem(p)

    def piece(self, chars: int) -> None:
        """A piece of a long document is done (``chars`` characters): progress within it."""
        self.report.piece(chars)
        if self.on_document is not None:
            self.on_document(self.report)

    def to_do(self, doc_id: str) -> bool:
        """Whether the next document of the inputs is still to do (False: the
        run being resumed did it; it is counted, and its error reported again).

        Raises:
            ResumeError: when that run had another document there.
        """
        position = self.position
        self.position += 1
        if position >= len(self.done):
            return True
        previous = self.done[position]
        if previous.doc_id != doc_id:
            raise ResumeError(
                f"the inputs changed since the interrupted run: document {position + 1} is "
                f"{doc_id!r}, the run being resumed had {previous.doc_id!r}"
            )
        if previous.error is not None:
            self.problem(ReadProblem(doc_id, previous.error))
        self.report.resumed += 1
        self.report.documents += 1
        self.report.quotes += previous.records
        return False

    def results(self, events: Iterable[DocOutcome | ReadProblem]) -> Iterator[Result]:
        """The results of an engine's ``events``, each counted and reported.

        Raises:
            ResumeError: when the inputs end before the documents the run being resumed did.
        """
        for event in events:
            if isinstance(event, ReadProblem):
                self.problem(event)
                continue
            self.report.count(event)
            message = failure_message(event.result)
            if message is not None:
                detail = event.result.error.traceback if event.result.error is not None else ""
                self.problem(ReadProblem(event.result.doc_id, message, detail=detail))
            if self.on_document is not None:
                self.on_document(self.report)
            yield event.result
        if self.position < len(self.done):
            raise ResumeError(
                f"the inputs changed since the interrupted run: it had done {len(self.done)} documents, "
                f"the inputs now hold {self.position}"
            )

    def write(self, events: Iterable[DocOutcome | ReadProblem], writer: QuoteWriter) -> RunReport:
        """Write the results of ``events`` to ``writer``, a document at a time.

        The writer is closed when the run ends, and left for ``--resume``
        when it is interrupted or fails.
        """
        try:
            for result in self.results(events):
                writer.write_document(result.doc_id, result.quotes, failure_message(result))
        except BaseException:
            writer.abort()
            raise
        writer.close()
        return self.report


def failure_message(result: Result) -> str | None:
    """How a failed document is reported (and logged for ``--resume``); None when it did not fail."""
    if result.error is None:
        return None
    return f"extraction failed: {result.error.error_type}: {result.error.message}"


@attrs.frozen(slots=True)
class _Pending:
    """A document handed to the extractor, waiting for its result."""

    doc_id: str
    source: str
    words: int
    chars: int
    meta: Metadata


def local_outcomes(
    files: Iterable[tuple[Path, str]],
    extractor: Extractor,
    to_do: Callable[[str], bool],
    *,
    n_process: int = 1,
    keep: Callable[[Quote], bool] | None = None,
    keep_text: str | Path | None = None,
    on_piece: Callable[[int], None] | None = None,
) -> Iterator[DocOutcome | ReadProblem]:
    """The local engine: read ``files`` and extract their documents in this
    process or ``n_process`` workers.

    Args:
        files: the input files with their doc ids (`quotebank.corpus.readers.find_files`).
        extractor: the extractor.
        to_do: asked of each document, in order; those it refuses are skipped.
        n_process: worker processes.
        keep: a test each record must pass to be kept; all are kept when None.
        keep_text: a folder to write each document's text to (``--keep-text``).
        on_piece: called with the characters of each piece of a long document
            done before the document is (in this process only: ``n_process`` 1).

    Yields:
        The problems met reading the inputs and one outcome per document
        extracted, in input order. Each outcome's records carry its document's
        metadata (date, URL, title, source).
    """
    # Reading runs ahead of the results (a window of documents is in the
    # workers): what was read waits here, problems and documents in order.
    waiting: deque[_Pending | ReadProblem] = deque()

    def documents() -> Iterator[tuple[str, str]]:
        for item in read_documents(files):
            if isinstance(item, ReadProblem):
                waiting.append(item)
                continue
            if item.warning:
                waiting.append(ReadProblem(item.source, item.warning, fatal=False))
            if not to_do(item.doc_id):
                continue
            if keep_text is not None:
                keep_text_file(Path(keep_text), item)
            waiting.append(_Pending(item.doc_id, item.source, len(item.text.split()), len(item.text), item.meta))
            yield item.doc_id, item.text

    for result in extractor.results(documents(), n_process=n_process, on_piece=on_piece):
        doc = waiting.popleft()
        while isinstance(doc, ReadProblem):
            yield doc
            doc = waiting.popleft()
        assert doc.doc_id == result.doc_id, "results out of order"
        result = finish_result(result, doc.meta, keep)
        yield DocOutcome(result, doc.source, doc.words, len(result.quotes), doc.chars)
    yield from (p for p in waiting if isinstance(p, ReadProblem))  # problems after the last document


def iter_corpus(
    paths: Iterable[str | Path],
    extractor: Extractor | None = None,
    *,
    model: str | None = None,
    n_process: int = 1,
    keep: Callable[[Quote], bool] | None = None,
    keep_text: str | Path | None = None,
    **run: Any,
) -> Iterator[Result]:
    """Extract the quotes of every document under ``paths``, streamed.

    Args:
        paths: ``.txt``, ``.html``, ``.jsonl`` and ``.parquet`` files and folders
            (searched recursively; see `quotebank.corpus.readers.find_files`).
        extractor: the extractor to use; built from ``model`` when None.
        model: the spaCy pipeline when no extractor is given.
        n_process: worker processes.
        keep: a test each record must pass to be kept (see
            `RecordFilter`); all are kept when None.
        keep_text: a folder to write each document's text to, as
            ``DOC_ID.txt`` (for HTML pages, the extracted text the offsets refer to).
        **run: the `CorpusRun`'s arguments (``report``, ``on_problem``,
            ``on_document``, ``done``).

    Yields:
        One `Result` per document this run processed, in
        input order (failed ones included, with their error). Its records
        carry the document's metadata (date, URL, title, source).

    Raises:
        ResumeError: when ``done`` does not match the inputs.
    """
    corpus_run = CorpusRun(**run)
    files, problems = find_files(paths)
    corpus_run.found(len(files), problems, input_bytes(files))
    extractor = extractor or Extractor(model)
    yield from corpus_run.results(local_outcomes(files, extractor, corpus_run.to_do, n_process=n_process,
                                                 keep=keep, keep_text=keep_text, on_piece=corpus_run.piece))


_NO_META = Metadata()


def input_bytes(files: Iterable[tuple[Path, str]]) -> int | None:
    """The size of the input files in bytes, or None when standard input is
    among them (or a file cannot be sized)."""
    total = 0
    for path, _ in files:
        if str(path) == STDIN:
            return None
        try:
            total += path.stat().st_size
        except OSError:
            return None
    return total


def finish_result(result: Result, meta: Metadata | None, keep: Callable[[Quote], bool] | None) -> Result:
    """A document's result with its metadata copied into its records and
    the records that fail ``keep`` dropped."""
    if meta == _NO_META:
        meta = None
    if (meta is not None or keep is not None) and result.quotes:
        quotes = result.quotes if meta is None else (attrs.evolve(q, **attrs.asdict(meta)) for q in result.quotes)
        result = attrs.evolve(result, quotes=tuple(q for q in quotes if keep is None or keep(q)))
    return result


def keep_text_path(folder: Path, doc_id: str) -> Path:
    """Where ``--keep-text`` writes a document's text: ``FOLDER/DOC_ID.txt``,
    with the id's path parts kept as folders, and ``..``, ``.`` and empty
    parts dropped so that nothing lands outside ``folder``."""
    parts = [p for p in doc_id.replace("\\", "/").split("/") if p not in ("", ".", "..")] or ["_"]
    return folder.joinpath(*parts[:-1], parts[-1] + ".txt")


def keep_text_file(folder: Path, doc: Document) -> None:
    """Write a document's text, whole or not at all (a temporary file renamed)."""
    path = keep_text_path(folder, doc.doc_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_replace(path, lambda staged: staged.write_text(doc.text, encoding="utf-8", newline=""))


def write_corpus(
    paths: Iterable[str | Path], writer: QuoteWriter, extractor: Extractor, *, n_process: int = 1,
    keep: Callable[[Quote], bool] | None = None, keep_text: str | Path | None = None, **run: Any
) -> RunReport:
    """Extract every document under ``paths`` into ``writer``, a document at a time.

    Resumes after ``writer.done`` (see `QuoteWriter`).
    The writer is closed when the run ends, and left for ``--resume`` when it
    is interrupted or fails.

    Args:
        paths: files and folders, as for `iter_corpus`.
        writer: where the records go.
        extractor: the extractor to use.
        n_process: worker processes.
        keep: a test each record must pass to be kept.
        keep_text: a folder for each document's text.
        **run: the `CorpusRun`'s arguments (``report``, ``on_problem``, ``on_document``).

    Returns:
        The run's report.
    """
    corpus_run = CorpusRun(done=writer.done, **run)
    try:
        files, problems = find_files(paths)
        corpus_run.found(len(files), problems, input_bytes(files))
    except BaseException:
        writer.abort()
        raise
    events = local_outcomes(files, extractor, corpus_run.to_do, n_process=n_process, keep=keep, keep_text=keep_text,
                            on_piece=corpus_run.piece)
    return corpus_run.write(events, writer)


def extract_corpus(
    paths: Iterable[str | Path], model: str | None = None, *, errors: str = "raise", **kwargs: Any
) -> Iterator[Quote]:
    """Every quote of every document under ``paths``, as one stream of records.

    Args:
        paths: files and folders, as for `iter_corpus`.
        model: the spaCy pipeline.
        errors: "raise" (the default) stops at the first document whose
            extraction raised, with an `ExtractionError`;
            "collect" goes on (pass ``report=`` or ``on_problem=`` to see them).
        **kwargs: passed to `iter_corpus`.

    Yields:
        Quote records, document by document.
    """
    if errors not in ERROR_MODES:
        raise ValueError(f"errors must be one of {', '.join(ERROR_MODES)}, not {errors!r}")
    for result in iter_corpus(paths, model=model, **kwargs):
        if result.error is not None and errors == "raise":
            raise result.error
        yield from result.quotes

