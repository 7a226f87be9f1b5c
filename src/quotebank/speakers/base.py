"""The records the speaker stages hand on: a mention, a speaker, an attribution.

Data flows one way through frozen records:

    Candidate (quotebank.detect) ─▶ Attribution with its Mention (mentions.py)
                                 ─▶ Attribution with its Speaker (resolve.py)

A stage that adds to an attribution makes a new one with ``attrs.evolve``.
"""

from __future__ import annotations

import attrs

from quotebank.detect.base import Candidate

__all__ = ["Mention", "Speaker", "Attribution"]


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


@attrs.frozen(slots=True)
class Speaker:
    """The entity behind a mention.

    Attributes:
        name: canonical name, or None.
        type: "person", "organisation", "country", "group" or "unknown".
        confidence: how sure the resolution is, in [0, 1].
        role: the entity's title or role in the article ("Iranian President",
            "the Ira Weiner Fellow at the Washington Institute …"), or None.
        named: True when ``name`` is a proper name; False when it is the
            description the article gives an unnamed source ("officials",
            "a person familiar with the negotiations"), or there is no name.
    """

    name: str | None
    type: str
    confidence: float
    role: str | None = None
    named: bool = False


#: The speaker of a quote whose source is not named.
UNKNOWN = Speaker(None, "unknown", 0.0)


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
