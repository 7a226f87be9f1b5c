"""The dataset: both levels from a mixed folder in every format, filters, show, speakers, data frames."""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

import quotebank
from quotebank.cli import main
from quotebank.dataset.filters import RecordFilter, parse_cue_classes
from quotebank.dataset.quotations import QUOTATION_FIELDS
from quotebank.dataset.speakers import read_dataset, summarise_speakers
from quotebank.records import FIELDS, Quote
from quotebank.show import render_html, render_terminal
from support import SEEDS

SAID = "We will hold those responsible to account for what happened in the village of Saint-Pierre"
VARIANTS = [
    f"“{SAID},” Prime Minister Justin Trudeau said on Monday.",
    f"Justin Trudeau said: “{SAID.replace('what happened', 'what has happened')}.”",
    f"“{SAID.replace('the village', 'this village')},” Trudeau told reporters in Ottawa.",
]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """A folder with a .txt seed, an HTML page and a JSONL file with metadata."""
    root = tmp_path_factory.mktemp("mixed")
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, root / seed.name)
    (root / "page.html").write_text(
        "<html><head><title>Ottawa vows action</title><link rel='canonical' href='https://c.example/3'>"
        "<script>var s = '“Do not quote the script,” he said.';</script></head><body>"
        "<nav>“Read the newsletter,” the editors said.</nav><article><h1>Ottawa vows action</h1>"
        f"<p>{VARIANTS[2]}</p><p>The visit lasted two hours and the minister met residents of the village.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    lines = [
        {"id": "j1", "text": VARIANTS[0], "date": "2024-05-03", "url": "https://a.example/1", "source": "A"},
        {"id": "j2", "text": VARIANTS[1], "date": "2024-05-02", "url": "https://b.example/2", "source": "B"},
    ]
    (root / "news.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return root


def _rows(path):
    return list(read_dataset(path))


@pytest.mark.parametrize("level", ["mention", "quote"])
def test_mixed_folder_gives_both_levels_in_every_format(mixed, tmp_path, level):
    runner = CliRunner()
    outputs = {}
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"{level}.{fmt}"
        result = runner.invoke(main, ["extract", str(mixed), "--level", level, "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
        outputs[fmt] = _rows(out)
    fields = FIELDS if level == "mention" else QUOTATION_FIELDS
    for fmt, rows in outputs.items():
        assert rows, fmt
        assert list(rows[0]) == list(fields), fmt
        assert len(rows) == len(outputs["jsonl"]), fmt
    key = "text" if level == "mention" else "quotation"
    assert [r[key] for r in outputs["csv"]] == [r[key] for r in outputs["jsonl"]]
    assert [r[key] for r in outputs["parquet"]] == [r[key] for r in outputs["jsonl"]]
    if level == "quote":
        (said,) = [r for r in outputs["jsonl"] if r["quotation"].startswith("We will hold")]
        assert said["numOccurrences"] == 3
        assert said["urls"] == ["https://a.example/1", "https://b.example/2", "https://c.example/3"]
        assert said["speaker"] == "Justin Trudeau"
        assert said["date"] == "2024-05-02"
        assert said == {**outputs["csv"][outputs["jsonl"].index(said)], "date": "2024-05-02"}
        assert outputs["parquet"][outputs["jsonl"].index(said)] == said
    else:
        by_doc = {r["doc_id"]: r for r in outputs["jsonl"]}
        assert by_doc["j1"]["source"] == "A" and by_doc["j2"]["date"] == "2024-05-02"
        assert by_doc["page"]["title"] == "Ottawa vows action"
        texts = " ".join(r["text"] for r in outputs["jsonl"])
        assert "Do not quote the script" not in texts and "Read the newsletter" not in texts


def test_quote_level_to_stdout(mixed):
    result = CliRunner().invoke(main, ["extract", str(mixed / "news.jsonl"), "--level", "quote", "-q"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 1 and rows[0]["numOccurrences"] == 2


def test_quote_level_resumes_from_the_staged_mentions(mixed, tmp_path):
    out = tmp_path / "q.jsonl"
    runner = CliRunner()
    (tmp_path / "q.jsonl.part").write_text("", encoding="utf-8")
    (tmp_path / "q.jsonl.part.done").write_text("", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(mixed / "news.jsonl"), "--level", "quote", "-o", str(out),
                                  "--resume", "-q"])
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["numOccurrences"] for x in out.read_text(encoding="utf-8").splitlines()] == [2]
    assert not (tmp_path / "q.jsonl.part").exists()


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, {"speech", "belief", "document", "directive"}),
        ("all", {"speech", "belief", "document", "directive"}),
        ("speech", {"speech"}),
        (" Speech , belief ", {"speech", "belief"}),
        (["document"], {"document"}),
    ],
)
def test_parse_cue_classes(value, expected):
    assert parse_cue_classes(value) == expected


