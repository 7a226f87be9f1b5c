"""spaCy labels the rules read, by what they mean: dependency labels and
named-entity labels of the English pipelines."""

from __future__ import annotations

__all__ = ["COLLECTIVE_LABELS", "MEASURE_LABELS", "NAME_WORD_POS", "NATION_LABELS", "NOMINAL_POS",
           "NOUN_MODIFIER_DEPS", "NOUN_POS", "PLACE_LABELS", "PLURAL_NOUN_TAGS", "SUBJECT_DEPS", "TIME_LABELS",
           "VERB_POS"]

#: A clause's subject, active or passive ("Putin said", "Velayati was quoted").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

#: NER labels of counted things that are no group of people ("four years", "10 points").
#: spaCy's labels, upper case: a tuple, not a word list.
MEASURE_LABELS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL")

# Part-of-speech sets (universal tags, ``token.pos_``).

#: A verb or an auxiliary ("said", "is").
VERB_POS = ("VERB", "AUX")
#: A common or proper noun.
NOUN_POS = ("NOUN", "PROPN")
#: What can head a mention: a noun or a pronoun.
NOMINAL_POS = ("PROPN", "NOUN", "PRON")
#: Words a name or a role can be made of ("Iranian President", "Supreme Leader").
NAME_WORD_POS = ("ADJ", "PROPN", "NOUN")

# Fine-grained tags (Penn Treebank, ``token.tag_``).

#: Plural nouns, common and proper ("officials", "Democrats").
PLURAL_NOUN_TAGS = ("NNS", "NNPS")

# Dependency labels (``token.dep_``).

#: Words that modify a noun inside its phrase ("state media", "Iranian president").
NOUN_MODIFIER_DEPS = ("compound", "amod")

# Named-entity labels (``ent.label_``).

#: Dates and times: never a speaker.
TIME_LABELS = ("DATE", "TIME")
#: Nationalities and countries ("Iranian", "Iran").
NATION_LABELS = ("NORP", "GPE")
#: Places.
PLACE_LABELS = ("GPE", "LOC")
#: Names of bodies of people: organisations, countries and nationalities.
COLLECTIVE_LABELS = ("ORG", "GPE", "NORP")
