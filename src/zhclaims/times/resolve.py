"""Resolving a ``Spec`` to an interval against the anchor (the publication time) and the context.

The anchor is ``published``; when an article has none, ``infer_anchor`` takes the latest explicit
year-month or date the article itself writes. Context is what the article said before: the last
explicit year in the same sentence, in the same paragraph, and anywhere before. A bare month or
day takes its year from the paragraph before falling back to the anchor; news reports the past, so
a month after the anchor's month is last year's unless the sentence speaks of plans.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from ..model import Interval
from . import lunar
from .parse import Point, Spec, full_year, holidays, words

DAY = dt.timedelta(days=1)
SOON = dt.timedelta(days=31)  # a bare month that starts within this is the coming one
PART_SOON = dt.timedelta(days=62)  # ... and a season or quarter (春季 in January)
WHOLE_YEAR_REPORTS = 1 / 6  # 全年 before March is last year's (annual figures), after it this year's


def add_months(d: dt.datetime, n: int) -> dt.datetime:
    m = d.month - 1 + n
    y = d.year + m // 12
    return d.replace(year=y, month=m % 12 + 1, day=1)


def month_start(y: int, m: int) -> dt.datetime:
    return dt.datetime(y, m, 1)


def iso(d: dt.datetime) -> str:
    """YYYY-MM-DDTHH:MM:SS (the year zero-padded, no fraction of a second, no offset)."""
    if d.microsecond or d.tzinfo is not None:
        d = d.replace(microsecond=0, tzinfo=None)
    return d.isoformat()  # a quarter of strftime's cost


@dataclass
class Anchor:
    at: dt.datetime  # start of the anchor's grain
    end: dt.datetime  # end of the anchor's grain (exclusive)
    grain: str  # second | day | month

    @classmethod
    def from_published(cls, published: dt.datetime) -> "Anchor":
        published = published.replace(tzinfo=None, microsecond=0)
        day = dt.datetime(published.year, published.month, published.day)
        return cls(published, day + DAY, "day")

    @classmethod
    def from_month(cls, y: int, m: int, d: int | None) -> "Anchor":
        if d:
            at = dt.datetime(y, m, d)
            return cls(at, at + DAY, "day")
        at = month_start(y, m)
        return cls(at, add_months(at, 1), "month")


@dataclass(slots=True)
class Env:
    """What a time expression may lean on: the anchor and the article's context before it."""

    anchor: Anchor | None
    sent_year: int | None = None  # last explicit year earlier in the same sentence
    par_year: int | None = None  # ... in the same paragraph
    par_month: tuple[int, int] | None = None  # last explicit (year, month) in the paragraph
    par_day: dt.datetime | None = None  # last day (5月8日, 8日) in the paragraph
    any_year: int | None = None  # ... anywhere earlier in the article
    future: bool = False  # the sentence speaks of plans (将, 计划, 预计 ...)


@dataclass(slots=True)
class Value:
    start: dt.datetime
    end: dt.datetime
    grain: str
    anchored: bool


# -- holidays ------------------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _lunar_year(y: int):
    """lunar-python's ``LunarYear`` for lunar year ``y``, computed once per process (its own cache
    holds one year, and computing one is the costly part: articles alternate between years)."""
    from lunar_python import LunarYear

    return LunarYear(y)


@lru_cache(maxsize=4096)
def _lunar_to_solar(y: int, m: int, d: int) -> dt.datetime | None:
    """The solar day of lunar ``y``-``m``-``d`` (what ``Lunar.fromYmd(y, m, d).getSolar()`` gives)."""
    table = lunar.year(y)
    if table is not None:
        month = table[0].get(m)
        if month is None or d < 1 or d > month[1]:
            return None  # day 30 of a short month
        day = month[0] + (d - 1) * DAY
        return dt.datetime(day.year, day.month, day.day)
    from lunar_python import Solar

    try:
        month = _lunar_year(y).getMonth(m)
        if month is None or d < 1 or d > month.getDayCount():
            return None  # day 30 of a short month
        s = Solar.fromJulianDay(month.getFirstJulianDay() + d - 1)
    except Exception:  # noqa: BLE001 - out of the library's range
        return None
    return dt.datetime(s.getYear(), s.getMonth(), s.getDay())


