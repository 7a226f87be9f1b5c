"""How records are encoded, and decoded: JSON lines, CSV rows and cells,
and Arrow schemas for Parquet.

Each encoding sits beside its inverse, and the schemas are derived from the
attrs classes of the records (`quotebank.records.Quote` for the mention
level, `quotebank.dataset.quotations.Quotation` for the quote level), so a
field added to a class reaches every format.
"""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from collections.abc import Iterable
from typing import Any

import attrs

from quotebank.records import FIELD_TYPES, FIELDS, Quote

__all__ = ["JSON_CELLS", "arrow_schema", "csv_row", "csv_cell", "csv_value", "json_line", "mention_line",
           "mention_schema", "quotation_schema"]

#: Quote-level fields that hold lists: JSON text in a CSV cell.
JSON_CELLS = ("qids", "probas", "urls", "kinds", "doc_ids", "occurrences")

#: Value types of the quote level's CSV cells that are neither text nor a mention field.
_QUOTATION_TYPES: dict[str, type] = {"numOccurrences": int}


def json_line(row: dict[str, Any]) -> str:
    """One JSONL line (UTF-8 text, not ASCII escapes)."""
    return json.dumps(row, ensure_ascii=False) + "\n"


def csv_row(fieldnames: Iterable[str], row: dict[str, Any] | None = None) -> str:
    """One CSV line: ``row``'s values in ``fieldnames`` order, or the header when ``row`` is None.

    Lines end in a line feed. A value holding a line break of either kind
    (a line feed or a lone carriage return) is quoted: the csv module quotes
    only the characters of its line terminator, so the row is written ending
    in CR LF and its end then cut to LF.
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(fieldnames), lineterminator="\r\n")
    if row is None:
        writer.writeheader()
    else:
        writer.writerow(row)
    return buf.getvalue()[:-2] + "\n"


def mention_line(fmt: str, quote: Quote) -> str:
    """A mention record as one line of ``fmt`` ("jsonl" or "csv")."""
    row = quote.to_dict()
    return csv_row(FIELDS, row) if fmt == "csv" else json_line(row)


def csv_cell(value: Any) -> Any:
    """A value for a CSV cell: lists as JSON text, the rest as they are (the
    inverse of `csv_value`)."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_value(key: str, value: str) -> Any:
    """A CSV cell of field ``key`` as the value the JSONL output holds (the
    inverse of `csv_cell`): "" is None, lists are JSON, numbers and flags typed."""
    if value == "":
        return None
    if key in JSON_CELLS:
        return json.loads(value)
    kind = _QUOTATION_TYPES.get(key) or FIELD_TYPES.get(key, str)
    if kind is bool:
        return value == "True"
    return kind(value)


def _arrow_type(hint: Any) -> Any:
    """The Arrow type of a field's type hint: scalars, ``X | None`` as X,
    ``tuple[X, ...]`` as a list of X, an attrs class as a struct."""
    import pyarrow as pa

    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return _arrow_type(inner)
    if origin is tuple:
        return pa.list_(_arrow_type(args[0]))
    if attrs.has(hint):
        return pa.struct(_arrow_fields(hint))
    return {int: pa.int64(), float: pa.float64(), str: pa.string(), bool: pa.bool_()}[hint]


def _arrow_fields(cls: type) -> list[Any]:
    import pyarrow as pa

    hints = typing.get_type_hints(cls)
    return [pa.field(a.name, _arrow_type(hints[a.name])) for a in attrs.fields(cls)]


def arrow_schema(cls: type) -> Any:
    """The Arrow schema of an attrs record class: one column per field, in order."""
    import pyarrow as pa

    return pa.schema(_arrow_fields(cls))


def mention_schema() -> Any:
    """The Arrow schema of the mention level (`quotebank.records.Quote`)."""
    return arrow_schema(Quote)


def quotation_schema() -> Any:
    """The Arrow schema of the quote level (`quotebank.dataset.quotations.Quotation`)."""
    from quotebank.dataset.quotations import Quotation

    return arrow_schema(Quotation)
