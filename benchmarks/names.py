"""Name accuracy by what the gold speaker span is: a name, a pronoun, a description
of an entity the article names, or an entity never named.

Reads a gold file with canonical names (PolNeAR names dev: ``speaker``,
``speaker_name``, ``speaker_named``) and quotebank's predictions for it, matches
quotes at 0.5 overlap (every attribution kind, as `quotebank.evaluate` does), and
prints, per kind of gold span, how many matched quotes carry a name and the share
whose predicted `speaker` is right (`quotebank.evaluate.same_name`). With
``--errors FILE``, writes the wrong ones, a line each, for reading.

The kinds, from the gold alone:

* *pronoun*: the span is a pronoun ("he", "they", "who");
* *never named*: ``speaker_named`` is false ("officials", "those surveyed");
* *name*: the span holds the last word of the canonical name ("Sen. Cruz");
* *description*: any other span of a named entity ("the newspaper", "the candidate").

Usage:
    quotebank extract ../shared/eval/polnear/dev.jsonl -o pred.jsonl -q -j 2
    python benchmarks/names.py ../shared/eval/polnear/names-dev.jsonl pred.jsonl [--errors errors.txt]

Never run as a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from quotebank.evaluate import _match_predictions, _pairs, load_gold, load_predictions, same_name

PRONOUNS = frozenset("he she him her they them it i we you who which that".split())
KINDS = ("name", "pronoun", "description", "never named")


def kind_of(quote: dict) -> str:
    """What a gold speaker span is (see the module's doc)."""
    span = (quote.get("speaker") or "").strip().lower()
    if span in PRONOUNS:
        return "pronoun"
    if not quote.get("speaker_named"):
        return "never named"
    words = [w for w in quote["speaker_name"].lower().replace(" and ", " ").split() if len(w) > 2]
    return "name" if words and words[-1] in span else "description"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold")
    parser.add_argument("predictions")
    parser.add_argument("--errors", help="write the wrongly named quotes here")
    args = parser.parse_args()
    gold = load_gold(args.gold)
    preds = _match_predictions(gold, load_predictions(args.predictions))
    total, right = Counter(), Counter()
    errors = []
    for doc in gold:
        pred = preds.get(doc["id"], [])
        for gi, pi in _pairs(doc["text"], doc["quotes"], pred, 0.5):
            g, p = doc["quotes"][gi], pred[pi]
            if not g.get("speaker_name"):
                continue
            kind = kind_of(g)
            ok = same_name(g["speaker_name"], p.get("speaker"))
            total[kind] += 1
            right[kind] += ok
            if not ok:
                errors.append(f"{kind} | {doc['id']} | {g['speaker']} | {g['speaker_name']} | "
                              f"{p.get('speaker_mention')} | {p.get('speaker')} | {p.get('method')}")
    print("| the gold speaker span is | matched | name right |")
    print("|---|---|---|")
    for kind in KINDS:
        share = right[kind] / total[kind] if total[kind] else float("nan")
        print(f"| {kind} | {total[kind]} | {share:.3f} |")
    n = sum(total.values())
    print(f"| every kind | {n} | {sum(right.values()) / n:.3f} |" if n else "| every kind | 0 | - |")
    if args.errors:
        Path(args.errors).write_text("\n".join(sorted(errors)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
