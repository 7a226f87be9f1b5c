"""Records as a pandas DataFrame (``pip install 'quotebank[pandas]'``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

__all__ = ["to_dataframe"]


def to_dataframe(records: Iterable[Any]) -> Any:
    """A pandas DataFrame with one row per record and one column per field.

    Args:
        records: mention records (`Quote`),
            quotations (`Quotation`) or
            their dicts. Columns follow the record's fields; an empty input
            gives the mention level's columns.

    Returns:
        A ``pandas.DataFrame``.

    Raises:
        ImportError: when pandas is not installed, with the command that installs it.
    """
    try:
        import pandas as pd
    except ImportError as err:
        raise ImportError("to_dataframe needs pandas: pip install 'quotebank[pandas]'") from err
    from quotebank.dataset.quotations import QUOTATION_FIELDS
    from quotebank.records import FIELDS

    rows = [r if isinstance(r, dict) else r.to_dict() for r in records]
    columns = list(QUOTATION_FIELDS) if rows and "quoteID" in rows[0] else list(FIELDS)
    return pd.DataFrame.from_records(rows, columns=columns)
