"""Speed and memory of quotebank on one machine and on a local Dask cluster.

Prints, from one run over the same JSONL corpus (PolNeAR dev by default):

* what each component of the spaCy pipeline costs (quotebank's own included);
* words per second of the bare spaCy parse (quotebank's components off) and
  of quotebank with 1 process, and their ratio;
* the speed-up of ``-j 2`` (local worker processes) and of ``--engine dask``
  with 2 local workers over 1 process, and that all three give the same records;
* peak memory (resident set) per process of each configuration, each run
  alone in a fresh process (``--probe``), so that one does not inherit
  another's memory: the process of ``-j 1``, the main process and the workers
  of ``-j 2``, the Dask workers.

Timings alternate between the configurations for ``--rounds`` rounds and the
fastest of each counts (shared machines are noisy). The Dask cluster is started
and its workers load the pipeline before the clock starts; its start-up time is
printed apart.

Usage:
    python benchmarks/scale.py [../shared/eval/polnear/dev.jsonl] [--rounds 2] [--workers 2] [--json OUT]
    python benchmarks/scale.py CORPUS --probe local|dask [-j N]   (one run; prints its peaks as JSON)

Never run as a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path


def peak_mb() -> float:
    """This process's peak resident set, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_mb() -> float:
    """The largest peak resident set of this process's ended children, in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear" / "dev.jsonl"


def probe(corpus: str, engine: str, workers: int) -> None:
    """One extraction in this (fresh) process; print the peaks of its processes as JSON."""
    from quotebank import Extractor
    from quotebank.distributed import TaskSettings, dask_client, dask_results
    from quotebank.models import model_name
    from quotebank.run import iter_corpus

    if engine == "local":
        for _ in iter_corpus([corpus], Extractor(), n_process=workers):
            pass
        print(json.dumps({"main": peak_mb(), "workers": [children_peak_mb()] if workers > 1 else []}))
        return
    with dask_client(None, workers) as client:
        for _ in dask_results([corpus], client, TaskSettings(model=model_name())):
            pass
        print(json.dumps({"main": peak_mb(), "workers": sorted(client.run(peak_mb).values())}))


def probed(corpus: str, engine: str, workers: int) -> dict:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, __file__, corpus, "--probe", engine, "--workers", str(workers)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS), help="a JSONL file of {id, text}")
    parser.add_argument("--rounds", type=int, default=2, help="alternating timing rounds (fastest counts)")
    parser.add_argument("--workers", type=int, default=2, help="processes for -j and Dask workers")
    parser.add_argument("--json", default=None, help="also write the figures to this JSON file")
    parser.add_argument("--probe", choices=["local", "dask"], default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        probe(args.corpus, args.probe, args.workers)
        return

    from quotebank import Extractor
    from quotebank.distributed import TaskSettings, dask_client, dask_results, warm_workers
    from quotebank.models import model_name
    from quotebank.run import iter_corpus

    # Memory first, while this process is small: a child keeps its parent's
    # peak resident set through fork and exec, so later probes would report ours.
    peaks = {f"peak_mb_j{n}": probed(args.corpus, "local", n) for n in sorted({1, args.workers})}
    peaks["peak_mb_dask"] = probed(args.corpus, "dask", args.workers)
    texts = [json.loads(line)["text"] for line in open(args.corpus, encoding="utf-8") if line.strip()]
    words = sum(len(t.split()) for t in texts)
    extractor = Extractor()
    nlp = extractor.nlp
    list(nlp.pipe(texts[:20]))  # warm-up

    # 1. What each component costs, run one after the other on the same texts.
    components: dict[str, float] = {}
    docs = [nlp.make_doc(t) for t in texts]
    t0 = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    components["tokenizer"] = time.perf_counter() - t0
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        components[name] = time.perf_counter() - t0
    del docs

    ours = [name for name in nlp.pipe_names if name.startswith("quotebank")]
    times: dict[str, list[float]] = {"bare": [], "j1": [], f"j{args.workers}": [], "dask": []}
    outputs: dict[str, list] = {}
    t0 = time.perf_counter()
    with dask_client(None, args.workers) as client:
        settings = TaskSettings(model=model_name())
        warm_workers(client, settings)  # every worker loads the pipeline
        startup = time.perf_counter() - t0
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            with nlp.select_pipes(disable=ours):
                for _doc in nlp.pipe(texts, batch_size=32):
                    pass
            times["bare"].append(time.perf_counter() - t0)
            for key, n in (("j1", 1), (f"j{args.workers}", args.workers)):
                t0 = time.perf_counter()
                outputs[key] = list(iter_corpus([args.corpus], extractor, n_process=n))
                times[key].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            outputs["dask"] = list(dask_results([args.corpus], client, settings))
            times["dask"].append(time.perf_counter() - t0)
    best = {k: min(v) for k, v in times.items()}
    same = all(outputs[k] == outputs["j1"] for k in outputs)
    jn = f"j{args.workers}"
    figures = {
        "documents": len(texts), "words": words, "rounds": args.rounds, "workers": args.workers,
        "components_seconds": components,
        "bare_parse_words_per_s": words / best["bare"],
        "quotebank_words_per_s": words / best["j1"],
        "ratio_quotebank_to_bare": best["bare"] / best["j1"],
        "quotebank_own_share_of_parse": (sum(v for k, v in components.items() if k.startswith("quotebank"))
                                         / sum(v for k, v in components.items() if not k.startswith("quotebank"))),
        f"speedup_{jn}": best["j1"] / best[jn],
        "speedup_dask": best["j1"] / best["dask"],
        "dask_startup_seconds": startup,
        "same_records": same,
        **peaks,
        "seconds": times,
    }
    print(f"corpus: {args.corpus} ({len(texts)} documents, {words:,} words); fastest of {args.rounds} rounds\n")
    total = sum(components.values())
    print("| component | seconds | share |\n|---|---|---|")
    for name, sec in components.items():
        print(f"| {name} | {sec:.2f} | {100 * sec / total:.1f}% |")
    print(f"\nquotebank's own components: {100 * figures['quotebank_own_share_of_parse']:.1f}% of the parse\n")
    print("| figure | value |\n|---|---|")
    print(f"| bare spaCy parse, 1 process | {figures['bare_parse_words_per_s']:,.0f} words/s |")
    print(f"| quotebank, 1 process | {figures['quotebank_words_per_s']:,.0f} words/s |")
    print(f"| ratio (quotebank / bare parse) | {figures['ratio_quotebank_to_bare']:.3f} |")
    print(f"| -j {args.workers} speed-up | {figures[f'speedup_{jn}']:.2f}× |")
    print(f"| Dask, {args.workers} local workers, speed-up | {figures['speedup_dask']:.2f}× |")
    print(f"| Dask cluster start-up (workers loading the pipeline) | {startup:.1f} s |")
    print(f"| records identical (-j 1, -j {args.workers}, Dask) | {same} |")
    j1, jw, dk = figures["peak_mb_j1"], figures[f"peak_mb_{jn}"], figures["peak_mb_dask"]
    print(f"| peak memory, -j 1: the process | {j1['main']:,.0f} MB |")
    print(f"| peak memory, -j {args.workers}: main process; largest worker | {jw['main']:,.0f} MB; "
          f"{max(jw['workers']):,.0f} MB |")
    print(f"| peak memory, Dask: client; workers | {dk['main']:,.0f} MB; "
          f"{', '.join(f'{m:,.0f}' for m in dk['workers'])} MB |")
    print("\nseconds per round: " + "; ".join(f"{k} {', '.join(f'{s:.1f}' for s in v)}" for k, v in times.items()))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
