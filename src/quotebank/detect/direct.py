"""Direct quotes: text inside quote marks, with the cue that introduces it.

The scanner (`quotebank.marks`) gives the quoted spans; this module finds
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
day by day”") becomes one *mixed* quote covering the clause. A quote of three
words or fewer without a cue is a scare quote, and a short quote in title case
("Meet the Press") is a title: both are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
from spacy.tokens import Doc, Token

from quotebank.detect.base import (
    Candidate,
    TokenIndex,
    alpha_count,
    is_according_to,
    is_cue_verb,
    is_sentence_end,
    sentence_start,
)
from quotebank.lexicons import ADDRESSEE_VERBS, SUBJECT_DEPS, WORK_NOUNS, WORK_TITLE_LEADS, WORK_VERBS
from quotebank.lexicons.syntax import VERB_POS
from quotebank.marks import QuotedSpan, paragraph_bounds
from quotebank.text import paragraph_of

__all__ = ["direct_quotes", "quote_owner"]

#: How many words after a closing mark may hold its cue (", the report added").
AFTER_WINDOW = 10
#: How many tokens after a closing mark are looked at for those words
#: (punctuation and spaces do not count as words but take tokens).
AFTER_WINDOW_TOKENS = AFTER_WINDOW + 4
#: How many tokens before an opening mark are searched for a cue.
BEFORE_WINDOW = 40
#: How many heads up from a token of the quote a governing speech verb is
#: looked for ("“…,” he said" needs one step; "declared that Russia had
#: “come to realize …”" a few).
MAX_CUE_CLIMB = 6
#: Most words between the pieces of an interrupted quote ("A," he said, "B.").
MAX_INTERRUPTION_WORDS = 12
#: Letters from which a word counts as long in the title-case tests
#: ("Meet the Press": "Meet" and "Press" are long, "the" is not).
LONG_WORD_CHARS = 4
#: How many long words before a quote on its line decide whether the line is a headline.
HEADLINE_LOOKBACK_WORDS = 6
#: Fewest long words, all capitalised, that make a title (and a headline).
MIN_TITLE_LONG_WORDS = 2
#: A quoted fragment this short that shares its cue with a mixed quote is
#: part of that mixed quote.
SHORT_FRAGMENT_CHARS = 30
#: A quote in title case with at most this many words is a title, not a quote.
TITLE_MAX_WORDS = 7
#: A quote with this many words or fewer needs a cue to count as a quote.
SCARE_QUOTE_WORDS = 3
#: Most alphanumeric words that a reported clause may add around a quote
#: before it stops being that quote's "mixed" context.
MAX_MIXED_TOKENS = 80
#: Fewest words a reported clause must add around a quote to make it mixed
#: ("said “…”" with one word around stays direct).
MIN_MIXED_WORDS = 2


def direct_quotes(
    doc: Doc,
    quoted: Sequence[QuotedSpan],
    para_starts: list[int] | None = None,
    owner: list[int] | None = None,
    index: TokenIndex | None = None,
) -> list[Candidate]:
    """Turn quoted spans into candidate quotes with their cues.

    Args:
        doc: the parsed document.
        quoted: spans from `quotebank.marks.scan_quotes` on ``doc.text``.
        para_starts: start offsets of the paragraphs
            (`quotebank.marks.paragraph_bounds`); computed when None.
        owner: `quote_owner` of ``quoted``; computed when None.
        index: the Doc's `TokenIndex`; built when None.

    Returns:
        Candidates in text order; their ``cue`` is a token index or None.
    """
    index = index or TokenIndex(doc)
    if para_starts is None:
        para_starts = [s for s, _ in paragraph_bounds(doc.text)]
    if owner is None:
        owner = quote_owner(doc, quoted, index)

    pieces: list[Candidate] = []
    for q in quoted:
        toks = index.tokens(q.mark_start, q.mark_end)
        if not len(toks):
            continue
        cue, cue_end, how = _find_cue(doc, toks, owner)
        pieces.append(
            Candidate(
                start=q.start, end=q.end, kind="direct", cue=cue, cue_end=cue_end, how=how,
                paragraph=paragraph_of(para_starts, q.start), quote_tokens=(toks.start, toks.stop),
            )
        )

    pieces = _link_chains(pieces, quoted)
    pieces = _link_interrupted(doc, pieces)
    out: list[Candidate] = []
    seen = set()
    for cand in pieces:
        quote = doc[cand.quote_tokens[0]:cand.quote_tokens[1]]
        if cand.cue is None and alpha_count(quote) <= SCARE_QUOTE_WORDS:
            continue
        if is_title(quote) and not _in_headline(doc, cand.quote_tokens[0]) and not _framed(doc, cand, owner):
            continue
        if cand.cue is not None and cand.how == "syntax":
            cand = _widen_to_mixed(doc, cand, owner)
        if cand.kind == "direct" and is_title(quote, min_long_words=1) and _names_a_work(doc, cand):
            continue  # "in his 2012 book, “An American Son.”": a title, however framed
        key = (cand.start, cand.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(cand)
    return _merge_mixed(doc, out)


def _merge_mixed(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Quoted fragments of one reported clause are one mixed quote: "Trump is a
    “loser,” a “liar” and a “whiner”" gives one record, not three, and a short
    fragment of the same cue joins it ("said “maybe” the conduct … “should be
    looked at”").

    The first mixed candidate of a cue is the host; the mixed candidates and
    short fragments of that cue in the same paragraph widen it.
    """
    hosts: dict[int, Candidate] = {}  # cue → the host, widened so far
    host_at: dict[int, int] = {}  # cue → the host's position in ``cands``
    for k, cand in enumerate(cands):
        if cand.kind != "mixed" or cand.cue is None:
            continue
        if cand.cue not in hosts:
            hosts[cand.cue], host_at[cand.cue] = cand, k
        elif hosts[cand.cue].paragraph == cand.paragraph:
            hosts[cand.cue] = _absorb(doc, hosts[cand.cue], cand)
    kept: list[Candidate | int] = []  # a candidate, or the cue of a host
    for k, cand in enumerate(cands):
        at = host_at.get(cand.cue) if cand.cue is not None else None
        if at is None:
            kept.append(cand)
            continue
        assert cand.cue is not None
        host = hosts[cand.cue]
        if at == k:
            kept.append(cand.cue)
        elif host.paragraph != cand.paragraph:
            kept.append(cand)
        elif cand.kind == "mixed" or cand.end - cand.start <= SHORT_FRAGMENT_CHARS:
            hosts[cand.cue] = _absorb(doc, host, cand)
        else:
            kept.append(cand)
    return [hosts[c] if isinstance(c, int) else c for c in kept]


