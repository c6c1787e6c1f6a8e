"""Times: data-driven tables (written for these tests, not taken from the seeds or the suites)."""
import datetime as dt

import pytest

from zhclaims.times import extract_times

PUB = "2020-05-12T09:30:00"  # a Tuesday


def one(text, published=PUB):
    got = extract_times(text, published)
    assert len(got) == 1, [(t.text, t.kind) for t in got]
    return got[0]


def iv(t):
    return (t.interval.start, t.interval.end) if t.interval else None


def D(s):
    return s + "T00:00:00"


ABSOLUTE = [
    ("会议于2019年12月24日召开", "2019年12月24日", "date", "day", (D("2019-12-24"), D("2019-12-25"))),
    ("2018年8月，他来到深圳", "2018年8月", "date", "month", (D("2018-08-01"), D("2018-09-01"))),
    ("早在２０１２年就已开工", "２０１２年", "date", "year", (D("2012-01-01"), D("2013-01-01"))),
    ("二〇一九年，经济平稳", "二〇一九年", "date", "year", (D("2019-01-01"), D("2020-01-01"))),
    ("数据截止日期为2019-03-16。", "2019-03-16", "date", "day", (D("2019-03-16"), D("2019-03-17"))),
    ("发布于2019/3/16", "2019/3/16", "date", "day", (D("2019-03-16"), D("2019-03-17"))),
    ("更新于2019-03-16 08:05:00", "2019-03-16 08:05:00", "date", "second", ("2019-03-16T08:05:00", "2019-03-16T08:05:01")),
    ("3月25日，工厂复工", "3月25日", "date", "day", (D("2020-03-25"), D("2020-03-26"))),
    ("预计在2020年6月末完工", "2020年6月末", "date", "day", (D("2020-06-21"), D("2020-07-01"))),
    ("2019年底，项目竣工", "2019年底", "date", "month", (D("2019-12-01"), D("2020-01-01"))),
    ("4月上旬发货量回升", "4月上旬", "date", "day", (D("2020-04-01"), D("2020-04-11"))),
    ("2020年3月中旬以后", "2020年3月中旬以后", "date", "day", (D("2020-03-11"), D("2020-03-21"))),
    ("2019年11月下旬", "2019年11月下旬", "date", "day", (D("2019-11-21"), D("2019-12-01"))),
    ("2019财年营收", "2019财年", "date", "year", (D("2019-01-01"), D("2020-01-01"))),
    ("2019年Q3营收", "2019年Q3", "date", "quarter", (D("2019-07-01"), D("2019-10-01"))),
]


@pytest.mark.parametrize("text,surface,kind,grain,interval", ABSOLUTE)
def test_absolute(text, surface, kind, grain, interval):
    t = one(text)
    assert (t.text, t.kind, t.grain, iv(t)) == (surface, kind, grain, interval)
    assert text[t.start:t.end] == surface


