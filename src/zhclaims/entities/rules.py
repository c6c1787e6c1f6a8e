"""Rule layer of the entities stage: candidates found by patterns over ``view.norm``.

- persons by role context (创始人朱江明, CEO 徐军), before speech verbs (朱江明说, 徐军表示) and
  before titles written after the name (江泽民同志, 李鹏总理)
- organisations by suffix (…集团, …银行, …委员会, …大学 strong; …汽车, …公司, …科技 weak: only
  after a name-like stem, so 零跑汽车 but not 新能源汽车), using jieba tokens for the stem
- product and model codes (C11, S01, A系列, “凌芯01”)
- 我国/中方 as mentions of 中国

Every function returns ``Cand`` records with offsets into the text; the tables are in
``data/rules.yaml``. Every regex is linear: alternations of literals and single character classes
with bounded repetition.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..text import segment as _segment
from .gazetteers import byte_key, iter_hits
from .gazetteers import rules as rule_tables

HAN = r"\p{Han}"


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    label: str
    name: str | None  # canonical name when the layer knows it, else None (the surface)
    source: str  # rule | gazetteer | model
    prio: int  # higher wins an overlap of equal length; see stage.resolve


def _words(key: str) -> list[str]:
    v = rule_tables()[key]
    return v.split() if isinstance(v, str) else list(v)


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _tables():
    surnames = _words("surnames")
    compound = [s for s in surnames if len(s) > 1]
    single = "".join(s for s in surnames if len(s) == 1)
    weak = set(_words("weak_surnames"))
    not_in = "".join(sorted(set(_words("not_in_name"))))
    given = rf"[^\P{{Han}}{regex.escape(not_in)}]"
    # a name: compound surname + 1-2, or single surname + 1-2 given-name characters
    name = rf"(?:(?:{_alt(compound)})|[{regex.escape(single)}]){given}{given}?+"
    roles = _alt(_words("roles"))
    role_re = regex.compile(rf"(?:{roles})(?:兼(?:{roles}))*+[ ]?(?P<name>{name})(?!{given}{given})")
    verbs = _alt(_words("speech_verbs") + _words("post_titles"))
    titles = set(_words("post_titles"))
    verb_re = regex.compile(rf"(?:{verbs})")
    return {
        "role": role_re,
        "verb": verb_re,
        "post_titles": titles,
        "single": set(single),
        "compound": set(compound),
        "weak": weak,
        "not_in": set(not_in),
        "titles": sorted(_words("titles"), key=len, reverse=True),
        "after_role": set(_words("after_role_not_name")),
        "word_freq": int(rule_tables()["name_word_freq"]),
    }


_NUMERALS = frozenset("0123456789零一二三四五六七八九十百千万两几多数")


def persons(norm: str, start: int, end: int, tokens=None) -> list[Cand]:
    """Persons in ``norm[start:end]``; ``tokens(s, e)`` (``TextView.tokens_around``), when given,
    lets a name after a role take one more character that the name table excludes when jieba
    reads the whole as one word of its dictionary (总理李克强: 强 is no given-name character of the table)."""
    t = _tables()
    out: list[Cand] = []
    freq = _freq()
    role_words = []  # spans of the role words: a name before a verb never starts inside one (董事长孙…)
    for m in t["role"].finditer(norm, start, end):
        s, e = m.span("name")
        if tokens is not None and e - s <= 3 and e < end and norm[e] in t["not_in"] and "\u4e00" <= norm[e] <= "\u9fff" \
                and freq.get(norm[s:e + 1], 0) > 0 and (s, e + 1) in tokens(s, e + 1):
            e += 1
        elif tokens is not None and e - s == 3 and norm[s:s + 2] not in t["compound"]:
            toks = tokens(s, e)
            if (s, s + 2) in toks and any(ts == s + 2 and te > e for ts, te in toks):
                e -= 1  # 书记张明主持会议: jieba reads 张明/主持会议
            elif any(s <= ts < e < te and (ts > s or (freq.get(norm[ts:te], 0) > 0 and norm[ts:te] not in _dictionary_names()))
                     for ts, te in toks):
                continue  # 总干事高级顾问: the "name" ends inside a word (高级/顾问, 高级顾问)
        role_words.append((m.start(), s))
        if norm[s] in t["after_role"] or (e - s == 2 and _ordinary_word(norm[s:e], freq, t)):
            continue  # 主席和夫人, 代表党员 (总理李鹏 stays: jieba tags 李鹏 a name)
        out.append(Cand(s, e, "PERSON", None, "rule", 3))
    for m in t["verb"].finditer(norm, start, end):
        p = m.start()
        titled = m.group() in t["post_titles"]
        for title in t["titles"]:
            if norm.startswith(title, p - len(title)) and p - len(title) >= start:
                p -= len(title)
                titled = True
                break
        got = _name_before(norm, max(start, p - 4), p, t)
        if got is not None and any(a <= got < b for a, b in role_words):
            continue
        if got is not None and titled and tokens is not None and not any(ts == p for ts, _te in tokens(got, m.end())):
            continue  # 党组书记, 卫生部长, 有关/负责同志: the title is part of a longer word, no name before it
        if got is not None and got > start and "\u4e00" <= norm[got - 1] <= "\u9fff" and norm[got - 1] not in t["not_in"]:
            continue  # 克林顿说 is no 林顿: a name character before it (a role before a name is the role rule's)
        if got is not None and got > start and norm[got - 1] in _NUMERALS:
            continue  # 210位知名教授: a measure word after a number, no surname
        if got is not None and titled and _ordinary_word(norm[got:p], freq, t):
            continue  # 党员同志, 党组织书记: a word before the title, not a name
        if got is not None and (m.group() in t["post_titles"] or p - got > 2 or freq.get(norm[got:p], 0) < t["word_freq"]):
            out.append(Cand(got, p, "PERSON", None, "rule", 2))
    return out


# a line of jieba's dictionary file that tags its word a person's name: "word freq nr..."
_NAME_LINE = re.compile(r"^(\S++) \d++ nr", re.M)


@lru_cache(maxsize=1)
def _dictionary_names() -> frozenset[str]:
    """The words jieba's main dictionary tags as persons' names (nr, nrt, nrfg ...): one regex
    pass over the file (once, only when a name candidate is a frequent word). ``re.findall``
    gives the words themselves, without a match object each (~79,000 of them): about a third of
    the time of ``regex.finditer`` with ``group(1)``, the same set."""
    from ..text.segment import get_segmenter

    with get_segmenter().tk.get_dict_file() as fh:
        data = fh.read().decode("utf-8")
    return frozenset(_NAME_LINE.findall(data))


def _ordinary_word(word: str, freq, t) -> bool:
    """A frequent jieba word that its dictionary does not tag as a person's name (党员, 党组织,
    毕业生; not 李鹏, 江泽民)."""
    return freq.get(word, 0) >= t["word_freq"] and word not in _dictionary_names()


def is_function_char(c: str) -> bool:
    """A character that never ends a name (的, 了, 里 ...: the ``not_in_name`` table)."""
    return c in _tables()["not_in"]


def starts_with_surname(word: str) -> bool:
    t = _tables()
    return word[:2] in t["compound"] or (word[:1] in t["single"] and word[:1] not in t["weak"])


def _name_before(norm: str, lo: int, p: int, t) -> int | None:
    """Start of a 2-3 character name ending at ``p`` (a strong surname first), or None."""
    for n in (4, 3, 2):
        s = p - n
        if s < lo:
            continue
        chunk = norm[s:p]
        if not all("\u4e00" <= c <= "\u9fff" for c in chunk):
            continue
        if n == 4 and chunk[:2] not in t["compound"]:
            continue
        if n >= 3 and chunk[:2] in t["compound"]:
            first_ok, rest = True, chunk[2:]
        else:
            first_ok, rest = chunk[0] in t["single"] and chunk[0] not in t["weak"], chunk[1:]
        if not first_ok or any(c in t["not_in"] for c in rest):
            continue
        # the character before must not glue to the name (a surname char right before: 3-char wins)
        return s
    return None


@lru_cache(maxsize=1)
def _org_tables():
    r = rule_tables()["org_suffixes"]
    strong, weak = list(r["strong"]), list(r["weak"])
    stop = set(_words("org_stem_stop"))
    return {
        "re": regex.compile(rf"(?:{_alt(strong + weak)})"),
        "strong": set(strong),
        "weak": set(weak),
        "stop": stop,
        "markers": tuple(_words("enumeration_markers")),
        "modifies": tuple(sorted(_words("weak_suffix_modifies"), key=len, reverse=True)),
    }


def _after_marker(norm: str, s: int, e: int, markers) -> int:
    """The position right after the last enumeration marker (一是, 其次) inside ``norm[s:e]``, or ``s``."""
    cut = s
    for m in markers:
        i = norm.find(m, s, e)
        while i >= 0:
            cut = max(cut, i + len(m))
            i = norm.find(m, i + 1, e)
    return cut


def _freq():
    """jieba's word frequencies (the segmenter's dictionary, user words included)."""
    seg = _segment._segmenter  # (no import machinery per call: this runs per candidate)
    return (seg if seg is not None else _segment.get_segmenter()).tk.FREQ


def _name_like(word: str, freq) -> bool:
    """A stem that is not an ordinary word: unknown to jieba's dictionary or rare in it."""
    return freq.get(word, 0) < 30


