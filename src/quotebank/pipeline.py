"""The one-way flow for one Doc: marks → candidates → mentions → speakers → records."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import attrs
from spacy.tokens import Doc

from quotebank.detect import Candidate, direct_quotes, quote_owner, reported_quotes
from quotebank.detect.base import TokenIndex
from quotebank.detect.headline import parse_lines
from quotebank.marks import paragraph_bounds, scan_quotes
from quotebank.records import Quote
from quotebank.speakers import Mention, mention_for_candidates, resolve_mentions
from quotebank.speakers.registry import speaker_id

__all__ = ["find_quotes", "merge_candidates"]

# Confidence of an attribution by how its mention was found.
_METHOD_CONFIDENCE = {
    "subject": 0.9,
    "relative": 0.85,
    "inverted": 0.85,
    "according": 0.85,
    "agent": 0.85,
    "floating": 0.65,
}
#: How much of a reported candidate a direct quote may cover before the
#: reported one is taken for a copy of it.
_DUPLICATE_SHARE = 0.5


def merge_candidates(direct: List[Candidate], reported: List[Candidate]) -> List[Candidate]:
    """All candidates in text order, reported copies of direct quotes dropped,
    and nested attributions linked to the quote holding them.

    Args:
        direct: candidates from the direct detector.
        reported: candidates from the reported-speech detector.

    Returns:
        The merged candidates, sorted by start; ``nested_in`` holds the index
        (in the returned list) of the innermost candidate whose content holds
        a candidate and its cue.
    """
    kept = list(direct)
    for r in reported:
        length = r.end - r.start
        copy = False
        for d in direct:
            shared = min(d.end, r.end) - max(d.start, r.start)
            inside = d.quote_tokens[0] <= r.cue < d.quote_tokens[1]
            if shared > _DUPLICATE_SHARE * length and not inside:
                copy = True
                break
        if not copy:
            kept.append(r)
    kept.sort(key=lambda c: (c.start, -c.end))
    _link_nested(kept)
    return kept


def _link_nested(kept: List[Candidate]) -> None:
    """Set ``nested_in`` to the index of the innermost candidate whose content
    holds a candidate and its cue."""
    for k, c in enumerate(kept):
        best = None
        for j, o in enumerate(kept):
            if j == k or c.cue is None:
                continue
            olo, ohi = o.quote_tokens
            if olo <= c.cue < ohi and olo <= c.quote_tokens[0] and c.quote_tokens[1] <= ohi:
                if best is None or (ohi - olo) < (kept[best].quote_tokens[1] - kept[best].quote_tokens[0]):
                    best = j
        c.nested_in = best


def _worth_nesting(doc: Doc, mention, who, outer) -> bool:
    """A nested attribution is kept when it names a third party: a name or a
    noun phrase that is not the outer quote's speaker ("“Velayati stressed …,”
    the report said"), not "I think" inside a quote or "he said he hoped"."""
    if mention is None:
        return False
    head = doc[mention.head]
    if head.pos_ == "PRON" or head.lower_ in ("who", "that", "which"):
        return False
    return who.name is None or who.name != outer.name


def detect(
    doc: Doc, para_starts: Sequence[int], text: Optional[str] = None
) -> Tuple[List[Candidate], List[Optional[Mention]]]:
    """Candidates of every detector for one Doc, merged, with their mentions.

    ``text`` is ``doc.text`` when the caller has it (spaCy rebuilds it on each access).
    """
    quoted = scan_quotes(doc.text if text is None else text)
    index = TokenIndex(doc)
    owner = quote_owner(doc, quoted, index)
    direct = direct_quotes(doc, quoted, list(para_starts), owner, index)
    claimed = {c.cue for c in direct if c.cue is not None}
    reported = reported_quotes(doc, owner, claimed, para_starts)
    candidates = merge_candidates(direct, reported)
    return candidates, mention_for_candidates(doc, candidates, list(para_starts))


