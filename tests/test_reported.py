"""Reported speech, mixed quotes, "according to", nested and headline attributions."""

from __future__ import annotations

import pytest


def only(quotes, **want):
    found = [q for q in quotes if all(getattr(q, k) == v for k, v in want.items())]
    assert len(found) == 1, quotes
    return found[0]


@pytest.mark.parametrize(
    "text, content, cue, speaker",
    [
        ("Pezeshkian said that he hoped to strengthen ties.", "he hoped to strengthen ties", "said", "Pezeshkian"),
        ("The minister said the document was ready to sign.", "the document was ready to sign", "said", "The minister"),
        ("Putin told reporters the talks were useful.", "the talks were useful", "told", "Putin"),
        ("The talks failed, officials said.", "The talks failed", "said", "officials"),
        ("The talks failed, said Kremlin aide Yury Ushakov.", "The talks failed", "said", "Kremlin aide Yury Ushakov"),
        # A gerund subject of the clause, parsed as the verb's complement.
        ("Coach Peter DeBoer said having Erik Karlsson back was a big boost.",
         "having Erik Karlsson back was a big boost", "said", "Coach Peter DeBoer"),
        # An abbreviation's stop before a lower-case word does not end the clause.
        ("Purdy says he lost 16 lbs. since he signed up.", "he lost 16 lbs. since he signed up", "says", "Purdy"),
        # A clause's subject the parse hung on the cue as its object.
        ("But he said smaller brewers who are always introducing new beers — especially those that rely on "
         "sales to other states — are likely to suffer most.",
         "smaller brewers who are always introducing new beers — especially those that rely on sales to other "
         "states — are likely to suffer most", "said", "he"),
        # Pieces of a clause before its cue that the parse hung on the cue.
        ("A St. Louis-area man shot his girlfriend, her two young children and her mother in the home they all "
         "shared, authorities said Saturday.",
         "A St. Louis-area man shot his girlfriend, her two young children and her mother in the home they all "
         "shared", "said", "authorities"),
        # A reported question: "if" after "ask" is its content, not a condition.
        ("Mr. Rubin asked the students if they were always so serious.", "if they were always so serious", "asked",
         "Mr. Rubin"),
    ],
)
def test_clausal_complement(quotes_of, text, content, cue, speaker):
    q = only(quotes_of(text), cue=cue)
    assert (q.text, q.kind, q.speaker_mention, q.cue_class) == (content, "indirect", speaker, "speech")


@pytest.mark.parametrize(
    "text, content, cue",
    [
        ("Ann Lee urged the Russian president to demand a ceasefire.",
         "the Russian president to demand a ceasefire", "urged"),
        ("Tom Brown promised to cut taxes next year.", "to cut taxes next year", "promised"),
        ("Blinken accused Iran of sending ballistic missiles to Russia.",
         "Iran of sending ballistic missiles to Russia", "accused"),
        ("Iran has denied supplying weapons to the Kremlin.", "supplying weapons to the Kremlin", "denied"),
    ],
)
def test_infinitive_and_object_complements(candidates_of, text, content, cue):
    assert ("indirect", cue, content) in candidates_of(text)


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        pytest.param("Velayati stressed the need to stop the killing.", "stressed",
                     {"text": "the need to stop the killing", "speaker_mention": "Velayati"},
                     id="a noun phrase as content"),
        pytest.param("Russia and Iran share strong economic ties, according to the World Bank.", "according to",
                     {"text": "Russia and Iran share strong economic ties", "speaker_mention": "the World Bank",
                      "speaker": "World Bank"}, id="according to"),
        pytest.param("As Tom Brown put it, the race is over.", "put",
                     {"text": "the race is over", "speaker": "Tom Brown"}, id="as X put it"),
        pytest.param("Tehran rejected IRNA's claim that the talks had failed.", "claim",
                     {"text": "the talks had failed", "speaker_mention": "IRNA"}, id="a reporting noun"),
    ],
)
def test_a_reported_attribution_and_its_source(quotes_of, text, cue, expected):
    q = only(quotes_of(text), cue=cue)
    assert {name: getattr(q, name) for name in expected} == expected


