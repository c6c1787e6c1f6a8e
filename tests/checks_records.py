"""Hand-built article records for the checks' tests: text plus figures with their claims.

``build(text, [fig(...), ...])`` finds each figure's surface in the text (the n-th occurrence),
fills in the quantity, a time for its period (``"2026"``, ``"2026-01"``, ``"2026-Q1"``) and a claim.
"""
from __future__ import annotations

import datetime as dt

from zhclaims.model import Article, Claim, Interval, Quantity, Ref, Span, Time


def fig(text, value, unit=None, *, nth=0, qualifier="eq", precision=None, lower=None, upper=None,
        subject="零跑汽车", metric="sales", period=None, comparison=None, direction=None,
        modality="actual", currency=None, claim=True):
    return dict(text=text, value=value, unit=unit, nth=nth, qualifier=qualifier, precision=precision,
                lower=lower, upper=upper, subject=subject, metric=metric, period=period,
                comparison=comparison, direction=direction, modality=modality, currency=currency, claim=claim)


def period_interval(p: str) -> tuple[str, str, str]:
    """'2026' -> year, '2026-01' -> month, '2026-Q1' -> quarter, '2026-H2' -> half."""
    if "-Q" in p:
        y, k = p.split("-Q")
        s = dt.datetime(int(y), 3 * (int(k) - 1) + 1, 1)
        n, grain = 3, "quarter"
    elif "-H" in p:
        y, k = p.split("-H")
        s = dt.datetime(int(y), 6 * (int(k) - 1) + 1, 1)
        n, grain = 6, "half"
    elif "-" in p:
        y, m = p.split("-")
        s, n, grain = dt.datetime(int(y), int(m), 1), 1, "month"
    else:
        s, n, grain = dt.datetime(int(p), 1, 1), 12, "year"
    m = s.year * 12 + s.month - 1 + n
    e = dt.datetime(m // 12, m % 12 + 1, 1)
    return s.isoformat(), e.isoformat(), grain


def _find(text: str, surface: str, nth: int) -> int:
    i = -1
    for _ in range(nth + 1):
        i = text.find(surface, i + 1)
        if i < 0:
            raise ValueError(f"{surface!r} (occurrence {nth}) not in text")
    return i


def _sentence(text: str, pos: int) -> Span:
    stops = "。！？\n"
    s = max(text.rfind(c, 0, pos) for c in stops) + 1
    ends = [i for i in (text.find(c, pos) for c in stops) if i >= 0]
    return Span(s, min(ends) + 1 if ends else len(text))


def build(text: str, figures: list[dict], id: str = "t") -> Article:
    art = Article(id=id, text=text, body=[Span(0, len(text))], published="2026-02-01T00:00:00")
    periods: dict[str, int] = {}
    for f in sorted(figures, key=lambda f: _find(text, f["text"], f["nth"])):
        start = _find(text, f["text"], f["nth"])
        q = Quantity(text=f["text"], start=start, end=start + len(f["text"]), value=f["value"], lower=f["lower"],
                     upper=f["upper"], unit=f["unit"], currency=f["currency"], qualifier=f["qualifier"],
                     precision=f["precision"])
        art.quantities.append(q)
        if not f["claim"]:
            continue
        period = None
        if f["period"] is not None:
            if f["period"] not in periods:
                s, e, grain = period_interval(f["period"])
                periods[f["period"]] = len(art.times)
                art.times.append(Time(text=f["period"], start=0, end=0, kind="date", grain=grain,
                                      interval=Interval(s, e), anchored=False))
            period = periods[f["period"]]
        art.claims.append(Claim(
            quantity=len(art.quantities) - 1,
            subject=Ref(f["subject"], f["subject"], None, None) if f["subject"] else None,
            metric=Ref(f["metric"], f["metric"], None, None) if f["metric"] else None,
            period=period, comparison=f["comparison"], direction=f["direction"], modality=f["modality"],
            sentence=_sentence(text, start)))
    return art


def with_figure(art: Article, qi: int, new_text: str, new_value) -> Article:
    """A copy of ``art`` whose figure ``qi`` is written ``new_text`` with value ``new_value``
    (offsets of later records shift by the change in length)."""
    import copy

    a = copy.deepcopy(art)
    q = a.quantities[qi]
    delta = len(new_text) - len(q.text)
    a.text = a.text[:q.start] + new_text + a.text[q.end:]
    old_end = q.end
    q.text, q.value, q.end = new_text, new_value, q.end + delta
    q.precision = None
    for other in a.quantities:
        if other is not q and other.start >= old_end:
            other.start += delta
            other.end += delta
    for c in a.claims:
        if c.sentence and c.sentence.end >= old_end:
            if c.sentence.start >= old_end:
                c.sentence.start += delta
            c.sentence.end += delta
    return a
