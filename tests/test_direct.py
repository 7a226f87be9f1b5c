"""Direct quotes and their cues and speakers, sentence by sentence."""

from __future__ import annotations

import pytest


def one(quotes):
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Anna Lee arrived late. “We will win,” she said.",
                     {"text": "We will win,", "kind": "direct", "cue": "said", "speaker_mention": "she",
                      "speaker": "Anna Lee"}, id="a cue after the quote"),
        pytest.param("“The talks were useful,” said Kremlin aide Yury Ushakov.",
                     {"speaker_mention": "Kremlin aide Yury Ushakov", "speaker": "Yury Ushakov"},
                     id="an inverted cue keeps the whole mention"),
        pytest.param("Putin told TASS, “We are working together.”", {"cue": "told", "speaker_mention": "Putin"},
                     id="a cue before, with a comma"),
        pytest.param("Gen. Mohammad Bagheri spoke on Monday. Bagheri said: “There is good cooperation.”",
                     {"kind": "direct", "cue": "said", "speaker_mention": "Bagheri", "speaker": "Mohammad Bagheri"},
                     id="a colon after the cue, and a surname"),
        pytest.param("The deal was “a disaster for us all,” according to Senator Jane Roe.",
                     {"cue": "according to", "speaker": "Jane Roe", "method": "according"}, id="according to"),
        pytest.param("“One thing. Another thing! A third?” Ann Page asked.",
                     {"text": "One thing. Another thing! A third?", "speaker": "Ann Page"},
                     id="a quote of several sentences is one record"),
        pytest.param("Anna Borshchevskaya spoke. “In August, Putin met with Netanyahu in Moscow,” she said.",
                     {"speaker": "Anna Borshchevskaya"}, id="names inside quotes are no antecedents"),
        pytest.param("“Absolutely Not, Never Again,” said Tom Brown.", {"speaker": "Tom Brown"},
                     id="a title-case quote framed by its cue is kept"),
    ],
)
def test_a_direct_quote_and_its_source(quotes_of, text, expected):
    q = one(quotes_of(text))
    assert {name: getattr(q, name) for name in expected} == expected


def test_a_subordinate_verb_with_its_own_clause_is_not_the_cue_of_the_quote_before(quotes_of):
    text = ("“We are pleased,” says director Adam Jagelewski. “We are setting ourselves up for the second cohort.” "
            "While some critics say government should not pay a middle man, Jagelewski says the premium works.")
    second = [q for q in quotes_of(text) if q.text.startswith("We are setting")]
    assert [q.speaker for q in second] == ["Adam Jagelewski"]


def test_appositive_mention_with_name_as_head(quotes_of):
    text = (
        "Anna Borshchevskaya — the Ira Weiner Fellow at the Washington Institute — "
        "told The Algemeiner: “The key word is friendship.”"
    )
    q = one(quotes_of(text))
    assert q.speaker_mention.startswith("Anna Borshchevskaya — the Ira Weiner Fellow")
    assert q.speaker == "Anna Borshchevskaya"
    assert "Algemeiner" not in q.speaker_mention


def test_interrupted_quote_is_two_linked_records(quotes_of):
    first, second = quotes_of("John Smith spoke. “The first part,” Smith said, “and the second part.”")
    assert first.text == "The first part,"
    assert second.text == "and the second part."
    assert first.group is not None and first.group == second.group
    assert first.cue_start == second.cue_start
    assert first.speaker == second.speaker == "John Smith"


def test_quote_over_paragraphs_shares_its_speaker(quotes_of):
    text = "“This is a long quote that starts here.\n\n“And it continues in a second paragraph,” Tom Brown said."
    first, second = quotes_of(text)
    assert first.group == second.group is not None
    assert first.speaker == second.speaker == "Tom Brown"


def test_floating_quote_inherits_the_previous_speaker(quotes_of):
    text = "Maria Lopez was there.\n\n“It was a long day,” Lopez said.\n\n“Then we all slept.”"
    said, floating = quotes_of(text)
    assert said.speaker == "Maria Lopez"
    assert floating.text == "Then we all slept."
    assert floating.speaker == "Maria Lopez"
    assert floating.method == "floating"
    assert floating.confidence < said.confidence


def test_floating_stops_after_a_paragraph_without_quotes(quotes_of):
    text = (
        "“It was a long day,” Maria Lopez said.\n\nThe council met twice.\n\nIt rained.\n\n"
        "“Nobody came to the second meeting at all.”"
    )
    said, alone = quotes_of(text)
    assert said.speaker == "Maria Lopez"
    assert alone.speaker is None and alone.speaker_mention is None


def test_quote_without_source_is_kept_with_null_speaker(quotes_of):
    q = one(quotes_of("The old door bore the words “No entry after dark for anyone.”"))
    assert q.speaker is None
    assert q.confidence <= 0.3


def test_scare_quote_is_not_a_quote(candidates_of):
    assert candidates_of("The so-called “experts” were wrong about the “plan.”") == []


def test_fragment_in_reported_clause_is_one_mixed_quote(quotes_of):
    text = "Iranian President Masoud Pezeshkian said relations are growing “stronger day by day” as he met Putin."
    q = one(quotes_of(text))
    assert q.kind == "mixed"
    assert q.text.startswith("relations are growing “stronger day by day”")
    assert q.speaker == "Masoud Pezeshkian"


