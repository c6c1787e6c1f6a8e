"""Body finding and metadata on the seeds and on portal-like text written here."""
from zhclaims.clean import clean
from zhclaims.model import Article


def _body_text(art):
    return "\n".join(art.text[b.start:b.end] for b in art.body)


def test_seed000_body_meta(seed000):
    art = clean(Article(id="000", text=seed000))
    body = _body_text(art)
    assert art.title == "致敬新起点:跑起来,就别停"
    assert art.published == "2026-01-16T05:51:00" and art.published_from == "text"
    assert art.source == "中青出行"
    assert "十年间,中国制造完成了一场淬炼与跃迁" in body
    assert "而新起点,永远在下一个需要穿越的河流之前。" in body
    for junk in ("特别声明", "Notice:", "相关推荐", "热点推荐", "全新一代奔驰S级", "往期回顾", "网易首页", "分享至", "无障碍浏览"):
        assert junk not in body, junk


def test_seed002_whole_body_no_date(seed002):
    art = clean(Article(id="002", text=seed002))
    assert _body_text(art) == seed002.strip()
    assert art.published is None and art.published_from is None and art.title is None


def test_published_option_and_inference():
    text = "据悉，该项目于2025年3月1日开工，2025年12月24日完工，总投资约3亿元，目前运行良好。"
    a = clean(Article(id="x", text=text), published_option="2026-01-01T00:00:00")
    assert (a.published, a.published_from) == ("2026-01-01T00:00:00", "option")
    b = clean(Article(id="y", text=text))
    assert (b.published, b.published_from) == ("2025-12-24T00:00:00", "inferred")


def test_sina_like_portal_text():
    text = (
        "新浪首页 > 新浪财经 > 宏观经济\n"
        "统计局：一季度GDP同比增长5.3%\n"
        "2024年04月16日 10:21 新浪财经\n"
        "分享到：\n"
        "国家统计局今天发布数据，初步核算，一季度国内生产总值296299亿元，按不变价格计算，同比增长5.3%，比上年四季度环比增长1.6%。\n"
        "责任编辑：张三\n"
        "相关新闻\n"
        "一季度工业增加值增长6.1%\n"
    )
    art = clean(Article(id="sina", text=text))
    body = _body_text(art)
    assert art.title == "统计局：一季度GDP同比增长5.3%"
    assert art.published == "2024-04-16T10:21:00" and art.source == "新浪财经"
    assert "296299亿元" in body
    assert "责任编辑" not in body and "相关新闻" not in body and "工业增加值增长6.1%" not in body


def test_joined_rule_sections_match_where_any_pattern_matches():
    import regex

    from zhclaims.clean.rules import _any_of, rules
    from zhclaims.data import load_yaml

    r = rules()
    lines = ["相关推荐", "相关推荐  ", "责任编辑：张三", "（编辑：李四）", "首页 > 财经", "12345", "分享到:",
             "Copyright 2020", "扫码关注", "正文第一段，讲的是2020年的事。", "新浪声明：此消息系转载", "登录", "原标题：某某"]
    raw = load_yaml("clean", "boilerplate.yaml")
    # the patterns' own literal words as lines too: each must still be found by the joined pattern
    for section in ("footer_starts", "drop_anywhere", "header_drop"):
        lines += [regex.sub(r"[\\^$()?:|\[\]{}*+]", "", e["re"]) for e in raw[section]]
    for section, joined in (("footer_starts", r.footer_any), ("drop_anywhere", r.drop_any), ("header_drop", r.header_any)):
        pats = getattr(r, section)
        assert len(joined) == 1 < len(pats)  # the data's sections are joinable
        for line in lines:
            assert bool(joined[0].search(line)) == any(p.search(line) for p in pats), (section, line)
    # not joined: a pattern with inline flags or a numbered backreference
    flagged = (regex.compile("(?i)abc"), regex.compile("x"))
    assert _any_of(flagged) == flagged
    backref = (regex.compile(r"(a)\1"), regex.compile("b"))
    assert _any_of(backref) == backref
