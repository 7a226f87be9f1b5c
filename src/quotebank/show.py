"""An article with its quotes marked: in the terminal, or as one HTML page.

``quotebank show FILE`` uses `render_terminal`; ``--html OUT`` uses
`render_html`, which draws the text with displaCy's span renderer
(quotes, speaker mentions and cues as labelled spans, overlaps stacked) and
adds a table of the quotes by speaker. The page is self-contained: inline
styles, no script, no external font or image.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import click

from quotebank.records import Quote

__all__ = ["render_terminal", "render_html", "quotes_by_speaker", "SPAN_COLOURS"]

#: Colours of the labelled spans on the HTML page (displaCy's ``colors``).
SPAN_COLOURS = {
    "DIRECT": "#7aecec",
    "INDIRECT": "#feca74",
    "MIXED": "#c887fb",
    "SPEAKER": "#aa9cfc",
    "CUE": "#ddd",
}
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
    """One self-contained HTML page: the article drawn by displaCy's span
    renderer (labels DIRECT, INDIRECT, MIXED, SPEAKER, CUE), then a table
    of the quotes by speaker.

    Args:
        text: the document's text.
        quotes: its records.
        title: the page's heading, or None.

    Returns:
        The page.
    """
    import spacy
    from spacy import displacy

    nlp = spacy.blank("en")
    pieces: list[tuple[int, int, str]] = []
    for q in quotes:
        pieces.append((q.start, q.end, q.kind.upper()))
        if q.speaker_start is not None and q.speaker_end is not None:
            pieces.append((q.speaker_start, q.speaker_end, "SPEAKER"))
        if q.cue_start is not None and q.cue_end is not None:
            pieces.append((q.cue_start, q.cue_end, "CUE"))
    blocks = []
    offset = 0
    for line in text.split("\n"):  # one block per paragraph; spans are cut at paragraph ends
        lo, hi = offset, offset + len(line)
        offset = hi + 1
        if not line.strip():
            continue
        doc = nlp.make_doc(line)
        unique = {}
        for start, end, label in pieces:
            if end <= lo or start >= hi:
                continue
            span = doc.char_span(max(start, lo) - lo, min(end, hi) - lo, label=label, alignment_mode="expand")
            if span is not None and len(span):
                unique[(span.start, span.end, label)] = span
        if not unique:
            blocks.append(f'<div class="paragraph plain">{html.escape(line)}</div>')
            continue
        doc.spans["quotebank"] = [unique[k] for k in sorted(unique)]
        rendered = displacy.render(
            doc, style="span", page=False, jupyter=False,
            options={"spans_key": "quotebank", "colors": SPAN_COLOURS},
        )
        assert isinstance(rendered, str)
        blocks.append(f'<div class="paragraph">{rendered}</div>')
    body = "\n".join(blocks)
    heading = html.escape(title or "quotebank")
    rows = []
    for speaker, group in quotes_by_speaker(quotes):
        for i, q in enumerate(group):
            who = f'<th rowspan="{len(group)}">{html.escape(speaker)}</th>' if i == 0 else ""
            rows.append(
                f"<tr>{who}<td>{html.escape(q.kind)}</td><td>{html.escape(q.cue or '')}</td>"
                f"<td>{html.escape(q.speaker_mention or '')}</td><td>{q.confidence:.2f}</td>"
                f"<td>{html.escape(q.text)}</td></tr>"
            )
    legend = " ".join(
        f'<span class="key" style="background:{colour}">{label}</span>' for label, colour in SPAN_COLOURS.items()
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{heading}</title>
<style>
body {{ font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 2em auto;
       max-width: 60em; padding: 0 1em; color: #222; }}
h1 {{ font-size: 1.4em; }}
.key {{ padding: 0.1em 0.4em; border-radius: 0.2em; font-size: 0.8em; font-weight: bold; }}
table {{ border-collapse: collapse; width: 100%; margin-top: 1em; font-size: 0.9em; }}
th, td {{ border: 1px solid #ccc; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }}
th {{ background: #f4f4f4; }}
.paragraph {{ margin-bottom: 0.8em; }}
.plain {{ line-height: 1.8; }}
</style>
</head>
<body>
<h1>{heading}</h1>
<p>{len(quotes)} quotes. {legend}</p>
<div class="article">{body}</div>
<h2>Quotes by speaker</h2>
<table>
<thead><tr><th>speaker</th><th>kind</th><th>cue</th><th>mention</th><th>confidence</th><th>quote</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""
