"""Speaker words: titles, pronouns, gendered words and role nouns, lower case, no dots."""

from __future__ import annotations

from quotebank.lexicons._words import words

__all__ = [
    "TITLES",
    "SPOKESPERSON_NOUNS",
    "ANONYMITY_WORDS",
    "UNNAMED_PARTICIPLES",
    "PERSON_TITLE_NOUNS",
    "COMPARISON_PREPOSITIONS",
    "PAST_ROLE_WORDS",
    "ROLE_SYNONYMS",
    "ORG_HEAD_NOUNS",
    "ORG_DESCRIPTION_NOUNS",
    "ROLE_FILLER_WORDS",
    "MALE_WORDS",
    "FEMALE_WORDS",
    "PRONOUN_GENDER",
    "OWNER_GENDER",
    "PERSON_PRONOUNS",
    "GROUP_PRONOUNS",
    "ORG_PRONOUNS",
    "RELATIVE_PRONOUNS",
    "CORRELATIVES",
    "NAME_PARTICLES",
    "HONORIFICS",
    "WRITER_NOTE_NOUNS",
    "NAME_ABBREVIATIONS",
    "PEOPLE_NOUNS",
    "PLATFORM_NAMES",
    "WRITER_PRONOUNS",
    "PARTITIVE_WORDS",
    "DEMONYM_ENDINGS",
    "TIME_WORDS",
    "NUMBER_WORDS",
    "QUANTIFIER_WORDS",
    "INDEFINITE_DETERMINERS",
    "INSTITUTION_NOUNS",
    "bare",
    "ABBREVIATION_LINKS",
    "ABOUT_PREPOSITIONS",
    "ABOUT_PRONOUNS",
    "DATELINE_FOLLOWERS",
    "ENTOURAGE_NOUNS",
    "LABEL_JOINERS",
    "NAME_JOINERS",
    "TITLE_PREPOSITIONS",
]


def bare(word: str) -> str:
    """A word as the speaker lists hold it: lower case, trailing dots dropped
    ("Gen." → "gen", "Mr." → "mr")."""
    return word.lower().rstrip(".")


#: Words of rank and role stripped from the front of a name
#: ("President Vladimir Putin" → "Vladimir Putin").
TITLES = words(
    """
    mr mrs ms miss dr prof professor sir dame lord lady rev reverend father
    president vice prime minister secretary senator sen rep representative
    congressman congresswoman gov governor mayor chancellor chairman chairwoman
    chair ceo cfo director general gen col colonel lt lieutenant maj major
    capt captain sgt sergeant adm admiral cmdr commander ayatollah sheikh
    king queen prince princess emperor pope cardinal bishop rabbi imam judge
    justice attorney ambassador envoy spokesman spokeswoman spokesperson
    advisor adviser aide analyst expert official officer deputy
    speaker leader chief head fellow author journalist correspondent
    editor reporter commissioner councilman councilwoman councillor
    former late acting supreme foreign defense defence interior finance state
    us russian iranian israeli american british french german chinese
    candidate nominee hon honourable honorable laureate brig cpl pvt supt insp det
    cst atty amb pres msgr ald cllr
    """
)

#: Abbreviated titles spaCy's English tokenizer splits from their full stop
#: ("Capt" + "." + "Christian Pardo"), which then ends the sentence and cuts the
#: name off its title; `quotebank.nlp.keep_title_abbreviations` keeps each whole
#: (capitalised, with its full stop).
TITLE_ABBREVIATIONS = words(
    "col capt lt sgt maj cmdr brig cpl pvt supt insp det cst atty amb pres hon msgr sr ald cllr"
)

