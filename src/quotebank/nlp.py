"""spaCy integration: which pipeline to load, the "quotebank" component, and
the Doc extensions it fills.

>>> import spacy
>>> nlp = spacy.load(DEFAULT_MODEL)
>>> component = nlp.add_pipe("quotebank")
>>> doc = nlp('“We agree,” she said.')
>>> doc._.quotebank_quotes[0].speaker_mention
'she'

The component sets these Doc extensions (all named ``quotebank_*``, so they
cannot clash with another package's):

* ``doc._.quotebank_records``: the records as plain dicts, so they survive
  ``Doc.to_bytes`` and ``nlp.pipe(..., n_process=2)``;
* ``doc._.quotebank_quotes``: the same as `Quote`
  objects (a getter over ``quotebank_records``);
* ``doc._.quotebank_error``: None, or, when finding the quotes of this Doc
  raised and the component was asked to record errors (``on_error="record"``),
  ``{"type", "message", "traceback"}``; by default the error is raised;

and the span groups ``doc.spans["quotes"]`` (label: the kind) and
``doc.spans["speakers"]`` (label: the canonical speaker), keys configurable,
and the article's coreference clusters, ``doc.spans["coref_clusters_1"]`` …,
in the format of spaCy's coreference component (unless such a component ran
before it: its clusters are then read, not replaced).
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Sequence

import spacy
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span

from quotebank.detect.base import is_abbreviation_stop
from quotebank.furniture import label_end
from quotebank.lexicons import TITLE_ABBREVIATIONS
from quotebank.models import DEFAULT_MODEL, MODEL_ENV, model_name
from quotebank.pipeline import find_quotes
from quotebank.records import Quote
from quotebank.rules import Rules, applied
from quotebank.speakers.resolve import COREF_PREFIX

__all__ = [
    "DEFAULT_MODEL",
    "MODEL_ENV",
    "QuotebankComponent",
    "load_pipeline",
    "model_name",
    "make_quotebank",
    "split_glued_quote_marks",
]

#: What the component may do with an exception: raise it, or record it on the Doc.
ON_ERROR = ("raise", "record")

#: Double quote marks that scraped text glues to a word ("paranoia,”Clinton
#: said", "said,“Look"): split off as tokens of their own (`split_glued_quote_marks`).
GLUED_QUOTE_MARKS = "“”„«»\""
_GLUED_INFIXES = (
    rf"(?<=[\w.,;:!?])[{GLUED_QUOTE_MARKS}](?=\w)",
    rf"(?<=\w)[{GLUED_QUOTE_MARKS}](?=[\w.,;:!?])",
    rf"(?<=\w)[.,;:!?](?=[{GLUED_QUOTE_MARKS}])",
)

#: What quotebank reads from the components before it, and what assigns it.
REQUIRED = {"token.dep": "a dependency parser", "doc.ents": "named entities (an 'ner' component)"}


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None, rules: Rules | None = None) -> Language:
    """Load a spaCy pipeline (installed package or path) with quotebank added.

    Nothing is downloaded: the pipeline must be installed.

    Args:
        name: a package name or a path; see `model_name` for the default.
        rules: the user's additions to quotebank's rules, set in the
            component's config.

    Returns:
        The pipeline, with "quotebank_paragraphs" (a sentence starts at each
        line break) before its parser and the "quotebank" component last.

    Raises:
        OSError: when the pipeline is not installed, with a hint.
        ValueError: when it lacks a parser or named entities.
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
    assigned = {attr for name in nlp.pipe_names for attr in nlp.get_pipe_meta(name).assigns}
    missing = [what for attr, what in REQUIRED.items() if attr not in assigned]
    if missing:
        raise ValueError(
            f"the spaCy pipeline {resolved!r} lacks {' and '.join(missing)}; "
            f"quotebank needs both (en_core_web_sm has them)"
        )
    adapt_tokenizer(nlp)
    if "quotebank_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("quotebank_paragraphs", before="parser")
    if "quotebank" not in nlp.pipe_names:
        nlp.add_pipe("quotebank", config=(rules or Rules()).config())
    return nlp


