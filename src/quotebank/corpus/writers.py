"""Writers: quote records out, as JSONL, CSV or Parquet, document by document.

Nothing finished is ever lost, and nothing half-written is ever taken for
finished:

* a regular file ``OUT`` is written as ``OUT.part``, one document at a time in
  whole lines, with a log ``OUT.part.done`` of the documents done; when the run
  ends it is renamed to ``OUT`` (Parquet: converted from the JSONL staged in
  ``OUT.part``) and the log is removed. An interrupted run leaves both, and
  the same command with ``resume=True`` (``--resume``) goes on from the last
  document done, dropping anything written after it;
* ``-`` (stdout), FIFOs and character devices (``/dev/null``) are written
  through, never replaced; a symbolic link's target is what is written;
* a folder, a suffix that names no format, Parquet to a stream, and a left
  ``.part`` without ``--resume`` are refused before any work
  (`OutputError`);
* at the quote level (``--level quote``), the mention records are staged as
  JSONL (in ``OUT.part``, or a temporary file for a stream) and merged into
  quotations when the run ends (`quotebank.dataset.quotations`).

Files are created with the mode the umask allows, like any other file.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

import attrs

from quotebank import __version__
from quotebank.corpus.encodings import csv_cell, csv_row, json_line, mention_line, mention_schema, quotation_schema
from quotebank.corpus.readers import safe_text
from quotebank.records import FIELDS, Quote

__all__ = ["FORMATS", "LEVELS", "SUFFIXES", "OutputError", "Done", "QuoteWriter", "format_for", "open_writer",
           "PartitionedWriter", "write_quotations", "write_parquet_part", "mention_schema", "quotation_schema",
           "atomic_replace", "atomic_write_text"]

T = TypeVar("T")

#: Output formats by name.
FORMATS = ("jsonl", "csv", "parquet")
#: Dataset levels: one record per mention of a quote, or per distinct quotation.
LEVELS = ("mention", "quote")
#: File suffixes and the format each names.
SUFFIXES = {".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet",
            ".pq": "parquet"}
#: Rows per Parquet row group when the staged JSONL is converted.
PARQUET_ROWS = 50_000


class OutputError(ValueError):
    """The output cannot be written as asked (a usage error: nothing was done)."""


@attrs.frozen(slots=True)
class Done:
    """A document an interrupted run finished (one line of ``OUT.part.done``).

    Attributes:
        position: its position among the run's documents (0, 1, 2 …).
        doc_id: its id.
        offset: the size of ``OUT.part`` once its records were written.
        error: the message of its extraction error, or None.
        records: how many records it wrote (0 when the log does not say).
    """

    position: int
    doc_id: str
    offset: int
    error: str | None = None
    records: int = 0


def format_for(path: str | Path | None, fmt: str | None = None) -> str:
    """The output format: ``fmt`` if given, else from the path's suffix; JSONL for stdout.

    Raises:
        OutputError: for an unknown format, or a suffix that names none.
    """
    if fmt is not None:
        fmt = fmt.lower()
        if fmt not in FORMATS:
            raise OutputError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    if path is None or str(path) == "-":
        return "jsonl"
    p = Path(path)
    if p.exists() and not p.is_file() and not p.is_dir():
        return "jsonl"  # a FIFO or a device: written through, as JSONL unless told
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise OutputError(
            f"cannot tell the output format of {safe(path)} from its suffix {suffix or '(none)'!r}: "
            f"name a file ending in {', '.join(SUFFIXES)}, or give --format"
        )
    return SUFFIXES[suffix]


def safe(path: str | Path) -> str:
    """A path as text that can always be printed (undecodable bytes as ``\\xe9``)."""
    return safe_text(str(path))


def _create(path: Path) -> IO[bytes]:
    """Open a new file for writing with the mode the umask allows."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    return os.fdopen(fd, "wb")


