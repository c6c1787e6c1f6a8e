"""Records built by hand for the output tests: they do not depend on the extraction stages.

Offsets are found in the text, so ``text[start:end] == surface`` holds as in real records.
"""
from __future__ import annotations

from conftest import SEED_002

from zhclaims.model import (Article, Claim, Entity, FigureRef, Finding, Interval, Quantity, Ref, Span,
                            Time)

HOSTILE_TEXT = (
    "<script>document.title='PWNED';document.documentElement.setAttribute('data-pwned','script')</script>\n"
    "某公司2025年销量<b>达到</b>12万辆，同比增长20%。"
    "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"
    "\"quotes\" & 'apostrophes' </mark></pre></textarea>\n"
)
HOSTILE_TITLE = "<img src=x onerror=\"document.title='PWNED'\"> 标题 & <script>alert(1)</script>"


def _at(text: str, surface: str, after: int = 0) -> tuple[int, int]:
    i = text.index(surface, after)
    return i, i + len(surface)


def _sentence(text: str, pos: int) -> Span:
    stops = "。！？\n"
    s = max(text.rfind(ch, 0, pos) for ch in stops) + 1
    ends = [e for e in (text.find(ch, pos) for ch in stops) if e >= 0]
    return Span(s, (min(ends) + 1) if ends else len(text))


def seed_record() -> Article:
    text = SEED_002.read_text(encoding="utf-8")
    a = Article(id="002_e6f051ebe136f740", text=text, body=[Span(0, len(text))], origin=str(SEED_002))
    a.published, a.published_from = "2026-02-10T00:00:00", "option"

    def q(surface, value, unit, after=0, qualifier="eq"):
        s, e = _at(text, surface, after)
        a.quantities.append(Quantity(surface, s, e, value, unit=unit, qualifier=qualifier))
        return len(a.quantities) - 1

    def t(surface, start, end, grain, after=0):
        s, e = _at(text, surface, after)
        a.times.append(Time(surface, s, e, "date", grain, Interval(start, end)))
        return len(a.times) - 1

    y2025 = t("2025年", "2025-01-01T00:00:00", "2026-01-01T00:00:00", "year", text.index("全年交付") - 20)
    jan = t("2026年1月", "2026-01-01T00:00:00", "2026-02-01T00:00:00", "month")
    dec = t("2025年12月", "2025-12-01T00:00:00", "2026-01-01T00:00:00", "month")
    s, e = _at(text, "零跑汽车")
    a.entities.append(Entity("零跑汽车", s, e, "ORG", "零跑汽车"))
    s, e = _at(text, "朱江明")
    a.entities.append(Entity("朱江明", s, e, "PERSON", "朱江明"))

    def claim(qi, metric, period, comparison=None, direction=None, modality="actual"):
        qq = a.quantities[qi]
        sub_s = text.rfind("零跑", 0, qq.start)
        a.claims.append(Claim(
            quantity=qi, subject=Ref("零跑汽车", "零跑", sub_s, sub_s + 2) if sub_s >= 0 else None,
            metric=Ref(metric, None, None, None), period=period, comparison=comparison, direction=direction,
            modality=modality, sentence=_sentence(text, qq.start)))

    q_target = q("100万台", 1_000_000, "台")
    q_raise = q("5万台", 50_000, "台")
    q_new = q("105万台", 1_050_000, "台")
    q_2025 = q("59.66万辆", 596_600, "辆")
    q_jan = q("32059辆", 32059, "辆")
    q_yoy = q("27%", 27, "%", after=a.quantities[q_jan].end)
    q_dec = q("60423辆", 60423, "辆") if "60423辆" in text else None
    claim(q_target, "sales", Interval("2026-01-01T00:00:00", "2027-01-01T00:00:00"), modality="target")
    claim(q_raise, "sales", Interval("2026-01-01T00:00:00", "2027-01-01T00:00:00"), "change", "up", "target")
    claim(q_new, "sales", Interval("2026-01-01T00:00:00", "2027-01-01T00:00:00"), modality="target")
    claim(q_2025, "deliveries", y2025)
    claim(q_jan, "deliveries", jan)
    claim(q_yoy, "deliveries", jan, "yoy", "up")
    if q_dec is not None:
        claim(q_dec, "deliveries", dec)
    return a


def hostile_record() -> Article:
    text = HOSTILE_TEXT
    a = Article(id="hostile<b>\"'&", text=text, title=HOSTILE_TITLE, source="<i>src</i>",
                body=[Span(0, len(text))])
    s, e = _at(text, "12万辆")
    a.quantities.append(Quantity("12万辆", s, e, 120000, unit="辆"))
    s2, e2 = _at(text, "20%")
    a.quantities.append(Quantity("20%", s2, e2, 20, unit="%"))
    ts, te = _at(text, "2025年")
    a.times.append(Time("2025年", ts, te, "date", "year", Interval("2025-01-01T00:00:00", "2026-01-01T00:00:00")))
    ss, se = _at(text, "某公司")
    a.entities.append(Entity("某公司", ss, se, "ORG", "某公司<script>"))
    sent = _sentence(text, s)
    a.claims.append(Claim(0, Ref("某公司<script>", "某公司", ss, se), Ref("sales", "销量", None, None), 0,
                          sentence=sent))
    a.claims.append(Claim(1, Ref("某公司<script>", "某公司", ss, se), Ref("sales", "销量", None, None), 0,
                          comparison="yoy", direction="up", sentence=sent))
    return a


def records() -> list[Article]:
    return [seed_record(), hostile_record()]


def findings(recs: list[Article]) -> list[Finding]:
    seed, hostile = recs[0], recs[1]

    def ref(a: Article, qi: int) -> FigureRef:
        q = a.quantities[qi]
        return FigureRef(a.id, qi, q.text, q.start, q.end)

    def ev(a: Article, qi: int) -> dict:
        c = next(c for c in a.claims if c.quantity == qi)
        return {"article": a.id, "start": c.sentence.start, "end": c.sentence.end,
                "text": a.text[c.sentence.start:c.sentence.end]}

    return [
        Finding("arithmetic", "sum", "consistent", [ref(seed, 0), ref(seed, 1), ref(seed, 2)], 1_050_000, 1_050_000,
                "100万台 raised by 5万台 gives 105万台, as stated.", evidence=[ev(seed, 0)],
                arithmetic="1000000 + 50000 = 1050000"),
        Finding("arithmetic", "growth", "inconsistent", [ref(seed, 3), ref(seed, 2)], 76.0, 80.0,
                "From 59.66万 to 105万 is +76%, not <80%>.", expected_interval=(75.9, 76.1),
                stated_interval=(79.5, 80.5), miss=3.4, evidence=[ev(seed, 3), ev(seed, 2)],
                arithmetic="1050000 / 596600 - 1 = 0.76 <b>"),
        Finding("cross_source", "same_figure", "unverifiable", [ref(seed, 4), ref(hostile, 0)], None, None,
                "Different subjects <script>alert(2)</script>; nothing to compare.",
                evidence=[ev(seed, 4), ev(hostile, 0)]),
    ]