def _absorb(doc: Doc, host: Candidate, other: Candidate) -> Candidate:
    """``host`` widened over ``other``, quote marks included."""
    first, last = doc[other.quote_tokens[0]], doc[other.quote_tokens[1] - 1]
    return attrs.evolve(
        host,
        start=min(host.start, other.start, first.idx),
        end=max(host.end, other.end, last.idx + len(last)),
        quote_tokens=(
            min(host.quote_tokens[0], other.quote_tokens[0]), max(host.quote_tokens[1], other.quote_tokens[1])
        ),
    )


def quote_owner(doc: Doc, quoted: Sequence[QuotedSpan], index: TokenIndex | None = None) -> list[int]:
    """For each token, the index of the quoted span holding it (marks included), or -1."""
    index = index or TokenIndex(doc)
    owner = [-1] * len(doc)
    for qi, q in enumerate(quoted):
        for t in index.tokens(q.mark_start, q.mark_end):
            owner[t] = qi
    return owner


def _find_cue(doc: Doc, toks: range, owner: list[int]) -> tuple[int | None, int | None, str]:
    cue = _cue_by_syntax(doc, toks, owner)
    if cue is not None:
        if _inside_subject(doc, toks, cue):
            return None, None, "none"
        return cue, cue + 1, "syntax"
    after = _cue_after(doc, toks.stop, owner)
    if after is not None:
        if _inside_subject(doc, toks, after[0]):
            return None, None, "none"
        return after[0], after[1], "after"
    before = _cue_before(doc, toks.start, owner)
    if before is not None:
        return before
    return None, None, "none"


