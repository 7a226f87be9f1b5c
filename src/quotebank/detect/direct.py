"""Direct quotes: text inside quote marks, with the cue that introduces it.

The scanner (:mod:`quotebank.marks`) gives the quoted spans; this module finds
each one's cue in the parse, in this order:

1. *syntax*: a speech verb outside the quote that governs it ("…,” she said",
   "declared that Russia had “come to realize …”");
2. *after*: a speech verb right after the closing mark (", said Kremlin aide
   Yury Ushakov", "…,” according to TASS");
3. *before*: a speech verb in the words that lead up to the opening mark and
   end in a colon or comma ("Putin told TASS, “…”", "Bagheri said: “…”");
4. *gap*: the second piece of an interrupted quote ("A," he said, "B.") takes
   the cue of the first.

A quote embedded in a reported clause ("said relations are growing “stronger
day by day”") becomes one *mixed* quote covering the clause. A one- or
two-word quote without a cue is a scare quote and is dropped.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Token

from quotebank.cues import is_speech_verb
from quotebank.detect.base import Candidate, TokenIndex, alpha_count, is_sentence_end
from quotebank.marks import QuotedSpan, paragraph_bounds

__all__ = ["direct_quotes"]

#: How many tokens after a closing mark may hold its cue (", the report added").
AFTER_WINDOW = 6
#: How many tokens before an opening mark are searched for a cue.
BEFORE_WINDOW = 40
#: A quote with this many words or fewer needs a cue to count as a quote.
SCARE_QUOTE_WORDS = 2
#: Most alphanumeric words that a reported clause may add around a quote
#: before it stops being that quote's "mixed" context.
MAX_MIXED_TOKENS = 80


def direct_quotes(doc: Doc, quoted: Sequence[QuotedSpan]) -> List[Candidate]:
    """Turn quoted spans into candidate quotes with their cues.

    Args:
        doc: the parsed document.
        quoted: spans from :func:`quotebank.marks.scan_quotes` on ``doc.text``.

    Returns:
        Candidates in text order; their ``cue`` is a token index or None.
    """
    index = TokenIndex(doc)
    paragraphs = paragraph_bounds(doc.text)
    para_starts = [s for s, _ in paragraphs]
    owner = _quote_owner(doc, index, quoted)

    pieces: List[Candidate] = []
    for qi, q in enumerate(quoted):
        toks = index.tokens(q.mark_start, q.mark_end)
        if not len(toks):
            continue
        cue, cue_end, how = _find_cue(doc, toks, owner, qi)
        paragraph = _paragraph_of(para_starts, q.start)
        pieces.append(
            Candidate(
                start=q.start, end=q.end, kind="direct", cue=cue, cue_end=cue_end, how=how,
                group=None, paragraph=paragraph, quote_tokens=(toks.start, toks.stop),
            )
        )

    _link_chains(pieces, quoted)
    _link_interrupted(doc, pieces, owner)
    out: List[Candidate] = []
    seen = set()
    for cand in pieces:
        words = alpha_count(doc[cand.quote_tokens[0]:cand.quote_tokens[1]])
        if cand.cue is None and words <= SCARE_QUOTE_WORDS:
            continue
        if cand.cue is not None and cand.how == "syntax":
            _widen_to_mixed(doc, cand, owner)
        key = (cand.start, cand.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(cand)
    return out


def _quote_owner(doc: Doc, index: TokenIndex, quoted: Sequence[QuotedSpan]) -> List[int]:
    """For each token, the index of the quoted span holding it (marks included), or -1."""
    owner = [-1] * len(doc)
    for qi, q in enumerate(quoted):
        for t in index.tokens(q.mark_start, q.mark_end):
            owner[t] = qi
    # A multi-paragraph quote also owns the marks and breaks between its pieces.
    return owner


def _paragraph_of(para_starts: List[int], char: int) -> int:
    from bisect import bisect_right

    return max(bisect_right(para_starts, char) - 1, 0)


def _find_cue(doc: Doc, toks: range, owner: List[int], qi: int) -> Tuple[Optional[int], Optional[int], str]:
    cue = _cue_by_syntax(doc, toks, owner)
    if cue is not None:
        return cue, cue + 1, "syntax"
    found = _cue_after(doc, toks.stop, owner)
    if found is not None:
        return found[0], found[1], "after"
    found = _cue_before(doc, toks.start, owner)
    if found is not None:
        return found[0], found[1], found[2]
    return None, None, "none"


def _is_cue_token(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and is_speech_verb(token.lemma_)


def _cue_by_syntax(doc: Doc, toks: range, owner: List[int]) -> Optional[int]:
    """A speech verb outside the quote among the ancestors of its tokens."""
    lo, hi = toks.start, toks.stop
    best: Optional[int] = None
    best_dist = 10**9
    seen = set()
    for i in toks:
        head = doc[i].head
        if lo <= head.i < hi or head.i == i:
            continue
        # Walk up from the first ancestor outside the quote.
        steps = 0
        node = head
        while steps < 6 and node.i not in seen:
            seen.add(node.i)
            if owner[node.i] != -1:
                break  # inside another quote
            if _is_cue_token(node) and not _crosses_line(doc, node.i, lo, hi):
                dist = lo - node.i if node.i < lo else node.i - hi
                if dist < best_dist:
                    best, best_dist = node.i, dist
                break
            if node.head.i == node.i:
                break
            node = node.head
            steps += 1
    return best


def _crosses_line(doc: Doc, i: int, lo: int, hi: int) -> bool:
    """Whether a line break separates token ``i`` from the quote ``[lo, hi)``."""
    between = range(i + 1, lo) if i < lo else range(hi, i)
    return any("\n" in doc[j].text for j in between)


def _cue_after(doc: Doc, stop: int, owner: List[int]) -> Optional[Tuple[int, int]]:
    """A cue in the few words after a closing mark: ", she said", ", according to X"."""
    words = 0
    for i in range(stop, min(len(doc), stop + AFTER_WINDOW + 4)):
        tok = doc[i]
        if owner[i] != -1 or is_sentence_end(tok):
            return None
        if tok.is_punct or tok.is_space:
            continue
        words += 1
        if words > AFTER_WINDOW:
            return None
        if tok.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            return i, i + 2
        if _is_cue_token(tok):
            return i, i + 1
    return None


def _cue_before(doc: Doc, start: int, owner: List[int]) -> Optional[Tuple[int, int, str]]:
    """A cue in the words leading up to an opening mark that ends in ':' or ','."""
    last = start - 1
    while last >= 0 and doc[last].is_space and "\n" not in doc[last].text:
        last -= 1
    if last < 0 or owner[last] != -1:
        return None
    lead = doc[last].text
    if lead not in (":", ",", "that"):
        return None
    how = "colon" if lead == ":" else "before"
    for i in range(last - 1, max(-1, start - BEFORE_WINDOW), -1):
        tok = doc[i]
        if owner[i] != -1 or is_sentence_end(tok):
            return None
        if tok.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            continue  # "Putin said, according to the website: “…”" keeps "said"
        if _is_cue_token(tok):
            return i, i + 1, how
    return None


def _link_chains(pieces: List[Candidate], quoted: Sequence[QuotedSpan]) -> None:
    """Pieces of one multi-paragraph quote share a group and a cue."""
    by_chain: Dict[int, List[int]] = {}
    for idx, q in enumerate(quoted):
        by_chain.setdefault(q.chain, []).append(idx)
    # `pieces` can miss a span that held no token; map by position.
    pos = {(p.start, p.end): p for p in pieces}
    for chain, members in by_chain.items():
        cands = [pos[(quoted[m].start, quoted[m].end)] for m in members if (quoted[m].start, quoted[m].end) in pos]
        if len(cands) < 2:
            continue
        with_cue = [c for c in cands if c.cue is not None]
        # The cue after the last piece or before the first one names the speaker.
        source = with_cue[-1] if with_cue and with_cue[-1] is cands[-1] else (with_cue[0] if with_cue else None)
        gid = cands[0].start
        for c in cands:
            c.group = gid
            if source is not None and c.cue is None:
                c.cue, c.cue_end, c.how = source.cue, source.cue_end, "chain"


def _link_interrupted(doc: Doc, pieces: List[Candidate], owner: List[int]) -> None:
    """"A," he said, "B." — the second piece takes the first one's cue and group."""
    for prev, cur in zip(pieces, pieces[1:]):
        if prev.paragraph != cur.paragraph or prev.cue is None:
            continue
        gap_lo, gap_hi = prev.quote_tokens[1], cur.quote_tokens[0]
        if not gap_lo <= prev.cue < gap_hi:
            continue
        gap = doc[gap_lo:gap_hi]
        if alpha_count(gap) > 12:
            continue
        if cur.cue is None or cur.cue == prev.cue:
            cur.cue, cur.cue_end = prev.cue, prev.cue_end
            cur.how = "gap" if cur.how == "none" else cur.how
            gid = prev.group if prev.group is not None else prev.start
            prev.group = gid
            cur.group = gid


