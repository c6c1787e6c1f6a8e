"""Finding time expressions in running text and resolving them in article order.

One compiled scan per body span over ``view.norm`` finds candidates; ``parse.spec_from_groups``
says what each one is; ``resolve`` anchors it. Context (the year in the sentence, paragraph and
article before) is tracked while walking the candidates in order, so the whole pass is linear.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, is_not

import regex

from ..model import Interval, Time
from ..text.view import TextView
from .parse import Spec, date_mod, spec_from_groups, words
from .patterns import group_names, scanner
from .prefilter import follows, starts
from .resolve import (Anchor, Env, Value, duration_iso, infer_anchor, inherit, iso, resolve_duration,
                      resolve_point)

# literal characters and words: the standard library's engine finds them about twice as fast
SENT_END = re.compile(r"[。！？!?；;\n]")
# a line break, or the two ideographic spaces (half-width in the view) that open a paragraph in
# text whose paragraphs were joined into one line (People's Daily: 。\u3000\u3000)
PARAGRAPH_END = regex.compile(r"\n|(?<=[。！？!?”」』)）\s]) {2}")
FUTURE = re.compile(r"将|计划|预计|即将|拟|有望|届时|力争|争取|确保|目标|预期|可能|等到|打算|准备|定于|推迟|延长|延期")


def scan(norm: str, start: int, end: int) -> list[tuple[int, int, Spec]]:
    """Candidates in ``norm[start:end]``: (start, end, spec), in text order."""
    out = []
    match = scanner().match
    names = group_names()
    nones = repeat(None)
    follow = follows().get
    pos = start  # what finditer does, trying only where prefilter says an expression may start
    for c in starts().finditer(norm, start, end):
        p = c.start()
        if p < pos:
            continue
        f = follow(norm[p])
        if f is not None:  # the next character must be one that may follow this one
            nxt = norm[p + 1] if p + 1 < end else ""
            if nxt not in f[0] and not (nxt and ((f[1] and nxt.isspace()) or (f[2] and nxt.isdigit()))):
                continue
        m = match(norm, p, end)
        if m is None:
            continue
        pos = m.end()
        # the groups that took part, by name: Match.groupdict() is 200 times slower with this many
        # groups, and a match sets only a few of them
        groups = m.groups()
        took = list(map(is_not, groups, nones))
        d = dict(zip(compress(names, took), compress(groups, took)))
        if d.get("n2"):
            d["captures_n2"], d["captures_u2"] = m.captures("n2"), m.captures("u2")
        spec = spec_from_groups(d)
        if spec is None:
            continue
        s, e = m.span()
        pre = d.get("pre")
        if pre and _drop_prefix(norm, s, pre, d):
            s += len(pre)
            spec.mod = date_mod(None, d.get("suf"))
        if d.get("dur") and spec.unit == "D" and d.get("u") == "日" and not (d.get("dpre") or d.get("dsuf")):
            continue  # 一日之计: a bare 日 count is no duration
        out.append((s, e, spec))
    return out


VERB_BEFORE_TO = regex.compile(r"[\p{Han}]")  # 上升至2022年: 至 after a verb is "to", not "until"
WORD_BEFORE_FROM = "来出源各亲独擅"  # 来自2025年: 自 inside a word


def _drop_prefix(norm: str, s: int, pre: str, d: dict) -> bool:
    """Whether the matched prefix belongs to the words before, not to the time."""
    before = norm[s - 1] if s > 0 else ""
    if pre in ("从", "由"):
        # 从2025年12月 ... 到如今: 从 opens a span that ends far away; the time is 2025年12月
        return not d.get("sep") and not d.get("suf")
    if pre in ("至", "到"):
        return bool(before) and VERB_BEFORE_TO.match(before) is not None
    if pre in ("自", "自从"):
        return before in WORD_BEFORE_FROM if before else False
    return False


FUTURE_WINDOW = 40  # plan words are looked for this far back in the sentence
CONTEXT_SENTENCES = 5  # a year, month or day is context this many sentences on, within its paragraph


class _Context:
    """The explicit years, months and days seen so far, with where they ended.

    Paragraph and sentence breaks are found once (offset lists), so telling whether a context is
    in the same paragraph or sentence is a bisection, whatever the distance.
    """

    def __init__(self, norm: str, start: int = 0, end: int | None = None) -> None:
        self.norm = norm
        self.breaks = [m.start() for m in PARAGRAPH_END.finditer(norm, start, len(norm) if end is None else end)]
        self.stops = [m.start() for m in SENT_END.finditer(norm, start, len(norm) if end is None else end)]
        self.year: tuple[int, int] | None = None  # (end offset, year)
        self.year_sentence_only = False  # a relative year (去年) is context for its own sentence only
        self.anchor_year: int | None = None
        self.month: tuple[int, int, int] | None = None  # (end offset, year, month)
        self.day: tuple[int, dt.datetime] | None = None  # (end offset, day)

    def _same(self, marks: list[int], a: int, b: int) -> bool:
        return bisect_left(marks, a) == bisect_left(marks, b)

    def _near(self, a: int, b: int) -> bool:
        """Same paragraph, and at most CONTEXT_SENTENCES sentence breaks apart (a paragraph may be a
        whole article when its breaks were lost: a year 20 sentences back is stale)."""
        return self._same(self.breaks, a, b) and bisect_left(self.stops, b) - bisect_left(self.stops, a) <= CONTEXT_SENTENCES

    def env(self, anchor: Anchor | None, pos: int, sent_start: int) -> Env:
        env = Env(anchor)
        if self.year is not None:
            end, y = self.year
            env.any_year = y
            if self._near(end, pos):
                same_sentence = self._same(self.stops, end, pos)
                if same_sentence or not self.year_sentence_only:
                    env.par_year = y
                if same_sentence:
                    env.sent_year = y
        if self.month is not None and self._near(self.month[0], pos) \
                and (self.year is None or self.year[0] <= self.month[0] or self.year[1] == self.month[1]):
            env.par_month = self.month[1:]  # not once a later year was written (2017年6月 ... 2018年完工。12日)
        if self.day is not None and self._near(self.day[0], pos):
            env.par_day = self.day[1]
        env.future = FUTURE.search(self.norm, max(sent_start, pos - FUTURE_WINDOW), pos) is not None
        return env

    def saw(self, spec: Spec, value: Value | None, start: int, end: int) -> None:
        if value is None or spec.kind not in ("point", "special"):
            return
        if not self._sets_context(spec, value, start, end):
            return
        pt = spec.a
        if spec.kind == "special" or (pt is not None and (pt.year is not None or pt.year_rel is not None)):
            if value.grain in ("year", "half", "quarter", "month", "day", "hour", "minute", "second"):
                year = value.start.year
                if pt is not None and pt.lunar and value.end.year > year and (value.end.month, value.end.day) != (1, 1):
                    year = value.end.year  # 今年腊月 (2019-12-26 .. 2020-01-25) is in 2020
                self.year = (end, year)
                # 去年突患脑炎。3月15日 ...: a relative year is the sentence's; an explicit one
                # (2018年，...。8月) carries through the paragraph
                # and so is a year after the anchor's (到2025年, 延缓到明年: a target, not a narrative)
                self.year_sentence_only = (pt is not None and pt.year is None and bool(pt.year_rel)) or \
                    (self.anchor_year is not None and year > self.anchor_year)
        if pt is not None and pt.month is not None and pt.month_to is None and not pt.lunar:
            self.month = (end, value.start.year, value.start.month)
        if value.grain in ("day", "hour", "minute", "second") and value.end - value.start <= dt.timedelta(days=1):
            day = dt.datetime(value.start.year, value.start.month, value.start.day)
            if pt is not None and pt.hour == 24:  # 截至5月3日24时 ends 5月3日: 当日 is that day
                day -= dt.timedelta(days=1)
            self.day = (end, day)


    def _sets_context(self, spec: Spec, value: Value, start: int, end: int) -> bool:
        """Whether a time is context for what follows. Never a comparison base (较2025年12月,
        去年同期, 与2018年...相比) or a birth year (1997年出生的); not the start of a span reaching
        back (自2009年以来, 2011年来, 2003年疫情发生后，) unless it starts this year (自2020年起);
        not a bound in another year (2040年前)."""
        r = _context_rules()
        norm = self.norm
        before = norm[max(0, start - 4):start]
        after = norm[end:end + 4]
        clause = CLAUSE_END.search(norm, end, end + CLAUSE_WINDOW)
        tail = norm[end:clause.start() if clause else end + CLAUSE_WINDOW]
        if before.endswith(r["compare_before"]) or after.startswith(r["compare_after"]) \
                or any(map(tail.__contains__, r["compare_in_clause"])):
            return False
        year, this_year = value.start.year, self.anchor_year
        exempt = after.startswith(r["not_a_span"])  # 1956年来到敦煌
        since = spec.mod in ("since", "after") or (not exempt and after.startswith(r["since_after"])) \
            or any(map(tail.__contains__, r["since_in_clause"])) or tail.endswith(r["since_at_clause_end"])
        if since and (this_year is None or year < this_year):
            return False
        until = spec.mod == "before" or after.startswith(r["until_after"]) or tail.endswith(r["until_at_clause_end"])
        return not (until and year != this_year)


@lru_cache(maxsize=1)
def _context_rules() -> dict[str, tuple[str, ...]]:
    """``words.yaml`` ``context_rules`` as tuples (str.startswith and str.endswith take a tuple)."""
    return {k: tuple(v) for k, v in words()["context_rules"].items()}


CLAUSE_END = re.compile(r"[,，。；;！？!?\n]")
CLAUSE_WINDOW = 24  # 与2018年最低采购价相比: the clause's comparison word is looked for this far


def _kind_for_point(spec: Spec, value: Value) -> str:
    pt = spec.a
    if spec.mod == "since":
        return "range"
    if pt.hour is not None and pt.day is None and pt.day_rel is None and pt.weekday is None and pt.holiday is None \
            and pt.month is None:
        return "time"
    if pt.holiday is not None and value.end - value.start > dt.timedelta(days=1) and pt.hour is None:
        return "range"
    if pt.month_to is not None:
        return "range"
    return "date"


def _resolve(spec: Spec, env: Env) -> tuple[str, str | None, Value | None, Interval | None, str | None, bool]:
    """(kind, grain, value, interval, duration, anchored)."""
    anchor = env.anchor
    if spec.kind == "point":
        v = resolve_point(spec.a, env)
        if v is None:
            return "date", None, None, None, None, False
        kind = _kind_for_point(spec, v)
        start, end = v.start, v.end
        anchored = v.anchored
        if spec.mod == "since" and anchor is not None and anchor.end > start:
            end, anchored = anchor.end, True
        return kind, v.grain, v, Interval(iso(start), iso(end)), None, anchored
    if spec.kind == "range":
        va = resolve_point(spec.a, env)
        vb = resolve_point(inherit(spec.b, spec.a), env)
        if va is None or vb is None:
            return "range", (va or vb).grain if (va or vb) else None, None, None, None, False
        if vb.end <= va.start and spec.b.year is None and spec.b.year_rel is None and vb.grain in ("month", "day"):
            # 8月至2月, 12月25日到1月3日: the second point is in the next year
            try:
                vb = Value(vb.start.replace(year=vb.start.year + 1), vb.end.replace(year=vb.end.year + 1), vb.grain, vb.anchored)
            except ValueError:
                return "range", va.grain, None, None, None, False
        if vb.end <= va.start:
            return "range", va.grain, None, None, None, False
        return "range", vb.grain, va, Interval(iso(va.start), iso(vb.end)), None, va.anchored or vb.anchored
    if spec.kind == "duration":
        kind, interval, anchored = resolve_duration(spec, env)
        return kind, spec.unit_grain, None, interval, duration_iso(spec.amount, spec.unit, spec.time_unit, spec.parts), anchored
    if spec.kind == "set":
        return "set", spec.grain, None, None, spec.iso, False
    if spec.kind == "special":
        if spec.special == "rest_of_year":
            if anchor is None:
                return "range", "month", None, None, None, True
            start = dt.datetime(anchor.at.year, anchor.at.month, 1)
            start = start.replace(year=start.year + (start.month == 12), month=start.month % 12 + 1)
            end = dt.datetime(anchor.at.year + 1, 1, 1)
            if start >= end:
                return "range", "month", None, None, None, True
            return "range", "month", Value(start, end, "month", True), Interval(iso(start), iso(end)), None, True
        shift = {"context_year": 0, "next_context_year": 1, "prev_context_year": -1}[spec.special]
        y = env.any_year
        if y is None:
            return "date", "year", None, None, None, True
        start, end = dt.datetime(y + shift, 1, 1), dt.datetime(y + shift + 1, 1, 1)
        return "date", "year", Value(start, end, "year", True), Interval(iso(start), iso(end)), None, True
    return "date", spec.grain, None, None, None, True  # vague: 近日, 目前 ...


def _reported_points(view: TextView, cands: list[tuple[int, int, Spec]]) -> list:
    """The written points an anchor may be inferred from: those not in a sentence about plans
    (计划2027年3月投产 is no report date), unless every one is."""
    points, planned = [], []
    for s, _, spec in cands:
        if spec.kind != "point" or spec.a is None:
            continue
        sent = view.sentence_at(s)
        start = sent.start if sent else s
        (planned if FUTURE.search(view.norm, max(start, s - FUTURE_WINDOW), s) else points).append(spec.a)
    return points or planned


def find_times(view: TextView, published: dt.datetime | None = None) -> list[Time]:
    """Every time expression in the body of ``view``, resolved against ``published``."""
    norm, text = view.norm, view.text
    cands: list[tuple[int, int, Spec]] = []
    for b in view.body:
        cands.extend(scan(norm, b.start, b.end))
    if not cands:
        return []
    try:
        if published is not None:
            anchor = Anchor.from_published(published)
        else:
            anchor = infer_anchor(_reported_points(view, cands))
    except (ValueError, OverflowError):  # an anchor at the calendar's edge (9999-12-31)
        anchor = None
    ctx = _Context(norm)
    ctx.anchor_year = anchor.at.year if anchor is not None else None
    out: list[Time] = []
    for s, e, spec in cands:
        sent = view.sentence_at(s)
        env = ctx.env(anchor, s, sent.start if sent else s)
        try:
            kind, grain, value, interval, duration, anchored = _resolve(spec, env)
        except (ValueError, OverflowError):
            kind, grain, value, interval, duration, anchored = "date", None, None, None, None, False
        if interval is not None and not interval.start < interval.end:
            interval = None  # never an empty interval
        ctx.saw(spec, value, s, e)
        out.append(Time(text=text[s:e], start=s, end=e, kind=kind, grain=grain, interval=interval,
                        duration=duration, anchored=anchored, mod=spec.mod))
    out.sort(key=attrgetter("start", "end"))
    return out


def extract_times(text: str, published: str | dt.date | dt.datetime | None = None) -> list[Time]:
    """The plain-function form: every time expression in ``text`` (the whole text is the body)."""
    from ..pipeline import to_datetime

    if not text:
        return []
    return find_times(TextView(text), to_datetime(published) if not isinstance(published, dt.datetime) else published)