def test_mixed_quote_is_one_candidate(candidates_of):
    found = candidates_of("Pezeshkian said Iran-Russia relations are growing “stronger day by day” in every field.")
    assert found == [("mixed", "said", "Iran-Russia relations are growing “stronger day by day” in every field")]


def test_belief_and_document_classes(quotes_of):
    q = only(quotes_of("Borshchevskaya was skeptical the Russians would accept any changes."), cue="skeptical")
    want = ("the Russians would accept any changes", "belief", "Borshchevskaya")
    assert (q.text, q.cue_class, q.speaker_mention) == want
    q = only(quotes_of("They believe closer relations can upset the world order."), cue="believe")
    assert q.cue_class == "belief"
    q = only(quotes_of("Recent polls show that voters are tired of the race."), cue="show")
    assert (q.text, q.cue_class) == ("voters are tired of the race", "document")


@pytest.mark.parametrize(
    ("text", "cue", "cue_class"),
    [
        # An action the source asks for or commits to: a directive.
        ("Netanyahu urged the Russian president to demand that Iranian forces leave Syria.", "urged", "directive"),
        ("Sanders vowed to take his campaign all the way to the convention.", "vowed", "directive"),
        ("Al-Sudani has been demanding the withdrawal of American troops from Iraq.", "demanding", "directive"),
        ("The clubs are asking the city to correct its figures.", "asking", "directive"),
        # A statement stays speech, whatever the verb.
        ("The minister promised that taxes would fall next year.", "promised", "speech"),
        ("Iran has denied supplying weapons to the Kremlin.", "denied", "speech"),
        ("Velayati stressed the need to stop the war.", "stressed", "speech"),
    ],
)
def test_an_action_asked_for_or_promised_is_a_directive(quotes_of, text, cue, cue_class):
    assert only(quotes_of(text), cue=cue).cue_class == cue_class


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # An attitude's clause is a view; an infinitive after the adjective is none.
        ("Analysts are sure that the race is over.", ["sure"]),
        ("The lawmakers said Mrs. Clinton was certain to enjoy a large margin.", ["said"]),
        ("He is happy to help the campaign.", []),
    ],
)
def test_an_attitude_adjective_reports_a_clause_not_an_infinitive(quotes_of, text, cues):
    assert [q.cue for q in quotes_of(text)] == cues


@pytest.mark.parametrize(
    ("text", "cue", "mention"),
    [
        ("Ann Lee spoke. She made the claim that the vote was rigged.", "claim", "She"),
        ("The senator leveled accusations that the agency had lied.", "accusations", "The senator"),
    ],
)
def test_a_reporting_noun_is_voiced_by_the_subject_of_its_verb(quotes_of, text, cue, mention):
    assert only(quotes_of(text), cue=cue).speaker_mention == mention


def test_nested_attribution_links_inner_to_outer(quotes_of):
    text = "“Velayati stressed the need to stop the killing,” a report from state media IRNA said."
    outer = only(quotes_of(text), cue="said")
    inner = only(quotes_of(text), cue="stressed")
    assert outer.speaker == "IRNA" and outer.kind == "direct"
    assert inner.speaker == "Velayati" and inner.kind == "indirect"
    assert inner.nested_in == outer.start


def test_first_person_inside_a_quote_is_not_nested(quotes_of):
    quotes = quotes_of("“I think we will win the vote easily,” Ann Lee said.")
    assert [q.cue for q in quotes] == ["said"]


def test_same_speaker_reported_twice_is_not_nested(quotes_of):
    quotes = quotes_of("Tom Brown said he hoped to win the vote in May.")
    assert [q.cue for q in quotes] == ["said"]


def test_hearsay_is_not_reported_speech(candidates_of):
    assert candidates_of("Russia is said to have sold Iran eavesdropping devices.") == []


def test_headline_in_title_case(quotes_of):
    text = "Iran Says Relationship With Russia Is Getting Stronger Every Day\n\nIran and Russia met on Monday."
    q = only(quotes_of(text), cue="Says")
    assert q.text == "Relationship With Russia Is Getting Stronger Every Day"
    assert q.speaker == "Iran"