#: Titles that only a person holds: a single name right after one is a
#: person's ("Wet'suwet'en Hereditary Chief Na'moks"), whatever NER says.
PERSON_TITLE_NOUNS = words(
    """
    mr mrs ms miss dr prof professor sir dame lord lady rev reverend
    president senator sen congressman congresswoman gov governor mayor chancellor
    chairman chairwoman ceo cfo col colonel lt lieutenant capt captain sgt sergeant
    adm admiral cmdr commander ayatollah sheikh king queen prince princess pope
    cardinal bishop rabbi imam judge ambassador envoy spokesman spokeswoman
    spokesperson chief premier commissioner councillor councilman councilwoman laureate
    """
)

#: Prepositions of a comparison: the person they name is someone other than
#: the he/she around them ("Unlike Al Mnajer, he's been unable to find
#: work"; "porters like Grizzle …, he writes").
COMPARISON_PREPOSITIONS = words("like unlike")

#: Role words of a past holder: "the previous Iranian president Ebrahim
#: Raisi" is not "the Iranian president".
PAST_ROLE_WORDS = words("former previous late ex")

#: Role nouns that mean the same office ("the Russian leader" fits "Russian
#: President Vladimir Putin"). The groups are disjoint.
ROLE_SYNONYMS: tuple[frozenset[str], ...] = (
    words("president leader premier prime chancellor king ayatollah ruler head chief"),
    words("adviser advisor aide counsellor counselor assistant"),
    words("spokesman spokeswoman spokesperson"),
    words("media agency outlet newspaper paper broadcaster network"),
    words("minister secretary"),
    words("lawyer attorney"),
    words("judge justice"),
)

#: Head nouns of descriptions that name organisations, not people
#: ("Iranian state media", "the report"). Matched as written, like
#: `ROLE_SYNONYMS` ("media", whose lemma is "medium").
ORG_HEAD_NOUNS = words(
    "media agency outlet newspaper paper broadcaster network government ministry kremlin administration report state"
)

#: Head nouns of a definite description that stands for the organisation the
#: article has just named ("The agency" after "TransLink", "the team" after
#: "the Raptors"). By lemma.
ORG_DESCRIPTION_NOUNS = words(
    "agency association board club company corporation council department firm group league ministry "
    "organization organisation party team union utility"
)

#: Words of a role that say nothing about which entity holds it: articles,
#: prepositions and rank adjectives ("the top adviser to …").
ROLE_FILLER_WORDS = words("the a an of to for at in on and 's ’s top senior former new")

#: Words before or in a name that tell a man ("Mr.", "he") or a woman.
MALE_WORDS = words("he him his himself mr sir king father")
FEMALE_WORDS = words("she her hers herself mrs ms miss queen dame lady")

#: Pronouns resolved to a person, with the gender they require.
PRONOUN_GENDER: dict[str, str] = {"he": "m", "him": "m", "she": "f", "her": "f"}
#: The same with the possessive "his": the owner of "his campaign", "his statement"
#: (not a voter in `ArticleEntities.learn_genders`, which counts subjects only).
OWNER_GENDER: dict[str, str] = {**PRONOUN_GENDER, "his": "m"}

#: Pronouns that refer to a person, a group, or an organisation.
PERSON_PRONOUNS = words("he she him her i me who you")
GROUP_PRONOUNS = words("they them we us")
ORG_PRONOUNS = words("it")

#: Words the parser may take for a subject in an inverted negation ("Neither
#: did Borshchevskaya believe …"): never the speaker when there is another.
CORRELATIVES = words("neither either nor")

#: Nouns that count things, never a group of people a share is taken of
#: ("about 10 points higher", "four years ago").
MEASURE_NOUNS = words("point year month week day hour minute time vote dollar mile")

#: Adverbs of place that end a description ("her campaign workers *here*").
PLACE_ADVERBS = words("here there")

#: Relative pronouns: "the man *who* said" names the man.
RELATIVE_PRONOUNS = words("who which that whom")

#: Lower-case particles inside names ("Abu Bakr al- Baghdadi", "Ursula von der Leyen").
NAME_PARTICLES = words("al- bin de van von")

