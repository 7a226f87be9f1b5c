"""Scale: partitions, the Dask engine and Parquet in and out give the records of a local run.

Dask tests skip where dask.distributed is not installed (it is in the test extra).
"""

from __future__ import annotations

import importlib.util
import json
import shutil

import pytest
from click.testing import CliRunner

from quotebank.cli import main
from quotebank.corpus.partitions import plan_partitions, read_partition
from quotebank.corpus.readers import Document, ReadProblem, find_files, jsonl_ranges, read_documents
from support import SEEDS

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

SEED_TEXTS = [(f.stem, f.read_text(encoding="utf-8")) for f in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds three ways: as .txt files, as JSONL lines (one without an id,
    metadata on another) and as a Parquet file of two row groups."""
    root = tmp_path_factory.mktemp("corpus")
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, root / f.name)
    lines = [{"id": f"j-{stem}", "text": text} for stem, text in SEED_TEXTS]
    del lines[1]["id"]
    lines[2].update(date="2024-10-01", url="https://example.org/a", source="Example")
    (root / "more.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                     encoding="utf-8")
    table = pa.table({"id": [f"p-{stem}" for stem, _ in SEED_TEXTS], "text": [t for _, t in SEED_TEXTS],
                      "title": ["A title"] * len(SEED_TEXTS)})
    pq.write_table(table, root / "table.parquet", row_group_size=3)
    return root


@pytest.fixture(scope="module")
def local_jsonl(corpus, tmp_path_factory):
    """The records of a local, one-process run (the reference)."""
    out = tmp_path_factory.mktemp("local") / "q.jsonl"
    result = CliRunner().invoke(main, ["extract", str(corpus), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def rows_of(data: bytes):
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


# Reading: JSONL ranges, Parquet, partitions ----------------------------------------------------------------


def test_a_jsonl_line_holding_a_line_separator_is_one_document(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Up\u2028down, “yes,” she said."}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    (doc,) = list(read_documents(find_files([path])[0]))
    assert doc.doc_id == "x" and doc.text == "Up\u2028down, “yes,” she said."


@pytest.mark.parametrize("target", [1, 150, 400, 10_000])
def test_jsonl_ranges_read_as_the_whole_file(tmp_path, target):
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": f"Document {i}: “fine,” he said.", **({"id": f"d{i}"} if i % 3 else {})})
             for i in range(30)]
    lines.insert(7, "")  # a blank line keeps the numbering of the next
    lines.insert(12, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ranges = jsonl_ranges(path, target)
    assert ranges[0][0] == 0 and ranges[-1][1] == path.stat().st_size
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))
    if target < path.stat().st_size:
        assert len(ranges) > 1
    whole = list(read_documents(find_files([path])[0], check_ids=False))
    partitions, problems, files = plan_partitions([path], target=target)
    assert not problems and files == 1
    pieces = [item for p in partitions for item in read_partition(p)]
    assert pieces == whole
    ids = [d.doc_id for d in whole if isinstance(d, Document)]
    assert ids[:3] == ["a:1", "d1", "d2"] and "a:11" in ids  # document 9 is on line 11, after the blank line
    bad = [p for p in whole if isinstance(p, ReadProblem)]
    assert [p.source.rsplit(":", 1)[1] for p in bad] == ["13"]


def test_jsonl_ids_number_lines_from_one(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"text": "One."}\n\n{"id": "b", "text": "Two."}\n{"text": "Three."}\n', encoding="utf-8")
    for target in (1, 1000):
        partitions, _, _ = plan_partitions([path], target=target)
        ids = [d.doc_id for p in partitions for d in read_partition(p) if isinstance(d, Document)]
        assert ids == ["news:1", "b", "news:4"]


def test_parquet_rows_are_documents_with_their_metadata(tmp_path):
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"text": ["One.", "", "Three."], "url": ["u1", None, "u3"]}), path, row_group_size=2)
    items = list(read_documents(find_files([path])[0]))
    assert [(d.doc_id, d.meta.url) for d in items if isinstance(d, Document)] == [("t:1", "u1"), ("t:3", "u3")]
    (empty,) = [p for p in items if isinstance(p, ReadProblem)]
    assert empty.source.endswith("t.parquet:2") and not empty.fatal
    partitions, _, _ = plan_partitions([path], target=1)
    assert len(partitions) == 2  # one per row group
    assert [d for p in partitions for d in read_partition(p)] == items


@pytest.mark.parametrize("content, message", [
    (b"PAR1 not really", "cannot read as Parquet"), (None, 'no "text" column'),
])
def test_bad_parquet_inputs_are_reported_by_name(tmp_path, content, message):
    path = tmp_path / "bad.parquet"
    if content is None:
        pq.write_table(pa.table({"body": ["x"]}), path)
    else:
        path.write_bytes(content)
    (problem,) = list(read_documents(find_files([path])[0]))
    assert isinstance(problem, ReadProblem) and problem.fatal
    assert "bad.parquet" in problem.source and message in problem.message


def test_partitions_cover_the_corpus_in_order(corpus):
    whole = [d for d in read_documents(find_files([corpus])[0], check_ids=False)]
    for target in (1, 5_000, 50_000, None):
        partitions, problems, files = plan_partitions([corpus], workers=2, target=target)
        assert not problems and files == 7
        assert [p.index for p in partitions] == list(range(len(partitions)))
        assert [d for p in partitions for d in read_partition(p)] == whole
    assert len(plan_partitions([corpus], target=1)[0]) > len(plan_partitions([corpus], target=50_000)[0])


def test_standard_input_cannot_be_partitioned():
    with pytest.raises(ValueError, match="standard input"):
        plan_partitions(["-"])


# Local runs over the same corpus ---------------------------------------------------------------------------


def test_parquet_and_jsonl_inputs_give_the_records_of_the_same_texts(local_jsonl):
    rows = rows_of(local_jsonl)
    by_doc: dict[str, list] = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    ignore = {"doc_id", "date", "url", "title", "source"}

    def strip(rs):
        return [{k: v for k, v in r.items() if k not in ignore} for r in rs]

    for k, (stem, _) in enumerate(SEED_TEXTS):
        jsonl_id = "more:2" if k == 1 else f"j-{stem}"
        assert strip(by_doc[f"p-{stem}"]) == strip(by_doc[stem]) == strip(by_doc[jsonl_id])
        assert {r["title"] for r in by_doc[f"p-{stem}"]} == {"A title"}
    assert {(r["date"], r["url"], r["source"]) for r in by_doc[f"j-{SEED_TEXTS[2][0]}"]} == {
        ("2024-10-01", "https://example.org/a", "Example")}


# The Dask engine -------------------------------------------------------------------------------------------

#: The Dask engine's tests need the distributed scheduler (``pip install "quotebank[dask]"``);
#: skipped one by one, so that the tests above run without it.
needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("distributed") is None, reason="the Dask engine needs `distributed`"
)


@needs_dask
def test_dask_engine_writes_the_bytes_of_a_local_run(corpus, local_jsonl, tmp_path):
    out = tmp_path / "q.jsonl"
    result = CliRunner().invoke(main, ["extract", str(corpus), "--engine", "dask", "-j", "2",
                                       "--partition-size", "20000", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == local_jsonl


@needs_dask
def test_a_partitioned_dataset_holds_the_records_of_a_local_run(corpus, local_jsonl, tmp_path):
    out = tmp_path / "ds"
    args = ["extract", str(corpus), "--engine", "dask", "-j", "2", "--partition-size", "20000", "-o", f"{out}/", "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    parts = sorted(p.name for p in out.glob("part-*.parquet"))
    assert len(parts) > 2 and parts[0] == "part-00000.parquet"
    assert sorted(p.name for p in out.iterdir()) == sorted([*parts, "_quotebank.json"])
    rows = pq.read_table(out).to_pylist()
    assert rows == rows_of(local_jsonl)
    manifest = json.loads((out / "_quotebank.json").read_text(encoding="utf-8"))
    assert manifest["records"] == len(rows) and manifest["documents"] == 15 and manifest["partitions"] == len(parts)
    # Run again with bigger partitions: the dataset is replaced, no part is left over.
    result = CliRunner().invoke(main, [*args[:6], "--partition-size", "10000000", "-o", f"{out}/", "-q"])
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.glob("part-*.parquet")] == ["part-00000.parquet"]
    assert pq.read_table(out).to_pylist() == rows
    # The quote level runs over the dataset, and says what extract --level quote says.
    merged = tmp_path / "quotations.jsonl"
    assert CliRunner().invoke(main, ["quotations", str(out), "-o", str(merged)]).exit_code == 0
    direct = tmp_path / "direct.jsonl"
    made = CliRunner().invoke(main, ["extract", str(corpus), "--level", "quote", "-o", str(direct), "-q"])
    assert made.exit_code == 0
    assert merged.read_bytes() == direct.read_bytes()


@pytest.fixture(scope="module")
def threads_cluster():
    """An in-process cluster (threads), so that monkeypatched code runs in its workers."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp://", host="127.0.0.1",
                      dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


@needs_dask
def test_a_failed_document_is_reported_with_its_id_and_the_rest_kept(tmp_path, threads_cluster, failing):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("“We will win,” Anna Lee said.\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("BOOM. “It fails,” said Tom Brown.\n", encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "ds"
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "in"), "--scheduler", threads_cluster,
                                       "-o", f"{out}/", "-q"])
    assert result.exit_code == 1
    assert "error: b: extraction failed: RuntimeError: a bug in a rule" in result.output
    assert "c.txt: binary file" in result.output
    rows = pq.read_table(out).to_pylist()
    assert [(r["doc_id"], r["speaker"]) for r in rows] == [("a", "Anna Lee")]
    assert json.loads((out / "_quotebank.json").read_text())["documents_failed"] == 1


