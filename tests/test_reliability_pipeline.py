"""The pipeline as a whole on any text: it never raises, and every record it makes points into the
text exactly. Traditional script and full-width forms give the same figures, times and claims as
the simplified, half-width text, with offsets into the text as written."""
import opencc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zhclaims
from zhclaims.pipeline import Pipeline
from zhclaims.text.normalize import to_halfwidth

from reliability_inputs import ARTICLE_A, ARTICLE_B, ARTICLE_TRAD, crlf_mixed
from test_reliability_text import TEXTS

PIPE = Pipeline()
NOCLEAN = Pipeline(clean=False)


def check_record(a):
    text = a.text
    n = len(text)
    for b in a.body:
        assert 0 <= b.start < b.end <= n
    for kind in (a.entities, a.times, a.quantities):
        for x in kind:
            assert 0 <= x.start < x.end <= n, x
            assert text[x.start:x.end] == x.text, x
    for q in a.quantities:
        if q.lower is not None and q.upper is not None:
            assert q.lower <= q.upper, q
        if q.value is not None and q.lower is not None and q.upper is not None and q.qualifier == "range":
            assert q.lower <= q.value <= q.upper, q
    for t in a.times:
        if t.interval is not None:
            assert t.interval.start <= t.interval.end, t
    for c in a.claims:
        assert 0 <= c.quantity < len(a.quantities)
        if isinstance(c.period, int):
            assert 0 <= c.period < len(a.times)
        for ref in (c.subject, c.metric):
            if ref is not None and ref.start is not None:
                assert 0 <= ref.start < ref.end <= n and text[ref.start:ref.end] == ref.text, ref
        if c.sentence is not None:
            assert 0 <= c.sentence.start < c.sentence.end <= n
            q = a.quantities[c.quantity]
            assert c.sentence.start <= q.start and q.end <= c.sentence.end
    a.to_json()  # serializable


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from([None, "2026-02-01", "2020-01-18T08:00:00"]), st.booleans())
def test_pipeline_never_raises_and_points_into_the_text(text, published, clean):
    a = zhclaims.analyze(text, published, pipeline=PIPE if clean else NOCLEAN)
    assert a.text == text
    check_record(a)


def _figures(a, offsets=True):
    return [((q.start, q.end) if offsets else None, q.value, q.lower, q.upper, q.currency, q.qualifier)
            for q in a.quantities]


def _times(a, offsets=True):
    return [((t.start, t.end) if offsets else None, t.kind, t.grain, t.interval and t.interval.to_dict())
            for t in a.times]


def _claims(a):
    return [(c.quantity, c.period if isinstance(c.period, int) else None, c.comparison, c.direction, c.modality,
             c.metric and c.metric.key) for c in a.claims]


def test_traditional_hong_kong_figures_end_to_end():
    a = zhclaims.analyze(ARTICLE_TRAD, "2026-02-01")
    check_record(a)
    by_text = {q.text: q for q in a.quantities}
    q = by_text["99萬億元"]
    assert (q.value, q.currency) == (99_000_000_000_000, "CNY")
    q = by_text["112.1萬億港元"]
    assert (q.value, q.currency, q.qualifier) == (112_100_000_000_000, "HKD", "approx")
    assert ARTICLE_TRAD[q.start:q.end] == "112.1萬億港元"
    # the same article in simplified script: the same figures, times and claims at the same offsets
    simp = zhclaims.analyze(opencc.OpenCC("t2s").convert(ARTICLE_TRAD), "2026-02-01")
    assert _figures(a) == _figures(simp) and _times(a) == _times(simp) and _claims(a) == _claims(simp)


def test_traditional_and_fullwidth_match_simplified():
    trad = opencc.OpenCC("s2tw").convert(ARTICLE_A)
    wide = ARTICLE_A.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    assert to_halfwidth(wide) == to_halfwidth(ARTICLE_A) and wide != ARTICLE_A
    base = zhclaims.analyze(ARTICLE_A, "2026-02-01")
    assert len(base.quantities) >= 4 and base.claims
    for variant in (trad, wide, crlf_mixed(ARTICLE_A)):
        got = zhclaims.analyze(variant, "2026-02-01")
        check_record(got)
        same_length = len(variant) == len(ARTICLE_A)  # "\r\n" line ends move the offsets
        assert _figures(got, same_length) == _figures(base, same_length)
        assert _times(got, same_length) == _times(base, same_length)
        assert _claims(got) == _claims(base)


def test_junk_gives_empty_results():
    for junk in ["", " ", "\n\r\n", "。。。。", "\x00" * 10, "ABC" * 100, "\ufeff", "🙂" * 50]:
        a = zhclaims.analyze(junk)
        check_record(a)
        assert not a.claims


def test_seed_articles_hold_the_invariants(seed000, seed002):
    for text in (seed000, seed002, ARTICLE_B):
        check_record(zhclaims.analyze(text))
