"""Rules users add to quotebank's own: more or fewer cue verbs, lines of page
furniture of their own sites.

A newsroom whose writers use "intoned" or "rasped", or whose pages carry
"Follow us on …" lines, extends the rules without forking: through the
component's config (``nlp.add_pipe("quotebank", config={"cue_verbs_add":
["rasp"]})``), `quotebank.Extractor` (``rules=Rules(...)``) or the command
line (``quotebank extract … --rules my.toml``), a TOML file of this shape::

    [cue_verbs]
    add = ["intone", "rasp"]     # lemmas, with the reporting behaviour of "say"
    remove = ["suggest"]

    [furniture]
    lines = ['^Follow us on ']   # regular expressions; a line one matches is never text

The rules in force are set for the time the component works on a Doc
(`applied`), and read by the stages that need them (`active_rules`).
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import attrs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["Rules", "RulesError", "active_rules", "applied"]

#: The sections of a rules file and the keys each may hold.
RULES_FILE_KEYS: dict[str, frozenset[str]] = {
    "cue_verbs": frozenset({"add", "remove"}),
    "furniture": frozenset({"lines"}),
}


class RulesError(ValueError):
    """A rules file or config that cannot be used: unknown keys, wrong types,
    a regular expression that does not compile, or a file that is not TOML."""


def _lemmas(values: Iterable[str]) -> frozenset[str]:
    out = set()
    for value in values:
        if not isinstance(value, str) or not value.strip() or len(value.split()) != 1:
            raise RulesError(f"a cue verb must be one word (a lemma such as \"intone\"), not {value!r}")
        out.add(value.strip().lower())
    return frozenset(out)


def _patterns(values: Iterable[str]) -> tuple[str, ...]:
    out = []
    for value in values:
        if not isinstance(value, str) or not value:
            raise RulesError(f"a furniture line must be a regular expression, not {value!r}")
        try:
            re.compile(value)
        except re.error as err:
            raise RulesError(f"furniture line {value!r} is not a regular expression: {err}") from err
        out.append(value)
    return tuple(sorted(set(out)))


@attrs.frozen(slots=True)
class Rules:
    """What a user adds to or removes from quotebank's word lists.

    Attributes:
        cue_verbs_add: lemmas that introduce quotes as "say" does.
        cue_verbs_remove: lemmas of quotebank's own cue verbs that should not.
        furniture_lines: regular expressions (`re.search`); a line of the text
            that one matches is page furniture: never a quote, a speaker or an
            antecedent.

    Examples:
        >>> Rules(cue_verbs_add=["Rasp"]).cue_verbs_add
        frozenset({'rasp'})
        >>> Rules(cue_verbs_add=["rasp"]) == Rules.from_config({"cue_verbs_add": ["rasp"]})
        True
    """

    cue_verbs_add: frozenset[str] = attrs.field(default=frozenset(), converter=_lemmas)
    cue_verbs_remove: frozenset[str] = attrs.field(default=frozenset(), converter=_lemmas)
    furniture_lines: tuple[str, ...] = attrs.field(default=(), converter=_patterns)
    _compiled: tuple[re.Pattern[str], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_compiled", tuple(re.compile(p) for p in self.furniture_lines))

    @property
    def is_default(self) -> bool:
        """Whether these rules change nothing."""
        return not (self.cue_verbs_add or self.cue_verbs_remove or self.furniture_lines)

    def is_furniture(self, line: str) -> bool:
        """Whether a line of text matches one of the user's furniture patterns."""
        return any(p.search(line) for p in self._compiled)

    def config(self) -> dict[str, list[str]]:
        """The component's config keys for these rules (sorted lists)."""
        return {
            "cue_verbs_add": sorted(self.cue_verbs_add),
            "cue_verbs_remove": sorted(self.cue_verbs_remove),
            "furniture_lines": list(self.furniture_lines),
        }

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Rules:
        """Rules from the component's config keys (missing keys: nothing added)."""
        return cls(
            cue_verbs_add=config.get("cue_verbs_add") or (),
            cue_verbs_remove=config.get("cue_verbs_remove") or (),
            furniture_lines=config.get("furniture_lines") or (),
        )

    @classmethod
    def from_toml(cls, path: str | Path) -> Rules:
        """Rules from a TOML file (see the module's docs for its shape).

        Raises:
            RulesError: naming the file, for a file that cannot be read, is not
                TOML, or holds an unknown section or key or a wrong value.
        """
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as err:
            raise RulesError(f"{path}: cannot read the rules file: {err.strerror or err}") from err
        except UnicodeDecodeError as err:
            raise RulesError(f"{path}: the rules file is not UTF-8 text") from err
        except tomllib.TOMLDecodeError as err:
            raise RulesError(f"{path}: not a TOML file: {err}") from err
        try:
            return cls._from_sections(data)
        except RulesError as err:
            raise RulesError(f"{path}: {err}") from err

    @classmethod
    def _from_sections(cls, data: Mapping[str, Any]) -> Rules:
        for section, body in data.items():
            known = RULES_FILE_KEYS.get(section)
            if known is None:
                raise RulesError(f"unknown section [{section}]; known: {', '.join(sorted(RULES_FILE_KEYS))}")
            if not isinstance(body, dict):
                raise RulesError(f"[{section}] must be a table of keys")
            for key, value in body.items():
                if key not in known:
                    raise RulesError(f"unknown key {key!r} in [{section}]; known: {', '.join(sorted(known))}")
                if not isinstance(value, list):
                    raise RulesError(f"{section}.{key} must be a list of strings")
        cue = data.get("cue_verbs", {})
        return cls(
            cue_verbs_add=cue.get("add", ()),
            cue_verbs_remove=cue.get("remove", ()),
            furniture_lines=data.get("furniture", {}).get("lines", ()),
        )


#: quotebank's own rules, unchanged.
DEFAULT_RULES = Rules()

_ACTIVE: ContextVar[Rules] = ContextVar("quotebank_rules", default=DEFAULT_RULES)


def active_rules() -> Rules:
    """The rules in force for the Doc being worked on (quotebank's own outside `applied`)."""
    return _ACTIVE.get()


@contextlib.contextmanager
def applied(rules: Rules) -> Iterator[Rules]:
    """Put ``rules`` in force for the ``with`` block (this thread or task only)."""
    token = _ACTIVE.set(rules)
    try:
        yield rules
    finally:
        _ACTIVE.reset(token)
