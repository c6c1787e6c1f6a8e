"""Times: the year a yearless or relative expression takes from its context and the anchor.

One table per bug class found on real news with scripts/times_suspicious.py; the sentences are
written for these tests.
"""
import pytest

from zhclaims.times import extract_times


def D(s):
    return s + "T00:00:00"


def find(text, published, surface):
    got = [t for t in extract_times(text, published) if t.text == surface]
    assert got, [(t.text, t.interval) for t in extract_times(text, published)]
    t = got[-1]
    return (t.interval.start, t.interval.end) if t.interval else None


# A year that is no context for the bare months and days after it: the start of a span up to now,
# a comparison base, a birth year.
NO_CONTEXT = [
    ("自２００８年以来，产量持续下降。截至６月１０日，库存达到高位。", "2012-06-12", "截至６月１０日",
     (D("2012-06-10"), D("2012-06-11"))),
    ("外汇储备降至2011年来最低水平。第一季度收入减少两成。", "2020-05-15", "第一季度",
     (D("2020-01-01"), D("2020-04-01"))),
    ("销售收入接近去年可比水平。2月10日，工厂全面复工。", "2020-05-02", "2月10日",
     (D("2020-02-10"), D("2020-02-11"))),
    ("2000年出生的小王是队里最年轻的。2月4日，他报名参加了志愿队。", "2020-05-12", "2月4日",
     (D("2020-02-04"), D("2020-02-05"))),
    ("与2018年最低价相比，价格平均下降一半。1月21日，新价格开始执行。", "2020-01-22", "1月21日",
     (D("2020-01-21"), D("2020-01-22"))),
    ("目标是在2040年前全部淘汰。自1月1日起，商店禁止销售。", "2020-01-03", "自1月1日起",
     (D("2020-01-01"), D("2020-01-04"))),
    ("浓度为2013年有记录以来的最低值。全年优良天数增加。", "2020-01-03", "全年", (D("2019-01-01"), D("2020-01-01"))),
    # ... but a span that starts this year is context, and so is a year before 来到
    ("自2020年起，征兵改为一年两次。上半年征集毕业生，下半年征集在校生。", "2020-01-16", "下半年",
     (D("2020-07-01"), D("2021-01-01"))),
    ("他1956年来到敦煌。当年，他开始修复壁画。", "2020-01-15", "当年", (D("1956-01-01"), D("1957-01-01"))),
    ("当地时间12日零时起停止行动。当天晚些时候，双方会谈。", "2020-01-13", "当天晚",
     ("2020-01-12T18:00:00", "2020-01-13T00:00:00")),
    ("最大流量一度逼近1998年最大值；下半年旱情露头。", "2020-01-06", "下半年", (D("2019-07-01"), D("2020-01-01"))),
    ("旅游市场恢复至去年同期的五成。5月1日—5日，景区接待游客八万人次。", "2020-05-09", "5月1日—5日",
     (D("2020-05-01"), D("2020-05-06"))),
    ("客流恢复至去年同期的七成。春季旅游专列陆续开行。", "2020-05-04", "春季", (D("2020-03-01"), D("2020-06-01"))),
    ("客流比去年减少三成。5月1日—5日，景区接待游客八万人次。", "2020-05-09", "5月1日—5日",
     (D("2020-05-01"), D("2020-05-06"))),
]

# A relative year (去年) is context for its own sentence; an explicit year for its paragraph.
SENTENCE_SCOPE = [
    ("他去年刚刚脱贫。3月15日，他领到了第一笔补贴。", "2020-05-06", "3月15日", (D("2020-03-15"), D("2020-03-16"))),
    ("工程去年3月开工，4月主体封顶。", "2020-05-06", "4月", (D("2019-04-01"), D("2019-05-01"))),
    ("2018年，工厂扩建。8月，新车间投产。", "2020-05-06", "8月", (D("2018-08-01"), D("2018-09-01"))),
    ("所得税缴纳一律延缓到明年。全年减负超过2.5万亿元。", "2020-05-23", "全年", (D("2020-01-01"), D("2021-01-01"))),
]

# Paragraphs joined into one line open with two ideographic spaces; a year in the paragraph before
# is no context. A month is no context for a bare day once a later year was written.
PARAGRAPHS = [
    ("2019年，景区接入5G网络。\u3000\u3000疫情期间，4月20日起景区推出线上游览。", "2020-05-26", "4月20日起",
     (D("2020-04-20"), D("2020-05-27"))),
    ("工程2017年6月开工，2018年全面完工。12日上午，代表团考察了工程。", "2020-05-13", "12日上午",
     ("2020-05-12T08:00:00", "2020-05-12T12:00:00")),
    ("2008年金融危机爆发后，许多工厂停产。截至4月中旬，已有千家企业申请补贴。", "2020-05-08", "截至4月中旬",
     (D("2020-04-11"), D("2020-04-21"))),
    # a target year after the anchor's is context for its own sentence only
    ("到2025年，企业数量将翻一番。5月18日，园区举行签约仪式。", "2020-05-20", "5月18日",
     (D("2020-05-18"), D("2020-05-19"))),
    # context goes stale after a few sentences in a paragraph that is a whole article
    ("2009年3月，事件首次曝光。调查随即展开。多人被问询。案件移交法院。庭审持续多日。社会广泛关注。"
     "15日，法院宣判。", "2012-07-17", "15日", (D("2012-07-15"), D("2012-07-16"))),
    ("2009年3月，事件首次曝光。15日，调查组进驻。", "2012-07-17", "15日", (D("2009-03-15"), D("2009-03-16"))),
]

