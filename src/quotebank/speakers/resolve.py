"""Resolved speakers: from a mention to the entity it names in the article.

Rules, in order, for a mention's head token:

* a proper name ("Borshchevskaya", "Russian President Vladimir Putin") loses
  its titles and resolves to the fullest name of the article that ends with it
  ("Borshchevskaya" → "Anna Borshchevskaya"), whatever spaCy's NER says of the
  bare surname;
* a person pronoun (he, she, I, …) resolves to the nearest person before it
  that agrees in gender, preferring sentence subjects and earlier speakers;
* a noun with a name in apposition ("the chief of staff …, Gen. Mohammad
  Bagheri") or after "from"/"by" ("a report from … IRNA") takes that name;
* a bare noun phrase ("the report") takes the entity of the earlier mention
  with the same head noun.

Everything else stays unresolved (speaker None).

The resolver works from the article alone, so that a statistical coreference
component could replace it later: see :class:`ArticleEntities`.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

import attrs
from spacy.tokens import Doc, Token

from quotebank.cues import FEMALE_WORDS, GROUP_PRONOUNS, MALE_WORDS, ORG_PRONOUNS, PERSON_PRONOUNS, TITLES
from quotebank.speakers.mentions import Mention

__all__ = ["Resolved", "ArticleEntities", "resolve_mentions"]

_LABEL_TYPE = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country",
    "NORP": "group",
    "FAC": "organisation",
}
_NAME_DEPS = ("compound", "flat", "nmod", "appos")


@attrs.frozen(slots=True)
class Resolved:
    """The entity behind a mention.

    Attributes:
        name: canonical name, or None.
        type: "person", "organisation", "country", "group" or "unknown".
        confidence: how sure the resolution is, in [0, 1].
    """

    name: Optional[str]
    type: str
    confidence: float


def _strip_title(tokens: List[Token]) -> List[Token]:
    """Drop leading titles and roles ("Russian President Vladimir Putin" → "Vladimir Putin")."""
    out = list(tokens)
    while len(out) > 1 and out[0].lower_.rstrip(".") in TITLES:
        out.pop(0)
    while out and (out[-1].is_punct or out[-1].lower_ in ("'s", "’s")):
        out.pop()
    while out and out[0].is_punct:
        out.pop(0)
    return out


def _text(tokens: Sequence[Token]) -> str:
    """The original text of consecutive tokens (not ``doc.text``, which is rebuilt on each call)."""
    if not tokens:
        return ""
    return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text


def name_tokens(head: Token) -> List[Token]:
    """The proper name a head token belongs to: its run of proper nouns."""
    if head.pos_ != "PROPN" and not (head.ent_type_ and head.ent_type_ in _LABEL_TYPE):
        return []
    doc = head.doc
    left = head.i
    while left > 0 and _name_part(doc[left - 1]) and doc[left - 1].head.i in range(left - 1, head.i + 1):
        left -= 1
    while left > 0 and _name_part(doc[left - 1]) and doc[left - 1].dep_ in _NAME_DEPS:
        left -= 1
    right = head.i + 1
    while right < len(doc) and _name_part(doc[right]) and doc[right].dep_ in ("flat", "compound", "appos") and doc[right].head.i in range(left, right):
        right += 1
    return _strip_title([doc[i] for i in range(left, right)])


def _name_part(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or (tok.text[:1].isupper() and tok.pos_ in ("NOUN", "ADJ") and tok.ent_type_ != "")


@attrs.define
class _Entity:
    name: str
    tokens: Tuple[str, ...]
    type: str
    first: int  # first token index where seen
    gender: Optional[str] = None


class ArticleEntities:
    """The names an article uses, to resolve surnames, pronouns and nouns.

    Built once per Doc from its proper-noun runs and named entities.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities: List[_Entity] = []
        self._by_key: Dict[Tuple[str, ...], _Entity] = {}
        for run in self._runs(doc):
            self._add(run)

    @staticmethod
    def _runs(doc: Doc) -> List[List[Token]]:
        runs: List[List[Token]] = []
        cur: List[Token] = []
        for tok in doc:
            if tok.pos_ == "PROPN" and tok.text[:1].isupper() or (cur and tok.text in ("al-", "bin", "de", "van", "von")):
                cur.append(tok)
                continue
            if cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        return [r for r in (_strip_title(r) for r in runs) if r]

    def _add(self, run: List[Token]) -> _Entity:
        key = tuple(t.text.lower() for t in run)
        ent = self._by_key.get(key)
        if ent is None:
            label = _label_of(run)
            ent = _Entity(_text(run), key, label, run[0].i)
            self._by_key[key] = ent
            self.entities.append(ent)
        prev = run[0].nbor(-1) if run[0].i > 0 else None
        if prev is not None and ent.gender is None:
            word = prev.lower_
            if word in MALE_WORDS:
                ent.gender = "m"
            elif word in FEMALE_WORDS:
                ent.gender = "f"
        return ent

    def lookup(self, run: List[Token]) -> Optional[_Entity]:
        """The fullest entity whose name ends with (or starts with) ``run``."""
        key = tuple(t.text.lower() for t in run)
        if not key:
            return None
        best: Optional[_Entity] = None
        for ent in self.entities:
            n = len(key)
            if len(ent.tokens) < n:
                continue
            suffix = ent.tokens[-n:] == key
            prefix = n == 1 and ent.tokens[0] == key[0] and len(ent.tokens) > 1 and ent.type == "person"
            if suffix or prefix or ent.tokens == key:
                if best is None or _rank(ent, suffix) > _rank(best, best.tokens[-n:] == key):
                    best = ent
        return best

    def persons_before(self, token_index: int) -> List[_Entity]:
        """Person entities first seen before ``token_index``, nearest first."""
        return sorted(
            (e for e in self.entities if e.first < token_index and e.type == "person"),
            key=lambda e: -e.first,
        )