@needs_dask
def test_resume_runs_only_the_partitions_not_done(corpus, local_jsonl, tmp_path, threads_cluster):
    from quotebank.corpus.writers import PartitionedWriter
    from quotebank.distributed import TaskSettings, outcome_to_dict, run_partition
    from quotebank.models import model_name

    out = tmp_path / "ds"
    # An interrupted run: the plan written, partition 0 done, nothing else.
    partitions, _, _ = plan_partitions([corpus], workers=2, target=20_000)
    writer = PartitionedWriter(out)
    writer.begin(partitions)
    outcome = run_partition(partitions[0], TaskSettings(model=model_name(), parts=str(writer.stage)))
    writer.record(0, outcome_to_dict(outcome))
    first = PartitionedWriter.part_path(writer.stage, 0)
    stamp = first.stat().st_mtime_ns
    args = ["extract", str(corpus), "--scheduler", threads_cluster, "--partition-size", "20000", "-o", f"{out}/"]
    refused = CliRunner().invoke(main, [*args, "-q"])
    assert refused.exit_code == 2 and "--resume" in refused.output
    result = CliRunner().invoke(main, [*args, "--resume"])
    assert result.exit_code == 0, result.output
    assert "resuming after 1 partitions done" in result.output
    assert (out / "part-00000.parquet").stat().st_mtime_ns == stamp  # not run again
    assert pq.read_table(out).to_pylist() == rows_of(local_jsonl)
    assert not writer.stage.exists()
    # Other partitions are refused.
    (out.parent / "ds.part").mkdir()
    (out.parent / "ds.part" / "_plan.json").write_text("[]", encoding="utf-8")
    changed = CliRunner().invoke(main, [*args, "--resume", "-q"])
    assert changed.exit_code == 2 and "the inputs changed" in changed.output


