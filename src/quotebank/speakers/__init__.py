"""Speakers: which words name a quote's source, and which entity they name."""

from quotebank.speakers.mentions import Mention, find_mention, mention_for_candidates
from quotebank.speakers.resolve import ArticleEntities, Resolved, resolve_mentions

__all__ = ["Mention", "find_mention", "mention_for_candidates", "ArticleEntities", "Resolved", "resolve_mentions"]
# quotebank.speakers.registry depends on records; import it from there.
