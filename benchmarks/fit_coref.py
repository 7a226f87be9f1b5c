"""Fit the ranking that binds pronouns and descriptions to the article's entities.

For every quote whose gold speaker carries a canonical name (PolNeAR names dev,
GGT dev), this script

1. runs quotebank's stages with the hand-written rules alone and records, for
   each pronoun or description mention (`quotebank.speakers.coref.mention_kind`),
   its candidate entities with their features
   (`quotebank.speakers.coref.antecedents`), whether each candidate is the gold
   speaker (`quotebank.evaluate.same_name`), and whether the unnamed
   description and the hand rules' answer would be right;
2. for each kind of mention, fits a logistic regression over the candidates
   (scikit-learn), and chooses its L2 strength and the probability the best
   candidate must reach by 5-fold cross-validation by article, both corpora
   weighing the same;
3. prints, per kind and corpus, how often the mention is named right by the
   hand rules and by the ranking in the held-out folds (what new text should
   see), and in sample;
4. with ``--write``, saves the weights and thresholds where the package reads
   them (``src/quotebank/data/coref.json``), or with ``--write OUT`` to OUT.

Usage:
    pip install ".[test]"   # scikit-learn comes with textacy
    python benchmarks/fit_coref.py [--write [OUT.json]]

Never run as a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from quotebank import load_pipeline
from quotebank.evaluate import _pairs, same_name
from quotebank.pipeline import _record, attribute
from quotebank.speakers.base import Mention, Speaker
from quotebank.speakers.coref import MENTION_KINDS, MODEL_FILE, Antecedent, Ranker

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
CORPORA = {"polnear": EVAL / "polnear" / "names-dev.jsonl", "ggt": EVAL / "ggt" / "dev.jsonl"}
SHIPPED = ROOT / "src" / "quotebank" / MODEL_FILE
FOLDS = 5
#: The inverse L2 strengths tried.
CS = (0.1, 0.3, 1.0, 3.0)
#: The thresholds tried for the best candidate's probability.
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(0, 19))


class Recorder(Ranker):
    """A ranker that keeps the hand rules' answer and records what it was shown."""

    def __init__(self) -> None:
        super().__init__({}, {})
        self.seen: dict[int, tuple[str, Sequence[Antecedent], Speaker, Speaker]] = {}

    def resolve(self, kind, candidates, cascade, unnamed, mention: Mention | None = None) -> Speaker:
        if mention is not None:
            self.seen[mention.head] = (kind, tuple(candidates), cascade, unnamed)
        return cascade


def collect(nlp, corpus: str, path: Path) -> list[dict]:
    """One example per mention that a matched gold quote names: its candidates and labels."""
    gold_docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    component = nlp.get_pipe("quotebank")
    examples = []
    with nlp.select_pipes(disable=["quotebank"]):
        for g, doc in zip(gold_docs, nlp.pipe(d["text"] for d in gold_docs), strict=True):
            recorder = Recorder()
            atts = attribute(doc, component._parse, component.coref_prefix, g["text"], recorder)
            records = [_record(doc, g["text"], a, atts, g["id"]).to_dict() for a in atts]
            done = set()
            for gi, pi in _pairs(g["text"], g["quotes"], records, 0.5):
                name = g["quotes"][gi].get("speaker_name")
                mention = atts[pi].mention
                if not name or mention is None or mention.head not in recorder.seen or mention.head in done:
                    continue
                done.add(mention.head)
                kind, cands, cascade, unnamed = recorder.seen[mention.head]
                examples.append({
                    "corpus": corpus, "doc": f"{corpus}:{g['id']}", "kind": kind,
                    "features": [dict.fromkeys(c.features, 1) for c in cands],
                    "labels": [same_name(name, c.entity.name) for c in cands],
                    "cascade": same_name(name, cascade.name),
                    "unnamed": same_name(name, unnamed.name),
                })
    return examples


def decide(example: dict, probs: np.ndarray, threshold: float) -> bool:
    """Whether the ranking names the mention right at ``threshold``."""
    if len(probs) == 0:
        return example["cascade"]
    best = int(np.flatnonzero(probs == probs.max())[-1])  # the last mentioned wins a tie, as Ranker.choose
    if probs[best] >= threshold:
        return example["labels"][best]
    return example["unnamed"] if example["kind"] == "description" else False


