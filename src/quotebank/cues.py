"""Lexicons: the words that introduce a quote, and the words around a speaker.

Data only, no logic: detectors and resolvers read these sets. Verbs are listed
by lemma (spaCy's ``token.lemma_``), lower case.
"""

from __future__ import annotations

__all__ = [
    "SPEECH_VERBS",
    "BELIEF_VERBS",
    "BELIEF_ADJECTIVES",
    "DOCUMENT_NOUNS",
    "OBJECT_CONTENT_VERBS",
    "INFINITIVE_CONTENT_VERBS",
    "ADDRESSEE_VERBS",
    "REPORTING_NOUNS",
    "CUE_CLASSES",
    "cue_class",
    "TITLES",
    "MALE_WORDS",
    "FEMALE_WORDS",
    "PERSON_PRONOUNS",
    "MALE_FIRST_NAMES",
    "FEMALE_FIRST_NAMES",
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

#: Common first names with a clear gender, lower case: they tell "he" from
#: "she" when an article gives no honorific. Deliberately short; names used
#: for both (Alex, Jordan, Kim …) are left out.
MALE_FIRST_NAMES: frozenset = frozenset(
    """
    aaron adam ahmed ali alexander alexei andrew anthony antony barack ben benjamin
    bernie bill bob boris brian carl charles christopher dan daniel david dmitry donald
    edward emmanuel eric frank george gerhard hassan hussein ivan jack james jason jeb jeff
    jerry jim joe john jonathan joseph josh justin kevin larry marco mark masoud matthew
    michael mike mikhail mitch mohammad mohammed muhammad nicholas paul peter rand
    reince richard robert ron ronald sam samuel scott sergei sean stephen steve steven ted thomas
    tim timothy tom tony valery viktor vladimir william xi yury yuri
    """.split()
)
FEMALE_FIRST_NAMES: frozenset = frozenset(
    """
    alexandria amy angela ann anna anne barbara betsy carly catherine cheryl christine claire
    debbie diane donna elizabeth ellen emily emma hillary huma irina jane janet jennifer jessica
    jill joan julia karen kamala kate katherine kellyanne laura linda lisa maria marie mary
    melania michelle monica nancy natalia nikki olga patricia rachel rebecca sarah shirin
    sophie susan theresa ursula valerie victoria
    """.split()
)
GROUP_PRONOUNS: frozenset = frozenset({"they", "them", "we", "us"})
ORG_PRONOUNS: frozenset = frozenset({"it"})


#: Verbs of belief, intention and attitude whose complement PolNeAR annotates
#: as an attribution ("they believe closer relations can …"). Class "belief".
BELIEF_VERBS: frozenset = frozenset(
    """
    believe think hope fear expect feel worry doubt suspect assume wish reckon
    figure guess imagine know realize realise understand sense trust bet
    anticipate envision foresee consider hold fret
    """.split()
)

#: Adjectives of attitude taking a clause ("was skeptical the Russians would
#: accept …"). Class "belief".
BELIEF_ADJECTIVES: frozenset = frozenset(
    """
    skeptical sceptical confident convinced sure certain worried concerned
    optimistic pessimistic hopeful doubtful afraid aware adamant insistent
    unsure uncertain fearful positive happy glad pleased disappointed
    """.split()
)

#: Subjects that make an attribution a document's or a poll's ("polls show").
DOCUMENT_NOUNS: frozenset = frozenset(
    """
    poll polls survey surveys study studies report reports data document documents
    analysis research records record filing filings memo letter statement
    figures numbers estimate estimates projection projections census audit review
    investigation paper article email emails website site book transcript
    release indictment complaint lawsuit ruling order resolution platform
    """.split()
)

#: Verbs whose direct object is the content ("stressed the need to stop …",
#: "denied the claims", "hailed his country’s “strategic relationship”").
OBJECT_CONTENT_VERBS: frozenset = frozenset(
    """
    stress emphasize emphasise hail deny announce confirm reiterate highlight
    praise criticize criticise knock blame acknowledge admit reject dismiss
    predict propose demand welcome express condemn decry reaffirm underline
    underscore defend dispute question rule endorse tout laud applaud slam
    blast attack accuse recommend reveal cite mention discuss raise outline
    claim promise pledge vow suggest dispute disclose report describe echo
    """.split()
)

#: Verbs whose content is an infinitive or gerund ("promised to …", "urged
#: the president to demand …", "denied supplying weapons").
INFINITIVE_CONTENT_VERBS: frozenset = frozenset(
    """
    promise pledge vow threaten refuse decline agree urge call ask encourage
    warn advise tell order demand deny admit claim offer propose plan intend
    want vow swear insist recommend expect hope wish seek
    """.split()
)

#: Verbs whose object is the person addressed, not the content ("told reporters").
ADDRESSEE_VERBS: frozenset = frozenset("tell ask inform assure remind warn advise urge brief notify".split())

#: Nouns that report speech or belief with a "that" clause ("reports that …",
#: "the claim that …").
REPORTING_NOUNS: frozenset = frozenset(
    """
    report reports claim claims statement assertion announcement allegation allegations
    warning promise belief fear fears hope hopes view argument suggestion insistence
    accusation accusations charge charges rumor rumors rumour rumours speculation
    impression notion idea assurance assurances pledge acknowledgment admission
    """.split()
)

#: The classes of cue a quote may have.
CUE_CLASSES = ("speech", "belief", "document")


def cue_class(lemma: str, subject_lemma: str = "") -> str:
    """Class of an attribution from its cue's lemma and its subject's head lemma.

    Args:
        lemma: the cue's lemma ("say", "believe", "show", "according").
        subject_lemma: the head lemma of the source ("poll", "report"), or "".

    Returns:
        "document" for polls, reports and other documents, "belief" for
        beliefs and attitudes, else "speech".
    """
    if subject_lemma.lower() in DOCUMENT_NOUNS:
        return "document"
    lemma = lemma.lower()
    if lemma in BELIEF_VERBS or lemma in BELIEF_ADJECTIVES:
        return "belief"
    if lemma in ("show", "find", "indicate"):
        return "document"
    return "speech"


def is_speech_verb(lemma: str) -> bool:
    """Whether ``lemma`` is a verb that may introduce a quote.

    Args:
        lemma: a spaCy lemma, any case.

    Returns:
        True for words such as "say", "tell", "stress" and "tweet".
    """
    return lemma.lower() in SPEECH_VERBS
