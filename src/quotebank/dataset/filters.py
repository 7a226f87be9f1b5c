"""Which records to keep: ``--cue-class``, ``--no-nested`` and ``--min-confidence``."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from quotebank.lexicons import CUE_CLASSES
from quotebank.records import Quote

__all__ = ["RecordFilter", "parse_cue_classes"]


def parse_cue_classes(value: str | Iterable[str] | None) -> frozenset[str]:
    """Cue classes from ``"speech,belief"`` (or a list); all of them for None or "all".

    Raises:
        ValueError: for a name that is not a cue class.
    """
    if value is None:
        return frozenset(CUE_CLASSES)
    names = [v.strip().lower() for v in (value.split(",") if isinstance(value, str) else value)]
    names = [n for n in names if n]
    if names == ["all"] or not names:
        return frozenset(CUE_CLASSES)
    unknown = sorted(set(names) - set(CUE_CLASSES))
    if unknown:
        raise ValueError(f"unknown cue class {', '.join(unknown)}; choose from {', '.join(CUE_CLASSES)}")
    return frozenset(names)


def _probability(instance: RecordFilter, attribute: attrs.Attribute, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"min_confidence must lie in [0, 1], not {value!r}")


@attrs.frozen(slots=True)
class RecordFilter:
    """A test a record must pass to be kept.

    Attributes:
        cue_classes: the cue classes kept (default: all).
        nested: keep attributions reported inside another quote (``nested_in``
            set); False drops them.
        min_confidence: the lowest confidence kept.

    Examples:
        >>> import quotebank
        >>> quotes = quotebank.extract("“We agree,” Anna Lee said. Lee believes the plan will fail.")
        >>> [(q.cue_class, q.speaker) for q in quotes]
        [('speech', 'Anna Lee'), ('belief', 'Anna Lee')]
        >>> keep = RecordFilter(cue_classes=frozenset({"speech"}), nested=False, min_confidence=0.5)
        >>> [q.text for q in quotes if keep(q)]
        ['We agree,']
    """

    cue_classes: frozenset[str] = attrs.field(default=frozenset(CUE_CLASSES), converter=parse_cue_classes)
    nested: bool = True
    min_confidence: float = attrs.field(default=0.0, converter=float, validator=_probability)

    @property
    def keeps_all(self) -> bool:
        """True when no record can fail the test."""
        return self.cue_classes == frozenset(CUE_CLASSES) and self.nested and self.min_confidence <= 0.0

    def __call__(self, quote: Quote) -> bool:
        return (
            quote.cue_class in self.cue_classes
            and (self.nested or quote.nested_in is None)
            and quote.confidence >= self.min_confidence
        )
