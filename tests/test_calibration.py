"""Calibration as METRICS.md defines it: which records are right, ECE, the reliability table."""

from __future__ import annotations

import math

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


# The confidence model (quotebank.confidence): its features, its arithmetic, the shipped weights.


def _attributions(nlp, text):
    from quotebank.pipeline import attribute

    component = nlp.get_pipe("quotebank")
    with nlp.select_pipes(disable=["quotebank"]):
        doc = nlp(text)
    return doc, attribute(doc, component._parse, component.coref_prefix, text)


@pytest.mark.parametrize(
    "text, present, absent",
    [
        ("“We will win the vote,” Ann Lee said.",
         {"kind=direct", "method=subject", "named", "lemma=say", "cue=say", "dist=0", "len=s"},
         {"pronoun", "nested", "no_speaker"}),
        ("Ann Lee spoke first. “We will win the vote,” she said.",
         {"pronoun", "method=subject", "named", "dist=near", "dist=near&pron=True"}, {"dist=0"}),
        ("Officials denied supplying weapons to the rebels in the north of the country.",
         {"kind=indirect", "how=reported", "described", "lemma=deny", "cue=other"}, {"named"}),
        ("The flag read “Closed for the season and for the rest of the winter”.", {"lemma=other"}, {"lemma=say"}),
    ],
)
def test_confidence_features(nlp, text, present, absent):
    from quotebank.confidence import features

    doc, atts = _attributions(nlp, text)
    names = set(features(doc, atts[-1]))
    assert present <= names and not absent & names, sorted(names)


def test_nested_attribution_is_a_feature(nlp):
    from quotebank.confidence import features

    doc, atts = _attributions(nlp, "“Velayati stressed the need to stop the killing,” the report said.")
    inner = [a for a in atts if a.outer is not None]
    assert inner and "nested" in features(doc, inner[0])


def test_probability_is_the_logistic_of_the_summed_weights():
    from quotebank.confidence import probability

    weights = {"bias": -1.0, "a": 2.0, "b": 0.5}
    assert probability([], weights) == pytest.approx(1 / (1 + math.exp(1.0)))
    assert probability(["a", "b"], weights) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert probability(["a", "unknown"], weights) == probability(["a"], weights)  # unknown features weigh nothing


def test_shipped_weights_are_finite_and_name_real_features():
    from quotebank.confidence import load_weights

    weights = load_weights()
    assert "bias" in weights and all(math.isfinite(v) for v in weights.values())
    prefixes = ("kind=", "how=", "cue_class=", "method=", "resolution=", "cue=", "type=", "lemma=", "len=", "dist=",
                "pronoun=", "named", "described", "no_speaker", "nested", "pronoun", "in_group", "bias")
    assert all(name.startswith(prefixes) for name in weights), [n for n in weights if not n.startswith(prefixes)]


@pytest.mark.parametrize(
    "text, low, high",
    [
        # A named speaker saying a direct quote: what both yardsticks almost always agree on.
        ("“We will win the vote in the spring,” Ann Lee said.", 0.9, 1.0),
        # A quote with no cue and no speaker: almost never right.
        ("The motto was “A spirit that will not die” for years.", 0.0, 0.1),
    ],
)
def test_confidence_ranks_sure_and_unsure_records(quotes_of, text, low, high):
    q = [q for q in quotes_of(text) if q.kind == "direct"][0]
    assert low <= q.confidence <= high
