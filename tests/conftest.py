"""Shared fixtures: one loaded pipeline for the whole session."""

from __future__ import annotations

import pytest
from support import assert_offsets


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
        assert_offsets(text, quotes)
        return quotes

    return run