@lru_cache(maxsize=256)
def _jieqi_table(y: int) -> dict[str, tuple[int, int, int]]:
    """The solar terms (year, month, day) of the lunar year around mid-``y``, as
    ``Lunar.fromYmd(y, 6, 1).getJieQiTable()`` gives them."""
    table = lunar.year(y)
    if table is not None:
        noon = table[0][6][0].year
        table = table if noon == y else lunar.year(noon)
        if table is not None:
            return table[1]
    from lunar_python import Lunar, Solar

    ly = _lunar_year(y)
    noon = Solar.fromJulianDay(ly.getMonth(6).getFirstJulianDay())
    if noon.getYear() != y:
        ly = _lunar_year(noon.getYear())
    return {name: (s.getYear(), s.getMonth(), s.getDay())
            for name, s in zip(Lunar.JIE_QI_IN_USE, map(Solar.fromJulianDay, ly.getJieQiJulianDays()))}


def _lunar_solar_year(y: int, m: int, d: int) -> dt.datetime | None:
    """Lunar month ``m`` day ``d`` falling in solar year ``y``: 2020年腊八 is 2020-01-02 (lunar
    year 2019's 腊月), not lunar 2020's, which falls in January 2021."""
    start = _lunar_to_solar(y, m, d)
    if start is not None and start.year > y:
        start = _lunar_to_solar(y - 1, m, d)
    return start


def _eve(y: int) -> dt.datetime | None:
    first = _lunar_to_solar(y, 1, 1)  # 除夕: the day before the lunar new year that starts in y
    return None if first is None else first - DAY


@lru_cache(maxsize=4096)
def holiday_interval(name: str, y: int) -> tuple[dt.datetime, dt.datetime] | None:
    """The days ``name`` covers in year ``y`` (official arrangement when listed), end exclusive."""
    h = holidays()
    base = h["needs_context"].get(name, name)
    official = h["official"].get(h["official_alias"].get(base, base), {})
    if y in official and (base in h["days"] or base in h["official"]):
        first, n = official[y]
        start = dt.datetime(first.year, first.month, first.day)
        return start, start + n * DAY
    start = None
    if base in h["solar"]:
        m, d = h["solar"][base]
        start = dt.datetime(y, m, d)
    elif base in h["lunar"]:
        m, d = h["lunar"][base]
        start = _lunar_solar_year(y, m, d)
    elif base in h["eve"]:
        start = _eve(y)
    elif base in h["term"]:
        # the table of the lunar year around mid-y; a term can appear twice (冬至: last December's, and
        # this December's under its pinyin key): take the one in year y
        table = _jieqi_table(y)
        ref = table.get(h["term"][base])
        days = [] if ref is None else [
            dt.datetime(*v) for k, v in table.items() if (k == h["term"][base] or k.isupper()) and v[1] == ref[1] and v[0] == y]
        start = days[0] if days else None
    elif base in h["nth_weekday"]:
        m, n, wd = h["nth_weekday"][base]
        first = dt.datetime(y, m, 1)
        start = first + ((wd - 1 - first.weekday()) % 7) * DAY + (n - 1) * 7 * DAY
    if start is None:
        return None
    return start, start + h["days"].get(base, 1) * DAY


# -- points --------------------------------------------------------------------------------------


def _distance(iv: tuple[dt.datetime, dt.datetime], at: dt.datetime) -> float:
    if iv[0] <= at < iv[1]:
        return 0.0
    return min(abs((iv[0] - at).total_seconds()), abs((iv[1] - at).total_seconds()))


def _elapsed(start: dt.datetime, end: dt.datetime, at: dt.datetime) -> float:
    """How much of [start, end) has passed at ``at`` (0 before, 1 after)."""
    if at <= start:
        return 0.0
    if at >= end:
        return 1.0
    return (at - start) / (end - start)


def _nearest_holiday(name: str, a: Anchor) -> tuple[dt.datetime, dt.datetime] | None:
    """The occurrence news most likely means: the last one begun, unless the next is much nearer."""
    cands = [c for c in (holiday_interval(name, y) for y in (a.at.year - 1, a.at.year, a.at.year + 1)) if c]
    past = [c for c in cands if c[0] <= a.at]
    future = [c for c in cands if c[0] > a.at]
    last = max(past) if past else None
    nxt = min(future) if future else None
    if last is None or (nxt is not None and 2 * _distance(nxt, a.at) < _distance(last, a.at)):
        return nxt
    return last


