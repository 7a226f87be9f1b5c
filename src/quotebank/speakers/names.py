"""Names: which tokens make a proper name, its titles, and what kind of entity it names.

* `name_run` collects the run of proper nouns around a head token, titles
  included; hyphenated names are one ("Kim Jong-un"), and an institution's
  name runs on past "of" ("Department of Community Services").
* `split_title` parts the titles from the name: "Russian President Vladimir
  Putin" → (["Russian", "President"], ["Vladimir", "Putin"]); words glued
  before a person's full name ("Speed Read Mark Rutte") are dropped.
* `label_of` says whether a name is a person, an organisation, a country or
  a group, from NER's labels and the name's shape.

Only the tokens are read here: which entity a name stands for in the article
is `quotebank.speakers.entities`' job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from quotebank.lexicons import (
    FEMALE_FIRST_NAMES,
    HONORIFICS,
    INSTITUTION_NOUNS,
    MALE_FIRST_NAMES,
    NAME_ABBREVIATIONS,
    NAME_SUFFIXES,
    NEWS_AGENCY_NAMES,
    ORG_DESCRIPTION_NOUNS,
    ORG_ROLE_NOUNS,
    PERSON_TITLE_NOUNS,
    PLATFORM_NAMES,
    TIME_WORDS,
    TITLES,
    bare,
)
from quotebank.lexicons.syntax import COLLECTIVE_LABELS, NATION_LABELS, TIME_LABELS

__all__ = [
    "name_suffix",
    "LABEL_TYPE",
    "acronym",
    "apposition_host",
    "first_name",
    "hyphen",
    "is_proper_modifier",
    "label_of",
    "name_part",
    "name_run",
    "name_tokens",
    "of_joins",
    "joiner_width",
    "proper",
    "split_title",
    "stem",
    "text_of",
    "title_only",
]

LABEL_TYPE = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "country",
    "NORP": "group",
    "FAC": "organisation",
}
_NAME_DEPS = ("compound", "flat", "nmod", "appos")
#: Role words are compared by their first letters, so that a country and its
#: adjective meet ("Iran" and "Iranian", "Russia's" and "Russian").
STEM_CHARS = 4
#: A run of this many capitalised words or more that NER left untyped is taken
#: for a person's name ("Ali Akbar Velayati").
PERSON_NAME_MIN_WORDS = 2


#: How many heads up `apposition_host` climbs from a name to the noun it describes.
APPOSITION_CLIMB = 4


def apposition_host(name: Token) -> Token:
    """What a name in apposition describes: its head, or, where the parse hung
    it on a name inside a description, that description's noun ("One pastor
    supporting Mr. Cruz, Darran Whiting, said": "pastor", not "Cruz"; "An
    attorney for Pagliano, Mark MacDougall": "attorney"). Two names in
    apposition are two people."""
    host = name.head
    if name.dep_ != "appos" or host.pos_ != "PROPN" or host.i > name.i:
        return host
    node = host
    for _ in range(APPOSITION_CLIMB):
        if node.dep_ not in ("dobj", "pobj", "prep", "acl", "compound") or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "NOUN":
            return node
    return host


def stem(word: str) -> str:
    w = word.lower().strip(".’'")
    return w[:STEM_CHARS] if len(w) >= STEM_CHARS else w


def split_title(tokens: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """Split leading titles from a name: "Russian President Vladimir Putin" →
    (["Russian", "President"], ["Vladimir", "Putin"])."""
    out = list(tokens)
    while len(out) > 1 and out[0].ent_type_ in TIME_LABELS:
        out.pop(0)  # "On Wednesday Suncor disclosed …"
    while len(out) > 1 and out[-1].ent_type_ in TIME_LABELS and out[-1].lower_.strip(".") in TIME_WORDS:
        out.pop()  # "The White House Saturday said …"
    titles: list[Token] = []
    # "General Motors": a title word that opens an organisation's two-word name stays;
    # so do the words of an institution's name ("Russian Foreign Ministry", "State Department").
    one_org = len(out) == 2 and out[0].ent_iob_ == "B" and out[0].ent_type_ == "ORG" and out[1].ent_iob_ == "I"
    one_org = one_org or bool(out) and bare(out[-1].lower_) in INSTITUTION_NOUNS and all(
        t.ent_type_ in COLLECTIVE_LABELS or bare(t.lower_) not in PERSON_TITLE_NOUNS for t in out[:-1]
    )
    while len(out) > 1 and bare(out[0].lower_) in TITLES and not one_org:
        titles.append(out.pop(0))
    # "National Security Council Secretary Ali Akbar Ahmadian": a title inside
    # the run, followed by a person's name of two words or more; or by a single
    # name after a title only a person holds ("Wet'suwet'en Hereditary Chief Na'moks").
    for k in range(len(out) - 2, -1, -1):
        rest = out[k + 1:]
        title = bare(out[k].lower_)
        two_words = len(rest) >= 2 and title in TITLES and (
            any(t.ent_type_ == "PERSON" for t in rest) or first_name(rest[0])  # "… CEO Carly Fiorina", tagged ORG
        )
        one_word = (len(rest) == 1 and title in PERSON_TITLE_NOUNS and out[k].text[:1].isupper()
                    and rest[0].text[:1].isupper() and bare(rest[0].lower_) not in TITLES
                    and bare(rest[0].lower_) not in NAME_ABBREVIATIONS)  # not "Martin Luther King Jr."
        if two_words or one_word:
            titles.extend(out[:k + 1])
            out = rest
            break
    while out and (out[-1].is_punct or out[-1].lower_ in ("'s", "’s")):
        out.pop()
    while out and out[0].is_punct:
        out.pop(0)
    # "Speed Read Mark Rutte", "Getty Images Kevin Vickers": words glued before a
    # person's full name (a teaser's label, a photo credit) are not part of it.
    person = _glued_person_start(out)
    if person:
        titles.extend(t for t in out[:person] if t.ent_type_ in NATION_LABELS or bare(t.lower_) in TITLES)
        out = out[person:]
    return titles, out


def _glued_person_start(run: Sequence[Token]) -> int:
    """Where a person's name of two words or more starts inside a run that it
    ends, after words that are no first names; 0 when it does not."""
    if len(run) < 3 or run[-1].ent_type_ != "PERSON":
        return 0
    start = len(run) - 1
    while start > 0 and run[start].ent_iob_ == "I":
        start -= 1
    if start == 0 or run[start].ent_iob_ != "B" or len(run) - start < 2:
        return 0
    if any(t.lower_ in MALE_FIRST_NAMES or t.lower_ in FEMALE_FIRST_NAMES for t in run[:start]):
        return 0
    return start


def text_of(tokens: Sequence[Token]) -> str:
    """The original text of consecutive tokens (not ``doc.text``, which is rebuilt on each call)."""
    if not tokens:
        return ""
    return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text


#: A surname of the shape "O’Malley", "D’Souza": a name whatever its tag.
_APOSTROPHE_NAME = re.compile(r"[A-Z]['’][A-Z][a-z]+")


def proper(tok: Token) -> bool:
    """Whether a token is a proper noun: tagged so, or shaped as a name the tagger
    misses ("D’Souza", tagged a noun)."""
    return tok.pos_ == "PROPN" or _APOSTROPHE_NAME.fullmatch(tok.text) is not None


def name_part(tok: Token) -> bool:
    return proper(tok) or (tok.text[:1].isupper() and tok.pos_ in ("NOUN", "ADJ") and tok.ent_type_ != "") \
        or org_inner(tok)


def org_inner(tok: Token) -> bool:
    """Whether a capitalised word that is no proper noun sits inside an
    organisation's NER name after its first word ("Our" in "Alliance to
    Reclaim Our Schools")."""
    return tok.ent_iob_ == "I" and tok.ent_type_ == "ORG" and tok.is_title and tok.pos_ in ("PRON", "DET", "VERB")


