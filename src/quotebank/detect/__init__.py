"""Detectors: each finds candidate quotes of one family in a parsed Doc."""

from quotebank.detect.base import Candidate
from quotebank.detect.direct import direct_quotes, quote_owner
from quotebank.detect.reported import reported_quotes

__all__ = ["Candidate", "direct_quotes", "quote_owner", "reported_quotes"]
