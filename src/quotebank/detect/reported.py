"""Reported speech: attributions without quote marks, found in the parse.

Each pattern is a cue with a complement, read from spaCy's dependencies, not
from lists of phrases:

* a speech, belief or document verb with a clause: "said (that) …", "told
  reporters the talks …", "…, officials said." (the clause before a trailing
  cue), "they believe closer relations can …", "polls show …";
* an infinitive or gerund: "promised to …", "urged the Russian president to
  demand …", "denied supplying weapons …";
* an object or "of" phrase: "stressed the need to stop …", "accused Iran of
  sending …", "hailed his country’s “strategic relationship” with Russia"
  (not a short one without a verb: "denied the trade" reports an act);
* a characterisation: "calls him a good ball-striker", "describes Mr. Fry as
  the most left-leaning Green on council";
* "according to X": the rest of the sentence;
* an attitude adjective with a clause: "was skeptical the Russians would …";
* a reporting noun with a "that" clause: "recent reports that …".

The content is the complement without its cue, a leading "that" and the
final punctuation. A content holding quote marks is a *mixed* quote. A cue
inside a direct quote is kept: the pipeline links it to the quote holding it
as a *nested* attribution ("“Velayati stressed the need …,” the report said").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from quotebank.detect.base import (
    Candidate,
    alpha_count,
    cue_class,
    is_according_to,
    is_hearsay,
    is_speech_verb,
    sentence_end,
    sentence_start,
    trim_tokens,
)
from quotebank.lexicons import (
    ADDRESSEE_VERBS,
    BELIEF_ADJECTIVES,
    BELIEF_VERBS,
    CHARACTERISATION_VERBS,
    DIRECTIVE_VERBS,
    DOCUMENT_VERBS,
    EXPECTATION_VERBS,
    INFERENCE_SUBJECTS,
    INFERENCE_VERBS,
    INFINITIVE_CONTENT_VERBS,
    OBJECT_CONTENT_VERBS,
    QUESTION_VERBS,
    RELATIVE_PRONOUNS,
    REPORTING_NOUNS,
    SUBJECT_DEPS,
)
from quotebank.lexicons.syntax import TIME_LABELS, VERB_POS
from quotebank.text import paragraph_of

__all__ = ["reported_quotes", "content_of"]

#: Fewest words a reported content must have.
MIN_CONTENT_WORDS = 2
#: Most words of a content without a verb that is still no quote: "denied
#: the trade", "slamming Ms. May", "claimed responsibility for the attack"
#: report an act, not a proposition a reader could quote. On the dev sets
#: such records were right 29% of the time on PolNeAR and never on GGT.
MAX_BARE_NOUN_PHRASE_WORDS = 4
#: How many adjuncts down from a speech verb a hung "that" clause is looked
#: for ("said on Monday that …": prep → pobj → the clause).
MAX_ADJUNCT_DEPTH = 2
#: What the parse makes of a reported clause's subject it hung on the cue.
_STRANDED_DEPS = ("dobj", "npadvmod")
#: What the parse makes of pieces of a clause before its cue that it hung on the cue.
_STRAY_DEPS = ("dep", "conj", "appos")
#: Children of a reported clause that show where it starts.
_CLAUSE_OPENERS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "mark")
#: Most tokens of a speaker's cue clause between commas ("…, the former
#: president's spokesman said, according to …").
MAX_CUE_CLAUSE_TOKENS = 8


def reported_quotes(
    doc: Doc,
    quote_owner: Sequence[int],
    claimed: set[int],
    para_starts: Sequence[int],
    tokens: Iterable[int] | None = None,
) -> list[Candidate]:
    """Find reported speech, beliefs and documents in a parsed Doc.

    Args:
        doc: the parsed document.
        quote_owner: per token, the index of the quote-mark span holding it,
            or -1 (see `quotebank.detect.direct.quote_owner`).
        claimed: cue tokens already used by direct quotes; they are skipped.
        para_starts: paragraph start offsets.
        tokens: the token indices to look at (default: all).

    Returns:
        Candidates of kind "indirect" or "mixed", in text order.
    """
    out: list[Candidate] = []
    seen: set[tuple[int, int]] = set()
    for i in tokens if tokens is not None else range(len(doc)):
        if i in claimed:
            continue
        tok = doc[i]
        found = content_of(tok)
        if found is None:
            continue
        lo, hi, cue_end, klass = found
        if tok.dep_ == "advcl" and tok.head.i > tok.i and tok.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children
        ):
            # A participle opening the sentence ("Noting he majored in philosophy,
            # Allen said …"): its content ends before the subject of the clause
            # it opens onto ("As X reported, …" keeps the clause: it has a subject).
            for child in tok.head.children:
                if child.dep_ in SUBJECT_DEPS and lo <= child.left_edge.i < hi:
                    hi = child.left_edge.i
        lo, hi = trim_tokens(doc, lo, hi, keep_marks=True, drop_that=True)
        if hi <= lo or alpha_count(doc[lo:hi]) < MIN_CONTENT_WORDS:
            continue
        if any("\n" in doc[k].text for k in range(lo, hi)):
            continue
        if not _respects_quotes(quote_owner, i, lo, hi):
            continue
        if (lo, hi) in seen:
            continue
        seen.add((lo, hi))
        whole = _kind(doc, quote_owner, i, lo, hi)
        if whole == "indirect" and _bare_noun_phrase(doc, lo, hi) and not (
            tok.lemma_.lower() in CHARACTERISATION_VERBS and _characterisation(tok) is not None
        ):
            continue  # "denied the trade"; but "calls it a rookie mistake" characterises
        pieces = _around_cue(doc, i, lo, hi) or [(lo, hi)]
        group = doc[pieces[0][0]].idx if len(pieces) > 1 else None
        for p_lo, p_hi in pieces:
            start, end = doc[p_lo].idx, doc[p_hi - 1].idx + len(doc[p_hi - 1])
            out.append(
                Candidate(
                    start=start, end=end, kind=_kind(doc, quote_owner, i, p_lo, p_hi), cue=i, cue_end=cue_end,
                    how="reported", paragraph=paragraph_of(para_starts, start), quote_tokens=(p_lo, p_hi),
                    cue_class=klass, group_start=group,
                )
            )
    return out


def _kind(doc: Doc, quote_owner: Sequence[int], cue: int, lo: int, hi: int) -> str:
    """ "mixed" when a content holds a quote of its own, else "indirect"."""
    inner = {quote_owner[k] for k in range(lo, hi)} - {-1, quote_owner[cue]}
    return "mixed" if inner else "indirect"


def _around_cue(doc: Doc, cue: int, lo: int, hi: int) -> list[tuple[int, int]] | None:
    """The two pieces of a content that its cue interrupts between commas ("The
    goal, he said, is to forge a cease-fire"), as PolNeAR marks them and as an
    interrupted direct quote is split. None when the cue does not
    interrupt the content so. The piece after the cue is dropped when it is the
    source's ("according to …"), a clause of the writer's joined by "and" or
    "but", or a fragment without a verb."""
    if not lo < cue < hi - 1:
        return None
    left = next((k for k in range(cue - 1, lo - 1, -1) if doc[k].text in (",", "—", "–")), None)
    right = next((k for k in range(cue + 1, hi) if doc[k].text in (",", "—", "–")), None)
    if left is None or right is None:
        return None
    verb = doc[cue]
    if any(not (verb.left_edge.i <= k <= verb.right_edge.i) for k in range(left + 1, right)):
        return None  # the commas hold more than the cue's own clause
    first, second = trim_tokens(doc, lo, left, keep_marks=True), trim_tokens(doc, right + 1, hi, keep_marks=True)
    if first[1] <= first[0] or second[1] <= second[0] or alpha_count(doc[first[0]:first[1]]) == 0:
        return None
    if first[1] - first[0] == 1 and doc[first[0]].lower_ in RELATIVE_PRONOUNS | {"what", "whose"}:
        # "that, he said, …": a content that is only its relative pronoun is not split
        return None
    tail = doc[second[0]:second[1]]
    if tail[0].lower_ == "according" or tail[0].pos_ == "CCONJ" or not any(t.pos_ in VERB_POS for t in tail):
        # "…, he said, according to the complaint"; "…, he says, and he was
        # upset …" (a clause of the writer's); "…, he said, but one person".
        return [first]
    return [first, second]


def content_of(tok: Token) -> tuple[int, int, int, str] | None:
    """The content a cue token introduces.

    Args:
        tok: any token.

    Returns:
        ``(first, last + 1, cue_end, cue_class)`` token bounds of the content
        and the end of the cue, or None when ``tok`` introduces nothing.
    """
    lemma = tok.lemma_.lower()
    if is_according_to(tok):
        return _according(tok)
    if tok.pos_ in VERB_POS:
        if is_hearsay(tok):
            return None
        if _as_put_it(tok):
            return _as_clause(tok)
        if lemma in CHARACTERISATION_VERBS:
            found = _characterisation(tok)
            if found is not None:
                return found
        if is_speech_verb(lemma) or lemma in BELIEF_VERBS or lemma in DOCUMENT_VERBS:
            return _verb_content(tok, lemma)
        return None
    if tok.pos_ == "ADJ" and lemma in BELIEF_ADJECTIVES:
        # A clause, not an infinitive: "certain to win", "happy to help" report no one's view.
        clause = [c for c in tok.children if c.dep_ == "ccomp" or c.dep_ == "xcomp" and not _infinitive(c)]
        if clause:
            lo, hi = _extent(clause)
            return lo, hi, tok.i + 1, "belief"
        return None
    if tok.pos_ == "NOUN" and lemma in REPORTING_NOUNS:
        for c in tok.children:
            if c.dep_ in ("acl", "ccomp", "appos") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children):
                lo, hi = _extent([c])
                return lo, hi, tok.i + 1, cue_class(lemma, _subject_lemma(tok))
    return None


def _infinitive(verb: Token) -> bool:
    """Whether a verb is an infinitive with "to" ("to enjoy")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _characterisation(verb: Token) -> tuple[int, int, int, str] | None:
    """What a verb of characterising says of its object: "calls him *a good
    ball-striker*", "describes Mr. Fry *as the most left-leaning Green*" (the
    "as" phrase without "as"); None without one, or when the verb has no
    subject and object of its own ("a group called Color of Change" names)."""
    children = list(verb.children)
    if not any(c.dep_ == "nsubj" for c in children) or not any(c.dep_ == "dobj" for c in children):
        return None
    for child in children:
        if child.i < verb.i:
            continue
        if child.dep_ == "oprd":
            lo, hi = _extent([child])
            return lo, hi, verb.i + 1, "speech"
        if child.dep_ == "prep" and child.lower_ == "as":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                lo, hi = _extent(objs[:1])
                return lo, hi, verb.i + 1, "speech"
    return None


def _subject_lemma(verb: Token) -> str:
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            return c.lemma_.lower()
    if verb.pos_ == "NOUN":
        return verb.lemma_.lower()
    return ""


def _verb_content(verb: Token, lemma: str) -> tuple[int, int, int, str] | None:
    klass = cue_class(lemma, _subject_lemma(verb))
    children = list(verb.children)
    if _impersonal(children):
        return None  # "it can be said that", "it should be noted that": the writer's own hedge
    if lemma in INFERENCE_VERBS and _subject_lemma(verb) in INFERENCE_SUBJECTS:
        return None  # "Iran’s official response … suggests that …": the writer's inference
    if lemma in EXPECTATION_VERBS and (verb.tag_ == "VBN" or verb.dep_ == "pcomp"):
        # "Velayati is expected to visit Beijing", "with Velayati expected to visit
        # Beijing": a plan others expect, not his belief.
        return None
    subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
    # A participle without an auxiliary is an absolute phrase, not a clause
    # ("he said, his voice breaking with emotion").
    ccomp = [c for c in children if c.dep_ == "ccomp" and c.i > verb.i and not _absolute(c)]
    # A clause before the cue counts only as a trailing attribution, with the
    # subject after that clause: "the talks failed, officials said".
    ends = {c.i: end for c in children if c.dep_ == "ccomp" and c.i < verb.i
            and (end := _trailing_end(verb, c, subjects)) is not None}
    ccomp += [c for c in children if c.i in ends]
    if ccomp:
        lo, hi = _extent(ccomp[:1])
        if ccomp[0].i < verb.i:
            hi = max(hi, ends[ccomp[0].i])
        else:
            lo = min(lo, _stranded_subject(verb, ccomp[0]))
            # A clause after its cue runs on to the end of the sentence ("said
            # the process was fair, but required …"), PolNeAR's convention; on
            # dev it raised speech F1 from 0.842 to 0.851.
            hi = max(hi, _clause_end(verb.doc, hi))
        return lo, hi, verb.i + 1, klass
    asked = [
        c for c in children
        if c.dep_ == "advcl" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
    ]
    if asked and lemma in QUESTION_VERBS:  # "asked the students if they were …": a question, not a condition
        lo, hi = _extent(asked[:1])
        return lo, hi, verb.i + 1, klass
    xcomp = [c for c in children if c.dep_ == "xcomp"]
    objs = [c for c in children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    if xcomp and lemma in INFINITIVE_CONTENT_VERBS:
        parts = xcomp[:1] + [o for o in objs if o.i < xcomp[0].i]
        if klass == "speech" and lemma in DIRECTIVE_VERBS:
            klass = "directive"  # "urged Congress to act", "vowed to fight on": an action, not a statement
        return (*_extent(parts), verb.i + 1, klass)
    if objs and lemma in OBJECT_CONTENT_VERBS and lemma not in ADDRESSEE_VERBS:
        if klass == "speech" and lemma in DIRECTIVE_VERBS:
            klass = "directive"  # "demanded the withdrawal of American troops"
        parts = objs[:1]
        # "accused Iran of sending …", "blamed X for Y"
        parts += [c for c in children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > objs[0].i]
        return (*_extent(parts), verb.i + 1, klass)
    if is_speech_verb(lemma) and verb.dep_ == "parataxis" and subjects and verb.head.i != verb.i:
        # "The choice was his alone, she says, and he paid for it": the
        # sentence around the parenthetical cue is its content (which
        # `_around_cue` then splits at the cue).
        head = verb.head
        return head.left_edge.i, head.right_edge.i + 1, verb.i + 1, klass
    gerund = next((c for c in xcomp if c.tag_ == "VBG" and c.i == verb.i + 1), None)
    if gerund is not None and is_speech_verb(lemma) and any(c.dep_ == "ccomp" for c in gerund.children):
        # "said having Karlsson back was a big boost": the parse took the
        # gerund subject of the reported clause for the verb's complement.
        lo, hi = _extent([gerund])
        return lo, max(hi, _clause_end(verb.doc, hi)), verb.i + 1, klass
    if is_speech_verb(lemma):
        # "said before leaving that …": the parser hung the clause on an adjunct.
        hung = _clause_below_adjunct(verb)
        if hung is not None:
            lo, hi = _extent([hung])
            return lo, max(hi, _clause_end(verb.doc, hi)), verb.i + 1, klass
    return None


def _absolute(clause: Token) -> bool:
    """Whether a clause is a participle without an auxiliary whose subject a
    possessive pronoun opens ("his voice breaking")."""
    if clause.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return False
    # Its subject a body part or the like of the speaker's ("his voice"), not
    # what a poll shows ("showed Clinton leading").
    return any(c.dep_ == "nsubj" and any(p.dep_ == "poss" and p.tag_ == "PRP$" for p in c.children)
               for c in clause.children)


def _stranded_subject(verb: Token, clause: Token) -> int:
    """Where a reported clause without a subject of its own starts when the
    parse hung its subject on the cue as an object ("said smaller brewers who …
    are likely to suffer"): at the first word after the cue that is no date
    ("said Monday smaller brewers …"). Else the clause's own start."""
    lo = clause.left_edge.i
    if verb.lemma_.lower() in ADDRESSEE_VERBS or any(c.dep_ in _CLAUSE_OPENERS for c in clause.children):
        return lo  # "told MSNBC that …": an addressee; a clause with its own subject or "that"
    doc = verb.doc
    between = [c for c in verb.children if verb.i < c.i < clause.i and c.dep_ not in ("punct", "xcomp")]
    if not any(c.dep_ == "dobj" or c.dep_ == "npadvmod" and c.ent_type_ not in TIME_LABELS for c in between):
        return lo
    if any(c.dep_ not in _STRANDED_DEPS or c.pos_ not in ("NOUN", "PROPN", "NUM", "PRON") for c in between):
        return lo
    start = verb.i + 1
    while start < lo and (doc[start].ent_type_ in TIME_LABELS or doc[start].is_punct):
        start += 1
    return start


def _bare_noun_phrase(doc: Doc, lo: int, hi: int) -> bool:
    """Whether a content is a short phrase without a verb ("the trade", "Ms. May")."""
    return alpha_count(doc[lo:hi]) <= MAX_BARE_NOUN_PHRASE_WORDS and not any(
        doc[k].pos_ in VERB_POS for k in range(lo, hi)
    )


def _impersonal(children: list[Token]) -> bool:
    """A passive cue whose subject is an empty "it" and that names no agent."""
    passive_it = any(c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in children)
    return passive_it and any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children)


def _clause_below_adjunct(verb: Token) -> Token | None:
    """A "that" clause under an adjunct after the verb ("said on Monday that …")."""
    frontier = [c for c in verb.children if c.i > verb.i and c.dep_ in ("prep", "advcl", "npadvmod")]
    for _ in range(MAX_ADJUNCT_DEPTH):
        nxt = []
        for node in frontier:
            for c in node.children:
                if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                    return c
                if c.dep_ in ("pcomp", "pobj", "prep"):
                    nxt.append(c)
        frontier = nxt
    return None


def _clause_end(doc: Doc, i: int) -> int:
    """Where a reported clause starting before token ``i`` ends: the sentence's
    end, or the next speech verb that is not itself reported ("…, he said")."""
    return sentence_end(doc, i, stop=_unreported_speech_verb)


def _unreported_speech_verb(tok: Token) -> bool:
    return tok.pos_ in VERB_POS and is_speech_verb(tok.lemma_.lower()) and tok.dep_ != "ccomp"


def _trailing_end(verb: Token, clause: Token, subjects: Sequence[Token]) -> int | None:
    """Where a clause before its cue ends, when it ends right before the cue's
    subject (or the cue): "the talks failed, officials said", "…, said Yury
    Ushakov". Punctuation may stand between, and so may pieces of the clause
    the parse hung on the cue ("shot his girlfriend, her two young children and
    her mother …, authorities said", the children a "dep" of "said"). None when
    the clause is no trailing attribution."""
    doc = verb.doc
    stop = min([s.left_edge.i for s in subjects if s.i < verb.i] + [verb.i])
    end = clause.right_edge.i + 1
    if end > stop:
        return None
    for child in verb.children:
        if child.dep_ in _STRAY_DEPS and end <= child.left_edge.i and child.right_edge.i < stop:
            end = child.right_edge.i + 1
    if all(doc[k].is_punct or doc[k].is_space for k in range(end, stop)):
        return end
    return None


def _as_put_it(verb: Token) -> bool:
    """ "as X put it", "as X said": a speech verb in an "as" clause."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return False
    return verb.lemma_ == "put" or is_speech_verb(verb.lemma_.lower())


def _as_clause(verb: Token) -> tuple[int, int, int, str] | None:
    """The clause an "as X put it" belongs to, on the far side of it."""
    head = verb.head
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    a_lo, a_hi = verb.left_edge.i, verb.right_edge.i + 1
    before, after = (lo, a_lo), (a_hi, hi)
    side = after if after[1] - after[0] >= before[1] - before[0] else before
    return side[0], side[1], verb.i + 1, "speech"


def _according(tok: Token) -> tuple[int, int, int, str] | None:
    """'according to X': the rest of the sentence, on the side of its verb."""
    doc = tok.doc
    to = doc[tok.i + 1]
    prep_lo = tok.i
    prep_hi = max(to.right_edge.i, tok.right_edge.i) + 1
    if prep_hi < len(doc) and doc[prep_hi].text == ":":
        # "On relations, Putin said, according to the Kremlin’s website: “…”":
        # the source of the quote that follows, not of the frame before it.
        return None
    s_lo = sentence_start(doc, tok.i)
    s_hi = sentence_end(doc, prep_hi)
    before = (s_lo, prep_lo)
    after = (prep_hi, s_hi)
    head = tok.head
    if before[0] <= head.i < before[1]:
        lo, hi = before
    elif after[0] <= head.i < after[1]:
        lo, hi = after
    else:
        lo, hi = max((before, after), key=lambda b: b[1] - b[0])
    if hi == prep_lo:
        hi = _before_trailing_cue(doc, lo, hi)
    return lo, hi, tok.i + 2, "speech"


def _before_trailing_cue(doc: Doc, lo: int, hi: int) -> int:
    """Where a content before "according to" ends when a speaker's own cue
    closes it between commas ("The attack took four minutes, he said,
    according to the complaint"): before that cue, whose content it shares."""
    if hi - lo < 3 or doc[hi - 1].text != ",":
        return hi
    comma = next((k for k in range(hi - 2, lo, -1) if doc[k].text == ","), None)
    if comma is None:
        return hi
    segment = range(comma + 1, hi - 1)
    if len(segment) > MAX_CUE_CLAUSE_TOKENS:
        return hi
    verbs = [doc[k] for k in segment if doc[k].pos_ == "VERB" and is_speech_verb(doc[k].lemma_.lower())]
    # The segment is that cue's own clause: its subject and the words that hang on it.
    if len(verbs) == 1 and any(c.dep_ in SUBJECT_DEPS and c.i in segment for c in verbs[0].children) and all(
        doc[k].i == verbs[0].i or doc[k].head.i in segment for k in segment
    ):
        return comma
    return hi


def _respects_quotes(owner: Sequence[int], cue: int, lo: int, hi: int) -> bool:
    """A content never cuts a quote: it holds each quote it touches whole, or,
    for a cue inside a quote (a nested attribution), it lies inside that
    quote without reaching its opening mark."""
    inner = owner[cue]
    if inner != -1:
        return lo > 0 and owner[lo - 1] == inner and all(owner[k] == inner for k in range(lo, hi))
    touched = {owner[k] for k in range(lo, hi)} - {-1}
    for q in touched:
        if (lo > 0 and owner[lo - 1] == q) or (hi < len(owner) and owner[hi] == q):
            return False
    return True


def _extent(parts: Sequence[Token]) -> tuple[int, int]:
    return min(p.left_edge.i for p in parts), max(p.right_edge.i for p in parts) + 1
