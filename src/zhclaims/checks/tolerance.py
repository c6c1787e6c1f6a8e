"""What a written figure allows: intervals from precision and hedges, and interval arithmetic.

A figure is never taken as an exact number. ``59.66万辆`` is [596550, 596650] (its last written
digit), ``近60万`` is [570000, 600000] (below and close), ``超1800家`` is [1800, 1980] (above and
close), ``约76%`` is 76 +- 3% +- 0.5. A relation between figures holds when the interval the
arithmetic gives meets the interval of the stated figure; when they do not meet, ``miss`` says by
how much. The bands are data: ``checks/data/tolerance.yaml``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data import load_yaml
from ..model import Quantity

INF = math.inf


@dataclass(frozen=True, slots=True)
class Iv:
    """A closed interval [lo, hi]; lo may be -inf and hi +inf."""

    lo: float
    hi: float

    @classmethod
    def point(cls, v: float) -> "Iv":
        return cls(v, v)

    @property
    def mid(self) -> float:
        if math.isinf(self.lo) or math.isinf(self.hi):
            return self.lo if not math.isinf(self.lo) else self.hi
        return (self.lo + self.hi) / 2

    def __add__(self, o: "Iv") -> "Iv":
        return Iv(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o: "Iv") -> "Iv":
        return Iv(self.lo - o.hi, self.hi - o.lo)

    def __neg__(self) -> "Iv":
        return Iv(-self.hi, -self.lo)

    def scale(self, k: float) -> "Iv":
        a, b = self.lo * k, self.hi * k
        return Iv(min(a, b), max(a, b))

    def __mul__(self, o: "Iv") -> "Iv":
        ps = [_mul(a, b) for a in (self.lo, self.hi) for b in (o.lo, o.hi)]
        return Iv(min(ps), max(ps))

    def __truediv__(self, o: "Iv") -> "Iv | None":
        """None when the divisor's interval holds zero (the quotient is unbounded)."""
        if o.lo <= 0 <= o.hi:
            return None
        return self * Iv(1 / o.hi, 1 / o.lo)

    def meets(self, o: "Iv") -> bool:
        return self.lo <= o.hi + _eps(o.hi) and o.lo <= self.hi + _eps(self.hi)

    def gap(self, o: "Iv") -> float:
        """How far apart two intervals are (0 when they meet)."""
        if self.meets(o):
            return 0.0
        return o.lo - self.hi if self.hi < o.lo else self.lo - o.hi

    def contains(self, v: float) -> bool:
        return self.lo - _eps(v) <= v <= self.hi + _eps(v)

    def as_tuple(self) -> tuple[float, float]:
        return (_clean(self.lo), _clean(self.hi))


def _mul(a: float, b: float) -> float:
    if a == 0 or b == 0:
        return 0.0
    return a * b


def _eps(v: float) -> float:
    # float noise only: 0.1 + 0.2 must meet 0.3
    return 1e-9 * max(1.0, abs(v)) if not math.isinf(v) else 0.0


def _clean(v: float) -> float:
    if math.isinf(v):
        return v
    return float(f"{v:.10g}")


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_yaml("checks", "tolerance.yaml")


_NUM = regex.compile(r"[0-9]++(?:\.[0-9]++)?")
_ZH_DIGITS = regex.compile(r"[零〇一二两三四五六七八九十百千万亿点]++")


def written_precision(q: Quantity) -> float:
    """Half the place value of the last written digit, times the multiplier.

    Taken from ``Quantity.precision`` when the quantities stage set it; otherwise worked out from
    the surface (the last run of Arabic digits and the value it stands for). Words with no digits
    (翻倍, 一半) are exact: 0.
    """
    if q.precision is not None:
        return abs(float(q.precision))
    if q.value is None and q.lower is None:
        return 0.0
    nums = _NUM.findall(q.text.translate(_FULLWIDTH))
    if not nums:
        return 0.0
    last = nums[-1]
    decimals = len(last.split(".")[1]) if "." in last else 0
    written = float(last)
    ref = q.value if q.value is not None else (q.upper if q.upper is not None else q.lower)
    if written == 0 or ref is None:
        return 0.5 * 10 ** -decimals
    mult = abs(float(ref)) / written
    if mult <= 0:
        mult = 1.0
    # the multiplier is a power of ten (万, 亿, 千 ...); the rest is rounding of the value
    mult = 10 ** round(math.log10(mult)) if mult >= 0.9 else 1.0
    return 0.5 * 10 ** -decimals * mult


