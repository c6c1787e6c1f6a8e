"""What a written figure allows (precision, hedges) and the interval arithmetic the checks use."""
import math

import pytest

from zhclaims.checks.tolerance import Iv, figure_interval, fmt_number, growth, total, written_precision
from zhclaims.data import load_yaml
from zhclaims.model import Quantity


def q(text, value, unit=None, qualifier="eq", precision=None, lower=None, upper=None, start=10):
    return Quantity(text=text, start=start, end=start + len(text), value=value, unit=unit, qualifier=qualifier,
                    precision=precision, lower=lower, upper=upper)


@pytest.mark.parametrize("text,value,expected", [
    ("59.66万辆", 596600, 50),
    ("3.2万台", 32000, 500),
    ("46.9%", 46.9, 0.05),
    ("32059辆", 32059, 0.5),
    ("105万台", 1050000, 5000),
    ("7611.49亿元", 761149000000, 5e5),
    ("8.75万台", 87500, 50),
    ("翻倍", 100, 0.0),
    ("１２３４５辆", 12345, 0.5),  # full-width digits
])
def test_written_precision_from_the_surface(text, value, expected):
    assert math.isclose(written_precision(q(text, value)), expected, rel_tol=1e-9, abs_tol=1e-12)


def test_precision_set_by_the_quantities_stage_wins():
    assert written_precision(q("3.2万台", 32000, precision=123)) == 123


# (surface, value, qualifier, text before the figure, interval)
@pytest.mark.parametrize("surface,value,qual,before,lo,hi", [
    ("59.66万辆", 596600, "eq", "", 596550, 596650),
    ("60万台", 600000, "approx", "以近", 570000 - 5000, 600000),   # 近: below and close (5%), never above
    ("76%", 76, "approx", "实现约", 76 - 0.5 - 2.28, 76 + 0.5 + 2.28),  # 约: 3% band plus precision
    ("1800家", 1800, "gt", "突破", 1800, 1800 + 0.5 + 180),        # 超/突破: above and close (10%)
    ("10万辆", 100000, "ge", "", 100000, 100000 + 5000 + 10000),
    ("500人", 500, "lt", "不足", 500 - 0.5 - 50, 500),
    ("46.9%", 46.9, "eq", "下滑了", 46.85, 46.95),
])
def test_figure_interval_table(surface, value, qual, before, lo, hi):
    text = "x" * 10 + surface
    fq = q(surface, value, qualifier=qual)
    if before:
        text = "x" * (10 - len(before)) + before + surface
    iv = figure_interval(fq, text)
    assert math.isclose(iv.lo, lo, rel_tol=1e-6) and math.isclose(iv.hi, hi, rel_tol=1e-6), (iv, lo, hi)


def test_doubling_words_are_loose():
    iv = figure_interval(q("翻倍", 100, "%"))
    assert iv.lo == pytest.approx(95) and iv.hi == pytest.approx(105)
    assert figure_interval(q("翻倍", 100, "%", precision=0)).lo == 100  # the stage's precision wins


def test_range_and_missing_value():
    iv = figure_interval(q("6万元至30万元", None, "元", "range", lower=60000, upper=300000))
    assert iv.lo < 60000 and iv.hi > 300000
    assert figure_interval(q("若干", None)) is None


def test_interval_arithmetic():
    a, b = Iv(1, 2), Iv(10, 20)
    assert a + b == Iv(11, 22)
    assert b - a == Iv(8, 19)
    assert (b / a) == Iv(5, 20)
    assert Iv(1, 2) / Iv(-1, 1) is None  # divisor holds zero
    assert Iv(1, 2).meets(Iv(2, 3)) and not Iv(1, 2).meets(Iv(2.1, 3))
    assert Iv(1, 2).gap(Iv(5, 6)) == 3 and Iv(5, 6).gap(Iv(1, 2)) == 3
    assert total([Iv(1000, 1100), Iv(800, 880)]) == Iv(1800, 1980)
    assert Iv(0.1, 0.1) + Iv(0.2, 0.2) == Iv(0.1 + 0.2, 0.1 + 0.2)
    assert Iv(0.30000000000000004, 0.4).meets(Iv(0.1, 0.3))


def test_growth_of_the_seed_figures():
    g = growth(figure_interval(q("60423辆", 60423)), figure_interval(q("32059辆", 32059)))
    assert g.lo < -46.942 < g.hi and g.hi - g.lo < 0.01
    stated = -figure_interval(q("46.9%", 46.9))
    assert g.meets(stated)
    assert not g.meets(-figure_interval(q("40.9%", 40.9)))


def test_format_numbers():
    assert fmt_number(596600) == "59.66万"
    assert fmt_number(32059) == "32059"
    assert fmt_number(761149000000) == "7611.49亿"
    assert fmt_number(-46.94444) == "-46.9444"


def test_data_files_load():
    tol = load_yaml("checks", "tolerance.yaml")
    assert set(tol["qualifiers"]) >= {"approx", "gt", "ge", "lt", "le"}
    assert 0 <= tol["words"]["below"] < 1 and 0 <= tol["words"]["above"] < 1
    for band in [*tol["qualifiers"].values(), tol["near"]["band"]]:
        assert 0 <= band["below"] < 1 and 0 <= band["above"] < 1
    rel = load_yaml("checks", "relations.yaml")
    for k in ("revision", "direction", "base_markers", "unit_groups", "rate_units", "growth_comparisons",
              "average_comparisons", "same_measure", "list_markers", "max_ratio", "growth_max_ratio",
              "restatement_max_ratio", "span_words", "span_window", "parts_window", "changed_to"):
        assert k in rel
    assert all(len(p) == 2 for p in rel["same_measure"])
