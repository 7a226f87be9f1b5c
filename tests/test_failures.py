"""Failure modes: nothing fails silently, nothing finished is lost, runs can be resumed.

One test (or more) per case seen in the issue "Trustworthy runs"; see
docs/failure-modes.md for what each kind of bad input, signal and output does.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import quotebank
import quotebank.nlp
from quotebank.api import ExtractionError, _batches, split_long_text
from quotebank.cli import main
from quotebank.corpus.readers import MAX_ID_CHARS, decode
from support import SEEDS

GOOD = "Anna Lee arrived. “We will win the vote,” Lee said.\n"
BAD = "BOOM. “This document makes the component fail,” said Tom Brown.\n"


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def runner():
    return CliRunner()


# Silent failure ---------------------------------------------------------------------------------------------


def test_component_raises_by_default(nlp, failing):
    with pytest.raises(RuntimeError, match="a bug in a rule"):
        nlp(BAD)


def test_component_records_errors_when_asked(nlp, failing):
    doc = nlp(BAD, component_cfg={"quotebank": {"on_error": "record"}})
    assert doc._.quotebank_error["type"] == "RuntimeError"
    assert "a bug in a rule" in doc._.quotebank_error["traceback"]
    assert doc._.quotebank_quotes == ()


def test_extractor_raises_with_the_doc_id(extractor, failing):
    with pytest.raises(ExtractionError, match="bad-one: RuntimeError: a bug in a rule"):
        extractor.extract(BAD, doc_id="bad-one")


def test_extractor_results_collect_errors_and_go_on(extractor, failing):
    results = list(extractor.results([("a", GOOD), ("b", BAD), ("c", GOOD)]))
    assert [r.doc_id for r in results] == ["a", "b", "c"]
    assert results[1].error is not None and results[1].quotes == ()
    assert results[0].error is None and results[2].quotes and results[2].quotes[0].speaker == "Anna Lee"


def test_cli_reports_a_failed_document_and_exits_1(runner, tmp_path, failing):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = runner.invoke(main, ["extract", str(tmp_path / "in"), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert "error: b: extraction failed: RuntimeError: a bug in a rule" in result.output
    assert "Traceback" not in result.output
    assert [r["doc_id"] for r in read_jsonl(out)] == ["a", "c"]
    debug = runner.invoke(main, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "d.jsonl"), "-q", "--debug"])
    assert "Traceback" in debug.output


# A whole run lost: file names that are not UTF-8 ----------------------------------------------------------


def test_undecodable_file_name_is_escaped_visibly(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(name, "wb") as fh:
        fh.write(GOOD.encode("utf-8"))
    (folder / "z.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = runner.invoke(main, ["extract", str(folder), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    out.read_bytes().decode("utf-8")  # valid UTF-8
    assert [r["doc_id"] for r in read_jsonl(out)] == ["caf\\xe9", "z"]
    to_stdout = runner.invoke(main, ["extract", str(folder), "-q"])
    assert "caf\\\\xe9" in to_stdout.stdout_bytes.decode("utf-8")


# Special outputs -------------------------------------------------------------------------------------------


def test_a_fifo_is_written_through(runner, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, encoding="utf-8").read()))
    reader.start()
    result = runner.invoke(main, ["extract", str(src), "-o", str(fifo), "-q"])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert json.loads(got[0])["speaker"] == "Anna Lee"


def test_dev_null_stays_a_device(runner, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    assert runner.invoke(main, ["extract", str(src), "-o", os.devnull, "-q"]).exit_code == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_symlink_stays_a_link_and_its_target_is_written(runner, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    target = tmp_path / "data" / "quotes.jsonl"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert runner.invoke(main, ["extract", str(src), "-o", str(link), "-q"]).exit_code == 0
    assert link.is_symlink()
    assert read_jsonl(target)[0]["speaker"] == "Anna Lee"


@pytest.mark.parametrize("name, message", [
    ("folder", "for a local run name a file"), ("out.xml", "cannot tell the output format"),
])
def test_bad_outputs_are_usage_errors_before_any_work(runner, tmp_path, name, message):
    (tmp_path / "folder").mkdir()
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(main, ["extract", str(src), "-o", str(tmp_path / name)])
    assert result.exit_code == 2 and message in result.output
    assert not list(tmp_path.glob("*.part*"))


def test_output_mode_follows_the_umask(runner, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    old = os.umask(0o022)
    try:
        for name in ("q.jsonl", "q.parquet"):
            assert runner.invoke(main, ["extract", str(src), "-o", str(tmp_path / name), "-q"]).exit_code == 0
            assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o644, name
    finally:
        os.umask(old)


def test_a_left_part_is_never_appended_to_silently(runner, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    (tmp_path / "q.jsonl.part").write_text("", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(src), "-o", str(tmp_path / "q.jsonl")])
    assert result.exit_code == 2 and "--resume" in result.output


# Memory, and quotes at a cut -------------------------------------------------------------------------------


def test_batches_are_bounded_by_characters_not_count():
    pieces = [("x" * n, k) for k, n in enumerate([40, 40, 40, 150, 10, 10])]
    assert [[k for _, k in b] for b in _batches(pieces, 100)] == [[0, 1], [2], [3], [4, 5]]


def test_long_texts_are_never_cut_inside_a_quote():
    para = "The committee met again and nothing was decided that day at all.\n\n"
    quote = "“This quote starts here.\n\n“It goes on in a second paragraph,” Tom Brown said.\n\n"
    for k in range(0, 40, 3):
        text = para * k + quote + para * 40
        pieces = split_long_text(text, limit=len(para) * 8)
        cuts = [offset for offset, _ in pieces[1:]]
        lo, hi = text.index("“This"), text.index("said.")
        assert "".join(p for _, p in pieces) == text
        assert not any(lo < c <= hi for c in cuts), (k, cuts)


def test_a_quote_over_two_paragraphs_at_a_cut_keeps_both_pieces(extractor, monkeypatch):
    import quotebank.api

    para = "The committee met again and nothing was decided that day at all.\n\n"
    quote = "“This quote starts here.\n\n“It goes on in a second paragraph,” Brown said.\n"
    text = para * 5 + "Tom Brown spoke.\n\n" + quote
    monkeypatch.setattr(quotebank.api, "MAX_CHUNK_CHARS", len(para) * 6)
    first, second = extractor.extract(text)
    assert (first.text, second.text) == ("This quote starts here.", "It goes on in a second paragraph,")
    assert first.group == second.group is not None
    assert first.speaker == second.speaker is not None  # a name given in an earlier piece is not seen


# Noise read as text ----------------------------------------------------------------------------------------


def test_random_bytes_are_not_text():
    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(20000))
    with pytest.raises(ValueError, match="not text"):
        decode(noise)


@pytest.mark.parametrize(
    "data",
    [
        "“Café society is over,” said René Dupont, déjà vu.".encode("cp1252"),
        "Crème brûlée, señor, à la française: Ann Page said so.".encode("latin-1"),
        "“A quote in UTF-16,” said Ann Page.".encode("utf-16"),
        "“A quote in UTF-16 without a BOM,” said Ann Page.".encode("utf-16-le"),
        "“A quote in UTF-16 without a BOM,” said Ann Page.".encode("utf-16-be"),
    ],
)
def test_legacy_encodings_still_decode(data):
    text, _ = decode(data)
    assert "Page" in text or "Dupont" in text


def test_noise_file_is_reported_and_skipped(runner, tmp_path):
    rng = random.Random(3)
    (tmp_path / "noise.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(100_000)))
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = runner.invoke(main, ["extract", str(tmp_path / "noise.txt"), str(tmp_path / "a.txt"), "-o", str(out)])
    assert result.exit_code == 1 and "noise.txt: not text" in result.output
    assert [r["doc_id"] for r in read_jsonl(out)] == ["a"]


# Clear API errors, ids -------------------------------------------------------------------------------------


@pytest.mark.parametrize("value, words", [(None, "expects a str, not NoneType"), (b"x", "decode bytes first")])
def test_extract_wants_a_str(value, words):
    with pytest.raises(TypeError, match=words):
        quotebank.extract(value)


def test_results_check_each_item(extractor):
    with pytest.raises(TypeError, match="item 1 .*'b'.* expects a str, not int"):
        list(extractor.results([("a", GOOD), ("b", 5)]))


def test_duplicate_ids_are_warned_and_long_ids_rejected(runner, tmp_path):
    src = tmp_path / "docs.jsonl"
    lines = [{"id": "x", "text": GOOD}, {"id": "x", "text": GOOD}, {"id": "y" * (MAX_ID_CHARS + 1), "text": GOOD}]
    src.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = tmp_path / "q.jsonl"
    result = runner.invoke(main, ["extract", str(src), "-o", str(out), "-q"])
    assert "warning: " in result.output and "duplicate id 'x'" in result.output
    assert f"id of {MAX_ID_CHARS + 1:,} characters" in result.output
    assert result.exit_code == 1
    assert [r["doc_id"] for r in read_jsonl(out)] == ["x", "x"]


# Signals, workers and --resume -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Forty documents: the seeds, eight times over."""
    root = tmp_path_factory.mktemp("corpus")
    for k in range(8):
        for f in sorted(SEEDS.glob("*.txt")):
            shutil.copy(f, root / f"{k}_{f.name}")
    return root


