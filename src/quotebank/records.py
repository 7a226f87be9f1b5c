"""The quote record: what quotebank finds, as a frozen attrs class.

Every offset refers to the original document text: ``document[start:end] ==
text``, ``document[cue_start:cue_end] == cue`` and
``document[speaker_start:speaker_end] == speaker_mention``.
"""

from __future__ import annotations

import typing
from typing import Any

import attrs

from quotebank.lexicons import CUE_CLASSES

__all__ = ["Quote", "Metadata", "KINDS", "SPEAKER_TYPES", "FIELDS", "META_FIELDS", "OFFSET_FIELDS", "FIELD_TYPES"]

#: The kinds of quote.
KINDS = ("direct", "indirect", "mixed")

#: The kinds of speaker.
SPEAKER_TYPES = ("person", "organisation", "country", "group", "unknown")


@attrs.frozen(slots=True)
class Metadata:
    """What an input says of a document besides its text (each may be None).

    Attributes:
        date: its publication date, as given (``2024-05-02``; ISO 8601 sorts).
        url: its address.
        title: its headline.
        source: the outlet that published it ("example.com", "CBC News").
    """

    date: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None


#: The metadata fields, in output order (also the JSONL input keys).
META_FIELDS = tuple(a.name for a in attrs.fields(Metadata))


def _offset(**kwargs: Any) -> Any:
    """A field holding a character offset into the document (shifted when a
    long text is parsed in pieces)."""
    return attrs.field(metadata={"offset": True}, **kwargs)


def _confidence(instance: Any, attribute: Any, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"confidence must lie in [0, 1], not {value!r}")


def _span_order(instance: Quote, attribute: Any, value: int) -> None:
    if instance.start < 0 or instance.end < instance.start:
        raise ValueError(f"bad quote span [{instance.start}, {instance.end})")


@attrs.frozen(slots=True, kw_only=True)
class Quote:
    """A quotation and its source.

    Attributes:
        doc_id: the document's id (for files, the path without suffix).
        start: offset of the quote's first character in the document.
        end: offset just past its last character.
        text: the quote's content, without its enclosing quote marks.
        kind: "direct" (inside quote marks), "indirect" (reported speech) or
            "mixed" (paraphrase holding a quoted fragment).
        cue: the word(s) that introduce the quote ("said", "told"), or None.
        cue_start: offset of the cue, or None.
        cue_end: offset just past the cue, or None.
        speaker_mention: the words in the text that name the source ("she",
            "a report from Iran’s state media IRNA"), or None.
        speaker_start: offset of the mention, or None.
        speaker_end: offset just past the mention, or None.
        speaker: the canonical name of the source ("Anna Borshchevskaya"), or
            None when unknown.
        speaker_type: "person", "organisation", "country", "group" or
            "unknown".
        speaker_role: the speaker's title or role in the article ("Iranian
            President", "the Ira Weiner Fellow at …"), or None.
        speaker_id: an id stable across articles for the canonical name
            ("vladimir-putin"), or the QID from the user's speaker table.
        speaker_qid: the Wikidata QID from the user's speaker table, or None.
        speaker_named: True when ``speaker`` is a proper name; False when it
            is the description of an unnamed source ("officials", "a person
            familiar with the negotiations") or there is no speaker.
        confidence: how sure quotebank is of the attribution, in [0, 1].
        group: for the pieces of one quote interrupted by its cue or split
            over paragraphs, the offset where the first piece starts (the same
            in every piece: it identifies the quote); None for a quote in one
            piece.
        method: how the speaker mention was found ("subject", "inverted",
            "according", "relative", "agent", "floating", or "none").
        cue_class: "speech", "belief" (believe, hope, expect …), "document"
            (polls show, the report says …) or "directive" (an action the source
            asks for or commits to: urged Congress to act, vowed to fight on).
        nested_in: for an attribution inside another quote ("“Velayati
            stressed the need …,” the report said"), the offset where that
            quote starts (its record's ``start``); None otherwise.
        date: the document's date, from the input (JSONL ``date``, an HTML
            page's metadata), or None.
        url: the document's URL, from the input, or None.
        title: the document's title, from the input, or None.
        source: the outlet that published the document, from the input, or None.
    """

    doc_id: str = ""
    start: int = _offset(validator=_span_order)
    end: int = _offset(validator=_span_order)
    text: str
    kind: str = attrs.field(default="direct", validator=attrs.validators.in_(KINDS))
    cue: str | None = None
    cue_start: int | None = _offset(default=None)
    cue_end: int | None = _offset(default=None)
    speaker_mention: str | None = None
    speaker_start: int | None = _offset(default=None)
    speaker_end: int | None = _offset(default=None)
    speaker: str | None = None
    speaker_type: str = attrs.field(default="unknown", validator=attrs.validators.in_(SPEAKER_TYPES))
    speaker_role: str | None = None
    speaker_id: str | None = None
    speaker_qid: str | None = None
    speaker_named: bool = False
    confidence: float = attrs.field(default=0.0, converter=float, validator=_confidence)
    group: int | None = _offset(default=None)
    method: str = "none"
    cue_class: str = attrs.field(default="speech", validator=attrs.validators.in_(CUE_CLASSES))
    nested_in: int | None = _offset(default=None)
    date: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict (JSON- and msgpack-ready)."""
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        """Build a record from `to_dict` output; unknown keys are ignored."""
        return cls(**{k: data[k] for k in FIELDS if k in data})


#: The record's field names, in output order.
FIELDS = tuple(a.name for a in attrs.fields(Quote))

#: The fields that hold character offsets into the document.
OFFSET_FIELDS = tuple(a.name for a in attrs.fields(Quote) if a.metadata.get("offset"))


def _base_type(hint: Any) -> type:
    """``int`` for ``Optional[int]``, and so on."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return args[0] if args else hint


#: Each field's value type (``int``, ``float`` or ``str``; None is allowed
#: where the field is optional), for writers that need a schema.
FIELD_TYPES: dict[str, type] = {name: _base_type(hint) for name, hint in typing.get_type_hints(Quote).items()}
