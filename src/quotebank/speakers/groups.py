"""Groups of people as speakers: named as their members, or as the group.

* a counted group is the names listed before it ("Mr. Clyburn and Mr.
  Butterfield … Both lawmakers" → "Clyburn and Butterfield"), or the people who
  were the only subjects just before it;
* a family's plural name is its people ("the Khans");
* a part of a group is the group ("some of her supporters"), a share "of whom"
  is of the noun before it, and a bare share ("Two in three said") the group
  the article last took a share of.

`quotebank.speakers.resolve` asks these rules before the others.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from quotebank.detect.base import span_text
from quotebank.lexicons import (
    KIN_NOUNS,
    MEASURE_LABELS,
    MEASURE_NOUNS,
    NUMBER_WORDS,
    PARTITIVE_WORDS,
    PEOPLE_NOUNS,
    QUANTIFIER_WORDS,
    TITLES,
    bare,
)
from quotebank.lexicons.syntax import NOUN_POS, PLURAL_NOUN_TAGS, TIME_LABELS
from quotebank.speakers.base import Mention, Resolution, Speaker
from quotebank.speakers.coref import conjunct_description
from quotebank.speakers.entities import ArticleEntities, Entity
from quotebank.speakers.gate import plausible_name
from quotebank.speakers.names import name_tokens, proper

__all__ = [
    "family_members",
    "joined_people",
    "numbered_group",
    "of_group",
    "relative_antecedent",
    "share_of_group",
]


def family_members(table: ArticleEntities, head: Token) -> list[str] | None:
    """The people a family's plural name after "the" stands for ("the Khans" →
    the article's Khizr Khan and Ghazala Khan): the article's two or more
    people of that surname, in the order it names them; None otherwise."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if not definite or not head.text.endswith("s") or not head.text[:1].isupper():
        return None
    stems = {head.text[:-1].lower(), head.text[:-2].lower()} if head.text.endswith("es") else {head.text[:-1].lower()}
    people = [e for e in table.entities
              if e.type == "person" and e.named and len(e.tokens) > 1 and e.tokens[-1] in stems]
    people.sort(key=lambda e: e.first)
    return [e.name for e in people] if len(people) >= 2 else None


#: Words that count the members of a group just named ("both lawmakers", "the
#: two", "all three candidates"), by how many.
GROUP_COUNTS = {"both": 2, "two": 2, "each": 2, "three": 3, "four": 4}
#: How many sentences back the names such a group counts may be.
GROUP_SENTENCES = 4
#: How many sentences back the people it counts may be the subjects of clauses.
COUNTED_SUBJECT_SENTENCES = 4


def numbered_group(doc: Doc, table: ArticleEntities, mention: Mention, in_quote: bytearray) -> Speaker | None:
    """The people a counted group stands for: "Both lawmakers said …" after "Mr.
    Clyburn and Mr. Butterfield …" are those two. The names must be listed with
    "and" in the sentence or the `GROUP_SENTENCES` before, as many as the count
    says; the nearest such list wins. None when there is none."""
    words = [t for t in doc[mention.start:mention.end] if t.i <= mention.head]
    counts = {GROUP_COUNTS[t.lower_] for t in words if t.lower_ in GROUP_COUNTS}
    head = doc[mention.head]
    if len(counts) != 1 or head.pos_ == "PROPN" or mention.end - mention.start > 4:
        return None
    if any(c.dep_ == "prep" for c in head.children):
        return None  # "both of them", "each of the candidates": `_of_group`'s
    lemma = head.lemma_.lower()
    if not (head.lower_ in GROUP_COUNTS or lemma in PEOPLE_NOUNS or lemma in KIN_NOUNS or bare(lemma) in TITLES):
        return None  # "both parties", "each side": not people
    n = counts.pop()
    lo = table.sentence_start(table.sentence_of(mention.start) - GROUP_SENTENCES)
    for names in reversed(_name_lists(doc, table, lo, mention.start, in_quote)):
        if len(names) == n:
            return joined_people(names)
    # No list: as many people as the count says, the only ones who were subjects
    # just before ("Paradis said …", "Bennett recently retired …", "The two voters").
    lo = table.sentence_start(table.sentence_of(mention.start) - COUNTED_SUBJECT_SENTENCES)
    first: dict[int, int] = {}
    subjects: dict[int, Entity] = {}
    for seen in table.mentions:
        if seen.token >= mention.start:
            break
        first.setdefault(id(seen.entity), seen.token)
        if seen.token >= lo and seen.main_subject and not in_quote[seen.token] and seen.entity.named \
                and seen.entity.type == "person":
            subjects[id(seen.entity)] = seen.entity
    if len(subjects) == n and (head.lower_ in GROUP_COUNTS or lemma in PEOPLE_NOUNS):  # not "Both parents"
        return joined_people([e.name for k, e in sorted(subjects.items(), key=lambda kv: first[kv[0]])])
    return None


def joined_people(names: Sequence[str]) -> Speaker:
    """People named together for a group: "James Clyburn and G. K. Butterfield"."""
    joined = ", ".join(names[:-1]) + " and " + names[-1]
    return Speaker(joined, "person", Resolution.COUNTED, named=True)