def adapt_tokenizer(nlp: Language) -> None:
    """Fit a pipeline's tokenizer to news text: `split_glued_quote_marks` and
    `keep_title_abbreviations`. `load_pipeline` applies it; call it on a
    pipeline of your own before adding the "quotebank" component. Safe to call
    twice.

    Args:
        nlp: the pipeline whose tokenizer to adapt (changed in place).
    """
    split_glued_quote_marks(nlp)
    keep_title_abbreviations(nlp)


def keep_title_abbreviations(nlp: Language) -> None:
    """Make the tokenizer keep an abbreviated title and its full stop together.

    spaCy's English tokenizer knows "Gen." and "Sen." but splits "Capt.",
    "Lt." or "Sgt." from their full stop, which the parser then reads as a
    sentence's end: "Army Capt. Christian Pardo said" loses its speaker's name.
    This adds a special case for each of `TITLE_ABBREVIATIONS`; other text is
    tokenized as before. Safe to call twice.

    Args:
        nlp: the pipeline whose tokenizer to extend (changed in place).
    """
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a tokenizer of its own kind: left as it is
    for word in sorted(TITLE_ABBREVIATIONS):
        abbreviation = word.capitalize() + "."
        if abbreviation not in tokenizer.rules:
            tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def split_glued_quote_marks(nlp: Language) -> None:
    """Make the tokenizer split a double quote mark glued to a word.

    spaCy's English tokenizer keeps "paranoia,”Clinton" and "said,“Look" as
    one token each, so the parser sees no quote and no speaker. This adds
    infix rules (`GLUED_QUOTE_MARKS` between a word and a word or a
    punctuation mark) to ``nlp.tokenizer``; text with spaces around its quote
    marks is tokenized as before. `adapt_tokenizer` applies it. Safe to
    call twice.

    Args:
        nlp: the pipeline whose tokenizer to extend (changed in place).
    """
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a tokenizer of its own kind: left as it is
    pattern = tokenizer.infix_finditer.__self__.pattern if tokenizer.infix_finditer else ""
    if _GLUED_INFIXES[0] in pattern:
        return
    infixes = list(nlp.Defaults.infixes or ()) + list(_GLUED_INFIXES)
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def _set_extensions() -> None:
    if not Doc.has_extension("quotebank_records"):
        Doc.set_extension("quotebank_records", default=None)
    if not Doc.has_extension("quotebank_quotes"):
        Doc.set_extension("quotebank_quotes", getter=_get_quotes)
    if not Doc.has_extension("quotebank_error"):
        Doc.set_extension("quotebank_error", default=None)


