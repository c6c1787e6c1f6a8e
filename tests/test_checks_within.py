"""Relations within one article, on small hand-built records: every relation, both verdicts."""
import pytest
from checks_records import build, fig, with_figure

from zhclaims.checks import Lexicon, check_article

PARTS = {"outlets": [["domestic_outlets", "overseas_outlets"]], "sales": [["domestic_sales", "overseas_sales"]]}
LEX = Lexicon(parts=lambda k: PARTS.get(k, []), related=lambda a, b: {a, b} <= {"sales", "deliveries", "exports"},
              same={frozenset(("sales", "deliveries"))})


def run(art):
    return check_article(art, LEX)


def only(findings, relation, texts):
    hits = [f for f in findings if f.relation == relation and [c.text for c in f.claims] == texts]
    assert len(hits) == 1, [(f.relation, f.verdict, [c.text for c in f.claims]) for f in findings]
    return hits[0]


# -- growth -------------------------------------------------------------------------------

MOM = "2026年1月，甲公司交付32059辆新车。1月交付量较2025年12月的60423辆下滑了46.9%。"


def mom(stated="46.9%", value=46.9, direction="down"):
    return build(MOM.replace("46.9%", stated), [
        fig("32059辆", 32059, "辆", subject="甲公司", metric="deliveries", period="2026-01"),
        fig("60423辆", 60423, "辆", subject="甲公司", metric="deliveries", period="2025-12"),
        fig(stated, value, "%", subject="甲公司", metric="deliveries", period="2026-01", comparison="mom",
            direction=direction),
    ])


def test_growth_month_on_month_consistent():
    f = only(run(mom()), "growth", ["60423辆", "32059辆", "46.9%"])
    assert f.verdict == "consistent" and f.kind == "arithmetic"
    assert f.expected == pytest.approx(-46.94, abs=0.01) and f.stated == -46.9
    assert f.arithmetic == "(32059 - 60423) / 60423 = -46.94%"
    assert f.evidence and all(e["text"] in MOM for e in f.evidence)
    assert "60423辆" in f.explanation and "consistent" in f.explanation


def test_growth_month_on_month_inconsistent_says_by_how_much():
    f = only(run(mom("36.9%", 36.9)), "growth", ["60423辆", "32059辆", "36.9%"])
    assert f.verdict == "inconsistent"
    assert f.miss == pytest.approx(46.9403 - 36.95, abs=0.01)
    assert "inconsistent" in f.explanation


def test_growth_direction_matters():
    f = only(run(mom(direction="up")), "growth", ["60423辆", "32059辆", "46.9%"])
    assert f.verdict == "inconsistent"


def test_growth_direction_read_from_the_text_when_the_claim_has_none():
    f = only(run(mom(direction=None)), "growth", ["60423辆", "32059辆", "46.9%"])
    assert f.verdict == "consistent"


YOY = "2024年乙公司研发投入19.2亿元。2025年乙公司研发投入29亿元，同比增长51%。"


def yoy(stated="51%", value=51):
    return build(YOY.replace("51%", stated), [
        fig("19.2亿元", 1.92e9, "元", subject="乙公司", metric="rnd_spending", period="2024"),
        fig("29亿元", 2.9e9, "元", subject="乙公司", metric="rnd_spending", period="2025"),
        fig(stated, value, "%", subject="乙公司", metric="rnd_spending", period="2025", comparison="yoy", direction="up"),
    ])


@pytest.mark.parametrize("stated,value,verdict", [("51%", 51, "consistent"), ("61%", 61, "inconsistent")])
def test_growth_year_on_year(stated, value, verdict):
    f = only(run(yoy(stated, value)), "growth", ["19.2亿元", "29亿元", stated])
    assert f.verdict == verdict