RELATIVE = [
    ("今年，销量回升", "今年", (D("2020-01-01"), D("2021-01-01"))),
    ("去年销量下滑", "去年", (D("2019-01-01"), D("2020-01-01"))),
    ("前年的数据", "前年", (D("2018-01-01"), D("2019-01-01"))),
    ("明年将投产", "明年", (D("2021-01-01"), D("2022-01-01"))),
    ("本月的订单", "本月", (D("2020-05-01"), D("2020-06-01"))),
    ("上月的订单", "上月", (D("2020-04-01"), D("2020-05-01"))),
    ("上周发布", "上周", (D("2020-05-04"), D("2020-05-11"))),
    ("昨天发布", "昨天", (D("2020-05-11"), D("2020-05-12"))),
    ("今日发布", "今日", (D("2020-05-12"), D("2020-05-13"))),
    ("开年以来，", "开年以来", (D("2020-01-01"), D("2020-05-13"))),
    ("年初的计划", "年初", (D("2020-01-01"), D("2020-04-01"))),
    ("上半年，营收增长", "上半年", (D("2020-01-01"), D("2020-07-01"))),  # mostly past in May: this year's
    ("下半年，营收增长", "下半年", (D("2019-07-01"), D("2020-01-01"))),  # not begun: last year's
    ("今年一季度，营收增长", "今年一季度", (D("2020-01-01"), D("2020-04-01"))),
    ("第一季度，营收增长", "第一季度", (D("2020-01-01"), D("2020-04-01"))),
    ("Q1营收", "Q1", (D("2020-01-01"), D("2020-04-01"))),
    ("前三季度，营收增长", "前三季度", (D("2019-01-01"), D("2019-10-01"))),  # less than half past in May
    ("今年前三季度，营收增长", "今年前三季度", (D("2020-01-01"), D("2020-10-01"))),
    ("1—4月，营收增长", "1—4月", (D("2020-01-01"), D("2020-05-01"))),
    ("1至4月，营收增长", "1至4月", (D("2020-01-01"), D("2020-05-01"))),
    ("前4个月，营收增长", "前4个月", (D("2020-01-01"), D("2020-05-01"))),
    ("截至4月30日，累计", "截至4月30日", (D("2020-04-30"), D("2020-05-01"))),
    ("12月，销量下滑", "12月", (D("2019-12-01"), D("2020-01-01"))),  # news reports the past
    ("今年前4个月，营收增长", "今年前4个月", (D("2020-01-01"), D("2020-05-01"))),
    ("公司计划12月投产", "12月", (D("2020-12-01"), D("2021-01-01"))),  # unless it speaks of plans
]


@pytest.mark.parametrize("text,surface,interval", RELATIVE)
def test_relative(text, surface, interval):
    t = one(text)
    assert (t.text, iv(t)) == (surface, interval)
    assert t.anchored


def test_bare_month_takes_the_paragraph_year():
    got = extract_times("2018年3月，公司成立。6月，首款产品上市。\n9月，新厂开工。", PUB)
    assert [(t.text, t.interval.start[:7]) for t in got] == [("2018年3月", "2018-03"), ("6月", "2018-06"), ("9月", "2019-09")]


def test_month_range_not_over_is_last_years():
    got = extract_times("1-12月，新能源汽车产销分别完成1000万辆。", "2026-01-20")
    assert [(t.text, iv(t)) for t in got] == [("1-12月", (D("2025-01-01"), D("2026-01-01")))]


def test_first_months_not_over_are_last_years():
    got = extract_times("前11个月，新能源汽车产销增长。", "2026-01-20")
    assert [(t.text, iv(t)) for t in got] == [("前11个月", (D("2025-01-01"), D("2025-12-01")))]


def test_bare_month_just_ahead_or_planned_is_the_coming_one():
    got = extract_times("6月起实施新规。9月，新厂开工。计划9月投产。", "2020-05-20")
    assert [(t.text, t.interval.start[:7]) for t in got] == [("6月起", "2020-06"), ("9月", "2019-09"), ("9月", "2020-09")]


def test_comparison_base_sets_no_year():
    got = extract_times("2019年12月交付6万辆。1月交付量较2018年12月下滑，2月回升。", "2020-03-05")
    assert [(t.text, t.interval.start[:7]) for t in got] == [
        ("2019年12月", "2019-12"), ("1月", "2019-01"), ("2018年12月", "2018-12"), ("2月", "2019-02")]


def test_year_parts_take_the_year_in_context():
    got = extract_times("2018年，公司全年营收增长。今年，全年计划推出4款新车。", PUB)
    assert [(t.text, t.interval.start[:4]) for t in got] == [("2018年", "2018"), ("全年", "2018"), ("今年", "2020"), ("全年", "2020")]