def _headline_candidates(
    doc: Doc, parse: Callable[[str], Doc], para_starts: Sequence[int]
) -> Tuple[List[Tuple[int, int]], List[Candidate], List[Optional[Mention]]]:
    """Candidates found in case-normalised parses of title-case lines, mapped
    back to the tokens of ``doc``."""
    index = TokenIndex(doc)
    lines: List[Tuple[int, int]] = []
    cands: List[Candidate] = []
    mentions: List[Optional[Mention]] = []

    def token_at(char: int) -> int:
        return index.tokens(char, char + 1).start

    def span_at(a: int, b: int) -> Tuple[int, int]:
        r = index.tokens(a, b)
        return r.start, max(r.stop, r.start + 1)

    for offset, hdoc in parse_lines(doc, parse):
        lines.append((offset, offset + len(hdoc.text)))
        hcands, hmentions = detect(hdoc, [0])
        for c, m in zip(hcands, hmentions):
            if c.cue is None or c.cue_end is None:
                continue
            last_cue = hdoc[c.cue_end - 1]
            cue = token_at(hdoc[c.cue].idx + offset)
            cue_end = token_at(last_cue.idx + offset) + 1
            start, end = c.start + offset, c.end + offset
            lo = hdoc[c.quote_tokens[0]].idx + offset
            hi_tok = hdoc[c.quote_tokens[1] - 1]
            quote_tokens = span_at(lo, hi_tok.idx + len(hi_tok) + offset)
            cands.append(attrs.evolve(
                c, start=start, end=end, cue=cue, cue_end=cue_end, quote_tokens=quote_tokens, group=None,
                nested_in=None, paragraph=max(bisect_right(para_starts, start) - 1, 0), how="headline",
            ))
            if m is None:
                mentions.append(None)
                continue
            first, last = hdoc[m.start], hdoc[m.end - 1]
            ms, me = span_at(first.idx + offset, last.idx + len(last) + offset)
            mentions.append(Mention(ms, me, token_at(hdoc[m.head].idx + offset), m.method))
    return lines, cands, mentions


def find_quotes(doc: Doc, doc_id: str = "", parse: Optional[Callable[[str], Doc]] = None) -> List[Quote]:
    """Find the quotes of a parsed Doc and their speakers.

    Args:
        doc: a Doc parsed by a pipeline with a tagger, parser and NER.
        doc_id: the id written into each record.
        parse: parses a string with the same pipeline (without quotebank);
            when given, title-case headlines that are attributions are parsed
            again in normal case (see :mod:`quotebank.detect.headline`).

    Returns:
        The quote records, in text order.
    """
    text = doc.text
    para_starts = [start for start, _ in paragraph_bounds(text)]
    candidates, mentions = detect(doc, para_starts, text)
    if parse is not None:
        lines, h_cands, h_mentions = _headline_candidates(doc, parse, para_starts)
        if h_cands:
            keep = [k for k, c in enumerate(candidates) if not any(a <= c.start < b for a, b in lines)]
            pairs = [(candidates[k], mentions[k]) for k in keep] + list(zip(h_cands, h_mentions))
            pairs.sort(key=lambda p: (p[0].start, -p[0].end))
            candidates = [c for c, _ in pairs]
            mentions = [m for _, m in pairs]
            _link_nested(candidates)  # nested_in indexes the list: relink in the new order
    speakers = resolve_mentions(doc, mentions, [c.quote_tokens for c in candidates if c.how not in ("reported", "headline")])
    records: List[Quote] = []
    for k, (cand, mention, who) in enumerate(zip(candidates, mentions, speakers)):
        if cand.nested_in is not None and not _worth_nesting(doc, mention, who, speakers[cand.nested_in]):
            continue
        cue_start: Optional[int] = None
        cue_end: Optional[int] = None
        cue = None
        if cand.cue is not None and cand.cue_end is not None:
            cue_start = doc[cand.cue].idx
            last = doc[cand.cue_end - 1]
            cue_end = last.idx + len(last)
            cue = text[cue_start:cue_end]
        fields: Dict[str, Any] = {}
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
        if cand.how == "reported":
            confidence *= 0.9
        nested_in = candidates[cand.nested_in].start if cand.nested_in is not None else None
        records.append(
            Quote(
                doc_id=doc_id, start=cand.start, end=cand.end, text=text[cand.start:cand.end],
                kind=cand.kind, cue=cue, cue_start=cue_start, cue_end=cue_end,
                speaker=who.name if mention is not None else None,
                speaker_type=who.type if mention is not None else "unknown",
                speaker_role=who.role if mention is not None else None,
                speaker_id=speaker_id(who.name) if mention is not None else None,
                confidence=round(confidence, 3), group=cand.group, method=method,
                cue_class=cand.cue_class, nested_in=nested_in, **fields,
            )
        )
    return records
