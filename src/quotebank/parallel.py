"""Worker processes for ``-j N``: each loads the pipeline once and sends back
records, never Docs.

Documents go to the workers in tasks of about `TASK_CHARS` characters;
at most `TASKS_PER_WORKER` tasks per worker are in flight, so memory does
not grow with the corpus, and results come back in input order, so the output
is the same as with one process. Workers ignore Ctrl-C: the parent decides,
and stops them all at once (a worker that dies is reported, not waited for);
a worker whose parent is killed outright (SIGKILL) ends within a second or two.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from quotebank.results import Result, checked_items

__all__ = ["parallel_results", "worker_extractor", "ResultSource", "TASK_CHARS", "TASKS_PER_WORKER"]

#: Characters of text per task sent to a worker (documents are never split
#: between tasks; a longer document is a task of its own). About ten news
#: articles: small enough that records reach the output (and --resume's log)
#: steadily; on PolNeAR dev with 2 workers 50,000 ran in 31 s, 200,000 in 34 s.
TASK_CHARS = 50_000
#: Tasks queued per worker: enough to keep every worker busy while the parent
#: waits for the oldest task (results are taken in order, and one long
#: document can hold up the rest), few enough to bound memory (16 tasks of
#: 50,000 characters with 2 workers).
TASKS_PER_WORKER = 8

#: Seconds between a worker's checks that its parent is alive.
PARENT_CHECK_SECONDS = 1.0

class ResultSource(Protocol):
    """What the workers need of an extractor (`quotebank.Extractor` is one):
    its model and speaker table, to build their own, and its results."""

    model: str | None
    speakers: Any

    def results(self, items: Iterable[tuple[str, str]], n_process: int = 1) -> Iterator[Result]: ...


#: The extractor of this worker process.
_WORKER: ResultSource | None = None
#: The extractors this process has loaded, by class, model, speakers and rules
#: (spawned workers here, and the Dask engine's workers).
_LOADED: dict[bytes, Any] = {}


def worker_extractor(kind: type, model: str | None, speakers: Any = None, rules: Any = None) -> Any:
    """This process's extractor of class ``kind`` for ``model``, ``speakers``
    and ``rules``, loaded on first use and kept (a worker loads a pipeline once)."""
    key = hashlib.blake2b(pickle.dumps((kind.__module__, kind.__qualname__, model, speakers, rules)),
                          digest_size=16).digest()
    extractor = _LOADED.get(key)
    if extractor is None:
        extractor = kind(model, speakers=speakers, **({"rules": rules} if rules is not None else {}))
        _LOADED[key] = extractor
    return extractor
#: The process that started the workers (inherited by forked ones).
_PARENT: int | None = None


def _ignore_interrupts() -> None:
    """Ctrl-C is the parent's to handle; SIGTERM (the parent stopping us) just ends the worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _die_with(parent: int | None) -> None:
    """End this worker as soon as ``parent`` is gone (killed with SIGKILL, say),
    instead of waiting forever to send it results: a daemon thread checks that
    the worker's parent is still ``parent``."""
    if parent is None:
        return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="quotebank-parent-watch", daemon=True).start()


def _init_forked() -> None:
    """A forked worker inherits the parent's extractor (``_WORKER``)."""
    _ignore_interrupts()
    _die_with(_PARENT)


def _init_spawned(
    kind: type, model: str | None, speakers: Any, parent: int | None = None, rules: Any = None
) -> None:
    """A spawned worker loads its own pipeline, once, as an extractor of the
    parent's class (``kind``), with the parent's rules."""
    global _WORKER
    _ignore_interrupts()
    _die_with(parent)
    _WORKER = worker_extractor(kind, model, speakers, rules)


def _work(task: list[tuple[str, str]]) -> list[Result]:
    assert _WORKER is not None, "worker not initialised"
    return list(_WORKER.results(task))


def _tasks(items: Iterable[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    task: list[tuple[str, str]] = []
    size = 0
    for doc_id, text in checked_items(items):
        if task and size + len(text) > TASK_CHARS:
            yield task
            task, size = [], 0
        task.append((doc_id, text))
        size += len(text)
    if task:
        yield task


def _stop(executor: ProcessPoolExecutor) -> None:
    """Stop every worker now (Ctrl-C, an error, or a consumer that stopped reading)."""
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
    else:
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
    executor.shutdown(wait=True, cancel_futures=True)


def parallel_results(extractor: ResultSource, items: Iterable[tuple[str, str]], n_process: int) -> Iterator[Result]:
    """`quotebank.Extractor.results` over ``n_process`` worker processes.

    Args:
        extractor: the parent's extractor (forked workers share its pipeline;
            spawned ones load the same model by name).
        items: ``(doc_id, text)`` pairs.
        n_process: how many workers.

    Yields:
        One result per item, in the order of ``items``.

    Raises:
        concurrent.futures.process.BrokenProcessPool: when a worker died (killed,
            out of memory); the results before it have been yielded.
    """
    global _WORKER, _PARENT
    _PARENT = os.getpid()
    if "fork" in multiprocessing.get_all_start_methods():
        _WORKER = extractor
        executor = ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("fork"),
                                       initializer=_init_forked)
    else:  # pragma: no cover - spawn-only platforms
        executor = ProcessPoolExecutor(n_process, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_init_spawned,
                                       initargs=(type(extractor), extractor.model, extractor.speakers, _PARENT,
                                                 getattr(extractor, "rules", None)))
    window: deque[Future[list[Result]]] = deque()
    finished = False
    try:
        for task in _tasks(items):
            window.append(executor.submit(_work, task))
            while len(window) >= n_process * TASKS_PER_WORKER:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()
        finished = True
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:
            _stop(executor)
        _WORKER = None
