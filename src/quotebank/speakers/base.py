"""The records the speaker stages hand on: a mention, a speaker, an attribution.

Data flows one way through frozen records:

    Candidate (quotebank.detect) ─▶ Attribution with its Mention (mentions.py)
                                 ─▶ Attribution with its Speaker (resolve.py)

A stage that adds to an attribution makes a new one with ``attrs.evolve``.
"""

from __future__ import annotations

import enum

import attrs

from quotebank.detect.base import Candidate

__all__ = ["Mention", "Resolution", "Speaker", "Attribution"]


@attrs.frozen(slots=True)
class Mention:
    """The words that name a source.

    Attributes:
        start: index of the mention's first token.
        end: index just past its last token.
        head: index of its head token (the name or noun that the phrase is about).
        method: "subject", "inverted", "according", "relative", "agent" (of
            a passive cue) or "floating".
    """

    start: int
    end: int
    head: int
    method: str


class Resolution(enum.Enum):
    """How a speaker was found from its mention: a record's provenance.

    The confidence model (`quotebank.confidence`) learns a weight for each.
    """

    #: No mention, so no speaker.
    NONE = "none"
    #: A name the article gives in full, or a shorter form of one ("Putin").
    ARTICLE_NAME = "article_name"
    #: A proper name the article gives nowhere else.
    NEW_NAME = "new_name"
    #: A capitalised word the parser did not tag as a name, found among the article's people.
    CAPITALISED = "capitalised"
    #: The fullest name of a coreference cluster a component left in ``doc.spans``.
    CLUSTER = "cluster"
    #: A name in apposition ("the chief of staff, Gen. Mohammad Bagheri").
    APPOSITION = "apposition"
    #: A name after "from"/"by" ("a report from IRNA") among the article's names.
    FROM_BY = "from_by"
    #: A name after "from"/"by" that the article gives nowhere else.
    FROM_BY_NEW = "from_by_new"
    #: The author of a document ("her statement", "the RCMP statement").
    AUTHOR = "author"
    #: An organisation named by the person who heads it ("the Clinton campaign",
    #: "his campaign" → "Hillary Clinton campaign").
    OWNER = "owner"
    #: A group of people named as its members: a counted group, as the names listed
    #: before it ("Both lawmakers"), or a family ("the Khans").
    COUNTED = "counted"
    #: A headline's title, as the person its lead names ("NATO chief" → Mark Rutte).
    HEADLINE_LEAD = "headline_lead"
    #: "I" in the article's own voice: its writer, from the byline, else "the author".
    WRITER = "writer"
    #: he/she bound to a person.
    PRONOUN = "pronoun"
    #: it/they, or "the agency", bound to an organisation, country or group.
    COLLECTIVE = "collective"
    #: A description matched to a named entity's roles ("the Iranian president").
    ROLE = "role"
    #: A pronoun or description bound by the learned ranking of the article's entities.
    RANKED = "ranked"
    #: A noun phrase seen before as a speaker ("the report").
    REPEATED = "repeated"
    #: An unnamed source: its description is the speaker ("officials").
    DESCRIPTION = "description"
    #: A bare share ("About four in 10", "26%") as the group a share was last taken of.
    SHARE = "share"
    #: A pronoun left unresolved.
    UNRESOLVED_PRONOUN = "unresolved_pronoun"
    #: A mention the plausibility gate refused (a date, a number, a dateline).
    IMPLAUSIBLE = "implausible"


@attrs.frozen(slots=True)
class Speaker:
    """The entity behind a mention.

    Attributes:
        name: canonical name, or None.
        type: "person", "organisation", "country", "group" or "unknown".
        path: how it was found from the mention (`Resolution`).
        role: the entity's title or role in the article ("Iranian President",
            "the Ira Weiner Fellow at the Washington Institute …"), or None.
        named: True when ``name`` is a proper name; False when it is the
            description the article gives an unnamed source ("officials",
            "a person familiar with the negotiations"), or there is no name.
    """

    name: str | None
    type: str
    path: Resolution
    role: str | None = None
    named: bool = False


#: The speaker of a quote whose source is not named.
UNKNOWN = Speaker(None, "unknown", Resolution.NONE)


@attrs.frozen(slots=True)
class Attribution:
    """A candidate quote with what the speaker stages found for it.

    Attributes:
        candidate: the quote and its cue.
        mention: the words naming its source, or None.
        speaker: the entity they name (`UNKNOWN` until resolved, or when
            there is no mention).
        outer: for a nested attribution, the position (in the same
            document's list of attributions) of the one whose quote holds it;
            else None.
    """

    candidate: Candidate
    mention: Mention | None = None
    speaker: Speaker = UNKNOWN
    outer: int | None = None