def _last_years_part(start: dt.datetime, n: int, a: Anchor) -> bool:
    """Whether a yearless year part is last year's: one not begun yet (年底 in January), unless a
    season or quarter begins within two months (春季 in January); a longer part less than half
    past (前三季度, 上半年 in May: a report on it is on last year's). A season or quarter under
    way is the current one (二季度 in May); the whole year (完成全年目标) is the current one once
    the annual reports are out."""
    elapsed = _elapsed(start, add_months(start, n), a.end)
    if n <= 3:
        return elapsed == 0 and not start <= a.at + PART_SOON
    if n >= 12:  # 全年, 年内: last year's only in the season of annual reports (January, February)
        return elapsed < WHOLE_YEAR_REPORTS
    return elapsed < 0.5


def _month_year(pt: Point, a: Anchor, env: Env) -> int:
    """The year of a bare month (12月, 3月到5月): the last one begun, unless the sentence speaks of
    plans or it is the month just ahead (6月前 in a late-May report)."""
    y = a.at.year
    start = month_start(y, pt.month_to or pt.month)  # 1-12月 in January: the last month decides
    if start >= a.end:  # not begun yet this year
        if env.future or (start - a.at) <= SOON:
            return y
        return y - 1
    return y


def _year_of(pt: Point, env: Env) -> tuple[int | None, bool]:
    """(year, anchored) for a point; None when nothing gives one."""
    a = env.anchor
    if pt.year is not None:
        pivot = a.at.year if a else 2030
        return full_year(pt.year, pt.year2, pivot), False
    if pt.year_rel is not None:
        return (a.at.year + pt.year_rel, True) if a else (None, False)
    if env.par_year is not None:
        return env.par_year, True
    return (a.at.year, True) if a else (None, False)


