"""Speaker mentions: which words of the text name a quote's source.

Given a candidate's cue, the mention is found in the parse:

* the subject of the cue ("*she* said"), of the verb it hangs from ("*He* took
  a swipe at Trump, saying …"), or the noun a relative "who" stands for;
* an inverted subject after the cue ("said *Kremlin aide Yury Ushakov*");
* the object of "according to" ("according to *Russian news agency TASS*").

The mention keeps its whole noun phrase, appositives included ("Anna
Borshchevskaya — the Ira Weiner Fellow at … —"), and never runs into a quote.
A quote with no cue of its own inherits the mention of the quote before it
(a *floating* quote) until another speaker takes over.
"""

from __future__ import annotations

from typing import List, Optional, Sequence

import attrs
from spacy.tokens import Doc, Token

from quotebank.detect.base import Candidate

__all__ = ["Mention", "find_mention", "mention_for_candidates"]

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_INVERTED_DEPS = ("nsubj", "dobj", "attr", "npadvmod", "appos", "oprd", "dative", "nsubjpass", "conj")
_CLIMB_DEPS = ("conj", "xcomp", "advcl", "ccomp", "acl", "pcomp", "relcl")
_RELATIVE = ("who", "which", "that", "whom")


@attrs.frozen(slots=True)
class Mention:
    """The words that name a source.

    Attributes:
        start: index of the mention's first token.
        end: index just past its last token.
        head: index of its head token (the name or noun that the phrase is about).
        method: "subject", "inverted", "according", "relative" or "floating".
    """

    start: int
    end: int
    head: int
    method: str


def find_mention(doc: Doc, cue: int, quote_tokens: tuple = (0, 0)) -> Optional[Mention]:
    """Find the speaker mention of a cue.

    Args:
        doc: the parsed document.
        cue: index of the cue's head token.
        quote_tokens: (first, last + 1) tokens of the quote; the mention never
            overlaps them.

    Returns:
        The mention, or None when the cue has no subject in the parse.
    """
    verb = doc[cue]
    lo, hi = quote_tokens
    if verb.lower_ == "according":
        for child in verb.children:
            if child.lower_ == "to":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return _phrase(doc, objs[0], lo, hi, "according")
        if cue + 2 < len(doc) and doc[cue + 1].lower_ == "to":
            return _phrase(doc, doc[cue + 2], lo, hi, "according")
        return None
    node = verb
    for _ in range(3):
        subj = _subject_of(node, lo, hi)
        if subj is not None:
            if subj.lower_ in _RELATIVE and node.dep_ == "relcl":
                return _phrase(doc, node.head, lo, hi, "relative")
            return _phrase(doc, subj, lo, hi, "subject")
        if node.dep_ in _CLIMB_DEPS and node.head.i != node.i and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue
        break
    # Inverted: "…,” said Kremlin aide Yury Ushakov."
    for child in verb.rights:
        if lo <= child.i < hi:
            continue
        if child.dep_ in _INVERTED_DEPS and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return _phrase(doc, child, lo, hi, "inverted")
    return None


def _subject_of(verb: Token, lo: int, hi: int) -> Optional[Token]:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and not lo <= child.i < hi and child.pos_ != "SPACE":
            if child.dep_ == "csubj":
                continue
            return child
    return None


def _phrase(doc: Doc, head: Token, lo: int, hi: int, method: str) -> Optional[Mention]:
    """The noun phrase of ``head``, cut so that it stays out of the quote."""
    left, right = head.left_edge.i, head.right_edge.i + 1
    if hi > lo:
        if left < hi and right > lo:  # overlaps the quote
            if head.i < lo:
                right = min(right, lo)
            elif head.i >= hi:
                left = max(left, hi)
            else:
                return None
    # Stop at a line break, keep the side of the head.
    for i in range(left, right):
        if "\n" in doc[i].text:
            if i < head.i:
                left = i + 1
            elif i > head.i:
                right = i
                break
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right - 1 > head.i and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    if right <= left:
        return None
    return Mention(left, right, head.i, method)


def mention_for_candidates(doc: Doc, candidates: Sequence[Candidate]) -> List[Optional[Mention]]:
    """Find each candidate's mention; cue-less quotes inherit (floating quotes).

    A quote without a cue takes the mention of the nearest attributed quote
    before it when that quote is in the same or the previous paragraph, and no
    other cue with a subject stands between them.

    Args:
        doc: the parsed document.
        candidates: candidates in text order.

    Returns:
        One mention (or None) per candidate, in the same order. Inherited
        mentions have method "floating".
    """
    mentions: List[Optional[Mention]] = []
    last: Optional[Mention] = None
    last_para = -10
    for cand in candidates:
        mention = None
        if cand.cue is not None:
            mention = find_mention(doc, cand.cue, cand.quote_tokens)
        if mention is None and cand.cue is None and last is not None and cand.paragraph - last_para <= 1:
            mention = attrs.evolve(last, method="floating")
        mentions.append(mention)
        if mention is not None:
            last, last_para = mention, cand.paragraph
    return mentions
