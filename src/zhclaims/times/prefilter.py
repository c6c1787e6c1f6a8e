"""The scan's fast path: where the scanner may start, found with the standard library's engine.

``starts()`` matches one character at each position where the scanner's gate holds and the next
characters can go on into a time expression; ``extract.scan`` tries the scanner only there. The
standard library's engine skips text that holds no time several times faster than ``regex``
walks the gate's lookaheads, and every attempt of the scanner that fails costs microseconds, so
it matters what this lets through. The scanner keeps its gate: this says where to try it and
must never skip a position where it can match.

``FOLLOW`` and ``FOLLOW_DIGITS`` are an index over the scanner, not rules: what may come after a
character that the gate lets anything follow (numerals, prefixes, one-character words), and after
the digits that open an expression (2025年, 3.5小时 ...). ``derive_follow()`` computes them from
the scanner by partial matching; tests/test_times_scan.py checks they hold everything it derives,
so a word added to data/ that can follow such a character makes the test say what to add here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .patterns import GATE_WINDOW, _class, _gate_parts

# class contents (regular-expression syntax) of the characters that may come next
FOLLOW = {
    'Q': r"1234",
    '〇': r"\s〇一七三两个九二五八六分十千半周四多天季小年廿日星月百礼秒钟零",
    '一': r"\s\-\~–—〇一七三两个九二五八六分到十千半周四多天季小年廿日时星月点百直礼秒至钟零－",
    '七': r"\s\-\~–—〇一七三两个九二五八六分到十千半周四夕多天季小年廿日时星月点百礼秒至钟零－",
    '三': r"\s\-\~–—〇一七三两个九二五八六分到十千半周四多天季小年廿日时星月点百礼秒至钟零－",
    '上': r"\s\d0123456789〇一七三上世两个九二五八六几十午半周四多季年廿数星月礼零",
    '下': r"\s\d0123456789〇一七三下两个九二五八六几十午半周四多季廿数星月礼零",
    '两': r"\s〇一七三两个九二五八六分十千半周四多天季小年廿日时星月点百礼秒钟零",
    '九': r"\s\-\~–—〇一七三两个九二五八六分到十千半周四多天季小年廿日时星月点百礼秒至钟零－",
    '二': r"\s\-\~–—〇一七三两个九二五八六分到十千半周四多天季小年廿日时星月点百礼秒至钟零－",
    '五': r"\s\-\~–—〇一七三两个九二五八六分到十千半周四多天季小年廿日时星月点百礼秒至钟零－",
    '今': r"个后天年日早晚晨",
    '从': r"0123456789Q〇一七万三上下两中九二五今傍儿元光全八六农冬凌创前劳十午去双同后听周四国圣夏夜大女妇小岁平年建开当情愚感教新早明星春昨晚本来植次正母消深清澳父琴礼秋立端第翌腊这重阳除零青",
    '八': r"\s\-\~–—〇一七三两个九二五八六分到十千半周四多天季小年廿日时星月点百礼秒至钟零－",
    '六': r"\s\-\~–—〇一七三两个九二五八六分到十千半周四多天季小年廿日时星月点百礼秒至钟零－",
    '农': r"历",
    '冬': r"\s季月至",
    '几': r"\s个分半周多天季小年日星月礼秒钟",
    '到': r"0123456789Q〇一七万三上下两中九二五今傍儿元光全八六农冬凌前劳十午去双同后听周四国圣夏夜大女妇小岁平年建开当情愚感教新早明星春昨晚本植次正母消深清澳父琴礼秋立端第翌腊这重阳除零青",
    '前': r"\d0123456789〇一七三两九二五些八六几十半四多天年廿数日晚零面",
    '十': r"\s\-\~–—〇一七三两个九二五八六分到十千半周四多天季小年廿日时星月点百礼秒至钟零－",
    '千': r"",
    '半': r"\s个分半周多天季小年日星月礼秒钟",
    '后': r"\d0123456789〇一七三两九二五八六几十半四多天年廿数日续零",
    '周': r"1234567一三二五六四天日末",
    '四': r"\s\-\~–—〇一七三两个九二五八六分到十千半周四多天季小年廿日时星月点百礼秒至钟零－",
    '多': r"\s个分半周多天季小年日星月礼秒钟",
    '夜': r"\s\d0123456789一七三两九二五八六十四里间零",
    '廿': r"\s〇一七三两个九二五八六分十千半周四多天季小年廿日星月百礼秒钟零",
    '截': r"止至",
    '数': r"\s个分半周多天季小年日星月礼秒钟",
    '新': r"\d0123456789〇一七三两九二五八六几十半四多年廿数零",
    '晚': r"\s\d0123456789一七三上两九二五八六十四间零",
    '本': r"\s世周季年日星月礼",
    '正': r"\s月",
    '由': r"0123456789Q〇一七万三上下两中九二五今傍儿元光全八六农冬凌前劳十午去双同后听周四国圣夏夜大女妇小岁平年建开当情愚感教新早明星春昨晚本来植次正母消深清澳父琴礼秋立端第翌腊这重阳除零青",
    '百': r"",
    '直': r"到",
    '腊': r"\s八月",
    '自': r"0123456789Q〇一七万三上下两中九二五今从傍儿元光全八六农冬凌前劳十午去双同后听周四国圣夏夜大女妇小岁平年建开当情愚感教新早明星春昨晚本来植次正母消深清澳父琴礼秋立端第翌腊这重阳除零青",
    '至': r"0123456789Q〇一七万三上下两中九二五今傍儿元光全八六农冬凌前劳十午去双同后听周四国圣夏夜大女妇小岁平年建开当情愚感教新早明星春昨晚本来植次正母消深清澳父琴礼秋立端第翌腊这重阳除零青",
    '近': r"\d0123456789〇一七三两九二五些八六几十半四多年廿数日期零",
    '这': r"\s一个周星礼",
    '零': r"\s〇一七三两个九二五八六分十千半周四多天季小年廿日时星月点百礼秒钟零",
}
FOLLOW_DIGITS = r"\s\d\-\./:\~–—世个分到半号周多天季小年日时星月点礼秒至财钟－"


_REPS_HAN = "鑫㐀𠀀"  # characters the scanner names nowhere: Han (BMP, extension A, B), Latin
_REPS_OTHER = "xZ"
_REPS_DIGIT = "١１"  # digits other than 0-9 (\d)
_REPS_SPACE = "\u3000\xa0\t\r\n "  # \s


def _alphabet(source: str) -> list[str]:
    return sorted(set(source) | set("0123456789") | set(_REPS_HAN + _REPS_OTHER + _REPS_DIGIT + _REPS_SPACE)
                  | set("，。；：（）、“”!?,;%"))


def _follow_class(allowed: set[str]) -> str | None:
    """Class contents for the characters in ``allowed`` (None: any character)."""
    if allowed & set(_REPS_HAN + _REPS_OTHER):
        return None
    explicit = allowed - set(_REPS_DIGIT) - set(_REPS_SPACE)
    return ((r"\s" if allowed & set(_REPS_SPACE) else "") + (r"\d" if allowed & set(_REPS_DIGIT) else "")
            + _class(explicit))


DIGIT_RUNS = ([str(i) for i in range(10)] + [f"{i:02d}" for i in range(32)] + ["40", "50", "59", "60", "90", "99", "100", "123", "199", "200", "202",
              "299", "300", "999", "0123", "1000", "1234", "1999", "2000", "2020", "2999", "3000", "9999", "12345",
              "0.5", "1.5", "12.25", "99.99", "2020.01", "2020.1", "1."])
LEFT = ("", "(", "鑫")  # what may stand before: nothing, an opening bracket (a year range), a word


def derive_follow() -> tuple[dict[str, str | None], set[str]]:
    """({free character: class contents of what may follow, None for anything}, the characters
    that may follow the digits of ``DIGIT_RUNS``), from partial matches of the scanner's body
    (without the gate) on each candidate pair. Slow (seconds): for tests and for updating
    ``FOLLOW``/``FOLLOW_DIGITS``."""
    import regex

    from .patterns import _top

    source = _top()
    top = regex.compile(source)
    alphabet = _alphabet(source)

    def possible(prefix: str) -> bool:
        return any(top.match(left + prefix, len(left), partial=True) is not None for left in LEFT)

    free, _, _ = _gate_parts()
    follow = {}
    for c in sorted(free - set("0123456789")):
        follow[c] = _follow_class({x for x in alphabet if possible(c + x)})
    digits = set()
    for run in DIGIT_RUNS:
        digits |= {x for x in alphabet if x not in "0123456789" and possible(run + x)}
    return follow, digits


@lru_cache(maxsize=1)
def starts() -> re.Pattern:
    """One character at each position where the scanner's gate may hold: a digit not inside a
    number whose digits (and decimals) one of ``FOLLOW_DIGITS`` follows, or another character
    that may open an expression; and a key character is that one or among the GATE_WINDOW after
    it. What follows any other first character is for ``follows()`` to say."""
    free, seconds, key = _gate_parts()
    k = _class(key)
    # one character class first: the engine then skips the other characters without trying anything
    first = _class(set(free) | set(seconds) | set("0123456789"))
    # the digits, and the decimals if any (possessive: 3.5万 is not 3 followed by .)
    digit = rf"(?<=\d)(?<![\d.]\d)(?=[0-9]*+(?:\.[0-9]++)?+[{FOLLOW_DIGITS}])"
    # another character: the next one may follow some first character (which one is for follows())
    nexts, space, digits = set(), False, False
    for chars, sp, dg in follows().values():
        nexts |= chars
        space, digits = space or sp, digits or dg
    cls = _class(nexts) + (r"\s" if space else "") + (r"\d" if digits else "")
    other = rf"(?<!\d)(?=[{cls}])"
    anything = {c for c in free - set("0123456789") if FOLLOW.get(c) is None}
    if anything:
        other += rf"|(?<=[{_class(anything)}])"
    return re.compile(rf"[{first}\d](?:(?<=[{k}])|(?=[^\n]{{0,{GATE_WINDOW - 1}}}?[{k}]))(?:{digit}|{other})")


@lru_cache(maxsize=1)
def follows() -> dict[str, tuple[frozenset[str], bool, bool]]:
    """{first character: (the characters that may come next, whether a space may, whether a digit
    may)} for the characters ``starts()`` lets through whatever follows: ``FOLLOW`` for the free
    ones (absent: anything may follow) and the gate's second characters for the others. Looking a
    character up in a set beats a lookahead per character in the pattern."""
    free, seconds, _ = _gate_parts()
    out = {c: (frozenset(nxt), False, False) for c, nxt in seconds.items()}
    for c in free - set("0123456789"):
        cls = FOLLOW.get(c)
        if cls is not None:
            explicit = re.sub(r"\\[sd]", "", cls).replace("\\", "")
            out[c] = (frozenset(explicit), r"\s" in cls, r"\d" in cls)
    return out
