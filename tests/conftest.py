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


@pytest.fixture(scope="session")
def parsed(nlp):
    """A text parsed by the pipeline without quotebank: what the detectors read."""

    def run(text: str):
        with nlp.select_pipes(disable=["quotebank"]):
            return nlp(text)

    return run


@pytest.fixture(scope="session")
def candidates_of(parsed):
    """What the detectors find in a text, before any speaker: ``(kind, cue, content)`` triples."""
    from quotebank.detect import find_candidates
    from quotebank.marks import paragraph_bounds

    def run(text: str):
        doc = parsed(text)
        found = find_candidates(doc, [s for s, _ in paragraph_bounds(text)])
        return [(c.kind, doc[c.cue:c.cue_end].text if c.cue is not None else None, text[c.start:c.end]) for c in found]

    return run


@pytest.fixture(autouse=True, scope="session")
def no_network():
    """quotebank never touches the network at run time: every connection to
    another host fails the test (the loopback, which a local Dask cluster
    talks over, is allowed)."""
    import ipaddress
    import socket

    saved = socket.socket.connect, socket.socket.connect_ex, socket.create_connection

    def local(address) -> bool:
        if not isinstance(address, tuple):  # a Unix socket's path
            return True
        host = address[0]
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False

    def guarded(real, address_at):
        def connect(*args, **kwargs):
            if not local(args[address_at]):
                raise AssertionError(f"network access attempted: {args!r}")
            return real(*args, **kwargs)

        return connect

    socket.socket.connect = guarded(saved[0], 1)  # type: ignore[method-assign]
    socket.socket.connect_ex = guarded(saved[1], 1)  # type: ignore[method-assign]
    socket.create_connection = guarded(saved[2], 0)
    yield
    socket.socket.connect, socket.socket.connect_ex, socket.create_connection = saved


@pytest.fixture
def failing(monkeypatch):
    """Make quote finding raise on any text holding "BOOM"."""
    import quotebank.nlp

    real = quotebank.nlp.find_quotes

    def find_quotes(doc, *args, **kwargs):
        if "BOOM" in doc.text:
            raise RuntimeError("a bug in a rule")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(quotebank.nlp, "find_quotes", find_quotes)