_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def hedge_band(q: Quantity, text: str | None = None) -> tuple[float, float]:
    """(below, above) as fractions of the value, from the qualifier (and 近 before the figure)."""
    rules = _rules()
    qual = q.qualifier or "eq"
    if qual == "approx" and text is not None:
        near = rules["near"]
        before = text[max(0, q.start - int(near["window"])):q.start] + q.text
        if any(w in before for w in near["words"]):
            b = near["band"]
            return float(b["below"]), float(b["above"])
    band = rules["qualifiers"].get(qual)
    if band is None:
        return 0.0, 0.0
    return float(band["below"]), float(band["above"])


# A figure rounded to its last digit lies in a half-open interval ("3" is [2.5, 3.5)), so "2" and
# "3" must not meet at 2.5: the precision band is taken a hair narrower than half a unit.
HALF_OPEN = 1 - 1e-6


def figure_interval(q: Quantity, text: str | None = None) -> Iv | None:
    """The values a written figure allows, or None when it has no number."""
    p = written_precision(q) * HALF_OPEN
    if q.value is None:
        if q.lower is None and q.upper is None:
            return None
        lo = float(q.lower) - p if q.lower is not None else -INF
        hi = float(q.upper) + p if q.upper is not None else INF
        return Iv(lo, hi)
    v = float(q.value)
    below, above = hedge_band(q, text)
    if q.precision is None and not _NUM.search(q.text.translate(_FULLWIDTH)):
        w = _rules()["words"]  # 翻倍: a word, not a measured figure
        below, above = max(below, float(w["below"])), max(above, float(w["above"]))
    m = abs(v)
    qual = q.qualifier or "eq"
    if qual in ("gt", "ge") or (below == 0 and above > 0):
        lo = v
    else:
        lo = v - p - below * m
    if qual in ("lt", "le") or (above == 0 and below > 0):
        hi = v
    else:
        hi = v + p + above * m
    return Iv(lo, hi)


def signed(iv: Iv, direction: str | None) -> Iv:
    """A stated change as a signed interval: 下滑46.9% is [-46.95, -46.85]."""
    return -iv if direction == "down" else iv


def growth(base: Iv, current: Iv) -> Iv | None:
    """(current - base) / base, in percent; None when the base may be zero."""
    q = (current - base) / base
    return None if q is None else q.scale(100.0)


def total(parts: list[Iv]) -> Iv:
    out = Iv(0.0, 0.0)
    for p in parts:
        out = out + p
    return out


def fmt_number(v: float | None) -> str:
    """A number as a journalist writes it: 596600 -> 59.66万, 32059 -> 32059, -46.9444 -> -46.9444."""
    if v is None:
        return "?"
    if math.isinf(v):
        return "∞" if v > 0 else "-∞"
    v = float(f"{v:.6g}")  # float noise and the half-open hair off
    a = abs(v)
    for unit, size in (("亿", 1e8), ("万", 1e4)):
        x = v / size
        if a >= size and abs(x * 100 - round(x * 100)) < 1e-6:
            return f"{_trim(x)}{unit}"
    return _trim(float(f"{v:.6g}"))


def _trim(x: float) -> str:
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def fmt_interval(iv: Iv | None, unit: str = "") -> str:
    if iv is None:
        return "?"
    if iv.lo == iv.hi:
        return f"{fmt_number(iv.lo)}{unit}"
    return f"[{fmt_number(iv.lo)}{unit}, {fmt_number(iv.hi)}{unit}]"