def test_growth_without_its_base_is_unverifiable():
    art = build("2026年1月，甲公司交付32059辆新车，同比增长了27%。", [
        fig("32059辆", 32059, "辆", subject="甲公司", metric="deliveries", period="2026-01"),
        fig("27%", 27, "%", subject="甲公司", metric="deliveries", period="2026-01", comparison="yoy", direction="up"),
    ])
    f = only(run(art), "growth", ["32059辆", "27%"])
    assert f.verdict == "unverifiable" and f.expected is None


TARGET = "2025年丙汽车全年交付量达到59.66万辆。冲击105万台的新目标，意味着丙汽车2026年需要实现约76%的同比增长。"


def target(stated="76%", value=76):
    return build(TARGET.replace("76%", stated), [
        fig("59.66万辆", 596600, "辆", subject="丙汽车", metric="deliveries", period="2025"),
        fig("105万台", 1050000, "台", subject="丙汽车", period="2026", modality="target"),
        fig(stated, value, "%", qualifier="approx", subject="丙汽车", period="2026", comparison="yoy",
            direction="up", modality="target"),
    ])


@pytest.mark.parametrize("stated,value,verdict", [("76%", 76, "consistent"), ("86%", 86, "inconsistent"),
                                                  ("66%", 66, "inconsistent")])
def test_growth_implied_by_a_target(stated, value, verdict):
    f = only(run(target(stated, value)), "growth", ["59.66万辆", "105万台", stated])
    assert f.verdict == verdict
    assert "target" in f.explanation


def test_percentage_points():
    text = "丁公司研发投入占比从2018年的4.44%上升至2022年的5.78%，提高1.34个百分点。"
    figs = [
        fig("4.44%", 4.44, "%", subject="丁公司", metric="rnd_intensity", period="2018", comparison="share"),
        fig("5.78%", 5.78, "%", subject="丁公司", metric="rnd_intensity", period="2022", comparison="share"),
        fig("1.34个百分点", 1.34, "个百分点", subject="丁公司", metric="rnd_intensity", period="2022",
            comparison="change", direction="up"),
    ]
    f = only(run(build(text, figs)), "growth", ["4.44%", "5.78%", "1.34个百分点"])
    assert f.verdict == "consistent"
    bad = build(text.replace("1.34", "2.34"), [{**figs[2], "text": "2.34个百分点", "value": 2.34}, *figs[:2]])
    assert only(run(bad), "growth", ["4.44%", "5.78%", "2.34个百分点"]).verdict == "inconsistent"


# -- sums: parts and revisions ------------------------------------------------------------

OUTLETS = "戊汽车的全球服务网点突破1800家，中国市场超1000家，海外超800家。"


def outlets(whole="1800家", wv=1800, dom="1000家", dv=1000):
    text = OUTLETS.replace("1800家", whole).replace("1000家", dom)
    return build(text, [
        fig(whole, wv, "家", qualifier="gt", subject="戊汽车", metric="outlets", period="2025"),
        fig(dom, dv, "家", qualifier="gt", subject="戊汽车", metric="domestic_outlets", period="2025"),
        fig("800家", 800, "家", qualifier="gt", subject="戊汽车", metric="overseas_outlets", period="2025"),
    ])


@pytest.mark.parametrize("whole,wv,dom,dv,verdict", [
    ("1800家", 1800, "1000家", 1000, "consistent"),
    ("2500家", 2500, "1000家", 1000, "inconsistent"),
    ("1800家", 1800, "1500家", 1500, "inconsistent"),
])
def test_sum_of_parts(whole, wv, dom, dv, verdict):
    f = only(run(outlets(whole, wv, dom, dv)), "sum", [whole, dom, "800家"])
    assert f.verdict == verdict


def test_sum_with_a_part_missing_is_unverifiable():
    art = build("己公司网点1800家，其中国内1000家。", [
        fig("1800家", 1800, "家", subject="己公司", metric="outlets", period="2025"),
        fig("1000家", 1000, "家", subject="己公司", metric="domestic_outlets", period="2025"),
    ])
    f = only(run(art), "sum", ["1800家", "1000家"])
    assert f.verdict == "unverifiable" and "overseas_outlets" in f.explanation


