"""Running text -> quantities.

One compiled scan over the normalized view of each body span finds numeral candidates
(``_CANDIDATE``); everything after that is per candidate, so the cost is linear in the text plus
the number of numerals. For each candidate the extractor reads, from the data tables:

* the unit after it (longest match; a multiplier run such as 万千瓦 is split so that a unit
  starting with 千/百/万 wins: 100万千瓦 = 1e6 千瓦), with the currency for money;
* hedges before (outside the span: 超100% -> "100%") and after (inside: "1500家以上");
* whether it is not a figure at all: a date or clock time, a duration, an ordinal, a code
  (C11, 5G), an idiom or name (九死一生, 十三五), an article (一家, 两层), a bare number;
* ranges (6万元至30万元, 30万~40万元, 15-20%) merged into one quantity, and lists sharing a
  unit (0.5、0.1个百分点; 0.5个和0.6个百分点) given the unit of the last member.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal

import regex

from ..model import Quantity
from ..text.normalize import normalize
from .parse import DIGITS, MAX_LEN, Number, parse_numeral, parse_percent_word, to_py
from .tables import Tables, Unit, tables

_CN = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟廿卅卌"
_CN_DIGIT = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})++(?!,?[0-9])(?:\.[0-9]++)?|[0-9]++(?:\.[0-9]++)?"
_RUN = rf"(?:[数几上](?=[十百千万亿]))?(?:{_ARABIC}|[{_CN}]|点(?=[{_CN_DIGIT}])|(?<=[0-9]) (?=[万亿]))++(?:[多余来几][十百千万亿]*+)?"
_FIRST = rf"[0-9{_CN}数几上翻过超半对]"
_CANDIDATE = regex.compile(
    rf"(?={_FIRST})(?:(?P<pw>(?:百分之|千分之)(?:{_ARABIC}|[{_CN}]|点(?=[{_CN_DIGIT}0-9]))++"
    rf"|(?:[{_CN}]++|[0-9]++)分之[{_CN}0-9]++"
    r"|翻(?:了)?(?:[一二两三四五1-5]番|倍|番)"
    r"|过半数?|超半数|一半|半数|百分百|对折|半成|半折"
    r"|(?<![0-9/.])[1-9][0-9]?/[1-9][0-9]{0,2}(?![0-9/.]))"
    rf"|(?P<run>{_RUN}))"
)
_MULT_CHARS = "十百千万亿"
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")  # ASCII letters only
_ARABIC_ONLY = regex.compile(r"[0-9.,]+")
_PHRASE_NUMERAL = frozenset(_CN + "多余几数")
_FINANCIAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
_CJK = regex.compile(r"[\u3400-\u9fff]")
_GLUE = frozenset("到至和与或及以之的多余左上下来几")  # words that join a numeral to a range, list or hedge
_SPACE = " \t"


@dataclass(slots=True)
class _Atom:
    start: int
    end: int  # end of the whole atom (unit and hedge after included)
    num: Number
    num_end: int  # end of the numeral
    unit: Unit | None = None
    mult_suffix: str = ""  # 万, 亿 ... written after Arabic digits
    arabic_plain: bool = False  # Arabic digits and nothing else
    hedge_before: str | None = None
    hedge_after: str | None = None
    prefix_currency: str | None = None
    negative: bool = False
    merged: list = field(default_factory=list)


_FLIP = {"gt": "lt", "ge": "le", "lt": "gt", "le": "ge"}


def _negate(n: Number) -> None:
    """-x: bounds swap sides, and 'more than 20' below zero is 'less than -20'."""
    n.qualifier = _FLIP.get(n.qualifier, n.qualifier)
    n.value = -n.value if n.value is not None else None
    n.lower, n.upper = (-n.upper if n.upper is not None else None), (-n.lower if n.lower is not None else None)


def _split_multiplier(norm: str, s: int, e: int, t: Tables) -> tuple[int, Unit | None]:
    """Where the numeral ends: a trailing run of 十百千万亿 may start a unit (5千克, 100万千瓦)."""
    k = e
    while k > s and norm[k - 1] in _MULT_CHARS:
        k -= 1
    if k == e:
        return e, t.unit_at(norm, e)
    for cut in range(k, e + 1):
        if cut == s:
            continue
        u = t.unit_at(norm, cut)
        if u is not None and cut + len(u.written) > e:
            return cut, u
    return e, t.unit_at(norm, e)


def _atom(m, norm: str, lo: int, hi: int, t: Tables) -> _Atom | None:
    s, e = m.span()
    if m.group("pw"):
        num = parse_percent_word(m.group("pw"))
        if num is None:
            return None
        a = _Atom(s, e, num, e)
        a.unit = t.units.get(num.unit) if num.unit in t.units else Unit(num.unit, "percent", num.unit)
        return _hedges(a, norm, lo, hi, t)
    if e - s > MAX_LEN:
        return None
    # what comes before: a code (C11, G20), a decimal/date piece, an ordinal (第二批)
    if s > lo:
        prev = norm[s - 1]
        if prev in _LATIN or prev in "./#_@" or (prev in "-—–" and s - 1 > lo and norm[s - 2] in _LATIN):
            return None
    if t.ending_at("not_before", norm, s, lo):
        return None
    if not norm[s].isdigit() and t.ending_at("not_before_chinese", norm, s, lo):
        return None
    cut, unit = _split_multiplier(norm, s, e, t)
    text = norm[s:cut]
    num = parse_numeral(text)
    if num is None:
        return None
    # what comes right after the numeral: a time word, rank, code ...
    blocked = t.starting_at("not_after", norm, cut, hi)
    if blocked == "点" and unit is not None and unit.written == "点" and num.value is not None \
            and (num.value > 24 or num.value != num.value.to_integral_value()) and norm[s].isdigit():
        blocked = None  # 3050.12点, 收于2880点: index points; 5点 is a clock time
    if blocked and (unit is None or len(blocked) >= len(unit.written)):
        return None
    if unit is not None and unit.written in t.no_multiplier and any(c in "十百千万亿" for c in norm[s:cut]):
        unit = None  # 30万级市场 is a class of market (no unit), 6.6级地震 a magnitude
    if unit is not None and unit.written in t.unit_blocked:
        after = cut + len(unit.written)
        if after < hi and norm[after] in t.unit_blocked[unit.written]:
            unit = None  # 又一成功, 三折叠: the unit's character starts another word
    if unit is None and cut < hi and (norm[cut] in _LATIN or norm[cut].isdigit()):
        return None  # 5G, 4S店, 3D
    if unit is not None and unit.written[:1] in _LATIN and cut + len(unit.written) < hi \
            and norm[cut + len(unit.written)] in _LATIN:
        return None  # 50mgx, 5Gbps read as letters: a code or a unit we do not know
    if unit is not None and unit.written == "个":
        p = cut + 1 + (cut + 1 < hi and norm[cut + 1] in "多半余来")
        if t.starting_at("not_after", norm, p, hi):
            return None  # 3个多小时, 两个半月: a duration (the times stage's)
    a = _Atom(s, cut, num, cut)
    if s - 2 >= lo and norm.startswith("零下", s - 2):  # 零下269摄氏度
        _negate(num)
    if s > lo and norm[s - 1] in "-负":
        a.negative = True  # -22.2%, 负3%: applied in _merge, which sees the figure before (5%-6%)
    a.arabic_plain = bool(_ARABIC_ONLY.fullmatch(text))
    k = len(text)
    while k > 0 and text[k - 1] in _MULT_CHARS:
        k -= 1
    if k and _ARABIC_ONLY.fullmatch(text, 0, k):
        a.mult_suffix = text[k:]
    if unit is not None:
        a.unit = unit
        a.end = cut + len(unit.written)
        nxt = norm[a.end] if a.end < hi else ""
        if unit.written == "成" and nxt and nxt in "一二三四五六七八九半" and num.value is not None and num.value < 10:
            # 九成五 = 95%, 三成半 = 35%
            extra = 5 if nxt == "半" else DIGITS[nxt]
            a.num = Number(num.value * 10 + extra, None, None, Decimal("0.5"), unit="%", chinese_only=num.chinese_only)
            a.end += 1
        elif unit.kind in ("measure", "currency") and a.end < hi and norm[a.end] == "半" and num.value is not None \
                and num.value == num.value.to_integral_value():
            num.value += Decimal("0.5")  # 一吨半, 两米半
            a.end += 1
        elif unit.scale != 1 and not (unit.written == "折" and num.value is not None and num.value >= 10):
            n = a.num
            n.value = n.value * unit.scale if n.value is not None else None
            n.lower = n.lower * unit.scale if n.lower is not None else None
            n.upper = n.upper * unit.scale if n.upper is not None else None
            n.precision = n.precision * unit.scale if n.precision is not None else None
    # currency written before: $100, 人民币100元
    for p, iso in (t.currency_prefix.items() if s > lo and norm[s - 1] in t.prefix_last else ()):
        if s - len(p) >= lo and norm.startswith(p, s - len(p)):
            a.prefix_currency = iso
            a.start = s - len(p)
            if a.unit is None or a.unit.kind != "currency":  # $799起: the sign is the unit
                a.unit = Unit(p, "currency", p, iso)
                a.end = cut
            break
    else:
        # a currency word before the number: 人民币100元, 港币3.14 (not 4人民币5美元: the word belongs
        # to the figure before it)
        w = t.ending_at("currency_words", norm, s, lo)
        if w and not (s - len(w) - 1 >= lo and (norm[s - len(w) - 1].isdigit() or norm[s - len(w) - 1] in _CN)):
            iso = t.units[w].iso
            a.prefix_currency = iso
            if a.unit is None:
                a.unit = t.units[w]
                a.start = s - len(w)
    if a.unit is not None and a.unit.written in _YUAN and num.value is not None and a.num is num:
        _small_change(a, norm, hi)
    return _hedges(a, norm, lo, hi, t)


_YUAN = frozenset(("元", "圆", "块", "块钱"))
_JIAO_FEN = regex.compile(
    r"(?:(?P<j>[0-9零一二两三四五六七八九壹贰叁肆伍陆柒捌玖])(?:角|毛))?(?:(?P<f>[0-9零一二两三四五六七八九壹贰叁肆伍陆柒捌玖])分)?"
    r"(?P<tail>(?<=块)[一二三四五六七八九](?![0-9\u3400-\u9fff]))?(?P<whole>[整正](?![\u3400-\u9fff]))?"
)


def _small_change(a: _Atom, norm: str, hi: int) -> None:
    """五元六角, 三块四分, 一块二 (= 1.2): the 角 and 分 after a yuan amount join its value; a
    closing 整/正 (壹拾壹元整) joins the span."""
    m = _JIAO_FEN.match(norm, a.end, hi)
    if m is None or m.end() == a.end:
        return
    jiao, fen, tail = m.group("j"), m.group("f"), m.group("tail")
    if tail and (jiao or fen):
        fen, tail = tail, None
    digit = lambda c: Decimal(int(c)) if c.isdigit() else Decimal(DIGITS[c])  # noqa: E731
    extra = Decimal(0)
    if jiao:
        extra += digit(jiao) / 10
    if fen:
        extra += digit(fen) / 100
    if tail:
        extra += digit(tail) / 10
    a.num.value += extra
    a.end = m.end()
    if not (jiao or fen or tail):  # 壹拾壹元整: only the 整
        return
    if a.unit.kind != "currency":  # 五块六, 三块四分: 块 is money here, not a piece
        a.unit = Unit(a.unit.written, "currency", a.unit.written, "CNY")
    a.num.precision = Decimal("0.005") if fen else Decimal("0.05")


def _hedges(a: _Atom, norm: str, lo: int, hi: int, t: Tables) -> _Atom:
    h = t.ending_at("hedge_before", norm, a.start, lo)
    if h is not None:
        before = norm[a.start - len(h) - 1] if a.start - len(h) > lo else ""
        if before not in t.before_blocked.get(h, ()):
            a.hedge_before = h
    h = t.starting_at("hedge_after", norm, a.end, hi)
    if h is not None and not t.starting_at("after_not_before", norm, a.end + len(h), hi):
        a.hedge_after = h
        a.end += len(h)
    return a


def _qualify(a: _Atom, t: Tables) -> tuple[str, object, object, object]:
    """qualifier, value, lower, upper from the numeral's own bounds and the hedges."""
    n = a.num
    q = n.qualifier
    value, lower, upper = n.value, n.lower, n.upper
    hedge = None
    if a.hedge_after:
        hedge = t.hedge_after[a.hedge_after]
    elif a.hedge_before:
        hedge = t.hedge_before[a.hedge_before]
    if hedge and value is not None:
        if hedge == "below":
            q, upper = "approx", value
        elif hedge == "approx":
            q = "approx"
        elif hedge in ("gt", "ge"):
            q, lower = hedge, value
            if n.qualifier != "gt":
                upper = None
        elif hedge in ("lt", "le"):
            q, upper, lower = hedge, value, None
    return q, value, lower, upper