def atomic_replace(target: str | Path, write: Callable[[Path], T], suffix: str = ".part", *,
                   hidden: bool = False) -> T:
    """Make ``target`` whole or not at all: ``write`` fills a staged file
    beside it (``TARGET`` + ``suffix``, with a leading dot when ``hidden``),
    which then replaces ``target``; a staged file left by a failure is removed.

    Returns:
        What ``write`` returned.
    """
    target = Path(target)
    staged = target.with_name(("." if hidden else "") + target.name + suffix)
    try:
        value = write(staged)
        os.replace(staged, target)
    finally:
        staged.unlink(missing_ok=True)
    return value


def atomic_write_text(path: str | Path, text: str) -> None:
    """Write a text file whole or not at all (a temporary file renamed into place)."""

    def write(staged: Path) -> None:
        with _create(staged) as fh:
            fh.write(text.encode("utf-8"))

    atomic_replace(path, write)


class _ResumeLog:
    """``OUT.part.done``: the run's settings, then one line per document
    written to ``OUT.part`` (its position, id, the file's size after it, its error).

    Args:
        path: the log.
        part: the staged output it describes.
        settings: what makes the records (written first; a resumed run's are checked).
        resume: go on with the log an interrupted run left.
    """

    def __init__(self, path: Path, part: Path, settings: dict[str, Any] | None, resume: bool) -> None:
        self.path = path
        if resume:
            _check_settings(path, settings)
            self.done = _read_log(path, part)
            self._fh: IO[str] = open(path, "a", encoding="utf-8")  # noqa: SIM115
            return
        self.done = []
        self._fh = io.TextIOWrapper(_create(path), encoding="utf-8")
        if settings is not None:
            self._fh.write(json.dumps({"settings": settings}, sort_keys=True) + "\n")
            self._fh.flush()

    def append(self, position: int, doc_id: str, offset: int, error: str | None, records: int) -> None:
        """Log one document done, flushed."""
        self._fh.write(json.dumps([position, doc_id, offset, error, records], ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()


def _read_log(log: Path, part: Path) -> list[Done]:
    """The documents done, as the log says; a last line cut short by a kill is ignored."""
    done: list[Done] = []
    size = part.stat().st_size if part.exists() else 0
    if not log.exists():
        return done
    with open(log, encoding="utf-8") as fh:
        for k, line in enumerate(fh):
            if not line.endswith("\n"):
                break
            if k == 0 and line.startswith("{"):
                continue  # the run's settings (`_check_settings`)
            try:
                position, doc_id, offset, error, *records = json.loads(line)
            except (ValueError, TypeError):
                break
            if position != len(done) or offset > size:
                break
            done.append(Done(position, doc_id, offset, error, *records[:1]))
    return done


class QuoteWriter:
    """Writes quote records to a file, a stream, or stdout. Use `open_writer`.

    Where the bytes go decides how: a regular file is staged in ``OUT.part``
    with its `_ResumeLog` and put in place by `close`; a stream (stdout, a
    FIFO, a device) is written through. The format decides the encoding
    (`quotebank.corpus.encodings`), and Parquet and the quote level are
    staged as JSONL lines and converted, or merged, when the run ends.

    Args:
        path: the output; None or "-" for stdout.
        fmt: "jsonl", "csv" or "parquet" (default: by suffix).
        resume: go on with the ``.part`` an interrupted run left.
        level: "mention" (one record per quote in a document) or "quote" (one
            per distinct quotation across the corpus, written when the run ends).
        settings: what makes the records (the model, the filters, the rules'
            version …), kept at the head of the log; ``--resume`` refuses
            other settings, naming the difference.

    Attributes:
        format: the format written.
        done: the documents an interrupted run finished (with ``resume``), in order.
        count: records written by this writer.
        target: the output file, or None for a stream.
        part: the staged output, or None for a stream.
        notice: a note for the user ("resuming …"), or "".
    """

    def __init__(self, path: str | Path | None = None, fmt: str | None = None, *, resume: bool = False,
                 level: str = "mention", settings: dict[str, Any] | None = None) -> None:
        if path is not None and str(path) != "-" and Path(path).is_dir():
            raise OutputError(f"{safe(path)} is a folder: name a file to write to")
        if level not in LEVELS:
            raise OutputError(f"unknown level {level!r}; choose one of {', '.join(LEVELS)}")
        self.format = format_for(path, fmt)
        self.level = level
        self.count = 0
        self.done: list[Done] = []
        self.notice = ""
        self.target: Path | None = None
        self.part: Path | None = None
        self._stream: IO[bytes] | None = None  # the stream the quote level is merged into at the end
        self._log: _ResumeLog | None = None
        self._position = 0
        p = None if path is None or str(path) == "-" else Path(path)
        if p is None or (p.exists() and not p.is_file()):
            self._fh = self._open_stream(p, resume)
        else:
            self._fh = self._open_file(p, resume, settings)

    @property
    def _staged_format(self) -> str:
        """What is written while the run goes: Parquet and the quote level are staged as JSONL."""
        return "jsonl" if self.format == "parquet" or self.level == "quote" else self.format

    def _header(self) -> bytes:
        return csv_row(FIELDS).encode("utf-8") if self._staged_format == "csv" else b""

    def _open_stream(self, p: Path | None, resume: bool) -> IO[bytes]:
        """Stdout, a FIFO or a device, written through (the quote level: a
        temporary file, merged into the stream at the end)."""
        if self.format == "parquet":
            raise OutputError("Parquet output needs a regular file: give -o FILE.parquet")
        if resume:
            raise OutputError("--resume needs a regular output file (-o FILE)")
        stream = sys.stdout.buffer if p is None else open(p, "wb")  # noqa: SIM115
        if self.level == "quote":
            self._stream = stream
            return tempfile.TemporaryFile()  # noqa: SIM115
        stream.write(self._header())
        return stream

    def _open_file(self, p: Path, resume: bool, settings: dict[str, Any] | None) -> IO[bytes]:
        """``OUT.part`` and its log: new, or left by an interrupted run (``resume``)."""
        if self.format == "parquet":
            try:
                import pyarrow  # noqa: F401
            except ImportError as err:
                raise OutputError("Parquet output needs pyarrow: pip install 'quotebank[parquet]'") from err
        # A symbolic link stays a link: its target is what is written.
        target = Path(os.path.realpath(p)) if p.is_symlink() else p
        if not target.parent.is_dir():  # a typo in a folder's name is not a folder to make
            raise OutputError(f"cannot write {safe(p)}: the folder {safe(target.parent)} does not exist "
                              "(create it first)")
        self.target, self.part = target, target.with_name(target.name + ".part")
        log_path = target.with_name(target.name + ".part.done")
        left = self.part.exists() or log_path.exists()
        if left and not resume:
            raise OutputError(
                f"{safe(self.part)} is left from an interrupted run: run the same command with --resume "
                f"to finish it, or delete it (and {safe(log_path.name)}) to start again"
            )
        if resume and not left:
            self.notice = f"nothing to resume ({safe(self.part)} does not exist): starting from the beginning"
        self._log = _ResumeLog(log_path, self.part, settings, resume=left)
        if not left:
            fh = _create(self.part)
            fh.write(self._header())
            fh.flush()
            return fh
        self.done = self._log.done
        self._position = len(self.done)
        self.notice = f"resuming after {len(self.done):,} documents done in {safe(self.part)}"
        offset = self.done[-1].offset if self.done else 0
        fh = open(self.part, "r+b")  # noqa: SIM115
        fh.truncate(offset)
        fh.seek(offset)
        if offset == 0:
            fh.write(self._header())
        return fh

    def write_document(self, doc_id: str, quotes: Iterable[Quote], error: str | None = None) -> None:
        """Write one document's records, whole, and log it as done.

        Args:
            doc_id: the document's id.
            quotes: its records.
            error: for a document whose extraction failed, the message (it
                has no records; the log keeps the message for ``--resume``).
        """
        records = self._write_records(quotes)
        if self._log is not None:
            self._log.append(self._position, doc_id, self._fh.tell(), error, records)
        self._position += 1

    def write(self, quotes: Iterable[Quote]) -> None:
        """Write records (without logging a document: for writers used from Python)."""
        self._write_records(quotes)

    def _write_records(self, quotes: Iterable[Quote]) -> int:
        """Whole lines, flushed; returns how many records."""
        lines = [mention_line(self._staged_format, q) for q in quotes]
        self._fh.write("".join(lines).encode("utf-8", "backslashreplace"))
        self._fh.flush()
        self.count += len(lines)
        return len(lines)

    def close(self) -> None:
        """Finish the output: move ``OUT.part`` into place (converted, for
        Parquet; merged into quotations, for the quote level)."""
        if self.part is None or self.target is None:
            self._close_stream()
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        assert self._log is not None
        self._log.close()
        part = self.part
        if self.level == "quote":
            self.count = atomic_replace(self.target, lambda staged: write_quotations(_staged_records(part), staged,
                                                                                     self.format), ".part.quotes")
        elif self.format == "parquet":
            atomic_replace(self.target, lambda staged: _jsonl_to_parquet(part, staged), ".part.parquet")
        else:
            os.replace(part, self.target)
        part.unlink(missing_ok=True)
        self._log.path.unlink(missing_ok=True)

    def _close_stream(self) -> None:
        """Finish a stream (the quote level: the staged mentions merged into it)."""
        out = self._fh
        if self._stream is not None:
            self._fh.flush()
            self._fh.seek(0)
            reader = io.TextIOWrapper(self._fh, encoding="utf-8")
            self.count = write_quotations(_staged_lines(reader), self._stream, self.format)
            reader.close()
            out = self._stream
        if out is sys.stdout.buffer:
            out.flush()
        else:
            out.close()

    def abort(self) -> None:
        """Stop writing: what was written stays in ``OUT.part`` for ``--resume``."""
        try:
            self._fh.flush()
        except (OSError, ValueError):
            pass
        for fh in (self._fh, self._stream):
            if fh is not None and fh is not sys.stdout.buffer:
                fh.close()
        if self._log is not None:
            self._log.close()

    def __enter__(self) -> QuoteWriter:
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def _jsonl_to_parquet(source: Path, target: Path) -> None:
    """Convert staged JSONL records to Parquet, a row group at a time."""
    _write_parquet(_staged_records(source), mention_schema(), target)


def write_parquet_part(quotes: Iterable[Quote], target: str | Path) -> int:
    """Write mention records to one Parquet file, whole or not at all (a
    temporary file renamed into place): a part of a partitioned dataset.

    Returns:
        The number of records written.
    """
    target = Path(target)
    rows = (q.to_dict() for q in quotes)
    return atomic_replace(target, lambda staged: _write_parquet(rows, mention_schema(), staged),
                          f".{os.getpid()}.tmp", hidden=True)


def _write_parquet(rows: Iterable[dict[str, Any]], schema: Any, target: Path) -> int:
    """Write rows to a new Parquet file, `PARQUET_ROWS` to a row group; returns the row count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    count = 0
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    with os.fdopen(fd, "wb") as sink, pq.ParquetWriter(sink, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            count += 1
            if len(batch) >= PARQUET_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


def _staged_lines(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The records of staged JSONL lines."""
    for line in lines:
        if line.strip():
            yield json.loads(line)


def _staged_records(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a staged JSONL file."""
    with open(path, encoding="utf-8") as fh:
        yield from _staged_lines(fh)


def write_quotations(records: Iterable[Any], out: IO[bytes] | Path, fmt: str) -> int:
    """Merge mention records into quotations and write them.

    Args:
        records: mention records (`Quote` or their dicts).
        out: a binary stream (JSONL, CSV) or a file path (any format).
        fmt: "jsonl", "csv" or "parquet". In CSV, the list fields (``qids``,
            ``probas``, ``urls``, ``kinds``, ``doc_ids``, ``occurrences``)
            are JSON text.

    Returns:
        The number of quotations written.
    """
    from quotebank.dataset.quotations import QUOTATION_FIELDS, quote_level

    if isinstance(out, Path) and fmt != "parquet":
        with _create(out) as sink:
            return write_quotations(records, sink, fmt)
    quotations = (q.to_dict() for q in quote_level(records))
    if isinstance(out, Path):
        return _write_parquet(quotations, quotation_schema(), out)
    if fmt == "parquet":
        raise OutputError("Parquet output needs a file path")
    count = 0
    if fmt == "csv":
        out.write(csv_row(QUOTATION_FIELDS).encode("utf-8"))
    for row in quotations:
        line = csv_row(QUOTATION_FIELDS, {k: csv_cell(v) for k, v in row.items()}) if fmt == "csv" else json_line(row)
        out.write(line.encode("utf-8", "backslashreplace"))
        count += 1
    out.flush()
    return count


class PartitionedWriter:
    """A partitioned Parquet dataset: ``DIR/part-00000.parquet``, one part per
    partition of the input, in input order, and ``DIR/_quotebank.json``.

    The parts are written (by the workers, each whole or not at all: see
    `write_parquet_part`) into ``DIR.part/``, beside a summary of each
    finished partition (``_part-00000.json``: its documents, counts and
    problems), which marks it done. When the run ends the folder is renamed
    to ``DIR``, replacing a dataset an earlier run left there. An interrupted
    run leaves ``DIR.part/``: the same command with ``resume=True`` runs only
    the partitions not done, after checking that the partitions are the same.
    Any Parquet reader takes ``DIR`` as one table (files starting with ``_``
    are not data): ``pandas.read_parquet(DIR)``, ``pyarrow.dataset``, Dask, Spark.

    Args:
        path: the folder.
        resume: go on with the ``DIR.part/`` an interrupted run left.

    Attributes:
        target: the folder.
        stage: the folder the parts are written to during the run.
        part: the same as ``stage`` (what an interruption leaves).
        finished: summaries of the partitions already done, by index (``--resume``).
        count: records written (resumed partitions included).
        partitions: how many partitions the dataset has.
        notice: a note for the user ("resuming …"), or "".
    """

    #: The file that describes a finished dataset (and marks a folder as one).
    MANIFEST = "_quotebank.json"
    #: The file that lists the partitions of a run (checked by ``--resume``).
    PLAN = "_plan.json"

    def __init__(self, path: str | Path, *, resume: bool = False) -> None:
        self.target = Path(path)
        self.stage = self.target.with_name(self.target.name + ".part")
        self.finished: dict[int, dict[str, Any]] = {}
        self.notice = ""
        self.count = 0
        self.partitions = 0
        self.part = self.stage
        self.resume = resume
        if self.target.exists() and not self.target.is_dir():
            raise OutputError(f"{safe(self.target)} is a file: a partitioned dataset needs a folder (-o DIR/)")
        if self.target.is_dir() and any(self.target.iterdir()) and not (self.target / self.MANIFEST).exists():
            raise OutputError(f"{safe(self.target)} holds files that are not a quotebank dataset: "
                              "name a new or empty folder")
        if self.stage.exists() and not resume:
            raise OutputError(
                f"{safe(self.stage)} is left from an interrupted run: run the same command with --resume "
                "to finish it, or delete it to start again"
            )
        try:
            import pyarrow  # noqa: F401
        except ImportError as err:
            raise OutputError("Parquet output needs pyarrow: pip install 'quotebank[parquet]'") from err

    @staticmethod
    def part_path(stage: str | Path, index: int) -> Path:
        """Where partition ``index``'s records go."""
        return Path(stage) / f"part-{index:05d}.parquet"

    def _summary_path(self, index: int) -> Path:
        return self.stage / f"_part-{index:05d}.json"

    def begin(self, plan: list[Any]) -> None:
        """Start writing the partitions of ``plan`` (anything attrs can turn into
        dicts); with ``resume``, load the summaries of those already done.

        Raises:
            OutputError: when resuming with other partitions than the interrupted run.
        """
        self.partitions = len(plan)
        described = json.dumps([attrs.asdict(p) for p in plan], ensure_ascii=False, sort_keys=True)
        plan_file = self.stage / self.PLAN
        if self.stage.exists():
            old = plan_file.read_text(encoding="utf-8") if plan_file.exists() else None
            if old != described:
                raise OutputError(f"--resume: the inputs changed since the interrupted run ({safe(self.stage)} "
                                  "was made from other files or other partitions); delete it to start again")
            for summary in sorted(self.stage.glob("_part-*.json")):
                index = int(summary.stem.split("-")[1])
                if self.part_path(self.stage, index).exists():
                    self.finished[index] = json.loads(summary.read_text(encoding="utf-8"))
            self.notice = f"resuming after {len(self.finished):,} partitions done in {safe(self.stage)}"
            return
        if self.resume:
            self.notice = f"nothing to resume ({safe(self.stage)} does not exist): starting from the beginning"
        self.stage.mkdir(parents=True)
        atomic_write_text(plan_file, described)

    def record(self, index: int, summary: dict[str, Any]) -> None:
        """Mark partition ``index`` done (its part file is written), with its
        summary (whose ``records`` are counted)."""
        atomic_write_text(self._summary_path(index), json.dumps(summary, ensure_ascii=False))
        self.count += summary["records"]

    def resumed(self, index: int) -> dict[str, Any]:
        """The summary of partition ``index``, which the interrupted run did
        (its ``records`` are counted)."""
        summary = self.finished[index]
        self.count += summary["records"]
        return summary

    def finish(self, report: Any, *, model: str | None, rules: dict[str, Any] | None = None) -> None:
        """Finish the dataset: its manifest from the run's ``report``
        (`quotebank.run.RunReport`), ``model`` and ``rules`` (when not the
        default ones) written, the folder moved into place."""
        manifest: dict[str, Any] = {
            "format": "parquet", "level": "mention", "partitions": self.partitions,
            "documents": report.documents, "records": self.count, "documents_failed": report.failed,
            "model": model, "quotebank": __version__,
        }
        if rules is not None:
            manifest["rules"] = rules
        self.close(manifest)

    def close(self, manifest: dict[str, Any]) -> None:
        """Finish: write the manifest and move the folder into place."""
        for summary in self.stage.glob("_part-*.json"):
            summary.unlink()
        (self.stage / self.PLAN).unlink(missing_ok=True)
        atomic_write_text(self.stage / self.MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        old = None
        if self.target.exists():
            old = self.target.with_name(f".{self.target.name}.old-{os.getpid()}")
            os.replace(self.target, old)
        os.replace(self.stage, self.target)
        if old is not None:
            import shutil

            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        """Stop: the parts done stay in ``DIR.part/`` for ``--resume``."""


def _check_settings(log: Path, settings: dict[str, Any] | None) -> None:
    """Refuse to resume a run made with other settings, naming each difference."""
    if settings is None or not log.exists():
        return
    with open(log, encoding="utf-8") as fh:
        first = fh.readline()
    try:
        before = json.loads(first)["settings"] if first.startswith("{") else None
    except (ValueError, KeyError, TypeError):
        before = None
    if before is None:
        return  # a log that does not say (written by hand, or empty): the inputs are still checked
    changed = [f"{key} {before.get(key)!r} → {settings.get(key)!r}" for key in sorted(set(before) | set(settings))
               if before.get(key) != settings.get(key)]
    if changed:
        raise OutputError("--resume: the interrupted run was made with other settings (" + "; ".join(changed)
                          + "): run the same command, or delete the .part files to start again")


def open_writer(path: str | Path | None = None, fmt: str | None = None, *, resume: bool = False,
                level: str = "mention", settings: dict[str, Any] | None = None) -> QuoteWriter:
    """Open a writer for ``path`` (None or "-" for stdout) in ``fmt`` (default: by suffix).

    Args:
        path: the output file; None or "-" for stdout.
        fmt: "jsonl", "csv" or "parquet" (default: by suffix).
        resume: go on with the ``.part`` an interrupted run left.
        level: "mention" or "quote".
        settings: what makes the records; ``resume`` refuses other ones.

    Raises:
        OutputError: when the output cannot be written as asked.
    """
    return QuoteWriter(path, fmt, resume=resume, level=level, settings=settings)

