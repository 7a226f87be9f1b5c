"""The scorer (METRICS.md), on small hand-made gold."""

from __future__ import annotations

import pytest

from quotebank.evaluate import (
    SPEECH_CUE_WORDS,
    calibration,
    evaluate,
    in_speech_scope,
    load_speech_words,
    same_name,
    trim_span,
)
from support import SPEECH_CUES

TEXT = "“We will win,” Lee said. Polls show voters are tired. Kim added that taxes rise."
# spans:  0..14 quote, 15..18 Lee, 19..23 said
GOLD = [{
    "id": "d",
    "text": TEXT,
    "quotes": [
        {"start": 0, "end": 14, "kind": "direct", "cue": "said", "speaker_start": 15, "speaker_end": 18},
        {"start": 36, "end": 52, "kind": "indirect", "cue": "show", "speaker_start": 25, "speaker_end": 30},
        {"start": 59, "end": 79, "kind": "indirect", "cue": "added that", "speaker_start": 54, "speaker_end": 57},
    ],
}]


def q(start, end, s=None, e=None, speaker=None):
    return {"start": start, "end": end, "speaker_start": s, "speaker_end": e, "speaker": speaker}


def test_trim_span_drops_marks_space_and_punctuation():
    assert trim_span(TEXT, 0, 14) == (1, 12)
    assert TEXT[slice(*trim_span(TEXT, 0, 14))] == "We will win"


def test_speech_scope():
    assert in_speech_scope("has said") and in_speech_scope("according to") and in_speech_scope("said:")
    assert not in_speech_scope("show") and not in_speech_scope(":") and not in_speech_scope(None)


def test_perfect_predictions():
    preds = {"d": [q(1, 13, 15, 18), q(36, 52, 25, 30), q(59, 79, 54, 57)]}
    s = evaluate(GOLD, preds)
    assert s["all"]["0.5"]["f1"] == 1.0
    assert s["speech"]["0.5"]["gold"] == 2
    assert s["all"]["0.8"]["speaker_span_accuracy"] == 1.0


def test_thresholds_and_partial_overlap():
    # Covers 10 of the 20 characters of the third gold quote.
    preds = {"d": [q(69, 79)]}
    s = evaluate(GOLD, preds)
    assert s["all"]["0.3"]["tp"] == 1 and s["all"]["0.5"]["tp"] == 1
    assert s["all"]["0.8"]["tp"] == 0 and s["all"]["0.8"]["fp"] == 1


def test_out_of_scope_overlap_is_neutral_in_speech_scope():
    preds = {"d": [q(36, 52), q(40, 45)]}
    s = evaluate(GOLD, preds)["speech"]["0.5"]
    assert (s["tp"], s["fp"]) == (0, 0)
    s_all = evaluate(GOLD, preds)["all"]["0.5"]
    assert (s_all["tp"], s_all["fp"]) == (1, 1)


def test_one_to_one_matching_largest_overlap_first():
    preds = {"d": [q(1, 13), q(1, 10)]}
    s = evaluate(GOLD, preds)["all"]["0.5"]
    assert (s["tp"], s["fp"], s["found"]) == (1, 1, 1)


def test_speaker_span_and_name_accuracy():
    gold = [dict(GOLD[0], quotes=[dict(GOLD[0]["quotes"][0], speaker_name="Ann Lee")])]
    s = evaluate(gold, {"d": [q(1, 13, 20, 23, speaker="Lee")]})["all"]["0.5"]
    assert s["speaker_span_accuracy"] == 0.0
    assert s["speaker_name_accuracy"] == 1.0  # equal last words


def test_recall_by_kind_and_missing_documents():
    s = evaluate(GOLD, {})["all"]["0.5"]
    assert s["recall"] == 0.0 and s["recall_by_kind"]["direct"] == 0.0
    assert s["gold_by_kind"] == {"direct": 1, "indirect": 2, "mixed": 0}


def test_prediction_doc_ids_may_be_paths():
    s = evaluate(GOLD, {"some/folder/d": [q(1, 13)]})["all"]["0.5"]
    assert s["tp"] == 1


def test_speech_words_match_the_shared_list():
    if not SPEECH_CUES.exists():
        pytest.skip("../shared/eval/speech_cues.txt is not beside the project")
    assert load_speech_words(SPEECH_CUES) == SPEECH_CUE_WORDS


@pytest.mark.parametrize(
    ("gold", "predicted", "same"),
    [
        ("Harry B. Harris Jr.", "Harry Harris", True),
        ("Harry Harris", "Harry B. Harris, Jr.", True),
        ("Marquette Law School poll", "Marquette Law School", True),
        ("Quinnipiac poll", "Quinnipiac University", False),
        ("Donald Trump", "donald trump", True),
        ("Donald Trump", "Melania Trump", True),  # equal last words count (METRICS.md)
        ("Donald Trump", "Donald Trump\u200b", False),  # an invisible character is an error
        ("Vladimir Putin", "President Putin", True),
        ("Vladimir Putin", "Putin's spokesman", False),
        ("Washington Post", None, False),
        ("Bob Sr.", "Bob", True),
    ],
)
def test_same_name_applies_the_metrics_rules(gold, predicted, same):
    assert same_name(gold, predicted) is same


def _named_gold():
    named = [dict(GOLD[0]["quotes"][0], speaker_name="Ann Lee"), dict(GOLD[0]["quotes"][2], speaker_name="Kim Ho")]
    return [dict(GOLD[0], quotes=[named[0], GOLD[0]["quotes"][1], named[1]])]


def test_end_to_end_counts_rows_with_quote_and_name_right():
    # Three predictions: one right (quote and name), one with the wrong name, one matching nothing.
    preds = {"d": [q(1, 13, 15, 18, speaker="Ann Lee"), q(59, 79, 54, 57, speaker="Lee"), q(25, 34)]}
    s = evaluate(_named_gold(), preds)["all"]["0.5"]
    assert (s["tp"], s["fp"], s["gold"], s["right"]) == (2, 1, 3, 1)
    e2e = s["end_to_end"]
    assert e2e["precision"] == pytest.approx(1 / 3) and e2e["recall"] == pytest.approx(1 / 3)
    assert e2e["f1"] == pytest.approx(2 * 1 / (3 + 3))


def test_names_decide_on_gold_with_names_and_spans_elsewhere():
    # The mention's span is right but the name is wrong: wrong on a name set, right on a span set.
    preds = {"d": [q(1, 13, 15, 18, speaker="Bo Ng")]}
    assert evaluate(_named_gold(), preds)["all"]["0.5"]["right"] == 0
    assert evaluate(GOLD, preds)["all"]["0.5"]["right"] == 1
    preds["d"][0]["confidence"] = 0.9
    assert calibration(_named_gold(), preds)["bins"][9]["right"] == 0.0
    assert calibration(GOLD, preds)["bins"][9]["right"] == 1.0