def _scan(norm: str, lo: int, hi: int, t: Tables, bare: bool) -> list[_Atom]:
    atoms: list[_Atom] = []
    for m in _CANDIDATE.finditer(norm, lo, hi):
        s, e = m.span()
        if atoms and s < atoms[-1].end:
            continue  # inside the unit or hedge of the figure before (0.7个百分点 holds 百)
        if e - s == 1 and m.group("run") and not norm[s].isdigit():
            if norm[s] in _FINANCIAL:
                continue  # 陆地, 队伍, 拾起: a lone financial digit is a word, never a number
            if t.unit_at(norm, e) is None and (not bare or (e < hi and _CJK.match(norm[e]) and norm[e] not in _GLUE)):
                continue  # a lone 一/十/万 with no unit after it (四川, 一看): never a figure
        a = _atom(m, norm, lo, hi, t)
        if a is not None:
            atoms.append(a)
    return atoms


def _merge(atoms: list[_Atom], norm: str, lo: int, t: Tables) -> list[_Atom]:
    """Ranges (A至B) into one atom; lists (A、B单位) share the unit of their last member."""
    ends = {a.end for a in atoms}
    for a in atoms:
        # a sign right after another figure is a dash between two figures, not a minus (2-3个)
        if a.negative and a.start - 1 not in ends and not (
                a.start - 2 >= lo and (norm[a.start - 2].isdigit() or norm[a.start - 2] in _LATIN)):
            _negate(a.num)
            a.start -= 1
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if b is not None and not a.hedge_after and a.num.value is not None and b.num.value is not None:
            gap = norm[a.end:b.start].strip(_SPACE)
            between = gap in ("和", "与") and any(norm.startswith(w, b.end) for w in t.between)
            if (gap in t.range_connectors or between) and (a.unit is None or (b.unit is not None and a.unit.canonical == b.unit.canonical)):
                before = a.start - 1 if a.start > lo and norm[a.start - 1] == "了" else a.start
                blocked = t.ending_at("range_blocked_after", norm, before, lo)
                if blocked:
                    # 上调3万吨至45万吨 is a change then a level; but a dash never is (增长40%—50%), and
                    # after a change verb two percentages are its range (增长5%至8%), not by-then-to
                    unit = b.unit or a.unit
                    blocked = gap in ("至", "到") and not (unit is not None and unit.kind == "percent")
                if not blocked and not (gap in "-—–" and b.unit is None):
                    if a.unit is None and a.arabic_plain and b.mult_suffix:
                        got = parse_numeral(norm[a.start:a.num_end] + b.mult_suffix)
                        # 15-20万元: 15万 to 20万; but 6000到1.1万: 6000 to 11000
                        if got is not None and got.value is not None and got.value <= b.num.value:
                            a.num = got
                    if a.num.value <= b.num.value:
                        a.merged = [b]
                        out.append(a)
                        i += 2
                        continue
        out.append(a)
        i += 1
    # lists: walk right to left so 1、2、3万元 passes the unit along
    for j in range(len(out) - 2, -1, -1):
        a, b = out[j], out[j + 1]
        if a.merged or b.unit is None or a.hedge_after:
            continue
        gap = norm[a.end:b.start].strip(_SPACE)
        if gap not in t.list_separators:
            continue
        if a.unit is None and not a.mult_suffix and not (b.mult_suffix and a.arabic_plain):
            a.unit = b.unit
        elif a.unit is not None and a.unit.written != b.unit.written and b.unit.written.startswith(a.unit.written):
            a.unit = b.unit  # 0.5个和0.6个百分点
    return out


