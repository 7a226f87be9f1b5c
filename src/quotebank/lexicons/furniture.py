"""Page furniture words: the labels of a page's blocks of other stories, lower case."""

from __future__ import annotations

__all__ = ["CARD_SEPARATORS", "SIDEBAR_LABELS", "SIDEBAR_LABEL_LEADS"]

#: A line that is only one of these labels opens a block of other stories'
#: headlines and teasers ("LATEST CONTENT", "Related", "You may also like"),
#: matched whole, in any case, with or without a colon. Sites in other
#: languages label their English pages' widgets in their own ("últimas publicaciones").
SIDEBAR_LABELS = frozenset({
    "also read", "editor's picks", "editors' picks", "further reading", "in other news", "latest",
    "latest articles", "latest content", "latest news", "latest posts", "latest stories", "more news",
    "more stories", "most popular", "most read", "most viewed", "popular", "popular stories", "read more",
    "read next", "recent posts", "recommended", "recommended for you", "recommended stories", "related",
    "related articles", "related content", "related coverage", "related news", "related posts",
    "related stories", "top stories", "trending", "trending now", "what to read next", "you may also like",
    "you might also like", "últimas publicaciones", "últimas noticias", "dernières publications",
})

#: A short line starting with one of these opens such a block too ("MORE FROM THE WEEK").
SIDEBAR_LABEL_LEADS = ("more from ", "more in ", "more on ", "latest from ", "related to ")

#: A line that is only one of these separates the cards of a list of other
#: stories (a headline, a teaser, a byline, then "-").
CARD_SEPARATORS = frozenset({"-", "–", "—", "•", "*", "·", "|"})
