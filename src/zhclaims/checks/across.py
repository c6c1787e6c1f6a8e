"""The same figure across sources: agreement, conflict, and figures that are only related.

Claims of different articles are grouped by canonical subject, metric, comparison, modality and
direction; within a group, figures are compared with the same tolerance as within an article.

- Periods must be the same. A figure whose period is not known is compared with one whose period
  is: agreement is reported (consistent); a difference is reported unverifiable, never a
  conflict (it may be a change over time).
- A target is never compared with an actual (modality is part of the group).
- A conflict is reported only between two sources that agree on at least one other figure
  (they are evidently about the same things; see ``_same_story``).
- The same value under two metrics the lexicon calls related but that are not the same measure
  (整车成本自研自造占比 65% vs 核心零部件自研自制比例 65%) is reported as relation "related",
  verdict unverifiable: worth a look, never a conflict.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache
from ..model import Article, Finding
from . import explain
from .facts import Fact, facts, far_apart, same_period, unit_group, units_compatible
from .measures import Lexicon
from .within import _distinct, _evidence, _same_finding, _signed_value

# a figure with no period is compared with another only when the two sources were published
# within this many days of each other (one news cycle; or when a date is not known): over a feed,
# "23人死亡" on the 4th and "27人死亡" on the 11th are one fire's toll rising, not a conflict
MAX_DAYS_APART = 2
# comparisons whose figures depend on a base the claim does not carry: agreement only
NO_CONFLICT_COMPARISONS = ("change",)


def _key(f: Fact):
    down = f.direction == "down"
    return (f.subject, f.comparison, f.modality, down, f.unit if f.is_rate else unit_group(f.unit))


def _periods_compatible(a: Fact, b: Fact) -> tuple[bool, bool]:
    """(may pair, periods known and equal)."""
    if a.period is not None and b.period is not None:
        ka, kb = a.period_key(), b.period_key()
        same = ka == kb if ka is not None and kb is not None else same_period(a.period, b.period)
        return same, same
    return True, False


def _days_apart(a: Fact, b: Fact) -> float | None:
    pa, pb = _published(a.article.published), _published(b.article.published)
    if pa is None or pb is None:
        return None
    return abs((pa - pb).total_seconds()) / 86400


def _published(s) -> dt.datetime | None:
    return _parse_published(s) if isinstance(s, str) else None  # (not a string: not readable)


@lru_cache(maxsize=4096)
def _parse_published(s: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(s)
    except ValueError:
        return None


def comparable_across(f: Fact) -> bool:
    """Only figures with a named subject and metric are compared across articles."""
    return f.subject is not None and f.metric is not None


def check_across(articles: list[Article], lex: Lexicon, article_facts: list[list[Fact]] | None = None) -> list[Finding]:
    """``article_facts``: each article's ``facts`` when the caller has them already."""
    groups: dict = defaultdict(lambda: defaultdict(list))
    if article_facts is None:
        article_facts = [facts(art) for art in articles]
    for fs in article_facts:
        for f in fs:
            if comparable_across(f):
                groups[_key(f)][f.metric].append(f)
    out: list[Finding] = []
    for by_metric in groups.values():
        # an article that gives one measure several written values for one period (or with no
        # period) has not told us which is the figure: maybe sub-measures under one coarse metric
        ambiguous = set()
        for fs in by_metric.values():
            per_article = defaultdict(list)
            for f in fs:
                per_article[id(f.article)].append(f)
            for mine in per_article.values():
                ambiguous.update(id(f) for f in mine if any(
                    (g.q.value, g.iv) != (f.q.value, f.iv)
                    and (g.period is None or f.period is None or same_period(g.period, f.period))
                    for g in mine))
        keys = sorted(by_metric)
        distinct: dict = {}  # metric -> its figures per article (once per group, not per pairing)
        for i, m1 in enumerate(keys):
            for m2 in keys[i:]:
                if m1 != m2 and not (lex.same_measure(m1, m2) or lex.is_related(m1, m2)):
                    continue
                for m in (m1, m2):
                    if m not in distinct:
                        distinct[m] = _per_article(by_metric[m])
                out.extend(_compare_sets(by_metric[m1], by_metric[m2], lex, m1 == m2, ambiguous,
                                         distinct[m1], distinct[m2]))
    return _same_story(_one_per_pair(out))


