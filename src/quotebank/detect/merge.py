"""All detectors together: one list of candidates per Doc, in text order.

Direct quotes come first; a reported candidate that mostly repeats a direct
quote is dropped; a candidate whose cue and content lie inside another
candidate's quote is *nested* in it (`outer_positions`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from quotebank.detect.base import Candidate, TokenIndex
from quotebank.detect.direct import direct_quotes, quote_owner
from quotebank.detect.reported import reported_quotes
from quotebank.lexicons import SUBJECT_DEPS
from quotebank.marks import QuotedSpan, scan_quotes

__all__ = ["find_candidates", "merge_candidates", "outer_positions"]

#: How much of a reported candidate a direct quote may cover before the
#: reported one is taken for a copy of it.
DUPLICATE_SHARE = 0.5


def find_candidates(
    doc: Doc,
    para_starts: Sequence[int],
    text: str | None = None,
    index: TokenIndex | None = None,
    quoted: Sequence[QuotedSpan] | None = None,
) -> list[Candidate]:
    """Candidates of every detector for one Doc, merged.

    Args:
        doc: the parsed document.
        para_starts: paragraph start offsets.
        text: ``doc.text``, when the caller has it (spaCy rebuilds it on each access).
        index: the Doc's `TokenIndex`, when the caller has one.
        quoted: the text's quotes (`quotebank.marks.scan_quotes`), when the caller has them.

    Returns:
        The candidates sorted by start (longest first at one start).
    """
    if quoted is None:
        quoted = scan_quotes(doc.text if text is None else text)
    index = index or TokenIndex(doc)
    owner = quote_owner(doc, quoted, index)
    direct = direct_quotes(doc, quoted, list(para_starts), owner, index)
    claimed = {c.cue for c in direct if c.cue is not None and not _reports_its_own_clause(doc, owner, c)}
    reported = reported_quotes(doc, owner, claimed, para_starts)
    return merge_candidates(direct, reported)


def _reports_its_own_clause(doc: Doc, owner: Sequence[int], cand: Candidate) -> bool:
    """Whether the cue of a direct quote also reports an unquoted clause of its
    own ("“… like this.” But he said it offered a teachable moment"; "says
    it’s helpful … — a “scaffold,” she calls it — but …", where the quote is
    too small a part of the clause to make it one mixed quote): the clause is
    a reported quote as well."""
    if cand.cue is None:
        return False
    verb = doc[cand.cue]
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False  # "“…,” said David Brock, … the super PAC Correct the Record": the subject's own words, misparsed
    return any(c.dep_ == "ccomp" and c.i > cand.cue and owner[c.i] == -1 for c in verb.children)


def merge_candidates(direct: Sequence[Candidate], reported: Sequence[Candidate]) -> list[Candidate]:
    """All candidates in text order, reported copies of direct quotes dropped.

    Args:
        direct: candidates from the direct detector.
        reported: candidates from the reported-speech detector.

    Returns:
        The merged candidates, sorted by start, longest first at one start.
    """
    kept = list(direct)
    for r in reported:
        length = r.end - r.start
        copy = False
        for d in direct:
            shared = min(d.end, r.end) - max(d.start, r.start)
            inside = r.cue is not None and d.quote_tokens[0] <= r.cue < d.quote_tokens[1]
            if shared > DUPLICATE_SHARE * length and not inside:
                copy = True
                break
        if not copy:
            kept.append(r)
    kept.sort(key=lambda c: (c.start, -c.end))
    return kept


def outer_positions(candidates: Sequence[Candidate]) -> list[int | None]:
    """For each candidate, the position of the innermost other candidate whose
    quote holds its cue and its content (a nested attribution: "“Velayati
    stressed the need …,” the report said"), or None.
    """
    out: list[int | None] = []
    for k, c in enumerate(candidates):
        best: int | None = None
        for j, o in enumerate(candidates):
            if j == k or c.cue is None:
                continue
            olo, ohi = o.quote_tokens
            if olo <= c.cue < ohi and olo <= c.quote_tokens[0] and c.quote_tokens[1] <= ohi:
                if best is None or (ohi - olo) < (candidates[best].quote_tokens[1] - candidates[best].quote_tokens[0]):
                    best = j
        out.append(best)
    return out