@needs_dask
@pytest.mark.parametrize("args, message", [
    (["-o", "DIR/"], "written by --engine dask"),
    (["--engine", "dask", "-o", "DIR/", "--level", "quote"], "quotebank quotations"),
    (["--engine", "dask", "-o", "DIR/", "-f", "csv"], "holds mention records in Parquet"),
    (["--engine", "dask", "-"], "not standard input"),
    (["--engine", "dask", "-m", "no_such_pipeline"], "not installed"),
])
def test_engine_misuse_is_a_clear_error_before_any_work(tmp_path, args, message):
    args = [a.replace("DIR", str(tmp_path / "ds")) for a in args]
    result = CliRunner().invoke(main, ["extract", str(SEEDS), *args, "-q"])
    assert result.exit_code in (1, 2) and message in result.output
    assert not (tmp_path / "ds").exists() and not (tmp_path / "ds.part").exists()


@needs_dask
def test_a_folder_that_is_not_a_dataset_is_never_replaced(tmp_path):
    (tmp_path / "ds").mkdir()
    (tmp_path / "ds" / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(SEEDS), "--engine", "dask", "-o", f"{tmp_path / 'ds'}/", "-q"])
    assert result.exit_code == 2 and "not a quotebank dataset" in result.output
    assert (tmp_path / "ds" / "notes.txt").read_text(encoding="utf-8") == "mine"