HOLIDAYS = [
    ("春节期间，客流下降", "2020-05-12", "春节期间", (D("2020-01-24"), D("2020-01-31"))),
    ("春节前后，客流下降", "2026-01-16", "春节前后", (D("2026-02-15"), D("2026-02-24"))),
    ("中秋节，月饼热销", "2020-05-12", "中秋节", (D("2019-09-13"), D("2019-09-14"))),
    ("端午节假期", "2020-05-12", "端午节", (D("2020-06-25"), D("2020-06-26"))),
    ("元宵节这天", "2015-03-20", "元宵节", (D("2015-03-05"), D("2015-03-06"))),
    ("清明节祭扫", "2020-05-12", "清明节", (D("2020-04-04"), D("2020-04-05"))),
    ("国庆期间，景区接待游客", "2020-10-12", "国庆期间", (D("2020-10-01"), D("2020-10-09"))),
    ("十一期间，景区接待游客", "2019-10-12", "十一期间", (D("2019-10-01"), D("2019-10-08"))),
    ("除夕那天", "2019-02-10", "除夕", (D("2019-02-04"), D("2019-02-05"))),
    ("除夕夜", "2019-02-10", "除夕夜", ("2019-02-04T18:00:00", D("2019-02-05"))),
]


@pytest.mark.parametrize("text,published,surface,interval", HOLIDAYS)
def test_holidays(text, published, surface, interval):
    t = one(text, published)
    assert (t.text, iv(t)) == (surface, interval)


RANGES = [
    ("2016至2018年，产量翻番", "2016至2018年", (D("2016-01-01"), D("2019-01-01")), None),
    ("2016年-2018年，产量翻番", "2016年-2018年", (D("2016-01-01"), D("2019-01-01")), None),
    ("3月5日至9日", "3月5日至9日", (D("2020-03-05"), D("2020-03-10")), None),
    ("2019年11月至2020年2月", "2019年11月至2020年2月", (D("2019-11-01"), D("2020-03-01")), None),
    ("自2019年6月起，", "自2019年6月起", (D("2019-06-01"), D("2020-05-13")), "since"),
    ("2015年以来，", "2015年以来", (D("2015-01-01"), D("2020-05-13")), "since"),
]


@pytest.mark.parametrize("text,surface,interval,mod", RANGES)
def test_ranges(text, surface, interval, mod):
    t = one(text)
    assert (t.text, t.kind, iv(t), t.mod) == (surface, "range", interval, mod)


DURATIONS = [
    ("过去5年，", "过去5年", "P5Y", (D("2015-01-01"), D("2020-01-01"))),
    ("十年间，", "十年间", "P10Y", None),
    ("一个多月后", "一个多月后", "P1M", (D("2020-06-01"), D("2020-07-01"))),
    ("耗时三年", "三年", "P3Y", None),
    ("半年时间", "半年", "P0.5Y", None),
    ("近三年来", "近三年来", "P3Y", (D("2017-01-01"), D("2020-01-01"))),
    ("48小时内", "48小时内", "PT48H", ("2020-05-12T09:30:00", "2020-05-14T09:30:00")),
    ("三个季度", "三个季度", "P9M", None),
    ("建厂十周年", "十周年", "P10Y", None),
]


@pytest.mark.parametrize("text,surface,duration,interval", DURATIONS)
def test_durations(text, surface, duration, interval):
    t = one(text)
    assert (t.text, t.duration, iv(t)) == (surface, duration, interval)


def test_duration_in_a_sentence_with_a_year_ends_there():
    got = extract_times("2016年，全国产量达到峰值，连续三年位居第一。", PUB)
    assert [(t.text, iv(t)) for t in got] == [("2016年", (D("2016-01-01"), D("2017-01-01"))),
                                             ("连续三年", (D("2014-01-01"), D("2017-01-01")))]


SETS = [("每年举办一次", "每年", "P1Y"), ("每月发布", "每月", "P1M"), ("每周一次", "每周", "P1W"), ("每天两班", "每天", "P1D"),
        ("每年5月举办", "每年5月", "P1Y"), ("每月15日发布", "每月15日", "P1M"), ("每年年底分红", "每年年底", "P1Y")]


@pytest.mark.parametrize("text,surface,iso", SETS)
def test_sets(text, surface, iso):
    t = one(text)
    assert (t.text, t.kind, t.duration, t.interval) == (surface, "set", iso, None)


VAGUE = ["近日", "目前", "近年来", "当前", "如今", "日前", "近期", "眼下"]