def _keep(a: _Atom, norm: str) -> bool:
    n = a.num
    unit = a.merged[0].unit if a.merged and a.merged[0].unit is not None else a.unit
    if unit is not None:
        if n.chinese_only and a.num_end - a.start == 1 and n.value in (100, 1000, 10000, 100000000):
            return a.hedge_before is not None and unit.kind in ("measure", "currency")  # 近万元, not 亿元 alone
        if n.single_digit:
            return unit.kind in ("percent", "multiple", "measure", "currency") and unit.written != "度"
        numeral = norm[a.start:a.num_end]
        if unit.kind == "noun" and n.chinese_only and (not any(c in "万亿" for c in numeral)
                                                       or all(c in "十百千万亿上" for c in numeral)):
            return False  # 三国, 九省, 万千企业: names and set phrases, not counts (数万游客 is a count)
        return True
    numeral = norm[a.start:a.num_end]
    if a.merged:
        numeral += norm[a.merged[0].start:a.merged[0].num_end]
    # no unit: only a numeral with 万/亿 written is a figure by itself (874万, 百万), not 万 alone
    return any(c in "万亿" for c in numeral) and len(numeral) > 1


def _to_quantity(a: _Atom, text: str, t: Tables) -> Quantity:
    unit = a.unit
    if a.merged:
        b = a.merged[0]
        unit = b.unit or a.unit
        lo, hi = a.num.value, b.num.value
        precs = [p for p in (a.num.precision, b.num.precision) if p is not None]
        return Quantity(
            text=text[a.start:b.end], start=a.start, end=b.end, value=None, lower=to_py(lo), upper=to_py(hi),
            unit=unit.canonical if unit else None, currency=unit.iso if unit else None, qualifier="range",
            precision=float(max(precs)) if precs else None,
        )
    q, value, lower, upper = _qualify(a, t)
    if unit is None and a.num.unit:
        canonical, iso = a.num.unit, None
    else:
        canonical = unit.canonical if unit else None
        iso = unit.iso if unit else None
    if a.prefix_currency and (iso is None or iso == "CNY"):
        iso = a.prefix_currency
    return Quantity(
        text=text[a.start:a.end], start=a.start, end=a.end, value=to_py(value), lower=to_py(lower),
        upper=to_py(upper), unit=canonical, currency=iso, qualifier=q,
        precision=float(a.num.precision) if a.num.precision is not None else None,
    )