def _inside_subject(doc: Doc, toks: range, cue: int) -> bool:
    """Whether a quote lies inside the subject phrase of its would-be cue,
    headed by a word outside the quote ("Doug Purdy, who lost “two belt loops”
    in a month, says the program changed his life"): it describes the
    speaker; the cue reports something else."""
    for child in doc[cue].children:
        if child.dep_ in SUBJECT_DEPS and not toks.start <= child.i < toks.stop:
            if child.left_edge.i <= toks.start and toks.stop - 1 <= child.right_edge.i:
                return True
    return False


def _cue_by_syntax(doc: Doc, toks: range, owner: list[int]) -> int | None:
    """A speech verb outside the quote among the ancestors of its tokens."""
    lo, hi = toks.start, toks.stop
    best: int | None = None
    best_dist = 0
    seen = set()
    for i in toks:
        head = doc[i].head
        if lo <= head.i < hi or head.i == i:
            continue
        # Walk up from the first ancestor outside the quote. A cue verb reached
        # from a conjoined predicate ("RCMP will maintain a presence … and will
        # next week transition to “…”") gives way to a cue above it ("He said").
        steps = 0
        node, came_from = head, doc[i]
        found: int | None = None
        conjoined: int | None = None
        while steps < MAX_CUE_CLIMB and node.i not in seen:
            seen.add(node.i)
            if owner[node.i] != -1:
                break  # inside another quote
            if is_cue_verb(node) and not _crosses_line(doc, node.i, lo, hi):
                if came_from.dep_ == "conj" and came_from.head.i == node.i and conjoined is None:
                    conjoined = node.i
                else:
                    found = node.i
                    break
            if node.head.i == node.i:
                break
            node, came_from = node.head, node
            steps += 1
        if found is None:
            found = conjoined
        if found is not None:
            dist = lo - found if found < lo else found - hi
            if best is None or dist < best_dist:
                best, best_dist = found, dist
    return best


def _crosses_line(doc: Doc, i: int, lo: int, hi: int) -> bool:
    """Whether a line break separates token ``i`` from the quote ``[lo, hi)``."""
    between = range(i + 1, lo) if i < lo else range(hi, i)
    return any("\n" in doc[j].text for j in between)


def _cue_after(doc: Doc, stop: int, owner: list[int]) -> tuple[int, int] | None:
    """A cue in the few words after a closing mark: ", she said", ", according to X"."""
    words = 0
    for i in range(stop, min(len(doc), stop + AFTER_WINDOW_TOKENS)):
        tok = doc[i]
        if owner[i] != -1 or is_sentence_end(tok):
            return None
        if tok.is_punct or tok.is_space:
            continue
        words += 1
        if words > AFTER_WINDOW:
            return None
        if is_according_to(tok):
            return i, i + 2
        if is_cue_verb(tok):
            subordinate = any(c.dep_ == "mark" for c in tok.children)
            if subordinate and any(c.dep_ == "ccomp" and c.i > i and owner[c.i] == -1 for c in tok.children):
                # "“… or not.” While some critics say government should …": a
                # subordinate verb that reports a clause of its own, not the quote.
                return None
            return i, i + 1
    return None


def _cue_before(doc: Doc, start: int, owner: list[int]) -> tuple[int, int, str] | None:
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
        if is_according_to(tok):
            continue  # "Putin said, according to the website: “…”" keeps "said"
        if is_cue_verb(tok):
            return i, i + 1, how
    return None


def _link_chains(pieces: list[Candidate], quoted: Sequence[QuotedSpan]) -> list[Candidate]:
    """Pieces of one multi-paragraph quote share a group and a cue."""
    by_chain: dict[int, list[int]] = {}
    for idx, q in enumerate(quoted):
        by_chain.setdefault(q.chain, []).append(idx)
    # `pieces` can miss a span that held no token; map by position.
    at = {(p.start, p.end): k for k, p in enumerate(pieces)}
    out = list(pieces)
    for members in by_chain.values():
        ks = [at[(quoted[m].start, quoted[m].end)] for m in members if (quoted[m].start, quoted[m].end) in at]
        if len(ks) < 2:
            continue
        with_cue = [k for k in ks if pieces[k].cue is not None]
        # The cue after the last piece or before the first one names the speaker.
        source_k = with_cue[-1] if with_cue and with_cue[-1] == ks[-1] else (with_cue[0] if with_cue else None)
        source = pieces[source_k] if source_k is not None else None
        group_start = pieces[ks[0]].start
        for k in ks:
            c = attrs.evolve(pieces[k], group_start=group_start)
            if source is not None and c.cue is None:
                c = attrs.evolve(c, cue=source.cue, cue_end=source.cue_end, how="chain")
            out[k] = c
    return out