def _widen_to_mixed(doc: Doc, cand: Candidate, owner: List[int]) -> None:
    """A quote inside a reported clause becomes a mixed quote covering the clause."""
    lo, hi = cand.quote_tokens
    verb = doc[cand.cue]
    if verb.i >= lo:
        return  # "“…,” she said": the quote is the whole report
    lead = lo - 1
    while lead > verb.i and doc[lead].is_space:
        lead -= 1
    if doc[lead].text in (":", ","):
        return  # "Bagheri said: “…”": introduced, not embedded
    # The child of the cue on the path down to the quote.
    node = None
    for i in range(lo, hi):
        anc = doc[i]
        while anc.head.i != anc.i and anc.head.i != verb.i:
            anc = anc.head
        if anc.head.i == verb.i and anc.i != verb.i:
            node = anc
            break
    if node is None or lo <= node.i < hi:
        # The quote itself is the complement: a direct quote. Check that the
        # complement does not spread far outside the quote.
        if node is None:
            return
    left, right = node.left_edge.i, node.right_edge.i + 1
    if verb.i < lo:
        left = max(left, verb.i + 1)
    else:
        right = min(right, verb.i)
    # Leading complementizer and punctuation; trailing punctuation.
    while left < lo and (doc[left].is_punct or doc[left].is_space or doc[left].lower_ == "that"):
        left += 1
    while right > hi and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    outside = [doc[i] for i in list(range(left, lo)) + list(range(hi, right)) if owner[i] == -1]
    extra = alpha_count(outside)
    if extra < 2 or extra > MAX_MIXED_TOKENS:
        return
    if any("\n" in doc[i].text for i in range(left, right)):
        return
    start = doc[left].idx
    end = doc[right - 1].idx + len(doc[right - 1])
    if start > cand.start or end < cand.end:
        # Widening must cover the quote; a clause that ends inside it is not its context.
        start, end = min(start, cand.start), max(end, cand.end)
    cand.start, cand.end, cand.kind = start, end, "mixed"