# 到今年, 至去年: the year word after 到/至 is a year.
AFTER_TO = [
    ("从立项到今年3月，工程完成过半。", "2020-05-14", "今年3月", (D("2020-03-01"), D("2020-04-01"))),
    ("去年底到今年初，价格持续上涨。", "2020-05-14", "去年底到今年初", (D("2019-12-01"), D("2020-04-01"))),
]

# Quarters relative to the anchor's quarter: 较上一季度 is the previous quarter, not 一季度.
QUARTERS = [
    ("本季度销量较上一季度增长5%。", "2020-05-12", "上一季度", (D("2020-01-01"), D("2020-04-01"))),
    ("本季度销量较上一季度增长5%。", "2020-05-12", "本季度", (D("2020-04-01"), D("2020-07-01"))),
    ("公司下季度将推出新品。", "2020-05-12", "下季度", (D("2020-07-01"), D("2020-10-01"))),
    ("上季度营收下降。", "2020-01-15", "上季度", (D("2019-10-01"), D("2020-01-01"))),
]

# Lunar months and lunar holidays of 腊月 fall in January of the solar year they are read in.
LUNAR = [
    ("刚进腊月，集市就热闹起来。", "2020-01-21", "腊月", (D("2019-12-26"), D("2020-01-25"))),
    ("今年腊八，寺庙免费施粥。", "2020-01-22", "今年腊八", (D("2020-01-02"), D("2020-01-03"))),
    ("今年腊月，家家扫尘。小年这天，大家祭灶。", "2020-01-10", "小年", (D("2020-01-17"), D("2020-01-18"))),
    ("1月15日，农历腊月二十一，集市开张。", "2020-01-24", "农历腊月二十一", (D("2020-01-15"), D("2020-01-16"))),
    ("腊月二十八，家家贴春联。", "2020-01-22", "腊月二十八", (D("2020-01-22"), D("2020-01-23"))),
    ("2017年腊月二十八，他回到家乡。", "2020-01-19", "2017年腊月二十八", (D("2018-02-13"), D("2018-02-14"))),
]

# A season or quarter that begins within two months is the coming one (春季 in January); one that
# begins later is last year's.
SEASONS = [
    ("春季开学时间推迟。", "2020-01-26", "春季", (D("2020-03-01"), D("2020-06-01"))),
    ("春季植树造林正在筹备。", "2020-01-10", "春季", (D("2020-03-01"), D("2020-06-01"))),
    ("冬季供暖一切正常。", "2020-01-10", "冬季", (D("2019-12-01"), D("2020-03-01"))),
    ("二季度订单回升。", "2020-02-20", "二季度", (D("2020-04-01"), D("2020-07-01"))),
    ("各县确保9月底前达到验收条件。", "2020-05-15", "9月底", (D("2020-09-21"), D("2020-10-01"))),
    ("年底前完成验收。", "2020-01-10", "年底", (D("2019-12-01"), D("2020-01-01"))),
    # a quarter under way is the current one; a longer part less than half past is last year's
    ("二季度经济有望回暖。", "2020-05-12", "二季度", (D("2020-04-01"), D("2020-07-01"))),
    ("分析认为，4月份制造业萎缩预示着第二季度经济下滑。", "2020-05-02", "第二季度", (D("2020-04-01"), D("2020-07-01"))),
    ("年初，企业陆续复工。", "2020-02-20", "年初", (D("2020-01-01"), D("2020-04-01"))),
    ("上半年，营收下降。", "2020-02-20", "上半年", (D("2019-01-01"), D("2019-07-01"))),
    ("夏粮产量占全年的三成。", "2020-05-25", "全年", (D("2020-01-01"), D("2021-01-01"))),
    ("全年粮食产量创新高。", "2020-01-17", "全年", (D("2019-01-01"), D("2020-01-01"))),
]


@pytest.mark.parametrize("text,published,surface,interval",
                         NO_CONTEXT + SENTENCE_SCOPE + PARAGRAPHS + AFTER_TO + QUARTERS + LUNAR + SEASONS)
def test_context_year(text, published, surface, interval):
    assert find(text, published, surface) == interval


def test_quarter_after_compare_is_not_q1():
    got = [t.text for t in extract_times("利润较上一季度增长。", "2020-08-01")]
    assert "一季度" not in got and "上一季度" in got


def test_year_word_after_to_keeps_vague_word():
    # 到今年 is a year; 到去年同期 is 到 + the vague word 去年同期, not 到去年 + 同期
    got = [t.text for t in extract_times("产量恢复到去年同期水平，预计到今年年底完成。", "2020-05-10")]
    assert "去年同期" in got and "同期" not in got and "今年年底" in got


@pytest.mark.parametrize("text", ["“地瓜比梨子还甜。”余小年说。", "他临摹了《清明上河图》。"])
def test_holiday_name_inside_a_name_or_title(text):
    assert [t.text for t in extract_times(text, "2020-05-13")] == []


def test_holiday_before_other_words_still_a_time():
    assert [t.text for t in extract_times("小年这天，大家祭灶。清明假期客流回升。", "2020-05-13")] == ["小年", "清明"]


@pytest.mark.parametrize("text,published,surface,interval", [
    ("从2015年到2016年上半年，案件下降。", "2020-01-21", "从2015年到2016年上半年", (D("2015-01-01"), D("2016-07-01"))),
    ("2015年到2016年，案件下降。", "2020-01-21", "2015年到2016年", (D("2015-01-01"), D("2017-01-01"))),
    ("26日是大年初二。", "2020-01-27", "大年初二", (D("2020-01-26"), D("2020-01-27"))),
])
def test_year_range_going_on_and_new_year_days(text, published, surface, interval):
    assert find(text, published, surface) == interval