def _link_interrupted(doc: Doc, pieces: list[Candidate]) -> list[Candidate]:
    """"A," he said, "B." — the second piece takes the first one's cue and group."""
    out = list(pieces)
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if prev.paragraph != cur.paragraph or prev.cue is None:
            continue
        gap_lo, gap_hi = prev.quote_tokens[1], cur.quote_tokens[0]
        if not gap_lo <= prev.cue < gap_hi:
            continue
        if alpha_count(doc[gap_lo:gap_hi]) > MAX_INTERRUPTION_WORDS:
            continue
        if cur.cue is None or cur.cue == prev.cue:
            group_start = prev.group_start if prev.group_start is not None else prev.start
            out[k - 1] = attrs.evolve(prev, group_start=group_start)
            out[k] = attrs.evolve(
                cur, cue=prev.cue, cue_end=prev.cue_end, how="gap" if cur.how == "none" else cur.how,
                group_start=group_start,
            )
    return out


def _widen_to_mixed(doc: Doc, cand: Candidate, owner: list[int]) -> Candidate:
    """A quote inside a reported clause becomes a mixed quote covering the clause.

    "said relations are growing “stronger day by day” as he met Putin" and
    "Assange has been “arbitrarily detained” by Britain, the group says" are
    mixed; "Bagheri said: “…”" and "“…,” the report said" stay direct.
    """
    lo, hi = cand.quote_tokens
    if cand.cue is None:
        return cand
    verb = doc[cand.cue]
    if verb.i < lo:
        lead = lo - 1
        while lead > verb.i and doc[lead].is_space:
            lead -= 1
        if doc[lead].text in (":", ","):
            return cand  # "Bagheri said: “…”": introduced, not embedded
    else:
        follow = hi
        while follow < verb.i and (doc[follow].is_punct or doc[follow].is_space):
            follow += 1
        if follow == verb.i or _is_subject_of(doc[follow], verb):
            # "“…,” the report said": the quote is the whole report, unless the
            # sentence leads into it ("The attackers shot at them “like snipers,” Dia said").
            return _led_into(doc, cand, owner)
    node = _child_towards(doc, verb, lo, hi)
    if node is None:
        return cand
    # The reported clause is the cue's complement; before a trailing cue it
    # runs from the sentence's start to the cue's subject (PolNeAR's
    # convention). Running on to the end of the sentence after a leading cue
    # was tried: it lowered mixed recall on PolNeAR dev (0.81 → 0.78).
    sent_lo = sentence_start(doc, lo, owner)
    left, right = node.left_edge.i, node.right_edge.i + 1
    if verb.i < lo:
        left = max(left, verb.i + 1)
    else:
        left = min(left, sent_lo)
        right = min(right, verb.i)
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i > hi:
                right = min(right, child.left_edge.i)
    # Leading complementizer and punctuation; trailing punctuation.
    while left < lo and (doc[left].is_punct or doc[left].is_space or doc[left].lower_ == "that"):
        left += 1
    while right > hi and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    outside = [doc[i] for i in list(range(left, lo)) + list(range(hi, right)) if owner[i] == -1]
    extra = alpha_count(outside)
    if extra < MIN_MIXED_WORDS or extra > MAX_MIXED_TOKENS:
        return cand
    if any("\n" in doc[i].text for i in range(left, right)):
        return cand
    # Cover the quote with its marks.
    left, right = min(left, lo), max(right, hi)
    return attrs.evolve(cand, start=doc[left].idx, end=doc[right - 1].idx + len(doc[right - 1]), kind="mixed")