def _get_quotes(doc: Doc) -> tuple[Quote, ...]:
    data = doc._.quotebank_records or []
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
        coref_prefix: the ``doc.spans`` key prefix under which a coreference
            component before this one leaves its clusters; the fullest name of
            a mention's cluster becomes its speaker.
        write_clusters: when no such component ran, write quotebank's own
            clusters of the article's entities there, in the same format
            (``{coref_prefix}_1``, … one span group per entity named twice or
            more, marked ``group.attrs["quotebank"]``).
        cue_verbs_add: lemmas that introduce quotes as "say" does, besides
            quotebank's own (`quotebank.rules.Rules`).
        cue_verbs_remove: lemmas of quotebank's own cue verbs to leave out.
        furniture_lines: regular expressions for whole lines of page
            furniture ("^Follow us on "): never a quote, a speaker or an
            antecedent.
        on_error: "raise" (the default: an exception stops ``nlp(text)`` as
            in any spaCy component) or "record" (it is kept in
            ``doc._.quotebank_error``, the Doc gets no quotes, a stream goes
            on). Can also be given per call: ``nlp.pipe(texts,
            component_cfg={"quotebank": {"on_error": "record"}})``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "quotebank",
        *,
        quotes_key: str = "quotes",
        speakers_key: str = "speakers",
        headlines: bool = True,
        coref_prefix: str = COREF_PREFIX,
        write_clusters: bool = True,
        cue_verbs_add: Sequence[str] = (),
        cue_verbs_remove: Sequence[str] = (),
        furniture_lines: Sequence[str] = (),
        on_error: str = "raise",
    ) -> None:
        if on_error not in ON_ERROR:
            raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, not {on_error!r}")
        #: The user's additions to quotebank's rules, in force while it works on a Doc.
        self.rules = Rules(
            cue_verbs_add=cue_verbs_add, cue_verbs_remove=cue_verbs_remove, furniture_lines=furniture_lines
        )
        self.on_error = on_error
        self.nlp = nlp
        self.name = name
        self.headlines = headlines
        self.quotes_key = quotes_key
        self.speakers_key = speakers_key
        self.coref_prefix = coref_prefix
        self.write_clusters = write_clusters
        _set_extensions()

    def __call__(self, doc: Doc, on_error: str | None = None) -> Doc:
        try:
            with applied(self.rules):
                quotes = find_quotes(doc, parse=self._parse if self.headlines else None,
                                     coref_prefix=self.coref_prefix, write_clusters=self.write_clusters)
        except Exception as err:
            if (on_error or self.on_error) == "raise":
                raise
            doc._.quotebank_error = {
                "type": type(err).__name__, "message": str(err), "traceback": traceback.format_exc(),
            }
            quotes = []
        doc._.quotebank_records = [q.to_dict() for q in quotes]
        quote_spans: list[Span] = []
        speaker_spans: list[Span] = []
        for q in quotes:
            span = doc.char_span(q.start, q.end, label=q.kind.upper(), alignment_mode="expand")
            if span is not None:
                quote_spans.append(span)
            if q.speaker_start is not None and q.speaker_end is not None:
                label = q.speaker or "UNKNOWN"
                sp = doc.char_span(q.speaker_start, q.speaker_end, label=label, alignment_mode="expand")
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
    default_config={
        "quotes_key": "quotes", "speakers_key": "speakers", "headlines": True, "coref_prefix": COREF_PREFIX,
        "write_clusters": True, "cue_verbs_add": [], "cue_verbs_remove": [], "furniture_lines": [],
        "on_error": "raise",
    },
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents"],
    assigns=["doc._.quotebank_records", "doc._.quotebank_error", "doc.spans"],
)
def make_quotebank(
    nlp: Language, name: str, *, quotes_key: str, speakers_key: str, headlines: bool, coref_prefix: str,
    write_clusters: bool, cue_verbs_add: list[str], cue_verbs_remove: list[str], furniture_lines: list[str],
    on_error: str,
) -> QuotebankComponent:
    """Create the "quotebank" component (see `QuotebankComponent`)."""
    return QuotebankComponent(
        nlp, name, quotes_key=quotes_key, speakers_key=speakers_key, headlines=headlines, coref_prefix=coref_prefix,
        write_clusters=write_clusters, cue_verbs_add=cue_verbs_add, cue_verbs_remove=cue_verbs_remove,
        furniture_lines=furniture_lines, on_error=on_error,
    )


_set_extensions()


@Language.component(
    "quotebank_paragraphs",
    assigns=["token.is_sent_start"],
)
def paragraph_sentences(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, before the parser runs,
    and after a label that opens a line ("Strategic Council Online – Interview:",
    "WATCH:").

    News pages carry stray lines ("Advertisement", captions) that the parser
    would otherwise glue to the next paragraph's sentence, and site or section
    labels that it would take for the subject of the sentence after them.
    """
    spaces = doc.to_array(IS_SPACE)  # only the whitespace tokens are visited
    line_starts = [0] if len(doc) else []
    for i in spaces[:-1].nonzero()[0].tolist():
        if not spaces[i + 1] and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
            line_starts.append(i + 1)
    for start in line_starts:
        colon = label_end(doc, start)
        if colon is not None:
            doc[colon + 1].is_sent_start = True
    _join_after_abbreviations(doc)
    return doc


def _join_after_abbreviations(doc: Doc) -> None:
    """No sentence starts after an abbreviation's full stop
    (`quotebank.detect.base.is_abbreviation_stop`: "who lost 16 lbs. “and two
    belt loops” …, says the program changed his life"): the parser takes such a
    stop for a sentence's end, and the attribution after it loses its subject."""
    periods = (doc.to_array(ORTH)[:-1] == doc.vocab.strings["."]).nonzero()[0].tolist()
    for i in periods:
        if is_abbreviation_stop(doc[i]):
            k = i + 1
            while True:
                doc[k].is_sent_start = False
                if doc[k].is_alpha:
                    break
                k += 1
