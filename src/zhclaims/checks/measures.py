"""Which metrics the checks may pair: the same measure, a part of a whole, or only related.

Part-whole relations and relatedness come from the claims stage's metric lexicon
(``zhclaims.claims.lexicon.parts`` / ``related``). Relatedness there is broad (sales, deliveries,
exports and production are one family), too broad to call two figures "the same number": that
needs the same key, or a pair listed in ``checks/data/relations.yaml`` ``same_measure`` (metrics
news uses interchangeably, such as a carmaker's sales and deliveries). A ``Lexicon`` can be passed
in, which is how the tests give the checks a small lexicon of their own.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .facts import rules


def _no_parts(key: str) -> list[list[str]]:
    return []


def _not_related(a: str, b: str) -> bool:
    return a == b


@dataclass
class Lexicon:
    parts: Callable[[str], list[list[str]]] = _no_parts
    related: Callable[[str, str], bool] = _not_related
    same: set[frozenset] = field(default_factory=set)

    def same_measure(self, a: str | None, b: str | None) -> bool:
        if a is None or b is None:
            return False
        return a == b or frozenset((a, b)) in self.same

    def is_part(self, a: str, b: str) -> bool:
        """a is a part of b, or b of a."""
        return any(a in d for d in self._parts(b)) or any(b in d for d in self._parts(a))

    def _parts(self, key: str) -> list[list[str]]:
        try:
            return [list(d) for d in (self.parts(key) or [])]
        except Exception:  # noqa: BLE001 - a lexicon that fails on a key has no parts for it
            return []

    def decompositions(self, key: str | None) -> list[list[str]]:
        return self._parts(key) if key else []

    def is_related(self, a: str | None, b: str | None) -> bool:
        if a is None or b is None or a == b:
            return False
        try:
            return bool(self.related(a, b))
        except Exception:  # noqa: BLE001
            return False


def same_measure_pairs() -> set[frozenset]:
    return {frozenset(p) for p in rules().get("same_measure") or [] if len(p) == 2}


def default_lexicon() -> Lexicon:
    """The claims stage's lexicon; with only same-key pairing when that stage is not installed."""
    try:
        from ..claims import lexicon as lx
    except ImportError:
        return Lexicon(same=same_measure_pairs())
    return Lexicon(parts=lx.parts, related=lx.related, same=same_measure_pairs())
