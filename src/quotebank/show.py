"""An article with its quotes marked: in the terminal, or as one HTML page.

``quotebank show FILE`` uses `render_terminal`; ``--html OUT`` uses
`render_html`: the article as written, drawn from the records' character
offsets (quotes marked by kind, each followed by its speaker and confidence;
speaker mentions and cues marked; nested spans kept), and a table of the
quotes by speaker linked from the top. The page is self-contained: inline
styles, no script, no external font or image.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import attrs
import click

from quotebank.records import Quote

__all__ = ["render_terminal", "render_html", "quotes_by_speaker"]

#: Terminal styles of quotes by kind, of speaker mentions and of cues.
_TERMINAL: dict[str, dict[str, Any]] = {
    "direct": {"fg": "cyan"},
    "indirect": {"fg": "yellow"},
    "mixed": {"fg": "magenta"},
    "speaker": {"fg": "green", "bold": True},
    "cue": {"underline": True},
}
#: The no-speaker label in tables.
UNKNOWN = "(unknown speaker)"


def _speaker_label(q: Quote) -> str:
    if q.speaker is None:
        return UNKNOWN
    return q.speaker if q.speaker_named else f"{q.speaker} (unnamed)"


def quotes_by_speaker(quotes: Sequence[Quote]) -> list[tuple[str, list[Quote]]]:
    """The quotes grouped by speaker label, the most quoted first (then by name)."""
    groups: dict[str, list[Quote]] = {}
    for q in quotes:
        groups.setdefault(_speaker_label(q), []).append(q)
    return sorted(groups.items(), key=lambda item: (item[0] == UNKNOWN, -len(item[1]), item[0]))


def _marks(text: str, quotes: Sequence[Quote]) -> list[str | None]:
    """The style of each character: a quote's kind, "speaker", "cue" or None.
    Speakers and cues are drawn over quotes (a nested attribution's speaker
    lies inside the outer quote)."""
    style: list[str | None] = [None] * len(text)
    for q in quotes:
        for i in range(q.start, q.end):
            style[i] = q.kind
    for q in quotes:
        if q.cue_start is not None and q.cue_end is not None:
            for i in range(q.cue_start, q.cue_end):
                style[i] = "cue"
    for q in quotes:
        if q.speaker_start is not None and q.speaker_end is not None:
            for i in range(q.speaker_start, q.speaker_end):
                style[i] = "speaker"
    return style


def render_terminal(text: str, quotes: Sequence[Quote], title: str | None = None) -> str:
    """The article with quotes coloured by kind (direct cyan, indirect
    yellow, mixed magenta), speaker mentions bold green and cues underlined,
    then the quotes by speaker.

    Args:
        text: the document's text.
        quotes: its records.
        title: a heading (the file or the title), or None.

    Returns:
        Text with ANSI styles (``click.echo`` strips them when the output is
        not a terminal).
    """
    style = _marks(text, quotes)
    out: list[str] = []
    if title:
        out.append(click.style(title, bold=True) + "\n\n")
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or style[i] != style[start]:
            piece = text[start:i]
            kind = style[start]
            out.append(click.style(piece, **_TERMINAL[kind]) if kind else piece)
            start = i
    out.append("\n\n" + click.style("Legend:", bold=True) + " ")
    out.append("  ".join(click.style(name, **s) for name, s in _TERMINAL.items()) + "\n\n")
    out.append(click.style(f"{len(quotes)} quotes", bold=True) + "\n")
    for speaker, group in quotes_by_speaker(quotes):
        out.append("\n" + click.style(f"{speaker} ({len(group)})", fg="green", bold=True) + "\n")
        for q in group:
            snippet = q.text if len(q.text) <= 160 else q.text[:157] + "…"
            out.append(f"  [{q.kind}, {q.cue or '-'}, {q.confidence:.2f}] {snippet}\n")
    return "".join(out)


def render_html(text: str, quotes: Sequence[Quote], title: str | None = None) -> str:
    """One self-contained HTML page a reader can use: the article exactly as
    written (drawn from the records' character offsets, with its line breaks;
    nested and overlapping spans kept), each quote marked by kind with its
    speaker's name and its confidence after it, speaker mentions and cues
    marked, and a table of the quotes by speaker linked from the top. Inline
    styles only: no script, nothing loaded from elsewhere.

    Args:
        text: the document's text.
        quotes: its records.
        title: the page's heading, or None.

    Returns:
        The page.
    """
    heading = html.escape(title or "quotebank")
    groups = quotes_by_speaker(quotes)
    number = {id(q): k for k, q in enumerate(quotes)}
    rows = []
    for speaker, group in groups:
        for i, q in enumerate(group):
            who = f'<th rowspan="{len(group)}">{html.escape(speaker)}</th>' if i == 0 else ""
            rows.append(
                f"<tr>{who}<td>{html.escape(q.kind)}</td><td>{html.escape(q.cue or '')}</td>"
                f"<td>{html.escape(q.speaker_mention or '')}</td><td>{q.confidence:.2f}</td>"
                f'<td><a href="#q{number[id(q)]}">{html.escape(q.text)}</a></td></tr>'
            )
    legend = " ".join(f'<mark class="quote {kind}">{kind}</mark>' for kind in ("direct", "indirect", "mixed"))
    legend += ' <span class="speaker">speaker</span> <span class="cue">cue</span>'
    speakers = ", ".join(f"{html.escape(name)} ({len(group)})" for name, group in groups)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{heading}</title>
<style>{_PAGE_STYLE}</style>
</head>
<body>
<h1>{heading}</h1>
<p class="summary">{len(quotes)} quotes by {len(groups)} speakers: {speakers}.
<a href="#speakers">The quotes by speaker</a>.</p>
<p class="legend">{legend}; after each quote, its speaker and confidence.</p>
<div class="article">{_marked_text(text, quotes)}</div>
<h2 id="speakers">Quotes by speaker</h2>
<table>
<thead><tr><th>speaker</th><th>kind</th><th>cue</th><th>mention</th><th>confidence</th><th>quote</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""


_PAGE_STYLE = """
body { font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 2em auto;
       max-width: 60em; padding: 0 1em; color: #222; }
h1 { font-size: 1.4em; }
.article { white-space: pre-wrap; line-height: 1.8; border-top: 1px solid #ddd; padding-top: 1em; }
mark.quote { padding: 0.1em 0; border-radius: 0.2em; color: inherit; }
mark.direct { background: #bdeeee; }
mark.indirect { background: #fde2ab; }
mark.mixed { background: #e3c9fb; }
.speaker { font-weight: bold; border-bottom: 2px solid #6a58d8; }
.cue { text-decoration: underline dotted 2px; }
.who::after { content: attr(data-label); font-size: 0.72em; background: #f1f1f1; color: #333;
              border: 1px solid #ccc; border-radius: 0.3em; padding: 0 0.3em; margin: 0 0.2em;
              white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td a { color: inherit; text-decoration: none; }
"""


@attrs.frozen(slots=True)
class _Span:
    """A marked stretch of the text: a quote, a speaker mention or a cue."""

    start: int
    end: int
    rank: int  # quotes 0, speakers 1, cues 2: on equal bounds, the quote outside
    tag: str  # the opening tag
    anchor: str = ""  # the opening tag's id, written the first time only

    @property
    def close(self) -> str:
        return "</mark>" if self.tag.startswith("<mark") else "</span>"


def _spans(quotes: Sequence[Quote]) -> tuple[list[_Span], dict[int, list[str]]]:
    """The spans of the records, and the label written after each quote (by position)."""
    spans: list[_Span] = []
    labels: dict[int, list[str]] = {}
    for k, q in enumerate(quotes):
        who = html.escape(_speaker_label(q), quote=True)
        spans.append(_Span(q.start, q.end, 0, f'<mark class="quote {q.kind}" title="{q.kind} quote: {who}, '
                                              f'confidence {q.confidence:.2f}"', f' id="q{k}"'))
        labels.setdefault(q.end, []).append(f'<span class="who" data-label="{who} · {q.confidence:.2f}"></span>')
        if q.speaker_start is not None and q.speaker_end is not None:
            spans.append(_Span(q.speaker_start, q.speaker_end, 1, f'<span class="speaker" title="speaker: {who}"'))
        if q.cue_start is not None and q.cue_end is not None:
            spans.append(_Span(q.cue_start, q.cue_end, 2, '<span class="cue" title="cue"'))
    return [s for s in spans if s.end > s.start], labels


def _marked_text(text: str, quotes: Sequence[Quote]) -> str:
    """``text``, escaped, with its spans as well-nested tags: a span that
    crosses another's end is closed there and opened again after it, so that
    the page's text is the article's, character for character."""
    spans, labels = _spans(quotes)
    spans.sort(key=lambda s: (s.start, -s.end, s.rank))  # the outer of two spans first
    starting: dict[int, list[int]] = {}
    for k, span in enumerate(spans):
        starting.setdefault(span.start, []).append(k)
    points = sorted({0, len(text), *labels, *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[int] = []
    for i, pos in enumerate(points):
        if any(spans[k].end == pos for k in stack):
            reopen = []
            while any(spans[k].end == pos for k in stack):
                k = stack.pop()
                out.append(spans[k].close)
                if spans[k].end != pos:
                    reopen.append(k)
            for k in reversed(reopen):
                out.append(spans[k].tag + ">")
                stack.append(k)
        out.extend(labels.get(pos, []))
        for k in starting.get(pos, []):
            out.append(spans[k].tag + spans[k].anchor + ">")
            stack.append(k)
        if i + 1 < len(points):
            out.append(html.escape(text[pos:points[i + 1]], quote=False))
    return "".join(out)
