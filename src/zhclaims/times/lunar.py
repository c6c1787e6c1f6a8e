"""Lunar months and solar terms of 1900-2100 from a table (``data/lunar.tsv``), so that resolving
a holiday costs a lookup, not lunar-python's astronomy (about 4 ms per lunar year, plus its import).

The table is lunar-python's own output, written by ``python -m zhclaims.times.lunar``; the tests
check it against lunar-python year by year. Each row: the lunar year, the solar day its first
month starts (YYYYMMDD), its months in order (a leap month negative, as lunar-python numbers it)
with their lengths (29 or 30), and the solar days of the 31 solar terms lunar-python lists for
it (``Lunar.JIE_QI_IN_USE``), as days after that first day.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from ..data import load_tsv

TABLE = Path(__file__).parent / "data" / "lunar.tsv"
FIRST_YEAR, LAST_YEAR = 1900, 2100
JIE_QI_IN_USE = ("DA_XUE", "冬至", "小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种",
                 "夏至", "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "DONG_ZHI",
                 "XIAO_HAN", "DA_HAN", "LI_CHUN", "YU_SHUI", "JING_ZHE")


@lru_cache(maxsize=1)
def _rows() -> dict[int, tuple[str, ...]]:
    return {int(r[0]): r for r in load_tsv("times", "lunar.tsv")}


@lru_cache(maxsize=512)
def year(y: int) -> tuple[dict[int, tuple[dt.date, int]], dict[str, tuple[int, int, int]]] | None:
    """({month: (solar day it starts, days)}, {solar term: (year, month, day)}) for lunar year
    ``y``, or None outside the table."""
    row = _rows().get(y) if FIRST_YEAR <= y <= LAST_YEAR else None
    if row is None:
        return None
    _, first, months, terms = row
    day = dt.date(int(first[:4]), int(first[4:6]), int(first[6:]))
    out = {}
    for item in months.split():
        m, n = item.split(":")
        out[int(m)] = (day, int(n))
        day += dt.timedelta(days=int(n))
    start = dt.date(int(first[:4]), int(first[4:6]), int(first[6:]))
    jieqi = {}
    for name, off in zip(JIE_QI_IN_USE, terms.split()):
        d = start + dt.timedelta(days=int(off))
        jieqi[name] = (d.year, d.month, d.day)
    return out, jieqi


def _row(y: int) -> str:
    """The table row of lunar year ``y``, from lunar-python."""
    from lunar_python import Lunar, LunarYear, Solar

    ly = LunarYear(y)
    months = ly.getMonthsInYear()
    first = Solar.fromJulianDay(months[0].getFirstJulianDay())
    start = dt.date(first.getYear(), first.getMonth(), first.getDay())
    assert tuple(Lunar.JIE_QI_IN_USE) == JIE_QI_IN_USE
    terms = []
    for jd in ly.getJieQiJulianDays():
        s = Solar.fromJulianDay(jd)
        terms.append(str((dt.date(s.getYear(), s.getMonth(), s.getDay()) - start).days))
    return "\t".join([str(y), start.strftime("%Y%m%d"), " ".join(f"{m.getMonth()}:{m.getDayCount()}" for m in months),
                      " ".join(terms)])


def write_table(path: Path = TABLE) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("# lunar year\tfirst day\tmonth:days ...\tsolar terms (days after the first day; Lunar.JIE_QI_IN_USE)\n")
        f.write("# written by python -m zhclaims.times.lunar from lunar-python\n")
        for y in range(FIRST_YEAR, LAST_YEAR + 1):
            f.write(_row(y) + "\n")


if __name__ == "__main__":
    write_table()
