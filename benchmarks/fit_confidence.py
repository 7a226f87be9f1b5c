"""Fit quotebank's confidence model and print how well it is calibrated.

The confidence of a record is the probability that its quote matches a gold
quote (0.5 overlap) and that its speaker is right: its span on PolNeAR dev,
its canonical name on PolNeAR names dev and on GGT dev (speech records that
are not nested, GGT's scope). This script

1. runs quotebank's stages over the three dev sets and collects, for every
   scored record, its features (`quotebank.confidence.features`: what the
   stages know of it) and whether it was right (`quotebank.evaluate.judge`);
2. fits an L2-regularised logistic regression (scikit-learn), each corpus
   weighing the same;
3. prints the expected calibration error (10 bins) per corpus, in sample and
   in 5-fold cross-validation by article (fitted without the article scored,
   in any of the sets: what users will see on new text);
4. with ``--write``, saves the weights where the package reads them
   (``src/quotebank/data/confidence.json``), or with ``--write OUT`` to OUT.

Finding (issue 8): records with the same features are right more often on
PolNeAR (span) than on GGT (name), mostly because GGT leaves unannotated many
attributions PolNeAR marks ("X denied …", "X accused …"); weighing one corpus
more trades one corpus's error for the other's. Issue 19 adds the name set,
so that the confidence is the chance that the quote *and the name* are right,
and the ranking's probability of the chosen antecedent as a feature.

Usage:
    python benchmarks/fit_confidence.py [--write [OUT.json]]

Never run as a test: it prints figures, it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from quotebank import load_pipeline
from quotebank.confidence import MODEL_FILE, features
from quotebank.evaluate import judge, names_gold
from quotebank.pipeline import _record, _worth_nesting, attribute

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
CORPORA = {
    "polnear": EVAL / "polnear" / "dev.jsonl",
    "polnear-names": EVAL / "polnear" / "names-dev.jsonl",
    "ggt": EVAL / "ggt" / "dev.jsonl",
}
#: Where the package reads the model from.
SHIPPED = ROOT / "src" / "quotebank" / MODEL_FILE
#: L2 penalty on the weights (not on the bias), as 1 / scikit-learn's C.
#: Chosen by 5-fold ECE on the three corpora among 0.3, 1, 3 and 10.
L2 = 1.0
BINS = 10
FOLDS = 5


def collect(nlp, name: str, path: Path) -> list[tuple[list[str], bool, str]]:
    """``(features, right, doc_id)`` of every scored record of one corpus."""
    gold = [json.loads(line) for line in path.open(encoding="utf-8")]
    by_name = names_gold(gold)
    component = nlp.get_pipe("quotebank")
    rows = []
    with nlp.select_pipes(disable=["quotebank"]):
        docs = nlp.pipe(d["text"] for d in gold)
        for g, doc in zip(gold, docs, strict=True):
            text = g["text"]
            atts = attribute(doc, component._parse, component.coref_prefix, text)
            kept = [a for a in atts if a.outer is None or _worth_nesting(doc, a, atts[a.outer])]
            if name == "ggt":  # GGT annotates speech only
                kept = [a for a in kept if a.candidate.cue_class == "speech" and a.outer is None]
            records = [_record(doc, text, a, atts, g["id"]).to_dict() for a in kept]
            for att, verdict in zip(kept, judge(text, g.get("quotes", []), records, by_name=by_name), strict=True):
                if verdict is not None:
                    rows.append((features(doc, att), verdict, g["id"]))
    return rows


def fit(x, y: np.ndarray, w: np.ndarray, l2: float = L2) -> LogisticRegression:
    """Weighted, L2-regularised logistic regression (the bias is not penalised)."""
    model = LogisticRegression(C=1.0 / l2, max_iter=5000)
    model.fit(x, y, sample_weight=w)
    return model


def ece(p: np.ndarray, y: np.ndarray, bins: int = BINS) -> float:
    """Expected calibration error over equal-width bins (METRICS.md)."""
    idx = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for k in range(bins):
        inside = idx == k
        if inside.any():
            total += inside.sum() / len(p) * abs(p[inside].mean() - y[inside].mean())
    return float(total)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", nargs="?", const=str(SHIPPED), default=None,
                        help=f"save the weights to this JSON file (default: the shipped model, {MODEL_FILE})")
    args = parser.parse_args()
    nlp = load_pipeline()
    rows = []
    for name, path in CORPORA.items():
        rows += [(f, r, d, name) for f, r, d in collect(nlp, name, path)]
    vec = DictVectorizer()
    x = vec.fit_transform([dict.fromkeys(feats, 1) for feats, *_ in rows])
    y = np.array([float(r) for _, r, _, _ in rows])
    corpus = np.array([c for *_, c in rows])
    # Each corpus weighs the same in the fit, whatever its size.
    w = np.array([len(rows) / (len(CORPORA) * (corpus == c).sum()) for c in corpus])
    model = fit(x, y, w)
    p = model.predict_proba(x)[:, 1]
    # Cross-validation: folds of whole articles (an article of PolNeAR dev and
    # of its names set falls in the same fold).
    docs = sorted({d for *_, d, _ in rows})
    fold_of = {doc: k % FOLDS for k, doc in enumerate(docs)}
    folds = np.array([fold_of[d] for *_, d, _ in rows])
    p_cv = np.zeros(len(rows))
    for k in range(FOLDS):
        test = folds == k
        p_cv[test] = fit(x[~test], y[~test], w[~test]).predict_proba(x[test])[:, 1]
    print("| corpus | scored records | share right | ECE in sample | ECE 5-fold by article |")
    print("|---|---|---|---|---|")
    for c in CORPORA:
        m = corpus == c
        print(f"| {c} dev | {m.sum()} | {y[m].mean():.3f} | {ece(p[m], y[m]):.3f} | {ece(p_cv[m], y[m]):.3f} |")
    weights = {"bias": round(float(model.intercept_[0]), 4)}
    weights.update({n: round(float(b), 4) for n, b in zip(vec.feature_names_, model.coef_[0], strict=True)})
    if args.write:
        payload = {
            "about": "quotebank's confidence model: logistic regression over quotebank.confidence.features; "
                     "fitted by benchmarks/fit_confidence.py on PolNeAR dev (span), PolNeAR names dev and GGT dev "
                     "(names), each weighing the same",
            "l2": L2,
            "weights": dict(sorted(weights.items())),
        }
        Path(args.write).write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"written: {args.write}")


if __name__ == "__main__":
    main()
