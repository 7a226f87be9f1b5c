"""Cue words: what introduces an attribution, by lemma, lower case.

The class of an attribution (`CUE_CLASSES`) follows from its cue and its
source (`quotebank.detect.base.cue_class`), and for a directive from the
content's form too (`DIRECTIVE_VERBS`).
"""

from __future__ import annotations

from quotebank.lexicons._words import words

__all__ = [
    "WORK_TITLE_LEADS",
    "SPEECH_VERBS",
    "BELIEF_VERBS",
    "BELIEF_ADJECTIVES",
    "DOCUMENT_VERBS",
    "DOCUMENT_NOUNS",
    "OBJECT_CONTENT_VERBS",
    "PASSIVE_SPEAKER_VERBS",
    "QUESTION_VERBS",
    "VOICING_VERBS",
    "INFERENCE_VERBS",
    "INFERENCE_SUBJECTS",
    "EXPECTATION_VERBS",
    "INFINITIVE_CONTENT_VERBS",
    "ADDRESSEE_VERBS",
    "REPORTING_NOUNS",
    "HEADLINE_CUE_WORDS",
    "CUE_CLASSES",
    "DIRECTIVE_VERBS",
]

#: The classes of cue a quote may have: what someone said or claimed, believes,
#: what a document shows, and an action someone asks for or commits to.
CUE_CLASSES = ("speech", "belief", "document", "directive")

#: Verbs of speaking, writing and stating that introduce a quote (textacy
#: knows 55; the Gender Gap Tracker uses 257).
SPEECH_VERBS = words(
    """
    accept accuse acknowledge add address admit advise advocate affirm agree
    allege announce answer apologize apologise appeal applaud argue articulate ask assert
    assure attest attack bark bellow beg blame blast boast brag brief caution
    challenge charge chide chime cite claim clarify comment complain concede
    conclude concur condemn confess confide confirm congratulate contend continue convey
    counter credit criticize criticise cry dismiss debate declare decry defend demand deny
    describe dispute echo elaborate emphasize emphasise encourage endorse estimate exclaim explain
    express forecast gush grumble hail highlight hint hypothesize indicate inform insist
    instruct interject interrupt joke lament lash laud lecture maintain mention
    moan mock mumble murmur mutter muse narrate note notify object observe offer
    opine order outline pledge plead point posit post praise preach predict
    proclaim promise pronounce propose protest quip quote rail rant read
    reaffirm recall reckon recommend recount refute reiterate reject relate remark repeat
    remind reply report request respond retort reveal say scoff scold scream
    shout shriek sigh slam snap snarl speak specify speculate state stress
    suggest summarize summarise swear tell testify thank threaten tout tweet
    underline underscore urge vow warn whisper wonder write yell
    bemoan chirp crow enthuse fume gripe groan growl hiss holler huff intone marvel sneer
    sniff stammer stutter wail whine
    """
)

#: Verbs of belief, intention and attitude whose complement PolNeAR annotates
#: as an attribution ("they believe closer relations can …"). Class "belief".
BELIEF_VERBS = words(
    """
    believe think hope fear expect feel worry doubt suspect assume wish reckon
    figure guess imagine know realize realise understand sense trust bet
    anticipate envision foresee consider hold fret
    """
)

#: Adjectives of attitude taking a clause ("was skeptical the Russians would
#: accept …"). Class "belief".
BELIEF_ADJECTIVES = words(
    """
    skeptical sceptical confident convinced sure certain worried concerned
    optimistic pessimistic hopeful doubtful afraid aware adamant insistent
    unsure uncertain fearful positive happy glad pleased disappointed
    """
)

#: Verbs whose clause is a document's finding ("polls show …", "the study
#: found …"). Class "document"; they are cues although they are not speech verbs.
DOCUMENT_VERBS = words("show find indicate")

#: Sources that make an attribution a document's or a poll's ("polls show",
#: "the report says"). Class "document". ("data" is listed for where spaCy
#: tags it singular, "datum" for where it lemmatises the plural.)
DOCUMENT_NOUNS = words(
    """
    poll survey study report data document
    analysis research record filing memo letter statement
    estimate projection census audit review
    investigation paper article email website site book transcript
    release indictment complaint lawsuit ruling order resolution platform
    summary tally polling chart graph average datum
    """
)