REVISION = "庚汽车将年初定下的100万台年度销量目标，直接上调5万台至105万台。"


@pytest.mark.parametrize("new,nv,verdict", [("105万台", 1.05e6, "consistent"), ("110万台", 1.1e6, "inconsistent")])
def test_revision(new, nv, verdict):
    art = build(REVISION.replace("105万台", new), [
        fig("100万台", 1e6, "台", subject="庚汽车", period="2026", modality="target"),
        fig("5万台", 5e4, "台", subject="庚汽车", period="2026", modality="target", comparison="change", direction="up"),
        fig(new, nv, "台", subject="庚汽车", period="2026", modality="target"),
    ])
    found = run(art)
    f = only(found, "sum", ["100万台", "5万台", new])
    assert f.verdict == verdict and "(revision)" in f.arithmetic
    # the old and the new target are not one figure stated twice
    assert not [x for x in found if x.relation == "same_figure"]


def test_downward_revision():
    art = build("辛公司把营收目标从80亿元下调10亿元至70亿元。", [
        fig("80亿元", 8e9, "元", subject="辛公司", metric="revenue", period="2026", modality="target"),
        fig("10亿元", 1e9, "元", subject="辛公司", metric="revenue", period="2026", modality="target", comparison="change"),
        fig("70亿元", 7e9, "元", subject="辛公司", metric="revenue", period="2026", modality="target"),
    ])
    assert only(run(art), "sum", ["80亿元", "10亿元", "70亿元"]).verdict == "consistent"


# -- averages -----------------------------------------------------------------------------

AVG = "若要完成105万台的年度目标，壬汽车需要实现月均8.75万台的交付量。"


@pytest.mark.parametrize("avg,av,verdict", [("8.75万台", 87500, "consistent"), ("9.75万台", 97500, "inconsistent")])
def test_monthly_average_of_a_year(avg, av, verdict):
    art = build(AVG.replace("8.75万台", avg), [
        fig("105万台", 1.05e6, "台", subject="壬汽车", period="2026", modality="target"),
        fig(avg, av, "台", subject="壬汽车", metric="deliveries", period="2026", comparison="monthly_average",
            modality="target"),
    ])
    f = only(run(art), "average", ["105万台", avg])
    assert f.verdict == verdict
    assert f.arithmetic == "105万 / 12 = 8.75万"


def test_monthly_average_of_a_quarter():
    art = build("一季度癸公司销量30万辆，月均10万辆。", [
        fig("30万辆", 3e5, "辆", subject="癸公司", period="2026-Q1"),
        fig("10万辆", 1e5, "辆", subject="癸公司", period="2026-Q1", comparison="monthly_average"),
    ])
    assert only(run(art), "average", ["30万辆", "10万辆"]).verdict == "consistent"


# -- the same figure stated twice ---------------------------------------------------------

SAME = "2026年1月，子汽车全系交付32059辆新车。开年3.2万台的交付表现给后续月份带来了压力。"


@pytest.mark.parametrize("rounded,rv,verdict", [("3.2万台", 32000, "consistent"), ("4.2万台", 42000, "inconsistent")])
def test_same_figure_exact_and_rounded(rounded, rv, verdict):
    art = build(SAME.replace("3.2万台", rounded), [
        fig("32059辆", 32059, "辆", subject="子汽车", metric="deliveries", period="2026-01"),
        fig(rounded, rv, "台", subject="子汽车", metric="deliveries", period="2026-01"),
    ])
    f = only(run(art), "same_figure", ["32059辆", rounded])
    assert f.verdict == verdict


@pytest.mark.parametrize("exact,ev,verdict", [("59.66万辆", 596600, "consistent"), ("61.2万辆", 612000, "inconsistent"),
                                              ("49.66万辆", 496600, "inconsistent")])
