"""quotebank vs textacy's direct_quotations on PolNeAR dev, and quotebank's speed.

Prints, from one run over the same texts with the same spaCy pipeline:

* the METRICS.md score table of quotebank and of textacy (its content span,
  its speaker span);
* words per second of the bare spaCy parse (quotebank's components off), of
  the whole pipeline, their ratio, quotebank's own time, the 2-process
  figure and peak memory.

Usage:
    python benchmarks/polnear.py [../shared/eval/polnear/dev.jsonl] [--limit N] [--json OUT]

Never run as a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from textacy.extract.triples import direct_quotations

from quotebank import load_pipeline
from quotebank.evaluate import evaluate, format_table

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear" / "dev.jsonl"


def textacy_predictions(doc):
    """textacy's direct quotations as prediction dicts (content and speaker spans)."""
    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # textacy bails out on texts with an odd number of quote marks
        return None
    for t in triples:
        content = t.content
        row = {"start": content.start_char, "end": content.end_char, "kind": "direct"}
        if t.speaker:
            row["speaker_start"] = min(tok.idx for tok in t.speaker)
            row["speaker_end"] = max(tok.idx + len(tok) for tok in t.speaker)
        out.append(row)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--json", default=None, help="also write all figures to this JSON file")
    parser.add_argument("--rounds", type=int, default=2, help="alternating timing rounds (fastest counts)")
    args = parser.parse_args()

    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8")]
    if args.limit:
        gold = gold[: args.limit]
    texts = [d["text"] for d in gold]
    words = sum(len(t.split()) for t in texts)
    nlp = load_pipeline()
    for _ in nlp.pipe(texts[:20]):  # warm-up: first calls are slower
        pass

    # 1. The bare parse (quotebank's components switched off) and the whole
    #    pipeline, in alternating rounds; the fastest round of each counts.
    ours = [name for name in nlp.pipe_names if name.startswith("quotebank")]
    bare_times, full_times = [], []
    docs, full_docs = [], []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        with nlp.select_pipes(disable=ours):
            docs = list(nlp.pipe(texts, batch_size=32))
        bare_times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        full_docs = list(nlp.pipe(texts, batch_size=32))
        full_times.append(time.perf_counter() - t0)
    bare, full = min(bare_times), min(full_times)
    qb_preds = {d["id"]: [q.to_dict() for q in doc._.quotebank_quotes] for d, doc in zip(gold, full_docs, strict=True)}

    # 2. quotebank's own work alone: the component on docs already parsed.
    component = nlp.get_pipe("quotebank")
    t0 = time.perf_counter()
    for doc in full_docs:
        component(doc)
    own = time.perf_counter() - t0

    # 3. The whole pipeline in two processes.
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=2):
        pass
    full2 = time.perf_counter() - t0

    # 4. textacy on the same parses.
    t0 = time.perf_counter()
    tx_preds = {d["id"]: textacy_predictions(doc) for d, doc in zip(gold, docs, strict=True)}
    textacy_time = time.perf_counter() - t0
    textacy_failed = sum(1 for v in tx_preds.values() if v is None)
    tx_preds = {k: v or [] for k, v in tx_preds.items()}

    qb_scores = evaluate(gold, qb_preds)
    tx_scores = evaluate(gold, tx_preds)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"PolNeAR: {args.gold} ({len(gold)} documents, {words:,} words)\n")
    print(format_table(qb_scores, "quotebank"))
    print()
    print(format_table(tx_scores, "textacy direct_quotations"))
    print(f"\ntextacy raised ValueError (unbalanced quote marks) on {textacy_failed} of {len(gold)} documents;"
          " they count as predicting nothing.\n")
    speed = {
        "words": words,
        "bare_parse_words_per_s": words / bare,
        "quotebank_words_per_s": words / full,
        "ratio_quotebank_to_bare": bare / full,
        "quotebank_own_seconds": own,
        "quotebank_own_share_of_bare_parse": own / bare,
        "quotebank_2proc_words_per_s": words / full2,
        "textacy_own_seconds": textacy_time,
        "textacy_failed_documents": textacy_failed,
        "peak_memory_mb": peak_mb,
    }
    print("| speed | value |\n|---|---|")
    print(f"| bare spaCy parse | {speed['bare_parse_words_per_s']:,.0f} words/s |")
    print(f"| parse + quotebank, 1 process | {speed['quotebank_words_per_s']:,.0f} words/s |")
    print(f"| ratio (quotebank / bare) | {speed['ratio_quotebank_to_bare']:.3f} |")
    print(f"| quotebank's own work (component on parsed docs) | {own:.2f} s ({100 * own / bare:.1f}% of the parse) |")
    print(f"| parse + quotebank, 2 processes | {speed['quotebank_2proc_words_per_s']:,.0f} words/s |")
    print(f"| textacy direct_quotations own work | {textacy_time:.2f} s |")
    print(f"| peak memory | {peak_mb:,.0f} MB |")
    if args.json:
        Path(args.json).write_text(json.dumps({"quotebank": qb_scores, "textacy": tx_scores, "speed": speed}, indent=2))


if __name__ == "__main__":
    main()
