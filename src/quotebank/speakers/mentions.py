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

from collections.abc import Sequence

import attrs
from spacy.tokens import Doc, Token

from quotebank.detect.base import Candidate, is_according_to, is_sentence_end, is_speech_verb, quote_mask
from quotebank.lexicons import (
    ADDRESSEE_VERBS,
    CORRELATIVES,
    PASSIVE_SPEAKER_VERBS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    VOICING_VERBS,
)
from quotebank.lexicons.syntax import NOMINAL_POS, NOUN_POS, PLACE_LABELS, TIME_LABELS, VERB_POS
from quotebank.marks import paragraph_bounds
from quotebank.speakers.base import Attribution, Mention
from quotebank.text import paragraph_of

__all__ = ["Mention", "find_mention", "attach_mentions"]

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_INVERTED_DEPS = ("nsubj", "dobj", "attr", "npadvmod", "appos", "oprd", "dative", "nsubjpass", "conj")
_CLIMB_DEPS = ("conj", "xcomp", "advcl", "ccomp", "acl", "pcomp", "relcl", "prep", "pobj", "dobj", "acomp")
#: How many tokens before a cue are searched for a subject the parse misplaced.
FALLBACK_WINDOW = 25
#: How many heads up from the cue its subject is looked for ("He took a swipe
#: at Trump, saying …": saying → took, one step).
MAX_SUBJECT_CLIMB = 4
#: How many heads up from the word before a colon the subject of a cue-less
#: quote's lead-in is looked for ("took to Twitter with this: “…”": this → with → took).
MAX_COLON_CLIMB = 4
#: A quote without a cue takes the speaker named in its own paragraph or at
#: most this many paragraphs before (a *floating* quote).
FLOATING_MAX_PARAGRAPHS = 1


