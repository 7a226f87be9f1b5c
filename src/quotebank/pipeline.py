"""The one-way flow for one Doc.

    text ─▶ candidates (detect) ─▶ attributions with mentions (speakers.mentions)
         ─▶ attributions with speakers (speakers.resolve) ─▶ Quote records

Each stage hands the next a list of frozen records; nothing is changed in
place and no parallel lists are zipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
from spacy.tokens import Doc

from quotebank.confidence import record_confidence
from quotebank.detect import find_candidates, outer_positions
from quotebank.detect.base import TokenIndex
from quotebank.detect.headline import parse_lines
from quotebank.furniture import caption_lines, furniture_lines, lines_where, sidebar_blocks, teaser_lines
from quotebank.lexicons import HEADLINE_CUE_WORDS, RELATIVE_PRONOUNS
from quotebank.marks import paragraph_bounds, scan_quotes
from quotebank.records import Quote
from quotebank.rules import active_rules
from quotebank.speakers import Attribution, Mention, attach_mentions, entities, resolve_speakers
from quotebank.speakers.coref import Ranker
from quotebank.speakers.entities import ArticleEntities
from quotebank.speakers.registry import speaker_id
from quotebank.speakers.resolve import COREF_PREFIX
from quotebank.text import paragraph_of

__all__ = ["find_quotes", "attribute"]


def find_quotes(
    doc: Doc,
    doc_id: str = "",
    parse: Callable[[str], Doc] | None = None,
    coref_prefix: str = COREF_PREFIX,
    write_clusters: bool = False,
) -> list[Quote]:
    """Find the quotes of a parsed Doc and their speakers.

    Args:
        doc: a Doc parsed by a pipeline with a tagger, parser and NER.
        doc_id: the id written into each record.
        parse: parses a string with the same pipeline (without quotebank);
            when given, title-case headlines that are attributions are parsed
            again in normal case (see `quotebank.detect.headline`).
        coref_prefix: the ``doc.spans`` key prefix of coreference clusters.
        write_clusters: write the article's entity clusters into ``doc.spans``
            under ``coref_prefix``, as spaCy's coreference component does
            (`quotebank.speakers.entities.write_clusters`), unless another
            component's clusters are there.

    Returns:
        The quote records, in text order.
    """
    text = doc.text
    attributions = attribute(doc, parse, coref_prefix, text, write_clusters=write_clusters)
    return [
        _record(doc, text, att, attributions, doc_id)
        for att in attributions
        if att.outer is None or _worth_nesting(doc, att, attributions[att.outer])
    ]


def attribute(
    doc: Doc,
    parse: Callable[[str], Doc] | None = None,
    coref_prefix: str = COREF_PREFIX,
    text: str | None = None,
    ranker: Ranker | None = None,
    write_clusters: bool = False,
) -> list[Attribution]:
    """Every stage before the records: candidates, mentions, nesting, speakers.

    Args:
        doc: the parsed document.
        parse: see `find_quotes`.
        coref_prefix: see `find_quotes`.
        text: ``doc.text``, when the caller has it.
        ranker: ranks the antecedents of pronouns and descriptions (default:
            the shipped model; see `quotebank.speakers.resolve_speakers`).
        write_clusters: see `find_quotes`.

    Returns:
        The attributions in text order, each with its speaker and, when
        nested, the position of the one that holds it.
    """
    text = doc.text if text is None else text
    para_starts = [start for start, _ in paragraph_bounds(text)]
    index = TokenIndex(doc)
    # A block of other stories ("LATEST CONTENT" and the teasers after it) is
    # furniture, and its quotes belong to those stories.
    sidebars = sidebar_blocks(text)
    furniture = _furniture_mask(doc, text, index, sidebars)
    # A teaser's quote ("READ MORE: ‘It becomes a nightmare’: …") belongs to
    # another article; a line of the user's own furniture has none.
    rules = active_rules()
    own = [] if rules.is_default else lines_where(text, rules.is_furniture)
    teasers = _mask(doc, index, teaser_lines(text) + own + sidebars)
    marks = scan_quotes(text)
    candidates = [c for c in find_candidates(doc, para_starts, text, index, marks) if not teasers[c.quote_tokens[0]]]
    attributions = attach_mentions(doc, candidates, para_starts, furniture)
    if parse is not None:
        lines, from_headlines = _headline_attributions(doc, parse, para_starts, index, text)
        from_headlines = [a for a in from_headlines if not teasers[a.candidate.quote_tokens[0]]]
        if from_headlines:
            kept = [a for a in attributions if not any(lo <= a.candidate.start < hi for lo, hi in lines)]
            attributions = sorted(kept + from_headlines, key=lambda a: (a.candidate.start, -a.candidate.end))
    outer = outer_positions([a.candidate for a in attributions])
    attributions = [attrs.evolve(a, outer=o) for a, o in zip(attributions, outer, strict=True)]
    quoted = [a.candidate.quote_tokens for a in attributions if a.candidate.how not in ("reported", "headline")]
    # Names inside any quote marks, a title's too ("on MSNBC’s “Morning Joe.”"), are no antecedents.
    quoted += [(r.start, r.stop) for q in marks if (r := index.tokens(q.mark_start, q.mark_end))]
    captions = _mask(doc, index, caption_lines(text))
    table = ArticleEntities(doc, coref_prefix, furniture, text=text)
    resolved = resolve_speakers(doc, attributions, quoted, coref_prefix, furniture, captions, ranker, table)
    if write_clusters:
        entities.write_clusters(doc, table, coref_prefix)
    return resolved


def _furniture_mask(doc: Doc, text: str, index: TokenIndex, sidebars: Sequence[tuple[int, int]] = ()) -> bytearray:
    """Per token, 1 on a line of page furniture (`quotebank.furniture.furniture_lines`)
    or in a block of other stories (``sidebars``)."""
    lines = furniture_lines(text, HEADLINE_CUE_WORDS.__contains__, active_rules().is_furniture)
    return _mask(doc, index, lines + list(sidebars))


def _mask(doc: Doc, index: TokenIndex, spans: Sequence[tuple[int, int]]) -> bytearray:
    """Per token, 1 inside any of the character spans."""
    mask = bytearray(len(doc))
    for start, end in spans:
        for t in index.tokens(start, end):
            mask[t] = 1
    return mask


def _headline_attributions(
    doc: Doc, parse: Callable[[str], Doc], para_starts: Sequence[int], index: TokenIndex, text: str
) -> tuple[list[tuple[int, int]], list[Attribution]]:
    """Attributions found in case-normalised parses of title-case lines,
    mapped back to the tokens of ``doc``; and the lines' bounds."""
    lines: list[tuple[int, int]] = []
    out: list[Attribution] = []

    def token_at(char: int) -> int:
        return index.tokens(char, char + 1).start

    def span_at(a: int, b: int) -> tuple[int, int]:
        r = index.tokens(a, b)
        return r.start, max(r.stop, r.start + 1)

    for offset, hdoc in parse_lines(doc, parse, text):
        lines.append((offset, offset + len(hdoc.text)))
        for att in attach_mentions(hdoc, find_candidates(hdoc, [0]), [0]):
            c, m = att.candidate, att.mention
            if c.cue is None or c.cue_end is None:
                continue
            last_cue = hdoc[c.cue_end - 1]
            start = c.start + offset
            lo = hdoc[c.quote_tokens[0]].idx + offset
            hi_tok = hdoc[c.quote_tokens[1] - 1]
            cand = attrs.evolve(
                c, start=start, end=c.end + offset, cue=token_at(hdoc[c.cue].idx + offset),
                cue_end=token_at(last_cue.idx + offset) + 1,
                quote_tokens=span_at(lo, hi_tok.idx + len(hi_tok) + offset),
                group_start=None, paragraph=paragraph_of(para_starts, start), how="headline",
            )
            mention = None
            if m is not None:
                first, last = hdoc[m.start], hdoc[m.end - 1]
                ms, me = span_at(first.idx + offset, last.idx + len(last) + offset)
                mention = Mention(ms, me, token_at(hdoc[m.head].idx + offset), m.method)
            out.append(Attribution(cand, mention))
    return lines, out