def test_pronoun_resolves_to_the_subject_not_the_last_name(quotes_of):
    text = (
        "Ali Akbar Velayati, a senior adviser, met President Vladimir Putin in Moscow. "
        "He took a swipe at Trump, saying the “unreliable” actions had made ties necessary."
    )
    (q,) = [q for q in quotes_of(text) if q.cue == "saying"]
    assert q.speaker_mention == "He"
    assert q.speaker == "Ali Akbar Velayati"


@pytest.mark.parametrize("mark", ["“{}”", '"{}"', "''{}''", "«{}»"])
def test_every_mark_style(quotes_of, mark):
    text = "Ann Page arrived. " + mark.format("We are ready to sign today,") + " Page said."
    q = one(quotes_of(text))
    assert q.text == "We are ready to sign today,"
    assert q.speaker == "Ann Page"


def test_titles_are_not_quotes(candidates_of):
    assert candidates_of("He said so on “Meet the Press” and on “The Late Show With Stephen Colbert” today.") == []


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # A work's title stays a title where a cue frames it: after a noun for a work,
        # after "on" or a possessive, or cued by a verb that makes a work.
        ('Fidel Castro dampened those plans, Mr. Rubio said in his 2012 book, "An American Son." So they stayed.',
         ["Fidel Castro dampened those plans"]),
        ('"American Skin (41 Shots)" was written by Springsteen after the 1999 shooting.', []),
        ('"He is fair game," Carly Fiorina told "Fox and Friends," reminding the hosts of the race.',
         ["He is fair game,"]),
        # A title-case quote framed by its cue, with no work around it, is a quote.
        ('"Make America Great Again," he said at the rally.', ["Make America Great Again,"]),
    ],
)
def test_a_work_s_title_is_no_quote_even_when_framed(quotes_of, text, quotes):
    assert [q.text for q in quotes_of(text)] == quotes


def test_hearsay_said_to_is_not_a_cue(candidates_of):
    assert candidates_of("Putin is said to be embracing Iran as a “strategic partner” in the region.") == []


def test_passive_cue_names_its_agent_or_nobody(quotes_of):
    q = one(quotes_of("He was told by John Smith: “Go home now and rest.”"))
    assert (q.speaker, q.method) == ("John Smith", "agent")
    q = one(quotes_of("Tom Lee was told: “Go home now and rest.”"))
    assert q.speaker is None and q.cue == "told"


def test_typo_closing_mark(quotes_of):
    first, second = quotes_of("Ann Page spoke. “Apparently not,“ she said. “A leopard doesn’t change its spots.”")
    assert first.text == "Apparently not,"
    assert first.speaker == second.speaker == "Ann Page"


def test_another_speaker_takes_over_floating_quotes(quotes_of):
    text = (
        "“We expected more from the debate tonight,” Ann Page said.\n\n"
        "Or maybe the format was wrong, analyst Tom Brown says.\n\n"
        "“Nobody wanted the moderators to talk this much.”"
    )
    quotes = quotes_of(text)
    assert quotes[-1].speaker == "Tom Brown"
    assert quotes[-1].method == "floating"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Doug Purdy, who lost “two belt loops” in a month, says the program changed his life.",
         "the program changed his life", "Doug Purdy"),
        ("Critics who call the plan “a scam that will cost billions” say it will fail.", "it will fail", "Critics"),
    ],
)
def test_a_quote_inside_the_subject_is_not_what_the_cue_reports(quotes_of, text, content, speaker):
    quotes = quotes_of(text)
    assert [(q.text, q.speaker) for q in quotes if q.cue] == [(content, speaker)]
    assert all(q.kind != "mixed" for q in quotes)


def test_a_quote_that_is_the_subject_of_an_inverted_cue_keeps_it(quotes_of):
    q = one(quotes_of("“Rubbish” said the minister."))
    assert (q.text, q.cue, q.speaker) == ("Rubbish", "said", "the minister")


def test_a_cue_after_a_quote_also_reports_its_own_clause(quotes_of):
    text = ("John Schickel, a state senator, called it “completely unfair” for the students “to be dragged "
            "through the mud like this.” But he said it offered a teachable moment.")
    said = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert [(q.text, q.cue, q.speaker) for q in said] == [("it offered a teachable moment", "said", "John Schickel")]

    text = ("In revisiting her work, Durning says it’s helpful to be able to work from an existing structure and set "
            "of proposals — a “scaffold,” she calls it — but essentially she’s starting afresh.")
    clause = [q for q in quotes_of(text) if q.kind != "direct"]
    assert [(q.cue, q.speaker) for q in clause] == [("says", "Durning")]
    assert clause[0].text.startswith("it’s helpful to be able to work")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Colton laughed and stuttered, “I … I don't know.”", "stuttered"),
        ("“Oh, it’s my rose,” Demi crowed.", "crowed"),
        ("“There’s no advantage to being an older woman here,” Demi sniffed.", "sniffed"),
        ("“It was a disaster,” Tracy fumed.", "fumed"),
    ],
)
def test_a_verb_of_manner_of_speaking_is_a_cue(quotes_of, text, cue):
    q = one(quotes_of(text))
    assert q.cue == cue and q.speaker in ("Colton", "Demi", "Tracy")
