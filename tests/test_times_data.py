"""Times: every data file loads the way the code loads it, and its tables hold what the code expects."""
import datetime as dt

import pytest

from zhclaims.data import list_data_files, load_tsv, load_yaml
from zhclaims.times.patterns import scanner
from zhclaims.times.resolve import holiday_interval

GRAINS = {"year", "half", "quarter", "month", "week", "day", "hour", "minute", "second"}


def test_every_file_loads():
    names = list_data_files("times")
    assert set(names) >= {"words.yaml", "holidays.yaml"}
    for name in names:
        if name.endswith(".tsv"):
            assert load_tsv("times", name), name
        else:
            assert isinstance(load_yaml("times", name), dict), name


def test_words_tables():
    w = load_yaml("times", "words.yaml")
    assert all(isinstance(v, int) for k in ("days", "context_days", "years", "months", "quarters", "week_prefixes") for v in w[k].values())
    for name, (first, n) in w["year_parts"].items():
        assert 1 <= first <= 12 and 1 <= n <= 12, name
    assert set(w["year_part_grain"]) <= set(w["year_parts"]) | {"Q1", "Q2", "Q3", "Q4"}
    assert set(w["year_parts_after_year"]) <= set(w["year_parts"])
    for name, (d1, d2) in w["month_parts"].items():
        assert 1 <= d1 <= 31 and (d2 is None or d1 <= d2 <= 31), name
    for name, (h1, h2) in w["day_parts"].items():
        assert 0 <= h1 < h2 <= 24, name
    assert set(w["pm_parts"]) <= set(w["day_parts"]) | set(w["day_part_words"])
    for name, (off, part) in w["day_part_words"].items():
        assert part in w["day_parts"], name
    for name, (code, grain, time_unit) in w["units"].items():
        assert code in "YMWDHSQ" and grain in GRAINS and isinstance(time_unit, bool), name
    assert set(w["duration_prefixes"].values()) <= {"past", "next", "plain"}
    assert set(w["duration_suffixes"].values()) <= {"ago", "later", "within", "span", "upto"}
    assert set(w["vague"].values()) <= GRAINS
    assert set(w["resolvable_vague"].values()) <= {"rest_of_year", "context_year", "next_context_year", "prev_context_year"}
    assert all(v.startswith("P") for v in w["sets"].values())
    assert set(w["prefix_mods"].values()) <= {"since", "until", None}
    assert set(w["suffix_mods"].values()) <= {"since", "until", "before", "after", "approx"}


def test_holiday_tables_resolve():
    h = load_yaml("times", "holidays.yaml")
    for table in ("solar", "lunar", "eve", "term", "nth_weekday"):
        for name in h[table]:
            iv = holiday_interval(name, 2021)
            assert iv is not None and iv[0] < iv[1], name
            assert iv[0].year in (2021, 2022) or table == "eve", name
    for name, years in h["official"].items():
        for y, (first, days) in years.items():
            assert isinstance(first, dt.date) and first.year == y and 1 <= days <= 10, (name, y)
    assert set(h["official_alias"].values()) <= set(h["official"])
    assert set(h["needs_context"].values()) <= set(h["solar"]) | set(h["official"])
    assert h["not_before"] and all(isinstance(x, str) and x for x in h["not_before"])


@pytest.mark.parametrize("name,year,start", [("春节", 2023, "2023-01-21"), ("中秋节", 2021, "2021-09-21"),
                                             ("除夕", 2024, "2024-02-09"), ("母亲节", 2021, "2021-05-09"),
                                             ("清明", 2021, "2021-04-04")])
def test_holiday_dates(name, year, start):
    assert holiday_interval(name, year)[0].date().isoformat() == start


def test_scanner_compiles_once():
    assert scanner() is scanner()
