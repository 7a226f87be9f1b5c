"""Words that matter when two reports of a quotation are compared.

Written as they are after quote-level normalisation (lower case, punctuation
removed: "don't" → "dont").
"""

from quotebank.lexicons._words import words

__all__ = ["NEGATION_WORDS"]

#: Negations: two reports that differ in these are never merged, however
#: alike they are otherwise ("we will win" / "we will not win").
NEGATION_WORDS = words("""
    not no never nor neither nobody nothing none nowhere cannot
    dont doesnt didnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt
    havent hasnt hadnt mustnt neednt aint
""")