def test_same_figure_near_hedge(exact, ev, verdict):
    text = f"2025年丑汽车全年交付量达到{exact}。以近60万台的销量基数冲击新目标。"
    art = build(text, [
        fig(exact, ev, "辆", subject="丑汽车", metric="deliveries", period="2025"),
        fig("60万台", 6e5, "台", qualifier="approx", subject="丑汽车", metric="sales", period="2025"),
    ])
    assert only(run(art), "same_figure", [exact, "60万台"]).verdict == verdict


@pytest.mark.parametrize("word,value,verdict", [("翻倍", 100, "consistent"), ("翻两番", 300, "inconsistent")])
def test_same_figure_over_100_percent_and_doubling(word, value, verdict):
    text = f"2025年寅汽车交付量同比增长超100%。2025年，寅汽车实现了销量{word}增长。"
    art = build(text, [
        fig("100%", 100, "%", qualifier="gt", subject="寅汽车", metric="deliveries", period="2025", comparison="yoy",
            direction="up"),
        fig(word, value, "%", precision=0, subject="寅汽车", metric="sales", period="2025", comparison="yoy",
            direction="up"),
    ])
    assert only(run(art), "same_figure", ["100%", word]).verdict == verdict


def test_never_pairs_a_target_with_an_actual_or_different_periods():
    text = "2025年卯汽车销量60万台。2026年目标销量105万台。2026年1月卯汽车销量3.2万台。"
    art = build(text, [
        fig("60万台", 6e5, "台", subject="卯汽车", period="2025"),
        fig("105万台", 1.05e6, "台", subject="卯汽车", period="2026", modality="target"),
        fig("3.2万台", 3.2e4, "台", subject="卯汽车", period="2026-01"),
    ])
    assert run(art) == []


def test_never_pairs_different_subjects_or_unrelated_metrics():
    text = "2025年甲公司销量60万台，乙公司销量30万台，甲公司出口6.7万辆。"
    art = build(text, [
        fig("60万台", 6e5, "台", subject="甲公司", period="2025"),
        fig("30万台", 3e5, "台", subject="乙公司", period="2025"),
        fig("6.7万辆", 6.7e4, "辆", subject="甲公司", metric="exports", period="2025"),
    ])
    assert run(art) == []


def test_a_figure_repeated_verbatim_is_not_a_finding_but_a_changed_copy_is():
    text = "辰汽车2026年目标105万台。辰汽车喊出105万台目标。辰汽车要完成105万台。"
    figs = [fig("105万台", 1.05e6, "台", nth=i, subject="辰汽车", period="2026", modality="target") for i in range(3)]
    art = build(text, figs)
    assert run(art) == []
    changed = with_figure(art, 1, "115万台", 1.15e6)
    f = only(run(changed), "same_figure", ["105万台", "115万台"])
    assert f.verdict == "inconsistent" and f.miss == pytest.approx(1145000 - 1055000)


def test_two_exact_figures_of_one_coarse_measure_are_not_called_a_conflict():
    # 揽收 and 投递 share the metric the claims give them; written alike, neither repeated
    text = "五一期间全国邮政行业揽收快递包裹11.02亿件。五一期间全国邮政行业投递快递包裹10.38亿件。"
    figs = [fig("11.02亿件", 1.102e9, "件", subject="邮政", metric="parcels", period="2026-05"),
            fig("10.38亿件", 1.038e9, "件", subject="邮政", metric="parcels", period="2026-05")]
    assert run(build(text, figs)) == []


def test_list_members_and_far_apart_values_are_not_restatements():
    text = "3月和4月增速分别反弹至8.9%和10.5%。4月增速约为9%。全国GDP达1万美元。全国GDP达14.4万亿美元。"
    figs = [fig("10.5%", 10.5, "%", subject="中国", metric="value_added", period="2026-04", comparison="yoy"),
            fig("9%", 9, "%", qualifier="approx", subject="中国", metric="value_added", period="2026-04", comparison="yoy"),
            fig("1万美元", 1e4, "美元", subject="中国", metric="gdp", period="2025", currency="USD"),
            fig("14.4万亿美元", 1.44e13, "美元", subject="中国", metric="gdp", period="2025", currency="USD")]
    assert run(build(text, figs)) == []


