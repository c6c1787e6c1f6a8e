"""The numbers stage's data files (units, hedges, exclusions), loaded once and checked.

Code reads the rules only through ``tables()``; ``tests/test_numbers_data.py`` loads them the
same way, so a broken data file fails the tests, not a run.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data import load_yaml
from ..errors import DataFileError
from .words import WordScanner

QUALIFIERS = {"eq", "approx", "below", "gt", "ge", "lt", "le"}


@dataclass(frozen=True)
class Unit:
    written: str
    kind: str  # currency | percent | multiple | measure | classifier | noun
    canonical: str
    iso: str | None = None
    scale: int = 1


@dataclass(frozen=True)
class Tables:
    units: dict[str, Unit]
    unit_max: int
    currency_prefix: dict[str, str]
    no_multiplier: frozenset[str]  # units never written after 万/亿 (30万级 is no unit)
    unit_blocked: dict[str, frozenset[str]]  # unit -> characters after which it is not that unit
    prefix_last: frozenset[str]  # last characters of the currency signs, for a cheap first test
    hedge_before: dict[str, str]
    hedge_after: dict[str, str]
    after_not_before: tuple[str, ...]
    before_blocked: dict[str, frozenset[str]]
    range_connectors: tuple[str, ...]
    range_blocked_after: tuple[str, ...]
    list_separators: tuple[str, ...]
    between: tuple[str, ...]
    phrases: regex.Pattern | None  # the phrases as one alternation; phrase_scanner finds the same
    phrase_scanner: WordScanner
    patterns: tuple[regex.Pattern, ...]
    not_after: tuple[str, ...]
    not_before: tuple[str, ...]
    not_before_chinese: tuple[str, ...]

    def ending_at(self, name: str, s: str, pos: int, lo: int) -> str | None:
        """The longest word of list ``name`` that ends at ``s[pos]`` (not before ``lo``)."""
        by_last, _, words = _LISTS[id(self)][name]
        if pos <= lo or pos > len(s):
            return None
        for n in by_last.get(s[pos - 1], ()):
            if pos - n >= lo and s[pos - n:pos] in words:
                return s[pos - n:pos]
        return None

    def starting_at(self, name: str, s: str, pos: int, hi: int) -> str | None:
        """The longest word of list ``name`` that starts at ``s[pos]`` (ending by ``hi``)."""
        _, by_first, words = _LISTS[id(self)][name]
        if pos >= hi or pos < 0 or pos >= len(s):
            return None
        for n in by_first.get(s[pos], ()):
            if pos + n <= hi and s[pos:pos + n] in words:
                return s[pos:pos + n]
        return None

    def unit_at(self, s: str, pos: int) -> Unit | None:
        """The longest unit written at ``s[pos:]``."""
        if pos < 0 or pos >= len(s):
            return None
        for n in _UNIT_LENGTHS[id(self)].get(s[pos], ()):
            u = self.units.get(s[pos:pos + n])
            if u is not None:
                return u
        return None


def _bad(name: str, why: str) -> DataFileError:
    return DataFileError("E201", detail=f"numbers/data/{name}: {why}")


def _strings(x, name, what) -> list[str]:
    if not isinstance(x, list) or not all(isinstance(v, str) and v for v in x):
        raise _bad(name, f"{what} must be a list of non-empty strings")
    return x


# per table object: word list name -> (last character -> lengths of the words ending with it,
# longest first; first character -> lengths of the words starting with it; the words as a set), so
# a lookup costs one slice and one set probe per length that can fit, not a pass over the list
_LISTS: dict[int, dict[str, tuple[dict[str, tuple[int, ...]], dict[str, tuple[int, ...]], frozenset[str]]]] = {}
# per table object: first character -> lengths of the units starting with it, longest first
_UNIT_LENGTHS: dict[int, dict[str, tuple[int, ...]]] = {}


def _lengths_by(words, key) -> dict[str, tuple[int, ...]]:
    out: dict[str, set[int]] = {}
    for w in words:
        out.setdefault(key(w), set()).add(len(w))
    return {k: tuple(sorted(v, reverse=True)) for k, v in out.items()}


def _compile_lists(t: "Tables") -> None:
    lists = {
        "not_before": t.not_before, "not_before_chinese": t.not_before_chinese, "not_after": t.not_after, "hedge_before": tuple(t.hedge_before),
        "hedge_after": tuple(t.hedge_after), "after_not_before": t.after_not_before,
        "range_blocked_after": t.range_blocked_after,
        "currency_words": tuple(w for w, u in t.units.items() if u.kind == "currency" and len(w) >= 2),
    }
    for k, v in lists.items():
        if any(not w for w in v):
            raise _bad("hedges.yaml" if k.startswith(("hedge", "after", "range")) else "exclusions.yaml", f"{k}: an empty word")
    _LISTS[id(t)] = {k: (_lengths_by(v, lambda w: w[-1]), _lengths_by(v, lambda w: w[0]), frozenset(v))
                     for k, v in lists.items()}
    _UNIT_LENGTHS[id(t)] = _lengths_by(t.units, lambda w: w[0])


@lru_cache(maxsize=1)
def tables() -> Tables:
    t = _load()
    _compile_lists(t)
    return t


def _load() -> Tables:
    u = load_yaml("numbers", "units.yaml")
    units: dict[str, Unit] = {}

    def add(unit: Unit) -> None:
        if unit.written in units:
            raise _bad("units.yaml", f"unit {unit.written!r} listed twice")
        units[unit.written] = unit

    for w, iso in (u.get("currency") or {}).items():
        if not (isinstance(iso, str) and len(iso) == 3 and iso.isupper()):
            raise _bad("units.yaml", f"currency {w!r} needs a 3-letter ISO code, got {iso!r}")
        add(Unit(w, "currency", w, iso))
    for kind in ("percent", "multiple"):
        for w, spec in (u.get(kind) or {}).items():
            if not isinstance(spec, dict) or "canonical" not in spec:
                raise _bad("units.yaml", f"{kind} unit {w!r} needs a canonical form")
            add(Unit(w, kind, spec["canonical"], None, int(spec.get("scale", 1))))
    for kind in ("measure", "classifier", "noun"):
        for w in _strings(u.get(kind), "units.yaml", kind):
            add(Unit(w, kind, w))
    prefix = u.get("currency_prefix") or {}
    h = load_yaml("numbers", "hedges.yaml")
    for side in ("before", "after"):
        for w, q in (h.get(side) or {}).items():
            if q not in QUALIFIERS:
                raise _bad("hedges.yaml", f"{side} hedge {w!r} has unknown qualifier {q!r}")
    blocked = {k: frozenset(_strings(v, "hedges.yaml", "before_blocked") if v else []) for k, v in (h.get("before_blocked") or {}).items()}
    e = load_yaml("numbers", "exclusions.yaml")
    phrases = _strings(e.get("phrases"), "exclusions.yaml", "phrases")
    try:
        pats = tuple(regex.compile(p) for p in _strings(e.get("patterns"), "exclusions.yaml", "patterns"))
    except regex.error as exc:
        raise _bad("exclusions.yaml", f"bad pattern: {exc}") from exc
    by_len = lambda xs: tuple(sorted(set(xs), key=len, reverse=True))  # noqa: E731
    return Tables(
        units=units,
        unit_max=max(len(k) for k in units),
        currency_prefix=dict(prefix),
        no_multiplier=frozenset(_strings(u.get("no_multiplier") or ["级"], "units.yaml", "no_multiplier")),
        unit_blocked={k: frozenset("".join(_strings(v, "units.yaml", "not_before"))) for k, v in (u.get("not_before") or {}).items()},
        prefix_last=frozenset(p[-1] for p in prefix),
        hedge_before=dict(h["before"]),
        hedge_after=dict(h["after"]),
        after_not_before=by_len(_strings(h.get("after_not_before"), "hedges.yaml", "after_not_before")),
        before_blocked=blocked,
        range_connectors=by_len(_strings(h.get("range_connectors"), "hedges.yaml", "range_connectors")),
        range_blocked_after=by_len(_strings(h.get("range_blocked_after"), "hedges.yaml", "range_blocked_after")),
        list_separators=by_len(_strings(h.get("list_separators"), "hedges.yaml", "list_separators")),
        between=by_len(_strings(h.get("between"), "hedges.yaml", "between")),
        phrases=regex.compile("|".join(regex.escape(p) for p in by_len(phrases))) if phrases else None,
        phrase_scanner=WordScanner(phrases),
        patterns=pats,
        not_after=by_len(_strings(e.get("not_after"), "exclusions.yaml", "not_after")),
        not_before=by_len(_strings(e.get("not_before"), "exclusions.yaml", "not_before")),
        not_before_chinese=by_len(_strings(e.get("not_before_chinese"), "exclusions.yaml", "not_before_chinese")),
    )