def test_headline_with_quoted_fragment(quotes_of):
    text = "Nobel Laureate Ebadi Says Iran’s ‘Revolutionary Process’ is Irreversible\n\nShirin Ebadi spoke in Oslo."
    q = only(quotes_of(text), cue="Says")
    assert q.text == "Iran’s ‘Revolutionary Process’ is Irreversible"
    assert q.kind == "mixed"


def test_content_never_cuts_a_quote(candidates_of):
    text = "Ann Lee noted that “the plan works, and it is cheap,” then left the room."
    found = candidates_of(text)
    assert found
    for _, _, content in found:
        assert content.count("“") == content.count("”")


@pytest.mark.parametrize(
    "owner, cue, lo, hi, ok",
    [
        # Quote 0 spans tokens 0–5, its marks at 0 and 5; the cue (3) is inside it.
        ([0, 0, 0, 0, 0, 0, -1], 3, 1, 3, True),  # inside, after the opening mark
        ([0, 0, 0, 0, 0, 0, -1], 3, 0, 3, False),  # reaches the opening mark
        ([0, 0, 0, 0, 0, 0, -1], 3, 1, 7, False),  # runs out of the quote
        # The cue (0) is outside: a content must hold each quote it touches whole.
        ([-1, -1, 1, 1, 1, -1], 0, 1, 6, True),
        ([-1, -1, 1, 1, 1, -1], 0, 1, 4, False),
    ],
)
def test_contents_respect_quotes(owner, cue, lo, hi, ok):
    from quotebank.detect.reported import _respects_quotes

    assert _respects_quotes(owner, cue, lo, hi) is ok


def test_fragments_of_one_clause_are_one_mixed_quote(candidates_of):
    found = candidates_of("Bush tweeted that Trump is a “loser,” a “liar” and a “whiner.”")
    assert found == [("mixed", "tweeted", "Trump is a “loser,” a “liar” and a “whiner.”")]
    found = candidates_of("Nadler said “maybe” the conduct of the officials involved “should be looked at.”")
    assert found == [("mixed", "said", "“maybe” the conduct of the officials involved “should be looked at.”")]


def test_clause_hung_on_an_adjunct(quotes_of):
    text = "Anna Lee said: “Putin said before leaving that Russia and Iran have had 500 years of relations.”"
    inner = [q for q in quotes_of(text) if q.nested_in is not None]
    want = [("Russia and Iran have had 500 years of relations", "Putin")]
    assert [(q.text, q.speaker_mention) for q in inner] == want


@pytest.mark.parametrize(
    ("text", "cue", "pieces"),
    [
        # A cue between commas splits its content in two pieces of one group, as
        # an interrupted direct quote is split.
        ("Ann Page spoke. The goal, she said, is to forge a durable cease-fire.", "said",
         ["The goal", "is to forge a durable cease-fire"]),
        ("Mrs. Clinton, these people said, would be open to other measures.", "said",
         ["Mrs. Clinton", "would be open to other measures"]),
        # What follows is not the content when it is a clause of the writer's
        # joined by "and", or the source of it all.
        ("Ann Page spoke. The choice was his alone, she says, and he paid for it.", "says",
         ["The choice was his alone"]),
        ("The entire attack took four minutes, he said, according to the complaint.", "said",
         ["The entire attack took four minutes"]),
        ("The entire attack took four minutes, he said, according to the complaint.", "according to",
         ["The entire attack took four minutes"]),
        # No split where the commas hold more than the cue's clause.
        ("The plan, which the mayor backed, failed, she said.", "said", ["The plan, which the mayor backed, failed"]),
    ],
)
def test_a_parenthetical_cue_splits_its_content(quotes_of, text, cue, pieces):
    found = [q for q in quotes_of(text) if q.cue == cue]
    assert [q.text for q in found] == pieces
    assert len({q.group for q in found}) == 1 and (found[0].group is None) == (len(pieces) == 1)
    assert len({q.speaker_mention for q in found}) == 1


def test_according_to_before_a_colon_is_the_source_of_what_follows_not_of_the_frame(quotes_of):
    quotes = quotes_of("On relations, Putin said, according to the Kremlin’s website: “We must grow closer.”")
    assert [q.text for q in quotes] == ["We must grow closer."]