def find_mention(doc: Doc, cue: int, quote_tokens: tuple = (0, 0), in_quote: bytearray | None = None) -> Mention | None:
    """Find the speaker mention of a cue.

    Args:
        doc: the parsed document.
        cue: index of the cue's head token.
        quote_tokens: (first, last + 1) tokens of the quote; the mention never
            overlaps them.
        in_quote: per token, 1 when it lies inside any quote; mentions are
            never taken from inside a quote.

    Returns:
        The mention, or None when the cue has no subject in the parse.
    """
    verb = doc[cue]
    lo, hi = quote_tokens
    mask = in_quote if in_quote is not None else bytearray(len(doc))
    if is_according_to(verb):
        for child in verb.children:
            if child.lower_ == "to":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return _phrase(doc, objs[0], lo, hi, "according", mask)
        if cue + 2 < len(doc) and doc[cue + 1].lower_ == "to":
            return _phrase(doc, doc[cue + 2], lo, hi, "according", mask)
        return None
    if verb.pos_ in NOUN_POS:
        # A reporting noun: "Trump's claim that …", "reports from IRNA that …".
        for child in verb.children:
            if child.dep_ == "poss" and not mask[child.i]:
                return _phrase(doc, child, lo, hi, "subject", mask)
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return _phrase(doc, objs[0], lo, hi, "subject", mask)
        # "Christie repeated accusations that …", "made the claim that …": who voices it.
        if verb.dep_ == "dobj" and verb.head.lemma_.lower() in VOICING_VERBS:
            subject = _subject_of(verb.head, lo, hi, mask)
            if subject is not None:
                return _phrase(doc, subject, lo, hi, "subject", mask)
        # "X says in a statement that …": the speaker of the verb it was made through.
        prep = verb.head
        if verb.dep_ == "pobj" and prep.lower_ in ("in", "through") and prep.head.pos_ == "VERB":
            outer = prep.head
            subject = _subject_of(outer, lo, hi, mask) if is_speech_verb(outer.lemma_.lower()) else None
            if subject is not None:
                return _phrase(doc, subject, lo, hi, "subject", mask)
        return None
    # A participle with its agent and no auxiliary: "As reported by Western
    # Journalism, …", "Asked by Matt Lauer whether …".
    if verb.dep_ in ("advcl", "acl") and not any(c.dep_ in ("auxpass", "nsubj", "nsubjpass") for c in verb.children):
        agent = _agent_of(verb)
        if agent is not None and not mask[agent.i]:
            return _phrase(doc, agent, lo, hi, "agent", mask)
        if _put_to_subject(verb, lo, hi):
            return None
    if any(c.dep_ == "auxpass" for c in verb.children) and not _has_contracted(verb):
        # Passive: "was told by X" names X; "he was told" names no speaker;
        # but "he was quoted as saying" names him.
        agent = _agent_of(verb)
        if agent is not None:
            return _phrase(doc, agent, lo, hi, "agent", mask)
        if verb.lemma_.lower() in PASSIVE_SPEAKER_VERBS:
            subject = _subject_of(verb, lo, hi, mask)
            if subject is not None:
                return _phrase(doc, subject, lo, hi, "subject", mask)
        # "He said his teammate was being yelled at “simply because …”": a
        # passive without an agent inside what a speaker says is theirs to quote.
        outer = verb.head
        if verb.dep_ == "ccomp" and outer.i != verb.i and outer.pos_ == "VERB" and is_speech_verb(outer.lemma_.lower()):
            subject = _subject_of(outer, lo, hi, mask)
            if subject is not None:
                return _phrase(doc, subject, lo, hi, "subject", mask)
        return None
    absolute = _with_subject(verb)
    if absolute is not None and not mask[absolute.i] and not lo <= absolute.i < hi:
        found = _phrase(doc, absolute, lo, hi, "subject", mask)
        if found is not None and found.start < verb.i:
            return attrs.evolve(found, end=min(found.end, verb.i))
    node = verb
    for _ in range(MAX_SUBJECT_CLIMB):
        subj = _subject_of(node, lo, hi, mask)
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and node.dep_ == "relcl":
                return _phrase(doc, _who_of(node.head, subj), lo, hi, "relative", mask)
            return _phrase(doc, subj, lo, hi, "subject", mask)
        if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ == "PROPN" and node.head.i < node.i:
            # "Erin Brockovich, the … activist and lawyer, endorsed …, saying …"
            # where the parse found no verb: the name the participle hangs on,
            # with its first apposition.
            return _hung_on(doc, node.head, lo, hi, mask)
        if node.dep_ == "acl" and node.tag_ in ("VBD", "VBN", "VBZ", "VBP") and node.head.pos_ in NOUN_POS \
                and node.head.dep_ == "ROOT" and node.head.i < node.i and not lo <= node.head.i < hi \
                and not mask[node.head.i]:
            # "“…!” the presumptive GOP presidential nominee, Donald Trump, tweeted
            # Sunday": a verb with a tense has a subject; the parse hung the
            # verb on it.
            return _hung_on(doc, node.head, lo, hi, mask)
        if node.dep_ in _CLIMB_DEPS and node.head.i != node.i:
            node = node.head
            continue
        break
    # "… advocate Josh Matlow told HuffPost Canada …", "Matlow | said he likes …"
    # (the name split off as a sentence of its own): the subject misparsed, a
    # name right before the cue is its subject, not the object after it.
    prev = doc[cue - 1] if cue > 0 else None
    if prev is not None and prev.pos_ == "PROPN" and not mask[prev.i] and not lo <= prev.i < hi and (
        prev.dep_ not in ("pobj", "poss", "compound") and prev.whitespace_  # not "Iran’s" glued to its word
    ):
        return _phrase(doc, prev, lo, hi, "subject", mask)
    # Inverted: "…,” said Kremlin aide Yury Ushakov."
    for child in verb.rights:
        if lo <= child.i < hi or mask[child.i]:
            continue
        if child.dep_ in _INVERTED_DEPS and child.pos_ in NOMINAL_POS \
                and child.ent_type_ not in TIME_LABELS:  # not "tweeted Sunday"
            return _phrase(doc, child, lo, hi, "inverted", mask)
    # A subject the parser hung elsewhere: the nearest one before the cue.
    for i in range(cue - 1, max(-1, cue - FALLBACK_WINDOW), -1):
        tok = doc[i]
        if mask[i] or lo <= i < hi or is_sentence_end(tok):
            break
        if tok.dep_ in SUBJECT_DEPS and tok.pos_ in NOMINAL_POS:
            return _phrase(doc, tok, lo, hi, "subject", mask)
    # No subject in the parse, but a name stands between the quote and its cue
    # ("“…,” DeBoer said of …"; "“…,” Pierre Gignac, EDC’s risk officer, mentioned"):
    # the name or noun right after the quote, with the proper nouns that follow it.
    if 0 <= hi <= cue and cue - hi <= FALLBACK_WINDOW:
        between = [doc[i] for i in range(hi, cue) if not mask[i]]
        if any(is_sentence_end(t) for t in between):
            return None
        words = [t for t in between if not (t.is_punct or t.is_space)]
        if words and words[0].pos_ == "DET":
            words = words[1:]  # "“…,” the company said"
        first = words[0] if words else None  # right after the quote: not "“…” between May and October, says"
        if first is not None and (first.pos_ in NOMINAL_POS or _capitalised_word(first)):
            end = first.i
            while first.pos_ != "NOUN" and end + 1 < cue and doc[end + 1].pos_ == "PROPN":
                end += 1
            found = _phrase(doc, doc[end], lo, hi, "subject", mask)
            if found is not None and found.end > cue:
                found = Mention(found.start, cue, found.head, found.method) if found.start < cue else None
            return found
        if not words:  # "“…,” said David Brock, a Clinton confidant …" with the name parsed into another clause
            return _name_after(doc, cue, lo, hi, mask)
    return None


