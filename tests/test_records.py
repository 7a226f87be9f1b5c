"""The quote record."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotebank import FIELDS, Quote


def make(**kw):
    base = dict(doc_id="d", start=0, end=3, text="abc", kind="direct", confidence=0.5)
    base.update(kw)
    return Quote(**base)


def test_frozen_and_slotted():
    q = make()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        q.text = "x"
    assert not hasattr(q, "__dict__")


def test_validation():
    with pytest.raises(ValueError):
        make(kind="rumour")
    with pytest.raises(ValueError):
        make(confidence=1.5)
    with pytest.raises(ValueError):
        make(start=5, end=2)


def test_fields_are_the_documented_ones():
    for name in ("doc_id", "start", "end", "text", "kind", "cue", "cue_start", "cue_end", "speaker_mention",
                 "speaker_start", "speaker_end", "speaker", "speaker_type", "confidence", "group"):
        assert name in FIELDS


@given(
    st.integers(0, 10**6), st.integers(0, 1000), st.text(), st.sampled_from(["direct", "indirect", "mixed"]),
    st.floats(0, 1), st.one_of(st.none(), st.text()),
)
def test_dict_round_trip(start, length, text, kind, confidence, speaker):
    q = make(start=start, end=start + length, text=text, kind=kind, confidence=confidence, speaker=speaker)
    assert Quote.from_dict(q.to_dict()) == q