def resolve_point(pt: Point, env: Env) -> Value | None:
    a = env.anchor
    if pt.decade is not None:
        cent = pt.century
        if pt.century_rel is not None:
            cent = (a.at.year // 100 + 1 + pt.century_rel) if a else None
        if cent is None:
            y0 = 1900 + pt.decade if pt.decade >= 30 or not a else 2000 + pt.decade
        else:
            y0 = (cent - 1) * 100 + pt.decade
        if y0 < 1:
            return None
        return Value(dt.datetime(y0, 1, 1), dt.datetime(y0 + 10, 1, 1), "year", pt.century is None)
    explicit_date = pt.year is not None or pt.year_rel is not None
    # relative days and weeks hang on the anchor's day
    if pt.day_rel is not None or pt.week_rel is not None or pt.weekday is not None or pt.weekend:
        if a is None:
            return None
        today = dt.datetime(a.at.year, a.at.month, a.at.day)
        if pt.day_ctx and env.par_day is not None:
            today = env.par_day
        if pt.day_rel is not None:
            start, grain = today + pt.day_rel * DAY, "day"
            end = start + DAY
        else:
            monday = today - today.weekday() * DAY + (pt.week_rel or 0) * 7 * DAY
            if pt.weekend:
                start, end, grain = monday + 5 * DAY, monday + 7 * DAY, "day"
            elif pt.weekday is not None:
                start = monday + (pt.weekday - 1) * DAY
                if pt.week_rel is None and start > today:  # a bare 周三: the latest one (news reports the past)
                    start -= 7 * DAY
                end, grain = start + DAY, "day"
            else:
                start, end, grain = monday, monday + 7 * DAY, "week"
        return _time_of_day(Value(start, end, grain, True), pt)
    if pt.quarter_rel is not None:
        if a is None:
            return None
        start = add_months(month_start(a.at.year, a.at.month - (a.at.month - 1) % 3), 3 * pt.quarter_rel)
        return Value(start, add_months(start, 3), "quarter", True)
    if pt.month_rel is not None and a is not None:
        start = add_months(month_start(a.at.year, a.at.month), pt.month_rel)
        if explicit_date:  # 去年本月: this month, in the year written
            y, _ = _year_of(pt, env)
            if y is None or y < 1:
                return None
            start = start.replace(year=y)
        v = Value(start, add_months(start, 1), "month", True)
        return _time_of_day(_day_in_month(v, pt), pt)
    if pt.holiday is not None:
        if explicit_date:
            y, anchored = _year_of(pt, env)
            iv = holiday_interval(pt.holiday, y) if y else None
        else:
            anchored = True
            if env.par_year is not None:
                iv = holiday_interval(pt.holiday, env.par_year)
            elif a is not None:
                iv = _nearest_holiday(pt.holiday, a)
            else:
                iv = None
        if iv is None:
            return None
        grain = "day"
        return _time_of_day(Value(iv[0], iv[1], grain, anchored), pt)
    if pt.year_part is not None and pt.month is None:
        y, anchored = _year_of(pt, env)
        if y is None or y < 1:
            return None
        first, n, grain = pt.year_part
        start = month_start(y, first)
        if not explicit_date and env.par_year is None and a is not None and not env.future \
                and _last_years_part(start, n, a):
            start = month_start(y - 1, first)  # 年底 in a January report, 前三季度 in May: last year's
        return Value(start, add_months(start, n), grain, anchored)
    if pt.month is not None:
        if explicit_date:
            y, anchored = _year_of(pt, env)
        elif env.par_year is not None:
            y, anchored = env.par_year, True
        elif a is not None:
            y, anchored = (a.at.year if pt.lunar else _month_year(pt, a, env)), True
        else:
            return None
        if y is None or y < 1:
            return None
        if pt.lunar:
            # 2017年腊月 is lunar year 2017's; 今年腊月, 腊月 alone: the one in the solar year (腊月
            # of 2020 starts in January 2020), and a bare one not begun yet is last year's
            ly = y
            start = _lunar_to_solar(ly, pt.month, pt.day or 1)
            if pt.year is None and start is not None and start.year > y:
                ly -= 1
                start = _lunar_to_solar(ly, pt.month, pt.day or 1)
            if not explicit_date and env.par_year is None and a is not None and start is not None \
                    and start >= a.end and not (env.future or start - a.at <= SOON):
                ly -= 1
                start = _lunar_to_solar(ly, pt.month, pt.day or 1)
            if start is None:
                return None
            end = start + DAY if pt.day else (_lunar_to_solar(ly, pt.month + 1, 1) if pt.month < 12 else _lunar_to_solar(ly + 1, 1, 1))
            if end is None:
                return None
            return _time_of_day(Value(start, end, "day" if pt.day else "month", anchored), pt)
        start = month_start(y, pt.month)
        v = Value(start, add_months(month_start(y, pt.month_to or pt.month), 1), "month", anchored)
        return _time_of_day(_day_in_month(v, pt), pt)
    if pt.day is not None:  # 17日: the month in context, else the anchor's (the latest such day)
        if env.par_month is not None:
            y, m = env.par_month
            start = month_start(y, m)
        elif a is not None:
            start = month_start(a.at.year, a.at.month)
            if pt.day > a.at.day and a.grain == "day" and not env.future:
                start = add_months(start, -1)
        else:
            return None
        v = Value(start, add_months(start, 1), "month", True)
        return _time_of_day(_day_in_month(v, pt), pt)
    if pt.year is not None or pt.year_rel is not None:
        y, anchored = _year_of(pt, env)
        if y is None or y < 1:
            return None
        return Value(dt.datetime(y, 1, 1), dt.datetime(y + 1, 1, 1), "year", anchored)
    if pt.day_part is not None or pt.hour is not None:  # a time of day alone: on the anchor's day
        if a is None:
            return None
        today = dt.datetime(a.at.year, a.at.month, a.at.day)
        return _time_of_day(Value(today, today + DAY, "day", True), pt)
    return None


def _day_in_month(v: Value, pt: Point) -> Value | None:
    if v is None:
        return None
    if pt.day is not None and pt.month_to is None:
        try:
            start = v.start.replace(day=pt.day)
        except ValueError:
            return None
        return Value(start, start + DAY, "day", v.anchored)
    if pt.month_part is not None and pt.month_to is None:
        d1, d2 = pt.month_part
        start = v.start.replace(day=d1)
        end = v.end if d2 is None else v.start.replace(day=d2) + DAY
        return Value(start, end, "day", v.anchored)
    return v


def _time_of_day(v: Value | None, pt: Point) -> Value | None:
    if v is None or (pt.day_part is None and pt.hour is None):
        return v
    if v.end - v.start != DAY:
        return v
    day = v.start
    parts = words()["day_parts"]
    if pt.hour is None:
        h1, h2 = parts.get(pt.day_part, (0, 24))
        return Value(day + dt.timedelta(hours=h1), day + dt.timedelta(hours=h2), "hour", v.anchored)
    hour = pt.hour
    if pt.day_part in words()["pm_parts"] and hour < 12:
        hour += 12
    if pt.day_part in ("中午",) and hour < 5:
        hour += 12
    if hour == 24:
        hour = 0
        day += DAY
    start = day + dt.timedelta(hours=hour, minutes=pt.minute or 0, seconds=pt.second or 0)
    if pt.second is not None:
        return Value(start, start + dt.timedelta(seconds=1), "second", v.anchored)
    if pt.minute is not None:
        return Value(start, start + dt.timedelta(minutes=1), "minute", v.anchored)
    return Value(start, start + dt.timedelta(hours=1), "hour", v.anchored)


def inherit(b: Point, a: Point) -> Point:
    """The second point of a range takes what it leaves out from the first (1月10日到12日)."""
    from dataclasses import replace

    has_date = any(x is not None for x in (b.year, b.year_rel, b.month, b.month_rel, b.quarter_rel, b.day, b.day_rel, b.week_rel,
                                           b.weekday, b.holiday, b.year_part))
    if not has_date:
        return replace(b, year=a.year, year2=a.year2, year_rel=a.year_rel, month=a.month, month_rel=a.month_rel,
                       day=a.day, day_rel=a.day_rel, week_rel=a.week_rel, weekday=a.weekday, lunar=a.lunar,
                       day_part=b.day_part or a.day_part)
    if b.year is None and b.year_rel is None:
        b = replace(b, year=a.year, year2=a.year2, year_rel=a.year_rel)
        if b.month is None and b.month_rel is None and b.day is not None:
            b = replace(b, month=a.month, month_rel=a.month_rel, lunar=a.lunar)
    return b


# -- durations -----------------------------------------------------------------------------------


_ISO_ORDER = {(u, t): i for i, (u, t) in enumerate((("Y", False), ("Q", False), ("M", False), ("W", False), ("D", False),
                                                     ("H", True), ("M", True), ("S", True)))}


def duration_iso(amount: float | None, unit: str, time_unit: bool, parts=()) -> str | None:
    if amount is None:
        return None
    items = [(amount, unit, time_unit)] + [(p[0], p[1], p[3]) for p in parts]
    if len(items) > 1:
        items.sort(key=lambda x: _ISO_ORDER.get((x[1], x[2]), 9))  # ISO order: 两天又一个月 is P1M2D
    if len({(u, t) for _, u, t in items}) < len(items):
        return None  # 十年八年: an approximate count, not a sum
    date, time = "", ""
    for amt, u, t in items:
        if amt is None:
            return None
        if u == "Q":
            amt, u = amt * 3, "M"
        num = f"{amt:g}"
        if t:
            time += num + u
        else:
            date += num + u
    return "P" + date + ("T" + time if time else "")


def _shift(d: dt.datetime, amount: float, unit: str, time_unit: bool) -> dt.datetime:
    if time_unit:
        secs = {"H": 3600, "M": 60, "S": 1}[unit] * amount
        return d + dt.timedelta(seconds=secs)
    if unit == "Y":
        if float(amount).is_integer():
            return d.replace(year=d.year + int(amount))
        return add_months(d, int(amount * 12)) if d.day == 1 else _add_months_keep(d, int(amount * 12))
    if unit in ("M", "Q"):
        months = amount * (3 if unit == "Q" else 1)
        whole = int(months)
        moved = add_months(d, whole) if d.day == 1 else _add_months_keep(d, whole)
        return moved + dt.timedelta(days=round((months - whole) * 30))  # 半个月: 15 days
    if unit == "W":
        return d + dt.timedelta(days=7 * amount)
    return d + dt.timedelta(days=amount)


def _add_months_keep(d: dt.datetime, n: int) -> dt.datetime:
    import calendar

    first = add_months(d, n)
    return first.replace(day=min(d.day, calendar.monthrange(first.year, first.month)[1]), hour=d.hour, minute=d.minute, second=d.second)


def resolve_duration(spec: Spec, env: Env) -> tuple[str, Interval | None, bool]:
    """(kind, interval, anchored) for a duration: 过去5年, 此后三年, 三年前, 一年内 ..."""
    amt, unit, a = spec.amount, spec.unit, env.anchor
    direction = spec.direction
    if amt is None or direction in (None, "plain", "span"):
        return ("date" if direction in ("ago", "later") else "duration"), None, False
    n = amt * (3 if unit == "Q" else 1)
    u = "M" if unit == "Q" else unit
    try:
        if direction in ("past", "upto"):
            if spec.word == "前" and u == "M" and not spec.time_unit and float(n).is_integer():
                # 前4个月: the first four months of the year in context
                y = env.par_year if env.par_year is not None else (a.at.year if a else None)
                if y is None:
                    return "duration", None, False
                if env.par_year is None and n <= 12 and month_start(y, int(n)) >= a.end and not env.future:
                    y -= 1  # 前11个月 in a January report: last year's
                start = month_start(y, 1)
                return "duration", Interval(iso(start), iso(add_months(start, int(n)))), True
            if u == "Y" and not spec.time_unit and float(n).is_integer():
                if env.sent_year is not None and direction == "past":
                    end = dt.datetime(env.sent_year + 1, 1, 1)
                elif a is not None:
                    end = dt.datetime(a.at.year, 1, 1)
                else:
                    return "duration", None, False
                return "duration", Interval(iso(end.replace(year=end.year - int(n))), iso(end)), True
            if a is None:
                return "duration", None, False
            if u == "M" and not spec.time_unit and float(n).is_integer() and (unit == "Q" or spec.word == "连续"):
                # 连续18个季度, 连续5个月 (a data series): whole quarters or months up to the current one
                step = 3 if unit == "Q" else 1
                end = month_start(a.at.year, a.at.month - (a.at.month - 1) % step)
                return "duration", Interval(iso(add_months(end, -int(n))), iso(end)), True
            end = a.at if spec.time_unit else dt.datetime(a.at.year, a.at.month, a.at.day)
            return "duration", Interval(iso(_shift(end, -n, u, spec.time_unit)), iso(end)), True
        if direction == "next":
            if spec.word == "此后" and u == "Y" and env.any_year is not None and float(n).is_integer():
                start = dt.datetime(env.any_year + 1, 1, 1)
                return "duration", Interval(iso(start), iso(start.replace(year=start.year + int(n)))), True
            if a is None:
                return "duration", None, False
            start = a.at if spec.time_unit else dt.datetime(a.at.year, a.at.month, a.at.day) + DAY
            return "duration", Interval(iso(start), iso(_shift(start, n, u, spec.time_unit))), True
        if a is None:
            return ("date" if direction in ("ago", "later") else "duration"), None, False
        if direction in ("ago", "later"):
            sign = -1 if direction == "ago" else 1
            if spec.time_unit:
                at = _shift(a.at, sign * n, u, True)
                return "date", Interval(iso(at), iso(at + dt.timedelta(seconds=1))), True
            day = dt.datetime(a.at.year, a.at.month, a.at.day)
            at = _shift(day, sign * n, u, False)
            if u == "Y":
                return "date", Interval(iso(dt.datetime(at.year, 1, 1)), iso(dt.datetime(at.year + 1, 1, 1))), True
            if u == "M":
                start = month_start(at.year, at.month)
                return "date", Interval(iso(start), iso(add_months(start, 1))), True
            return "date", Interval(iso(at), iso(at + DAY)), True
        if direction == "within":
            start = a.at
            return "duration", Interval(iso(start), iso(_shift(start, n, u, spec.time_unit))), True
    except (ValueError, OverflowError):
        return "duration", None, False
    return "duration", None, False


# -- anchor inference -----------------------------------------------------------------------------


def infer_anchor(points: list[Point]) -> Anchor | None:
    """The latest explicit year-month or date among ``points`` (articles with no publication time)."""
    best = None
    for pt in points:
        if pt.year is None or pt.year2 or pt.month is None or pt.lunar or pt.month_to is not None:
            continue
        key = (pt.year, pt.month, pt.day or 0)
        if best is None or key > best:
            best = key
    if best is None or not 1 <= best[0] <= 9999:
        return None
    try:
        return Anchor.from_month(best[0], best[1], best[2] or None)
    except (ValueError, OverflowError):
        return None
