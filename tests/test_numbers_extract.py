"""extract_quantities: the written tables in tests/data/numbers/extract.yaml, properties, linearity."""
import time

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from numbers_tables import close, table

from zhclaims.numbers import extract_quantities

TABLE = table("extract")
CASES = [pytest.param(c, id=f"{family}:{c['text'][:16]}") for family, cases in TABLE.items() for c in cases]


@pytest.mark.parametrize("case", CASES)
def test_extract_table(case):
    got = extract_quantities(case["text"])
    assert [q.text for q in got] == [w["q"] for w in case["want"]]
    for q, w in zip(got, case["want"]):
        assert q.text == case["text"][q.start:q.end]
        assert close(q.value, w["value"]), (q.text, q.value)
        assert q.unit == w["unit"], (q.text, q.unit)
        assert q.qualifier == w.get("qualifier", "eq"), (q.text, q.qualifier)
        assert q.currency == w.get("currency"), (q.text, q.currency)
        for key in ("lower", "upper"):
            if key in w:
                assert close(getattr(q, key), w[key]), (q.text, key, getattr(q, key))


def test_precision_from_last_written_digit():
    got = {q.text: q.precision for q in extract_quantities("交付59.66万辆，32059辆，下滑46.9%，目标105万台，翻倍")}
    assert got == {"59.66万辆": 50.0, "32059辆": 0.5, "46.9%": 0.05, "105万台": 5000.0, "翻倍": None}


def test_exclude_spans_are_respected():
    text = "今年销量达到3万辆"
    assert [q.text for q in extract_quantities(text, exclude=[(6, 8)])] == []
    assert [q.text for q in extract_quantities(text, exclude=[(0, 2)])] == ["3万辆"]


def test_view_body_limits_the_search():
    from zhclaims.model import Span
    from zhclaims.text.view import TextView

    text = "正文有5家企业。\n相关推荐：销量12万辆"
    view = TextView(text, [Span(0, 8)])
    assert [q.text for q in extract_quantities(view)] == ["5家"]


def test_junk_input_gives_nothing():
    assert extract_quantities(None) == []
    assert extract_quantities("") == []
    assert extract_quantities("\x00\ufffd" * 50) == []


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_extract_never_raises_and_spans_hold(text):
    for q in extract_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        if q.lower is not None and q.upper is not None:
            assert q.lower <= q.upper


NUMERALISH = "零一二两三四五六七八九十百千万亿点多余几数上约近超以上下左右至到~-、和个家元万亿%成倍年月日第0123456789.,，。 \n"


@given(st.text(alphabet=NUMERALISH, max_size=120))
@settings(max_examples=400, deadline=None)
def test_extract_never_raises_on_numeral_soup(text):
    qs = extract_quantities(text)
    for q in qs:
        assert text[q.start:q.end] == q.text
        if q.lower is not None and q.upper is not None:
            assert q.lower <= q.upper
    assert qs == sorted(qs, key=lambda q: (q.start, q.end))


def _linear_baseline(text: str) -> float:
    """Time of one plain linear regex pass over the text: the yardstick."""
    pat = regex.compile(r"[0-9万亿]+")
    t0 = time.perf_counter()
    for _ in range(3):
        sum(1 for _ in pat.finditer(text))
    return (time.perf_counter() - t0) / 3


@pytest.mark.parametrize("text", [
    "7" * 1_000_000,
    "万亿" * 500_000,
    "增长3.5%，销量12万辆，" * 10_000,
    "1," * 50_000,
    "十" * 200_000,
], ids=["digits", "wanyi", "figures", "commas", "shi"])
def test_extraction_is_linear(text):
    base = _linear_baseline(text)
    t0 = time.perf_counter()
    extract_quantities(text)
    spent = time.perf_counter() - t0
    # generous: Python work per figure is allowed, superlinear blow-up is not
    assert spent < max(base, 1e-3) * 2000, (spent, base)