def _name_lists(doc: Doc, table: ArticleEntities, lo: int, hi: int, in_quote: bytearray) -> list[list[str]]:
    """The lists of people's names joined by commas and "and" in tokens
    ``[lo, hi)`` outside quotes ("Republican Donald Trump and Democrat Hillary
    Clinton", "Cruz and Rubio"), in text order, each as its members' names."""
    runs: list[tuple[int, int, str]] = []  # (first, last + 1, name) of each person's name
    k = lo
    while k < hi:
        tok = doc[k]
        run = name_tokens(tok) if proper(tok) and not in_quote[k] else []
        if run and run[-1].i == k and (k + 1 >= hi or not proper(doc[k + 1])):
            ent = table.lookup(run)
            if ent is not None and (ent.type == "person" or ent.type == "unknown" and len(run) == 1):
                runs.append((run[0].i, k + 1, str(ent.name)))
        k += 1
    lists: list[list[str]] = []
    current: list[tuple[int, int, str]] = []
    for name in runs:
        if current and _list_joint(doc, current[-1][1], name[0]):
            current.append(name)
            continue
        if len(current) > 1:
            lists.append([r[2] for r in current])
        current = [name]
    if len(current) > 1:
        lists.append([r[2] for r in current])
    return lists


def _list_joint(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens ``[a, b)`` join two names of a list: a comma or "and", with
    only titles and party or nationality words besides ("and Democrat")."""
    between = doc[a:b]
    if not any(t.lower_ in (",", "and") for t in between):
        return False
    return all(t.lower_ in (",", "and") or bare(t.lower_) in TITLES or t.ent_type_ == "NORP" for t in between)


def of_group(doc: Doc, mention: Mention) -> bool:
    """Whether a mention's head is a quantity of a group ("some of her
    supporters", "All of the GOP candidates", "56 percent of Cuban-Americans")."""
    head = doc[mention.head]
    word = head.lower_
    if not (word in QUANTIFIER_WORDS or word in NUMBER_WORDS or word in PARTITIVE_WORDS or head.like_num):
        return False
    return any(
        obj.dep_ == "pobj" and obj.pos_ in NOUN_POS and mention.start <= obj.i < mention.end
        for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of" for obj in prep.children
    )


#: How far back (in sentences) the group of a bare share is looked for.
SHARE_SENTENCES = 3


def share_of_group(doc: Doc, table: ArticleEntities, mention: Mention, in_quote: bytearray) -> Speaker | None:
    """The group a bare share stands for ("About four in 10", "26%", "Thirty
    percent", "39"): the group the article last took a share of ("84 percent of
    Latino voters in Florida", "520 superdelegates", "among caucus attendees") in
    its sentence or the `SHARE_SENTENCES` before; None for any other mention."""
    text = span_text(doc, mention.start, mention.end)
    if not text or plausible_name(text) or any(t.ent_type_ in TIME_LABELS for t in doc[mention.start:mention.end]):
        return None  # a name, a description or a date: no bare share
    first = table.sentence_start(table.sentence_of(mention.start) - SHARE_SENTENCES)
    for i in range(mention.start - 1, first - 1, -1):
        tok = doc[i]
        noun = tok.lemma_.lower()
        if in_quote[i] or tok.tag_ not in PLURAL_NOUN_TAGS or noun in NUMBER_WORDS or noun in MEASURE_NOUNS \
                or tok.ent_type_ in MEASURE_LABELS:  # not "four years ago", "10 points higher"
            continue
        prep = tok.head if tok.dep_ == "pobj" else None
        taken = prep is not None and (
            prep.lower_ == "among" or prep.lower_ == "of" and (prep.head.like_num or _share_word(prep.head))
        ) or any(c.dep_ in ("nummod", "quantmod") for c in tok.children)
        if taken:
            group = conjunct_description(tok)
            if group and plausible_name(group):
                return Speaker(group, "group", Resolution.SHARE)
    return None


def _share_word(tok: Token) -> bool:
    """Whether a word names a share ("percent", "half", "majority", "%")."""
    return tok.text == "%" or tok.lemma_.lower() in NUMBER_WORDS or tok.lower_ in QUANTIFIER_WORDS


def relative_antecedent(doc: Doc, mention: Mention) -> Mention | None:
    """The noun phrase a share of "whom" or "which" is taken of: "retired
    generals and admirals" in "retired generals and admirals, most of whom said
    …"; None when the share is of something else."""
    head = doc[mention.head]
    word = head.lower_
    if not (word in QUANTIFIER_WORDS or word in NUMBER_WORDS or word in PARTITIVE_WORDS or head.like_num):
        return None
    objs = [o for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for o in prep.children if o.dep_ == "pobj"]
    if not objs or objs[0].lower_ not in ("whom", "which"):
        return None
    clause = next((t for t in head.ancestors if t.dep_ == "relcl"), None)
    if clause is not None:
        noun = clause.head
    else:  # the parser hung the clause elsewhere: the noun just before ", most of whom"
        before = mention.start - 1
        while before >= 0 and doc[before].is_punct:
            before -= 1
        noun = doc[before] if before >= 0 else head
        while noun.dep_ == "conj" and noun.head.i < noun.i:  # "generals and admirals"
            noun = noun.head
    if noun.pos_ not in NOUN_POS:
        return None
    return Mention(noun.left_edge.i, noun.right_edge.i + 1, noun.i, mention.method)
