"""The checks never raise, whatever the claims say (and findings are always well formed)."""
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhclaims.checks import Lexicon, check
from zhclaims.model import Article, Claim, Interval, Quantity, Ref, Span, Time

TEXT = "零跑2025年交付59.66万辆，同比增长超100%，上调5万台至105万台，月均8.75万台，较12月的60423辆下滑46.9%。"
UNITS = st.sampled_from([None, "辆", "台", "%", "个百分点", "元", "家", "倍", "‰"])
NUM = st.one_of(st.none(), st.integers(-10**9, 10**9), st.floats(allow_nan=True, allow_infinity=True))


@st.composite
def quantity(draw):
    s = draw(st.integers(0, len(TEXT) - 1))
    e = draw(st.integers(s, len(TEXT)))
    return Quantity(text=TEXT[s:e], start=s, end=e, value=draw(NUM), lower=draw(NUM), upper=draw(NUM),
                    unit=draw(UNITS), qualifier=draw(st.sampled_from(["eq", "approx", "gt", "ge", "lt", "le", "range", None])),
                    precision=draw(st.one_of(st.none(), st.floats(0, 1e6))))


@st.composite
def claim(draw, nq, nt):
    key = st.sampled_from([None, "sales", "deliveries", "outlets", "domestic_outlets", "overseas_outlets", "x"])
    period = draw(st.one_of(st.none(), st.integers(-2, nt + 2),
                            st.just(Interval("2025-01-01T00:00:00", "2026-01-01T00:00:00")),
                            st.just(Interval("garbage", "2026"))))
    sent = draw(st.one_of(st.none(), st.builds(Span, st.integers(-5, 80), st.integers(-5, 200))))
    subj = draw(st.sampled_from([None, "A", "B"]))
    metric = draw(key)
    return Claim(quantity=draw(st.integers(-1, nq + 1)), subject=Ref(subj, subj, None, None) if subj else None,
                 metric=Ref(metric, metric, None, None) if metric else None, period=period,
                 comparison=draw(st.sampled_from([None, "yoy", "mom", "qoq", "change", "monthly_average", "share", "cumulative"])),
                 direction=draw(st.sampled_from([None, "up", "down"])),
                 modality=draw(st.sampled_from([None, "actual", "target"])), sentence=sent)


@st.composite
def article(draw, id=None):
    qs = draw(st.lists(quantity(), max_size=8))
    times = [Time("2025年", 0, 0, "date", "year", Interval("2025-01-01T00:00:00", "2026-01-01T00:00:00")),
             Time("1月", 0, 0, "date", "month", Interval("2026-01-01T00:00:00", "2026-02-01T00:00:00")),
             Time("x", 0, 0, "date", None, None)]
    cs = draw(st.lists(claim(len(qs), len(times)), max_size=10))
    return Article(id=id or draw(st.text(string.ascii_letters, min_size=1, max_size=3)), text=TEXT, quantities=qs,
                   times=times, claims=cs)


LEX = Lexicon(parts=lambda k: [["domestic_outlets", "overseas_outlets"]] if k == "outlets" else [],
              related=lambda a, b: True, same={frozenset(("sales", "deliveries"))})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article(), min_size=1, max_size=3))
def test_checks_never_raise(arts):
    for i, a in enumerate(arts):
        a.id = f"a{i}"
    for f in check(arts, LEX):
        d = f.to_dict()
        assert d["verdict"] in ("consistent", "inconsistent", "unverifiable")
        assert d["kind"] in ("arithmetic", "cross_source") and d["explanation"]
        for c in d["claims"]:
            art = next(a for a in arts if a.id == c["article"])
            q = art.quantities[c["quantity"]]
            assert (q.start, q.end, q.text) == (c["start"], c["end"], c["text"])
        f.to_json()
