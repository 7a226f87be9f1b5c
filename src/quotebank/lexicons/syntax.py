"""Dependency labels the rules read, by what they mean (spaCy's English labels)."""

from __future__ import annotations

__all__ = ["SUBJECT_DEPS"]

#: A clause's subject, active or passive ("Putin said", "Velayati was quoted").
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
