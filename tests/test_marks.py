"""The quote-mark scanner, on characters alone."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotebank import marks
from quotebank.marks import paragraph_bounds, scan_quotes


def texts(text):
    return [q.text for q in scan_quotes(text)]


def test_curly_double_quotes():
    assert texts("He said: “It’s done,” and left.") == ["It’s done,"]


def test_straight_double_quotes():
    assert texts('She said "yes" and "no".') == ["yes", "no"]


def test_single_quotes_at_top_level():
    assert texts("Iran Says Relationship With Russia Is ‘Stronger by the Day’") == ["Stronger by the Day"]
    assert texts("He called it 'a farce' today.") == ["a farce"]


def test_angle_and_low_marks():
    assert texts("Il a dit «bonjour» et „hallo“ und ‹x y›.") == ["bonjour", "hallo", "x y"]


def test_newswire_double_apostrophes():
    text = "the line: ''President Obama doesn't get the credit he deserves.'' And ''Trump'' too."
    assert texts(text) == ["President Obama doesn't get the credit he deserves.", "Trump"]


def test_straight_and_curly_mixed_in_one_quote():
    assert texts('Russia and Iran discussed “peace and stability," which is ironic.') == ["peace and stability,"]


def test_apostrophes_are_not_marks():
    text = "The countries’ ties in the ’90s weren’t bad; the ‘90s neither, rock ’n’ roll."
    assert texts(text) == []
    assert texts("It's the Smiths' house and O'Neill's car.") == []


def test_plural_possessive_inside_quote():
    text = "“Both countries’ interests matter,” he said."
    assert texts(text) == ["Both countries’ interests matter,"]


def test_nested_quote_stays_inside_outer():
    text = "“The key word here is ‘friendship,'” Anna said. “Putin said it.”"
    spans = scan_quotes(text)
    assert [s.text for s in spans] == ["The key word here is ‘friendship,'", "Putin said it."]
    assert spans[0].open_mark == "“" and spans[0].close_mark == "”"


def test_nested_double_in_single():
    assert texts("He wrote ‘she told me “no” twice’ in the log.") == ["she told me “no” twice"]


def test_multi_sentence_quote_is_one_span():
    assert texts("“One. Two! Three?” he asked.") == ["One. Two! Three?"]


def test_quote_continues_over_paragraphs():
    text = "“A long quote starts.\n\n“And goes on.\n\n“And ends.”\n\nNot quoted."
    spans = scan_quotes(text)
    assert [s.text for s in spans] == ["A long quote starts.", "And goes on.", "And ends."]
    assert len({s.chain for s in spans}) == 1
    assert [s.piece for s in spans] == [0, 1, 2]
    assert spans[0].close_mark == "" and spans[-1].close_mark == "”"


def test_single_newline_paragraphs():
    text = "“Starts here.\n“Goes on,” she said.\nDone."
    spans = scan_quotes(text)
    assert [s.text for s in spans] == ["Starts here.", "Goes on,"]
    assert spans[0].chain == spans[1].chain


def test_unclosed_quote_is_skipped_and_rest_kept():
    text = "“Unclosed here.\n\nNext para “closed” ok. And “another one.”"
    assert texts(text) == ["closed", "another one."]


def test_unbalanced_marks_never_raise():
    for text in ["”", "“", '"', "'", "“a ‘b” c’", '"a" "', "''", "« »", "„", "‘", "’”‘“"]:
        for q in scan_quotes(text):
            assert text[q.start:q.end] == q.text


def test_offsets_point_into_the_original_text():
    text = "Intro. “  Padded quote  ” he said."
    (q,) = scan_quotes(text)
    assert q.text == "Padded quote"
    assert text[q.start:q.end] == q.text
    assert text[q.mark_start] == "“" and text[q.mark_end - 1] == "”"


def test_paragraph_bounds_blank_lines_and_single_newlines():
    assert paragraph_bounds("a\nb\n\nc") == [(0, 3), (5, 6)]
    assert paragraph_bounds("a\nb\nc") == [(0, 1), (2, 3), (4, 5)]
    assert paragraph_bounds("") == []


def _lines_executed(text):
    """How many lines of quotebank.marks run while scanning ``text``."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename != marks.__file__:
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        scan_quotes(text)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("unit", ["“a” ’b “ ", "“a ‘b “c ‘d ", "'' \"x\" ‘ « "])
def test_work_grows_linearly_with_the_input(unit):
    # Lines executed, not seconds: twice the marks may cost at most a little
    # over twice the work (a scanner that walks its stack would cost 4×).
    small, large = _lines_executed(unit * 1000), _lines_executed(unit * 2000)
    assert large <= 2.1 * small


MARKS = st.sampled_from(list("“”‘’\"'«»„‚‹›\n ") + ["''", "``", "\n\n", "a", "b ", "it's", "’90s"])


@settings(max_examples=400, deadline=None)
@given(st.lists(MARKS, max_size=40).map("".join))
def test_any_string_of_marks_gives_valid_spans(text):
    spans = scan_quotes(text)
    last_end = -1
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
        assert s.start >= last_end  # in order, never overlapping
        last_end = s.end


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_valid_spans(text):
    for s in scan_quotes(text):
        assert text[s.start:s.end] == s.text
        assert s.mark_start <= s.start <= s.end <= s.mark_end


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # Marks inside a web address are part of it.
        ("The page is at http://ex.com/“foo” and more text here.", []),
        ('Read www.example.org/"a-b-c"/x today.', []),
        # A quote that ends right after an address still ends there.
        ("“Visit www.example.com,” she said.", ["Visit www.example.com,"]),
        ("She wrote: “See https://ex.com/a?b=1.” Then left.", ["See https://ex.com/a?b=1."]),
        ("“The site (http://a.org/x) is down,” he said.", ["The site (http://a.org/x) is down,"]),
        ('Go to "www.a.org" now.', ["www.a.org"]),
    ],
)
def test_quote_marks_in_web_addresses(text, quotes):
    assert texts(text) == quotes