#: Verbs whose subject voices the reporting noun they take as object ("repeated
#: accusations that …", "made the claim that …"); not "denied reports that …",
#: whose subject rejects someone else's words. By lemma.
VOICING_VERBS = words("make repeat issue level voice raise echo reiterate renew express offer lodge air")

#: Verbs that report a question, whose "if" clause is its content ("asked the
#: students if they were serious"), not a condition. By lemma.
QUESTION_VERBS = words("ask wonder inquire enquire")

#: Verbs through which the writer draws an inference from a fact ("Iran’s
#: response suggests that …") when their subject is one of
#: `INFERENCE_SUBJECTS`: not an attribution. By lemma.
INFERENCE_VERBS = words("suggest indicate imply signal mean show")
INFERENCE_SUBJECTS = words(
    """
    response reaction move decision fact visit trip action behaviour behavior silence
    absence choice timing development step shift departure arrival appointment
    """
)

#: Belief verbs whose passive ("X is expected to visit …", "with X expected
#: to …") states a plan others expect: not an attribution to X.
EXPECTATION_VERBS = words("expect anticipate")

#: Speech verbs whose passive subject is the speaker ("he was quoted as saying").
PASSIVE_SPEAKER_VERBS = words("quote")

#: Verbs whose direct object is the content ("stressed the need to stop …",
#: "denied the claims", "hailed his country’s “strategic relationship”").
OBJECT_CONTENT_VERBS = words(
    """
    stress emphasize emphasise hail deny announce confirm reiterate highlight
    praise criticize criticise knock blame acknowledge admit reject dismiss
    predict propose demand welcome express condemn decry reaffirm underline
    underscore defend dispute question rule endorse tout laud applaud slam
    blast attack accuse recommend reveal cite mention discuss raise outline
    claim promise pledge vow suggest disclose report describe echo
    """
)

#: Verbs that characterise someone or something: their content is the
#: characterisation ("calls him a good ball-striker", "describes Mr. Fry as the
#: most left-leaning Green on council"), however short.
CHARACTERISATION_VERBS = words("call describe label dub brand characterize characterise")

#: Verbs whose content is an infinitive or gerund ("promised to …", "urged
#: the president to demand …", "denied supplying weapons").
INFINITIVE_CONTENT_VERBS = words(
    """
    promise pledge vow threaten refuse decline agree urge call ask encourage
    warn advise tell order demand deny admit claim offer propose plan intend
    want swear insist recommend expect hope wish seek
    """
)

#: Verbs whose infinitive or noun-phrase content is an action the source asks
#: for or commits to, not a statement: "urged Congress to act", "vowed to fight
#: on", "demanded the withdrawal of troops" (directive and commissive speech
#: acts). Such attributions are of class "directive"; with a clause ("promised
#: that taxes would fall") they stay "speech". By lemma.
DIRECTIVE_VERBS = words(
    """
    promise pledge vow threaten refuse decline agree urge call ask encourage
    warn advise tell order demand offer propose recommend
    """
)

#: Nouns for works whose titles are quoted ("his 2012 book, “An American Son”"):
#: a title-shaped quote right after one is a title, not a quotation.
WORK_NOUNS = words(
    """
    book memoir novel biography song album film movie documentary show program programme
    series episode column article essay play poem report
    """
)
#: Verbs that make a work ("“American Skin” was written by …"): a title-shaped quote
#: they cue is a title, not a quotation.
WORK_VERBS = words("write publish release produce direct compose title")

#: Forms of "say" and "tell" that make a short line a subhead attribution
#: ("Technology used to help, Freedom Mobile says"), not page furniture. As
#: written, not lemmas.
HEADLINE_CUE_WORDS = words("say says said tell tells told")

#: Verbs whose object is the person addressed, not the content ("told reporters").
ADDRESSEE_VERBS = words("tell ask inform assure remind warn advise urge brief notify")

#: Nouns that report speech or belief with a "that" clause ("reports that …",
#: "the claim that …").
REPORTING_NOUNS = words(
    """
    report claim statement assertion announcement allegation
    warning promise belief fear hope view argument suggestion insistence
    accusation charge rumor rumour speculation
    impression notion idea assurance pledge acknowledgment admission
    """
)

#: Words right before a quoted title that make it a work's name ("on “Face the
#: Nation”", "CBS's “Face the Nation”", "a book titled “…”").
WORK_TITLE_LEADS = frozenset({"on", "of", "for", "'s", "’s", "titled", "entitled", "named"})
