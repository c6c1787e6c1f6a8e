"""The lunar table (times/lunar.py, data/lunar.tsv) and the per-year cache in times.resolve give
what lunar-python's Lunar.fromYmd gives."""
import datetime as dt

import pytest
from lunar_python import Lunar

from zhclaims.times import lunar
from zhclaims.times.resolve import _jieqi_table, _lunar_to_solar


def _direct(y, m, d):
    try:
        s = Lunar.fromYmd(y, m, d).getSolar()
    except Exception:  # noqa: BLE001
        return None
    return dt.datetime(s.getYear(), s.getMonth(), s.getDay())


@pytest.mark.parametrize("year", [1899, 1900, 1984, 2017, 2019, 2020, 2023, 2033, 2100, 2101])
def test_lunar_to_solar_matches_lunar_python(year):
    for m in (-6, 0, 1, 4, 6, 12, 13):
        for d in (0, 1, 15, 29, 30, 31):
            assert _lunar_to_solar(year, m, d) == _direct(year, m, d), (year, m, d)


def test_known_days():
    assert _lunar_to_solar(2020, 1, 1) == dt.datetime(2020, 1, 25)  # 春节 2020
    assert _lunar_to_solar(2019, 12, 8) == dt.datetime(2020, 1, 2)  # 腊八 read in 2020
    assert _lunar_to_solar(2020, 1, 30) is None  # lunar 2020-01 has 29 days


@pytest.mark.parametrize("year", [1899, 1900, 1950, 2020, 2021, 2033, 2100, 2101])
def test_jieqi_table_matches_lunar_python(year):
    table = Lunar.fromYmd(year, 6, 1).getJieQiTable()
    assert _jieqi_table(year) == {k: (v.getYear(), v.getMonth(), v.getDay()) for k, v in table.items()}


def test_table_is_lunar_pythons():
    with open(lunar.TABLE, encoding="utf-8") as f:
        rows = [line.rstrip("\n") for line in f if not line.startswith("#")]
    assert [int(r.split("\t")[0]) for r in rows] == list(range(lunar.FIRST_YEAR, lunar.LAST_YEAR + 1))
    for r in rows:
        assert r == lunar._row(int(r.split("\t")[0]))
