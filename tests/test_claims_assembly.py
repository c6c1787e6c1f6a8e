"""Claims assembly on records built by hand: sentences -> expected subject, metric, period,
comparison, direction, modality. The examples are written for these tests."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhclaims.claims.assemble import assemble
from zhclaims.claims.stage import STAGE
from zhclaims.eval.claims import period_label
from zhclaims.model import Article, Entity, Interval, Quantity, Span, Time
from zhclaims.text.view import TextView

PUBLISHED = dt.datetime(2025, 6, 10)

Y = {y: Interval(f"{y}-01-01T00:00:00", f"{y + 1}-01-01T00:00:00") for y in range(2018, 2028)}


def M(y, m):
    e = (y + 1, 1) if m == 12 else (y, m + 1)
    return Interval(f"{y}-{m:02d}-01T00:00:00", f"{e[0]}-{e[1]:02d}-01T00:00:00")


def record(text, quantities=(), times=(), entities=()):
    """Quantities (surface, unit[, occurrence]), times (surface, grain, interval[, kind]) and entities
    (surface, label, name) are placed by finding their surface in the text."""
    def find(surface, nth=0):
        pos = -1
        for _ in range(nth + 1):
            pos = text.index(surface, pos + 1)
        return pos, pos + len(surface)

    art = Article(id="t", text=text, body=[Span(0, len(text))])
    for q in quantities:
        s, e = find(q[0], q[2] if len(q) > 2 else 0)
        art.quantities.append(Quantity(q[0], s, e, 1, unit=q[1], currency="CNY" if q[1] == "元" else None))
    for t in times:
        s, e = find(t[0])
        art.times.append(Time(t[0], s, e, t[3] if len(t) > 3 else "date", t[1], t[2]))
    for en in entities:
        s, e = find(en[0])
        art.entities.append(Entity(en[0], s, e, en[1], en[2]))
    art.quantities.sort(key=lambda x: x.start)
    return art


def claims_of(art, published=PUBLISHED):
    view = TextView(art.text, art.body)
    out = {}
    for c in assemble(art, view, published):
        q = art.quantities[c.quantity]
        p = c.period
        interval = p if isinstance(p, Interval) else (art.times[p].interval if isinstance(p, int) else None)
        out[(q.text, q.start)] = {
            "subject": c.subject.key if c.subject else None,
            "metric": c.metric.key if c.metric else None,
            "period": period_label(interval),
            "comparison": c.comparison,
            "direction": c.direction,
            "modality": c.modality,
        }
    return out


def one(art, surface, published=PUBLISHED):
    got = claims_of(art, published)
    return next(v for (t, _), v in got.items() if t == surface)


STAR = ("星河汽车", "ORG", "星河汽车")

CASES = [
    # (text, quantities, times, entities, surface, expected attributes)
    ("2024年，星河汽车全年交付量达到12.5万辆，同比增长35%。", [("12.5万辆", "辆"), ("35%", "%")],
     [("2024年", "year", Y[2024])], [STAR], "12.5万辆",
     dict(subject="星河汽车", metric="deliveries", period="2024", comparison=None, direction=None, modality="actual")),
    ("2024年，星河汽车全年交付量达到12.5万辆，同比增长35%。", [("12.5万辆", "辆"), ("35%", "%")],
     [("2024年", "year", Y[2024])], [STAR], "35%",
     dict(subject="星河汽车", metric="deliveries", period="2024", comparison="yoy", direction="up", modality="actual")),
    ("蓝海科技发布数据。3月，该公司营收较2月的8亿元下滑了12%。", [("8亿元", "元"), ("12%", "%")],
     [("3月", "month", M(2025, 3)), ("2月", "month", M(2025, 2))], [("蓝海科技", "ORG", "蓝海科技")], "8亿元",
     dict(subject="蓝海科技", metric="revenue", period="2025-02", comparison=None, direction=None, modality="actual")),
    ("蓝海科技发布数据。3月，该公司营收较2月的8亿元下滑了12%。", [("8亿元", "元"), ("12%", "%")],
     [("3月", "month", M(2025, 3)), ("2月", "month", M(2025, 2))], [("蓝海科技", "ORG", "蓝海科技")], "12%",
     dict(subject="蓝海科技", metric="revenue", period="2025-03", comparison="mom", direction="down", modality="actual")),
    ("星河汽车计划明年将门店拓展至500家。", [("500家", "家")], [("明年", "year", Y[2026])], [STAR], "500家",
     dict(subject="星河汽车", metric="outlets", period="2026", comparison=None, direction=None, modality="plan")),
    ("预计2026年国内生产总值增长5%左右。", [("5%", "%")], [("2026年", "year", Y[2026])], [], "5%",
     dict(subject="中国", metric="gdp", period="2026", comparison="yoy", direction="up", modality="forecast")),
    ("截至5月底，湖北省累计报告确诊病例1200例。", [("1200例", "例")], [("5月底", "day", M(2025, 5))],
     [("湖北省", "GPE", "湖北")], "1200例",
     dict(subject="湖北", metric="confirmed_cases", period="2025-05", comparison="cumulative", direction=None, modality="actual")),
    ("2024年，星河汽车研发投入占营收比重为6.5%。", [("6.5%", "%")], [("2024年", "year", Y[2024])], [STAR], "6.5%",
     dict(subject="星河汽车", metric="rnd_intensity", period="2024", comparison="share", direction=None, modality="actual")),
    ("过去5年，行业研发支出复合增长率达到20%。", [("20%", "%")],
     [("过去5年", "year", Interval("2020-01-01T00:00:00", "2025-01-01T00:00:00"), "duration")], [], "20%",
     dict(metric="rnd_spending", period="2020/2024", comparison="cagr", direction="up", modality="actual")),
    ("星河汽车力争2026年销量突破100万辆，需要实现月均8.5万辆的交付量。", [("100万辆", "辆"), ("8.5万辆", "辆")],
     [("2026年", "year", Y[2026])], [STAR], "8.5万辆",
     dict(subject="星河汽车", metric="deliveries", period="2026", comparison="monthly_average", direction=None, modality="target")),
    ("星河汽车力争2026年销量突破100万辆，需要实现月均8.5万辆的交付量。", [("100万辆", "辆"), ("8.5万辆", "辆")],
     [("2026年", "year", Y[2026])], [STAR], "100万辆",
     dict(subject="星河汽车", metric="sales", period="2026", comparison=None, direction=None, modality="target")),
    ("星河汽车的服务网点突破1800家，中国市场超1000家，海外超800家。", [("1800家", "家"), ("1000家", "家"), ("800家", "家", 1)],
     [], [STAR, ("中国", "GPE", "中国")], "800家",
     dict(subject="星河汽车", metric="overseas_outlets", period=None, comparison=None, direction=None, modality="actual")),
    ("星河汽车的服务网点突破1800家，中国市场超1000家，海外超800家。", [("1800家", "家"), ("1000家", "家"), ("800家", "家", 1)],
     [], [STAR, ("中国", "GPE", "中国")], "1000家",
     dict(subject="星河汽车", metric="domestic_outlets")),
    ("2024年，星河汽车表现亮眼。全年销量30万辆，上调5万辆至35万辆。",
     [("30万辆", "辆"), ("5万辆", "辆"), ("35万辆", "辆")], [("2024年", "year", Y[2024])], [STAR], "30万辆",
     dict(subject="星河汽车", metric="sales", period="2024", comparison=None, direction=None, modality="actual")),
    ("2024年，星河汽车表现亮眼。全年销量30万辆，上调5万辆至35万辆。",
     [("30万辆", "辆"), ("5万辆", "辆"), ("35万辆", "辆")], [("2024年", "year", Y[2024])], [STAR], "5万辆",
     dict(comparison="change", direction="up")),
    ("2024年，星河汽车表现亮眼。全年销量30万辆，上调5万辆至35万辆。",
     [("30万辆", "辆"), ("5万辆", "辆"), ("35万辆", "辆")], [("2024年", "year", Y[2024])], [STAR], "35万辆",
     dict(comparison=None, direction=None)),
    ("今年1至4月，全国规模以上工业增加值同比下降4.9%。", [("4.9%", "%")],
     [("今年1至4月", "month", Interval("2025-01-01T00:00:00", "2025-05-01T00:00:00"), "range")], [], "4.9%",
     dict(subject="中国", metric="industrial_value_added", period="2025-01/2025-04", comparison="yoy", direction="down", modality="actual")),
    ("据国家统计局发布，一季度星河汽车出口额同比增长8%。", [("8%", "%")],
     [("一季度", "quarter", Interval("2025-01-01T00:00:00", "2025-04-01T00:00:00"))],
     [("国家统计局", "ORG", "国家统计局"), STAR], "8%",
     dict(subject="星河汽车", metric="exports", comparison="yoy", direction="up")),
    ("我国高端制造业上市公司研发支出达7000亿元。", [("7000亿元", "元")], [], [], "7000亿元",
     dict(subject="中国高端制造业上市公司", metric="rnd_spending")),
    ("星河汽车进军30万元级豪华市场。", [("30万元", "元")], [], [STAR], "30万元", dict(subject=None)),
    ("该车型售价为20万元，星河汽车预计下月交付。", [("20万元", "元")], [], [STAR], "20万元",
     dict(metric="price", modality="actual")),
    ("2019年全市居民人均可支配收入3.2万元，比上年增加2100元。", [("3.2万元", "元"), ("2100元", "元")],
     [("2019年", "year", Y[2019])], [], "2100元",
     dict(metric="income", period="2019", comparison="yoy", direction="up", modality="actual")),
    ("今年前两个月，星河汽车累计销量为52万辆，较去年同期的55万辆减少5%。", [("52万辆", "辆"), ("55万辆", "辆"), ("5%", "%")],
     [("今年前两个月", "month", Interval("2025-01-01T00:00:00", "2025-03-01T00:00:00"), "range")], [STAR], "55万辆",
     dict(subject="星河汽车", metric="sales", period="2024-01/2024-02", comparison=None, direction=None)),
    ("今年前两个月，星河汽车累计销量为52万辆，较去年同期的55万辆减少5%。", [("52万辆", "辆"), ("55万辆", "辆"), ("5%", "%")],
     [("今年前两个月", "month", Interval("2025-01-01T00:00:00", "2025-03-01T00:00:00"), "range")], [STAR], "5%",
     dict(period="2025-01/2025-02", comparison="yoy", direction="down")),
    ("星河汽车发布快报。其中国内门店约3000家，海外门店超1000家。", [("3000家", "家"), ("1000家", "家")], [], [STAR], "3000家",
     dict(subject="星河汽车", metric="domestic_outlets")),
    ("四大港煤炭库存量达2015万吨，与上周相比，增加了185万吨，增幅达10%。", [("2015万吨", "吨"), ("185万吨", "吨"), ("10%", "%")],
     [], [], "10%", dict(comparison="change", direction="up")),
    ("按此计算，星河汽车今年月均需要交付约46万辆。", [("46万辆", "辆")], [("今年", "year", Y[2025])], [STAR], "46万辆",
     dict(metric="deliveries", period="2025", comparison="monthly_average", modality="target")),
    ("重庆将38个区县划分为四类。", [("38个", "个")], [], [("重庆", "GPE", "重庆")], "38个", dict(modality="actual")),
    ("联合国世界粮食计划署指出，海地有370万人需要援助。", [("370万人", "人")], [], [("海地", "GPE", "海地")], "370万人",
     dict(subject="海地", modality="actual")),
    ("灾区启动了安置房建设等计划，目前已使99%的灾民得到安置。", [("99%", "%")], [], [], "99%", dict(modality="actual")),
    ("今年，浙江重大项目完成投资将超过4000亿元。", [("4000亿元", "元")], [("今年", "year", Y[2025])], [("浙江", "GPE", "浙江")],
     "4000亿元", dict(subject="浙江", period="2025", modality="plan")),
    ("五一期间，重点零售企业日均销售额比清明假期增长32.1%。", [("32.1%", "%")], [], [], "32.1%",
     dict(comparison="change", direction="up")),
    ("居民大病保险补偿比例提高12个百分点左右。", [("12个百分点", "个百分点")], [], [], "12个百分点",
     dict(comparison="change", direction="up")),
    ("门诊慢性病实际报销比例由56%提高到58%。", [("56%", "%"), ("58%", "%")], [], [], "58%",
     dict(comparison="share", direction=None)),
    ("累计治愈出院病例7万例，当日新增28例。", [("7万例", "例"), ("28例", "例")], [], [], "28例",
     dict(direction=None, comparison=None)),
    ("星河汽车一季度单量比去年翻倍。", [("翻倍", "%")],
     [("一季度", "quarter", Interval("2025-01-01T00:00:00", "2025-04-01T00:00:00")), ("去年", "year", Y[2024])], [STAR],
     "翻倍", dict(period="2025-01/2025-03", direction="up")),
    ("国家统计局局长宁吉喆介绍了情况。全年高技术产业投资同比增长17.3%。", [("17.3%", "%")], [],
     [("国家统计局", "ORG", "国家统计局")], "17.3%", dict(subject="中国", comparison="yoy", direction="up")),
    ("去年全市蔬菜种植面积超100万亩，其中70%销往外地。", [("100万亩", "亩"), ("70%", "%")], [], [], "70%",
     dict(comparison="share", direction=None)),
    ("星河汽车初创团队51人中，90%为工程师。", [("51人", "人"), ("90%", "%")], [], [STAR], "90%",
     dict(subject="星河汽车", comparison="share")),
    ("按照行业测算，自研自制相比外部采购，可为整车带来约10%的成本优势。", [("10%", "%")], [], [], "10%",
     dict(comparison=None, direction=None, modality="actual")),
    ("2024年星河汽车研发投入29亿元，重点聚焦800V高压平台。", [("29亿元", "元"), ("800V", "V")],
     [("2024年", "year", Y[2024])], [STAR], "800V", dict(subject=None, period=None)),
    ("2024年星河汽车研发投入29亿元，重点聚焦800V高压平台。", [("29亿元", "元"), ("800V", "V")],
     [("2024年", "year", Y[2024])], [STAR], "29亿元", dict(subject="星河汽车", period="2024", metric="rnd_spending")),
    ("2019年，全国共破获案件20万起、抓获嫌疑人16.3万人，同比分别上升52.7%、123.3%。",
     [("20万起", "起"), ("16.3万人", "人"), ("52.7%", "%"), ("123.3%", "%")], [("2019年", "year", Y[2019])], [], "123.3%",
     dict(subject="中国", period="2019", comparison="yoy", direction="up")),
    ("央视网消息：国务院新闻办今天举行发布会。2019年，中央企业实现营业收入30.8万亿元，同比增长5.6%。",
     [("30.8万亿元", "元"), ("5.6%", "%")], [("2019年", "year", Y[2019])],
     [("央视", "ORG", "央视"), ("国务院", "ORG", "国务院")], "5.6%",
     dict(subject="中国", metric="revenue", comparison="yoy", direction="up")),
    ("澳大利亚央行宣布，下调基准利率25个基点至3.5%。", [("25个基点", "个基点"), ("3.5%", "%")], [], [], "25个基点",
     dict(metric="interest_rate", direction="down", comparison="change")),
    ("澳大利亚央行宣布，下调基准利率25个基点至3.5%。", [("25个基点", "个基点"), ("3.5%", "%")], [], [], "3.5%",
     dict(metric="interest_rate", direction=None)),
    ("高技术制造业中长期贷款余额同比增长41.2%，比上年同期高21.2个百分点。", [("41.2%", "%"), ("21.2个百分点", "个百分点")],
     [], [], "21.2个百分点", dict(comparison="yoy", direction="up")),
    ("园区规划面积5平方公里，建成4.1万平方米厂房。", [("5平方公里", "平方公里"), ("4.1万平方米", "平方米")], [], [],
     "4.1万平方米", dict(modality="actual")),
    ("据世卫组织统计，目前全球累计新冠肺炎确诊病例已增至3272202例。", [("3272202例", "例")], [],
     [("世卫组织", "ORG", "世界卫生组织")], "3272202例", dict(subject="全球", metric="confirmed_cases", comparison="cumulative")),
    ("星河汽车也成为全球少有的车企，研发人员占比达到了80%。", [("80%", "%")], [], [STAR], "80%",
     dict(subject="星河汽车", comparison="share")),
]


@pytest.mark.parametrize("text,quantities,times,entities,surface,expected", CASES)
def test_assembly_table(text, quantities, times, entities, surface, expected):
    got = one(record(text, quantities, times, entities), surface)
    assert {k: got[k] for k in expected} == expected


def test_one_claim_per_quantity_with_sentence():
    art = record("星河汽车销量10万辆。营收20亿元，净利润2亿元。", [("10万辆", "辆"), ("20亿元", "元"), ("2亿元", "元")], [], [STAR])
    claims = assemble(art, TextView(art.text, art.body), PUBLISHED)
    assert [c.quantity for c in claims] == [0, 1, 2]
    assert [c.metric.key for c in claims] == ["sales", "revenue", "net_profit"]
    for c in claims:
        s = c.sentence
        assert s.start <= art.quantities[c.quantity].start < s.end
        assert art.text[c.metric.start:c.metric.end] == c.metric.text
        assert art.text[c.subject.start:c.subject.end] == c.subject.text


def test_target_without_time_takes_the_publication_year():
    art = record("星河汽车冲击100万辆的年度销量目标。", [("100万辆", "辆")], [], [STAR])
    assert one(art, "100万辆") == dict(subject="星河汽车", metric="sales", period="2025", comparison=None,
                                     direction=None, modality="target")


def test_a_whole_year_just_begun_is_no_result():
    text = "星河汽车总裁在微博表示：“(2025年销量)105万辆，多一台算我输。”"
    art = record(text, [("105万辆", "辆")], [("2025年", "year", Y[2025])], [STAR])
    assert one(art, "105万辆", published=dt.datetime(2025, 2, 10))["modality"] == "target"
    assert one(art, "105万辆", published=dt.datetime(2026, 2, 10))["modality"] == "actual"
    art = record("2025年星河汽车累计销量已达10万辆。", [("10万辆", "辆")], [("2025年", "year", Y[2025])], [STAR])
    assert one(art, "10万辆", published=dt.datetime(2025, 3, 1))["modality"] == "actual"


def test_a_past_period_keeps_an_earlier_plan_cue_away():
    art = record("星河汽车计划扩张，2024年销量为10万辆。", [("10万辆", "辆")], [("2024年", "year", Y[2024])], [STAR])
    assert one(art, "10万辆")["modality"] == "actual"


def test_stage_contract():
    assert STAGE.name == "claims"
    assert STAGE.assigns == ("article.claims",)
    assert set(STAGE.requires) == {"article.quantities", "article.times", "article.entities"}
    from zhclaims.pipeline import STAGE_MODULES

    assert STAGE_MODULES[-1] == "zhclaims.claims.stage"


def test_to_dict_form():
    art = record("星河汽车冲击100万辆的年度销量目标。", [("100万辆", "辆")], [], [STAR])
    c = assemble(art, TextView(art.text, art.body), PUBLISHED)[0].to_dict()
    assert set(c) == {"quantity", "subject", "metric", "period", "comparison", "direction", "modality", "sentence"}
    assert c["period"] == {"text": None, "interval": Y[2025].to_dict()}
    assert c["metric"]["key"] == "sales" and c["subject"]["name"] == "星河汽车"


ALPHABET = "星河汽车销量同比增长下滑环比累计目标计划预计将至较比的了，。；：、\n2025年月1至万亿元辆%占该公司我国海外网点级"


@st.composite
def random_record(draw):
    text = draw(st.text(alphabet=ALPHABET, max_size=120))
    art = Article(id="r", text=text, body=[Span(0, len(text))] if text else [])
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(0, max(n, 1)), st.integers(1, 6)), max_size=8))
    used = [False] * (n + 1)
    for s, ln in spans:
        e = min(n, s + ln)
        if s >= e or any(used[s:e]):
            continue
        for k in range(s, e):
            used[k] = True
        kind = draw(st.sampled_from(["q", "t", "e"]))
        if kind == "q":
            art.quantities.append(Quantity(text[s:e], s, e, draw(st.one_of(st.none(), st.integers())),
                                           unit=draw(st.sampled_from([None, "%", "辆", "元", "个百分点", "家"]))))
        elif kind == "t":
            iv = draw(st.sampled_from([None, Y[2024], M(2025, 1), Interval("bad", "x")]))
            art.times.append(Time(text[s:e], s, e, draw(st.sampled_from(["date", "range", "duration", "set"])),
                                  draw(st.sampled_from([None, "year", "month", "day", "quarter"])), iv))
        else:
            art.entities.append(Entity(text[s:e], s, e, draw(st.sampled_from(["ORG", "GPE", "PRODUCT", "PERSON"])), text[s:e] or "x"))
    return art


@settings(max_examples=150, deadline=None)
@given(random_record(), st.sampled_from([None, PUBLISHED]))
def test_assembly_never_raises(art, published):
    claims = assemble(art, TextView(art.text, art.body), published)
    assert sorted(c.quantity for c in claims) == list(range(len(art.quantities)))
    for c in claims:
        assert c.modality in ("actual", "target", "plan", "forecast", "estimate")
        assert c.direction in (None, "up", "down")
        if isinstance(c.period, int):
            assert 0 <= c.period < len(art.times)