@pytest.mark.parametrize("word", VAGUE)
def test_vague_words_have_no_interval(word):
    t = one(f"{word}，企业复工率回升")
    assert (t.text, t.kind, t.interval, t.anchored) == (word, "date", None, True)


GUARDS = [
    ("全国有1800家企业参与", []),
    ("发生投资案例2000起", []),
    ("网点拓展至1500家以上", []),
    ("气温升高二十七点三度", []),
    ("加七点八", []),
    ("零跑1月27%的同比增速", ["1月"]),
    ("身份证号140302197706220124", []),
    ("订单号20200512093000", []),
    ("他在这里工作了21年", ["21年"]),
    ("21年3月，项目开工", ["21年3月"]),
    ("一日之计在于晨", []),
    ("增长6.1%，达到990865亿元", []),
    ("十一个省份", []),
    ("详见http://tv.cctv.com/2020/05/11/VIDE.shtml", []),
    ("打造千年秀林", []),
    ("几千年历史", []),
    ("合同期限较长", []),
    ("两国合作迎来年度开门红", []),
    ("第一年销售额即达500万元", []),
    ("提前31小时建成", ["31小时"]),
    ("雪龙2号首航南极", []),
    ("在10年的时间里", ["10年"]),
    ("时间从13年缩短到两天", ["13年", "两天"]),
    ("在村里干上20多天", ["20多天"]),
    ("辗转3个多小时来到重庆", ["3个多小时"]),
    ("一年四季餐餐有肉，一天到晚忙碌", []),
    ("下周日本央行将议息", ["下周"]),
]


@pytest.mark.parametrize("text,surfaces", GUARDS)
def test_guard_rails(text, surfaces):
    assert [t.text for t in extract_times(text, PUB)] == surfaces


def test_approximate_counts_have_no_duration():
    assert [(t.text, t.duration) for t in extract_times("再过十年八年，两三个月后", PUB)] == [
        ("十年八年", None), ("两三个月后", None)]


def test_two_digit_year_needs_context():
    (t,) = extract_times("21年3月，项目开工", PUB)
    assert t.interval.start == D("2021-03-01")
    (d,) = extract_times("他在这里工作了21年", PUB)
    assert (d.kind, d.duration) == ("duration", "P21Y")


def test_no_published_anchors_on_the_latest_explicit_month():
    text = "2019年12月，公司交付6万辆。2020年1月交付3万辆，今年目标100万辆，全年力争翻番。自2019年3月起连续领先。"
    got = {t.text: iv(t) for t in extract_times(text)}
    assert got["今年"] == (D("2020-01-01"), D("2021-01-01"))
    assert got["全年"] == (D("2020-01-01"), D("2021-01-01"))
    assert got["自2019年3月起"] == (D("2019-03-01"), D("2020-02-01"))
    assert all(t.anchored for t in extract_times(text) if t.text in ("今年", "全年"))


def test_no_anchor_at_all_leaves_relative_times_unresolved():
    (t,) = extract_times("去年销量下滑")
    assert t.interval is None and not t.anchored


def test_day_parts_after_a_date():
    got = extract_times("17日晚，会议结束；5月3日夜间降雨。", PUB)
    assert [(t.text, iv(t)) for t in got] == [("17日晚", ("2020-04-17T18:00:00", D("2020-04-18"))),
                                             ("5月3日夜间", ("2020-05-03T20:00:00", D("2020-05-04")))]


def test_clock_times():
    got = extract_times("5月11日下午3点半，会议开始；晚上8点结束。", PUB)
    assert [(t.text, t.interval.start) for t in got] == [("5月11日下午3点半", "2020-05-11T15:30:00"),
                                                         ("晚上8点", "2020-05-12T20:00:00")]


def test_sorted_by_start_and_surface_matches():
    text = "2019年，公司成立；今年一季度营收增长，近日又获融资。过去3年，每年增长。"
    got = extract_times(text, dt.datetime(2020, 5, 12))
    assert [t.start for t in got] == sorted(t.start for t in got)
    assert all(text[t.start:t.end] == t.text for t in got)