def _restore_commas(text: str, norm: str, lo: int, hi: int) -> str:
    parts, pos = [norm[:lo]], lo
    i = text.find("，", lo, hi)
    while i >= 0:
        if not (i > lo and i + 1 < hi and "０" <= text[i - 1] <= "９" and "０" <= text[i + 1] <= "９"):
            # (５２０，９２４ in full-width text is a thousands separator after all)
            parts.append(norm[pos:i])
            parts.append("，")
            pos = i + 1
        i = text.find("，", i + 1, hi)
    parts.append(norm[pos:])
    return "".join(parts)


def _disjoint(spans) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _excluded_spans(norm: str, lo: int, hi: int, t: Tables) -> list[tuple[int, int]]:
    spans = []
    for s, e in t.phrase_scanner.spans(norm, lo, hi):  # what t.phrases.finditer finds
        # a phrase that starts with a numeral character is no phrase when a numeral runs into
        # it: 500多元 is not 多元, 十二元 is not 二元
        if s > lo and norm[s] in _PHRASE_NUMERAL and (norm[s - 1] in _PHRASE_NUMERAL or norm[s - 1].isdigit()):
            continue
        spans.append((s, e))
    for p in t.patterns:
        spans.extend(m.span() for m in p.finditer(norm, lo, hi))
    return _disjoint(spans)


