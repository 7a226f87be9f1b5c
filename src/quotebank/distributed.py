"""The Dask engine (``quotebank extract --engine dask``): the corpus cut into
partitions, each read and extracted by a dask.distributed worker.

* The client plans the partitions (`quotebank.corpus.partitions`): names
  of files, line ranges of JSONL files, row groups of Parquet files. Workers
  read the documents themselves, so the inputs must be readable where the
  workers run (the same machine, or a shared file system).
* Each worker process loads the spaCy pipeline once (`worker_extractor`
  keeps it) and sends back records, never Docs.
* At most `TASKS_PER_WORKER` partitions per worker are in flight, and
  results are taken in partition order, so the records come out in the order
  of a local run, and memory does not grow with the corpus.
* To a file, the client writes the records (any format, either level). To a
  partitioned Parquet dataset (`PartitionedWriter`),
  each worker writes its partition's part file itself and sends back only
  counts and problems, so the client carries no records at all.

Needs ``pip install 'quotebank[dask]'``. With no scheduler address, a
``LocalCluster`` of ``n_workers`` single-threaded worker processes is started
for the run and stopped after it.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from quotebank import parallel
from quotebank.api import Extractor
from quotebank.corpus.partitions import Partition, plan_partitions, read_partition
from quotebank.corpus.readers import Document, IdCheck, ReadProblem
from quotebank.corpus.writers import PartitionedWriter, QuoteWriter, write_parquet_part
from quotebank.records import Quote
from quotebank.results import DocOutcome, ExtractionError, Result
from quotebank.run import CorpusRun, RunReport, finish_result, keep_text_file

__all__ = ["TaskSettings", "PartitionOutcome", "PipelineError", "run_partition", "dask_outcomes", "dask_results",
           "worker_extractor", "warm_workers", "dask_client", "write_corpus_dask", "outcome_to_dict",
           "outcome_from_dict", "TASKS_PER_WORKER"]

#: Partitions in flight per worker: enough to keep each busy while the client
#: waits for the oldest, few enough to bound memory.
TASKS_PER_WORKER = 4


class PipelineError(RuntimeError):
    """A worker could not load the spaCy pipeline (the run cannot go on)."""


@attrs.frozen(slots=True)
class TaskSettings:
    """What every partition task needs besides its partition (sent once per task; small).

    Attributes:
        model: the spaCy pipeline's name or path (as installed on the workers).
        speakers: the speaker table, or None.
        rules: the user's cue verbs and furniture lines (`quotebank.rules.Rules`), or None.
        keep: the record filter, or None for all records.
        keep_text: a folder for each document's text (``--keep-text``), or None.
        parts: the folder the part files go to (a partitioned dataset), or
            None to send the records back.
    """

    model: str | None = None
    speakers: Any = None
    rules: Any = None
    keep: Callable[[Quote], bool] | None = None
    keep_text: str | None = None
    parts: str | None = None


@attrs.frozen(slots=True)
class PartitionOutcome:
    """What a partition task sends back.

    Attributes:
        index: the partition's index.
        events: its documents' outcomes and the problems met reading them, in order.
        records: records kept in all.
    """

    index: int
    events: tuple[DocOutcome | ReadProblem, ...]
    records: int


_LOCK = threading.Lock()


def worker_extractor(model: str | None, speakers: Any = None, rules: Any = None) -> Extractor:
    """This process's extractor for ``model``, ``speakers`` and ``rules``, loaded on first use
    (`quotebank.parallel.worker_extractor`).

    Raises:
        PipelineError: when the pipeline cannot be loaded.
    """
    try:
        return parallel.worker_extractor(Extractor, model, speakers, rules)  # type: ignore[no-any-return]
    except (OSError, ValueError) as err:
        raise PipelineError(str(err)) from None


def _load(model: str | None, speakers: Any, rules: Any = None) -> None:
    worker_extractor(model, speakers, rules)


def warm_workers(client: Any, settings: TaskSettings) -> None:
    """Make every worker of ``client``'s cluster load the pipeline now (else
    each does on its first partition).

    Raises:
        PipelineError: when a worker cannot load it.
    """
    client.run(_load, settings.model, settings.speakers, settings.rules)


def run_partition(partition: Partition, settings: TaskSettings) -> PartitionOutcome:
    """Read and extract one partition (the task each worker runs).

    Args:
        partition: what to read.
        settings: the run's settings.

    Returns:
        The documents' outcomes in order; their records too, unless
        ``settings.parts`` is set, in which case they are in the part file.

    Raises:
        PipelineError: when the pipeline cannot be loaded.
    """
    docs: list[Document] = []
    events: list[Document | ReadProblem] = []
    for item in read_partition(partition):
        if isinstance(item, Document):
            if item.warning:
                events.append(ReadProblem(item.source, item.warning, fatal=False))
            if settings.keep_text is not None:
                keep_text_file(Path(settings.keep_text), item)
            docs.append(item)
        events.append(item)
    with _LOCK:  # one extraction at a time per process, should a worker run several threads
        extractor = worker_extractor(settings.model, settings.speakers, settings.rules)
        results = iter(list(extractor.results([(d.doc_id, d.text) for d in docs])))
    outcomes: list[DocOutcome | ReadProblem] = []
    kept: list[Quote] = []
    for item in events:
        if isinstance(item, ReadProblem):
            outcomes.append(item)
            continue
        result = finish_result(next(results), item.meta, settings.keep)
        quotes = len(result.quotes)
        if settings.parts is not None:
            kept.extend(result.quotes)
            result = attrs.evolve(result, quotes=())
        outcomes.append(DocOutcome(result, item.source, len(item.text.split()), quotes, len(item.text)))
    if settings.parts is not None:
        write_parquet_part(kept, PartitionedWriter.part_path(settings.parts, partition.index))
    return PartitionOutcome(partition.index, tuple(outcomes), sum(
        o.quotes for o in outcomes if isinstance(o, DocOutcome)))


def outcome_to_dict(outcome: PartitionOutcome) -> dict[str, Any]:
    """A partition's outcome, without records, as JSON-ready data (a partitioned dataset's summary)."""
    events: list[dict[str, Any]] = []
    for e in outcome.events:
        if isinstance(e, ReadProblem):
            events.append({"problem": attrs.asdict(e)})
            continue
        error = e.result.error
        events.append({
            "doc_id": e.result.doc_id, "source": e.source, "words": e.words, "quotes": e.quotes, "chars": e.chars,
            "error": None if error is None else [error.error_type, error.message, error.traceback],
        })
    return {"index": outcome.index, "records": outcome.records, "events": events}


def outcome_from_dict(data: dict[str, Any]) -> PartitionOutcome:
    """The inverse of `outcome_to_dict`."""
    events: list[DocOutcome | ReadProblem] = []
    for e in data["events"]:
        if "problem" in e:
            events.append(ReadProblem(**e["problem"]))
            continue
        error = None if e["error"] is None else ExtractionError(e["doc_id"], *e["error"])
        events.append(DocOutcome(Result(e["doc_id"], (), error), e["source"], e["words"], e["quotes"],
                                 e.get("chars", 0)))
    return PartitionOutcome(data["index"], tuple(events), data["records"])


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, n_workers: int = 1) -> Iterator[Any]:
    """A dask.distributed client: of the cluster at ``scheduler``, or of a new
    ``LocalCluster`` of ``n_workers`` single-threaded processes (closed after).

    Raises:
        ImportError: when dask.distributed is not installed, with a hint.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise ImportError("--engine dask needs dask.distributed: pip install 'quotebank[dask]'") from err
    import logging

    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def write_corpus_dask(
    paths: Iterable[str | Path],
    writer: QuoteWriter | PartitionedWriter,
    settings: TaskSettings,
    *,
    scheduler: str | None = None,
    n_workers: int = 1,
    partition_bytes: int | None = None,
    on_notice: Callable[[str], None] | None = None,
    **run: Any,
) -> RunReport:
    """Extract every document under ``paths`` on a Dask cluster into ``writer``.

    The counterpart of `quotebank.run.write_corpus`: a file written this
    way is the same, byte for byte, as one written by a local run.

    Args:
        paths: files and folders.
        writer: a file (`QuoteWriter`, any
            format and level; ``--resume`` re-extracts the documents done and
            skips them) or a partitioned Parquet dataset (``--resume`` runs
            only the partitions not done).
        settings: the run's settings (``parts`` is set here for a dataset).
        scheduler: the address of a running cluster; None starts a
            ``LocalCluster`` of ``n_workers`` processes for the run.
        n_workers: workers of the local cluster.
        partition_bytes: input bytes per partition (default: from the corpus
            size and the number of workers).
        on_notice: called with a note for the user (a partitioned dataset resumed).
        **run: the `CorpusRun`'s arguments (``report``, ``on_problem``, ``on_document``).

    Returns:
        The run's report.
    """
    partitioned = writer if isinstance(writer, PartitionedWriter) else None
    corpus_run = CorpusRun(done=None if isinstance(writer, PartitionedWriter) else writer.done, **run)
    if partitioned is not None:
        settings = attrs.evolve(settings, parts=str(partitioned.stage))
    try:
        with dask_client(scheduler, n_workers) as client:
            partitions = _plan(paths, _worker_count(client), partition_bytes, corpus_run, partitioned, on_notice)
            events = dask_outcomes(partitions, client, settings, corpus_run.to_do, partitioned=partitioned)
            if partitioned is None:
                return corpus_run.write(events, writer)  # type: ignore[arg-type]
            for _ in corpus_run.results(events):
                pass
    except BaseException:
        writer.abort()
        raise
    partitioned.finish(corpus_run.report, model=settings.model,
                       rules=None if settings.rules is None or settings.rules.is_default else settings.rules.config())
    return corpus_run.report


