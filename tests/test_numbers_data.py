"""The numbers stage's data files load, are well formed, and the loader rejects broken ones."""
import pytest
import regex

from zhclaims.data import list_data_files, load_yaml
from zhclaims.errors import DataFileError
from zhclaims.numbers import tables as tables_mod
from zhclaims.numbers.tables import QUALIFIERS, tables


def test_every_data_file_loads():
    names = list_data_files("numbers")
    assert {"units.yaml", "hedges.yaml", "exclusions.yaml"} <= set(names)
    for name in names:
        assert load_yaml("numbers", name), name


def test_units_are_consistent():
    t = tables()
    kinds = {u.kind for u in t.units.values()}
    assert kinds == {"currency", "percent", "multiple", "measure", "classifier", "noun"}
    for u in t.units.values():
        assert u.written and u.canonical
        assert (u.iso is not None) == (u.kind == "currency"), u
        if u.iso:
            assert regex.fullmatch(r"[A-Z]{3}", u.iso)
    assert t.units["元"].iso == "CNY" and t.units["美元"].iso == "USD" and t.units["港元"].iso == "HKD"
    assert t.units["百分点"].canonical == "个百分点"
    # a unit must not read as a time word (times own 年/月/日/小时 ...); 点 is both, by design:
    # index points (2880.3点) unless it reads as a clock time (5点)
    assert set(t.units) & set(t.not_after) == {"点"}


def test_hedges_and_exclusions_are_well_formed():
    t = tables()
    assert set(t.hedge_before.values()) <= QUALIFIERS
    assert set(t.hedge_after.values()) <= QUALIFIERS
    assert t.hedge_after["以上"] == "ge" and t.hedge_before["超过"] == "gt" and t.hedge_before["近"] == "below"
    for p in t.patterns:
        assert p.search("") is None  # no pattern matches empty text
    assert t.phrases.search("他九死一生") is not None


def test_lookup_helpers_take_the_longest_word():
    t = tables()
    assert t.ending_at("hedge_before", "不超过", 3, 0) == "不超过"
    assert t.starting_at("hedge_after", "及以上的", 0, 4) == "及以上"
    assert t.unit_at("个百分点", 0).written == "个百分点"


def test_broken_data_file_is_a_named_error(monkeypatch):
    def fake(package, name):
        return {"currency": {"元": "yuan"}} if name == "units.yaml" else load_yaml(package, name)

    monkeypatch.setattr(tables_mod, "load_yaml", fake)
    with pytest.raises(DataFileError) as err:
        tables_mod._load()
    assert err.value.code == "E201"