def _name_after(doc: Doc, cue: int, lo: int, hi: int, mask: bytearray) -> Mention | None:
    """The proper name right after a cue (an inverted subject the parse missed)."""
    start = cue + 1
    if start < len(doc) and doc[start].pos_ == "DET":
        start += 1
    first = doc[start] if start < len(doc) else None
    if first is None or mask[start] or not (
        first.pos_ in ("PROPN", "ADV") and first.is_alpha and first.text[:1].isupper() or _capitalised_word(first)
    ):  # "said Skelly", with "Skelly" tagged an adverb
        return None
    end = start
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and not mask[end + 1]:
        end += 1
    found = _phrase(doc, doc[end], lo, hi, "inverted", mask)
    if found is not None and found.start <= cue:
        found = Mention(cue + 1, found.end, found.head, found.method) if found.end > cue + 1 else None
    return found


def _capitalised_word(tok: Token) -> bool:
    """A capitalised word the tagger took for something else ("DeBoer" as AUX)."""
    return tok.is_alpha and tok.text[:1].isupper() and tok.pos_ not in ("DET", "ADP", "CCONJ", "SCONJ", "ADV")


def _hung_on(doc: Doc, noun: Token, lo: int, hi: int, mask: bytearray) -> Mention | None:
    """The mention of a noun a verb was hung on, with its first apposition and
    nothing of the verb's."""
    found = _phrase(doc, noun, lo, hi, "subject", mask)
    appos = next((c for c in noun.rights if c.dep_ == "appos"), None)
    end = appos.right_edge.i + 1 if appos is not None else noun.i + 1
    return attrs.evolve(found, end=min(found.end, end)) if found is not None else None


def _with_subject(verb: Token) -> Token | None:
    """The subject of a participle after "with" ("The conversation ended *with
    Maddow* asking Clinton whether …"): the object of "with" right before it."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl", "pcomp") or verb.left_edge.i != verb.i:
        return None  # not "… differences with Trump while saying …"
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.dep_ != "pobj" or before.head.lower_ != "with":
        return None
    return before if before.pos_ in NOMINAL_POS else None


def _put_to_subject(verb: Token, lo: int, hi: int) -> bool:
    """Whether a fronted verb of addressing without an agent holds the quote:
    "Asked whether he would run, Rubio said …" puts the question to Rubio, from
    someone the text does not name (the answer, a quote of its own, is his)."""
    return (
        verb.lemma_.lower() in ADDRESSEE_VERBS
        and verb.tag_ in ("VBN", "VBD")
        and not any(c.dep_ == "aux" for c in verb.children)
        and verb.left_edge.i <= lo
        and hi <= verb.right_edge.i + 1
    )


def _agent_of(verb: Token) -> Token | None:
    """The object of a verb's "by" agent ("said by the minister"), or None."""
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _has_contracted(verb: Token) -> bool:
    """Whether a verb the parser read as passive is "has" contracted: "He's said
    he gets his ideas …" (not "He's said to be ill", a passive)."""
    return any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children) and not any(
        c.dep_ == "xcomp" for c in verb.children
    )


def _subject_of(verb: Token, lo: int, hi: int, mask: bytearray) -> Token | None:
    found = []
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and not lo <= child.i < hi and not mask[child.i] and child.pos_ != "SPACE":
            if _line_between(verb.doc, child.i, verb.i):
                continue
            if child.dep_ == "csubj":
                continue
            found.append(child)
    # "Neither did Borshchevskaya believe …": the parser takes "Neither" for a second subject.
    named = [c for c in found if c.lower_ not in CORRELATIVES]
    best = named or found
    # Of two subjects the parse gives one verb ("… if she's elected president,
    # Texas Rep. Mike McCaul said"), a person's name, else a name, nearest the verb.
    # "Of Carson, Levine, … said": a preposition parsed as the subject stands for its object.
    best = [next((o for o in c.children if o.dep_ == "pobj"), c) if c.pos_ == "ADP" else c for c in best]
    names = [c for c in best if c.pos_ == "PROPN" and c.ent_type_ not in PLACE_LABELS]
    people = [c for c in names if c.ent_type_ == "PERSON"]  # not "… University of California, Berkeley"
    if names and len(best) > 1:
        return min(people or names, key=lambda c: abs(verb.i - c.i))
    return best[0] if best else None


