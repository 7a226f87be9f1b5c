"""Lexicons: the words that introduce a quote, and the words around a speaker.

Data only, no logic: detectors and resolvers read these sets. Verbs are listed
by lemma (spaCy's ``token.lemma_``), lower case.
"""

from __future__ import annotations

__all__ = [
    "SPEECH_VERBS",
    "SPEECH_NOUNS",
    "TITLES",
    "MALE_WORDS",
    "FEMALE_WORDS",
    "PERSON_PRONOUNS",
    "GROUP_PRONOUNS",
    "ORG_PRONOUNS",
    "is_speech_verb",
]

#: Verbs of speaking, writing and stating that introduce a direct quote
#: (textacy knows 55; the Gender Gap Tracker uses 257). By lemma.
SPEECH_VERBS: frozenset = frozenset(
    """
    accept accuse acknowledge add address admit advise advocate affirm agree
    allege announce answer apologize apologise appeal applaud argue articulate ask assert
    assure attest attack bark bellow beg blame blast boast brag caution
    challenge charge chide chime cite claim clarify comment complain concede
    conclude condemn confess confide confirm congratulate contend continue
    counter credit criticize criticise cry dismiss debate declare decry defend demand deny
    describe dispute echo elaborate emphasize emphasise encourage endorse estimate exclaim explain
    express forecast gush grumble hail highlight hint hypothesize indicate inform insist
    instruct interject interrupt joke lament laud lecture maintain mention
    moan mock mumble murmur mutter muse narrate note object observe offer
    opine order outline pledge plead point post praise preach predict
    proclaim promise pronounce propose protest quip quote rail rant read
    reaffirm recall reckon recommend recount refute reiterate reject relate remark
    remind reply report request respond retort reveal say scoff scold scream
    shout shriek sigh slam snap snarl speak specify speculate state stress
    suggest summarize summarise swear tell testify thank threaten tout tweet urge
    vow warn whisper wonder write yell
    concur caution emphasize underline underscore notify lash brief pronounce
    attest convey posit wrote""".split()
)

#: Nouns that report speech ("in a statement", "the claim that").
SPEECH_NOUNS: frozenset = frozenset(
    """
    statement remark remarks comment comments interview speech tweet post
    claim claims assertion announcement testimony address letter op-ed
    """.split()
)

#: Words of rank and role stripped from the front of a name
#: ("President Vladimir Putin" → "Vladimir Putin"). Lower case, no dots.
TITLES: frozenset = frozenset(
    """
    mr mrs ms miss dr prof professor sir dame lord lady rev reverend father
    president vice prime minister secretary senator sen rep representative
    congressman congresswoman gov governor mayor chancellor chairman chairwoman
    chair ceo cfo director general gen col colonel lt lieutenant maj major
    capt captain sgt sergeant adm admiral cmdr commander ayatollah sheikh
    king queen prince princess emperor pope cardinal bishop rabbi imam judge
    justice attorney ambassador envoy spokesman spokeswoman spokesperson
    advisor adviser aide analyst expert official officer minister deputy
    speaker leader chief head fellow professor author journalist correspondent
    editor reporter commissioner councilman councilwoman councillor
    former late acting supreme foreign defense defence interior finance state
    us u.s. russian iranian israeli american british french german chinese
    candidate nominee hon honourable honorable
    """.split()
)

#: Third-person pronouns that refer to a male, a female, a person, a group or
#: an organisation.
MALE_WORDS: frozenset = frozenset({"he", "him", "his", "himself", "mr", "mr.", "sir", "king", "father"})
FEMALE_WORDS: frozenset = frozenset(
    {"she", "her", "hers", "herself", "mrs", "mrs.", "ms", "ms.", "miss", "queen", "dame", "lady"}
)
PERSON_PRONOUNS: frozenset = frozenset({"he", "she", "him", "her", "i", "me", "who", "you"})
GROUP_PRONOUNS: frozenset = frozenset({"they", "them", "we", "us"})
ORG_PRONOUNS: frozenset = frozenset({"it"})


def is_speech_verb(lemma: str) -> bool:
    """Whether ``lemma`` is a verb that may introduce a quote.

    Args:
        lemma: a spaCy lemma, any case.

    Returns:
        True for words such as "say", "tell", "stress" and "tweet".
    """
    return lemma.lower() in SPEECH_VERBS