def _plan(paths: Iterable[str | Path], workers: int, partition_bytes: int | None, corpus_run: CorpusRun,
          partitioned: PartitionedWriter | None, on_notice: Callable[[str], None] | None) -> list[Partition]:
    """The run's partitions (the problems met finding the inputs reported; a
    partitioned dataset begun, or resumed)."""
    partitions, problems, files = plan_partitions(paths, workers, partition_bytes)
    corpus_run.found(files, problems)
    # The rate counts from here (workers load the pipeline on their first
    # task, and partitions finish in bursts): every document counts.
    corpus_run.start_clock()
    if partitioned is not None:
        partitioned.begin(partitions)
        if partitioned.notice and on_notice is not None:
            on_notice(partitioned.notice)
    return partitions


def _worker_count(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def dask_outcomes(
    partitions: list[Partition],
    client: Any,
    settings: TaskSettings,
    to_do: Callable[[str], bool],
    *,
    partitioned: PartitionedWriter | None = None,
) -> Iterator[DocOutcome | ReadProblem]:
    """The Dask engine: each partition read and extracted by a worker, at
    most `TASKS_PER_WORKER` per worker in flight, taken in partition order.

    Args:
        partitions: the run's partitions (`quotebank.corpus.partitions.plan_partitions`).
        client: a dask.distributed client (see `dask_client`).
        settings: the run's settings; ``settings.parts`` must be
            ``partitioned.stage`` when ``partitioned`` is given.
        to_do: asked of each document, in order, once its partition is done;
            the documents it refuses are dropped (their records, extracted
            again, are those an interrupted run wrote).
        partitioned: the partitioned dataset being written: partitions it
            already holds (``--resume``) are not run again, and each partition
            done is recorded in it.

    Yields:
        The problems met reading the inputs, and one outcome per document, in
        corpus order (with no records when a partitioned dataset holds them).
        A partition whose task failed (a worker that died) is one problem.

    Raises:
        PipelineError: when the workers cannot load the pipeline.
    """
    check = IdCheck()
    tasks = _Tasks(client, settings, partitions, _worker_count(client) * TASKS_PER_WORKER, partitioned)
    try:
        while tasks.window:
            part, future = tasks.window.popleft()
            outcome = _outcome(part, future, partitioned)
            tasks.fill()
            if isinstance(outcome, ReadProblem):
                yield outcome
                continue
            for event in outcome.events:
                if isinstance(event, DocOutcome):
                    yield from check(event.result.doc_id, event.source)
                    if not to_do(event.result.doc_id):
                        continue
                yield event
    finally:
        tasks.cancel()


class _Tasks:
    """The partition tasks in flight (at most ``limit``), oldest first; a
    partition an interrupted run did is in the window with no task (None)."""

    def __init__(self, client: Any, settings: TaskSettings, partitions: list[Partition], limit: int,
                 partitioned: PartitionedWriter | None) -> None:
        self.client, self.settings, self.limit, self.partitioned = client, settings, limit, partitioned
        self.pending = deque(partitions)
        self.window: deque[tuple[Partition, Any]] = deque()
        self.fill()

    def fill(self) -> None:
        """Submit partitions until ``limit`` are in flight."""
        while self.pending and len(self.window) < self.limit:
            part = self.pending.popleft()
            if self.partitioned is not None and part.index in self.partitioned.finished:
                self.window.append((part, None))
                continue
            future = self.client.submit(run_partition, part, self.settings, pure=False,
                                        key=f"quotebank-partition-{part.index}-{id(self):x}")
            self.window.append((part, future))

    def cancel(self) -> None:
        """Cancel the tasks still in flight."""
        for _, future in self.window:
            if future is not None:
                future.cancel()


def _outcome(part: Partition, future: Any, partitioned: PartitionedWriter | None) -> PartitionOutcome | ReadProblem:
    """A partition's outcome: its task's (recorded in ``partitioned``), the one
    an interrupted run recorded (``future`` None), or the task's failure."""
    if future is None:
        assert partitioned is not None
        return outcome_from_dict(partitioned.resumed(part.index))
    try:
        outcome: PartitionOutcome = future.result()
    except PipelineError:
        raise
    except Exception as err:  # a worker that died, a bug outside one document
        return ReadProblem(f"partition {part.index} ({part.sources})", f"the task failed: {type(err).__name__}: {err}")
    if partitioned is not None:
        partitioned.record(outcome.index, outcome_to_dict(outcome))
    return outcome


def dask_results(
    paths: Iterable[str | Path],
    client: Any,
    settings: TaskSettings,
    *,
    partition_bytes: int | None = None,
    **run: Any,
) -> Iterator[Result]:
    """`quotebank.run.iter_corpus` on a Dask cluster: the same results, in the same order.

    Args:
        paths: files and folders (not standard input).
        client: a dask.distributed client (see `dask_client`).
        settings: the run's settings.
        partition_bytes: input bytes per partition (default: from the corpus
            size and the number of workers).
        **run: the `CorpusRun`'s arguments (``report``, ``on_problem``,
            ``on_document``, ``done``).

    Yields:
        One result per document, in corpus order.

    Raises:
        PipelineError: when the workers cannot load the pipeline.
        ResumeError: when ``done`` does not match the inputs.
    """
    corpus_run = CorpusRun(**run)
    partitions = _plan(paths, _worker_count(client), partition_bytes, corpus_run, None, None)
    yield from corpus_run.results(dask_outcomes(partitions, client, settings, corpus_run.to_do))