#: Capitalised nouns that head an institution's name with "of" ("Department of
#: Community Services", "Diocese of Covington", "Bank of Canada"): the name runs on
#: past "of".
INSTITUTION_NOUNS = words(
    """
    department ministry university diocese bank institute council assembly association
    board church college school city province office government republic kingdom
    commission committee federation union society academy court chamber agency
    embassy consulate
    """
)

#: Determiners that introduce someone new ("An expert on regional issues
#: said"): such a mention never refers back to an earlier speaker.
INDEFINITE_DETERMINERS = words("a an another one some")

#: Those who speak for an organisation: one no one is named for speaks for the
#: organisation the sentence before has as its subject.
SPOKESPERSON_NOUNS = words("spokesman spokeswoman spokesperson")

#: Words by which a text says its source goes unnamed ("speaking on condition of
#: anonymity", "who asked not to be identified"): such a source is no one the
#: article names.
ANONYMITY_WORDS = words("anonymity anonymously")
#: Participles that, after "not to be" or "declined to be", keep a source unnamed.
UNNAMED_PARTICIPLES = words("name identify quote")

#: Words of dates and times: a name made of these and numbers is no speaker
#: ("Saturday", "11:00 am", "March").
TIME_WORDS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    today yesterday tomorrow tonight morning afternoon evening night week weekend month year am pm
    """
)

#: Number words: a name made of these is no speaker ("Thirty percent").
NUMBER_WORDS = words(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion half third quarter percent percentage
    """
)

#: Words that quantify a group before its noun ("about 55 percent of all voters",
#: "nearly half of", "some", "many"): an unnamed group is named without them.
QUANTIFIER_WORDS = words(
    """
    about almost around nearly roughly some many most all few several full just only over under
    more less than least majority minority
    """
)

#: Honorifics: the capitalised word after one is a surname, even one that is
#: also a title ("Mr. King", "Ms. Bishop").
HONORIFICS = words("mr mrs ms miss mx dr")

#: What an author's note at an article's end calls its writer ("Glenn Harlan
#: Reynolds, a law professor, is a member of USA TODAY's Board of Contributors"),
#: besides the titles.
WRITER_NOTE_NOUNS = words("member columnist contributor writer professor editor author fellow")

#: Abbreviations that end a name with their full stop ("Martin Luther King Jr.",
#: "Apple Inc."); any other full stop at a name's end is the sentence's ("E3G.").
NAME_ABBREVIATIONS = words("jr sr inc co corp ltd bros st llc plc")

#: Nouns for several people, by lemma: a plural of one ("people familiar with
#: her thinking", "Trump's representatives") is never one named person.
PEOPLE_NOUNS = words(
    """
    people person representative aide official supporter friend source adviser advisor ally member
    expert analyst insider critic voter lawmaker leader staffer employee worker resident protester
    activist observer investigator researcher scientist economist strategist operative donor delegate
    superdelegate candidate executive spokesperson spokesman spokeswoman associate colleague
    user reader viewer listener commenter
    """
)

#: Social platforms, by their lower-case names: organisations, never he or she
#: ("took to Twitter", which the small English model often tags PERSON).
PLATFORM_NAMES = words("twitter facebook instagram youtube tiktok snapchat reddit linkedin whatsapp telegram")

#: News agencies by their one-word names: organisations, never he or she
#: ("Xinhua said", which the small English model often tags PERSON).
NEWS_AGENCY_NAMES = words("xinhua tass irna reuters afp interfax yonhap kyodo bernama anadolu isna tasnim sputnik kcna")

#: First-person pronouns that, outside quotes, are the article's writer (an op-ed, a letter).
WRITER_PRONOUNS = words("i me we us")

#: Words that take a part of a group ("each of the candidates", "both of them"),
#: besides the quantifiers and numbers: the part is named by the group.
PARTITIVE_WORDS = words("both each either neither none any")

#: Endings that make a people's name from its country's ("Russia" → "Russians",
#: "Iran" → "Iranians", "Israel" → "Israelis", "China" → "Chinese").
DEMONYM_ENDINGS: tuple[str, ...] = ("n", "an", "ian", "i", "ese", "ish")

