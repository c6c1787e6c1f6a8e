"""The claims data files load and hold together: metric lexicon and cue words."""
import regex

from zhclaims.claims import lexicon
from zhclaims.claims.cues import COMPARISONS, MODALITIES, cues
from zhclaims.data import list_data_files, load_yaml


def test_every_data_file_loads():
    names = list_data_files("claims")
    assert {"metrics.yaml", "cues.yaml"} <= set(names)
    for name in names:
        assert load_yaml("claims", name) is not None


def test_metric_entries_are_well_formed():
    ms = lexicon.metrics()
    assert len(ms) >= 60
    for key, m in ms.items():
        assert regex.fullmatch(r"[a-z][a-z0-9_]*", key), key
        assert m.words and all(isinstance(w, str) and w.strip() == w and w for w in m.words + m.counted), key
        assert m.domain
        assert m.comparison is None or m.comparison in COMPARISONS, key
    domains = {m.domain for m in ms.values()}
    assert {"auto", "corporate", "macro", "trade", "health", "agriculture"} <= domains


def test_no_wording_names_two_metrics():
    seen = {}
    for key, m in lexicon.metrics().items():
        for w in m.words + m.counted:
            assert seen.setdefault(w, key) == key, f"{w!r} in {seen[w]} and {key}"


def test_unit_kinds_are_known():
    kinds = set(cues().unit_kinds.values())
    for key, m in lexicon.metrics().items():
        assert set(m.unit_kinds) <= kinds, key


def test_parts_and_related():
    assert ["domestic_outlets", "overseas_outlets"] in lexicon.parts("outlets")
    assert lexicon.parts("no_such_metric") == []
    for key in lexicon.metrics():
        for group in lexicon.parts(key):
            assert all(p in lexicon.metrics() for p in group)
            assert all(lexicon.related(key, p) for p in group)
    assert lexicon.related("sales", "deliveries")
    assert lexicon.related("overseas_outlets", "outlets")
    assert lexicon.related("revenue", "revenue")
    assert not lexicon.related("sales", "revenue")
    assert not lexicon.related("gdp", "confirmed_cases")
    assert not lexicon.related("sales", "no_such_metric")


def test_metric_words_are_found_longest_first():
    pat = lexicon.word_pattern()
    assert [lexicon.metric_of(m.group()) for m in pat.finditer("海外网点和网点")] == ["overseas_outlets", "outlets"]
    assert lexicon.metric_of(pat.search("全年出口销量达到").group()) == "exports"
    assert lexicon.metric_of(pat.search("一季度gdp同比增长").group()) == "gdp"


def test_cue_labels_are_valid():
    c = cues()
    assert set(c.comparison_left.labels.values()) <= set(COMPARISONS)
    assert set(c.comparison_right.labels.values()) <= set(COMPARISONS)
    assert set(c.direction.labels.values()) == {"up", "down", "_none"}
    assert c.direction.labels["新增"] == "_none"
    assert set(c.modality_left.labels.values()) <= set(MODALITIES) | {"_none"}
    assert c.modality_left.labels["计划署"] == "_none" and c.modality_left.labels["将达到"] == "plan"
    assert set(c.modality_priority) <= set(MODALITIES)
    assert c.percent_growth_default in COMPARISONS and c.amount_change_default in COMPARISONS
    assert c.comparison_left.labels["同比"] == "yoy" and c.comparison_left.labels["环比"] == "mom"
    assert c.direction.labels["下滑"] == "down" and c.direction.labels["上调"] == "up"
    assert c.modality_left.labels["预计"] == "forecast" and c.modality_left.labels["力争"] == "target"
    assert c.direction_gap.fullmatch("了") and c.direction_gap.fullmatch("超过") and not c.direction_gap.fullmatch("至")


def test_cue_patterns_are_linear_on_large_input():
    import time

    c = cues()
    text = ("同比增长了" * 1000 + "较去年同期" * 1000 + "a1，" * 50000)[:1_000_000]
    t0 = time.perf_counter()
    for lex in (c.comparison_left, c.direction, c.modality_left, c.references, c.scopes):
        sum(1 for _ in lex.finditer(text, 0, len(text)))
    sum(1 for _ in lexicon.word_pattern().finditer(text))
    c.direction_gap.fullmatch("了" * 100000)
    assert time.perf_counter() - t0 < 10