def test_a_clause_running_into_a_quoted_fragment_is_one_mixed_quote(candidates_of):
    assert candidates_of("The attackers shot at them “like snipers,” Dia said.") == [
        ("mixed", "said", "The attackers shot at them “like snipers,")
    ]
    # Introduced by a comma, the quote stays direct.
    assert candidates_of("In a statement, “We are done with this,” the minister said.")[0][0] == "direct"


@pytest.mark.parametrize("text", ["It can be said that the plan failed.", "It should be noted that the talks go on."])
def test_the_writer_s_own_hedge_is_no_quote(candidates_of, text):
    assert candidates_of(text) == []


def test_neither_is_not_the_speaker(quotes_of):
    q = only(quotes_of("Neither did Borshchevskaya believe the Kremlin would agree."), cue="believe")
    assert q.speaker_mention == "Borshchevskaya"


@pytest.mark.parametrize(
    "text",
    [
        "Iran’s official response to Putin’s visit suggests that a special relationship is in the making.",
        "Kim's response suggests that the talks are over.",
        "Velayati is expected to visit Beijing next month.",
        "Iran made moves toward China, with Velayati expected to visit Beijing in the near future.",
    ],
)
def test_inferences_and_expected_plans_are_not_attributions(quotes_of, text):
    assert [q.cue for q in quotes_of(text) if q.cue in ("suggests", "expected")] == []


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The report suggests that the talks are over.", "suggests"),
        ("Analysts suggest that the talks are over.", "suggest"),
        ("She expected to win the vote easily.", "expected"),
    ],
)
def test_suggest_and_expect_still_attribute_to_a_source(quotes_of, text, cue):
    assert [q.cue for q in quotes_of(text)] == [cue]


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Peter Mrazek denied the trade.", "denied"),
        ("Jeremy Corbyn spoke after slamming Ms. May.", "slamming"),
        ("Al-Shabaab claimed responsibility for the attack.", "claimed"),
        ("Scott Walker confirmed his participation.", "confirmed"),
    ],
)
def test_a_short_object_without_a_verb_is_an_act_not_a_quote(candidates_of, text, cue):
    assert [c for c in candidates_of(text) if c[1] == cue] == []


@pytest.mark.parametrize(
    "text, cue, content",
    [
        # A verb in the object, or a longer phrase, is still a content.
        ("Velayati stressed the need to stop the killing.", "stressed", "the need to stop the killing"),
        ("Mike Pompeo praised China's support for resolving the crisis.", "praised",
         "China's support for resolving the crisis"),
        ("The minister denied any role in the failed negotiations with Moscow.", "denied",
         "any role in the failed negotiations with Moscow"),
        # Quoted words are kept, however short: here, as a direct quote.
        ("Pezeshkian hailed the “strategic relationship”.", "hailed", "strategic relationship"),
    ],
)
def test_objects_that_stay_contents(candidates_of, text, cue, content):
    assert [c[2] for c in candidates_of(text) if c[1] == cue] == [content]


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("Ann Lee calls him a good ball-striker and a great kid.", "calls", "a good ball-striker and a great kid"),
        ("He calls it a rookie mistake.", "calls", "a rookie mistake"),  # short, but a characterisation
        ("Tom Brown describes Mr. Fry as the most left-leaning Green on council.", "describes",
         "the most left-leaning Green on council"),
        # Naming is no characterisation, nor is describing without "as".
        ("Donors gave to a group called Color of Change.", "called", None),
        ("She called the police.", "called", None),
        ("The company described the results in its annual report.", "described", None),
    ],
)
def test_a_characterisation_is_its_content(candidates_of, text, cue, content):
    assert [c[2] for c in candidates_of(text) if c[1] == cue] == ([content] if content else [])


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        # An absolute phrase after the cue is how it was said, not what.
        ("“They are very kind,” he said his voice breaking with emotion.", ["They are very kind,"]),
        # A participle clause stays the content where it is what was shown or said.
        ("A new poll showed Clinton leading Sanders among likely voters.",
         ["Clinton leading Sanders among likely voters"]),
    ],
)
def test_an_absolute_phrase_is_no_content(quotes_of, text, contents):
    assert [q.text for q in quotes_of(text)] == contents
