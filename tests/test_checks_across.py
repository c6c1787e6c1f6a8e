"""The same measure across sources: agreement, conflict, unknown periods, related metrics."""
import pytest
from checks_records import build, fig

from zhclaims.checks import Lexicon, check, check_across

LEX = Lexicon(related=lambda a, b: {a, b} <= {"in_house_cost_share", "in_house_parts_share"},
              same={frozenset(("sales", "deliveries"))})


def art(id, text, *figs):
    return build(text, list(figs), id=id)


def overseas(id, text, surface, value, qualifier="eq", period="2025", **kw):
    return art(id, text, fig(surface, value, "家", qualifier=qualifier, subject="零跑汽车", metric="overseas_outlets",
                             period=period, **kw))


def story(id, outlets, value, period="2025", outlets_period="2025"):
    """Two figures: 35个 countries (the same in every story) and the outlets."""
    text = f"零跑国际进入35个国家，覆盖{outlets}海外网点。"
    return art(id, text, fig("35个", 35, "个", metric="countries", period=period),
               fig(outlets, value, "家", metric="overseas_outlets", period=outlets_period))


def test_agreement_over_a_hedge_and_unknown_period():
    a = overseas("a", "零跑全球网点中，海外超800家。", "800家", 800, "gt", period=None)
    b = overseas("b", "零跑国际覆盖800家海外网点。", "800家", 800)
    [f] = check_across([a, b], LEX)
    assert (f.kind, f.relation, f.verdict) == ("cross_source", "same_figure", "consistent")
    assert {c.article for c in f.claims} == {"a", "b"}
    assert {e["article"] for e in f.evidence} == {"a", "b"}


def test_conflict_when_periods_are_the_same():
    out = check_across([story("a", "800家", 800), story("b", "950家", 950)], LEX)
    assert sorted((f.verdict, f.claims[0].text) for f in out) == [("consistent", "35个"), ("inconsistent", "800家")]
    f = next(f for f in out if f.verdict == "inconsistent")
    assert f.miss == pytest.approx(149)


def test_no_conflict_between_sources_that_agree_on_nothing_else():
    a = overseas("a", "零跑国际覆盖800家海外网点。", "800家", 800)
    b = overseas("b", "零跑国际覆盖950家海外网点。", "950家", 950)
    assert check_across([a, b], LEX) == []


def test_unknown_period_is_taken_as_of_publication():
    a, b = story("a", "800家", 800, outlets_period=None), story("b", "950家", 950)
    [f] = [f for f in check_across([a, b], LEX) if f.verdict == "inconsistent"]
    assert "not stated" in f.explanation


def test_unknown_period_far_apart_in_time_is_not_compared():
    a, b = story("a", "800家", 800, outlets_period=None), story("b", "950家", 950)
    c = story("c", "800家", 800)
    a.published = "2026-01-20T00:00:00"
    assert [f.claims[0].text for f in check_across([a, b], LEX)] == ["35个"]
    assert [f.claims[0].text for f in check_across([a, c], LEX)] == ["35个"]
    a.published = "2026-01-31T08:00:00"
    assert sorted(f.verdict for f in check_across([a, b], LEX)) == ["consistent", "inconsistent"]


def test_unknown_period_in_an_article_giving_several_values_is_not_a_conflict():
    a = art("a", "零跑自研自制比例达到了65%，带来约10%的成本优势。",
            fig("65%", 65, "%", metric="in_house_share", comparison="share"),
            fig("10%", 10, "%", qualifier="approx", metric="in_house_share", comparison="share"))
    b = art("b", "整车成本自研自造占比65%。", fig("65%", 65, "%", metric="in_house_share", comparison="share"))
    out = sorted((f.verdict, [c.text for c in f.claims]) for f in check_across([a, b], LEX))
    assert out == [("consistent", ["65%", "65%"])]


def test_a_conflict_needs_one_value_per_source_of_one_magnitude_not_in_a_list():
    a = art("a", "3月和4月增速分别反弹至8.9%和10.5%。",
            fig("8.9%", 8.9, "%", metric="value_added", period="2026-04", comparison="yoy"))
    b = art("b", "4月增速反弹至10.5%。", fig("10.5%", 10.5, "%", metric="value_added", period="2026-04", comparison="yoy"))
    assert check_across([a, b], LEX) == []
    c = art("c", "人均GDP达1万美元。", fig("1万美元", 1e4, "美元", metric="gdp", period="2025", currency="USD"))
    d = art("d", "GDP达14.4万亿美元。", fig("14.4万亿美元", 1.44e13, "美元", metric="gdp", period="2025", currency="USD"))
    assert check_across([c, d], LEX) == []


def test_never_across_different_periods_or_target_and_actual():
    a = overseas("a", "零跑国际覆盖800家海外网点。", "800家", 800, period="2025")
    b = overseas("b", "零跑国际覆盖950家海外网点。", "950家", 950, period="2026")
    c = overseas("c", "零跑计划海外网点达到1500家。", "1500家", 1500, modality="target")
    assert check_across([a, b, c], LEX) == []


def test_same_measure_under_two_keys_and_units():
    a = art("a", "2025年零跑交付59.66万辆。", fig("59.66万辆", 596600, "辆", metric="deliveries", period="2025"))
    b = art("b", "2025年零跑销量近60万台。", fig("60万台", 6e5, "台", qualifier="approx", period="2025"))
    [f] = check_across([a, b], LEX)
    assert f.verdict == "consistent"


def test_related_metrics_with_the_same_value_are_related_not_a_conflict():
    a = art("a", "整车成本自研自造占比65%。", fig("65%", 65, "%", metric="in_house_cost_share", comparison="share"))
    b = art("b", "核心零部件自研自制比例达到了65%。", fig("65%", 65, "%", metric="in_house_parts_share", comparison="share"))
    [f] = check_across([a, b], LEX)
    assert (f.relation, f.verdict) == ("related", "unverifiable")
    c = art("c", "核心零部件自研自制比例达到了70%。", fig("70%", 70, "%", metric="in_house_parts_share", comparison="share"))
    assert check_across([a, c], LEX) == []


def test_check_runs_within_and_across_and_takes_dicts():
    a = overseas("a", "零跑国际覆盖800家海外网点。", "800家", 800)
    b = overseas("b", "零跑国际覆盖800家海外网点。", "800家", 800)
    out = check([a.to_dict(), b], LEX)
    assert [(f.kind, f.verdict) for f in out] == [("cross_source", "consistent")]
    assert check([a.to_dict(), b], LEX, across=False) == []
