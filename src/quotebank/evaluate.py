"""Scoring predicted quotes against gold ones (docs/evaluation.md says it in full).

* Quote marks, white space and edge punctuation are trimmed from both spans.
* A prediction matches a gold quote when their shared characters cover at
  least a threshold (0.3, 0.5, 0.8) of the gold span; matching is one-to-one,
  largest overlap first.
* Precision, recall and F1 over matched pairs, recall per gold kind, in two
  scopes: *all* gold quotes, and *speech* (gold cue holds a speech word, see
  `SPEECH_CUE_WORDS`), where a prediction matched to, or overlapping,
  an out-of-scope gold quote counts neither for nor against precision.
* Speaker accuracy over matched pairs whose gold quote has a speaker: *span*
  (the predicted mention overlaps the gold one) and, for gold quotes that
  carry ``speaker_name``, *name* (equal ignoring case, or equal last words,
  after dropping a trailing "Jr."/"Sr."/"II"/"III" and a trailing "poll"/"survey").
* End to end: a prediction is *right* when it is matched and its speaker is
  right (by name on gold that carries names, else by span); precision is
  right / predictions, recall right / gold quotes, F1 2·right / (predictions
  + gold): the share of a dataset's rows that are correct.

Gold is JSONL, one document a line (``{"id", "text", "quotes": […]}``).
Predictions are the same per-document form, or one quote a line with a
``doc_id``.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from quotebank.text import trim

__all__ = [
    "SPEECH_CUE_WORDS",
    "THRESHOLDS",
    "evaluate",
    "format_table",
    "load_gold",
    "load_predictions",
    "in_speech_scope",
    "trim_span",
    "judge",
    "calibration",
    "speech_records",
    "CALIBRATION_BINS",
    "NAME_SUFFIXES",
    "name_words",
    "same_name",
    "names_gold",
]

#: Equal-width confidence bins of the reliability table.
CALIBRATION_BINS = 10

#: The overlap thresholds reported.
THRESHOLDS = (0.3, 0.5, 0.8)
KINDS = ("direct", "indirect", "mixed")

#: Cue words that put a gold quote in the *speech* scope: a gold quote is in
#: it when a word of its cue is one of these. Override with ``evaluate(..., speech_words=…)``.
SPEECH_CUE_WORDS = frozenset(
    """
    according acknowledge acknowledged acknowledges acknowledging add added adding adds
    announce announced announces announcing answer answered answers answering argue argued
    argues arguing ask asked asking asks assert asserted asserting asserts claim claimed
    claiming claims comment commented commenting comments confirm confirmed confirming
    confirms declare declared declares declaring deny denied denies denying emphasize
    emphasized emphasizes emphasizing emphasise emphasised explain explained explaining
    explains insist insisted insisting insists note noted notes noting predict predicted
    predicting predicts promise promised promises promising remark remarked remarking
    remarks repeat repeated repeating repeats replied replies reply replying report
    reported reporting reports respond responded responding responds said say saying says
    state stated states stating statement stress stressed stresses stressing tell telling
    tells told tweet tweeted tweeting tweets urge urged urges urging vow vowed vowing vows
    warn warned warning warns write writes writing wrote written
    """.split()
)

_TRIM = set(string.whitespace) | set(string.punctuation) | set("“”‘’«»„‚‹›…—–\u00a0")


def load_speech_words(path: str | Path) -> frozenset:
    """Read a cue word list: words separated by white space, one cue a line."""
    return frozenset(Path(path).read_text(encoding="utf-8").lower().split())


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past quote marks, white space and punctuation at both edges."""
    return trim(text, start, end, _TRIM.__contains__)


def in_speech_scope(cue: str | None, words: frozenset = SPEECH_CUE_WORDS) -> bool:
    """Whether a gold cue holds a speech word ("has said", "according to", "told")."""
    if not cue:
        return False
    tokens = "".join(c if c.isalpha() else " " for c in cue.lower()).split()
    return any(t in words for t in tokens)


