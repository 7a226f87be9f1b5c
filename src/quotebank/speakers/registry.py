"""Speakers across articles: stable ids, name normalisation, the user's alias table.

* `speaker_id` gives the same id to the same canonical name in every
  article, ignoring case, diacritics, punctuation and the dots of initials:
  "Vladimir Putin", "VLADIMIR PUTIN" → ``vladimir-putin``; "José Martí" and
  "Jose Marti" → ``jose-marti``; "J. Bradford DeLong" → ``j-bradford-delong``.
* `SpeakerTable` reads a CSV of ``name, aliases, qid`` (aliases
  separated by ``;`` or ``|``), merges aliases into the name, and links it to
  a Wikidata QID (Quotebank's ``qids``). Nothing is looked up online.

Example table::

    name,aliases,qid
    Vladimir Putin,Putin;Vladimir Vladimirovich Putin,Q7747
    Islamic Republic News Agency,IRNA,Q1662839
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import attrs

from quotebank.records import Quote

__all__ = ["normalise_name", "speaker_id", "SpeakerTable"]

_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[\s_-]+")


def normalise_name(name: str) -> str:
    """Lower case, no diacritics, no punctuation, single spaces.

    Args:
        name: a person's or an organisation's name.

    Returns:
        The key under which two spellings of one name meet.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_ish = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_ish = ascii_ish.replace("’", "'").replace("'s ", " ")
    cleaned = _NON_WORD.sub(" ", ascii_ish.lower())
    return _SPACES.sub(" ", cleaned).strip()


def speaker_id(name: str | None) -> str | None:
    """A stable id for a canonical name ("Vladimir Putin" → "vladimir-putin")."""
    if not name:
        return None
    key = normalise_name(name)
    return key.replace(" ", "-") or None


@attrs.frozen(slots=True)
class _Row:
    name: str
    qid: str | None


class SpeakerTable:
    """The user's table of speakers: canonical names, aliases and QIDs.

    Args:
        rows: ``(name, aliases, qid)`` triples.
    """

    def __init__(self, rows: Iterable[tuple[str, Iterable[str], str | None]] = ()) -> None:
        self._by_key: dict[str, _Row] = {}
        for name, aliases, qid in rows:
            row = _Row(name.strip(), (qid or "").strip() or None)
            for alias in [name, *aliases]:
                key = normalise_name(alias)
                if key:
                    self._by_key[key] = row

    @classmethod
    def from_csv(cls, path: str | Path) -> SpeakerTable:
        """Read a CSV with a header holding ``name`` and optionally ``aliases`` and ``qid``.

        Raises:
            ValueError: when the file has no ``name`` column.
        """
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = [f.strip().lower() for f in reader.fieldnames or []]
            if "name" not in fields:
                has = ", ".join(fields) or "none"
                raise ValueError(f"{path}: the speaker table needs a 'name' column (has: {has})")
            rows = []
            for raw in reader:
                row = {k.strip().lower(): (v or "") for k, v in raw.items() if k}
                if not row.get("name", "").strip():
                    continue
                aliases = [a for a in re.split(r"[;|]", row.get("aliases", "")) if a.strip()]
                rows.append((row["name"], aliases, row.get("qid")))
        return cls(rows)

    def __len__(self) -> int:
        return len({id(r) for r in self._by_key.values()})

    def lookup(self, name: str | None) -> tuple[str, str | None] | None:
        """``(canonical name, qid)`` for a name or alias, or None."""
        if not name:
            return None
        row = self._by_key.get(normalise_name(name))
        return (row.name, row.qid) if row else None

    def apply(self, quote: Quote) -> Quote:
        """The quote with its speaker merged into the table's canonical name and QID."""
        found = self.lookup(quote.speaker)
        if found is None:
            return quote
        name, qid = found
        return attrs.evolve(
            quote, speaker=name, speaker_id=qid or speaker_id(name), speaker_qid=qid, speaker_named=True
        )
