"""quotebank: find quotations in English news text and say who said them."""

from quotebank.api import Extractor, extract
from quotebank.marks import QuotedSpan, scan_quotes
from quotebank.nlp import DEFAULT_MODEL, QuotebankComponent, load_pipeline
from quotebank.records import FIELDS, Quote
from quotebank.run import extract_corpus
from quotebank.speakers.registry import SpeakerTable

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MODEL",
    "Extractor",
    "FIELDS",
    "Quote",
    "QuotebankComponent",
    "QuotedSpan",
    "SpeakerTable",
    "__version__",
    "extract",
    "extract_corpus",
    "load_pipeline",
    "scan_quotes",
]