def fit(examples: list[dict], c: float) -> tuple[DictVectorizer, LogisticRegression] | None:
    rows = [f for e in examples for f in e["features"]]
    labels = [lab for e in examples for lab in e["labels"]]
    if not rows or len(set(labels)) < 2:
        return None
    weights = []
    for e in examples:  # each corpus weighs the same, whatever its size
        weights += [e["weight"]] * len(e["features"])
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, labels, sample_weight=weights)
    return vec, model


def predict(fitted, example: dict) -> np.ndarray:
    if fitted is None or not example["features"]:
        return np.zeros(len(example["features"]))
    vec, model = fitted
    return model.predict_proba(vec.transform(example["features"]))[:, 1]


def cross_validate(examples: list[dict], c: float) -> list[np.ndarray]:
    """Each example's candidate probabilities from a model fitted without its article's fold."""
    docs = sorted({e["doc"] for e in examples})
    fold_of = {d: k % FOLDS for k, d in enumerate(docs)}
    out: list[np.ndarray] = [np.zeros(0)] * len(examples)
    for k in range(FOLDS):
        train = [e for e in examples if fold_of[e["doc"]] != k]
        fitted = fit(train, c)
        for i, e in enumerate(examples):
            if fold_of[e["doc"]] == k:
                out[i] = predict(fitted, e)
    return out


def accuracy(examples: list[dict], probs: list[np.ndarray], threshold: float) -> dict[str, float]:
    """Share named right per corpus."""
    out = {}
    for corpus in CORPORA:
        idx = [i for i, e in enumerate(examples) if e["corpus"] == corpus]
        out[corpus] = float(np.mean([decide(examples[i], probs[i], threshold) for i in idx])) if idx else float("nan")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", nargs="?", const=str(SHIPPED), default=None,
                        help=f"save the model to this JSON file (default: the shipped one, {MODEL_FILE})")
    args = parser.parse_args()
    nlp = load_pipeline()
    examples = []
    for corpus, path in CORPORA.items():
        examples += collect(nlp, corpus, path)
    for corpus in CORPORA:
        mine = [e for e in examples if e["corpus"] == corpus]
        for e in mine:
            e["weight"] = len(examples) / (len(CORPORA) * len(mine))
    weights: dict[str, dict[str, float]] = {}
    thresholds: dict[str, float] = {}
    report = []
    print("| mention | corpus | mentions | gold among candidates | hand rules | ranking, 5-fold by article "
          "| in sample |")
    print("|---|---|---|---|---|---|---|")
    for kind in MENTION_KINDS:
        mine = [e for e in examples if e["kind"] == kind]
        best = None
        for c in CS:
            probs = cross_validate(mine, c)
            for t in THRESHOLDS:
                acc = accuracy(mine, probs, t)
                score = float(np.nanmean(list(acc.values())))
                if best is None or score > best[0] + 1e-9:
                    best = (score, c, t, acc)
        assert best is not None
        _, c, t, cv = best
        fitted = fit(mine, c)
        in_sample = accuracy(mine, [predict(fitted, e) for e in mine], t)
        for corpus in CORPORA:
            sub = [e for e in mine if e["corpus"] == corpus]
            reach = np.mean([any(e["labels"]) for e in sub]) if sub else float("nan")
            hand = np.mean([e["cascade"] for e in sub]) if sub else float("nan")
            line = (f"| {kind} | {corpus} | {len(sub)} | {reach:.3f} | {hand:.3f} | {cv[corpus]:.3f} | "
                    f"{in_sample[corpus]:.3f} |")
            print(line)
            report.append(line)
        print(f"|   (chosen: C={c}, threshold={t}) | | | | | | |")
        if fitted is not None:
            vec, model = fitted
            w = {"bias": round(float(model.intercept_[0]), 4)}
            w.update({name: round(float(v), 4) for name, v in zip(vec.feature_names_, model.coef_[0], strict=True)})
            weights[kind] = dict(sorted(w.items()))
            thresholds[kind] = t
    if args.write:
        payload = {
            "about": "quotebank's coreference ranking: a logistic regression per mention kind over "
                     "quotebank.speakers.coref.antecedents features; fitted by benchmarks/fit_coref.py on "
                     "PolNeAR names dev and GGT dev, each weighing the same",
            "thresholds": thresholds,
            "weights": weights,
        }
        Path(args.write).write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"written: {args.write}")


if __name__ == "__main__":
    main()
