"""Relations between the figures of one article, each checked with interval arithmetic.

- growth: a stated change (同比增长27%, 环比下滑46.9%, a target's 约76%) against the value it is
  about and the value it is compared with (the same measure one period earlier, or the figure the
  sentence marks as the base: 较……的60423辆);
- sum: a whole against its parts (the metric lexicon's part-whole relations), and revisions
  (100万台 上调5万台 至105万台: old + change = new);
- average: a monthly average against the total over the period (105万 a year is 8.75万 a month);
- same_figure: one measure stated twice (32059辆 and 3.2万台; 59.66万辆 and 近60万台; 超100% and 翻倍).

Figures are paired only when their claims agree on subject, measure, period, comparison and
modality: a target is never the same figure as an actual, a January value never a December one.
A relation recognized with a figure missing is reported unverifiable.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import regex

from ..model import Article, FigureRef, Finding, Quantity
from . import explain
from .facts import Fact, facts, far_apart, months, rules, same_period, shift, unit_group, units_compatible
from .measures import Lexicon
from .tolerance import Iv, figure_interval, fmt_interval, fmt_number, growth as growth_iv, total

GROWTH_SHIFT = {"yoy": 12, "mom": 1, "qoq": 3}
_PUNCT = regex.compile(r"\p{P}")


def _verdict(expected: Iv | None, stated: Iv) -> tuple[str, float | None]:
    if expected is None:
        return "unverifiable", None
    if expected.meets(stated):
        return "consistent", 0.0
    return "inconsistent", float(f"{expected.gap(stated):.6g}")


def _unit(f: Fact) -> str:
    return f.unit or ""


def _same_subject(a: Fact, b: Fact) -> bool:
    """The same named subject; or neither named (within one article: the article's own subject)."""
    return a.subject == b.subject


def _evidence(*fs: Fact) -> list[dict]:
    out, seen = [], set()
    for f in fs:
        ev = f.evidence()
        k = (ev["article"], ev["start"], ev["end"])
        if k not in seen:
            seen.add(k)
            out.append(ev)
    return out


def _distance(a: Fact, b: Fact) -> int:
    return abs(a.q.start - b.q.start)


def _distinct(fs: list[Fact]) -> list[Fact]:
    """One fact per distinct written figure (the first), so a figure repeated verbatim counts once."""
    seen, out = set(), []
    for f in sorted(fs, key=lambda f: f.q.start):
        k = (f.q.value, f.q.lower, f.q.upper, f.q.qualifier, unit_group(f.unit), f.iv)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


# -- growth ------------------------------------------------------------------------------------

def _is_stated_change(f: Fact) -> bool:
    return f.unit in ("%", "个百分点") and f.comparison in rules()["growth_comparisons"]


def _is_level(f: Fact) -> bool:
    return f.comparison is None and not f.is_rate


def _base_marked(art: Article, a: Fact) -> bool:
    window = int(rules()["base_window"])
    before = art.text[max(0, a.q.start - window):a.q.start]
    return any(m in before for m in rules()["base_markers"])


def check_growth(fs: list[Fact], lex: Lexicon, revised: list[tuple[Iv, Iv, set]] = ()) -> list[Finding]:
    out = []
    for c in fs:
        # a change in a 分别 list goes with its figure "respectively", which is not read here
        if not _is_stated_change(c) or c.listed:
            continue
        points = c.unit == "个百分点"

        def peer(f: Fact) -> bool:
            if f is c or not _same_subject(f, c) or not lex.same_measure(f.metric, c.metric):
                return False
            if points:  # a change in percentage points is between two rates
                return f.unit == "%" and f.comparison in (None, "share")
            return _is_level(f)

        peers = [f for f in fs if peer(f) and not f.listed]
        # the value the change is about: same period and modality as the stated change
        # (a figure without a period of its own in the change's sentence shares the sentence's period)
        cur = [f for f in peers if f.modality == c.modality and (
            same_period(f.period, c.period) or (f.period is None and f.sentence is not None and f.sentence == c.sentence))]
        # an old figure a revision replaced is not what the change is about
        cur = [f for f in cur if not any(f.iv.meets(old) and not f.iv.meets(new) for old, new, _ in revised)]
        if not cur:
            continue
        want = shift(c.period, GROWTH_SHIFT[c.comparison]) if c.comparison in GROWTH_SHIFT else None
        cur_periods = {f.period for f in cur}

        def is_base(f: Fact) -> bool:
            if f in cur or f.modality not in ("actual", None, c.modality):
                return False
            if want is not None:
                return same_period(f.period, want)
            # a change with no fixed step: the figure the sentence marks as the base, of another period
            near = f.sentence is not None and f.sentence == c.sentence
            return near and _base_marked(c.article, f) and f.period not in cur_periods

        base = [f for f in peers if is_base(f)]
        if not base:
            cur.sort(key=lambda f: (f.sentence != c.sentence, f.width, _distance(f, c)))
            b = cur[0]
            missing = "the same measure a year earlier" if c.comparison == "yoy" else "the value it is compared with"
            out.append(Finding(
                kind="arithmetic", relation="growth", verdict="unverifiable", claims=[b.ref, c.ref],
                expected=None, stated=_signed_value(c), explanation=explain.growth_missing(b.label, c.label, missing),
                stated_interval=c.signed_iv.as_tuple(), evidence=_evidence(b, c)))
            continue
        best = None
        for a in _distinct(base):
            for b in _distinct(cur):
                if not units_compatible(a, b) or _ratio(a, b) > float(rules()["growth_max_ratio"]):
                    continue
                exp = (b.iv - a.iv) if points else growth_iv(a.iv, b.iv)
                verdict, miss = _verdict(exp, c.signed_iv)
                # the figure the change is about in its own sentence first; then the most precise
                # figures (a hedged base such as 近60万 allows too much to judge by); then a reading
                # that holds; then the nearest
                rank = (b.sentence != c.sentence, round(_rel_width(a) + _rel_width(b), 6), verdict != "consistent",
                        _distance(a, c) + _distance(b, c))
                if best is None or rank < best[0]:
                    best = (rank, a, b, exp, verdict, miss)
        if best is None:
            continue
        _, a, b, exp, verdict, miss = best
        if verdict == "consistent" and _too_rough(exp, c):
            verdict = "unverifiable"  # hedged figures that allow almost any change prove nothing
        unit = "个百分点" if points else "%"
        if points:
            arith = f"{fmt_number(b.iv.mid)} - {fmt_number(a.iv.mid)} = {fmt_number(b.iv.mid - a.iv.mid)}"
        else:
            am, bm = _point(a), _point(b)
            arith = f"({fmt_number(bm)} - {fmt_number(am)}) / {fmt_number(am)} = {(bm - am) / am * 100:.2f}%" if am else None
        out.append(Finding(
            kind="arithmetic", relation="growth", verdict=verdict, claims=[a.ref, b.ref, c.ref],
            expected=_mid(exp), stated=_signed_value(c),
            explanation=explain.growth(verdict, a.label, b.label, c.label, exp, c.signed_iv, miss, unit,
                                       target=c.modality in ("target", "plan", "forecast"), down=c.direction == "down"),
            expected_interval=exp.as_tuple() if exp else None, stated_interval=c.signed_iv.as_tuple(), miss=miss,
            evidence=_evidence(a, b, c), arithmetic=arith))
    return out


def _too_rough(exp: Iv | None, c: Fact) -> bool:
    """The change the figures allow is wider than half the stated change (and than the stated
    figure's own interval): agreement with it says nothing (超1万 to 超1万 allows 0% to 10%)."""
    if exp is None:
        return True
    width = exp.hi - exp.lo
    return width > max(c.width, 0.5 * abs(c.iv.mid), 1e-9)


def _ratio(a: Fact, b: Fact) -> float:
    x, y = abs(a.iv.mid), abs(b.iv.mid)
    return max(x, y) / min(x, y) if min(x, y) > 0 else float("inf")


def _rel_width(f: Fact) -> float:
    m = abs(f.iv.mid)
    return f.width / m if m else float("inf")


def _point(f: Fact) -> float:
    return float(f.q.value) if f.q.value is not None else f.iv.mid


def _signed_value(f: Fact) -> float | None:
    if f.q.value is None:
        return None
    v = float(f.q.value)
    return -v if f.direction == "down" else v


def _mid(iv: Iv | None) -> float | None:
    return None if iv is None else float(f"{iv.mid:.6g}")


# -- averages ----------------------------------------------------------------------------------

def _span_months(f: Fact) -> int | None:
    """Months a total covers: its period's, else a span word right after it (105万台的年度目标)."""
    n = months(f.period)
    if n is not None or f.period is not None:
        return n
    after = f.article.text[f.q.end:f.q.end + int(rules()["span_window"])]
    for word, k in rules()["span_words"].items():
        if word in after:
            return int(k)
    return None


def check_average(fs: list[Fact], lex: Lexicon) -> list[Finding]:
    out = []
    per = rules()["average_comparisons"]
    for m in fs:
        if m.comparison not in per or m.is_rate:
            continue
        step = int(per[m.comparison])

        def is_total(f: Fact) -> bool:
            if f is m or not _is_level(f) or not _same_subject(f, m) or f.modality != m.modality:
                return False
            if not units_compatible(f, m):
                return False
            same_sentence = f.sentence is not None and f.sentence == m.sentence
            # the measure: the same, or not named for a total in the average's own sentence
            if not (lex.same_measure(f.metric, m.metric) or (f.metric is None and same_sentence)):
                return False
            n = _span_months(f)
            if n is not None and n <= step:
                return False  # a one-month figure is not the total a monthly average divides
            return same_period(f.period, m.period) or (m.period is None and same_sentence)

        totals = [f for f in fs if is_total(f)]
        if not totals:
            continue
        totals.sort(key=lambda f: (f.sentence != m.sentence, _distance(f, m), f.width))
        t = totals[0]
        n = _span_months(t)
        exp = t.iv.scale(step / n) if n else None
        verdict, miss = _verdict(exp, m.iv)
        out.append(Finding(
            kind="arithmetic", relation="average", verdict=verdict, claims=[t.ref, m.ref],
            expected=_mid(exp), stated=float(m.q.value) if m.q.value is not None else None,
            explanation=explain.average(verdict, t.label, n or 0, m.label, exp, m.iv, miss, _unit(m)),
            expected_interval=exp.as_tuple() if exp else None, stated_interval=m.iv.as_tuple(), miss=miss,
            evidence=_evidence(t, m),
            arithmetic=f"{fmt_number(_point(t))} / {n} = {fmt_number(_point(t) / n)}" if n else None))
    return out


# -- sums of parts -----------------------------------------------------------------------------

def _part_placed(part: Fact, whole: Fact) -> bool:
    """Where news puts the parts of a whole: in its sentence, or just after it (总……。其中……)."""
    if part.sentence is not None and part.sentence == whole.sentence:
        return True
    return whole.q.end <= part.q.start <= whole.q.end + int(rules()["parts_window"])


def check_parts(fs: list[Fact], lex: Lexicon) -> list[Finding]:
    out = []
    for w in fs:
        if w.is_rate or w.comparison is not None:
            continue
        for decomposition in lex.decompositions(w.metric):
            found, missing = [], []
            for key in decomposition:
                cands = [
                    f for f in fs
                    if f is not w and f.metric == key and f.comparison is None and not f.is_rate
                    and _part_placed(f, w)
                    and f.modality == w.modality and units_compatible(f, w)
                    and (f.subject == w.subject or (f.subject is None and f.sentence == w.sentence))
                    and (same_period(f.period, w.period) or (f.period is None and w.period is None))
                ]
                if cands:
                    found.append(min(cands, key=lambda f: (_distance(f, w), f.width)))
                else:
                    missing.append(key)
            if not found:
                continue
            if missing:
                if all(f.sentence == w.sentence for f in found):
                    out.append(Finding(
                        kind="arithmetic", relation="sum", verdict="unverifiable", claims=[w.ref, *(f.ref for f in found)],
                        expected=None, stated=float(w.q.value) if w.q.value is not None else None,
                        explanation=explain.parts_missing(w.label, [f.label for f in found], missing),
                        stated_interval=w.iv.as_tuple(), evidence=_evidence(w, *found)))
                continue
            exp = total([f.iv for f in found])
            verdict, miss = _verdict(exp, w.iv)
            out.append(Finding(
                kind="arithmetic", relation="sum", verdict=verdict, claims=[w.ref, *(f.ref for f in found)],
                expected=_mid(exp), stated=float(w.q.value) if w.q.value is not None else None,
                explanation=explain.parts_sum(verdict, w.label, [f.label for f in found], exp, w.iv, miss, _unit(w)),
                expected_interval=exp.as_tuple(), stated_interval=w.iv.as_tuple(), miss=miss,
                evidence=_evidence(w, *found),
                arithmetic=" + ".join(fmt_number(_point(f)) for f in found) + f" = {fmt_number(sum(_point(f) for f in found))}"))
    return out


# -- revisions: 100万台 上调5万台 至105万台 ------------------------------------------------------

def _sentence_of(art: Article, pos: int) -> tuple[int, int]:
    stops = "。！？!?\n；;"
    s = max((art.text.rfind(c, 0, pos) for c in stops), default=-1) + 1
    ends = [i for i in (art.text.find(c, pos) for c in stops) if i >= 0]
    e = min(ends) + 1 if ends else len(art.text)
    return s, e


def check_revisions(art: Article, fs: list[Fact], lex: Lexicon) -> tuple[list[Finding], list[tuple[Iv, Iv, set]]]:
    """Old figure, change and new figure in one sentence; also returns (old, new, keys) so that the
    old and the new figure are not reported as one figure stated twice."""
    rv = rules()["revision"]
    by_q = {f.qi: f for f in fs}
    qs = sorted(((i, q) for i, q in enumerate(art.quantities) if q.value is not None), key=lambda t: t[1].start)
    out, revised = [], []
    for k in range(len(qs) - 2):
        (xi, x), (di, d), (yi, y) = qs[k], qs[k + 1], qs[k + 2]
        gap1, gap2 = art.text[x.end:d.start], art.text[d.end:y.start]
        if len(gap1) > 30 or len(gap2) > 3 or any(c in gap1 + gap2 for c in "。！？!?\n") or _PUNCT.search(gap2):
            continue
        head = gap1[-4:]
        down = any(w in head for w in rv["down"])
        up = any(w in head for w in rv["up"])
        if not (up or down) or not any(w in gap2 for w in rv["to"]):
            continue
        points = d.unit == "个百分点" and x.unit == y.unit == "%"
        if not points and not (unit_group(x.unit) == unit_group(d.unit) == unit_group(y.unit)):
            continue
        fx, fy = by_q.get(xi), by_q.get(yi)
        if fx and fy and not _same_quantity_kind(fx, fy, lex):
            continue
        ivs = [figure_interval(q, art.text) for q in (x, d, y)]
        if any(iv is None for iv in ivs):
            continue
        ix, idl, iy = ivs
        exp = ix - idl if down else ix + idl
        verdict, miss = _verdict(exp, iy)
        sent = _sentence_of(art, x.start)
        refs = [_ref(art, i, q) for i, q in ((xi, x), (di, d), (yi, y))]
        sign = "-" if down else "+"
        out.append(Finding(
            kind="arithmetic", relation="sum", verdict=verdict, claims=refs,
            expected=_mid(exp), stated=float(y.value),
            explanation=explain.revision(verdict, x.text, d.text, y.text, down, exp, iy, miss, y.unit or ""),
            expected_interval=exp.as_tuple(), stated_interval=iy.as_tuple(), miss=miss,
            evidence=[{"article": art.id, "start": sent[0], "end": sent[1], "text": art.text[sent[0]:sent[1]]}],
            arithmetic=f"{fmt_number(float(x.value))} {sign} {fmt_number(float(d.value))} = "
                       f"{fmt_number(float(x.value) - float(d.value) if down else float(x.value) + float(d.value))} (revision)"))
        keys = {f.metric for f in (fx, fy) if f and f.metric}
        revised.append((ix, iy, keys))
    return out, revised


def _same_quantity_kind(x: Fact, y: Fact, lex: Lexicon) -> bool:
    """The old and the new figure of a revision measure one thing, as far as the claims say."""
    if x.metric and y.metric and not lex.same_measure(x.metric, y.metric):
        return False
    if x.comparison != y.comparison or (x.modality and y.modality and x.modality != y.modality):
        return False
    if x.period is not None and y.period is not None and not same_period(x.period, y.period):
        return False
    return x.subject is None or y.subject is None or x.subject == y.subject


def _ref(art: Article, i: int, q: Quantity) -> FigureRef:
    return FigureRef(art.id, i, q.text, q.start, q.end)


# -- the same figure stated twice --------------------------------------------------------------

def _group_key(f: Fact):
    sign = "down" if f.direction == "down" else "up" if f.is_rate and f.comparison else None
    return (f.subject, f.period, f.comparison, f.modality, sign, f.is_rate and f.unit)


def check_same_figure(fs: list[Fact], lex: Lexicon, revised: list[tuple[Iv, Iv, set]] = ()) -> list[Finding]:
    """Pairs of one measure stated twice. Claims are coarse (a list of sub-sectors shares one
    metric), so a disagreement is reported only when the pair looks like a restatement: not in
    one sentence, not one of a list, at most two values for the measure in the article, within
    ``max_ratio`` of each other, and written differently (exact vs rounded or hedged) unless one
    value is itself repeated in the article."""
    groups: dict = defaultdict(list)
    for f in fs:
        if f.period is None or f.metric is None or f.comparison in ("rank",):
            continue
        groups[_group_key(f)].append(f)
    out = []
    for members in groups.values():
        live = [f for f in members if not any(f.iv.meets(old) and not f.iv.meets(new) for old, new, _ in revised)]
        values = _distinct(members)
        for a, b in combinations(values, 2):
            if not lex.same_measure(a.metric, b.metric) or not units_compatible(a, b) or not _same_subject(a, b):
                continue
            # two figures of one sentence are two measures (a list, a part: 其中……), never a restatement
            if a.sentence is not None and a.sentence == b.sentence:
                continue
            if _superseded(a, b, revised):
                continue
            if not _one_figure(a, b, live, lex):
                continue
            verdict, miss = _verdict(a.iv, b.iv)
            if verdict == "inconsistent" and not _restatement_shape(a, b, live, lex):
                continue
            out.append(_same_finding("arithmetic", verdict, a, b, miss))
    return out


def _shape(f: Fact) -> tuple:
    return (f.q.qualifier or "eq", round(f.width, 9))


def _same_values(a: Fact, members: list[Fact], lex: Lexicon) -> list[Fact]:
    return [f for f in members if lex.same_measure(f.metric, a.metric) and units_compatible(f, a)]


def _one_figure(a: Fact, b: Fact, members: list[Fact], lex: Lexicon) -> bool:
    """Could these be one figure at all (whatever their values)?"""
    return not (a.listed or b.listed or far_apart(a, b))


def _restatement_shape(a: Fact, b: Fact, members: list[Fact], lex: Lexicon) -> bool:
    """Two values that disagree are one figure misstated only when they look like a restatement."""
    if a.changed_to or b.changed_to:
        return False  # 下调至3.3% after 下调至3.4%: two versions of the measure
    if a.metric == b.metric and a.metric_text and b.metric_text and not (
            a.metric_text in b.metric_text or b.metric_text in a.metric_text):
        return False  # one key, two wordings (财政赤字 / 专项债券): maybe sub-measures
    if _ratio(a, b) > float(rules()["restatement_max_ratio"]):
        return False
    same = _same_values(a, members, lex)
    if len({(f.q.value, f.q.qualifier, f.iv) for f in same}) > 2:
        return False  # three values or more: a list of sub-measures sharing one metric
    if _shape(a) != _shape(b):
        return True  # exact against rounded or hedged: the shape of a restatement

    # written alike: a restatement only when one of the two values is repeated verbatim elsewhere
    def repeated(x: Fact) -> bool:
        return len({f.sentence for f in same if f.q.value == x.q.value and _shape(f) == _shape(x)}) >= 2

    return repeated(a) or repeated(b)


def _superseded(a: Fact, b: Fact, revised) -> bool:
    for old, new, keys in revised:
        if keys and not ({a.metric, b.metric} & keys):
            continue
        if (a.iv.meets(old) and b.iv.meets(new)) or (a.iv.meets(new) and b.iv.meets(old)):
            return True
    return False


def _same_finding(kind: str, verdict: str, a: Fact, b: Fact, miss: float | None, note: str = "") -> Finding:
    unit = _unit(a) if a.is_rate else (_unit(a) or _unit(b))
    return Finding(
        kind=kind, relation="same_figure", verdict=verdict, claims=[a.ref, b.ref],
        expected=_signed_value(a), stated=_signed_value(b),
        explanation=explain.same_figure(verdict, a.label, b.label, a.signed_iv, b.signed_iv, miss, unit,
                                        across=kind == "cross_source", note=note),
        expected_interval=a.signed_iv.as_tuple(), stated_interval=b.signed_iv.as_tuple(), miss=miss,
        evidence=_evidence(a, b),
        arithmetic=f"{fmt_interval(a.signed_iv)} vs {fmt_interval(b.signed_iv)}")


def check_within(art: Article, lex: Lexicon, fs: list[Fact] | None = None) -> list[Finding]:
    """``fs``: the article's ``facts`` when the caller has them already."""
    if fs is None:
        fs = facts(art)
    revisions, revised = check_revisions(art, fs, lex)
    return [
        *check_growth(fs, lex, revised),
        *revisions,
        *check_parts(fs, lex),
        *check_average(fs, lex),
        *check_same_figure(fs, lex, revised),
    ]
