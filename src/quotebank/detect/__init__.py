"""Detectors: each finds candidate quotes of one family in a parsed Doc.

`find_candidates` runs them all and merges what they find.
"""

from quotebank.detect.base import Candidate
from quotebank.detect.direct import direct_quotes, quote_owner
from quotebank.detect.merge import find_candidates, merge_candidates, outer_positions
from quotebank.detect.reported import reported_quotes

__all__ = [
    "Candidate",
    "direct_quotes",
    "find_candidates",
    "merge_candidates",
    "outer_positions",
    "quote_owner",
    "reported_quotes",
]