def _is_namechar(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or (c.isascii() and c.isalnum())


def organisations(norm: str, start: int, end: int, tokens) -> list[Cand]:
    """ORG names by suffix in the sentence ``norm[start:end]``; ``tokens(s, e)`` gives the jieba
    token spans of the sentence around ``norm[s:e]`` (``TextView.tokens_around``: the words of its
    clause; a stem never reaches past a punctuation mark, so that is all a suffix needs)."""
    t = _org_tables()
    hits = list(t["re"].finditer(norm, start, end))
    if not hits:
        return []
    freq = _freq()
    out: list[Cand] = []
    for m in hits:
        ss, se = m.span()
        toks = tokens(ss, se)
        ends = {e: i for i, (s, e) in enumerate(toks)}
        suffix = m.group()
        strong = suffix in t["strong"]
        if se < end and _is_namechar(norm[se]) and ends.get(se) is None:
            continue  # the suffix runs on into a longer word (公司法, 银行业 ...)
        # stem: the token(s) right before the suffix; or the token that ends with the suffix
        i = ends.get(ss)
        stem_start = None
        if i is not None:
            s0, e0 = toks[i]
            stem = norm[s0:e0]
            if strong:
                j = i
                # a strong suffix takes up to three words: 国家/发展/改革 委员会
                while j > 0 and ss - toks[j - 1][0] <= 8 and _good_stem_word(norm[toks[j - 1][0]:toks[j - 1][1]], t):
                    if not _good_stem_word(norm[toks[j][0]:toks[j][1]], t):
                        break
                    j -= 1
                    if i - j >= 2:
                        break
                stem_start = toks[j][0] if _good_stem_word(norm[toks[j][0]:toks[j][1]], t) else s0
                stem = norm[stem_start:ss]
            else:
                stem_start = s0
            if not _good_stem(stem, t) or not _name_like(stem, freq):
                if not (strong and _known_head(norm, stem_start, ss, toks, freq)):
                    continue
        else:
            # the suffix sits inside a token: accept when that token ends with the suffix
            for s0, e0 in toks:
                if s0 < ss and e0 == se:
                    stem = norm[s0:ss]
                    if _good_stem(stem, t) and (strong or _name_like(stem, freq)):
                        stem_start = s0
                    break
            if stem_start is None:
                continue
        if not strong and (norm[stem_start].isdigit() or (stem_start > start and norm[stem_start - 1] in "的家")):
            continue  # 5G通信; 一家…公司, 位于深圳的…公司: a description, not a name
        if not strong and se < end and any(norm.startswith(w, se) for w in t["modifies"]):
            continue  # 比亚迪新能源汽车: 新能源 describes the cars, the name is 比亚迪
        cut = _after_marker(norm, stem_start, ss, t["markers"])
        if cut != stem_start:
            if ss - cut < 2 or not _good_stem(norm[cut:ss], t) or (not strong and not _name_like(norm[cut:ss], freq)):
                continue  # 三是网络…: an enumeration marker, then a point of the list
            stem_start = cut
        out.append(Cand(stem_start, se, "ORG", None, "rule", 3 if strong else 2))
    return out


def _known_head(norm: str, s: int, e: int, toks, freq) -> bool:
    """A strong suffix's stem that starts with a known place or organisation, or a rare word
    (亚洲协会, 中国银行, 北海道大学; not 农民协会, 财经委员会: a word jieba counts 500 times or more)."""
    from .gazetteers import entries

    for ts, te in toks:
        if ts == s:
            head = norm[ts:min(te, e)]
            if head in _org_tables()["stop"]:
                return False  # 方舱/医院: a kind of hospital
            return head in entries() or (len(head) >= 2 and freq.get(head, 0) < 500)
    return False


def _good_stem_word(w: str, t) -> bool:
    return len(w) >= 2 and all(_is_namechar(c) for c in w) and w not in t["stop"]


def _good_stem(stem: str, t) -> bool:
    return 1 <= len(stem) <= 10 and all(_is_namechar(c) for c in stem) and stem not in t["stop"] and (
        len(stem) >= 2 or False)


@lru_cache(maxsize=1)
def _product_tables():
    p = rule_tables()["products"]
    return {
        "code": regex.compile(r"(?<![A-Za-z0-9.\-])[A-Z]{1,3}[0-9]{1,4}[A-Z]?(?![A-Za-z0-9%.\-])"),
        "series": regex.compile(r"(?<![A-Za-z0-9])[A-Z][0-9]{0,2}系列"),
        "quoted": regex.compile(r"(?<=[“\"「‘])[\p{Han}A-Za-z]{1,6}[0-9]{1,4}(?=[”\"」’])"),
        "exclude": set(p["exclude_codes"]),
        "prefixes": tuple(sorted(p["exclude_prefixes"], key=len, reverse=True)),
    }


def products(norm: str, start: int, end: int) -> list[Cand]:
    t = _product_tables()
    out: list[Cand] = []
    for m in t["code"].finditer(norm, start, end):
        code = m.group()
        head = regex.match(r"[A-Z]+", code).group()
        if code in t["exclude"] or head in t["prefixes"]:
            continue
        out.append(Cand(m.start(), m.end(), "PRODUCT", None, "rule", 3))
    for key in ("series", "quoted"):
        for m in t[key].finditer(norm, start, end):
            out.append(Cand(m.start(), m.end(), "PRODUCT", None, "rule", 3))
    return out


@lru_cache(maxsize=1)
def _reference_tables():
    r = rule_tables()["references"]
    marks = {w: r["country"][w] for w in r["mark_as_entity"]}
    return regex.compile(_alt(marks)), marks


def country_references(norm: str, start: int, end: int) -> list[Cand]:
    """我国/中方 as GPE mentions of the country they stand for."""
    rx, marks = _reference_tables()
    return [Cand(m.start(), m.end(), "GPE", marks[m.group()], "rule", 3) for m in rx.finditer(norm, start, end)]


@lru_cache(maxsize=1)
def _abbrev_tables():
    r = rule_tables()
    abbr = {k: v for k, v in r["abbreviations"].items() if len(k) == 1}
    chars = regex.escape("".join(abbr))
    strong = regex.escape("".join(r["abbreviation_strong"]))
    ctx = _alt(r["abbreviation_context"])
    run = regex.compile(rf"[{chars}]{{2,4}}+(?=(?:{ctx}))")
    # one strong abbreviation after a travel/posting verb (访美, 驻华) or before 方 (美方, 中方)
    single = regex.compile(rf"(?<=[驻访赴抵离对])[{strong}华](?![{chars}])|[{strong}](?=方(?!面|法|式|向|案|针|位|便|形|正|圆|言|可|能|才))")
    return abbr, run, single


def abbreviations(norm: str, start: int, end: int) -> list[Cand]:
    """中美关系, 中俄两国, 港澳台同胞, 访美, 美方: each single-character abbreviation is a place."""
    abbr, run, single = _abbrev_tables()
    out = []
    for m in run.finditer(norm, start, end):
        for i in range(m.start(), m.end()):
            out.append(Cand(i, i + 1, "GPE", abbr[norm[i]], "rule", 2))
    for m in single.finditer(norm, start, end):
        out.append(Cand(m.start(), m.end(), "GPE", abbr[m.group()], "rule", 2))
    return out


_CONGRESS = regex.compile(
    r"(?<![一二三四五六七八九十百千0-9])(?:中共|中国共产党)?(?:十[一二三四五六七八九]|二十)大"
    r"|(?:中共|中国共产党)?第[一二三四五六七八九十]{1,3}(?:届|次)(?:全国人民代表大会|全国代表大会|全国委员会|中央委员会)")


def congresses(norm: str, start: int, end: int) -> list[Cand]:
    """Numbered party congresses and people's congresses (十五大, 第九届全国人民代表大会)."""
    return [Cand(m.start(), m.end(), "ORG", None, "rule", 3) for m in _CONGRESS.finditer(norm, start, end)]


# Which rules can fire in which sentence: one Aho-Corasick pass over the body finds the literals
# every match of a rule holds (a role or speech verb for ``persons``, a suffix for
# ``organisations`` ...), and the stage calls a rule only in the sentences that hold one. A
# sentence without any is one where the rule finds nothing, so the result is the same as calling
# every rule on every sentence, at the cost of one scan instead of six calls per sentence.
PERSONS, ORGS, PRODUCTS, REFERENCES, ABBREVIATIONS, CONGRESSES = (1 << i for i in range(6))
_SPARE = 6  # first bit free for the caller's own literals (``sentence_triggers(extra=...)``)
_CLOSING_QUOTES = "”\"」’"


@lru_cache(maxsize=4)
def _trigger_automaton(extra: tuple[tuple[str, ...], ...] = ()):
    import ahocorasick

    r = rule_tables()
    words: dict[str, int] = {}

    def add(ws, bit):
        for w in ws:
            words[w] = words.get(w, 0) | bit

    add(_words("roles") + _words("speech_verbs") + _words("post_titles"), PERSONS)
    add(list(r["org_suffixes"]["strong"]) + list(r["org_suffixes"]["weak"]), ORGS)
    # products: a code or a series holds a capital letter; a quoted name ends in a digit before the quote
    add([chr(c) for c in range(ord("A"), ord("Z") + 1)], PRODUCTS)
    add([d + q for d in "0123456789" for q in _CLOSING_QUOTES], PRODUCTS)
    add(r["references"]["mark_as_entity"], REFERENCES)
    # abbreviations: a run needs a context word after it; one alone a travel verb before it or 方 after it
    strong = "".join(r["abbreviation_strong"])
    add(r["abbreviation_context"], ABBREVIATIONS)
    add([v + a for v in "驻访赴抵离对" for a in strong + "华"] + [a + "方" for a in strong], ABBREVIATIONS)
    add([f"十{d}大" for d in "一二三四五六七八九"] + ["二十大", "全国人民代表大会", "全国代表大会", "全国委员会", "中央委员会"],
        CONGRESSES)
    for i, ws in enumerate(extra):
        add(ws, 1 << (_SPARE + i))
    auto = ahocorasick.Automaton()  # over UTF-8 bytes (gazetteers.automaton says why)
    for w, bits in words.items():
        auto.add_word(byte_key(w), (bits, len(w)))
    auto.make_automaton()
    return auto


def sentence_triggers(norm: str, body, starts: list[int], ends: list[int],
                      extra: tuple[tuple[str, ...], ...] = ()) -> list[int]:
    """A bit mask per sentence (``starts``/``ends``, sorted, inside ``body``): the rules (PERSONS,
    ORGS ...; bit ``6 + i`` for the literals ``extra[i]``) whose literals overlap that sentence."""
    from bisect import bisect_left, bisect_right

    masks = [0] * len(starts)
    auto = _trigger_automaton(extra)
    for b in body:
        for en, (bits, n) in iter_hits(auto, norm, b.start, b.end):
            st = en - n
            i = bisect_right(starts, st) - 1
            if i >= 0 and en <= ends[i]:
                masks[i] |= bits
            else:  # across sentences or between them: every sentence it overlaps
                for j in range(bisect_right(ends, st), bisect_left(starts, en)):
                    masks[j] |= bits
    return masks


def sentence_rules(norm: str, start: int, end: int, mask: int, tokens) -> list[Cand]:
    """The rule layer of one sentence: the rules ``mask`` (``sentence_triggers``) says may fire, in
    the order persons, organisations, products, references, abbreviations, congresses."""
    out: list[Cand] = []
    if mask & PERSONS:
        out += persons(norm, start, end, tokens)
    if mask & ORGS:
        out += organisations(norm, start, end, tokens)
    if mask & PRODUCTS:
        out += products(norm, start, end)
    if mask & REFERENCES:
        out += country_references(norm, start, end)
    if mask & ABBREVIATIONS:
        out += abbreviations(norm, start, end)
    if mask & CONGRESSES:
        out += congresses(norm, start, end)
    return out
