"""quotebank: find quotations in English news text and say who said them."""

from quotebank.api import Extractor, extract
from quotebank.marks import QuotedSpan, scan_quotes
from quotebank.nlp import DEFAULT_MODEL, QuotebankComponent, load_pipeline
from quotebank.records import FIELDS, Quote

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MODEL",
    "Extractor",
    "FIELDS",
    "Quote",
    "QuotebankComponent",
    "QuotedSpan",
    "__version__",
    "extract",
    "load_pipeline",
    "scan_quotes",
]