def test_traditional_and_fullwidth_text():
    got = extract_times("２０１９年１２月，兩個月後的春節期間", PUB)
    assert [t.text for t in got][:2] == ["２０１９年１２月", "兩個月後"]


def test_named_periods_and_bracketed_year_ranges():
    got = extract_times("“十三五”期间，《行动计划（2019—2020）》提出，床位2000—2300张", PUB)
    assert [(t.text, t.kind, iv(t)) for t in got] == [
        ("十三五", "range", (D("2016-01-01"), D("2021-01-01"))),
        ("2019—2020", "range", (D("2019-01-01"), D("2021-01-01")))]


def test_news_clock_times_and_hedges():
    got = extract_times("截至北京时间16时，凌晨3时许，2020年左右，3点建议", PUB)
    assert [(t.text, t.mod, t.interval.start) for t in got] == [
        ("16时", None, "2020-05-12T16:00:00"), ("凌晨3时许", "approx", "2020-05-12T03:00:00"),
        ("2020年左右", "approx", "2020-01-01T00:00:00")]


def test_years_up_to_now():
    got = extract_times("自1991年、29年以来最差；1961年后、58年来最低", "2020-01-18")
    assert [(t.text, iv(t)) for t in got if t.kind == "duration"] == [
        ("29年以来", (D("1991-01-01"), D("2020-01-01"))), ("58年来", (D("1962-01-01"), D("2020-01-01")))]


def test_days_counted_from_the_day_in_context():
    got = extract_times("5月8日，地震发生。当天下午，救援队抵达；次日上午恢复通电。\n当天，市场平稳。", PUB)
    assert [(t.text, iv(t)) for t in got] == [
        ("5月8日", (D("2020-05-08"), D("2020-05-09"))),
        ("当天下午", ("2020-05-08T12:00:00", "2020-05-08T18:00:00")),
        ("次日上午", ("2020-05-09T08:00:00", "2020-05-09T12:00:00")),
        ("当天", (D("2020-05-12"), D("2020-05-13")))]  # a new paragraph: the anchor's day


def test_bare_day_takes_the_paragraph_month():
    got = extract_times("3月20日，首批物资运抵；21日，第二批到达。", PUB)
    assert [(t.text, iv(t)) for t in got] == [("3月20日", (D("2020-03-20"), D("2020-03-21"))),
                                             ("21日", (D("2020-03-21"), D("2020-03-22")))]


def test_clock_ranges_need_no_day_part():
    got = extract_times("零点到4点第一次巡逻，然后是4点到8点。", PUB)
    assert [(t.text, iv(t)) for t in got] == [("零点到4点", ("2020-05-12T00:00:00", "2020-05-12T05:00:00")),
                                             ("4点到8点", ("2020-05-12T04:00:00", "2020-05-12T09:00:00"))]


def test_inferred_anchor_skips_planned_dates():
    got = extract_times("2019年12月，公司交付6万辆。计划2027年3月投产新工厂。今年目标100万辆。")
    assert [(t.text, t.interval.start[:7]) for t in got] == [("2019年12月", "2019-12"), ("2027年3月", "2027-03"),
                                                             ("今年", "2019-01")]


def test_a_data_series_counts_whole_quarters_or_months():
    got = extract_times("经济增长连续18个季度保持在6%以上，连续5个月回升。", "2020-01-18")
    assert [(t.text, t.duration, iv(t)) for t in got] == [
        ("连续18个季度", "P54M", (D("2015-07-01"), D("2020-01-01"))),
        ("连续5个月", "P5M", (D("2019-08-01"), D("2020-01-01")))]


def test_half_units():
    got = extract_times("半个多月来，近半年", "2020-01-19")
    assert [(t.text, t.duration, iv(t)) for t in got] == [("半个多月来", "P0.5M", (D("2020-01-04"), D("2020-01-19"))),
                                                         ("近半年", "P0.5Y", (D("2019-07-19"), D("2020-01-19")))]
