"""One corpus run whatever the engine (`quotebank.run.CorpusRun`), the
encodings of records, and the atomic-replace helper."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotebank.corpus.encodings import JSON_CELLS, csv_cell, csv_row, csv_value
from quotebank.corpus.writers import atomic_replace
from quotebank.dataset.quotations import QUOTATION_FIELDS
from quotebank.records import FIELDS
from quotebank.run import CorpusRun, iter_corpus
from support import SEEDS

ARTICLE = "Anna Lee arrived late. “We will win this fight,” she said. Tom Brown said the vote was close."


def _corpus(tmp_path):
    """Good documents with unusable inputs between them, in name order."""
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02 binary")
    lines = [{"id": f"c{k}", "text": ARTICLE, "url": f"https://n.example/{k}"} for k in range(3)]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    (tmp_path / "d.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "e.txt").write_text(sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "f.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    return tmp_path


def _events(paths, extractor, n_process):
    """What a run reports and yields, in the order it does."""
    events = []
    for result in iter_corpus(paths, extractor, n_process=n_process,
                              on_problem=lambda p: events.append(("problem", p.source))):
        events.append(("document", result.doc_id, tuple(q.url for q in result.quotes)))
    return events


def test_problems_and_documents_come_in_input_order_whatever_the_engine(tmp_path, extractor):
    corpus = _corpus(tmp_path)
    one = _events([corpus], extractor, 1)
    kinds = [e[0] for e in one]
    assert kinds == ["document", "problem", "document", "document", "document", "problem", "document", "problem"]
    assert _events([corpus], extractor, 2) == one


def test_each_document_keeps_its_own_metadata_in_workers(tmp_path, extractor):
    corpus = _corpus(tmp_path)
    urls = {e[1]: set(e[2]) for e in _events([corpus], extractor, 2) if e[0] == "document"}
    assert {k: v for k, v in urls.items() if k.startswith("c")} == {f"c{k}": {f"https://n.example/{k}"}
                                                                     for k in range(3)}
    assert urls["a"] == {None}


def test_a_run_skips_what_the_interrupted_run_did_and_checks_it(tmp_path, extractor):
    from quotebank.corpus.writers import Done
    from quotebank.run import ResumeError

    corpus = _corpus(tmp_path)
    whole = [e for e in _events([corpus], extractor, 1) if e[0] == "document"]
    done = [Done(0, "a", 0), Done(1, "c0", 0, "extraction failed: X: y")]
    run = CorpusRun(done=done)
    assert [run.to_do(doc_id) for doc_id in ("a", "c0", "c1")] == [False, False, True]
    assert (run.report.resumed, [p.message for p in run.report.problems]) == (2, ["extraction failed: X: y"])
    resumed = [r.doc_id for r in iter_corpus([corpus], extractor, done=done)]
    assert resumed == [e[1] for e in whole[2:]]
    with pytest.raises(ResumeError, match="document 1 is 'a'"):
        CorpusRun(done=[Done(0, "zz", 0)]).to_do("a")


def test_atomic_replace_leaves_the_old_file_whole_when_writing_fails(tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")

    def fail(staged):
        staged.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        atomic_replace(target, fail)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    assert atomic_replace(target, lambda staged: staged.write_text("new\n", encoding="utf-8")) == 4
    assert target.read_text(encoding="utf-8") == "new\n"


_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1)


@settings(max_examples=60, deadline=None)
@given(
    quotation=st.fixed_dictionaries({
        "quotation": _text, "speaker": _text, "numOccurrences": st.integers(0, 10**6),
        "qids": st.lists(_text, max_size=3), "probas": st.lists(st.lists(_text, min_size=2, max_size=2), max_size=3),
    }),
    mention=st.fixed_dictionaries({"text": _text, "start": st.integers(0, 10**9), "confidence": st.floats(0, 1),
                                   "speaker_named": st.booleans(), "speaker": st.none() | _text}),
)
def test_csv_cells_decode_to_what_was_encoded(quotation, mention):
    import csv
    import io

    for fields, row in ((QUOTATION_FIELDS, quotation), (FIELDS, mention)):
        line = csv_row(fields, {k: csv_cell(v) for k, v in row.items()})
        (read,) = csv.DictReader(io.StringIO(csv_row(fields) + line, newline=""))
        decoded = {k: csv_value(k, v) for k, v in read.items() if k in row}
        assert decoded == row
    assert set(JSON_CELLS) <= set(QUOTATION_FIELDS)


def test_a_long_document_shows_progress_within_it(tmp_path, extractor, monkeypatch):
    import quotebank.api

    monkeypatch.setattr(quotebank.api, "MAX_CHUNK_CHARS", 2_000)
    monkeypatch.setattr(quotebank.api, "BATCH_CHARS", 2_000)
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join([ARTICLE] * 200), encoding="utf-8")
    seen = []
    results = list(iter_corpus([long], extractor,
                               on_document=lambda r: seen.append((r.documents, r.chars + r.partial))))
    assert len(results) == 1 and len(results[0].quotes) == 400
    within = [chars for documents, chars in seen if documents == 0]
    assert len(within) > 5 and within == sorted(within) and within[-1] < long.stat().st_size
    assert seen[-1] == (1, len(long.read_text(encoding="utf-8")))


def _report(**kw):
    from quotebank.run import RunReport

    return RunReport(**{"files": 1, "documents": 2, "quotes": 3, **kw})


@pytest.mark.parametrize(
    ("report", "final", "line"),
    [
        # A rate over half a second of bursts means nothing yet.
        (dict(seconds=0.5, rate_words=1_000_000), False, "2 documents from 1 files, 3 quotes"),
        (dict(seconds=10.0, rate_words=61_000), True, "2 documents from 1 files, 3 quotes, 6,100 words/s"),
        (dict(seconds=10.0, rate_words=61_000, input_bytes=1000, chars=250, clock_chars=0), False,
         "2 documents from 1 files, 3 quotes, 6,100 words/s, 25% of the input, about 30 s left"),
        (dict(seconds=600.0, rate_words=61_000, input_bytes=10_000, chars=1000, partial=1000, clock_chars=0), False,
         "2 documents from 1 files, 3 quotes, 102 words/s, 20% of the input, about 40 min left"),
        # Standard input: no size, no share.
        (dict(seconds=10.0, rate_words=61_000, chars=250), False, "2 documents from 1 files, 3 quotes, 6,100 words/s"),
        (dict(resumed=1, seconds=1.0), True, "2 documents (1 resumed) from 1 files, 3 quotes"),
    ],
)
def test_progress_lines(report, final, line):
    from quotebank.cli import _progress_line

    assert _progress_line(_report(**report), final) == line


def test_a_terminal_gets_a_bar_and_a_last_line(capsys):
    from quotebank.cli import _Progress

    progress = _Progress(enabled=True, terminal=True)
    progress(_report(input_bytes=1000, chars=500))
    assert progress.bar is not None and progress.bar.n == 500
    progress.say("quotebank: warning: x.txt: empty file")
    progress(_report(input_bytes=1000, chars=1000), final=True)
    err = capsys.readouterr().err
    assert progress.bar is None
    assert "quotebank: warning: x.txt: empty file" in err and "100%" in err
    assert err.rstrip().endswith("quotebank: 2 documents from 1 files, 3 quotes")
