"""A claim with everything the checks compare, resolved once: its figure's interval, its period's
interval, its unit group, its direction (from the claim, else from the words before the figure).

Checks never index into an article themselves; they work on ``Fact``s, which also makes them safe
on arbitrary records (a claim pointing at a missing quantity or time is simply left out).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from ..data import load_yaml
from ..model import Article, Claim, FigureRef, Interval, Quantity
from .tolerance import Iv, figure_interval


@lru_cache(maxsize=1)
def rules() -> dict:
    return load_yaml("checks", "relations.yaml")


@dataclass(slots=True)
class Fact:
    article: Article
    index: int  # claim index in article.claims
    claim: Claim
    q: Quantity
    qi: int  # quantity index
    iv: Iv  # what the written figure allows (unsigned)
    subject: str | None
    metric: str | None
    metric_text: str | None
    period: tuple[str, str] | None  # ISO interval, end exclusive
    comparison: str | None
    direction: str | None
    modality: str | None
    unit: str | None
    sentence: tuple[int, int] | None
    rate: bool = False  # the unit is a rate (rules' rate_units), worked out once by ``facts``
    group: str | None = None  # unit_group(unit), worked out once by ``facts``
    _listed: bool | None = None  # ``listed``, once asked
    _pkey: tuple | None = None  # ``period_key()``, once asked

    @property
    def ref(self) -> FigureRef:
        return FigureRef(self.article.id, self.qi, self.q.text, self.q.start, self.q.end)

    @property
    def is_rate(self) -> bool:
        return self.rate

    @property
    def signed_iv(self) -> Iv:
        return -self.iv if self.direction == "down" else self.iv

    @property
    def width(self) -> float:
        return self.iv.hi - self.iv.lo

    @property
    def label(self) -> str:
        """The figure as the article writes it, with a hedge just before it: 近60万台, 超100%."""
        if (self.q.qualifier or "eq") == "eq":
            return self.q.text
        before = self.article.text[max(0, self.q.start - 2):self.q.start]
        for w in sorted(rules()["display_hedges"], key=len, reverse=True):
            if before.endswith(w):
                return w + self.q.text
        return self.q.text

    @property
    def changed_to(self) -> bool:
        """The figure is the new value of a change (下调至3.3%), one version of the measure."""
        before = self.article.text[max(0, self.q.start - 6):self.q.start]
        return any(before.endswith(w) or (w in before and before.rfind(w) + len(w) >= len(before) - 2)
                   for w in rules()["changed_to"])

    def period_key(self) -> tuple | None:
        """The period with both ends normalized as ``same_period`` compares them; None without
        a period or when its ends are not strings (then ask ``same_period``)."""
        if self._pkey is None:
            p = self.period
            if p is None or not (isinstance(p[0], str) and isinstance(p[1], str)):
                return None
            self._pkey = (_norm_iso(p[0]), _norm_iso(p[1]))
        return self._pkey

    @property
    def listed(self) -> bool:
        """The figure is one of a list or a part (分别……, 其中……) in its sentence."""
        if self._listed is None:
            self._listed = self._is_listed()
        return self._listed

    def _is_listed(self) -> bool:
        start = self.sentence[0] if self.sentence else max(0, self.q.start - 30)
        before = self.article.text[max(0, start):self.q.start]
        quotes = rules()["quote_openers"]
        for m in rules()["list_markers"]:
            i = before.find(m)
            while i >= 0:
                # 其中“……”: the marker introduces a quotation (of a letter, a speech), not a part
                nxt = before[i + len(m):i + len(m) + 1]
                if not nxt or nxt not in quotes:
                    return True
                i = before.find(m, i + 1)
        return False

    def evidence(self) -> dict:
        a = self.article
        if self.sentence:
            s, e = self.sentence
        else:
            s, e = self.q.start, self.q.end
        s, e = max(0, s), min(len(a.text), e)
        return {"article": a.id, "start": s, "end": e, "text": a.text[s:e]}


def period_interval(article: Article, claim: Claim) -> tuple[str, str] | None:
    p = claim.period
    if isinstance(p, Interval):
        return (p.start, p.end)
    if isinstance(p, dict):  # tolerate a raw JSON period
        iv = p.get("interval") or {}
        return (iv["start"], iv["end"]) if iv.get("start") and iv.get("end") else None
    if isinstance(p, int) and not isinstance(p, bool) and 0 <= p < len(article.times):
        t = article.times[p]
        if t.interval is not None and t.interval.start and t.interval.end:
            return (t.interval.start, t.interval.end)
    return None


def text_direction(article: Article, q: Quantity) -> str | None:
    """up/down from the words just before a figure (增长27% / 下滑了46.9%), or None."""
    before = article.text[max(0, q.start - 6):q.start]
    words = rules()["direction"]
    best, pos = None, -1
    for d in ("up", "down"):
        for w in words[d]:
            i = before.rfind(w)
            if i >= 0 and i + len(w) > pos:
                best, pos = d, i + len(w)
    return best


def facts(article: Article) -> list[Fact]:
    """One Fact per claim whose figure has a number; claims that point nowhere are left out."""
    out: list[Fact] = []
    growth_comparisons, rate_units = rules()["growth_comparisons"], rules()["rate_units"]
    for i, c in enumerate(article.claims or []):
        try:
            qi = int(c.quantity)
        except (TypeError, ValueError):
            continue
        if not 0 <= qi < len(article.quantities):
            continue
        q = article.quantities[qi]
        try:
            iv = figure_interval(q, article.text)
        except (TypeError, ValueError, OverflowError, ZeroDivisionError):
            iv = None
        if iv is None:
            continue
        unit = q.unit
        direction = c.direction
        if direction is None and unit in ("%", "个百分点") and c.comparison in growth_comparisons:
            direction = text_direction(article, q)
        out.append(Fact(
            article=article, index=i, claim=c, q=q, qi=qi, iv=iv,
            subject=c.subject.key if c.subject else None,
            metric=c.metric.key if c.metric else None,
            metric_text=c.metric.text if c.metric else None,
            period=period_interval(article, c),
            comparison=c.comparison, direction=direction, modality=c.modality, unit=unit,
            sentence=(c.sentence.start, c.sentence.end) if c.sentence else None,
            rate=unit in rate_units, group=unit_group(unit),
        ))
    return out


# -- comparing attributes ---------------------------------------------------------------------

def unit_group(unit: str | None) -> str | None:
    if unit is None:
        return None
    if isinstance(unit, str):
        return _unit_group(unit)
    return _unit_group.__wrapped__(unit)


@lru_cache(maxsize=1024)
def _unit_group(unit):
    for g in rules()["unit_groups"]:
        if unit in g:
            return g[0]
    return unit


def units_compatible(a: Fact, b: Fact) -> bool:
    if a.rate or b.rate:
        return a.unit == b.unit
    if a.q.currency and b.q.currency and a.q.currency != b.q.currency:
        return False
    if a.unit is None or b.unit is None:
        return True
    return a.group == b.group  # unit_group of each


def _bounds(period: tuple[str, str] | None) -> tuple[dt.datetime, dt.datetime] | None:
    """A period's start and end as datetimes, or None when absent or unreadable."""
    if period is None:
        return None
    try:
        return dt.datetime.fromisoformat(period[0]), dt.datetime.fromisoformat(period[1])
    except ValueError:
        return None