def _blocked(start: int, end: int, spans: list[tuple[int, int]], contains_ok: bool) -> bool:
    """Does [start, end) overlap one of the disjoint sorted ``spans``? With ``contains_ok`` a span
    lying strictly inside the candidate does not count (三分之一 holds the phrase 之一)."""
    i = bisect_right(spans, (end, -1)) - 1
    while i >= 0 and spans[i][1] > start:
        s, e = spans[i]
        if not (contains_ok and start <= s and e <= end and (s, e) != (start, end)):
            return True
        i -= 1
    return False


def scan_span(text: str, norm: str, lo: int, hi: int, exclude=(), bare: bool = False) -> list[Quantity]:
    """Quantities in ``norm[lo:hi]`` (offsets into ``text``, which ``norm`` mirrors char for char)."""
    t = tables()
    if "，" in text[lo:hi]:
        # a full-width comma reads as "," in the view, but it separates clauses, never thousands
        # (销量20，300家门店): scan a copy where it stays the comma the number pattern does not take
        norm = _restore_commas(text, norm, lo, hi)
    atoms = _merge(_scan(norm, lo, hi, t, bare), norm, lo, t)
    spans = _excluded_spans(norm, lo, hi, t)
    out = []
    for a in atoms:
        end = a.merged[0].end if a.merged else a.end
        if not bare and not _keep(a, norm):
            continue
        if bare and a.num.value is None and not a.merged and a.num.lower is None:
            continue
        if _blocked(a.start, a.num_end if not a.merged else a.merged[0].num_end, spans, contains_ok=True):
            continue
        if exclude and _blocked(a.start, end, exclude, contains_ok=False):
            continue
        out.append(_to_quantity(a, text, t))
    return out


def extract_quantities(text_or_view, exclude=(), bare: bool = False) -> list[Quantity]:
    """Every figure in a text (or a ``TextView``'s body), sorted by start.

    ``exclude``: spans (objects with ``start``/``end`` or ``(start, end)`` pairs) no quantity may
    overlap, e.g. the times the times stage found. ``bare=True`` also returns numerals that are
    not figures on their own (bare counts, 一 as an article): for numeral-recognition tests.
    """
    from ..text.view import TextView

    if isinstance(text_or_view, TextView):
        view = text_or_view
        text, norm, body = view.text, view.norm, [(b.start, b.end) for b in view.body]
    elif isinstance(text_or_view, str):
        text = text_or_view
        norm = normalize(text)
        body = [(0, len(text))] if text else []
    else:
        return []
    ex = _disjoint((x.start, x.end) if hasattr(x, "start") else (int(x[0]), int(x[1])) for x in exclude)
    out: list[Quantity] = []
    for lo, hi in body:
        out.extend(scan_span(text, norm, lo, hi, ex, bare))
    out.sort(key=lambda q: (q.start, q.end))
    return out
