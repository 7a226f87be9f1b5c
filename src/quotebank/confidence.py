"""Confidence: the chance that a record is right, from what the stages know of it.

A record is *right* when its quote matches a gold quote (0.5 overlap) and its
speaker is right: the speaker's span on PolNeAR, the canonical name on the
Gender Gap Tracker's articles. The confidence is a logistic regression over
binary features of the record (`features`): how its speaker was found
(method, resolution path, pronoun or name or description), its kind and cue
(class, the common cue words), its length and how far back the speaker's name
stands. The weights ship with the package (``data/confidence.json``); they are
fitted on both dev sets, each weighing the same, by
``benchmarks/fit_confidence.py``, which also prints the calibration error in
cross-validation by article (what new text should see).

Examples:
    >>> weights = load_weights()
    >>> 0.0 < probability(["kind=direct", "method=subject"], weights) < 1.0
    True
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Mapping
from importlib import resources

from spacy.tokens import Doc

from quotebank.speakers.base import Attribution

__all__ = ["features", "probability", "load_weights", "record_confidence", "MODEL_FILE"]

#: The model's file inside the package.
MODEL_FILE = "data/confidence.json"
#: Cue lemmas that are features of their own; the others are "other".
COMMON_CUES = frozenset(
    "say tell add accord write ask announce claim deny argue note explain state insist warn describe call "
    "report suggest confirm stress urge emphasize emphasise promise vow remark reply respond tweet repeat "
    "comment declare acknowledge assert answer predict".split()
)
#: The quote's length in tokens: short up to the first bound, medium up to the second.
SHORT_QUOTE_TOKENS = 8
MEDIUM_QUOTE_TOKENS = 25
#: How far back (tokens) the speaker's name is looked for from the mention, and
#: the bounds of "near" and "mid".
NAME_LOOKBACK_TOKENS = 250
NEAR_NAME_TOKENS = 60
#: Decimals kept in ``Quote.confidence``.
CONFIDENCE_DECIMALS = 3


def features(doc: Doc, att: Attribution) -> list[str]:
    """The names of the features an attribution has (each counts 1).

    Args:
        doc: the parsed document.
        att: the attribution, with its speaker resolved (and ``outer`` set
            for a nested one).

    Returns:
        Feature names such as ``"method=subject"`` or ``"pronoun"``, in a fixed order.
    """
    cand, mention, speaker = att.candidate, att.mention, att.speaker
    method = f"method={mention.method if mention is not None else 'none'}"
    resolution = f"resolution={speaker.path.value}"
    out = [f"kind={cand.kind}", f"how={cand.how}", f"cue_class={cand.cue_class}", method, resolution]
    if att.outer is not None:
        out.append("nested")
    # Whether the speaker is a name, a description or missing changes what
    # the other features say, so it is crossed with them.
    state = "no_speaker" if speaker.name is None else ("named" if speaker.named else "described")
    pronoun = mention is not None and doc[mention.head].pos_ == "PRON"
    out += [state, f"{method}&{state}", f"{resolution}&{state}", f"pronoun={pronoun}&{state}",
            f"kind={cand.kind}&{state}"]
    if pronoun:
        out.append("pronoun")
    if cand.group_start is not None:
        out.append("in_group")
    cue = doc[cand.cue].lemma_.lower() if cand.cue is not None else "none"
    common = "say" if cue in ("say", "tell", "add") else "according" if cue == "accord" else "other"
    out += [f"cue={common}", f"cue={common}&kind={cand.kind}", f"type={speaker.type}"]
    out.append(f"lemma={cue if cue in COMMON_CUES else 'other'}")
    length = cand.quote_tokens[1] - cand.quote_tokens[0]
    out.append("len=" + ("s" if length <= SHORT_QUOTE_TOKENS else "m" if length <= MEDIUM_QUOTE_TOKENS else "l"))
    if mention is not None and speaker.name:
        distance = _name_distance(doc, mention.head, str(speaker.name).split()[-1].lower())
        out += [f"dist={distance}", f"dist={distance}&pron={pronoun}"]
    return out


def _name_distance(doc: Doc, head: int, last_word: str) -> str:
    """How far back from token ``head`` the speaker's last name stands: "0" (the
    mention is the name), "near", "mid" or "none" (not within the look-back)."""
    for i in range(head, max(-1, head - NAME_LOOKBACK_TOKENS), -1):
        if doc[i].lower_ == last_word:
            distance = head - i
            return "0" if distance == 0 else "near" if distance < NEAR_NAME_TOKENS else "mid"
    return "none"


@functools.cache
def load_weights() -> Mapping[str, float]:
    """The shipped model's weights by feature name ("bias" included)."""
    text = resources.files("quotebank").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return dict(json.loads(text)["weights"])


def probability(names: Iterable[str], weights: Mapping[str, float]) -> float:
    """The logistic model's probability for a record with these features
    (features the model does not know weigh nothing)."""
    z = weights.get("bias", 0.0) + sum(weights.get(n, 0.0) for n in names)
    return 1.0 / (1.0 + math.exp(-z))


def record_confidence(doc: Doc, att: Attribution) -> float:
    """The shipped model's confidence for an attribution, rounded to `CONFIDENCE_DECIMALS`."""
    return round(probability(features(doc, att), load_weights()), CONFIDENCE_DECIMALS)
