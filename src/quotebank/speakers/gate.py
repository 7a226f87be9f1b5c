"""The gate: what can be a quote's speaker at all.

A speaker is a person, an organisation, a group or a document. A date, a time,
a number or a percentage ("Saturday", "11:00 am", "60 percent"), a dateline's
place ("WASHINGTON (AP) —") and markup left in the text never is: such a
speaker is dropped (`Resolution.IMPLAUSIBLE`) rather than written into the
dataset. A name loses invisible characters (`clean_name`). Names on page furniture and in captions are kept from being
antecedents earlier, in `quotebank.speakers.resolve`.

Examples:
    >>> plausible_name("Vladimir Putin"), plausible_name("Saturday"), plausible_name("About four in 10")
    (True, False, False)
"""

from __future__ import annotations

import re
import unicodedata

import attrs
from spacy.tokens import Doc

from quotebank.lexicons import (
    DATELINE_FOLLOWERS,
    NAME_ABBREVIATIONS,
    NAME_JOINERS,
    NUMBER_WORDS,
    QUANTIFIER_WORDS,
    TIME_WORDS,
)
from quotebank.speakers.base import Mention, Resolution, Speaker

__all__ = ["admit", "clean_name", "plausible_name", "is_dateline"]

_WORD = re.compile(r"[^\W_]+|%")
#: Characters of markup, never of a name ('datetime="2016').
_MARKUP = frozenset('<>="{}|')


def clean_name(name: str) -> str:
    """A name without invisible characters (a zero-width space, a soft hyphen:
    Unicode's format characters), with single spaces, and without the full stop
    of a sentence it ended ("E3G." → "E3G")."""
    visible = " ".join("".join(c for c in name if unicodedata.category(c) != "Cf").split())
    last = visible.rsplit(" ", 1)[-1]
    if len(last) > 2 and last.endswith(".") and "." not in last[:-1] and last[:-1].lower() not in NAME_ABBREVIATIONS:
        return visible[:-1]  # the sentence's full stop: "E3G." (not "Jr.", "Inc.", "U.S.")
    return visible


def plausible_name(name: str) -> bool:
    """Whether a speaker's name could name a person, an organisation, a group or
    a document: not only dates, times and numbers, and no markup."""
    if any(c in _MARKUP for c in name):
        return False
    words = _WORD.findall(name.lower())
    if not words:
        return False
    quantity = [w.isdigit() or w == "%" or w in TIME_WORDS or w in NUMBER_WORDS for w in words]
    if not any(quantity):
        return True
    return not all(q or w in QUANTIFIER_WORDS or w in NAME_JOINERS for q, w in zip(quantity, words, strict=True))


def is_dateline(doc: Doc, mention: Mention) -> bool:
    """Whether a mention is a dateline's place: capitals opening a line, followed
    by a bracket or a dash ("WASHINGTON (AP) — …")."""
    starts_line = mention.start == 0 or "\n" in doc[mention.start - 1].text_with_ws
    words = [t for t in doc[mention.start:mention.end] if t.is_alpha]
    return (
        starts_line and bool(words) and all(t.is_upper for t in words)
        and mention.end < len(doc) and doc[mention.end].text in DATELINE_FOLLOWERS
    )


def admit(doc: Doc, mention: Mention, speaker: Speaker) -> Speaker:
    """The speaker with a clean name (`clean_name`), or no speaker when it
    cannot be one (see the module's doc)."""
    if speaker.name is None:
        return speaker
    name = clean_name(speaker.name)
    if not plausible_name(name) or is_dateline(doc, mention):
        return Speaker(None, "unknown", Resolution.IMPLAUSIBLE)
    return speaker if name == speaker.name else attrs.evolve(speaker, name=name)