def months(period: tuple[str, str] | None) -> int | None:
    """How many whole months a period spans (2026 -> 12, 2026-01 -> 1), or None."""
    b = _bounds(period)
    if b is None:
        return None
    s, e = b
    if s.day != 1 or e.day != 1 or s.time() != dt.time() or e.time() != dt.time():
        return None
    n = (e.year - s.year) * 12 + e.month - s.month
    return n if n > 0 else None


def shift(period: tuple[str, str] | None, months_back: int) -> tuple[str, str] | None:
    """The period ``months_back`` months earlier (a year for yoy, one month for mom)."""
    b = _bounds(period)
    if b is None:
        return None
    s, e = b

    def back(d: dt.datetime) -> dt.datetime:
        m = d.year * 12 + d.month - 1 - months_back
        y, mo = divmod(m, 12)
        try:
            return d.replace(year=y, month=mo + 1)
        except ValueError:  # 29 Feb, 31st: clamp to the month's last day
            return d.replace(year=y, month=mo + 1, day=28)

    return (back(s).isoformat(), back(e).isoformat())


def same_period(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    if a is None or b is None:
        return False
    return _norm_iso(a[0]) == _norm_iso(b[0]) and _norm_iso(a[1]) == _norm_iso(b[1])


def _norm_iso(s: str) -> str:
    return _norm_iso_str(s) if isinstance(s, str) else _norm_iso_str.__wrapped__(s)


@lru_cache(maxsize=4096)
def _norm_iso_str(s: str) -> str:
    try:
        return dt.datetime.fromisoformat(s).isoformat()
    except ValueError:
        return s


def before(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Period a ends no later than period b starts."""
    if a is None or b is None:
        return False
    return _norm_iso(a[1]) <= _norm_iso(b[0])


def far_apart(a: Fact, b: Fact) -> bool:
    """Values more than ``max_ratio`` times apart: different measures, not a misstated figure."""
    k = float(rules()["max_ratio"])
    x, y = abs(a.iv.mid), abs(b.iv.mid)
    if x == 0 or y == 0:
        return max(x, y) > k
    return max(x, y) / min(x, y) > k