def _read_jsonl(path: str | Path) -> list[tuple[int, dict]]:
    """The rows of a JSONL file with their line numbers.

    Raises:
        ValueError: naming the file and line of a row that is not a JSON object.
    """
    from quotebank.corpus.readers import json_error

    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{lineno}: not JSON: {json_error(err)}") from err
            if not isinstance(row, dict):
                raise ValueError(f"{path}:{lineno}: not a JSON object")
            rows.append((lineno, row))
    return rows


def load_gold(path: str | Path) -> list[dict]:
    """Gold documents: ``[{"id", "text", "quotes"}]``.

    Raises:
        ValueError: for a line that is no gold document (naming the file, the
            line and what it lacks).
    """
    docs = []
    for lineno, row in _read_jsonl(path):
        lacks = [k for k in ("id", "text", "quotes") if k not in row]
        if lacks or not isinstance(row["quotes"], list):
            what = "a list of quotes" if not lacks else ", ".join(f'"{k}"' for k in lacks)
            raise ValueError(f"{path}:{lineno}: not a gold document: it has no {what} (a gold line is "
                             '{"id", "text", "quotes": [{"start", "end", …}]}; see docs/evaluation.md)')
        for quote in row["quotes"]:
            if not (isinstance(quote, dict) and isinstance(quote.get("start"), int)
                    and isinstance(quote.get("end"), int)):
                raise ValueError(f"{path}:{lineno}: not a gold document: a quote without integer "
                                 f'"start" and "end" ({str(quote)[:80]})')
        docs.append(row)
    return docs


def load_predictions(path: str | Path) -> dict[str, list[dict]]:
    """Predicted quotes by doc id, from either per-document or per-quote JSONL.

    Raises:
        ValueError: for a line that is neither a quote record (with
            ``doc_id``, ``start`` and ``end``) nor a document with its quotes.
    """
    by_doc: dict[str, list[dict]] = {}
    for lineno, row in _read_jsonl(path):
        if "quotes" in row and "start" not in row:
            by_doc.setdefault(str(row.get("id", row.get("doc_id"))), []).extend(row["quotes"])
        elif all(k in row for k in ("doc_id", "start", "end")):
            by_doc.setdefault(str(row["doc_id"]), []).append(row)
        else:
            raise ValueError(f"{path}:{lineno}: not quotebank's output: a record needs "
                             '"doc_id", "start" and "end" (the mention level of `quotebank extract`, in JSONL)')
    return by_doc


def _match_predictions(gold_docs: Sequence[dict], predictions: Mapping[str, list[dict]]) -> dict[str, list[dict]]:
    """Map prediction doc ids onto gold ids (exact, else by file stem)."""
    ids = {d["id"] for d in gold_docs}
    out: dict[str, list[dict]] = {}
    for doc_id, quotes in predictions.items():
        key = doc_id if doc_id in ids else Path(doc_id).name
        out.setdefault(key, []).extend(quotes)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _pairs(text: str, gold: list[dict], pred: list[dict], threshold: float) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, pred index), largest overlap first."""
    g_spans = [trim_span(text, q["start"], q["end"]) for q in gold]
    p_spans = [trim_span(text, q["start"], q["end"]) for q in pred]
    scored = []
    for gi, g in enumerate(g_spans):
        glen = g[1] - g[0]
        if glen <= 0:
            continue
        for pi, p in enumerate(p_spans):
            shared = _overlap(g, p)
            if shared and shared / glen >= threshold:
                scored.append((shared / glen, shared, gi, pi))
    scored.sort(key=lambda s: (-s[0], -s[1], s[2], s[3]))
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in scored:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


#: Words dropped from the end of a name before names are compared.
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "poll", "survey"})


def name_words(name: str | None) -> list[str]:
    """A name's words as compared: lower case, without a trailing "Jr."/"Sr."/
    "II"/"III" or "poll"/"survey" ("Harry B. Harris Jr." → harry b. harris)."""
    words = (name or "").strip().lower().split()
    while len(words) > 1 and words[-1].strip(".,") in NAME_SUFFIXES:
        words.pop()
    if words:
        words[-1] = words[-1].rstrip(",")
    return words


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two canonical names count as the same speaker: equal ignoring
    case, or with equal last words (METRICS.md)."""
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    return wa == wb or wa[-1] == wb[-1]


