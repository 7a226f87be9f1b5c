"""Writers: quote records out, as JSONL, CSV or Parquet.

A file is written to a temporary name beside its target and renamed into
place when complete, so an interrupted run never leaves a half-written file.

>>> with open_writer("quotes.jsonl") as w:   # doctest: +SKIP
...     w.write(quotes)
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from quotebank.records import FIELD_TYPES, FIELDS, Quote

__all__ = ["FORMATS", "QuoteWriter", "format_for", "open_writer"]

#: Output formats by name.
FORMATS = ("jsonl", "csv", "parquet")


def format_for(path: str | Path | None, fmt: str | None = None) -> str:
    """The output format: ``fmt`` if given, else from the path's suffix, else JSONL.

    Raises:
        ValueError: for an unknown format.
    """
    if fmt is None and path is not None and str(path) != "-":
        suffix = Path(path).suffix.lower().lstrip(".")
        fmt = {"json": "jsonl", "ndjson": "jsonl", "pq": "parquet"}.get(suffix, suffix) or "jsonl"
        if fmt not in FORMATS:
            fmt = "jsonl"
    fmt = (fmt or "jsonl").lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return fmt


class QuoteWriter:
    """Writes quote records to a file (atomically) or to stdout.

    Use :func:`open_writer`; close with :meth:`close` (or a ``with`` block),
    which renames the finished file into place. :meth:`abort` drops it.
    """

    def __init__(self, path: str | Path | None = None, fmt: str | None = None) -> None:
        self.format = format_for(path, fmt)
        self.path = None if path is None or str(path) == "-" else Path(path)
        self.count = 0
        self._rows: list[dict] = []
        self._tmp: str | None = None
        self._fh: IO[str] | None = None
        if self.format == "parquet":
            if self.path is None:
                raise ValueError("Parquet output needs a file: give -o FILE.parquet")
            try:
                import pyarrow  # noqa: F401
            except ImportError as err:
                raise ValueError("Parquet output needs pyarrow: pip install 'quotebank[parquet]'") from err
        if self.path is None:
            self._fh = sys.stdout
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent)
            if self.format == "parquet":
                os.close(fd)
            else:
                self._fh = open(fd, "w", encoding="utf-8", newline="")
        self._csv: csv.DictWriter[str] | None = None
        if self.format == "csv":
            assert self._fh is not None
            self._csv = csv.DictWriter(self._fh, fieldnames=list(FIELDS), lineterminator="\n")
            self._csv.writeheader()

    def write(self, quotes: Iterable[Quote]) -> None:
        """Write records."""
        for q in quotes:
            row = q.to_dict()
            if self._csv is not None:
                self._csv.writerow(row)
            elif self._fh is not None:
                self._fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                self._rows.append(row)
            self.count += 1
        if self._fh is sys.stdout:
            self._fh.flush()

    def close(self) -> None:
        """Finish the output and move it into place."""
        if self.format == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist(self._rows, schema=_parquet_schema(pa))
            pq.write_table(table, self._tmp)
        elif self._fh is not None and self._fh is not sys.stdout:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
        if self._tmp is not None and self.path is not None:
            os.replace(self._tmp, self.path)
            self._tmp = None

    def abort(self) -> None:
        """Drop a half-written output, leaving any earlier file untouched."""
        if self._fh is not None and self._fh is not sys.stdout:
            self._fh.close()
        if self._tmp is not None and os.path.exists(self._tmp):
            os.unlink(self._tmp)
        self._tmp = None

    def __enter__(self) -> QuoteWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def _parquet_schema(pa):
    arrow = {int: pa.int64(), float: pa.float64(), str: pa.string()}
    return pa.schema([pa.field(name, arrow[FIELD_TYPES[name]]) for name in FIELDS])


def open_writer(path: str | Path | None = None, fmt: str | None = None) -> QuoteWriter:
    """Open a writer for ``path`` (None or "-" for stdout) in ``fmt`` (default: by suffix)."""
    return QuoteWriter(path, fmt)