def test_parse_cue_classes_refuses_unknown_names():
    with pytest.raises(ValueError, match="unknown cue class opinion"):
        parse_cue_classes("speech,opinion")


@pytest.mark.parametrize(
    "record, keep, expected",
    [
        (Quote(start=0, end=1, text="x", cue_class="belief"), RecordFilter("speech"), False),
        (Quote(start=0, end=1, text="x", cue_class="speech"), RecordFilter("speech"), True),
        (Quote(start=5, end=6, text="x", nested_in=0), RecordFilter(nested=False), False),
        (Quote(start=5, end=6, text="x", nested_in=0), RecordFilter(), True),
        (Quote(start=0, end=1, text="x", confidence=0.4), RecordFilter(min_confidence=0.5), False),
        (Quote(start=0, end=1, text="x", confidence=0.5), RecordFilter(min_confidence=0.5), True),
    ],
)
def test_record_filter(record, keep, expected):
    assert keep(record) is expected


def test_filters_on_the_command_line(tmp_path):
    runner = CliRunner()
    every = tmp_path / "all.jsonl"
    some = tmp_path / "some.jsonl"
    assert runner.invoke(main, ["extract", str(SEEDS), "-o", str(every), "-q"]).exit_code == 0
    result = runner.invoke(main, ["extract", str(SEEDS), "-o", str(some), "-q", "--cue-class", "speech",
                                  "--no-nested", "--min-confidence", "0.6"])
    assert result.exit_code == 0, result.output
    all_rows, kept = _rows(every), _rows(some)
    expected = [r for r in all_rows
                if r["cue_class"] == "speech" and r["nested_in"] is None and r["confidence"] >= 0.6]
    assert kept == expected
    assert 0 < len(kept) < len(all_rows)
    bad = runner.invoke(main, ["extract", str(SEEDS), "--cue-class", "opinion"])
    assert bad.exit_code == 2 and "unknown cue class" in bad.output


def test_render_terminal_marks_quotes_speakers_and_cues(extractor):
    text = "“We will respond,” Russia's President Vladimir Putin said on Thursday."
    quotes = extractor.extract(text)
    out = render_terminal(text, quotes, "t")
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert text in plain  # the article, whole
    assert "\x1b[36mWe will respond,\x1b[0m" in out  # direct quotes in cyan
    assert "\x1b[32m\x1b[1mRussia's President Vladimir Putin\x1b[0m" in out  # the speaker bold green
    assert "Vladimir Putin (1)" in plain


def test_render_html_is_one_self_contained_page(extractor):
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    quotes = extractor.extract(text)
    page = render_html(text, quotes, "Seed <0>")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<title>Seed &lt;0&gt;</title>" in page
    # Nothing loaded from elsewhere, no script; links only within the page.
    assert not re.search(r"<script|\bsrc=|@import|url\(|href=\"(?!#)", page)
    assert '<a href="#speakers">' in page.split('<div class="article">')[0]  # the table, from the top
    assert page.count('<mark class="quote ') == len(quotes) + 3  # each quote, and the legend's three kinds
    assert "Ali Akbar Velayati" in page.split("Quotes by speaker")[1]
    assert page.count("<tr>") == len(quotes) + 1
    # Each quote is followed by its speaker's name and its confidence.
    for k, q in enumerate(quotes):
        label = f'data-label="{html.escape(q.speaker or "(unknown speaker)")}'
        assert label in page and f"· {q.confidence:.2f}" in page
        assert f'id="q{k}"' in page and f'href="#q{k}"' in page