def names_gold(gold_docs: Sequence[dict]) -> bool:
    """Whether gold carries canonical speaker names (then speakers are judged by name)."""
    return any(q.get("speaker_name") for d in gold_docs for q in d.get("quotes", []))


def _speaker_right(g: dict, p: dict, by_name: bool = False) -> bool:
    """The speaker test: the span where gold has one, else the name (the name
    first when ``by_name``); a gold quote without a speaker counts as right."""
    if by_name:
        return same_name(g["speaker_name"], p.get("speaker")) if g.get("speaker_name") else True
    if g.get("speaker_start") is not None:
        return p.get("speaker_start") is not None and _overlap(
            (g["speaker_start"], g["speaker_end"]), (p["speaker_start"], p["speaker_end"])
        ) > 0
    if g.get("speaker_name"):
        return same_name(g["speaker_name"], p.get("speaker"))
    return True


def judge(
    text: str,
    gold: list[dict],
    pred: list[dict],
    threshold: float = 0.5,
    speech_words: frozenset = SPEECH_CUE_WORDS,
    by_name: bool = False,
) -> list[bool | None]:
    """Whether each prediction is right, for calibration.

    Right: matched one-to-one at ``threshold`` to a speech-scope gold quote, with
    the right speaker (by name when ``by_name``). None: not scored (matched
    to, or overlapping, an out-of-scope gold quote). Else wrong.
    """
    scope_of = [in_speech_scope(q.get("cue"), speech_words) for q in gold]
    matched = {pi: gi for gi, pi in _pairs(text, gold, pred, threshold)}
    out_of_scope = [trim_span(text, q["start"], q["end"]) for q, s in zip(gold, scope_of, strict=True) if not s]
    verdicts: list[bool | None] = []
    for pi, p in enumerate(pred):
        gi = matched.get(pi)
        if gi is not None:
            verdicts.append(_speaker_right(gold[gi], p, by_name) if scope_of[gi] else None)
            continue
        span = trim_span(text, p["start"], p["end"])
        verdicts.append(None if any(_overlap(span, o) for o in out_of_scope) else False)
    return verdicts


def speech_records(predictions: Mapping[str, list[dict]]) -> dict[str, list[dict]]:
    """Only the records of speech that are not nested: the scope for gold that annotates speech only (GGT)."""
    return {
        doc_id: [q for q in quotes if q.get("cue_class", "speech") == "speech" and q.get("nested_in") is None]
        for doc_id, quotes in predictions.items()
    }


