"""quotebank: find quotations in English news text and say who said them.

The public API is imported on first use, so that ``import quotebank`` (and
``quotebank --help``) does not load spaCy until something needs it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name → the module that defines it.
_EXPORTS: dict[str, str] = {
    "DEFAULT_MODEL": "quotebank.models",
    "ExtractionError": "quotebank.api",
    "Extractor": "quotebank.api",
    "FIELDS": "quotebank.records",
    "Quote": "quotebank.records",
    "QuotebankComponent": "quotebank.nlp",
    "Quotation": "quotebank.dataset.quotations",
    "QuotedSpan": "quotebank.marks",
    "RecordFilter": "quotebank.dataset.filters",
    "Result": "quotebank.api",
    "Rules": "quotebank.rules",
    "SpeakerTable": "quotebank.speakers.registry",
    "extract": "quotebank.api",
    "extract_corpus": "quotebank.run",
    "load_pipeline": "quotebank.nlp",
    "quote_level": "quotebank.dataset.quotations",
    "scan_quotes": "quotebank.marks",
    "to_dataframe": "quotebank.dataset.frames",
}

__all__ = [
    "DEFAULT_MODEL",
    "ExtractionError",
    "Extractor",
    "FIELDS",
    "Quote",
    "QuotebankComponent",
    "Quotation",
    "QuotedSpan",
    "RecordFilter",
    "Result",
    "Rules",
    "SpeakerTable",
    "__version__",
    "extract",
    "extract_corpus",
    "load_pipeline",
    "quote_level",
    "scan_quotes",
    "to_dataframe",
]

if TYPE_CHECKING:  # pragma: no cover
    from quotebank.api import ExtractionError, Extractor, Result, extract
    from quotebank.dataset.filters import RecordFilter
    from quotebank.dataset.frames import to_dataframe
    from quotebank.dataset.quotations import Quotation, quote_level
    from quotebank.marks import QuotedSpan, scan_quotes
    from quotebank.models import DEFAULT_MODEL
    from quotebank.nlp import QuotebankComponent, load_pipeline
    from quotebank.records import FIELDS, Quote
    from quotebank.rules import Rules
    from quotebank.run import extract_corpus
    from quotebank.speakers.registry import SpeakerTable


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'quotebank' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
