"""The quote level: normal forms, near-equal reports, Quotebank's fields, bounded working files."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from quotebank import Quote, quote_level
from quotebank.dataset.quotations import FUZZY_THRESHOLD, QUOTATION_FIELDS, normalise, similar


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We won’t back down,” – ever.", "we wont back down ever"),
        ("Ties are  EXPANDING!", "ties are expanding"),
        ("a well-known fact/claim", "a well known fact claim"),
        ("…", ""),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


SENTENCE = "we will hold those responsible to account for what happened in the village"


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (SENTENCE, SENTENCE, True),
        (SENTENCE, SENTENCE.replace("what happened", "what has happened"), True),  # a word added
        (SENTENCE, SENTENCE.replace("in the village", "in village"), True),  # a word dropped
        (SENTENCE, SENTENCE.replace("village", "town"), True),  # a word changed
        (SENTENCE, SENTENCE.replace("we will hold", "we will not hold"), False),  # a negation
        (SENTENCE + " 3 times", SENTENCE + " 300 times", False),  # a number
        (SENTENCE, "the government has failed the people of this province again and again", False),
        ("we will win this war", "we will win this fight", False),  # too short to merge unless equal
    ],
)
def test_similar(a, b, expected):
    assert similar(a, b) is expected


def test_threshold_is_a_similarity():
    assert 0.5 < FUZZY_THRESHOLD < 1.0


def _q(doc_id, text, speaker="Justin Trudeau", confidence=0.8, **kw):
    return Quote(doc_id=doc_id, start=0, end=len(text), text=text, speaker=speaker, confidence=confidence,
                 speaker_id=speaker.lower().replace(" ", "-") if speaker else None, **kw)


def test_three_articles_quoting_one_sentence_give_one_quotation():
    records = [
        _q("a", "We will hold those responsible to account for what happened in the village.",
           url="https://a.example/1", date="2024-05-03"),
        _q("b", "We will hold those responsible to account for what has happened in the village",
           url="https://b.example/2", date="2024-05-02"),
        _q("c", "we will hold those responsible to account, for what happened in the village!",
           speaker=None, confidence=0.3, url="https://c.example/3"),
        _q("c", "Something else entirely.", speaker="Someone Else", confidence=0.5, url="https://c.example/3"),
    ]
    out = list(quote_level(records))
    assert len(out) == 2
    q = out[0]
    assert q.numOccurrences == 3
    assert q.urls == ("https://a.example/1", "https://b.example/2", "https://c.example/3")
    assert q.doc_ids == ("a", "b", "c")
    assert q.date == "2024-05-02"  # the earliest
    assert q.quoteID.startswith("2024-05-02-")
    assert q.quotation == "We will hold those responsible to account for what has happened in the village"  # longest
    assert q.speaker == "Justin Trudeau"
    assert q.speaker_id == "justin-trudeau"
    # (0.8 + 0.8 + 0) / 3 for Trudeau; (0.2 + 0.2 + 1) / 3 for no speaker.
    assert q.probas == (("Justin Trudeau", "0.5333"), ("None", "0.4667"))
    assert [o.doc_id for o in q.occurrences] == ["a", "b", "c"]
    assert set(q.to_dict()) == set(QUOTATION_FIELDS)


def test_different_speakers_never_merge_near_equal_quotations():
    a = _q("a", SENTENCE, speaker="Justin Trudeau")
    b = _q("b", SENTENCE.replace("village", "town"), speaker="Pierre Poilievre")
    assert len(list(quote_level([a, b]))) == 2
    # Equal texts merge whoever says them (Quotebank's rule); probas keep both speakers.
    c = _q("c", SENTENCE.upper() + "!", speaker="Pierre Poilievre")
    merged = list(quote_level([a, c]))
    assert len(merged) == 1
    assert {name for name, _ in merged[0].probas} == {"Justin Trudeau", "Pierre Poilievre", "None"}


def test_a_surname_and_the_full_name_are_one_speaker():
    a = _q("a", SENTENCE, speaker="Justin Trudeau", confidence=0.8)
    b = _q("b", SENTENCE.replace("village", "town"), speaker="Trudeau", confidence=0.6)
    (q,) = quote_level([a, b])
    assert q.probas == (("Justin Trudeau", "0.7000"), ("None", "0.3000"))
    # A short form that two full names hold is left alone.
    c = _q("c", SENTENCE, speaker="Margaret Trudeau", confidence=0.8)
    (q,) = quote_level([a, _q("b", SENTENCE, speaker="Trudeau", confidence=0.6), c])
    assert {name for name, _ in q.probas} == {"Justin Trudeau", "Margaret Trudeau", "Trudeau", "None"}


def test_an_unsure_name_is_still_the_quotation_s_speaker():
    # Confidence is the chance that the quote and the name are both right, not
    # the chance that nobody said it (issue 21): the name stays, "None" keeps its share.
    (q,) = quote_level([_q("a", SENTENCE, confidence=0.3)])
    assert q.speaker == "Justin Trudeau"
    assert q.probas == (("None", "0.7000"), ("Justin Trudeau", "0.3000"))


def test_none_is_the_speaker_only_when_no_report_names_one():
    (q,) = quote_level([_q("a", SENTENCE, speaker=None, confidence=0.2), _q("b", SENTENCE, speaker=None)])
    assert (q.speaker, q.probas) == ("None", (("None", "1.0000"),))
    (q,) = quote_level([_q("a", SENTENCE, speaker=None, confidence=0.2), _q("b", SENTENCE, confidence=0.1)])
    assert q.speaker == "Justin Trudeau"


def test_threshold_one_merges_only_equal_normal_forms():
    records = [_q("a", SENTENCE), _q("b", SENTENCE.replace("village", "town"))]
    assert len(list(quote_level(records))) == 1
    assert len(list(quote_level(records, threshold=1.0))) == 2


def test_dicts_are_accepted_and_textless_records_left_out():
    records = [_q("a", SENTENCE).to_dict(), _q("b", "…").to_dict()]
    assert [q.doc_ids for q in quote_level(records)] == [("a",)]


def test_output_order_and_ids_are_stable():
    records = [_q(str(i), f"quotation number {i} says {w} things about the budget") for i, w in
               enumerate(["many", "few", "odd", "many"])]
    first = [q.to_dict() for q in quote_level(records)]
    assert first == [q.to_dict() for q in quote_level(records)]
    assert [q["doc_ids"][0] for q in first] == ["0", "1", "2", "3"]  # order of first report


def test_working_file_is_removed_even_when_the_reader_stops_early(tmp_path):
    records = [_q(str(i), f"statement {i} " * 8) for i in range(50)]
    gen = quote_level(records, workdir=tmp_path)
    next(gen)
    assert len(list(tmp_path.iterdir())) == 1  # the SQLite file, on disk
    gen.close()
    assert list(tmp_path.iterdir()) == []
    list(quote_level(records, workdir=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_many_records_merge_near_linearly():
    # 3,000 quotations of 12 words, each also reported with a word added: 3,000 results.
    common = ["the", "we", "will", "and", "of", "to"]
    records = []
    for i in range(3000):
        rare = [f"word{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}{k}" for k in range(6)]
        base = " ".join(w for pair in zip(common, rare, strict=True) for w in pair)
        records.append(_q(f"a{i}", base))
        records.append(_q(f"b{i}", base + " indeed"))
    out = list(quote_level(records, workdir=Path(tempfile.gettempdir())))
    assert len(out) == 3000
    assert all(q.numOccurrences == 2 for q in out)
