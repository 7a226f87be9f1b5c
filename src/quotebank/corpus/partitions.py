"""Partitions: a corpus cut into pieces that workers read on their own.

A `Partition` is a list of `Slice` s: whole text and HTML files,
line ranges of JSONL files, row groups of Parquet files. It names where its
documents are, not what they say, so it is small to send to a worker, which
reads them itself (the files must be readable where the workers run: on the
same machine, or on a shared file system).

Reading the partitions in order gives the documents of
`read_documents`, in the same order, with the
same ids.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from quotebank.corpus.readers import (
    STDIN,
    Document,
    ReadProblem,
    find_files,
    jsonl_ranges,
    read_file,
    read_jsonl_range,
    read_parquet,
    safe_text,
)

__all__ = ["Slice", "Partition", "plan_partitions", "read_partition", "partition_size",
           "MIN_PARTITION_BYTES", "MAX_PARTITION_BYTES"]

#: Smallest and largest partition, in bytes of input. Between them, the size
#: gives each worker about `PARTITIONS_PER_WORKER` partitions, so that
#: small corpora are shared out evenly (the last partitions finish close
#: together) and large ones come in pieces of a few minutes'
#: work (4 MB of news text is about 900 articles).
MIN_PARTITION_BYTES = 64 * 1024
MAX_PARTITION_BYTES = 4 * 1024 * 1024
PARTITIONS_PER_WORKER = 16


@attrs.frozen(slots=True)
class Slice:
    """One piece of one input file.

    Attributes:
        path: the file.
        doc_id: its id (for JSONL and Parquet, the stem of ids ``STEM:N``).
        kind: "file" (all of it), "jsonl" (the lines from byte ``start`` to
            byte ``stop``, the first numbered ``first``) or "parquet" (row
            groups ``start`` to ``stop``).
        start: see ``kind``.
        stop: see ``kind``.
        first: the number of the first line of a JSONL range.
    """

    path: str
    doc_id: str
    kind: str = "file"
    start: int = 0
    stop: int = 0
    first: int = 1


@attrs.frozen(slots=True)
class Partition:
    """Documents read and extracted together by one worker task.

    Attributes:
        index: its place in the corpus (0, 1, …): outputs keep this order.
        slices: the pieces of files it holds, in corpus order.
        size: bytes of input.
    """

    index: int
    slices: tuple[Slice, ...]
    size: int

    @property
    def sources(self) -> str:
        """Its files, for messages."""
        names = list(dict.fromkeys(safe_text(s.path) for s in self.slices))
        return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


def partition_size(total_bytes: int, workers: int) -> int:
    """The partition size for a corpus of ``total_bytes`` on ``workers`` workers."""
    share = total_bytes // max(1, workers * PARTITIONS_PER_WORKER)
    return max(MIN_PARTITION_BYTES, min(MAX_PARTITION_BYTES, share))


def _parquet_groups(path: Path) -> list[tuple[int, int]]:
    """``(row group, bytes)`` of a Parquet file, or ``[]`` when it cannot be read here
    (the worker then reads it whole and reports the problem)."""
    try:
        import pyarrow.parquet as pq

        meta = pq.ParquetFile(path).metadata
    except Exception:  # no pyarrow, not Parquet: left for the reader to report
        return []
    return [(g, meta.row_group(g).total_byte_size) for g in range(meta.num_row_groups)]


def _slices(path: Path, doc_id: str, target: int) -> Iterator[tuple[Slice, int]]:
    """The slices of one file, with their sizes."""
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    suffix = path.suffix.lower()
    name = str(path)
    if suffix == ".jsonl" and size > target:
        try:
            ranges = jsonl_ranges(path, target)
        except OSError:
            ranges = []
        if ranges:
            for start, stop, first in ranges:
                yield Slice(name, doc_id, "jsonl", start, stop, first), stop - start
            return
    if suffix == ".parquet":
        groups = _parquet_groups(path)
        if groups:
            for group, nbytes in groups:
                yield Slice(name, doc_id, "parquet", group, group + 1), nbytes
            return
    yield Slice(name, doc_id), size


def plan_partitions(
    paths: Iterable[str | Path], workers: int = 1, target: int | None = None
) -> tuple[list[Partition], list[ReadProblem], int]:
    """Cut the corpus under ``paths`` into partitions.

    Args:
        paths: files and folders, as for `find_files`
            (standard input cannot be partitioned).
        workers: how many workers will share them (sets the size when
            ``target`` is None: see `partition_size`).
        target: bytes of input per partition.

    Returns:
        ``(partitions, problems, files)``: the partitions in corpus order, the
        paths that could not be used, and how many files were found.

    Raises:
        ValueError: when ``-`` (standard input) is among the paths.
    """
    paths = list(paths)
    if any(str(p) == STDIN for p in paths):
        raise ValueError("standard input (-) cannot be cut into partitions: give files or folders")
    files, problems = find_files(paths)
    if target is None:
        total = 0
        for path, _ in files:
            try:
                total += os.stat(path).st_size
            except OSError:
                pass
        target = partition_size(total, workers)
    partitions: list[Partition] = []
    current: list[Slice] = []
    size = 0
    for path, doc_id in files:
        for piece, nbytes in _slices(path, doc_id, target):
            if current and size + nbytes > target:
                partitions.append(Partition(len(partitions), tuple(current), size))
                current, size = [], 0
            current.append(piece)
            size += nbytes
    if current:
        partitions.append(Partition(len(partitions), tuple(current), size))
    return partitions, problems, len(files)


def read_partition(partition: Partition) -> Iterator[Document | ReadProblem]:
    """The documents of a partition and the problems met reading them, in
    corpus order (ids are not checked for repeats: that needs the whole corpus).
    """
    for piece in partition.slices:
        path = Path(piece.path)
        if piece.kind == "jsonl":
            yield from read_jsonl_range(path, piece.doc_id, piece.start, piece.stop, piece.first)
        elif piece.kind == "parquet":
            yield from read_parquet(path, piece.doc_id, (piece.start, piece.stop))
        else:
            yield from read_file(path, piece.doc_id)
