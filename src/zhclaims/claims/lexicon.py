"""The metric lexicon (``data/metrics.yaml``): canonical metric keys, their Chinese wordings and
part-whole relations.

Interface other stages rely on (the checks read part-whole relations from here):

- ``metrics() -> dict[key, Metric]``
- ``parts(key) -> list[list[str]]``: each inner list is a set of part keys that add up to ``key``
- ``related(a, b) -> bool``: same metric family (sales ~ deliveries), or one is a part of the other
- ``counted_only()``: wordings that count only as the noun right after a figure (35个国家)
- ``word_pattern()``: a compiled alternation of all wordings, longest first, for finding them in text
- ``word_scanner()``: the same matches as ``word_pattern().finditer``, found faster (``numbers/words.py``)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..data import load_yaml
from ..errors import DataFileError
from ..numbers.words import WordScanner

_KEY = regex.compile(r"[a-z][a-z0-9_]*+")


@dataclass(frozen=True)
class Metric:
    key: str
    domain: str
    words: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...] = ()
    unit_kinds: tuple[str, ...] = ()
    comparison: str | None = None
    family: str = ""
    counted: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def _bad(detail: str) -> DataFileError:
    return DataFileError("E201", detail=f"claims/data/metrics.yaml: {detail}")


@lru_cache(maxsize=1)
def metrics() -> dict[str, Metric]:
    rows = load_yaml("claims", "metrics.yaml")
    if not isinstance(rows, list):
        raise _bad("expected a list of entries")
    out: dict[str, Metric] = {}
    for row in rows:
        if not isinstance(row, dict) or "key" not in row or "words" not in row or "domain" not in row:
            raise _bad(f"entry needs key, domain and words: {row!r}")
        key = row["key"]
        if not _KEY.fullmatch(key or ""):
            raise _bad(f"key not snake_case: {key!r}")
        if key in out:
            raise _bad(f"duplicate key: {key}")
        words = tuple(str(w) for w in row["words"] if str(w).strip())
        if not words:
            raise _bad(f"{key}: no words")
        parts = tuple(tuple(p) for p in row.get("parts") or ())
        out[key] = Metric(
            key=key,
            domain=str(row["domain"]),
            words=words,
            parts=parts,
            unit_kinds=tuple(row.get("unit_kinds") or ()),
            comparison=row.get("comparison"),
            family=row.get("family") or key,
            counted=tuple(str(w) for w in row.get("counted") or () if str(w).strip()),
            extra={k: v for k, v in row.items() if k not in {"key", "domain", "words", "parts", "unit_kinds", "comparison", "family", "counted"}},
        )
    for m in out.values():
        for group in m.parts:
            for p in group:
                if p not in out:
                    raise _bad(f"{m.key}: part {p!r} is not a metric key")
    return out


def parts(key: str) -> list[list[str]]:
    m = metrics().get(key)
    return [list(g) for g in m.parts] if m else []


def family(key: str) -> str | None:
    m = metrics().get(key)
    return m.family if m else None


def related(key_a: str, key_b: str) -> bool:
    """Same metric, same family, or one is a part of the other (sales ~ overseas_sales)."""
    if key_a == key_b:
        return True
    ms = metrics()
    a, b = ms.get(key_a), ms.get(key_b)
    if a is None or b is None:
        return False
    if a.family == b.family or a.family == b.key or b.family == a.key:
        return True
    return any(key_b in g for g in a.parts) or any(key_a in g for g in b.parts)


@lru_cache(maxsize=1)
def word_index() -> dict[str, str]:
    """Wording -> metric key (a wording listed twice keeps its first key)."""
    out: dict[str, str] = {}
    for m in metrics().values():
        for w in m.words:
            out.setdefault(w, m.key)
    for m in metrics().values():
        for w in m.counted:
            out.setdefault(w, m.key)
    return out


@lru_cache(maxsize=1)
def counted_only() -> frozenset[str]:
    """Wordings that name a metric only right after a figure (the counted noun)."""
    words = {w for m in metrics().values() for w in m.words}
    return frozenset(w for m in metrics().values() for w in m.counted if w not in words)


@lru_cache(maxsize=1)
def word_pattern() -> regex.Pattern:
    words = sorted(word_index(), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(w) for w in words), regex.IGNORECASE)


@lru_cache(maxsize=1)
def word_scanner() -> WordScanner:
    """Finds what ``word_pattern().finditer`` finds, in one Aho-Corasick pass."""
    return WordScanner(word_index(), ignorecase=True)


def metric_of(word: str) -> str | None:
    idx = word_index()
    return idx.get(word) or idx.get(word.upper())
