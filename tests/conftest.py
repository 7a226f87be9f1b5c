"""Shared fixtures: one loaded pipeline for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
POLNEAR_DEV = SHARED / "eval" / "polnear" / "dev.jsonl"


@pytest.fixture(scope="session")
def nlp():
    from quotebank import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extractor(nlp):
    from quotebank import Extractor

    return Extractor(nlp=nlp)


@pytest.fixture(scope="session")
def quotes_of(extractor):
    """Quotes of a text, as a list; checks every offset on the way."""

    def run(text: str):
        quotes = extractor.extract(text)
        for q in quotes:
            assert text[q.start:q.end] == q.text
            if q.speaker_start is not None:
                assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
            if q.cue_start is not None:
                assert text[q.cue_start:q.cue_end] == q.cue
        return quotes

    return run