def test_growth_between_rough_figures_is_unverifiable_not_consistent():
    text = "2024年午公司营收超1万亿元。2025年午公司营收突破1万亿元，同比增长6.1%。"
    figs = [fig("1万亿元", 1e12, "元", qualifier="gt", subject="午公司", metric="revenue", period="2024"),
            fig("1万亿元", 1e12, "元", nth=1, qualifier="gt", subject="午公司", metric="revenue", period="2025"),
            fig("6.1%", 6.1, "%", subject="午公司", metric="revenue", period="2025", comparison="yoy", direction="up")]
    f = only(run(build(text, figs)), "growth", ["1万亿元", "1万亿元", "6.1%"])
    assert f.verdict == "unverifiable" and "too rough" in f.explanation


def test_parts_are_looked_for_in_the_sentence_of_the_whole_or_just_after_it():
    after = "未公司全年进出口31.5万亿元，增长3.4%。其中出口17.2万亿元，进口14.3万亿元。"
    figs = [fig("31.5万亿元", 3.15e13, "元", subject="未公司", metric="sales", period="2025"),
            fig("17.2万亿元", 1.72e13, "元", subject="未公司", metric="domestic_sales", period="2025"),
            fig("14.3万亿元", 1.43e13, "元", subject="未公司", metric="overseas_sales", period="2025")]
    assert only(run(build(after, figs)), "sum", ["31.5万亿元", "17.2万亿元", "14.3万亿元"]).verdict == "consistent"
    before = "未公司全年国内销售17.2万亿元，海外销售14.3万亿元。同时，未公司与沿线国家贸易额9.27万亿元。"
    figs = [fig("17.2万亿元", 1.72e13, "元", subject="未公司", metric="domestic_sales", period="2025"),
            fig("14.3万亿元", 1.43e13, "元", subject="未公司", metric="overseas_sales", period="2025"),
            fig("9.27万亿元", 9.27e12, "元", subject="未公司", metric="sales", period="2025")]
    assert [f for f in run(build(before, figs)) if f.relation == "sum"] == []


def test_two_versions_of_a_forecast_are_not_a_conflict():
    text = "国际货币基金组织将2020年全球经济增长预期下调至3.3%。这是继去年10月将2020年全球经济增长预期下调至3.4%之后的又一次下调。"
    figs = [fig("3.3%", 3.3, "%", subject="全球", metric="gdp_growth", period="2020", modality="forecast"),
            fig("3.4%", 3.4, "%", subject="全球", metric="gdp_growth", period="2020", modality="forecast")]
    assert run(build(text, figs)) == []


def test_list_marker_before_a_quotation_is_no_list():
    """其中“……” opens a quotation (of a letter), so the quoted figure can still restate another."""
    from zhclaims import analyze
    from zhclaims.checks import check_article

    text = ("华晨公司2026年的销量目标是50万台。为完成50万台的年度目标，公司加大投入。总经理在内部信中写道，"
            "其中“（2026年销量）58万台，少一台都不行”的说法令人振奋。")
    rec = analyze(text, published="2026-02-01", id="q")
    bad = [f for f in check_article(rec) if f.verdict == "inconsistent" and f.relation == "same_figure"]
    assert any({c.text for c in f.claims} == {"50万台", "58万台"} for f in bad), [f.explanation for f in check_article(rec)]
    # the same text with 其中 before the figure itself still marks a part (no pairing)
    part = analyze("华晨公司2026年的销量目标是50万台。为完成50万台的年度目标，公司加大投入。其中58万台来自海外。",
                   published="2026-02-01", id="p")
    assert not [f for f in check_article(part) if f.verdict == "inconsistent"]