def _led_into(doc: Doc, cand: Candidate, owner: list[int]) -> Candidate:
    """A quote that a clause of its sentence runs straight into (no colon or
    comma before the opening mark, a verb among the words before it) is a
    paraphrase holding a quoted fragment: one mixed quote from the sentence's
    start to the closing mark."""
    lo, hi = cand.quote_tokens
    before = lo - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if before < 0 or doc[before].is_punct or owner[before] != -1:
        return cand
    left = sentence_start(doc, lo, owner)
    while left < lo and (doc[left].is_punct or doc[left].is_space):
        left += 1
    words = [doc[i] for i in range(left, lo) if owner[i] == -1]
    if alpha_count(words) < MIN_MIXED_WORDS or not any(t.pos_ in VERB_POS for t in words):
        return cand
    return attrs.evolve(cand, start=doc[left].idx, kind="mixed")


def _child_towards(doc: Doc, verb: Token, lo: int, hi: int) -> Token | None:
    """The child of ``verb`` on the path down to the quote ``[lo, hi)``."""
    for i in range(lo, hi):
        anc = doc[i]
        while anc.head.i != anc.i and anc.head.i != verb.i:
            anc = anc.head
        if anc.head.i == verb.i and anc.i != verb.i:
            return anc
    return None


def _is_subject_of(token: Token, verb: Token) -> bool:
    """Whether ``token`` lies in the subject phrase of ``verb``."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.left_edge.i <= token.i <= child.right_edge.i:
            return True
    return False


def _framed(doc: Doc, cand: Candidate, owner: list[int]) -> bool:
    """Whether a quote stands framed by its cue: "“…,” he said" or "he said: “…”"."""
    lo, hi = cand.quote_tokens
    return _cue_after(doc, hi, owner) is not None or _cue_before(doc, lo, owner) is not None




def _names_a_work(doc: Doc, cand: Candidate) -> bool:
    """Whether a title-shaped quote names a work even where a cue frames it:
    after a noun for a work ("in his 2012 book, “An American Son.”"), after "on",
    "of", "for" or a possessive ("on CBS's “Face the Nation,”", "its revival of
    “The Muppets,”"), after a verb of telling ("told “Fox and Friends,”"), or
    cued by a verb that makes one ("“American Skin (41 Shots)” was written by …")."""
    i = cand.quote_tokens[0] - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i >= 0 and (doc[i].lemma_.lower() in WORK_NOUNS or doc[i].lower_ in WORK_TITLE_LEADS):
        return True
    if i >= 0 and doc[i].lemma_.lower() in ADDRESSEE_VERBS:
        return True  # "Fiorina told “Fox and Friends,”": the programme is told, not what is said
    return cand.cue is not None and doc[cand.cue].lemma_.lower() in WORK_VERBS


def _in_headline(doc: Doc, lo: int) -> bool:
    """Whether the words before token ``lo`` on its line are in title case."""
    words: list[Token] = []
    i = lo - 1
    while i >= 0 and "\n" not in doc[i].text and len(words) < HEADLINE_LOOKBACK_WORDS:
        if any(c.isalpha() for c in doc[i].text) and len(doc[i].text) >= LONG_WORD_CHARS:
            words.append(doc[i])
        i -= 1
    return len(words) >= MIN_TITLE_LONG_WORDS and all(t.text[:1].isupper() for t in words)


def is_title(tokens: Iterable[Token], min_long_words: int = MIN_TITLE_LONG_WORDS) -> bool:
    """Whether a short quoted span reads as a title ("Meet the Press", "The X-Files").

    At least ``min_long_words`` words of four letters or more, all starting
    with a capital, and so does the first word; at most seven words, no
    question, no "I", "we" or "you".
    """
    tokens = list(tokens)
    words = [t for t in tokens if any(c.isalpha() for c in t.text)]
    if not words or len(words) > TITLE_MAX_WORDS or not words[0].text[:1].isupper():
        return False
    if any(t.text in ("?", "!") or t.lower_ in ("i", "we", "you") for t in tokens):
        return False
    long_words = [t for t in words if len(t.text) >= LONG_WORD_CHARS]
    return len(long_words) >= min_long_words and all(t.text[:1].isupper() for t in long_words)
