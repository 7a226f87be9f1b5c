"""The yardstick: PolNeAR dev (../shared/eval), skipped when it is absent.

Thresholds are the issues' targets: speech scope, 0.5 overlap.
"""

from __future__ import annotations

import json

import pytest

from quotebank.evaluate import evaluate
from support import POLNEAR_DEV

pytestmark = pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="PolNeAR dev is not beside the project")


@pytest.fixture(scope="module")
def gold():
    return [json.loads(line) for line in POLNEAR_DEV.open(encoding="utf-8")]


@pytest.fixture(scope="module")
def predictions(extractor, gold):
    texts = {d["id"]: d["text"] for d in gold}
    preds = {}
    for doc_id, quotes in extractor.extract_many((d["id"], d["text"]) for d in gold):
        for q in quotes:
            assert texts[doc_id][q.start:q.end] == q.text
            if q.speaker_start is not None:
                assert texts[doc_id][q.speaker_start:q.speaker_end] == q.speaker_mention
        preds[doc_id] = [q.to_dict() for q in quotes]
    return preds


@pytest.fixture(scope="module")
def speech(gold, predictions):
    return evaluate(gold, predictions)["speech"]["0.5"]


def test_direct_quotes(speech):
    assert speech["recall_by_kind"]["direct"] >= 0.90
    assert speech["speaker_span_accuracy_by_kind"]["direct"] >= 0.95


def test_direct_quote_precision(gold, predictions):
    direct_only = {k: [q for q in v if q["kind"] == "direct"] for k, v in predictions.items()}
    assert evaluate(gold, direct_only)["speech"]["0.5"]["precision"] >= 0.85


def test_reported_speech(speech):
    assert speech["f1"] >= 0.75
    assert speech["precision"] >= 0.80
    assert speech["recall_by_kind"]["indirect"] >= 0.65
    assert speech["recall_by_kind"]["mixed"] >= 0.80


def test_all_attributions(gold, predictions):
    assert evaluate(gold, predictions)["all"]["0.5"]["f1"] >= 0.55