def _worth_nesting(doc: Doc, att: Attribution, outer: Attribution) -> bool:
    """A nested attribution is kept when it names a third party: a name or a
    noun phrase that is not the outer quote's speaker ("“Velayati stressed …,”
    the report said"), not "I think" inside a quote or "he said he hoped"."""
    if att.mention is None:
        return False
    head = doc[att.mention.head]
    if head.pos_ == "PRON" or head.lower_ in RELATIVE_PRONOUNS:
        return False
    return att.speaker.name is None or att.speaker.name != outer.speaker.name


def _char_span(doc: Doc, first: int, stop: int) -> tuple[int, int]:
    """Character offsets of tokens ``[first, stop)``."""
    last = doc[stop - 1]
    return doc[first].idx, last.idx + len(last)


def _record(doc: Doc, text: str, att: Attribution, attributions: Sequence[Attribution], doc_id: str) -> Quote:
    """The `Quote` of one attribution; offsets into ``text``."""
    cand, mention, speaker = att.candidate, att.mention, att.speaker
    fields: dict[str, object] = {}
    if cand.cue is not None and cand.cue_end is not None:
        cue_start, cue_end = _char_span(doc, cand.cue, cand.cue_end)
        fields.update(cue=text[cue_start:cue_end], cue_start=cue_start, cue_end=cue_end)
    if mention is not None:
        s, e = _char_span(doc, mention.start, mention.end)
        fields.update(speaker_mention=text[s:e], speaker_start=s, speaker_end=e)
    return Quote(
        doc_id=doc_id, start=cand.start, end=cand.end, text=text[cand.start:cand.end], kind=cand.kind,
        speaker=speaker.name, speaker_type=speaker.type, speaker_role=speaker.role, speaker_named=speaker.named,
        speaker_id=speaker_id(speaker.name), confidence=record_confidence(doc, att),
        group=cand.group_start, method=mention.method if mention is not None else "none",
        cue_class=cand.cue_class,
        nested_in=attributions[att.outer].candidate.start if att.outer is not None else None,
        **fields,  # type: ignore[arg-type]
    )