def hyphen(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen inside a word ("Jong-un", "Wilson-Thompson")."""
    return (0 < i < len(doc) - 1 and doc[i].text in ("-", "‐") and not doc[i - 1].whitespace_
            and not doc[i].whitespace_ and doc[i - 1].is_alpha and doc[i + 1].is_alpha
            and (doc[i + 1].pos_ == "PROPN" or doc[i + 1].text[:1].isupper())  # not "Calgary-based"
            and not (doc[i + 1].dep_ in ("compound", "amod", "nmod") and doc[i + 1].head.pos_ == "NOUN"))
    # ... nor a pair as a modifier: "the Gasol-Valanciunas trade", "the Israel-Hamas war"


def of_joins(doc: Doc, i: int) -> bool:
    """Whether token ``i`` joins the words of an institution's name ("Department
    of Community Services", "Center for Responsive Politics"), not "Jones of
    the Blue Jackets" (see `joiner_width`)."""
    return joiner_width(doc, i) > 0


#: Words inside an institution's name that NER reads as part of it ("Center for
#: Responsive Politics", "Committee for a Responsible Federal Budget").
NAME_JOINERS = ("of", "for", "to", "on")


def joiner_width(doc: Doc, i: int) -> int:
    """How many tokens from ``i`` join two parts of an institution's name: 1 for
    "of", "for", "to" or "on" ("Diocese of Covington", "Alliance to Reclaim Our
    Schools"), 2 with an article after "for" ("Committee for a Responsible …")
    or a verb after "to" ("Committee to Protect Journalists"); 0 when they join
    no name. "for", "to" and "on" join only inside one NER name."""
    if not (0 < i < len(doc) - 1 and doc[i].lower_ in NAME_JOINERS):
        return 0
    word = doc[i].lower_
    article = word == "for" and i < len(doc) - 2 and doc[i + 1].lower_ in ("a", "the")
    verb = word == "to" and i < len(doc) - 2 and doc[i + 1].pos_ == "VERB" and doc[i + 1].is_title
    width = 2 if article or verb else 1
    before, after = doc[i - 1], doc[i + width]
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in (before, after)):
        return 0
    inside = all(t.ent_iob_ == "I" for t in doc[i:i + width + 1])
    if doc[i].lower_ == "of":
        return width if inside or bare(before.lower_) in INSTITUTION_NOUNS else 0
    return width if inside else 0


