"""The one-way flow for one Doc: marks → candidates → mentions → speakers → records."""

from __future__ import annotations

from typing import List

from spacy.tokens import Doc

from quotebank.detect import direct_quotes
from quotebank.marks import paragraph_bounds, scan_quotes
from quotebank.records import Quote
from quotebank.speakers import mention_for_candidates, resolve_mentions

__all__ = ["find_quotes"]

# Confidence of an attribution by how its mention was found.
_METHOD_CONFIDENCE = {
    "subject": 0.9,
    "relative": 0.85,
    "inverted": 0.85,
    "according": 0.85,
    "agent": 0.85,
    "floating": 0.65,
}


def find_quotes(doc: Doc, doc_id: str = "") -> List[Quote]:
    """Find the quotes of a parsed Doc and their speakers.

    Args:
        doc: a Doc parsed by a pipeline with a tagger, parser and NER.
        doc_id: the id written into each record.

    Returns:
        The quote records, in text order.
    """
    text = doc.text
    para_starts = [start for start, _ in paragraph_bounds(text)]
    candidates = direct_quotes(doc, scan_quotes(text), para_starts)
    mentions = mention_for_candidates(doc, candidates, para_starts)
    speakers = resolve_mentions(doc, mentions, [c.quote_tokens for c in candidates])
    records: List[Quote] = []
    for cand, mention, who in zip(candidates, mentions, speakers):
        cue_start = cue_end = None
        cue = None
        if cand.cue is not None:
            cue_start = doc[cand.cue].idx
            last = doc[cand.cue_end - 1]
            cue_end = last.idx + len(last)
            cue = text[cue_start:cue_end]
        fields = {}
        if mention is not None:
            s = doc[mention.start].idx
            last = doc[mention.end - 1]
            e = last.idx + len(last)
            fields = dict(speaker_mention=text[s:e], speaker_start=s, speaker_end=e)
            method = mention.method
            confidence = _METHOD_CONFIDENCE.get(method, 0.5) * (0.5 + 0.5 * who.confidence)
        else:
            method = "none"
            confidence = 0.3 if cand.cue is not None else 0.2
        records.append(
            Quote(
                doc_id=doc_id, start=cand.start, end=cand.end, text=text[cand.start:cand.end],
                kind=cand.kind, cue=cue, cue_start=cue_start, cue_end=cue_end,
                speaker=who.name if mention is not None else None,
                speaker_type=who.type if mention is not None else "unknown",
                confidence=round(confidence, 3), group=cand.group, method=method, **fields,
            )
        )
    return records
