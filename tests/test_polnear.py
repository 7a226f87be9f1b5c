"""The yardstick: PolNeAR dev (../shared/eval), skipped when it is absent.

The thresholds are the foundation issue's targets (speech scope, 0.5 overlap).
"""

from __future__ import annotations

import json

import pytest

from quotebank.evaluate import evaluate
from tests_paths import POLNEAR_DEV

pytestmark = pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="PolNeAR dev is not beside the project")


@pytest.fixture(scope="module")
def scores(extractor):
    gold = [json.loads(line) for line in POLNEAR_DEV.open(encoding="utf-8")]
    preds = {}
    for doc_id, quotes in extractor.extract_many(((d["id"], d["text"]) for d in gold), batch_size=32):
        for q in quotes:
            assert gold_text[doc_id][q.start:q.end] == q.text
        preds[doc_id] = [q.to_dict() for q in quotes]
    return evaluate(gold, preds)


gold_text = {}
if POLNEAR_DEV.exists():
    gold_text = {json.loads(line)["id"]: json.loads(line)["text"] for line in POLNEAR_DEV.open(encoding="utf-8")}


def test_direct_quote_recall(scores):
    assert scores["speech"]["0.5"]["recall_by_kind"]["direct"] >= 0.90


def test_direct_speaker_span_accuracy(scores):
    assert scores["speech"]["0.5"]["speaker_span_accuracy_by_kind"]["direct"] >= 0.95


def test_precision_of_everything_predicted(scores):
    assert scores["speech"]["0.5"]["precision"] >= 0.85