def name_run(head: Token) -> list[Token]:
    """The run of proper nouns around a head token, titles included; hyphenated
    names are one name ("Kim Jong-un")."""
    doc = head.doc
    hyphenated = head.i >= 2 and head.text[:1].isupper() and hyphen(doc, head.i - 1) and proper(doc[head.i - 2])
    if not proper(head) and not (head.ent_type_ and head.ent_type_ in LABEL_TYPE) and not hyphenated:
        return []  # ("Wealth-X", its "X" tagged a noun, is a name)
    if not proper(head) and head.is_sent_start and head.tag_ == "NNS":
        return []  # "Partisans on both sides warn …": a plural common noun, capitalised by its sentence
    left = head.i
    while left >= 2 and hyphen(doc, left - 1) and doc[left - 2].text[:1].isupper():
        left -= 2
    while left > 0 and name_part(doc[left - 1]) and doc[left - 1].head.i in range(left - 1, head.i + 1):
        left -= 1
    while left > 0 and name_part(doc[left - 1]) and doc[left - 1].dep_ in _NAME_DEPS:
        left -= 1
    right = head.i + 1
    while (right < len(doc) and name_part(doc[right]) and doc[right].dep_ in ("flat", "compound", "appos")
           and doc[right].head.i in range(left, right)):
        right += 1
    while right < len(doc) - 1 and (hyphen(doc, right) or joiner_width(doc, right)):
        right += 1 + max(1, joiner_width(doc, right))
        while right < len(doc) and doc[right].pos_ == "PROPN" and doc[right - 1].pos_ == "PROPN" and (
            doc[right].dep_ in ("compound", "pobj", "flat") and doc[right].head.i in range(left, right + 2)
        ):
            right += 1
    return [doc[i] for i in range(left, right)]