@pytest.fixture(scope="module")
def uninterrupted(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("whole") / "q.jsonl"
    subprocess.run([sys.executable, "-m", "quotebank.cli", "extract", str(corpus), "-o", str(out), "-q"], check=True)
    return out.read_bytes()


def _documents_done(log) -> int:
    """Documents an unfinished run has logged as done (the log's lines after its settings)."""
    if not log.exists():
        return 0
    return sum(line.startswith("[") for line in log.read_text(encoding="utf-8").splitlines())


def _interrupt(corpus, out, how, jobs):
    """Start a run, stop it with ``how`` once a few documents are done, and wait for it."""
    args = [sys.executable, "-m", "quotebank.cli", "extract", str(corpus), "-o", str(out), "-q", "-j", str(jobs)]
    proc = subprocess.Popen(args, stderr=subprocess.PIPE, text=True)
    log = out.with_name(out.name + ".part.done")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if _documents_done(log) >= 1:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(how)
    started = time.monotonic()
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail(f"the run did not stop within 30 s of {how!r}")
    return proc.returncode, err, time.monotonic() - started


@pytest.mark.parametrize(
    "how, jobs, status",
    [(signal.SIGINT, 2, 130), (signal.SIGTERM, 1, 143), (signal.SIGKILL, 1, -9)],
    ids=["ctrl-c -j2", "sigterm", "kill -9"],
)
def test_resume_gives_exactly_the_uninterrupted_records(corpus, uninterrupted, tmp_path, how, jobs, status):
    out = tmp_path / "q.jsonl"
    code, err, _ = _interrupt(corpus, out, how, jobs)
    assert code == status, err
    assert "Traceback" not in err, err
    part = out.with_name("q.jsonl.part")
    assert part.exists() and not out.exists()
    if how != signal.SIGKILL:
        assert "--resume" in err
        assert part.read_bytes().endswith(b"\n")  # only whole records
    again = subprocess.run([sys.executable, "-m", "quotebank.cli", "extract", str(corpus), "-o", str(out), "-q"],
                           capture_output=True, text=True)
    assert again.returncode == 2 and "--resume" in again.stderr  # never appended to silently
    resumed = subprocess.run(
        [sys.executable, "-m", "quotebank.cli", "extract", str(corpus), "-o", str(out), "-q", "--resume"],
        capture_output=True, text=True,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert out.read_bytes() == uninterrupted
    assert not part.exists() and not out.with_name("q.jsonl.part.done").exists()


def test_a_resumed_run_counts_the_records_it_resumed(corpus, uninterrupted, tmp_path):
    out = tmp_path / "q.jsonl"
    code, err, _ = _interrupt(corpus, out, signal.SIGTERM, 1)
    assert code == 143, err
    resumed = subprocess.run([sys.executable, "-m", "quotebank.cli", "extract", str(corpus), "-o", str(out),
                              "--resume"], capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    last = [line for line in resumed.stderr.splitlines() if " documents" in line][-1]
    records = len(out.read_bytes().splitlines())
    assert "40 documents (" in last and f", {records:,} quotes" in last, last


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc; empty where there is none)."""
    out = set()
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads the process table from /proc")
def test_workers_end_when_their_parent_is_killed(corpus, tmp_path):
    # kill -9 of the parent of a -j 2 run used to leave both workers blocked
    # forever on a full pipe (issue 20); they must end on their own.
    out = tmp_path / "q.jsonl"
    args = [sys.executable, "-m", "quotebank.cli", "extract", str(corpus), "-o", str(out), "-q", "-j", "2"]
    proc = subprocess.Popen(args, stderr=subprocess.DEVNULL)
    log = out.with_name(out.name + ".part.done")
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        if len(workers) >= 2 and _documents_done(log) >= 1:
            break
        time.sleep(0.05)
    assert proc.poll() is None and len(workers) >= 2, "the run ended before its parent could be killed"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)
    assert not left, "workers outlived their killed parent"


def test_two_workers_give_the_same_records_as_one(corpus, uninterrupted, tmp_path):
    out = tmp_path / "q.jsonl"
    subprocess.run([sys.executable, "-m", "quotebank.cli", "extract", str(corpus), "-o", str(out), "-q", "-j", "2"],
                   check=True)
    assert out.read_bytes() == uninterrupted


@pytest.mark.parametrize("changed", [["--min-confidence", "0.9"], ["--cue-class", "speech"], ["--no-nested"],
                                     ["--level", "quote"], ["--rules", "RULES"]])
def test_resume_refuses_changed_settings_naming_them(corpus, tmp_path, changed):
    # An interrupted run resumed with other options used to give a mixed file (issue 20).
    rules = tmp_path / "rules.toml"
    rules.write_text('[cue_verbs]\nadd = ["rasp"]\n', encoding="utf-8")
    changed = [str(rules) if arg == "RULES" else arg for arg in changed]
    out = tmp_path / "q.jsonl"
    code, err, _ = _interrupt(corpus, out, signal.SIGTERM, 1)
    assert code == 143, err
    part = out.with_name("q.jsonl.part").read_bytes()
    resumed = subprocess.run(
        [sys.executable, "-m", "quotebank.cli", "extract", str(corpus), "-o", str(out), "-q", "--resume", *changed],
        capture_output=True, text=True,
    )
    assert resumed.returncode == 2 and "other settings" in resumed.stderr, resumed.stderr
    option = changed[0].lstrip("-").replace("-", "_").replace("no_nested", "nested").replace("cue_class", "cue_classes")
    assert option in resumed.stderr
    assert out.with_name("q.jsonl.part").read_bytes() == part and not out.exists()  # nothing touched


def test_resume_refuses_changed_inputs(corpus, tmp_path, runner):
    out = tmp_path / "q.jsonl"
    (tmp_path / "q.jsonl.part").write_text("", encoding="utf-8")
    (tmp_path / "q.jsonl.part.done").write_text(json.dumps([0, "not-a-doc", 0, None]) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(corpus), "-o", str(out), "--resume", "-q"])
    assert result.exit_code == 2 and "the inputs changed" in result.output


def test_a_worker_that_dies_is_reported_and_what_was_done_kept(runner, tmp_path, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    import quotebank.run

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")

    def dies(self, items, n_process=1, **progress):
        raise BrokenProcessPool("A child process terminated abruptly")
        yield  # pragma: no cover

    monkeypatch.setattr(quotebank.run.Extractor, "results", dies)
    out = tmp_path / "q.jsonl"
    result = runner.invoke(main, ["extract", str(tmp_path / "a.txt"), "-o", str(out), "-q"])
    assert result.exit_code == 1
    assert "the run stopped: BrokenProcessPool" in result.output and "--resume" in result.output
    assert (tmp_path / "q.jsonl.part").exists() and not out.exists()


# Folders: nothing skipped in silence (issue 21) ---------------------------------------------------------------------


def _tree(tmp_path):
    root = tmp_path / "p"
    (root / "a").mkdir(parents=True)
    (root / "a" / "x.txt").write_text(ARTICLE_LINE, encoding="utf-8")
    (root / "b.txt").write_text(ARTICLE_LINE, encoding="utf-8")
    return root


ARTICLE_LINE = "“We will win this fight,” Anna Lee said."


def _extract(runner, *paths):
    result = runner.invoke(main, ["extract", *map(str, paths), "-q"])
    ids = [json.loads(line)["doc_id"] for line in result.stdout.splitlines() if line.startswith("{")]
    return result, ids


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda root: (root / "gone.txt").symlink_to(root / "nowhere.txt"), "gone.txt: a symbolic link to "),
        (lambda root: (root / "loop.txt").symlink_to(root / "loop.txt"), "loop.txt: a loop of symbolic links"),
        (lambda root: (root / "a" / "up").symlink_to(root),
         "up: a loop of symbolic links (a link to a folder that holds it)"),
    ],
    ids=["dangling link", "link to itself", "link to an ancestor"],
)
def test_a_link_that_leads_nowhere_is_reported_and_the_rest_extracted(runner, tmp_path, make, message):
    root = _tree(tmp_path)
    make(root)
    result, ids = _extract(runner, root)
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr
    assert ids == ["a/x", "b"]


def test_a_linked_folder_is_followed_once(runner, tmp_path):
    root = _tree(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "y.txt").write_text(ARTICLE_LINE, encoding="utf-8")
    (root / "c").symlink_to(elsewhere)
    (root / "d").symlink_to(elsewhere)
    result, ids = _extract(runner, root)
    assert ids == ["a/x", "b", "c/y"]
    assert "d: a link to a folder already searched" in result.stderr
    assert result.exit_code == 0  # a warning: nothing was lost


def test_a_link_loop_named_on_the_command_line_says_so(runner, tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    result, _ = _extract(runner, loop)
    assert "loop: a loop of symbolic links" in result.stderr and result.exit_code == 1


def test_a_folder_that_cannot_be_listed_is_reported_and_the_rest_extracted(runner, tmp_path, monkeypatch):
    import os

    root = _tree(tmp_path)
    real = os.scandir

    def scandir(path):
        if Path(path).name == "a":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result, ids = _extract(runner, root)
    assert result.exit_code == 1
    assert "a: cannot list this folder: Permission denied" in result.stderr
    assert ids == ["b"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder")
@pytest.mark.parametrize(("mode", "message"), [(0o000, "a: cannot list this folder"), (0o444, "x.txt: cannot read")])
def test_a_folder_without_permissions_is_reported_and_the_rest_extracted(runner, tmp_path, mode, message):
    root = _tree(tmp_path)
    (root / "a").chmod(mode)
    try:
        result, ids = _extract(runner, root)
    finally:
        (root / "a").chmod(0o755)
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert ids == ["b"]


def test_a_folder_that_can_be_listed_but_not_entered_is_reported_and_the_rest_extracted(runner, tmp_path,
                                                                                         monkeypatch):
    # Its names can be read, but each of its files is "Permission denied" (the
    # folder lacks the x bit); the run used to stop as "cannot write the output".
    import os

    root = _tree(tmp_path)
    real = os.scandir

    class Locked:
        def __init__(self, entry):
            self.name = entry.name

        def is_dir(self):
            raise PermissionError(13, "Permission denied")

        is_file = is_symlink = is_dir

    def scandir(path):
        entries = list(real(path))
        return [Locked(e) for e in entries] if Path(path).name == "a" else entries

    monkeypatch.setattr(os, "scandir", scandir)
    result, ids = _extract(runner, root)
    assert result.exit_code == 1
    assert "x.txt: cannot read: Permission denied" in result.stderr, result.stderr
    assert ids == ["b"]