class _ArticleText(HTMLParser):
    """The text inside ``<div class="article">``, as a browser's textContent has it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth or ("class", "article") in attrs:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def _page_text(page):
    parser = _ArticleText()
    parser.feed(page)
    return "".join(parser.parts)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_the_page_s_text_is_the_article_s(extractor, seed):
    text = (SEEDS / seed).read_text(encoding="utf-8")
    quotes = extractor.extract(text)
    assert _page_text(render_html(text, quotes)) == text


def test_the_page_keeps_nested_and_crossing_spans_and_odd_characters():
    from quotebank import Quote

    text = "“A <b> & C,” Ann Lee said, “as Tom said ‘D’.”\n\nEnd."
    outer = Quote(doc_id="d", start=1, end=10, text=text[1:10], kind="direct", cue="said", cue_start=21,
                  cue_end=25, speaker="Ann Lee", speaker_mention="Ann Lee", speaker_start=13, speaker_end=20,
                  confidence=0.9)
    inner = Quote(doc_id="d", start=28, end=44, text=text[28:44], kind="mixed", speaker="Tom Lee",
                  speaker_mention="Tom", speaker_start=31, speaker_end=34, cue="said", cue_start=35, cue_end=39,
                  confidence=0.4)
    crossing = Quote(doc_id="d", start=5, end=17, text=text[5:17], kind="indirect", confidence=0.1)
    page = render_html(text, [outer, inner, crossing])
    assert _page_text(page) == text
    assert "&lt;b&gt; &amp; C" in page
    assert 'data-label="(unknown speaker) · 0.10"' in page


def test_show_command(tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    runner = CliRunner()
    shown = runner.invoke(main, ["show", str(seed), "--no-color"])
    assert shown.exit_code == 0, shown.output
    assert "Ali Akbar Velayati" in shown.output and "\x1b[" not in shown.output
    page = tmp_path / "a.html"
    written = runner.invoke(main, ["show", str(seed), "--html", str(page)])
    assert written.exit_code == 0 and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    missing = runner.invoke(main, ["show", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_show_picks_a_jsonl_document_by_id(tmp_path):
    src = tmp_path / "d.jsonl"
    src.write_text(json.dumps({"id": "a", "text": VARIANTS[0]}) + "\n" + json.dumps({"id": "b", "text": VARIANTS[2]})
                   + "\n", encoding="utf-8")
    runner = CliRunner()
    assert "Ottawa" in runner.invoke(main, ["show", str(src), "--id", "b"]).output
    assert runner.invoke(main, ["show", str(src), "--id", "zz"]).exit_code == 1


def test_summarise_speakers_ranks_and_counts():
    def row(speaker, text, doc_id, kind="direct", date=None, named=True):
        return {"speaker": speaker, "speaker_named": named, "text": text, "doc_id": doc_id, "kind": kind, "date": date}

    rows = [
        row("A B", "one", "d1", date="2024-01-02"),
        row("A B", "two", "d2", kind="indirect", date="2024-01-01"),
        row("A B", "one", "d2"),
        row("officials", "three", "d1", named=False),
        row(None, "four", "d1", named=False),
    ]
    (ab, officials) = summarise_speakers(rows)
    assert (ab.speaker, ab.quotes, ab.quotations, ab.articles) == ("A B", 3, 2, 2)
    assert ab.kinds == {"direct": 2, "indirect": 1}
    assert (ab.first_date, ab.last_date) == ("2024-01-01", "2024-01-02")
    assert officials.named is False
    assert [s.speaker for s in summarise_speakers(rows, named_only=True)] == ["A B"]


def test_speakers_command_on_both_levels(tmp_path, mixed):
    runner = CliRunner()
    mentions, quotations = tmp_path / "m.jsonl", tmp_path / "q.parquet"
    assert runner.invoke(main, ["extract", str(SEEDS), str(mixed), "-o", str(mentions), "-q"]).exit_code == 0
    assert runner.invoke(main, ["extract", str(mixed), "--level", "quote", "-o", str(quotations), "-q"]).exit_code == 0
    out = runner.invoke(main, ["speakers", str(mentions), "--top", "5", "-f", "json"])
    assert out.exit_code == 0, out.output
    ranked = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(ranked) == 5
    assert [r["quotes"] for r in ranked] == sorted((r["quotes"] for r in ranked), reverse=True)
    top = ranked[0]
    assert top["speaker"] == "Anna Borshchevskaya" and len(top["key_terms"]) == 5
    assert {"Russia", "Iran"} & set(top["key_terms"])
    assert not {"Anna", "Borshchevskaya", "Anna Borshchevskaya"} & set(top["key_terms"])  # not her own name
    table = runner.invoke(main, ["speakers", str(mentions), "--top", "3", "--key-terms", "0"])
    assert table.output.splitlines()[0].split()[:3] == ["speaker", "quotes", "articles"]
    as_csv = runner.invoke(main, ["speakers", str(quotations), "-f", "csv", "--key-terms", "0"])
    rows = list(csv.DictReader(as_csv.stdout.splitlines()))
    trudeau = next(r for r in rows if r["speaker"] == "Justin Trudeau")
    assert trudeau["quotes"] == "3" and trudeau["quotations"] == "1" and trudeau["first_date"] == "2024-05-02"


def test_python_api_corpus_quote_level_and_data_frame(mixed):
    records = list(quotebank.extract_corpus([mixed / "news.jsonl"]))
    assert {r.doc_id for r in records} == {"j1", "j2"}
    (quotation,) = quotebank.quote_level(records)
    assert quotation.numOccurrences == 2
    frame = quotebank.to_dataframe(records)
    assert list(frame.columns) == list(FIELDS) and len(frame) == len(records)
    assert list(quotebank.to_dataframe([quotation]).columns) == list(QUOTATION_FIELDS)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium here (Debian: apt install chromium)")
def test_show_page_renders_in_headless_chromium(tmp_path, extractor):
    import subprocess

    seed = sorted(SEEDS.glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(render_html(text, extractor.extract(text), seed.stem), encoding="utf-8")
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    assert "Quotes by speaker" in dom and "Ali Akbar Velayati" in dom
    assert dom.count('<mark class="quote ') >= 5
    assert _page_text(dom) == text  # the browser's DOM holds the article as written
    shot = tmp_path / "page.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1200,2000", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000


def test_a_speaker_counts_alike_at_both_levels(tmp_path):
    # The seeds' Borshchevskaya: 13 records, some unsure ("she observed" at 0.40),
    # used to count 9 at the quote level, the unsure ones given to "None" (issue 21).
    runner = CliRunner()
    mentions, quotations = tmp_path / "m.jsonl", tmp_path / "q.jsonl"
    assert runner.invoke(main, ["extract", str(SEEDS), "-o", str(mentions), "-q"]).exit_code == 0
    assert runner.invoke(main, ["quotations", str(mentions), "-o", str(quotations)]).exit_code == 0

    def counts(path):
        out = runner.invoke(main, ["speakers", str(path), "--top", "0", "--key-terms", "0", "-f", "json"])
        return {r["speaker"]: (r["quotes"], r["named"]) for r in map(json.loads, out.stdout.splitlines())}

    by_mention, by_quotation = counts(mentions), counts(quotations)
    assert by_mention["Anna Borshchevskaya"][0] >= 10
    assert by_mention["analysts"] == by_quotation["analysts"] == (1, False)  # an unnamed source, at both levels
    named = {name for name in by_mention if name != "None"}
    assert {name: by_quotation.get(name) for name in named} == {name: by_mention[name] for name in named}
