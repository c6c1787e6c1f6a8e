"""The scanner: one compiled regular expression, built from the word tables in ``data/``.

Every piece has a bounded length (no unbounded repetition anywhere), so a scan is linear in the
text. Group names carry a prefix, ``a_`` for the first point of an expression and ``b_`` for the
second point of a range; the ``regex`` module allows a name in several alternatives.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .parse import holidays, words

CN_D = "零〇一二两三四五六七八九"
CN_N = "零〇一二两三四五六七八九十廿"
NOT_NUM_AFTER = r"(?![\d.%零〇一二两三四五六七八九十百千万亿])"


def alt(items) -> str:
    """An alternation of literal words, longest first (so 上上个月 wins over 上月)."""
    return "|".join(regex.escape(w) for w in sorted(set(items), key=lambda s: (-len(s), s)))


def _first(chars: str, words_) -> str:
    """A lookahead on the first characters of ``chars`` and of each word."""
    first = set(chars) | {x[0] for x in words_}
    return "(?=[" + "".join(regex.escape(c) for c in sorted(first)) + "])"


def _years_alt(items) -> str:
    """Year words, longest first; one that starts a vague word (去年 in 去年同期) is not followed by
    the rest of it (到去年同期 is 到 + the vague word, not 到去年 + 同期)."""
    w = words()
    vague = list(w["vague"]) + list(w["resolvable_vague"])
    out = []
    for x in sorted(set(items), key=lambda s: (-len(s), s)):
        rest = [v[len(x):] for v in vague if v.startswith(x) and v != x]
        out.append(regex.escape(x) + (rf"(?!{alt(rest)})" if rest else ""))
    return "|".join(out)


def _point(p: str) -> str:
    return _point_pieces(p)["point"]


def _point_pieces(p: str) -> dict:
    w = words()
    h = holidays()
    # three Chinese digits are a year only right before a month (三六七年一月一日)
    year4 = rf"(?P<{p}y>(?<![\d.])[12]\d{{3}}(?![\d.])|[{CN_D}]{{4}}|[{CN_D}]{{3}}(?=年(?:十[一二]?|[一二三四五六七八九])月)|两千(?:零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?)\s?财?年"
    # two-digit years only where the context says year: 07年, 于21年, 21年3月, 18年10月1日
    # (29年以来 is a length: 29 years up to now)
    ctx_after = r"(?=\s?(?:(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s?月|[上下前后]半年|第?[一二三四]季度|Q[1-4]|底|初|末|奥运))"
    year2 = (
        rf"(?:(?P<{p}y2>(?<![\d.])\d{{2}}(?![\d.])|[{CN_D}]{{2}})\s?年{ctx_after}"
        rf"|(?P<{p}y2>(?<![\d.])0\d(?![\d.])|零[一二三四五六七八九])\s?年)"  # not 在10年的时间里, 从13年缩短到两天
    )
    # 马上一年, 迎来年度, 未来年: a year word whose first character may end the word before is
    # guarded; 到今年, 至去年 are not
    guarded = [x for x in w["years"] if x[0] in w["years_guarded_first"]]
    free = [x for x in w["years"] if x[0] not in w["years_guarded_first"]]
    yrel = (rf"(?:(?<![{w['years_guard_before']}])(?P<{p}yrel>{_years_alt(guarded)})|(?P<{p}yrel>{_years_alt(free)}))(?!度)")
    year = rf"(?:{year4}|{year2}|{yrel})"
    # Q1 .. Q4 only as a word of their own (not inside a URL or code)
    quarter_q = r"(?<![A-Za-z0-9])Q[1-4](?![A-Za-z0-9])"
    ypart = rf"(?P<{p}yp>{alt(w['year_parts'])}|{quarter_q})"
    ypart_alone = rf"(?P<{p}yp>{alt(x for x in w['year_parts'] if x not in w['year_parts_after_year'])}|{quarter_q})"
    ytd = rf"前(?P<{p}ytd>1[0-2]|[1-9]|十[一二]|[一二两三四五六七八九十])个?月"  # 今年前4个月
    yend = rf"(?P<{p}ye>底|初(?![步期次始衷心级创赛选审具现见])|末(?!期)|中(?=[,，。;；、\s)）]|$))"
    mnum = r"(?:(?<![\d.])(?:1[0-2]|0?[1-9])(?![\d.])|十[一二]|[一二三四五六七八九十])"
    month = rf"(?:(?P<{p}mfrom>{mnum})\s?(?:[-—–~－]{{1,2}}|至|到)\s?)?(?P<{p}m>{mnum}|正|冬|腊)\s?月份?"
    mrel = rf"(?P<{p}mrel>{alt(w['months'])})"
    qrel = rf"(?P<{p}qrel>{alt(w['quarters'])})"
    mpart = (
        rf"(?P<{p}mp>上旬|中旬|下旬|上半月|下半月|月初|月中|月底|月末|初(?![步期次始衷心级创赛选审具现见一二三四五六七八九十])|中(?=[,，。;；、\s)）]|$)"
        rf"|末(?!期)|底)"
    )
    day = (
        rf"(?P<{p}d>(?<![\d.])(?:3[01]|[12]\d|0?[1-9])(?![\d.])|三十一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?"
        rf"|十[一二三四五六七八九]?|[一二三四五六七八九])\s?[日号]"
    )
    # a day after a month without 日: lunar 初一, or 八月十五 / 腊月18 where nothing numeric follows
    lday = (
        rf"(?P<{p}ld>初[一二三四五六七八九十]|(?:三十|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|十[一二三四五六七八九]?"
        rf"|[一二三四五六七八九])(?=[,，。;；、\s的早晚上下中凌]|$)|(?<=[正冬腊]月)\d{{1,2}}{NOT_NUM_AFTER}"
        # 10月22 without 日 only where a separator or the end follows (1月27% is a month and a percent)
        rf"|(?<=月)(?:3[01]|[12]\d|0?[1-9])(?=[至到\-—~,，。;；、\s]|$))"
    )
    wtail = r"(?:[,，]?\s?(?:星期|周|礼拜)[一二三四五六日天])?"
    monthblock = rf"(?:(?:{month}(?:\s?{mpart})?|{mrel})(?:\s?(?:{day}|{lday}))?{wtail})"
    cn_day = r"|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?" if p == "b_" else ""
    # 2号 right after a name is a serial number (雪龙2号, 长征5号), not a day
    dayabs = rf"(?<!第)(?P<{p}d>(?<![\d.])(?:3[01]|[12]\d|0?[1-9])(?![\d.]){cn_day})\s?(?:日|(?<!(?![的在于到至是从自和及或])\p{{Han}}\d{{1,2}})号){wtail}"
    relday = rf"(?:(?P<{p}drel>{alt(w['days'])})|(?P<{p}dctx>{alt(w['context_days'])})|(?P<{p}dpw>{alt(w['day_part_words'])}))"
    wpre = rf"(?P<{p}wp>{alt(w['week_prefixes'])})"
    wword = rf"(?P<{p}ww>{alt(w['week_words'])})"
    wday = rf"(?:(?P<{p}wd>[一二三四五六天1-7]|日(?!本))|(?P<{p}wend>末))"  # 下周日本央行: 下周, 日本
    week = rf"(?:{wpre}\s?{wword}{wday}?|{wword}{wday})"
    hol = (rf"(?P<{p}hol>{alt(list(h['solar']) + list(h['lunar']) + list(h['eve']) + list(h['term']) + list(h['nth_weekday']))})"
           rf"(?!{alt(h['not_before'])})")  # 余小年说, 清明上河图: a name or a title
    holc = rf"(?P<{p}hol>{alt(h['needs_context'])})(?={alt(h['context_after'])})"
    lunar = rf"(?P<{p}lun>农历)?"
    numdate = (
        rf"(?:(?<![\d./A-Za-z])(?P<{p}ny>[12]\d{{3}})(?P<{p}ns>[-/.])(?P<{p}nm>1[0-2]|0?[1-9])(?P={p}ns)(?P<{p}nd>3[01]|[12]\d|0?[1-9])(?![\d.%])"
        rf"(?:(?:T|\s{{1,2}})(?P<{p}hc>[01]?\d|2[0-3]):(?P<{p}mc>[0-5]\d)(?::(?P<{p}sc>[0-5]\d))?(?![\d:]))?"
        rf"|(?<![\d./])(?P<{p}nm>1[0-2]|0?[1-9])/(?P<{p}nd>3[01]|[12]\d|0?[1-9])/(?P<{p}ny>[12]\d{{3}})(?![\d./]))"
    )
    decade = (
        rf"(?:(?P<{p}cent>上世纪|本世纪|(?<!\d)(?:1\d|20)世纪|十[一二三四五六七八九]世纪|二十世纪|二十一世纪))?"
        rf"(?P<{p}dec>(?<![\d.])[1-9]0(?!\d)|[一二三四五六七八九]十)年代"
    )
    # each branch opens with a lookahead on its possible first characters, so that a branch that
    # cannot match fails at once (the engine tries the branches in turn at every position)
    digits = "0123456789"
    cn_d = CN_D + "十"
    hol_names = list(h["solar"]) + list(h["lunar"]) + list(h["eve"]) + list(h["term"]) + list(h["nth_weekday"])
    f_year = _first(digits + CN_D + "两农", w["years"])
    f_month = _first(digits + cn_d + "正冬腊农", w["months"])
    f_rel = _first("", list(w["days"]) + list(w["context_days"]) + list(w["day_part_words"]))
    f_week = _first("", list(w["week_prefixes"]) + list(w["week_words"]))
    f_hol = _first("", hol_names + list(h["needs_context"]))
    date_core = (
        rf"(?:(?=[{digits}]){numdate}"
        rf"|(?=[上本{digits}{cn_d}]){decade}"
        rf"|{f_year}{lunar}{year}(?:\s?(?:的?{ypart}|{ytd}|{yend}|{lunar}{monthblock}|{hol}))?"
        rf"|{f_month}{lunar}{monthblock}"
        rf"|{_first('', w['quarters'])}{qrel}"
        rf"|(?=[{digits}{cn_d if p == 'b_' else ''}]){dayabs}|{f_rel}{relday}|{f_week}{week}|{f_hol}(?:{hol}|{holc})|{_first('Q', w['year_parts'])}{ypart_alone})"
    )
    dpart = rf"(?P<{p}dp>{alt(w['day_parts'])})"
    clock = (
        rf"(?:(?P<{p}h>(?<![\d.])(?:[01]?\d|2[0-4])(?![\d.])|[零一二两三四五六七八九十]{{1,3}})\s?(?P<{p}hs>[点时])"
        rf"(?:(?P<{p}mi>[0-5]?\d|[零一二三四五六七八九十]{{1,3}})\s?分(?:(?P<{p}s>[0-5]?\d|[零一二三四五六七八九十]{{1,3}})\s?秒)?"
        rf"|(?P<{p}mq>半|一刻|三刻|1刻|3刻)"
        rf"|(?P<{p}mi>[0-5]\d|零[一二三四五六七八九]|[一二三四五]十[一二三四五六七八九]?)(?![\d.%{CN_N}百千万亿个])"
        rf"|(?P<{p}hz>钟|整|正)|(?![\d{CN_N}]))"
        rf"|(?P<{p}hc>(?<![\d.:])(?:[01]?\d|2[0-3]))\s?:\s?(?P<{p}mc>[0-5]\d)(?:\s?:\s?(?P<{p}sc>[0-5]\d))?(?![\d.:])时?)"
        rf"(?:\s?(?P<{p}ampm>[ap]\.?m\.?|PM|AM|pm|am|p(?![a-z])))?"
    )
    tod = rf"(?:{dpart}\s?(?:{clock})?|{clock})"
    # a day part alone (上午, 晚上) is too loose in running text; with a clock it is a time
    f_clock = _first(digits + "零一二两三四五六七八九十", [])
    f_dpart = _first("", w["day_parts"])
    point = rf"(?:{date_core}(?:\s?{tod})?|{f_dpart}{dpart}\s?{clock}|{f_clock}{clock})"
    return locals()


def _duration() -> str:
    w = words()
    units = alt(w["units"])
    # not 第一年, 千年秀林, 几千年: a count starts with a digit or numeral, not with 百/千
    num = rf"(?<![第几数])(?P<n>(?<![\d.])\d{{1,3}}(?:\.\d{{1,2}})?(?![\d.])|(?![百千])[{CN_N}百千]{{1,5}}|几|数|多|半)"
    # 年份, 年级, 周岁, 天然气: the unit character starts another word
    unit_guard = (r"(?<!年(?=[份度级纪龄轻代货终薪会报]|四季))(?<!周(?=[岁边围刊转期]))(?<!天(?=[然气空下津堂使文才]|到晚))"
                  r"(?<!月(?=[球亮光饼]))")  # also the idioms 一年四季, 一天到晚
    one = rf"{num}\s?个?(?P<more>多|半)?\s?(?P<u>{units}){unit_guard}(?P<more2>多|半)?"
    # a second unit: 8天20小时, 一年又一个月21天 (up to three parts)
    # a second unit (8天20小时); a bare 月 or 日 there is a date (三年五月), not a length
    units2 = alt(u for u in w["units"] if u not in ("月", "日", "周年"))
    extra = rf"(?:又?(?P<n2>\d{{1,3}}|[{CN_N}]{{1,4}})\s?个?(?P<u2>{units2})){{0,2}}"
    # 提前31小时, 目前, 此后: the prefix's character belongs to the word before; a one-character
    # prefix after another word is part of it (干上20多天) unless that word ends a date or a phrase
    long_pre = [x for x in w["duration_prefixes"] if len(x) > 1]
    short_pre = [x for x in w["duration_prefixes"] if len(x) == 1]
    pre = (rf"(?:(?<![最以之提目此日当眼向空史跟面门超领马])(?P<dpre>{alt(long_pre)})"
           rf"|(?:(?<!\p{{Han}})|(?<=[年月的在是这那和与及、为]))(?P<dpre>{alt(short_pre)}))?")
    suf = rf"(?:(?P<dsuf>{alt(w['duration_suffixes'])})(?<!来(?=[到自说看讲访])))?"  # not 3个多小时来到
    return rf"{pre}{one}{extra}{suf}"


def _top() -> str:
    w = words()
    pre = r"(?P<pre>自从|自|截至到|截止到|截至|截止|直到|至|到|从|由)?"
    sep = rf"(?P<sep>{alt(w['range_separators'])})"
    suf = rf"(?P<suf>{alt([k for k in w['suffix_mods'] if len(k) > 1])}|期间|前后|至今|间|[前后](?![\u4e00-\u9fff\d])|许(?![多可诺久])|起(?![诉草飞步色火点码来床身]))?"
    yrange = (
        # (2019—2020): a bare year range in brackets, as in a plan's title
        r"(?:(?<=[(（])(?P<yr1>[12]\d{3})(?:[-—–~－]{1,2}|至)(?P<yr2>[12]\d{3})(?P<yrn>)(?=[)）])"
        r"|(?P<yr1>(?<![\d.])[12]\d{3}(?![\d.]))\s?年?\s?(?:[-—–~－]{1,2}|至|到)\s?(?P<yr2>(?<![\d.])[12]\d{3}(?![\d.]))(?P<yrn>\s?年)?"
        # not when the second year goes on (2015年到2016年上半年, 2019年至2020年3月: a range of points)
        r"(?!\s?年?\s?(?:[上下前后]半年|第?[一二三四]季度|[初中底末]|(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s?月)))"
    )
    a, b = _point("a_"), _point("b_")
    date = rf"(?:{yrange}|{a}(?:\s?{sep}\s?{b}|\s?(?P<sep>和|与)\s?{b}\s?(?P<suf>之间|间))?)"
    # 每年5月, 每月15日: the recurrence with the month or day it recurs on
    sets = (rf"(?P<set>{alt(w['sets'])})(?:(?<=年)(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?:(?:3[01]|[12]\d|0?[1-9])[日号])?"
            rf"|(?<=月)(?:3[01]|[12]\d|0?[1-9])[日号]|(?<=年)(?:年底|年初|年末|年中|上半年|下半年))?")
    periods = rf"(?P<period>{alt(w['named_periods'])})"
    vague_words = list(w["vague"]) + list(w["resolvable_vague"])
    vague = rf"(?<![合共不协])(?P<vague>{alt(vague_words)})"  # not 合同期
    # vague words that begin with a date word (去年同期) must be tried before the date
    date_words = list(w["years"]) + list(w["months"]) + list(w["days"])
    early = [v for v in vague_words if any(v.startswith(x) and v != x for x in date_words)]
    early_vague = rf"(?P<vague>{alt(early)})|" if early else ""
    return rf"{early_vague}(?P<date>{pre}{date}{suf})|(?P<dur>{_duration()})|{sets}|{periods}|{vague}"


def _class(chars) -> str:
    return "".join(regex.escape(c) for c in sorted(chars))


def _gate_parts() -> tuple[set[str], dict[str, set[str]], set[str]]:
    """(free first characters, {first character: possible second characters}, key characters)."""
    w, h = words(), holidays()
    vocab = []
    for k in ("years", "months", "quarters", "days", "context_days", "day_part_words", "year_parts", "day_parts", "vague", "resolvable_vague",
              "sets", "units", "week_words", "named_periods"):
        vocab += list(w[k])
    for k in ("solar", "lunar", "eve", "term", "nth_weekday", "needs_context"):
        vocab += list(h[k])
    starts = [x for x in vocab if x not in w["units"] or x in w["week_words"]]
    starts += list(w["week_prefixes"]) + list(w["duration_prefixes"])
    # characters after which anything may follow: numerals, prefixes, one-character words
    free = set(CN_N + "百千几数多半自截直至到从由农正冬腊上本这今下Q") | {x for x in starts if len(x) == 1}
    # other first characters open only their words (大 opens 大前天, 大年初一 ..., not 大家)
    seconds: dict[str, set[str]] = {}
    for x in starts:
        if len(x) > 1 and x[0] not in free:
            seconds.setdefault(x[0], set()).add(x[1])
    key = set(KEY_CHARS)
    for v in vocab:
        if not key & set(v):
            key.add(v[-1] if v[-1] not in "一二上下中" else v[0])
    return free, seconds, key


def _gate() -> str:
    """Two cheap lookaheads that skip most positions before the full pattern is tried.

    An expression starts with one of a few characters (digits, numerals, the first characters of
    the words in data/), and holds a key character (年, 月, 日, 节 ... or the rarest character of a
    word without one) within its first characters. This is what makes the scan fast: the full
    pattern runs at a small share of the positions.
    """
    free, seconds, key = _gate_parts()
    pairs = "|".join(f"{regex.escape(c)}[{_class(nxt)}]" for c, nxt in sorted(seconds.items()))
    # a digit inside a number opens nothing
    return (rf"(?=(?<![\d.])\d|[{_class(free - set('0123456789'))}]|{pairs})"
            rf"(?=[^\n]{{0,{GATE_WINDOW}}}?[{_class(key)}])")


KEY_CHARS = "年月日号周天时点分秒季旬节钟刻星期礼拜:/-.Q—–~"
GATE_WINDOW = 16


@lru_cache(maxsize=1)
def scanner() -> regex.Pattern:
    return regex.compile(_gate() + "(?:" + _top() + ")")


@lru_cache(maxsize=1)
def group_names() -> tuple[str, ...]:
    """The scanner's group names in group-number order (duplicate names share one number)."""
    index = scanner().groupindex
    names = [""] * scanner().groups
    for name, i in index.items():
        names[i - 1] = name
    return tuple(names)
