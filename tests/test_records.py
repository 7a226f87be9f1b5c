"""The quote record."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotebank import FIELDS, Quote
from quotebank.records import FIELD_TYPES, OFFSET_FIELDS
from support import ROOT


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


def _documented(docstring):
    """The names in the "Attributes:" block of a Google-style docstring."""
    block = docstring.split("Attributes:")[1]
    return [m.group(1) for m in re.finditer(r"^ {8}(\w+):", block, re.M)]


def test_fields_are_the_documented_ones():
    assert list(FIELDS) == _documented(Quote.__doc__)


def test_every_field_is_in_the_docs_field_table():
    table = (ROOT / "docs" / "dataset.md").read_text(encoding="utf-8")
    first_cells = re.findall(r"^\| (`.*?) \|", table, re.M)
    documented = {name for cell in first_cells for name in re.findall(r"`(\w+)`", cell)}
    assert [f for f in FIELDS if f not in documented] == []


def test_offset_fields_and_types_come_from_the_record():
    assert OFFSET_FIELDS == (
        "start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end", "group", "nested_in"
    )
    assert set(FIELD_TYPES) == set(FIELDS)
    assert FIELD_TYPES["confidence"] is float and FIELD_TYPES["start"] is int and FIELD_TYPES["speaker"] is str


@given(
    st.integers(0, 10**6), st.integers(0, 1000), st.text(), st.sampled_from(["direct", "indirect", "mixed"]),
    st.floats(0, 1), st.one_of(st.none(), st.text()),
)
def test_dict_round_trip(start, length, text, kind, confidence, speaker):
    q = make(start=start, end=start + length, text=text, kind=kind, confidence=confidence, speaker=speaker)
    assert Quote.from_dict(q.to_dict()) == q
