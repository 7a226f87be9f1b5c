"""spaCy labels the rules read, by what they mean: dependency labels and
named-entity labels of the English pipelines."""

from __future__ import annotations

__all__ = ["SUBJECT_DEPS", "MEASURE_LABELS"]

#: A clause's subject, active or passive ("Putin said", "Velayati was quoted").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

#: NER labels of counted things that are no group of people ("four years", "10 points").
#: spaCy's labels, upper case: a tuple, not a word list.
MEASURE_LABELS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL")