def _line_between(doc: Doc, a: int, b: int) -> bool:
    """Whether a line break lies between tokens ``a`` and ``b``."""
    lo, hi = min(a, b), max(a, b)
    return any("\n" in doc[k].text for k in range(lo + 1, hi))


def _phrase(doc: Doc, head: Token, lo: int, hi: int, method: str, mask: bytearray) -> Mention | None:
    """The noun phrase of ``head``, cut so that it stays out of every quote."""
    if mask[head.i]:
        return None
    left, right = head.left_edge.i, head.right_edge.i + 1
    if head.tag_ == "JJ":
        # "Current and former officials …": the parse made the first adjective
        # the subject and the noun its conjunct; the noun heads the phrase.
        noun = next((c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)
        head = noun if noun is not None and not mask[noun.i] else head
    for i in range(head.i - 1, left - 1, -1):
        if mask[i]:
            left = i + 1
            break
    for i in range(head.i + 1, right):
        if mask[i]:
            right = i
            break
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
    if head.pos_ == "PROPN":
        # "Of Carson, Levine, who …": what a comma sets off before a name is not part of it
        comma = next((k for k in range(head.i - 1, left, -1) if doc[k].text == ","), None)
        if comma is not None:
            left = comma + 1
    while left < head.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right - 1 > head.i and (doc[right - 1].is_punct or doc[right - 1].is_space or doc[right - 1].dep_ == "case"):
        right -= 1
    if right <= left:
        return None
    opened = sum(doc[i].text == "(" for i in range(left, right)) - sum(doc[i].text == ")" for i in range(left, right))
    if opened > 0 and right < len(doc) and doc[right].text == ")" and not mask[right]:
        right += 1  # "Rep. Paul Ryan (R-WI)", not "(R-WI"
    return Mention(left, right, head.i, method)


def attach_mentions(
    doc: Doc,
    candidates: Sequence[Candidate],
    para_starts: Sequence[int] | None = None,
    furniture: bytearray | None = None,
) -> list[Attribution]:
    """Find each candidate's mention; cue-less quotes inherit (floating quotes).

    A quote without a cue takes the mention of the nearest attribution before
    it when that is in the same paragraph or at most
    `FLOATING_MAX_PARAGRAPHS` before. An attribution is a quote's cue, or
    a speech verb with a subject in the narrative between quotes ("…, Phil
    Musser says."): another speaker taking over.

    Args:
        doc: the parsed document.
        candidates: candidates in text order.
        para_starts: paragraph start offsets (computed when None).
        furniture: per token, 1 on a line of page furniture: such words never
            name a source.

    Returns:
        One `Attribution` per candidate, in the same order, with its
        mention (or None). Inherited mentions have method "floating".
    """
    direct = [c for c in candidates if c.how != "reported"]
    in_quote = quote_mask(len(doc), (c.quote_tokens for c in direct))
    if para_starts is None:
        para_starts = [s for s, _ in paragraph_bounds(doc.text)]
    out: list[Attribution] = []
    last: tuple[Mention, int] | None = None  # the last mention and its paragraph
    by_cue: dict[int, Mention] = {}  # the mention found for each cue
    prev_end = 0
    for cand in candidates:
        lo, hi = cand.quote_tokens
        mention = None
        if cand.cue is None:
            taken = _narrative_attribution(doc, prev_end, lo, in_quote, furniture)
            if taken is not None:
                last = (taken, paragraph_of(para_starts, doc[taken.head].idx))
            # "Musk again took to Twitter with this: “…”", "Carly Fiorina: “…”".
            mention = _colon_lead(doc, lo, in_quote, furniture)
        else:
            mask = in_quote
            if in_quote[cand.cue]:
                # A cue inside a quote (a nested attribution): its speaker is
                # looked for inside that quote too.
                mask = bytearray(in_quote)
                for d in direct:
                    if d.quote_tokens[0] <= cand.cue < d.quote_tokens[1]:
                        mask[d.quote_tokens[0]:d.quote_tokens[1]] = bytes(d.quote_tokens[1] - d.quote_tokens[0])
            # A parenthetical cue lies inside its own content ("X, she says, Y"):
            # then its subject may too.
            around = (0, 0) if lo <= cand.cue < hi else cand.quote_tokens
            mention = find_mention(doc, cand.cue, around, mask)
            if mention is not None and furniture is not None and furniture[mention.head]:
                mention = None
            if mention is None:  # the later pieces of an interrupted quote share its cue's mention
                mention = by_cue.get(cand.cue)
            elif cand.cue not in by_cue:
                by_cue[cand.cue] = mention
        if mention is None and cand.cue is None and last is not None:
            if cand.paragraph - last[1] <= FLOATING_MAX_PARAGRAPHS:
                mention = attrs.evolve(last[0], method="floating")
        out.append(Attribution(cand, mention))
        if mention is not None:
            last = (mention, cand.paragraph)
        prev_end = max(prev_end, hi)
    return out


def _colon_lead(doc: Doc, lo: int, in_quote: bytearray, furniture: bytearray | None = None) -> Mention | None:
    """The source of a quote opened after a colon with no cue: the subject of
    the clause before the colon when it is a name or a he/she ("Musk again
    took to Twitter with this: “…”", also when the quote opens the next
    paragraph), or that clause itself when it is only a name ("Carly Fiorina:
    “…”"); else None."""
    k = lo - 1
    # The colon may end the paragraph before ("… released the following statement:¶“…”").
    while k >= 0 and (doc[k].is_space or doc[k].is_quote and "\n" not in doc[k].text):
        k -= 1
    if k < 1 or doc[k].text != ":" or in_quote[k] or (furniture is not None and furniture[k]):
        return None
    sent = doc[k - 1].sent
    before = [t for t in doc[sent.start:k] if not t.is_space]
    if not before or any(in_quote[t.i] for t in before):
        return None
    if all(t.is_upper for t in before if t.is_alpha):
        return None  # a section's label: "ANALYST'S VIEWPOINT: “…”"
    if all(t.pos_ == "PROPN" for t in before):
        return Mention(before[0].i, before[-1].i + 1, before[-1].i, "colon")
    chain = [doc[k - 1]]  # from the last word before the colon up to its verb
    while len(chain) < MAX_COLON_CLIMB and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    # A speech verb's subject first, the verb the colon hangs from before all
    # ("As Joel Pollak reported after the FBI left the scene:").
    speech = [n for n in [doc[k].head, *chain] if n.pos_ == "VERB" and is_speech_verb(n.lemma_.lower())]
    for node in speech + chain:
        for child in node.children:
            if child.dep_ == "nsubj" and child.i < k and (child.pos_ == "PROPN" or child.lower_ in ("he", "she")):
                return _phrase(doc, child, lo, lo, "colon", in_quote)
    return None


def _narrative_attribution(
    doc: Doc, start: int, stop: int, in_quote: bytearray, furniture: bytearray | None = None
) -> Mention | None:
    """The last speech verb with a subject in narrative tokens ``[start, stop)``."""
    for i in range(stop - 1, start - 1, -1):
        tok = doc[i]
        if in_quote[i] or tok.pos_ not in VERB_POS or not is_speech_verb(tok.lemma_):
            continue
        if furniture is not None and furniture[i]:
            continue  # "Story continues below advertisement"
        mention = find_mention(doc, i, (0, 0), in_quote)
        if mention is not None and mention.method != "inverted":
            return mention
    return None


#: Entity labels of a place or an organisation: a relative "who" right after
#: one stands for the person it belongs to, when there is one.
NOT_WHO_LABELS = ("GPE", "LOC", "FAC", "ORG")


def _who_of(noun: Token, pronoun: Token) -> Token:
    """The noun a relative pronoun stands for: the one it follows, or, for a
    "who" after a place or an organisation, the person before it ("Alan Berger
    of Englewood, New Jersey, who said …"; "Peter Morgan, a lawyer for the
    Sierra Club, who has been challenging …")."""
    if pronoun.lower_ != "who":
        return noun
    node = noun
    while node.ent_type_ in NOT_WHO_LABELS:
        if node.dep_ == "appos" and node.head.i < node.i:  # "Englewood, New Jersey"
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ in ("of", "from", "for", "at") and (
            node.head.head.pos_ in NOUN_POS
        ):
            return node.head.head
        else:
            break
    return noun
