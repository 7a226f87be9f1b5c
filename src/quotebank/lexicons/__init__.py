"""Lexicons: the word lists quotebank's rules read, and nothing else.

Data only, no logic. Each list lives in exactly one place:

* `quotebank.lexicons.cues`: the words that introduce an attribution
  (speech, belief and document verbs, reporting nouns, attitude adjectives),
  by lemma;
* `quotebank.lexicons.speakers`: the words around a speaker (titles,
  pronouns, gendered words, role nouns);
* `quotebank.lexicons.names`: common first names with a clear gender;
* `quotebank.lexicons.quotations`: words that keep two reports of a
  quotation apart (negations).

Rules for every list: lower case; verbs and nouns by lemma (spaCy's
``token.lemma_``); no dots (look words up with `bare`); each word once
(`words` refuses duplicates). ``tests/test_lexicons.py``
checks these rules and that every list is used.
"""

from quotebank.lexicons.cues import (
    ADDRESSEE_VERBS,
    BELIEF_ADJECTIVES,
    BELIEF_VERBS,
    CHARACTERISATION_VERBS,
    CUE_CLASSES,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    EXPECTATION_VERBS,
    HEADLINE_CUE_WORDS,
    INFERENCE_SUBJECTS,
    INFERENCE_VERBS,
    INFINITIVE_CONTENT_VERBS,
    OBJECT_CONTENT_VERBS,
    PASSIVE_SPEAKER_VERBS,
    REPORTING_NOUNS,
    SPEECH_VERBS,
)
from quotebank.lexicons.names import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES
from quotebank.lexicons.quotations import NEGATION_WORDS
from quotebank.lexicons.speakers import (
    COMPARISON_PREPOSITIONS,
    CORRELATIVES,
    DEMONYM_ENDINGS,
    FEMALE_WORDS,
    GROUP_PRONOUNS,
    HONORIFICS,
    INDEFINITE_DETERMINERS,
    INSTITUTION_NOUNS,
    KIN_NOUNS,
    MALE_WORDS,
    NAME_ABBREVIATIONS,
    NAME_PARTICLES,
    NUMBER_WORDS,
    OFFICE_NOUNS,
    ORG_DESCRIPTION_NOUNS,
    ORG_HEAD_NOUNS,
    ORG_PRONOUNS,
    OWNED_ORGANISATION_NOUNS,
    OWNER_GENDER,
    PARTITIVE_WORDS,
    PAST_ROLE_WORDS,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    PERSON_TITLE_NOUNS,
    PLATFORM_NAMES,
    PRONOUN_GENDER,
    QUANTIFIER_WORDS,
    RELATIVE_PRONOUNS,
    ROLE_FILLER_WORDS,
    ROLE_SYNONYMS,
    TIME_WORDS,
    TITLES,
    WRITER_NOTE_NOUNS,
    WRITER_PRONOUNS,
    bare,
)

__all__ = [
    "ADDRESSEE_VERBS",
    "BELIEF_ADJECTIVES",
    "BELIEF_VERBS",
    "CORRELATIVES",
    "DEMONYM_ENDINGS",
    "CUE_CLASSES",
    "DOCUMENT_NOUNS",
    "DOCUMENT_VERBS",
    "EXPECTATION_VERBS",
    "FEMALE_FIRST_NAMES",
    "FEMALE_WORDS",
    "GROUP_PRONOUNS",
    "HONORIFICS",
    "INDEFINITE_DETERMINERS",
    "INSTITUTION_NOUNS",
    "HEADLINE_CUE_WORDS",
    "INFERENCE_SUBJECTS",
    "INFERENCE_VERBS",
    "INFINITIVE_CONTENT_VERBS",
    "MALE_FIRST_NAMES",
    "MALE_WORDS",
    "NAME_ABBREVIATIONS",
    "NAME_PARTICLES",
    "NEGATION_WORDS",
    "NUMBER_WORDS",
    "QUANTIFIER_WORDS",
    "TIME_WORDS",
    "WRITER_NOTE_NOUNS",
    "WRITER_PRONOUNS",
    "OBJECT_CONTENT_VERBS",
    "CHARACTERISATION_VERBS",
    "PASSIVE_SPEAKER_VERBS",
    "ORG_DESCRIPTION_NOUNS",
    "ORG_HEAD_NOUNS",
    "ORG_PRONOUNS",
    "OWNED_ORGANISATION_NOUNS",
    "KIN_NOUNS",
    "OFFICE_NOUNS",
    "OWNER_GENDER",
    "PARTITIVE_WORDS",
    "PAST_ROLE_WORDS",
    "PEOPLE_NOUNS",
    "PLATFORM_NAMES",
    "PERSON_TITLE_NOUNS",
    "COMPARISON_PREPOSITIONS",
    "PERSON_PRONOUNS",
    "PRONOUN_GENDER",
    "RELATIVE_PRONOUNS",
    "REPORTING_NOUNS",
    "ROLE_FILLER_WORDS",
    "ROLE_SYNONYMS",
    "SPEECH_VERBS",
    "TITLES",
    "bare",
]
