"""Parsing clean strings into time values: numerals, and a scanner match into a ``Spec``.

``Spec`` is what a time expression *says* (year 2025, month 3, "三年" back from the anchor ...);
``resolve.py`` turns it into an interval against the anchor. Nothing here looks at running text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..data import load_yaml


@lru_cache(maxsize=1)
def words() -> dict:
    return load_yaml("times", "words.yaml")


@lru_cache(maxsize=1)
def holidays() -> dict:
    return load_yaml("times", "holidays.yaml")


_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_int(s: str | None) -> int | None:
    """'2025' -> 2025, '二〇二〇' -> 2020, '二十七' -> 27, '廿三' -> 23, '两千零四' -> 2004, '半' -> None."""
    if not s:
        return None
    s = s.strip()
    if s.isdigit():
        return int(s)
    digits = words()["digits"]
    if all(c in digits for c in s):  # digit by digit: 二〇二〇, 零八
        v = 0
        for c in s:
            v = v * 10 + digits[c]
        return v
    if s[0] == "廿":
        rest = cn_int(s[1:]) if len(s) > 1 else 0
        return None if rest is None else 20 + rest
    total, cur = 0, None
    for c in s:
        if c in digits:
            cur = digits[c]
        elif c in _UNITS:
            total += (1 if cur is None else cur) * _UNITS[c]
            cur = None
        else:
            return None
    return total + (cur or 0)


def amount(s: str | None) -> float | None:
    """A duration amount: '3' -> 3, '三' -> 3, '半' -> 0.5, '3.5' -> 3.5, '几'/'多'/'数' -> None."""
    if not s:
        return None
    if s == "半":
        return 0.5
    if len(s) > 1 and all(c in words()["digits"] for c in s):
        return None  # 两三个月, 三四天: an approximate count
    try:
        return float(s) if "." in s else cn_int(s)
    except ValueError:
        return None


def full_year(y: int, two_digit: bool, pivot: int) -> int:
    """A two-digit year to four digits: the century that puts it nearest to (and not far after) ``pivot``."""
    if not two_digit:
        return y
    cand = 2000 + y
    return cand if cand <= pivot + 10 else 1900 + y


@dataclass(slots=True)
class Point:
    """One date/time as written, before resolving. None means not written."""

    year: int | None = None
    year2: bool = False  # written with two digits (07年)
    year_rel: int | None = None  # 今年 0, 去年 -1
    year_ctx: int | None = None  # 那一年 0, 次年 1: relative to the year in context
    year_part: tuple | None = None  # (first month, months, grain)
    month: int | None = None
    month_rel: int | None = None
    quarter_rel: int | None = None  # 上一季度 -1, 本季度 0: the quarter relative to the anchor's
    month_to: int | None = None  # 1—4月: last month of a month range
    month_part: tuple | None = None  # (first day, last day or None)
    day: int | None = None
    day_rel: int | None = None
    day_ctx: bool = False  # day_rel counts from the day in context (当天, 次日), not the anchor's
    lunar: bool = False
    week_rel: int | None = None
    weekday: int | None = None
    weekend: bool = False
    holiday: str | None = None
    day_part: str | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    decade: int | None = None  # 90年代 -> 90 (century from ``century``)
    century: int | None = None  # 20世纪 -> 20, 上世纪 -> -1 (relative)
    century_rel: int | None = None

    def empty(self) -> bool:
        return (self.year is None and self.year_rel is None and self.year_ctx is None and self.year_part is None
                and self.month is None and self.month_rel is None and self.quarter_rel is None and self.day is None
                and self.day_rel is None and self.week_rel is None and self.weekday is None and self.holiday is None
                and self.day_part is None and self.hour is None and self.decade is None and self.century is None)


@dataclass(slots=True)
class Spec:
    """A time expression as written: a point, a range of two points, a duration, a set or a vague word."""

    kind: str  # point | range | duration | set | vague | special
    a: Point | None = None
    b: Point | None = None
    mod: str | None = None
    # durations
    amount: float | None = None
    unit: str | None = None  # ISO designator Y M W D H M S, Q for quarters
    unit_grain: str | None = None
    time_unit: bool = False
    direction: str | None = None  # past | next | ago | later | within | span | plain
    parts: list = field(default_factory=list)  # more (amount, unit, grain, time) for 8天20小时
    # sets / vague / special
    iso: str | None = None
    grain: str | None = None
    special: str | None = None  # rest_of_year, context_year ...
    word: str | None = None  # the duration's prefix as written (前4个月 is the year's first four months)


def parse_minute(s: str | None) -> int | None:
    if not s:
        return None
    if s in ("一刻", "1刻"):
        return 15
    if s in ("三刻", "3刻"):
        return 45
    if s == "半":
        return 30
    return cn_int(s)


def point_from_groups(d: dict, p: str, relaxed: bool = False) -> Point | None:
    """The ``Point`` the scanner's groups with prefix ``p`` describe, or None when they are not a time.

    ``relaxed``: a bare clock (4点) needs no other sign, as inside a range of clocks.
    """
    w = words()
    pt = Point()
    n = len(p)
    # this point's groups that matched something, by name without the prefix (a match sets a few
    # of the scanner's groups: picking them here beats a lookup per possible group)
    got = {k[n:]: v for k, v in d.items() if v and k.startswith(p)}
    g = got.get
    if g("ny"):  # 2020-01-16, 1/2/2020
        pt.year, pt.month, pt.day = int(g("ny")), int(g("nm")), int(g("nd"))
        if g("hc"):
            pt.hour, pt.minute = int(g("hc")), int(g("mc"))
            pt.second = int(g("sc")) if g("sc") else None
        return pt
    if g("dec"):
        pt.decade = cn_int(g("dec"))
        c = g("cent")
        if c:
            if c == "上世纪":
                pt.century_rel = -1
            elif c == "本世纪":
                pt.century_rel = 0
            else:
                pt.century = cn_int(c[:-2])
        return pt
    if g("y"):
        pt.year = cn_int(g("y"))
    elif g("y2"):
        pt.year, pt.year2 = cn_int(g("y2")), True
    elif g("yrel"):
        pt.year_rel = w["years"][g("yrel")]
    yp = g("yp") or (("年" + g("ye")) if g("ye") else None)
    if yp:
        first, n = w["year_parts"][yp] if yp in w["year_parts"] else (int(yp[1]) * 3 - 2, 3)  # Q1 .. Q4
        pt.year_part = (first, n, w["year_part_grain"].get(yp, "quarter" if n == 3 and "季" in yp or yp.startswith("Q") else "month"))
    if g("qrel"):
        pt.quarter_rel = w["quarters"][g("qrel")]
    if g("ytd"):
        pt.year_part = (1, cn_int(g("ytd")), "month")
    if g("m"):
        m = g("m")
        pt.month = {"正": 1, "冬": 11, "腊": 12}.get(m) or cn_int(m)
        if m in ("正", "冬", "腊"):
            pt.lunar = True
        if g("mfrom"):
            pt.month_to, pt.month = pt.month, cn_int(g("mfrom"))
            if not pt.month or pt.month >= pt.month_to:
                return None
    elif g("mrel"):
        pt.month_rel = w["months"][g("mrel")]
    if g("mp"):
        pt.month_part = tuple(w["month_parts"][g("mp")])
    if g("d"):
        pt.day = cn_int(g("d"))
    elif g("ld"):
        ld = g("ld")
        if ld.startswith("初"):
            pt.day, pt.lunar = cn_int(ld[1:]), True
        else:
            pt.day = cn_int(ld)
    if g("lun"):
        pt.lunar = True
    if g("drel"):
        pt.day_rel = w["days"][g("drel")]
    elif g("dctx"):
        pt.day_rel, pt.day_ctx = w["context_days"][g("dctx")], True
    elif g("dpw"):
        pt.day_rel, pt.day_part = w["day_part_words"][g("dpw")]
    if g("ww"):
        pt.week_rel = w["week_prefixes"][g("wp")] if g("wp") else None
        if g("wd"):
            pt.weekday = w["weekdays"][g("wd")]
        pt.weekend = bool(g("wend"))
        if pt.week_rel is None and pt.weekday is None and not pt.weekend:
            return None
    if g("hol"):
        pt.holiday = g("hol")
    if g("dp"):
        pt.day_part = g("dp")
    if g("h") or g("hc"):
        if g("h"):
            pt.hour = cn_int(g("h"))
            mq = g("mq")
            pt.minute = parse_minute(mq) if mq else parse_minute(g("mi"))
            pt.second = cn_int(g("s")) if g("s") else None
        else:
            pt.hour, pt.minute = int(g("hc")), int(g("mc"))
            pt.second = int(g("sc")) if g("sc") else None
        if pt.hour is None or pt.hour > 24 or (pt.minute is not None and pt.minute > 59):
            return None
        ampm = g("ampm")
        if ampm and ampm[0] in "pP" and pt.hour < 12:
            pt.hour += 12
        # a bare clock needs a sign that it is a clock: a day or day part, 钟/整/分/半, or h:mm
        # 16时 in digits is a clock (news: 9时许); 3点 alone may be three points
        has_sign = bool(g("mi") or g("mq") or g("hz") or g("hc") or ampm or (g("hs") == "时" and g("h").isdigit()))
        if not has_sign and not relaxed and pt.day_part is None and pt.day is None and pt.day_rel is None and pt.weekday is None and pt.holiday is None:
            return None
    if pt.month is not None and not 1 <= pt.month <= 12:
        return None
    if pt.day is not None and not 1 <= pt.day <= 31:
        return None
    return None if pt.empty() else pt


_SUFFIX_NO_MOD = {"期间": None, "间": None, "之间": None, "前后": "approx", "至今": "since"}


def date_mod(pre: str | None, suf: str | None) -> str | None:
    """The hedge a prefix (自, 截至) or suffix (以来, 之前, 前后) puts on a time; the suffix wins."""
    w = words()
    mod = w["prefix_mods"].get(pre) if pre else None
    if suf:
        mod = _SUFFIX_NO_MOD[suf] if suf in _SUFFIX_NO_MOD else w["suffix_mods"].get(suf, mod)
    return mod


def spec_from_groups(d: dict) -> Spec | None:
    """A ``Spec`` from one scanner match's groups, or None when the match is no time expression."""
    w = words()
    if d.get("date"):
        pre = d.get("pre")
        mod = date_mod(pre, d.get("suf"))
        if d.get("yr1"):
            y1, y2 = int(d["yr1"]), int(d["yr2"])
            if d.get("yrn") is None and not pre:
                return None  # 1995-1997 with no 年 and no 从: a number range
            if y2 <= y1 or y2 - y1 > 200:
                return None
            return Spec("range", a=Point(year=y1), b=Point(year=y2), mod=mod)
        ranged = bool(d.get("sep"))  # 零点到4点: two clocks around 到 are clocks
        a = point_from_groups(d, "a_", relaxed=ranged)
        if a is None:
            return None
        if ranged:
            b = point_from_groups(d, "b_", relaxed=True)
            if b is None:
                return None
            return Spec("range", a=a, b=b)
        return Spec("point", a=a, mod=mod)
    if d.get("dur"):
        u = w["units"][d["u"]]
        n = d.get("n")
        amt = amount(n)
        if n and n.isdigit() and len(n) >= 4:
            return None
        if amt is not None and amt == 0:
            return None
        if d.get("more") == "半" or d.get("more2") == "半":
            amt = None if amt is None else amt + 0.5
        pre, suf = d.get("dpre"), d.get("dsuf")
        if n == "半" and pre in ("上", "下"):
            return None  # 上半月, 下半周: halves, not lengths
        direction = None
        if pre:
            direction = w["duration_prefixes"][pre]
        if suf:
            sdir = w["duration_suffixes"][suf]
            # 三年来 ends at the anchor even after 近: the suffix says "up to now"
            direction = sdir if direction is None or direction == "plain" or sdir == "upto" else direction
        if d["u"] == "周年":
            direction = "plain"
        parts = []
        for n2, u2 in zip(d.get("captures_n2") or (), d.get("captures_u2") or ()):
            uu = w["units"][u2]
            parts.append((amount(n2), uu[0], uu[1], uu[2]))
        return Spec("duration", amount=amt, unit=u[0], unit_grain=u[1], time_unit=u[2], direction=direction,
                    parts=parts, word=pre)
    if d.get("period"):
        y1, y2 = w["named_periods"][d["period"]]
        return Spec("range", a=Point(year=y1), b=Point(year=y2))
    if d.get("set"):
        iso = w["sets"][d["set"]]
        grain = {"Y": "year", "M": "month", "W": "week", "D": "day"}.get(iso[-1], "hour") if "T" not in iso else ("hour" if iso.endswith("H") else "minute")
        if iso == "P3M":
            grain = "quarter"
        return Spec("set", iso=iso, grain=grain)
    if d.get("vague"):
        v = d["vague"]
        if v in w["resolvable_vague"]:
            special = w["resolvable_vague"][v]
            grain = "year" if "year" in special else "day" if "day" in special else "month"
            return Spec("special", special=special, grain=grain)
        return Spec("vague", grain=w["vague"][v])
    return None