def calibration(
    gold_docs: Sequence[dict],
    predictions: Mapping[str, list[dict]],
    threshold: float = 0.5,
    speech_words: frozenset = SPEECH_CUE_WORDS,
    bins: int = CALIBRATION_BINS,
) -> dict:
    """Expected calibration error and the reliability table of ``confidence``.

    Returns:
        ``{"ece", "scored", "bins": [{"low", "high", "count", "confidence", "right"}]}``;
        ``confidence`` and ``right`` are the bin's means (None for an empty bin).
    """
    preds = _match_predictions(gold_docs, predictions)
    by_name = names_gold(gold_docs)
    pairs: list[tuple[float, bool]] = []
    for doc in gold_docs:
        pred = preds.get(doc["id"], [])
        verdicts = judge(doc["text"], doc.get("quotes", []), pred, threshold, speech_words, by_name)
        for p, verdict in zip(pred, verdicts, strict=True):
            if verdict is not None:
                pairs.append((float(p.get("confidence", 0.0)), verdict))
    table = []
    ece = 0.0
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        inside = [(c, r) for c, r in pairs if low <= c < high or (k == bins - 1 and c == 1.0)]
        mean_c = sum(c for c, _ in inside) / len(inside) if inside else None
        mean_r = sum(r for _, r in inside) / len(inside) if inside else None
        if inside:
            ece += len(inside) / len(pairs) * abs(mean_c - mean_r)  # type: ignore[operator]
        table.append({"low": low, "high": high, "count": len(inside), "confidence": mean_c, "right": mean_r})
    return {"ece": ece if pairs else None, "scored": len(pairs), "bins": table}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def evaluate(
    gold_docs: Sequence[dict],
    predictions: Mapping[str, list[dict]],
    thresholds: Iterable[float] = THRESHOLDS,
    speech_words: frozenset = SPEECH_CUE_WORDS,
) -> dict[str, dict[str, dict]]:
    """Score predictions against gold.

    Args:
        gold_docs: gold documents (see `load_gold`).
        predictions: predicted quotes by doc id (see `load_predictions`);
            documents without predictions count as predicting nothing.
        thresholds: overlap thresholds.
        speech_words: cue words of the speech scope.

    Returns:
        ``{scope: {str(threshold): scores}}`` for scopes "all" and "speech";
        scores hold precision, recall, f1, tp, fp, gold, recall per kind and
        speaker accuracies (None where nothing was counted).
    """
    preds = _match_predictions(gold_docs, predictions)
    by_name = names_gold(gold_docs)
    result: dict[str, dict[str, dict]] = {"all": {}, "speech": {}}
    for threshold in thresholds:
        counters = {scope: _Counter(by_name) for scope in result}
        for doc in gold_docs:
            text = doc["text"]
            gold = doc.get("quotes", [])
            pred = preds.get(doc["id"], [])
            scope_of = [in_speech_scope(q.get("cue"), speech_words) for q in gold]
            pairs = _pairs(text, gold, pred, threshold)
            matched_g = {gi: pi for gi, pi in pairs}
            matched_p = {pi: gi for gi, pi in pairs}
            out_of_scope = [trim_span(text, q["start"], q["end"]) for q, s in zip(gold, scope_of, strict=True) if not s]
            for scope, c in counters.items():
                for gi, q in enumerate(gold):
                    if scope == "speech" and not scope_of[gi]:
                        continue
                    c.add_gold(q, gi in matched_g)
                    if gi in matched_g:
                        c.add_speaker(q, pred[matched_g[gi]])
                for pi, p in enumerate(pred):
                    if pi in matched_p:
                        if scope == "all" or scope_of[matched_p[pi]]:
                            c.tp += 1
                        continue
                    if scope == "speech":
                        span = trim_span(text, p["start"], p["end"])
                        if any(_overlap(span, o) for o in out_of_scope):
                            continue
                    c.fp += 1
        for scope, c in counters.items():
            result[scope][f"{threshold:g}"] = c.scores()
    return result


