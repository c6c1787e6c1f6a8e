"""Clean string -> number. No searching here: ``extract.py`` finds the strings in running text.

``parse_numeral`` reads the numeral itself: Arabic digits (thousands separators, decimals),
Chinese numerals (一百零五万, 两千零五, 十一, 三点五, 二〇二〇 digit by digit, 壹仟 financial
forms), mixed forms (59.66万, 1.3万亿, 3万4000, 25万6千, 1,100万) and approximate counts
(二十多, 40多万, 数十, 几百, 上千, 三四十) as bounds. ``parse_number`` also reads percent and
multiple words (百分之八点二, 九成五, 一半, 三分之一, 1/3, 翻两番, 2倍, 46.9%).

Values are computed with ``Decimal`` (59.66万 is exactly 596600) and returned as ``int`` when
integral, else ``float``. ``precision`` is half the place value of the last written digit, times
the multiplier (59.66万 -> 50, 32059 -> 0.5); it is None where the words give no digits to read
(翻倍, 三分之一).
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from decimal import Decimal

import regex

from ..text.normalize import normalize

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "幺": 1,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3, "叁": 3, "参": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG = {"万": 10**4, "亿": 10**8}
TENS = {"廿": 20, "卅": 30, "卌": 40}  # written-out twenties, thirties, forties
APPROX_PREFIX = {"数": "some", "几": "some", "上": "over"}  # 数十, 几百, 上千
APPROX_SUFFIX = {"多": "more", "余": "more", "来": "about", "几": "some"}

CN_CHARS = "".join(DIGITS) + "".join(SMALL) + "".join(BIG) + "".join(TENS)
MAX_LEN = 40  # longer numerals are codes or junk, never figures
D = Decimal

_ARABIC = regex.compile(r"[0-9]{1,3}(?:,[0-9]{3})++(?:\.[0-9]++)?|[0-9]++(?:\.[0-9]++)?|\.[0-9]++")


@dataclass(slots=True)
class Number:
    """A parsed number: ``value`` (None for a pure range), bounds, precision, and for percent and
    multiple words the unit they carry ("%", "‰", "倍")."""

    value: Decimal | None
    lower: Decimal | None = None
    upper: Decimal | None = None
    precision: Decimal | None = None
    qualifier: str = "eq"  # eq | approx | gt | ge | range
    unit: str | None = None
    has_multiplier: bool = False  # 万/亿/千 ... written (a bare "874万" is a figure, a bare "3" is not)
    chinese_only: bool = False  # written in Chinese numerals only
    single_digit: bool = False  # one Chinese digit and nothing else (一, 两, 三): an article, not a figure


_FIELDS = tuple(f.name for f in fields(Number))  # Number(*values) in this order


def to_py(x: Decimal | None):
    """Decimal -> int when integral, else float (JSON-friendly, exact where it can be)."""
    if x is None:
        return None
    if x == x.to_integral_value():
        return int(x)
    return float(x)


def _tokens(s: str) -> list[tuple[str, object]] | None:
    """Split a numeral into tokens: ("num", (Decimal, place)), ("dig", int), ("small", int),
    ("big", int), ("zero", 0), ("tens", int), ("approx", kind), ("point", None)."""
    out: list[tuple[str, object]] = []
    i, n = 0, len(s)
    while i < n:
        ch = s[i]
        if ch.isdigit() or (ch == "." and i + 1 < n and s[i + 1].isdigit()):
            m = _ARABIC.match(s, i)
            if m is None:
                return None
            txt = m.group().replace(",", "")
            if txt.startswith("."):
                txt = "0" + txt
            place = D(1) if "." not in txt else D(1).scaleb(-len(txt.split(".")[1]))
            out.append(("num", (D(txt), place)))
            i = m.end()
            continue
        if ch in ("零", "〇", "○"):
            out.append(("zero", 0))
        elif ch in DIGITS:
            out.append(("dig", DIGITS[ch]))
        elif ch in SMALL:
            out.append(("small", SMALL[ch]))
        elif ch in BIG:
            out.append(("big", BIG[ch]))
        elif ch in TENS:
            out.append(("tens", TENS[ch]))
        elif ch == "点":
            out.append(("point", None))
        elif ch in APPROX_SUFFIX and out:
            out.append(("approx", APPROX_SUFFIX[ch]))
        else:
            return None
        i += 1
    return out


def _integer(tokens) -> tuple[Decimal, Decimal, bool] | None:
    """Value, place of the last written digit, and whether a multiplier was written, of a
    numeral without a decimal point (Chinese, Arabic or mixed)."""
    if not tokens:
        return None
    kinds = [k for k, _ in tokens]
    # digit by digit: 二〇二〇, 一七二零 (only digits and zeros, at least two)
    if len(tokens) >= 2 and all(k in ("dig", "zero") for k in kinds):
        s = "".join(str(v) for _, v in tokens)
        return D(s), D(1), False
    total = D(0)  # the part already closed by a big unit
    section = D(0)  # the part below the current big unit
    number: Decimal | None = None  # the digit or Arabic number waiting for its unit
    number_place = D(1)
    last_small: int | None = None
    last_big: int | None = None
    last_place = D(1)  # place value of the last written digit, before later big units
    pending_place: Decimal | None = None
    after_zero = False
    prev_kind = None
    mult = False
    big_after_last = D(1)
    for i, (kind, val) in enumerate(tokens):
        if kind == "dig" and prev_kind == "tens":  # 廿二
            number += val
            number_place = pending_place = D(1)
            prev_kind = kind
            continue
        if kind in ("dig", "num", "tens"):
            if prev_kind in ("dig", "num", "tens"):
                return None
            if kind == "num":
                number, number_place = val  # type: ignore[misc]
            elif kind == "tens":
                number, number_place = D(val), D(10)
            else:
                number, number_place = D(val), D(1)
            pending_place = number_place
            big_after_last = D(1)
        elif kind == "zero":
            after_zero = True
            if prev_kind in ("dig", "num"):
                return None
        elif kind == "small":
            if last_small is not None and val >= last_small and prev_kind != "big":
                return None
            if number is None and prev_kind not in (None, "zero", "big") and not (
                    val == 10 and prev_kind == "small" and last_small is not None and last_small > 10):
                return None  # (一百十一 is 111: a bare 十 after 百 counts one ten)
            section += (number if number is not None else D(1)) * val
            if pending_place is not None or number is None:
                last_place = (number_place if number is not None else D(1)) * val
                pending_place = None
            number = None
            last_small = val
            mult = True
            after_zero = False
        elif kind == "big":
            val_d = D(val)
            if (number is not None and prev_kind == "dig" and not after_zero and i >= 2
                    and tokens[i - 2][0] == "small" and tokens[i - 2][1] > 10):
                number *= D(tokens[i - 2][1]) / 10  # 百二万 = 120万, 一千五万 = 1500万
                number_place = pending_place = D(tokens[i - 2][1]) / 10
            part = section + (number if number is not None else D(0))
            if number is None and section == 0:
                if prev_kind == "big":  # 万亿: multiply what is there
                    if last_big is not None and val <= last_big:
                        return None
                    total = total * val_d
                    last_place *= val_d
                    last_big = val
                    prev_kind = kind
                    mult = True
                    continue
                if total == 0:
                    part = D(1)  # 万 alone, 亿元
                    last_place = D(1)
            if pending_place is not None:
                last_place = pending_place
                pending_place = None
            if last_big is not None and val > last_big:
                total = (total + part) * val_d
            else:
                total += part * val_d
            last_place *= val_d
            last_big = val
            section, number, last_small = D(0), None, None
            mult = True
            after_zero = False
        else:
            return None
        prev_kind = kind
    if number is not None:
        # colloquial elision: 三千五 = 3500, 两万五 = 25000 (a bare digit right after a unit)
        if prev_kind == "dig" and not after_zero and len(tokens) >= 2 and tokens[-2][0] in ("small", "big"):
            unit = tokens[-2][1]
            scale = D(unit) / 10 if unit > 10 else D(1)
            section += number * scale
            last_place = scale
        else:
            section += number
            last_place = number_place
    return total + section, last_place, mult


def _decimal_digits(tokens) -> str | None:
    s = []
    for kind, val in tokens:
        if kind in ("dig", "zero"):
            s.append(str(val))
        elif kind == "num":
            v, place = val  # type: ignore[misc]
            if place != 1:
                return None
            s.append(str(v))
        else:
            return None
    return "".join(s) or None


def parse_numeral(s: str) -> Number | None:
    """Parse a numeral (digits, Chinese numerals, mixed, approximate counts). None when it is
    not one. ``s`` should be normalized (half-width, simplified); ``parse_number`` does that.

    A new ``Number`` each call (callers adjust it); the reading itself is cached by string, as
    news repeats its numerals (85% of the calls on People's Daily are repeats)."""
    got = _parsed(s)
    return None if got is None else Number(*got)


@lru_cache(maxsize=8192)
def _parsed(s: str) -> tuple | None:
    n = _parse_numeral(s)
    if n is None:
        return None
    return tuple(getattr(n, f) for f in _FIELDS)


def _parse_numeral(s: str) -> Number | None:
    if not s or len(s) > MAX_LEN:
        return None
    if " " in s:  # 500 亿 (a space before the multiplier)
        s = s.replace(" ", "")
    neg = False
    if s[0] in "-负":
        neg, s = True, s[1:].lstrip()
        if not s:
            return None
    prefix = None
    if s[0] in APPROX_PREFIX and len(s) > 1 and s[1] in "十百千万亿":
        prefix, s = APPROX_PREFIX[s[0]], s[1:]
    toks = _tokens(s)
    if not toks:
        return None
    approx = [i for i, (k, _) in enumerate(toks) if k == "approx"]
    if len(approx) > 1 or (prefix and approx):
        return None
    chinese_only = not any(k == "num" for k, _ in toks)
    # 三四十, 四五百万, 七八个: two neighbouring digits = "three or four (tens)"
    if (len(toks) >= 2 and toks[0][0] == "dig" and toks[1][0] == "dig" and toks[1][1] == toks[0][1] + 1
            and all(k in ("small", "big") for k, _ in toks[2:])):
        scale = D(1)
        for _, v in toks[2:]:
            scale *= v
        lo, hi = D(toks[0][1]) * scale, D(toks[1][1]) * scale
        return _sign(Number(None, lo, hi, scale / 2, "approx", has_multiplier=len(toks) > 2, chinese_only=True), neg)
    if approx:
        i = approx[0]
        kind = toks[i][1]
        head, tail = toks[:i], toks[i + 1:]
        if not head or any(k != "big" and not (k == "small" and kind == "some") for k, _ in tail):
            return None
        if kind == "some":  # 十几, 二十几万: one more unknown digit, read like 十多, 二十多万
            got = _integer(head)
            if got is None:
                return None
            base, place, _ = got
            step = place / 10 if head[-1][0] == "small" else None
            if step is None or step < 1:
                return None
            scale = D(1)
            for _, v in tail:
                scale *= v
            return _sign(Number(base * scale, base * scale, (base + 10 * step) * scale, step * scale / 2, "gt",
                                has_multiplier=True, chinese_only=chinese_only), neg)
        got = _integer(head)
        if got is None:
            return None
        base, place, mult = got
        scale = D(1)
        for _, v in tail:
            scale *= v
        step = _nonzero_place(base, place)
        value = base * scale
        if kind == "about":  # 十来个: about ten
            return _sign(Number(value, None, None, step * scale / 2, "approx", has_multiplier=mult or bool(tail),
                                chinese_only=chinese_only), neg)
        return _sign(Number(value, value, (base + step) * scale, step * scale / 2, "gt",
                            has_multiplier=mult or bool(tail), chinese_only=chinese_only), neg)
    if prefix:
        got = _integer(toks)
        if got is None:
            return None
        base, place, _ = got
        if prefix == "over":  # 上千: a thousand or more
            return _sign(Number(base, base, None, place / 2, "ge", has_multiplier=True, chinese_only=True), neg)
        return _sign(Number(None, base, base * 10, None, "approx", has_multiplier=True, chinese_only=True), neg)
    points = [i for i, (k, _) in enumerate(toks) if k == "point"]
    if len(points) > 1:
        return None
    if points:
        p = points[0]
        left, right = toks[:p], toks[p + 1:]
        bigs = []
        while right and right[-1][0] == "big":
            bigs.insert(0, right.pop()[1])
        frac = _decimal_digits(right)
        if frac is None or not left:
            return None
        got = _integer(left)
        if got is None:
            return None
        base, _, _ = got
        scale = D(1)
        for v in bigs:
            scale *= v
        place = D(1).scaleb(-len(frac))
        value = (base + D("0." + frac)) * scale
        return _sign(Number(value, None, None, place * scale / 2, has_multiplier=bool(bigs),
                            chinese_only=chinese_only), neg)
    got = _integer(toks)
    if got is None:
        return None
    value, place, mult = got
    single = len(toks) == 1 and toks[0][0] in ("dig", "zero")
    return _sign(Number(value, None, None, place / 2, has_multiplier=mult, chinese_only=chinese_only,
                        single_digit=single), neg)


def _nonzero_place(base: Decimal, place: Decimal) -> Decimal:
    """Place value of the last non-zero digit: 40 -> 10, 100 -> 100, 二十 -> 10."""
    if base == 0:
        return place
    step = place
    while base % (step * 10) == 0:
        step *= 10
    return step


def _sign(n: Number, neg: bool) -> Number:
    if neg:
        n.value = -n.value if n.value is not None else None
        lo, hi = n.lower, n.upper
        n.lower = -hi if hi is not None else None
        n.upper = -lo if lo is not None else None
    return n


# --- percent and multiple words -------------------------------------------------------------

_FRACTION_WORDS = {"一半": D(50), "半数": D(50), "对折": D(50), "百分百": D(100), "半成": D(5), "半折": D(50)}
_OVER_HALF = {"过半", "超半数", "过半数"}
_DOUBLING = regex.compile(r"翻(?:了)?(?:(?P<n>[一二两三四五1-5])番|倍|番)")


def parse_percent_word(s: str) -> Number | None:
    """百分之八点二, 千分之三, 三分之一, 1/3, 九成五, 七成, 六点五折, 一半, 翻两番 ... -> percent."""
    if s in _FRACTION_WORDS:
        return Number(_FRACTION_WORDS[s], unit="%", chinese_only=True)
    if s in _OVER_HALF:
        return Number(D(50), D(50), None, None, "gt", unit="%", chinese_only=True)
    m = _DOUBLING.fullmatch(s)
    if m:
        n = m.group("n")
        times = 1 if n is None else (DIGITS.get(n) or int(n))
        return Number(D(2**times - 1) * 100, unit="%", chinese_only=True)
    for head, unit in (("百分之", "%"), ("千分之", "‰")):
        if s.startswith(head):
            got = parse_numeral(s[len(head):])
            if got is None:
                return None
            got.unit = unit
            return got
    if "分之" in s:
        den, _, num = s.partition("分之")
        a, b = parse_numeral(num), parse_numeral(den)
        if not a or not b or a.value is None or not b.value:
            return None
        return Number(a.value * 100 / b.value, unit="%", chinese_only=True)
    m = _SLASH.fullmatch(s)
    if m and int(m.group(2)) and int(m.group(1)) <= int(m.group(2)):
        return Number(D(m.group(1)) * 100 / D(m.group(2)), unit="%")
    m = regex.fullmatch(r"(.+?)([成折])(.*)", s)
    if m:
        head, word, tail = m.groups()
        got = parse_numeral(head)
        if got is None or got.value is None:
            return None
        if tail in ("", "多", "左右"):
            got.value *= 10
            if got.lower is not None:
                got.lower *= 10
            if got.upper is not None:
                got.upper *= 10
            got.precision = got.precision * 10 if got.precision is not None else None
            if tail == "多":
                got.qualifier, got.lower, got.upper = "gt", got.value, got.value + 10
            got.unit = "%"
            return got
        extra = DIGITS.get(tail)
        if extra is None or got.value >= 10:
            return None
        return Number(got.value * 10 + extra, None, None, D("0.5"), unit="%", chinese_only=True)
    return None


_SLASH = regex.compile(r"([0-9]++)/([0-9]++)")
_TRAILING_UNIT = regex.compile(r"(?P<n>.+?)(?P<u>%|‰|个百分点|百分点|倍)")


def parse_number(s: str) -> Number | None:
    """Parse one clean string: a numeral, a percent or multiple word, or a numeral followed by
    %, ‰, 个百分点 or 倍. Returns None when the whole string is not one of these."""
    if not isinstance(s, str):
        return None
    s = normalize(s.strip()).replace(" ", "")
    if not s or len(s) > MAX_LEN + 8:
        return None
    got = parse_numeral(s)
    if got is not None:
        return got
    got = parse_percent_word(s)
    if got is not None:
        return got
    m = _TRAILING_UNIT.fullmatch(s)
    if m:
        got = parse_numeral(m.group("n"))
        if got is not None:
            u = m.group("u")
            got.unit = "个百分点" if u == "百分点" else u
            return got
    return None