#: Organisations a person heads, named by that person: "the Clinton campaign",
#: "his campaign", "the Obama administration" speak as "<person> campaign",
#: never as the person.
OWNED_ORGANISATION_NOUNS = words("campaign administration")

#: People by their sex or kin, which a counted group may be ("both men", "the two
#: women", "both parents"), besides `PEOPLE_NOUNS` and `TITLES`.
KIN_NOUNS = words(
    "man woman parent brother sister sibling couple son daughter wife husband widow widower girlfriend boyfriend"
)

#: Offices one person holds at a time, by their titles: a description by one
#: ("the ambassador") is not a person the article gives another ("President …").
OFFICE_NOUNS = words(
    """
    president premier chancellor minister secretary senator congressman congresswoman
    governor mayor ambassador envoy spokesman spokeswoman spokesperson judge justice
    ceo chairman chairwoman speaker
    """
)

#: Nouns for people or a body of them, by lemma: whom a participle's "by" names
#: is never who speaks for them ("a commission appointed by President Bush",
#: "Powell’s office, when contacted by Reuters").
SPEAKING_BODY_NOUNS = PEOPLE_NOUNS | KIN_NOUNS | INSTITUTION_NOUNS | ORG_DESCRIPTION_NOUNS

#: Nouns for a man or a woman, by lemma: a description by one ("the New York
#: businessman", "the congresswoman") is never a person of the other gender.
MALE_NOUNS = words(
    """
    man businessman congressman spokesman councilman assemblyman alderman statesman gentleman
    boy father son brother husband uncle nephew grandfather grandson king prince widower boyfriend
    """
)
FEMALE_NOUNS = words(
    """
    woman businesswoman congresswoman spokeswoman councilwoman assemblywoman chairwoman stateswoman
    lady girl mother daughter sister wife aunt niece grandmother granddaughter queen princess widow
    girlfriend actress
    """
)

#: Nouns for a kind of organisation that a name may stand before ("Family
#: Circle magazine", "the Sierra Club group"): the organisation's role. By lemma.
ORG_ROLE_NOUNS = ORG_HEAD_NOUNS | ORG_DESCRIPTION_NOUNS | words(
    "magazine journal bank website channel station radio newspaper daily weekly publisher chain"
)

#: Prepositions after a description's head that name whom it is about, not whom
#: it describes ("supporters of Trump", "a spokesman for Jackson", "aides to Clinton").
ABOUT_PREPOSITIONS = frozenset({"of", "for", "to"})

#: Prepositions inside a title that a person's name may end: "Secretary of
#: State John Kerry", "Council on American-Islamic Relations … Director Nihad Awad".
TITLE_PREPOSITIONS = frozenset({"of", "on"})

#: Pronouns inside a description that say whom it is about ("those around
#: *him*", "*his* wife"), spelled out as the person they stand for.
ABOUT_PRONOUNS = frozenset({"him", "her", "his"})

#: Nouns for the people around a person ("Powell’s office", "his staff"), whose
#: owner is spelled out like a person's.
ENTOURAGE_NOUNS = frozenset({"office", "staff", "camp", "circle", "team"})

#: The lower-case words the long form of an abbreviation defined in brackets
#: may hold ("Assembly of First Nations (AFN)").
ABBREVIATION_LINKS = frozenset({"of", "for", "and", "on", "&"})

#: Words that join the numbers and dates of a name that is no speaker's ("four in 10").
NAME_JOINERS = frozenset({"in", "of", "out", "and", "a", "an", "the", "st", "nd", "rd", "th", "at"})

#: What follows a dateline's place: "WASHINGTON (AP) —", "MIAMI —".
DATELINE_FOLLOWERS = frozenset({"(", "—", "–", "-", "--", ","})

#: Marks between the words of a line's label ("Strategic Council Online – Interview:").
LABEL_JOINERS = frozenset({"–", "—", "-", "|", "&"})
