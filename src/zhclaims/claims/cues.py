"""Cue words for the claims assembly (``data/cues.yaml``), compiled once into lookup patterns.

Each pattern is one alternation of literal words, longest first, so a scan over a sentence is
linear and the longest wording at a position wins (去年同期 over 去年).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..data import load_yaml
from ..errors import DataFileError
from ..numbers.words import WordScanner

COMPARISONS = ("yoy", "mom", "qoq", "cagr", "share", "cumulative", "monthly_average", "change", "rank")
MODALITIES = ("actual", "target", "plan", "forecast", "estimate")
DIRECTIONS = ("up", "down")


def _alternation(words) -> regex.Pattern | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    return regex.compile("|".join(regex.escape(w) for w in words), regex.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """word -> label maps with their compiled patterns."""

    labels: dict[str, str]
    pattern: regex.Pattern | None  # the words as one alternation (the scanner finds what it finds)
    scanner: WordScanner = field(compare=False)

    @classmethod
    def of(cls, mapping: dict[str, list[str]]) -> "Lexicon":
        labels: dict[str, str] = {}
        for label, words in mapping.items():
            for w in words or ():
                labels.setdefault(str(w), label)
        return cls(labels, _alternation(labels), WordScanner(labels, ignorecase=True))

    def label(self, w: str) -> str | None:
        return self.labels.get(w) or self.labels.get(w.upper()) or self.labels.get(w.lower())

    def finditer(self, text: str, start: int, end: int) -> list[tuple[int, int, str | None, str]]:
        """(start, end, label, word) for every cue in ``text[start:end]``."""
        if start >= end:
            return []
        out = []
        for s, e in self.scanner.spans(text, start, end):
            w = text[s:e]
            out.append((s, e, self.label(w), w))
        return out


@dataclass(frozen=True)
class Cues:
    comparison_left: Lexicon
    comparison_right: Lexicon
    not_share: regex.Pattern | None
    share_lead: tuple[str, ...]
    base_markers: regex.Pattern
    other_base: regex.Pattern
    direction: Lexicon
    direction_gap: regex.Pattern
    to_level: tuple[str, ...]
    direction_after_gap: tuple[str, ...]
    enumeration: tuple[str, ...]
    comparative: dict
    percent_growth_default: str | None
    amount_change_default: str | None
    modality_left: Lexicon
    modality_right: Lexicon
    modality_priority: tuple[str, ...]
    annual: regex.Pattern | None
    annual_setting: tuple[str, ...]
    unfinished_days: int
    flow_domains: tuple[str, ...]
    to_date: tuple[str, ...]
    past_markers: tuple[str, ...]
    no_past: tuple[str, ...]
    collective_not: frozenset
    org_suffixes: tuple[str, ...]
    references: Lexicon  # word -> organization | country
    country_name: str
    world_name: str
    topic_mentions: int
    reporting_after: tuple[str, ...]
    reporting_before: tuple[str, ...]
    self_report_after: tuple[str, ...]
    authority_suffixes: tuple[str, ...]
    media: frozenset
    not_subject_before: tuple[str, ...]
    place_not_subject_before: tuple[str, ...]
    reference_after: tuple[str, ...]
    scope_after: tuple[str, ...]
    scopes: Lexicon
    collective: regex.Pattern
    class_markers: tuple[str, ...]
    spec_units: frozenset
    unit_kinds: dict[str, str]


def _bad(detail: str) -> DataFileError:
    return DataFileError("E201", detail=f"claims/data/cues.yaml: {detail}")


@lru_cache(maxsize=1)
def cues() -> Cues:
    d = load_yaml("claims", "cues.yaml")
    if not isinstance(d, dict):
        raise _bad("expected a mapping")
    try:
        comp = d["comparison"]
        for k in comp:
            if k not in COMPARISONS:
                raise _bad(f"unknown comparison {k!r}")
        mod = d["modality"]
        prio = tuple(mod["priority"])
        for k in mod.get("no_past") or ():
            if k not in MODALITIES:
                raise _bad(f"unknown modality {k!r}")
        for k in prio:
            if k not in MODALITIES:
                raise _bad(f"unknown modality {k!r}")
        for k in d["direction"]:
            if k not in DIRECTIONS:
                raise _bad(f"unknown direction {k!r}")
        for k in (d.get("comparative") or {}).values():
            if k not in DIRECTIONS:
                raise _bad(f"unknown direction {k!r}")
        gap_words = sorted(d["direction_gap"], key=len, reverse=True)
        unit_kinds: dict[str, str] = {}
        for kind, units in d["unit_kinds"].items():
            for u in units:
                unit_kinds.setdefault(str(u), kind)
        refs = d["references"]
        for k in refs:
            if k not in ("organization", "country", "world"):
                raise _bad(f"unknown reference kind {k!r}")
        for k in (d.get("percent_growth_default"), d.get("amount_change_default")):
            if k is not None and k not in COMPARISONS:
                raise _bad(f"unknown default comparison {k!r}")
        return Cues(
            comparison_left=Lexicon.of({k: v.get("left") or [] for k, v in comp.items()}),
            comparison_right=Lexicon.of({k: v.get("right") or [] for k, v in comp.items()}),
            not_share=_alternation(d.get("not_share") or []),
            share_lead=tuple(d.get("share_lead") or ()),
            base_markers=_alternation(d["base_markers"]),
            other_base=regex.compile(d["other_base"]),
            direction=Lexicon.of({"_none": d.get("direction_not") or [], **d["direction"]}),
            direction_gap=regex.compile("(?:" + "|".join(regex.escape(w) for w in gap_words) + ")*+"),
            to_level=tuple(d["to_level"]),
            direction_after_gap=tuple(sorted(d["direction_after_gap"], key=len, reverse=True)),
            enumeration=tuple(d.get("enumeration") or ()),
            comparative={str(k): str(v) for k, v in (d.get("comparative") or {}).items()},
            percent_growth_default=d.get("percent_growth_default"),
            amount_change_default=d.get("amount_change_default"),
            modality_left=Lexicon.of({"_none": mod.get("not_cues") or [], **{k: (mod[k] or {}).get("left") or [] for k in prio}}),
            modality_right=Lexicon.of({k: (mod[k] or {}).get("right") or [] for k in prio}),
            modality_priority=prio,
            annual=_alternation(d.get("annual") or []),
            annual_setting=tuple(d.get("annual_setting") or ()),
            unfinished_days=int(d.get("unfinished_days") or 31),
            flow_domains=tuple(d.get("flow_domains") or ()),
            to_date=tuple(d.get("to_date") or ()),
            past_markers=tuple(mod.get("past_markers") or ()),
            no_past=tuple(mod.get("no_past") or ()),
            collective_not=frozenset(d.get("collective_not") or ()),
            org_suffixes=tuple(d.get("org_suffixes") or ()),
            references=Lexicon.of(refs),
            country_name=str(d["country_name"]),
            world_name=str(d.get("world_name") or "全球"),
            topic_mentions=int(d.get("topic_mentions") or 1),
            reporting_after=tuple(d["reporting_after"]),
            reporting_before=tuple(d["reporting_before"]),
            self_report_after=tuple(d.get("self_report_after") or ()),
            authority_suffixes=tuple(d.get("authority_suffixes") or ()),
            media=frozenset(d.get("media") or ()),
            not_subject_before=tuple(sorted(d["not_subject_before"], key=len, reverse=True)),
            place_not_subject_before=tuple(d["place_not_subject_before"]),
            reference_after=tuple(d["reference_after"]),
            scope_after=tuple(d["scope_after"]),
            scopes=Lexicon.of(d["scopes"]),
            class_markers=tuple(d.get("class_markers") or ()),
            spec_units=frozenset(str(u) for u in d.get("spec_units") or ()),
            collective=regex.compile(
                r"\p{Han}{2,10}?(?:" + "|".join(regex.escape(w) for w in sorted(d["collective_heads"], key=len, reverse=True)) + ")"
            ),
            unit_kinds=unit_kinds,
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise _bad(f"missing or malformed section: {exc}") from exc