def _same_story(findings: list[Finding]) -> list[Finding]:
    """Conflicts only between sources evidently about the same things: two articles must agree on
    (or give the same value for) at least one other figure before a disagreement between them is
    reported. Over a news feed, "23人死亡" and "18人受伤" of two different stories share a coarse
    subject and metric but nothing else."""
    agree: dict[frozenset, set] = defaultdict(set)
    for f in findings:
        if f.verdict == "consistent" or f.relation == "related":
            pair = frozenset(c.article for c in f.claims)
            agree[pair].add(frozenset((c.article, c.quantity) for c in f.claims))
    out = []
    for f in findings:
        if f.verdict == "inconsistent":
            pair = frozenset(c.article for c in f.claims)
            mine = {(c.article, c.quantity) for c in f.claims}
            if not any(not (k & mine) for k in agree.get(pair, ())):
                continue
        out.append(f)
    return out


def _per_article(fs: list[Fact]) -> dict[str, list[Fact]]:
    """Article id -> its distinct figures among ``fs``."""
    d = defaultdict(list)
    for f in fs:
        d[f.article.id].append(f)
    return {k: _distinct(v) for k, v in d.items()}


def _compare_sets(xs: list[Fact], ys: list[Fact], lex: Lexicon, same: bool, ambiguous: set,
                  px: dict | None = None, py: dict | None = None) -> list[Finding]:
    """Figures of different articles, one per distinct written figure per article (``px``,
    ``py``: ``_per_article`` of ``xs`` and ``ys`` when the caller has them)."""
    px = _per_article(xs) if px is None else px
    py = px if same else (_per_article(ys) if py is None else py)
    out = []
    for ida, fa in px.items():
        for idb, fb in py.items():
            if ida == idb or (same and ida > idb):
                continue
            for a in fa:
                for b in fb:
                    f = _compare(a, b, lex, ambiguous)
                    if f is not None:
                        out.append(f)
    return out


def _compare(a: Fact, b: Fact, lex: Lexicon, ambiguous: set = frozenset()) -> Finding | None:
    if not units_compatible(a, b):
        return None
    ok, known = _periods_compatible(a, b)
    if not ok:
        return None
    if not known:
        days = _days_apart(a, b)
        if days is not None and days > MAX_DAYS_APART:
            return None
    meets = a.iv.meets(b.iv)
    if lex.same_measure(a.metric, b.metric):
        if meets:
            # a source giving the measure several values (6%左右 and 5.5%左右, two unemployment
            # rates under one key) agrees with another only where the written values are the same
            if (id(a) in ambiguous or id(b) in ambiguous) and a.q.value != b.q.value:
                return None
            return _same_finding("cross_source", "consistent", a, b, 0.0)
        miss = float(f"{a.iv.gap(b.iv):.6g}")
        # a conflict needs each source to give this measure one value, not as one of a list,
        # and values of one order of magnitude (else they are different measures)
        if id(a) in ambiguous or id(b) in ambiguous or a.listed or b.listed or far_apart(a, b):
            return None
        # a change against an unnamed base (较11月 / 较年初 上升) is comparable only with its base
        if a.comparison in NO_CONFLICT_COMPARISONS:
            return None
        if known:
            return _same_finding("cross_source", "inconsistent", a, b, miss)
        # a period not stated: the figures are taken as of publication (sources close in time)
        return _same_finding("cross_source", "inconsistent", a, b, miss,
                             note="(the period of one of them is not stated; taken as of publication)")
    if meets and a.q.value is not None and a.q.value == b.q.value and lex.is_related(a.metric, b.metric):
        return Finding(
            kind="cross_source", relation="related", verdict="unverifiable", claims=[a.ref, b.ref],
            expected=_signed_value(a), stated=_signed_value(b),
            explanation=explain.related(a.label, a.metric_text or a.metric, b.label, b.metric_text or b.metric),
            expected_interval=a.signed_iv.as_tuple(), stated_interval=b.signed_iv.as_tuple(), miss=0.0,
            evidence=_evidence(a, b))
    return None


def _one_per_pair(findings: list[Finding]) -> list[Finding]:
    """Keep one finding per pair of figures (the first), whatever grouping found it."""
    seen, out = set(), []
    for f in findings:
        k = frozenset((c.article, c.quantity) for c in f.claims)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out
