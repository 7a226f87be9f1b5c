"""Calibration as METRICS.md defines it: which records are right, ECE, the reliability table."""

from __future__ import annotations

import pytest

from quotebank.evaluate import calibration, judge, speech_records

TEXT = "Ann Lee said the deal is done. Officials believe prices will rise. Tom Brown said nothing changed."
GOLD = {
    "id": "d",
    "text": TEXT,
    "quotes": [
        {"start": 13, "end": 29, "kind": "indirect", "cue": "said", "speaker_start": 0, "speaker_end": 7},
        {"start": 49, "end": 65, "kind": "indirect", "cue": "believe", "speaker_start": 31, "speaker_end": 40},
        {"start": 82, "end": 97, "kind": "indirect", "cue": "said", "speaker_start": 67, "speaker_end": 76},
    ],
}


def pred(start, end, speaker_start, speaker_end, confidence):
    return {"start": start, "end": end, "speaker_start": speaker_start, "speaker_end": speaker_end,
            "confidence": confidence, "cue_class": "speech", "nested_in": None}


def test_judge_right_wrong_and_unscored():
    preds = [
        pred(13, 29, 0, 7, 0.9),  # matched, right speaker
        pred(49, 65, 31, 40, 0.9),  # matched to a belief: out of the speech scope
        pred(82, 97, 0, 7, 0.9),  # matched, wrong speaker
        pred(0, 7, None, None, 0.2),  # matches nothing
    ]
    assert judge(TEXT, GOLD["quotes"], preds) == [True, None, False, False]


def test_expected_calibration_error_by_bins():
    preds = {"d": [pred(13, 29, 0, 7, 0.95), pred(82, 97, 0, 7, 0.95), pred(0, 7, None, None, 0.05)]}
    cal = calibration([GOLD], preds)
    assert cal["scored"] == 3
    top = cal["bins"][9]
    assert (top["count"], top["confidence"], top["right"]) == (2, pytest.approx(0.95), 0.5)
    # |0.95 − 0.5| for two of three records, |0.05 − 0| for one.
    assert cal["ece"] == pytest.approx(2 / 3 * 0.45 + 1 / 3 * 0.05)


def test_speech_records_keep_speech_that_is_not_nested():
    rows = [{"cue_class": "speech", "nested_in": None}, {"cue_class": "belief", "nested_in": None},
            {"cue_class": "speech", "nested_in": 3}]
    assert speech_records({"d": rows}) == {"d": rows[:1]}