class _Counter:
    def __init__(self, by_name: bool = False) -> None:
        self.by_name = by_name
        self.right = 0
        self.tp = self.fp = 0
        self.gold = {k: 0 for k in KINDS}
        self.found = {k: 0 for k in KINDS}
        self.n_gold = self.n_found = 0
        self.span_total = self.span_ok = 0
        self.name_total = self.name_ok = 0
        self.kind_span_total = {k: 0 for k in KINDS}
        self.kind_span_ok = {k: 0 for k in KINDS}

    def add_gold(self, q: dict, found: bool) -> None:
        kind = q.get("kind")
        self.n_gold += 1
        self.n_found += found
        if kind in self.gold:
            self.gold[kind] += 1
            self.found[kind] += found

    def add_speaker(self, g: dict, p: dict) -> None:
        kind = g.get("kind")
        if g.get("speaker_start") is not None:
            ok = p.get("speaker_start") is not None and _overlap(
                (g["speaker_start"], g["speaker_end"]), (p["speaker_start"], p["speaker_end"])
            ) > 0
            self.span_total += 1
            self.span_ok += ok
            if kind in KINDS:
                self.kind_span_total[kind] += 1
                self.kind_span_ok[kind] += ok
        if g.get("speaker_name"):
            self.name_total += 1
            self.name_ok += same_name(g["speaker_name"], p.get("speaker"))
        self.right += _speaker_right(g, p, self.by_name)

    def scores(self) -> dict:
        precision = _ratio(self.tp, self.tp + self.fp) or 0.0
        recall = _ratio(self.n_found, self.n_gold) or 0.0
        e2e_p = _ratio(self.right, self.tp + self.fp) or 0.0
        e2e_r = _ratio(self.right, self.n_gold) or 0.0
        return {
            "precision": precision,
            "recall": recall,
            "f1": _f1(precision, recall),
            "tp": self.tp,
            "fp": self.fp,
            "gold": self.n_gold,
            "found": self.n_found,
            "recall_by_kind": {k: _ratio(self.found[k], self.gold[k]) for k in KINDS},
            "gold_by_kind": dict(self.gold),
            "speaker_span_accuracy": _ratio(self.span_ok, self.span_total),
            "speaker_span_accuracy_by_kind": {
                k: _ratio(self.kind_span_ok[k], self.kind_span_total[k]) for k in KINDS
            },
            "speaker_span_pairs": self.span_total,
            "speaker_name_accuracy": _ratio(self.name_ok, self.name_total),
            "speaker_name_pairs": self.name_total,
            "right": self.right,
            "end_to_end": {"precision": e2e_p, "recall": e2e_r, "f1": _f1(e2e_p, e2e_r)},
        }


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def format_calibration(cal: dict) -> str:
    """The reliability table of `calibration`, in Markdown."""
    lines = [
        f"Expected calibration error (speech scope, 0.5 overlap, {cal['scored']} scored records): {_fmt(cal['ece'])}",
        "",
        "| confidence | records | mean confidence | share right |",
        "|---|---|---|---|",
    ]
    for b in cal["bins"]:
        bounds = f"{b['low']:.1f}–{b['high']:.1f}"
        lines.append(f"| {bounds} | {b['count']} | {_fmt(b['confidence'])} | {_fmt(b['right'])} |")
    return "\n".join(lines)


def format_table(result: dict[str, dict[str, dict]], title: str = "") -> str:
    """A Markdown table of `evaluate`'s result."""
    lines = []
    if title:
        lines.append(f"**{title}**")
        lines.append("")
    lines.append(
        "| scope | overlap | P | R | F1 | R direct | R indirect | R mixed "
        "| spk span | spk span direct | spk name | e2e P | e2e R | e2e F1 | tp | fp | gold |"
    )
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for scope, by_t in result.items():
        for t, s in by_t.items():
            rk, e2e = s["recall_by_kind"], s["end_to_end"]
            lines.append(
                f"| {scope} | {t} | {_fmt(s['precision'])} | {_fmt(s['recall'])} | {_fmt(s['f1'])} | "
                f"{_fmt(rk['direct'])} | {_fmt(rk['indirect'])} | {_fmt(rk['mixed'])} | "
                f"{_fmt(s['speaker_span_accuracy'])} | {_fmt(s['speaker_span_accuracy_by_kind']['direct'])} | "
                f"{_fmt(s['speaker_name_accuracy'])} | {_fmt(e2e['precision'])} | {_fmt(e2e['recall'])} | "
                f"{_fmt(e2e['f1'])} | {s['tp']} | {s['fp']} | {s['gold']} |"
            )
    return "\n".join(lines)