def name_tokens(head: Token) -> list[Token]:
    """The proper name a head token belongs to, without titles."""
    return split_title(name_run(head))[1]


def is_proper_modifier(tok: Token) -> bool:
    """A name or nationality word ("NATO", "Iran's", "Iranian")."""
    if bare(tok.lower_) in TITLES and tok.ent_type_ not in NATION_LABELS:
        return False
    if tok.pos_ == "PROPN":
        return True
    return tok.pos_ == "ADJ" and tok.text[:1].isupper() and (tok.ent_type_ in NATION_LABELS or not tok.is_sent_start)


def title_only(run: Sequence[Token]) -> bool:
    """Whether a run is all titles ("President"), not a name ("US", "Iran", and
    "King" in "Mr. King": after an honorific a capitalised word is a surname)."""
    if run and all(bare(t.lower_) in NAME_ABBREVIATIONS for t in run):
        return True  # "Jr.", "Inc." alone
    if len(run) == 1 and run[0].ent_type_ in COLLECTIVE_LABELS:
        return False
    if len(run) == 1 and run[0].i > 0 and run[0].text[:1].isupper():
        if bare(run[0].nbor(-1).lower_) in HONORIFICS:
            return False
    return all(bare(t.lower_) in TITLES for t in run)



def acronym(token: Token) -> bool:
    """ "CBC", "RCMP": capitals only, two letters or more (an organisation, not a name)."""
    letters = [c for c in token.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def first_name(tok: Token) -> bool:
    return tok.is_title and (tok.lower_ in MALE_FIRST_NAMES or tok.lower_ in FEMALE_FIRST_NAMES)


def name_suffix(word: str) -> bool:
    """Whether a word follows a surname without being part of it ("Jr.", "III")."""
    return bare(word) in NAME_SUFFIXES


def label_of(run: Sequence[Token], titles: Sequence[Token] = ()) -> str:
    """The speaker type of a name: a person after a title only a person holds
    ("Hereditary Chief Na'moks"), else from NER's labels and the name's shape."""
    if titles and bare(titles[-1].lower_) in PERSON_TITLE_NOUNS:
        return "person"
    if " ".join(t.lower_ for t in run) in PLATFORM_NAMES | NEWS_AGENCY_NAMES:
        return "organisation"  # "took to Twitter", "Xinhua said": NER's PERSON notwithstanding
    labels = [t.ent_type_ for t in run if t.ent_type_]
    if labels:
        # The most frequent label; on a tie the first seen (never a set's
        # order, which changes with PYTHONHASHSEED).
        label = max(dict.fromkeys(labels), key=labels.count)
        # "Sean Hannity", "Paul Dewar" tagged ORG: a first name and a surname.
        if label == "ORG" and len(run) == PERSON_NAME_MIN_WORDS and first_name(run[0]) and run[1].is_title and (
            run[1].lower_ not in ORG_DESCRIPTION_NOUNS | INSTITUTION_NOUNS  # not "Sierra Club"
        ):
            return "person"
        # "NBC News anchor Lester Holt", the name tagged ORG: a name after a
        # role noun that follows a name is a person's.
        role = run[0].nbor(-1) if run[0].i > 1 else None
        if label == "ORG" and role is not None and role.pos_ == "NOUN" and role.is_lower \
                and role.nbor(-1).ent_type_ in COLLECTIVE_LABELS \
                and len(run) >= PERSON_NAME_MIN_WORDS and all(t.is_title for t in run):
            return "person"
        # "Aaron Klein Investigative Radio" tagged PERSON: a name that ends with
        # an organisation's kind names the organisation.
        if label == "PERSON" and len(run) > PERSON_NAME_MIN_WORDS and run[-1].lower_ in ORG_ROLE_NOUNS:
            return "organisation"
        # A date, an event, a work or a law ("Christmas Day", "Dec.") is no speaker's name.
        return LABEL_TYPE.get(label, "unknown")
    if len(run) >= PERSON_NAME_MIN_WORDS and all(t.text[:1].isupper() and not acronym(t) for t in run):
        return "person"
    return "unknown"

