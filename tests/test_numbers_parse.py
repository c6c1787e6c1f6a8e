"""parse_number: the written tables in tests/data/numbers/parse.yaml, and properties."""
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numbers_tables import close, table

from zhclaims.numbers import parse_number
from zhclaims.numbers.parse import to_py

TABLE = table("parse")
CASES = [pytest.param(c, id=f"{family}:{c['s']}") for family, cases in TABLE.items() for c in cases]


@pytest.mark.parametrize("case", CASES)
def test_parse_table(case):
    got = parse_number(case["s"])
    if case["value"] is None and "lower" not in case:
        assert got is None
        return
    assert got is not None, case["s"]
    assert close(to_py(got.value), case["value"])
    for key in ("lower", "upper", "precision"):
        if key in case:
            assert close(to_py(getattr(got, key)), case[key]), (key, getattr(got, key))
    if "unit" in case:
        assert got.unit == case["unit"]
    if "qualifier" in case:
        assert got.qualifier == case["qualifier"]


def test_values_are_exact():
    # Decimal arithmetic: 59.66万 is 596600 exactly, an int, not 596600.0000000001
    assert to_py(parse_number("59.66万").value) == 596600
    assert isinstance(to_py(parse_number("59.66万").value), int)


DIG = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Standard Chinese numeral for 0 <= n < 10**12 (written independently of the parser)."""
    if n == 0:
        return "零"

    def below_10k(x: int) -> str:
        out, zero = "", False
        for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = x // value % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += "零"
                zero = False
            out += DIG[d] + unit
        return out

    parts = []
    for big, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        chunk = n // big % 10**4 if big < 10**8 else n // big
        parts.append((chunk, name))
    out = ""
    pending_zero = False
    for chunk, name in parts:
        if chunk == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or chunk < 1000):
            out += "零"
        out += below_10k(chunk) + name
        pending_zero = False
    return out


@given(st.integers(min_value=0, max_value=10**12 - 1))
@settings(max_examples=300, deadline=None)
def test_chinese_numerals_round_trip(n):
    assert to_py(parse_number(to_chinese(n)).value) == n


@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=4))
@settings(max_examples=200, deadline=None)
def test_arabic_with_separators_round_trip(n, decimals):
    s = f"{n:,}" if decimals == 0 else f"{n:,}.{'7' * decimals}"
    got = parse_number(s)
    assert got is not None
    assert abs(float(got.value) - float(s.replace(",", ""))) <= 1e-6 * max(1, n)


@given(st.text(max_size=60))
@settings(max_examples=400, deadline=None)
def test_parse_never_raises(s):
    got = parse_number(s)
    if got is not None and got.lower is not None and got.upper is not None:
        assert got.lower <= got.upper


@given(st.text(alphabet="零一二两三四五六七八九十百千万亿点多余几数上0123456789.,%成分之倍翻番", max_size=30))
@settings(max_examples=400, deadline=None)
def test_parse_never_raises_on_numeral_soup(s):
    got = parse_number(s)
    if got is not None and got.lower is not None and got.upper is not None:
        assert got.lower <= got.upper


def test_cached_reading_is_a_fresh_number_each_time():
    from zhclaims.numbers import parse_numeral

    a = parse_numeral("59.66万")
    a.value, a.unit, a.qualifier = Decimal(0), "%", "gt"  # callers adjust what they get
    b = parse_numeral("59.66万")
    assert b is not a and b.value == Decimal("596600") and b.unit is None and b.qualifier == "eq"
    assert parse_numeral("不是") is None and parse_numeral("不是") is None
