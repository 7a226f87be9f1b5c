"""The quote level: one record per distinct quotation across a corpus.

Quotebank (Vaucher et al., 2021) publishes its corpus at two levels: one
record per mention of a quote in an article, and one per *quotation*, merged
over every article that reports it. This module builds the second from the
first, with Quotebank's fields (``quoteID``, ``quotation``, ``speaker``,
``qids``, ``date``, ``numOccurrences``, ``probas``, ``urls``) and ours
(``speaker_id``, ``kinds``, ``doc_ids``, ``occurrences``).

Two mention records are one quotation when

* their texts are equal after lowercasing and removing punctuation
  (Quotebank's rule), or
* they are nearly equal: the same quotation reported with a word added,
  dropped or changed. Both have at least `MIN_FUZZY_WORDS` words, their
  Levenshtein similarity (``textacy.similarity.levenshtein`` on the
  normalised texts) is at least `FUZZY_THRESHOLD`, they hold the same
  negations and numbers ("we lost 3 jobs" is not "we lost 300 jobs"), and
  their speakers agree (the same, one unknown, or one name part of the
  other: "Trudeau" and "Justin Trudeau").

Near-equal candidates are found by blocking: each normalised text is filed
under its `BLOCK_KEYS` rarest words (by how many distinct quotations
hold them), and only texts sharing a block are compared; blocks larger than
`MAX_BLOCK` are skipped (their words are not rare). The work is near
linear in the number of records.

Memory stays bounded: records, texts and blocks live in a temporary SQLite
file and groups are read back sorted by SQLite, a group at a time. What is
held in memory is one integer per distinct quotation (the merge forest) and
the vocabulary's word counts.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sqlite3
import tempfile
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from quotebank.lexicons import NEGATION_WORDS
from quotebank.records import Quote

__all__ = [
    "Occurrence",
    "Quotation",
    "QUOTATION_FIELDS",
    "FUZZY_THRESHOLD",
    "MIN_FUZZY_WORDS",
    "normalise",
    "quote_level",
    "similar",
    "speakers_agree",
]

#: Least Levenshtein similarity (1 − edits / longer length, on the
#: normalised texts) of two reports of one quotation. One word changed in a
#: 12-word quotation measures about 0.93; a different sentence under 0.6.
FUZZY_THRESHOLD = 0.85
#: Shorter quotations merge only when equal after normalisation: in a few
#: words, one changed word is a different statement.
MIN_FUZZY_WORDS = 6
#: How many of its rarest words a quotation is filed under for comparison.
BLOCK_KEYS = 2
#: Blocks with more quotations than this are not compared (the word is common).
MAX_BLOCK = 200
#: The speaker name Quotebank gives the share of no speaker in ``probas``.
NO_SPEAKER = "None"
#: Records inserted between two commits of the working database.
COMMIT_EVERY = 20_000


@attrs.frozen(slots=True, kw_only=True)
class Occurrence:
    """One report of a quotation: a mention record, shortened.

    Attributes:
        doc_id: the document.
        start: offset of the quote in the document.
        end: offset just past it.
        kind: "direct", "indirect" or "mixed".
        speaker: the speaker this report names, or None.
        confidence: the record's confidence.
        date: the document's date, or None.
        url: the document's URL, or None.
    """

    doc_id: str
    start: int
    end: int
    kind: str
    speaker: str | None
    confidence: float
    date: str | None = None
    url: str | None = None


@attrs.frozen(slots=True, kw_only=True)
class Quotation:
    """One distinct quotation and every report of it (Quotebank's quote level).

    Attributes:
        quoteID: a stable id: the earliest date (or "undated") and a hash of
            the normalised text of the quotation's first report.
        quotation: the longest surface form among the reports.
        speaker: the most probable name in ``probas``; ``"None"`` only when
            no report names a speaker. (Quotebank gives "None" whenever its
            share is the largest; here a report's confidence is the chance that
            its quote *and* its name are right, so a named speaker is kept even
            when that chance is low.)
        qids: the Wikidata QIDs of ``speaker`` (from ``--speakers``), sorted.
        date: the earliest date among the reports, or None.
        numOccurrences: how many reports (mention records) were merged.
        probas: ``[[speaker, p], …]``, most probable first: each report gives
            its speaker its confidence and "None" the rest (all of it when it
            has no speaker), averaged over the reports, a short form of a name
            ("Trudeau") credited to the one longer name that holds it; ``p`` is
            a string with four decimals, as in Quotebank. "None"'s share is
            thus the doubt about the reports, not a claim that nobody said it.
        urls: the distinct URLs of the reports, in input order.
        speaker_id: the ``speaker_id`` of ``speaker``, or None.
        speaker_named: False when ``speaker`` is the description of an unnamed
            source ("officials"), as its reports say; None when there is no speaker.
        kinds: the distinct kinds of the reports, sorted.
        doc_ids: the distinct documents, in input order.
        occurrences: each report's document, offsets, kind, speaker,
            confidence, date and URL.
    """

    quoteID: str
    quotation: str
    speaker: str
    qids: tuple[str, ...] = ()
    date: str | None = None
    numOccurrences: int = 0
    probas: tuple[tuple[str, str], ...] = ()
    urls: tuple[str, ...] = ()
    speaker_id: str | None = None
    speaker_named: bool | None = None
    kinds: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    occurrences: tuple[Occurrence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready values (lists, not tuples)."""
        out = {name: getattr(self, name) for name in QUOTATION_FIELDS}
        for name in ("qids", "urls", "kinds", "doc_ids"):
            out[name] = list(out[name])
        out["probas"] = [list(p) for p in self.probas]
        out["occurrences"] = [attrs.asdict(o) for o in self.occurrences]
        return out


#: The quote-level field names, in output order.
QUOTATION_FIELDS = tuple(a.name for a in attrs.fields(Quotation))


def normalise(text: str) -> str:
    """Quotebank's normal form: lower case, punctuation removed (dashes and
    slashes become spaces), whitespace collapsed.

    >>> normalise("“We won’t back down,” – ever.")
    'we wont back down ever'
    """
    out = []
    for ch in text.lower():
        cat = unicodedata.category(ch)
        if cat == "Pd" or ch == "/":
            out.append(" ")
        elif cat[0] == "P":
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def _anchors(words: list[str]) -> list[str]:
    """The words two reports of one quotation must share exactly: negations and numbers."""
    return sorted(w for w in words if w in NEGATION_WORDS or any(ch.isdigit() for ch in w))


def similar(a: str, b: str, threshold: float = FUZZY_THRESHOLD) -> bool:
    """Whether two normalised texts are reports of one quotation (see the module's rules).

    >>> similar("we will hold those responsible to account for what happened", \
"we will hold those responsible to account for what has happened")
    True
    >>> similar("we will win this war in the end", "we will not win this war in the end")
    False
    >>> similar("we have lost 3 jobs in the mill this year", "we have lost 300 jobs in the mill this year")
    False
    """
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if min(len(wa), len(wb)) < MIN_FUZZY_WORDS:
        return False
    if min(len(a), len(b)) < threshold * max(len(a), len(b)):
        return False  # the length gap alone costs more edits than allowed
    if _anchors(wa) != _anchors(wb):
        return False
    return _levenshtein()(a, b) >= threshold


@functools.cache
def _levenshtein() -> Any:
    """textacy's Levenshtein similarity, imported once, on first need (textacy loads spaCy)."""
    from textacy.similarity import levenshtein

    return levenshtein


class _Forest:
    """Union-find over quotation numbers 1…n; a set's root is its smallest number."""

    def __init__(self) -> None:
        self.parent = array("q", [0])

    def add(self) -> None:
        self.parent.append(len(self.parent))

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _as_quote(record: Quote | dict[str, Any]) -> Quote:
    return record if isinstance(record, Quote) else Quote.from_dict(record)


def speakers_agree(a: str | None, b: str | None) -> bool:
    """Speakers that may have said one quotation: the same, one unknown, or
    one name part of the other ("Trudeau" in an article that never gives
    his first name, "Justin Trudeau" in another)."""
    if a is None or b is None or a == b:
        return True
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return wa <= wb or wb <= wa


def _fold_names(weights: dict[str, float]) -> dict[str, float]:
    """Credit a short form ("Trudeau") to the one longer name present that
    holds it ("Justin Trudeau"); a short form two names hold stays apart."""
    names = [n for n in weights if n != NO_SPEAKER]
    out = dict(weights)
    for short in names:
        words = set(short.lower().split())
        longer = [n for n in names if n != short and words < set(n.lower().split())]
        if len(longer) == 1:
            out[longer[0]] += out.pop(short)
    return out


def quote_level(
    records: Iterable[Quote | dict[str, Any]],
    *,
    threshold: float = FUZZY_THRESHOLD,
    workdir: str | Path | None = None,
) -> Iterator[Quotation]:
    """Merge mention records into quotations.

    Args:
        records: mention-level records (`Quote` or
            their dicts, as read from quotebank's JSONL), in input order.
            Records whose text has no letters or digits are left out.
        threshold: the least similarity of two near-equal reports
            (`FUZZY_THRESHOLD`); 1.0 merges only equal normalised texts.
        workdir: where the temporary SQLite file goes (default: the system's
            temporary folder). It is deleted when the generator ends or is closed.

    Yields:
        One `Quotation` per distinct quotation, in the order of their
        first report.
    """
    fd, name = tempfile.mkstemp(prefix="quotebank-quotes-", suffix=".sqlite", dir=workdir)
    os.close(fd)
    con = sqlite3.connect(name)
    try:
        con.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            PRAGMA temp_store = FILE;
            CREATE TABLE norms (id INTEGER PRIMARY KEY, norm TEXT UNIQUE NOT NULL, speaker TEXT);
            CREATE TABLE occ (id INTEGER PRIMARY KEY, norm_id INTEGER NOT NULL, rec TEXT NOT NULL);
            CREATE TABLE blocks (word TEXT NOT NULL, norm_id INTEGER NOT NULL);
            CREATE TABLE roots (norm_id INTEGER PRIMARY KEY, root INTEGER NOT NULL);
            """
        )
        forest = _Forest()
        counts: Counter[str] = Counter()
        _load(con, records, forest, counts)
        if threshold < 1.0:
            _merge_near_equal(con, forest, counts, threshold)
        del counts
        con.executemany(
            "INSERT INTO roots VALUES (?, ?)", ((i, forest.find(i)) for i in range(1, len(forest.parent)))
        )
        con.execute("CREATE INDEX roots_root ON roots (root, norm_id)")
        con.commit()
        yield from _groups(con)
    finally:
        con.close()
        Path(name).unlink(missing_ok=True)


def _load(con: sqlite3.Connection, records: Iterable[Quote | dict[str, Any]], forest: _Forest,
          counts: Counter[str]) -> None:
    """File each record under its normal form; count each word once per distinct quotation."""
    pending = 0
    for record in records:
        quote = _as_quote(record)
        norm = normalise(quote.text)
        if not any(ch.isalnum() for ch in norm):
            continue
        cur = con.execute("INSERT OR IGNORE INTO norms (norm, speaker) VALUES (?, ?)", (norm, quote.speaker))
        if cur.rowcount == 1:
            norm_id = cur.lastrowid
            forest.add()
            counts.update(set(norm.split()))
        else:
            norm_id = con.execute("SELECT id FROM norms WHERE norm = ?", (norm,)).fetchone()[0]
        con.execute("INSERT INTO occ (norm_id, rec) VALUES (?, ?)",
                    (norm_id, json.dumps(quote.to_dict(), ensure_ascii=False)))
        pending += 1
        if pending >= COMMIT_EVERY:
            con.commit()
            pending = 0
    con.commit()


def _merge_near_equal(con: sqlite3.Connection, forest: _Forest, counts: Counter[str], threshold: float) -> None:
    """Compare the quotations that share a rare word; merge the near-equal ones."""
    def keys() -> Iterator[tuple[str, int]]:
        for norm_id, norm in con.execute("SELECT id, norm FROM norms"):
            words = norm.split()
            if len(words) < MIN_FUZZY_WORDS:
                continue
            for word in sorted(set(words), key=lambda w: (counts[w], w))[:BLOCK_KEYS]:
                if counts[word] > 1:
                    yield word, norm_id

    con.executemany("INSERT INTO blocks VALUES (?, ?)", keys())
    con.commit()
    reader = con.cursor()
    block: list[int] = []
    word = None
    for w, norm_id in reader.execute("SELECT word, norm_id FROM blocks ORDER BY word, norm_id"):
        if w != word:
            _compare_block(con, block, forest, threshold)
            block, word = [], w
        block.append(norm_id)
    _compare_block(con, block, forest, threshold)


def _compare_block(con: sqlite3.Connection, block: list[int], forest: _Forest, threshold: float) -> None:
    if not 2 <= len(block) <= MAX_BLOCK:
        return
    marks = ",".join("?" * len(block))
    rows = con.execute(f"SELECT id, norm, speaker FROM norms WHERE id IN ({marks}) ORDER BY id", block).fetchall()
    for i, (a_id, a, a_speaker) in enumerate(rows):
        for b_id, b, b_speaker in rows[i + 1:]:
            if forest.find(a_id) == forest.find(b_id):
                continue
            if speakers_agree(a_speaker, b_speaker) and similar(a, b, threshold):
                forest.union(a_id, b_id)


def _groups(con: sqlite3.Connection) -> Iterator[Quotation]:
    """Read the records back a quotation at a time (SQLite sorts on disk)."""
    rows = con.execute(
        "SELECT r.root, n.norm, o.rec FROM occ o JOIN roots r ON r.norm_id = o.norm_id "
        "JOIN norms n ON n.id = r.root ORDER BY r.root, o.id"
    )
    group: list[Quote] = []
    current = None
    root_norm = ""
    for root, norm, rec in rows:
        if root != current:
            if group:
                yield _quotation(root_norm, group)
            group, current, root_norm = [], root, norm
        group.append(Quote.from_dict(json.loads(rec)))
    if group:
        yield _quotation(root_norm, group)


def _distinct(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v is not None))


def _quotation(norm: str, quotes: list[Quote]) -> Quotation:
    """One quotation from its reports (in input order)."""
    n = len(quotes)
    weights: dict[str, float] = {}
    for q in quotes:
        if q.speaker is None:
            weights[NO_SPEAKER] = weights.get(NO_SPEAKER, 0.0) + 1.0
        else:
            weights[q.speaker] = weights.get(q.speaker, 0.0) + q.confidence
            weights[NO_SPEAKER] = weights.get(NO_SPEAKER, 0.0) + 1.0 - q.confidence
    weights = _fold_names(weights)
    # Most probable first; on a tie a named speaker before "None", then by name.
    ranked = sorted(((name, w / n) for name, w in weights.items() if w > 0),
                    key=lambda p: (-round(p[1], 4), p[0] == NO_SPEAKER, p[0]))
    # The quotation's speaker is the most probable name its reports give: a
    # report's confidence is the chance that its quote and name are both right,
    # not the chance that nobody said it, so an unsure name still beats "None".
    named = [name for name, _ in ranked if name != NO_SPEAKER]
    speaker = named[0] if named else NO_SPEAKER
    own = [q for q in quotes if q.speaker == speaker] or [q for q in quotes if speakers_agree(q.speaker, speaker)]
    dates = [q.date for q in quotes if q.date]
    date = min(dates) if dates else None
    digest = hashlib.blake2b(norm.encode("utf-8"), digest_size=6).hexdigest()
    return Quotation(
        quoteID=f"{date[:10] if date else 'undated'}-{digest}",
        quotation=max(quotes, key=lambda q: len(q.text)).text,
        speaker=speaker,
        qids=tuple(sorted({q.speaker_qid for q in own if q.speaker_qid})),
        date=date,
        numOccurrences=n,
        probas=tuple((name, f"{p:.4f}") for name, p in ranked),
        urls=_distinct(q.url for q in quotes),
        speaker_id=next((q.speaker_id for q in own if q.speaker_id), None),
        speaker_named=own[0].speaker_named if own and speaker != NO_SPEAKER else None,
        kinds=tuple(sorted({q.kind for q in quotes})),
        doc_ids=_distinct(q.doc_id for q in quotes),
        occurrences=tuple(
            Occurrence(doc_id=q.doc_id, start=q.start, end=q.end, kind=q.kind, speaker=q.speaker,
                       confidence=q.confidence, date=q.date, url=q.url)
            for q in quotes
        ),
    )
