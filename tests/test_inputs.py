"""Inputs beyond plain text: JSONL metadata, stdin, HTML pages, --keep-text."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotebank.cli import main
from quotebank.corpus.readers import Document, ReadProblem, find_files, html_document, read_documents
from quotebank.records import Metadata
from quotebank.run import iter_corpus, keep_text_path
from support import SEEDS

ARTICLE = (
    "Putin warns the West\n"
    "“We will respond to any threat,” Russia's President Vladimir Putin said on Thursday. "
    "He added that the West had been warned.\n"
    "“The situation is dangerous,” said Anna Borshchevskaya, a fellow at the Washington Institute. "
    "She said that Moscow was not bluffing.\n"
    "Putin spoke in the Kremlin after a long meeting with officials from the ministry of defence."
)


def _page(paragraphs: list[str], title: str) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)} | Example News</title>
<meta property="article:published_time" content="2024-10-02T10:00:00Z">
<link rel="canonical" href="https://news.example/world/putin-warns">
<meta property="og:site_name" content="Example News">
<script>var teaser = "“Never quote this script,” the developer said.";</script>
<style>p {{ color: black }}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li>“Read our newsletter every day,” the editors said.</li></ul></nav>
<article><h1>{html.escape(title)}</h1>{body}</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/x">“We are ready for war,” says a general in another
story</a></li></ul></aside>
<footer>© 2024 Example News. “Subscribe now,” the publisher said.</footer></body></html>"""


def _read(paths):
    files, problems = find_files(paths)
    return problems + list(read_documents(files))


def test_jsonl_metadata_is_read_and_flows_into_records(tmp_path, extractor):
    src = tmp_path / "in.jsonl"
    line = {"id": "x1", "text": ARTICLE, "date": "2024-10-03", "url": "https://a.example/x1", "title": "T",
            "source": "A News", "other": "ignored"}
    src.write_text(json.dumps(line) + "\n" + json.dumps({"id": "x2", "text": ARTICLE}) + "\n", encoding="utf-8")
    (doc1, doc2) = _read([src])
    assert doc1.meta == Metadata(date="2024-10-03", url="https://a.example/x1", title="T", source="A News")
    assert doc2.meta == Metadata()
    results = list(iter_corpus([src], extractor))
    assert results[0].quotes and all(
        (q.date, q.url, q.title, q.source) == ("2024-10-03", "https://a.example/x1", "T", "A News")
        for q in results[0].quotes
    )
    assert results[1].quotes and all(q.date is None and q.url is None for q in results[1].quotes)


def test_stdin_reads_jsonl(monkeypatch):
    runner = CliRunner()
    lines = json.dumps({"id": "s1", "text": ARTICLE, "url": "https://s.example/1"}) + "\nnot json\n"
    result = runner.invoke(main, ["extract", "-", "-q"], input=lines)
    assert result.exit_code == 1  # the bad line is an error, and the run went on
    records = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert records and {r["doc_id"] for r in records} == {"s1"}
    assert {r["url"] for r in records} == {"https://s.example/1"}
    assert "<stdin>:2: not JSON" in result.output


def test_html_keeps_the_article_and_drops_scripts_navigation_and_footers():
    paragraphs = ARTICLE.split("\n")[1:]
    doc = html_document(_page(paragraphs, "Putin warns the West"), "p", "p.html")
    assert isinstance(doc, Document)
    for p in paragraphs:
        assert p in doc.text
    for furniture in ("script", "newsletter", "ready for war", "Subscribe", "Related stories"):
        assert furniture not in doc.text
    assert doc.meta.date == "2024-10-02"
    assert doc.meta.url == "https://news.example/world/putin-warns"
    assert doc.meta.title and doc.meta.title.startswith("Putin warns the West")
    assert doc.meta.source == "Example News"


def test_html_without_main_text_is_a_problem():
    page = "<html><head><script>var x = '“Hello,” he said.';</script></head><body><img src='a.png'></body></html>"
    got = html_document(page, "e", "e.html")
    assert isinstance(got, ReadProblem) and "no main text" in got.message


def test_text_inside_script_or_navigation_never_becomes_a_quote(tmp_path, extractor):
    (tmp_path / "page.html").write_text(_page(ARTICLE.split("\n")[1:], "Putin warns the West"), encoding="utf-8")
    (result,) = list(iter_corpus([tmp_path], extractor))
    texts = " ".join(q.text for q in result.quotes)
    assert "We will respond to any threat" in texts
    for furniture in ("Never quote this script", "Read our newsletter", "We are ready for war", "Subscribe now"):
        assert furniture not in texts
    assert {q.url for q in result.quotes} == {"https://news.example/world/putin-warns"}


def test_the_same_article_as_txt_and_html_gives_the_same_quotes(tmp_path, extractor):
    seed = sorted(SEEDS.glob("*.txt"))[1]
    text = seed.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    (tmp_path / "txt").mkdir()
    (tmp_path / "html").mkdir()
    (tmp_path / "txt" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "html" / "a.html").write_text(_page(paragraphs[1:], paragraphs[0]), encoding="utf-8")
    (from_txt,) = list(iter_corpus([tmp_path / "txt"], extractor))
    (from_html,) = list(iter_corpus([tmp_path / "html"], extractor))

    def summary(result):
        return [(q.text, q.kind, q.speaker, q.cue) for q in result.quotes]

    assert len(from_txt.quotes) > 10
    assert summary(from_html) == summary(from_txt)


def test_keep_text_writes_the_text_the_offsets_refer_to(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(_page(ARTICLE.split("\n")[1:], "Putin"), encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "-o", str(out), "-q",
                                       "--keep-text", str(tmp_path / "kept")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "kept" / "page.txt").read_text(encoding="utf-8")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    for r in records:
        assert text[r["start"]:r["end"]] == r["text"]
        if r["speaker_start"] is not None:
            assert text[r["speaker_start"]:r["speaker_end"]] == r["speaker_mention"]


@pytest.mark.parametrize(
    "doc_id, expected",
    [
        ("a", "a.txt"),
        ("sub/a", "sub/a.txt"),
        ("../../etc/passwd", "etc/passwd.txt"),
        ("/abs/x", "abs/x.txt"),
        ("..", "_.txt"),
    ],
)
def test_keep_text_paths_stay_inside_the_folder(doc_id, expected):
    assert keep_text_path(Path("k"), doc_id) == Path("k") / expected


def test_a_block_of_other_stories_in_a_page_gives_no_quotes(tmp_path, extractor):
    page = tmp_path / "side.html"
    teasers = "".join(f"<p>{line}</p>" for line in (
        "Zionist Regime’s Post-War Map for Gaza",
        "Strategic Council Online – Interview: An expert on Middle East issues said: After nearly 150 days have "
        "passed, efforts to end the crisis have intensified.",
        "France and the Two-State Solution",
        "An expert on regional issues said the announcement is a measure to raise the image of France."))
    page.write_text(
        "<html><head><title>Iran and Russia</title></head><body><article><h1>Iran and Russia sign a deal</h1>"
        "<p>Tehran and Moscow signed a deal on Monday after months of talks between the two governments.</p>"
        "<p>“We are partners in every field and we will stay partners,” Iranian President Masoud Pezeshkian said "
        f"at the ceremony.</p><h3>LATEST CONTENT</h3>{teasers}</article></body></html>", encoding="utf-8")
    (result,) = list(iter_corpus([page], extractor))
    assert [q.speaker for q in result.quotes] == ["Masoud Pezeshkian"]
