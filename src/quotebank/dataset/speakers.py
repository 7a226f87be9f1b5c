"""Speakers ranked by how often they are quoted, and what each talks about.

``quotebank speakers DATASET`` reads a dataset quotebank wrote (either level,
JSONL, CSV or Parquet) and sums it up per speaker: quotes, kinds, articles,
first and last date, and key terms of the speaker's quotations
(``textacy.extract.keyterms.yake`` over them, for the speakers listed only).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from quotebank.corpus.encodings import csv_value
from quotebank.corpus.readers import json_error
from quotebank.dataset.quotations import NO_SPEAKER, speakers_agree

__all__ = ["SpeakerSummary", "read_dataset", "summarise_speakers", "add_key_terms", "SUMMARY_FIELDS"]

#: Characters of a speaker's quotations read for key terms (the first ones,
#: in dataset order): enough to see the themes, bounded in time.
KEYTERM_CHARS = 50_000
#: The speaker values that mean "no speaker" (null, empty, or the quote level's "None").
_NO_SPEAKER = (None, "", NO_SPEAKER)


@attrs.define(slots=True)
class SpeakerSummary:
    """One speaker in a dataset.

    Attributes:
        speaker: the canonical name (or an unnamed source's description).
        speaker_id: its id, or None.
        named: False when the speaker is the description of an unnamed source.
        quotes: mention records (or, at the quote level, occurrences).
        quotations: distinct quotations (at the mention level, distinct texts).
        kinds: records by kind.
        articles: distinct documents.
        first_date: the earliest date, or None.
        last_date: the latest date, or None.
        key_terms: what the speaker talks about, most salient first.
    """

    speaker: str
    speaker_id: str | None = None
    named: bool = True
    quotes: int = 0
    quotations: int = 0
    kinds: dict[str, int] = attrs.Factory(dict)
    articles: int = 0
    first_date: str | None = None
    last_date: str | None = None
    key_terms: list[str] = attrs.Factory(list)

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


#: The summary's field names, in output order.
SUMMARY_FIELDS = tuple(a.name for a in attrs.fields(SpeakerSummary))


def read_dataset(path: str | Path) -> Iterator[dict[str, Any]]:
    """The rows of a dataset quotebank wrote, as dicts.

    Args:
        path: a ``.jsonl``, ``.csv`` or ``.parquet`` file, at either level,
            or a partitioned Parquet dataset (a folder of ``.parquet`` parts,
            read in name order; files starting with ``_`` or ``.`` are not data).

    Raises:
        ValueError: for another suffix, an empty folder, or a row that cannot be read.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if p.is_dir():
        parts = sorted(f for f in p.glob("*.parquet") if not f.name.startswith(("_", ".")))
        if not parts:
            raise ValueError(f"{p} holds no .parquet parts")
        for part in parts:
            yield from read_dataset(part)
    elif suffix in (".jsonl", ".json", ".ndjson"):
        with open(p, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as err:
                        raise ValueError(f"{p}:{lineno}: not JSON: {json_error(err)}") from err
    elif suffix == ".csv":
        with open(p, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                yield {k: csv_value(k, v) for k, v in row.items()}
    elif suffix in (".parquet", ".pq"):
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(p).iter_batches():
            yield from batch.to_pylist()
    else:
        raise ValueError(f"cannot read {p}: name a .jsonl, .csv or .parquet dataset")


_Unit = tuple[str, dict[str, Any], str, list[tuple[Any, Any, Any]]]


def _units(rows: Iterable[dict[str, Any]]) -> Iterator[_Unit]:
    """``(speaker, row, text, [(doc_id, date, kind), …])`` per row with a speaker, at either level."""
    for row in rows:
        if "quoteID" in row:  # the quote level
            speaker = row.get("speaker")
            if speaker in _NO_SPEAKER:
                continue
            occurrences = [o for o in row.get("occurrences") or []
                           if o.get("speaker") is not None and speakers_agree(o.get("speaker"), speaker)]
            if not occurrences:
                continue
            yield speaker, row, row.get("quotation") or "", [
                (o.get("doc_id"), o.get("date"), o.get("kind")) for o in occurrences
            ]
        else:
            speaker = row.get("speaker")
            if speaker in _NO_SPEAKER:
                continue
            yield speaker, row, row.get("text") or "", [(row.get("doc_id"), row.get("date"), row.get("kind"))]


@attrs.define(slots=True)
class _Tally:
    speaker_id: str | None = None
    named: bool = True
    quotes: int = 0
    texts: set[bytes] = attrs.Factory(set)  # digests of the distinct quotations: small, whatever their length
    kinds: Counter[str] = attrs.Factory(Counter)
    articles: set[str] = attrs.Factory(set)
    first: str | None = None
    last: str | None = None


def summarise_speakers(rows: Iterable[dict[str, Any]], *, named_only: bool = False) -> list[SpeakerSummary]:
    """Speakers ranked by number of quotes (then by name).

    Args:
        rows: dataset rows (`read_dataset`), mention or quote level;
            rows without a speaker are skipped.
        named_only: leave out unnamed sources ("officials").

    Returns:
        One summary per speaker, without key terms (see `add_key_terms`).
    """
    tallies: dict[str, _Tally] = {}
    for speaker, row, text, occurrences in _units(rows):
        named = row.get("speaker_named", True) is not False
        if named_only and not named:
            continue
        t = tallies.get(speaker)
        if t is None:
            t = tallies[speaker] = _Tally(speaker_id=row.get("speaker_id"), named=named)
        t.texts.add(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest())
        for doc_id, date, kind in occurrences:
            t.quotes += 1
            t.kinds[kind or "direct"] += 1
            if doc_id is not None:
                t.articles.add(doc_id)
            if date:
                t.first = date if t.first is None else min(t.first, date)
                t.last = date if t.last is None else max(t.last, date)
    ranked = sorted(tallies.items(), key=lambda item: (-item[1].quotes, item[0]))
    return [
        SpeakerSummary(
            speaker=name, speaker_id=t.speaker_id, named=t.named, quotes=t.quotes, quotations=len(t.texts),
            kinds=dict(sorted(t.kinds.items())), articles=len(t.articles), first_date=t.first, last_date=t.last,
        )
        for name, t in ranked
    ]


def add_key_terms(summaries: list[SpeakerSummary], rows: Iterable[dict[str, Any]], nlp: Any, topn: int = 5) -> None:
    """Fill in each summary's key terms: YAKE (``textacy.extract.keyterms.yake``)
    over the speaker's distinct quotations, joined one per sentence; terms
    made only of the speaker's own name are left out.

    Args:
        summaries: the speakers to describe (only these are read).
        rows: the dataset's rows again.
        nlp: a spaCy pipeline that tags parts of speech and sentences.
        topn: how many terms per speaker.
    """
    from textacy.extract.keyterms import yake

    wanted = {s.speaker: s for s in summaries}
    texts: dict[str, dict[str, None]] = {name: {} for name in wanted}
    sizes = dict.fromkeys(wanted, 0)
    for speaker, _row, text, _occ in _units(rows):
        if speaker in wanted and text and sizes[speaker] < KEYTERM_CHARS and text not in texts[speaker]:
            texts[speaker][text] = None
            sizes[speaker] += len(text) + 2
    names = [name for name in wanted if texts[name]]
    joined = ("\n".join(t.rstrip(" ,;:") + ("" if t.rstrip()[-1:] in ".!?" else ".") for t in texts[n]) for n in names)
    for name, doc in zip(names, nlp.pipe(joined), strict=True):
        own = set(name.lower().split())
        terms = [term for term, _score in yake(doc, normalize=None, topn=topn + 3)
                 if not set(term.lower().split()) <= own]  # "Trump" is not what Trump talks about
        wanted[name].key_terms = terms[:topn]


def keyterm_pipeline(model: str | None = None) -> Any:
    """The spaCy pipeline for key terms: tagger, lemmatizer and sentences, no parser or NER."""
    import spacy

    from quotebank.models import model_name

    nlp = spacy.load(model_name(model), exclude=["parser", "ner"])
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    return nlp
