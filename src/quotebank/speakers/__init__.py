"""Speakers: which words name a quote's source, and which entity they name.

``quotebank.speakers.registry`` (ids across articles, the user's table)
depends on the quote record; import it from there.
"""

from quotebank.speakers.base import Attribution, Mention, Resolution, Speaker
from quotebank.speakers.entities import ArticleEntities
from quotebank.speakers.mentions import attach_mentions, find_mention
from quotebank.speakers.resolve import resolve_speakers

__all__ = [
    "ArticleEntities",
    "Attribution",
    "Mention",
    "Resolution",
    "Speaker",
    "attach_mentions",
    "find_mention",
    "resolve_speakers",
]
