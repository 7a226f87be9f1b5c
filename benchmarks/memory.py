"""Peak memory of ``quotebank extract`` on one large file and on a corpus.

Builds files of the requested sizes by joining PolNeAR dev articles (real news
text, blank lines between them), runs ``quotebank extract`` on each in a child
process, and prints each run's peak resident memory and wall time; then the same
for the PolNeAR dev corpus as one JSONL file.

Usage:
    python benchmarks/memory.py [../shared/eval/polnear/dev.jsonl] [--sizes 3,10] [-j N]

Never run as a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_GOLD = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "polnear" / "dev.jsonl"


def build(texts: list[str], megabytes: float, path: Path) -> None:
    """Join articles until the file holds ``megabytes`` MB of UTF-8."""
    target = int(megabytes * 1_000_000)
    parts, size, k = [], 0, 0
    while size < target:
        text = texts[k % len(texts)]
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        k += 1
    path.write_text("\n\n".join(parts), encoding="utf-8")


def measure(args: list[str]) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of one child process (``ru_maxrss`` is in KiB on Linux)."""
    started = time.perf_counter()
    child = subprocess.Popen(args)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed")
    return usage.ru_maxrss / 1024, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--sizes", default="3,10", help="file sizes in MB, comma-separated")
    parser.add_argument("-j", "--n-process", default=1, type=int)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in open(args.gold, encoding="utf-8")]
    cli = [sys.executable, "-m", "quotebank.cli", "extract", "-q", "-j", str(args.n_process)]
    print("| input | peak memory | wall time |")
    print("|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in [float(s) for s in args.sizes.split(",") if s]:
            src = Path(tmp) / f"{mb:g}mb.txt"
            build(texts, mb, src)
            peak, seconds = measure([*cli, str(src), "-o", str(Path(tmp) / "out.jsonl")])
            print(f"| one file of {mb:g} MB | {peak:,.0f} MB | {seconds:,.0f} s |")
        peak, seconds = measure([*cli, args.gold, "-o", str(Path(tmp) / "out.jsonl")])
        print(f"| {Path(args.gold).name} ({len(texts)} articles) | {peak:,.0f} MB | {seconds:,.0f} s |")


if __name__ == "__main__":
    main()
