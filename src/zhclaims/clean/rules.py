"""The boilerplate rules of ``clean/data/boilerplate.yaml``, compiled once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data import load_yaml
from ..errors import DataFileError

SECTIONS = ("footer_starts", "drop_anywhere", "header_drop", "meta")


@dataclass(frozen=True)
class Rules:
    footer_starts: tuple
    drop_anywhere: tuple
    header_drop: tuple
    meta: tuple
    # "does any pattern of the section match this line": one alternation of the section's patterns
    # (one scan a line instead of one a pattern; half the time of find_body), or the patterns
    # themselves when they cannot be joined safely (see ``_any_of``)
    footer_any: tuple = ()
    drop_any: tuple = ()
    header_any: tuple = ()


# inline flags other than a named group ((?i) would apply to the whole alternation) and numbered
# backreferences (numbers shift when patterns are joined): such sections are left as they are
_UNJOINABLE = regex.compile(r"\(\?(?!P[<=>])[a-zA-Z]|\\[1-9]|\\g<\d")


def _any_of(pats: tuple) -> tuple:
    """One pattern matching where any of ``pats`` matches, or ``pats`` when they cannot be joined."""
    if len(pats) < 2:
        return pats
    base = regex.compile("").flags
    if any(p.flags != base or _UNJOINABLE.search(p.pattern) for p in pats):
        return pats
    try:
        return (regex.compile("|".join(f"(?:{p.pattern})" for p in pats)),)
    except regex.error:
        return pats


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw = load_yaml("clean", "boilerplate.yaml")
    compiled = {}
    for section in SECTIONS:
        entries = raw.get(section) or []
        pats = []
        for entry in entries:
            try:
                pats.append(regex.compile(entry["re"]))
            except (KeyError, TypeError, regex.error) as exc:
                raise DataFileError("E201", detail=f"clean/data/boilerplate.yaml {section}: {entry!r}: {exc}") from exc
        compiled[section] = tuple(pats)
    return Rules(**compiled, footer_any=_any_of(compiled["footer_starts"]),
                 drop_any=_any_of(compiled["drop_anywhere"]), header_any=_any_of(compiled["header_drop"]))
