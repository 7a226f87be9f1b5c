"""Invariants of the whole pipeline, for any input: no exception (extract raises
ExtractionError when a document fails), offsets that hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = st.sampled_from(
    ["“", "”", '"', "'", "‘", "’", "''", "«", "»", "\n", "\n\n", ",", ".", ":", " said", " told", " he", " she",
     " Anna Lee", " Putin", " according to", " the report", " We", " will", " win", " it's", " countries’", " —"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.lists(WORDS, max_size=60).map("".join), st.text(max_size=300)))
def test_any_text_extracts_without_error_and_offsets_hold(quotes_of, text):
    # quotes_of raises on any exception and checks text[start:end] for the quote, its cue and its speaker mention.
    for q in quotes_of(text):
        assert 0 <= q.start < q.end <= len(text)
        assert 0.0 <= q.confidence <= 1.0
        assert q.kind in ("direct", "indirect", "mixed")
