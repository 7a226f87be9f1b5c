"""The documentation: the site builds strictly, and what the pages show is what the code does."""

from __future__ import annotations

import doctest
import importlib
import json
import os
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import quotebank
from quotebank.cli import main
from support import ROOT, SEEDS

DOCS = ROOT / "docs"
README = ROOT / "README.md"
#: Where the public repository and the documentation site live (pyproject's project URLs).
REPO_URL = "https://github.com/quotebank/quotebank"
SITE_URL = "https://quotebank.github.io/quotebank/"


# The site ---------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site as `mkdocs build --strict` makes it (fails on any warning: a broken link, a page
    left out of the nav, a docstring mkdocstrings cannot read)."""
    pytest.importorskip("mkdocs")
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                          cwd=ROOT, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def _page_text(site: Path, page: str) -> str:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    return re.sub(r"&[a-z]+;|&#\d+;", " ", text)


def test_site_has_every_page(site):
    pages = {p.stem for p in DOCS.glob("*.md")} - {"index"}
    assert pages, "no pages in docs/"
    for page in pages:
        assert (site / page / "index.html").exists(), page
    assert (site / "index.html").exists()


def test_cli_reference_is_generated_from_the_commands(site):
    text = _page_text(site, "cli")
    for name, command in main.commands.items():
        assert f"quotebank {name}" in text, name
        for param in command.params:
            if getattr(param, "hidden", False):
                continue
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in text, f"{name} {opt} missing from the CLI reference"


def test_api_reference_documents_the_public_api(site):
    text = _page_text(site, "api")
    for name in quotebank.__all__:
        if name != "__version__":
            assert name in text, f"quotebank.{name} missing from the API page"


def test_changelog_page_includes_the_changelog(site):
    first_heading = next(line for line in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines()
                         if line.startswith("## "))
    assert first_heading[3:].strip("[]").split("]")[0] in _page_text(site, "changelog")


# Examples in the pages and docstrings are real --------------------------------------------------------------------


def _tables(markdown: str, header: list[str]) -> list[dict[str, str]]:
    """The rows of every Markdown table whose header is ``header``."""
    rows, inside = [], False
    for line in markdown.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else None
        if cells == header:
            inside = True
        elif cells is None:
            inside = False
        elif inside and not set("".join(cells)) <= set("-: "):
            rows.append(dict(zip(header, cells, strict=True)))
    return rows


FINDS_HEADER = ["seed", "quote begins", "kind", "cue_class", "cue", "speaker_mention", "speaker"]


@pytest.fixture(scope="module")
def seed_records(extractor):
    return {f.stem: extractor.extract(f.read_text(encoding="utf-8"), f.stem) for f in sorted(SEEDS.glob("*.txt"))}


def test_what_it_finds_shows_real_seed_records(seed_records):
    rows = _tables((DOCS / "finds.md").read_text(encoding="utf-8"), FINDS_HEADER)
    assert len(rows) >= 20
    for row in rows:
        stem = next(s for s in seed_records if s.startswith(row["seed"] + "_"))
        mention = row["speaker_mention"].rstrip("… ").strip()
        wanted = (row["kind"], row["cue_class"], row["cue"], row["speaker"])
        found = [
            q for q in seed_records[stem]
            if " ".join(q.text.split()).startswith(row["quote begins"])
            and (q.kind, q.cue_class, q.cue or "", q.speaker) == wanted
            and (q.speaker_mention or "").startswith(mention)
        ]
        assert found, f"docs/finds.md shows a record quotebank does not make: {row}"


def test_interrupted_quote_in_the_docs_is_one_group(seed_records):
    pieces = [q for q in seed_records["003_dc58cde1666a16ca"] if q.speaker == "Mostafa Khosh Cheshm" and q.group]
    assert len({q.group for q in pieces}) == 1 and len(pieces) == 2


def test_first_run_example_is_a_real_record(seed_records):
    block = re.search(r"```json\n(.*?)```", (DOCS / "index.md").read_text(encoding="utf-8"), re.S)
    assert block, "no JSON example on the getting-started page"
    shown = dict(re.findall(r'"(\w+)": ("[^"]*"|[\d.]+|true|false)', block.group(1)))
    record = next(q.to_dict() for q in seed_records[json.loads(shown["doc_id"])] if q.start == int(shown["start"]))
    for key, value in shown.items():
        if key != "text":
            assert record[key] == json.loads(value), key
    assert record["text"].startswith(json.loads(shown["text"]).rstrip("…").rstrip())


def _code_block(markdown: str, title: str) -> str:
    match = re.search(rf'```json title="{re.escape(title)}"\n(.*?)```', markdown, re.S)
    assert match, f"no {title} block"
    return match.group(1)


@pytest.mark.parametrize("page", [ROOT / "README.md", DOCS / "index.md"], ids=lambda p: p.name)
def test_python_example_prints_what_its_comment_says(page, capsys):
    # The first Python block that calls quotebank.extract ends with the lines it
    # prints, as comments: run it and compare.
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    code = next(b for b in blocks if "quotebank.extract(" in b)
    expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
    assert expected
    exec(compile(code, str(page), "exec"), {})
    assert capsys.readouterr().out.splitlines() == expected


def test_evaluation_worked_example(tmp_path):
    page = (DOCS / "evaluation.md").read_text(encoding="utf-8")
    for name in ("gold.jsonl", "pred.jsonl"):
        (tmp_path / name).write_text(_code_block(page, name), encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl"),
                                       "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    header = ["scope", "overlap", "P", "R", "F1", "spk span", "spk name", "e2e P", "e2e R", "e2e F1", "tp", "fp",
              "gold"]
    [row] = _tables(page, header)
    got = scores[row["scope"]][row["overlap"]]
    for column, key in [("P", "precision"), ("R", "recall"), ("F1", "f1"), ("spk span", "speaker_span_accuracy"),
                        ("spk name", "speaker_name_accuracy")]:
        assert f"{got[key]:.3f}" == row[column], column
    for column, key in [("e2e P", "precision"), ("e2e R", "recall"), ("e2e F1", "f1")]:
        assert f"{got['end_to_end'][key]:.3f}" == row[column], column
    assert (got["tp"], got["fp"], got["gold"]) == (int(row["tp"]), int(row["fp"]), int(row["gold"]))
    ece = re.search(r"Expected calibration error: .*= ([\d.]+)\.", page)
    assert ece and f"{scores['calibration']['ece']:.3f}" == ece.group(1)


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(quotebank.__path__, "quotebank."))


def test_docstring_examples_run():
    attempted = 0
    for name in _modules():
        failed, tried = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
        assert failed == 0, f"a docstring example of {name} fails (python -m doctest -v on it shows which)"
        attempted += tried
    assert attempted >= 15


# Links --------------------------------------------------------------------------------------------------------------


def _links(markdown: str) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", markdown)


def test_readme_links_work_on_the_package_index():
    """PyPI shows README.md without the repository around it: every link must be absolute,
    and links into the repository or the site must name files that exist."""
    links = _links(README.read_text(encoding="utf-8"))
    assert links
    for link in links:
        assert link.startswith("https://"), f"relative link in README.md: {link}"
        if link.startswith(REPO_URL + "/blob/main/"):
            assert (ROOT / link.removeprefix(REPO_URL + "/blob/main/").split("#")[0]).exists(), link
        elif link.startswith(SITE_URL):
            page = link.removeprefix(SITE_URL).split("#")[0].strip("/")
            assert (DOCS / f"{page or 'index'}.md").exists(), link


def test_project_urls_match_the_links():
    meta = importlib.import_module("importlib.metadata").metadata("quotebank")
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert urls["Source"] == REPO_URL and urls["Documentation"] == SITE_URL