def _rank(ent: _Entity, suffix: bool) -> tuple:
    return (ent.type == "person", suffix, len(ent.tokens))


def _label_of(run: List[Token]) -> str:
    labels = [t.ent_type_ for t in run if t.ent_type_]
    if labels:
        label = max(set(labels), key=labels.count)
        if label in _LABEL_TYPE:
            return _LABEL_TYPE[label]
    if len(run) >= 2 and all(t.text[:1].isupper() for t in run):
        return "person"
    return "unknown"


def resolve_mentions(
    doc: Doc, mentions: Sequence[Optional[Mention]], quoted: Sequence[tuple] = ()
) -> List[Resolved]:
    """Resolve every mention of a document.

    Args:
        doc: the parsed document.
        mentions: mentions in text order (None for quotes without a speaker).
        quoted: ``(first, last + 1)`` token ranges of the quotes; names inside
            them are not antecedents of a pronoun.

    Returns:
        One :class:`Resolved` per mention.
    """
    table = ArticleEntities(doc)
    in_quote = bytearray(len(doc))
    for lo, hi in quoted:
        in_quote[lo:hi] = b"\x01" * (hi - lo)
    out: List[Resolved] = []
    history: List[Tuple[int, Resolved, str]] = []  # (head index, resolution, head lemma)
    for mention in mentions:
        if mention is None:
            out.append(Resolved(None, "unknown", 0.0))
            continue
        res = _resolve_one(doc, table, mention, history, in_quote)
        head = doc[mention.head]
        if mention.method != "floating":
            history.append((mention.head, res, head.lemma_.lower()))
            if res.name and head.lower_ in ("he", "she"):
                for ent in table.entities:
                    if ent.name == res.name and ent.gender is None:
                        ent.gender = "m" if head.lower_ == "he" else "f"
        out.append(res)
    return out


def _resolve_one(doc: Doc, table: ArticleEntities, mention: Mention, history, in_quote: bytearray) -> Resolved:
    head = doc[mention.head]
    span = [doc[i] for i in range(mention.start, mention.end)]
    # 1. A proper name.
    run = name_tokens(head)
    if run and not all(t.lower_.rstrip(".") in TITLES for t in run):
        ent = table.lookup(run)
        if ent is not None:
            return Resolved(ent.name, ent.type, 0.95)
        return Resolved(_text(run), _label_of(run), 0.8)
    # 2. A name in apposition, or after from/by ("a report from … IRNA").
    for tok in span:
        if tok.head.i == head.i and tok.dep_ == "appos" and tok.pos_ == "PROPN":
            run = name_tokens(tok)
            ent = table.lookup(run) if run else None
            if ent is not None:
                return Resolved(ent.name, ent.type, 0.9)
    for tok in span:
        if tok.dep_ == "pobj" and tok.head.lower_ in ("from", "by") and tok.head.head.i == head.i:
            run = name_tokens(tok)
            if run:
                ent = table.lookup(run)
                return Resolved(ent.name, ent.type, 0.85) if ent else Resolved(_text(run), _label_of(run), 0.75)
    lower = head.lower_
    # 3. A pronoun.
    if head.pos_ == "PRON" or lower in PERSON_PRONOUNS | GROUP_PRONOUNS | ORG_PRONOUNS:
        return _resolve_pronoun(doc, table, mention, history, in_quote)
    # 4. A noun phrase seen before as a speaker ("the report").
    lemma = head.lemma_.lower()
    for idx, res, prev_lemma in reversed(history):
        if prev_lemma == lemma and res.name:
            return Resolved(res.name, res.type, 0.7)
    return Resolved(None, "unknown", 0.5)


def _gender(word: str) -> Optional[str]:
    if word in ("he", "him"):
        return "m"
    if word in ("she", "her"):
        return "f"
    return None


def _resolve_pronoun(doc: Doc, table: ArticleEntities, mention: Mention, history, in_quote: bytearray) -> Resolved:
    word = doc[mention.head].lower_
    if word in GROUP_PRONOUNS or word in ORG_PRONOUNS:
        return Resolved(None, "group" if word in GROUP_PRONOUNS else "organisation", 0.4)
    if word not in ("he", "she", "him", "her"):
        return Resolved(None, "person", 0.4)
    gender = _gender(word)
    # Walk back through the sentences before the pronoun: subjects first.
    sent = doc[mention.head].sent
    sents = [sent]
    node = sent
    for _ in range(6):
        if node.start == 0:
            break
        node = doc[node.start - 1].sent
        sents.append(node)
    speakers = {res.name for _, res, _ in history if res.name and res.type == "person"}
    for s in sents:
        limit = mention.start if s == sent else s.end
        candidates: List[Tuple[int, _Entity]] = []
        for tok in s:
            if tok.i >= limit or tok.pos_ != "PROPN" or in_quote[tok.i]:
                continue
            run = name_tokens(tok)
            if not run or run[-1].i != tok.i:
                continue
            ent = table.lookup(run)
            if ent is None or ent.type not in ("person", "unknown"):
                continue
            if ent.gender is not None and gender is not None and ent.gender != gender:
                continue
            score = 0
            if tok.dep_ in ("nsubj", "nsubjpass") or any(t.dep_ in ("nsubj", "nsubjpass") for t in tok.ancestors if t.i < s.end and t.dep_ == "appos"):
                score += 2
            if ent.name in speakers:
                score += 2
            if ent.type == "person":
                score += 1
            candidates.append((score, ent))
        if candidates:
            best = max(candidates, key=lambda c: c[0])[1]
            return Resolved(best.name, "person", 0.75)
    return Resolved(None, "person", 0.4)
