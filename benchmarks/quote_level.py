"""How long the quote level takes to merge a corpus's mention records, and its peak memory.

Reads quotebank's mention-level JSONL (e.g. the output of ``quotebank extract
../shared/eval/polnear/dev.jsonl -o polnear.jsonl``), then merges it into
quotations as it is, and repeated ×R (each copy's doc ids made distinct and
one word of every third record changed, so that the near-equal merging has
work to do). Each run is a child process, so its peak resident memory is its own.

Usage:
    python benchmarks/quote_level.py MENTIONS.jsonl [--repeat 1,10]

Never run as a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time


def run_one(path: str, repeat: int) -> None:
    """In the child: merge ``repeat`` copies of the records and print the figures as JSON."""
    from quotebank.dataset.quotations import quote_level

    with open(path, encoding="utf-8") as fh:
        base = [json.loads(line) for line in fh if line.strip()]

    def records():
        for copy in range(repeat):
            for i, rec in enumerate(base):
                rec = dict(rec, doc_id=f"{rec['doc_id']}#{copy}")
                if copy and i % 3 == 0:  # a reworded report: one word dropped
                    words = rec["text"].split()
                    if len(words) > 8:
                        rec["text"] = " ".join(words[:4] + words[5:])
                yield rec

    start = time.perf_counter()
    quotations = occurrences = 0
    for q in quote_level(records()):
        quotations += 1
        occurrences += q.numOccurrences
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"records": len(base) * repeat, "quotations": quotations, "occurrences": occurrences,
                      "seconds": seconds, "peak_mb": peak_mb}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mentions")
    parser.add_argument("--repeat", default="1,10", help="comma-separated copies of the corpus")
    parser.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(args.mentions, args.child)
        return
    print(f"{'copies':>6} {'records':>9} {'quotations':>10} {'seconds':>8} {'records/s':>10} {'peak MB':>8}")
    for repeat in (int(r) for r in args.repeat.split(",")):
        out = subprocess.run([sys.executable, __file__, args.mentions, "--child", str(repeat)],
                             check=True, capture_output=True, text=True).stdout
        f = json.loads(out)
        assert f["occurrences"] <= f["records"]
        print(f"{repeat:>6} {f['records']:>9,} {f['quotations']:>10,} {f['seconds']:>8.1f} "
              f"{f['records'] / f['seconds']:>10,.0f} {f['peak_mb']:>8.0f}")


if __name__ == "__main__":
    main()
