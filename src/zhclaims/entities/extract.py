"""Finding entity mentions in an article: gazetteers + rules + the model, merged, then named.

Layers, all over ``view.norm`` inside the body's sentences:

1. gazetteer hits (places, organisations; ambiguous surfaces such as 理想 only in context);
2. rules (persons by role/speech context, organisations by suffix, product codes, 我国);
3. the model (``ner.py``), on every sentence (``ner="all"``), only where it is needed
   (``"auto"``, the default, see ``model_windows``), or never (``"off"``);
4. overlaps resolved: longer span first, then the more trusted layer; a model span never cuts
   through or swallows a rule/gazetteer span, except an ORG holding a place (北京大学);
   a model place that the gazetteer covers piece by piece is replaced by the pieces;
5. canonical names (``canonical.py``), and the short forms of the article's organisations
   (零跑 for 零跑汽车) searched and named.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter

import regex

from ..model import Article, Entity
from ..text.segment import is_word_char
from ..text.view import TextView
from . import canonical, gazetteers, ner, rules
from .rules import Cand

MODES = ("all", "auto", "off")
# an ambiguous gazetteer name (理想, 长城) counts when an organisation word follows it ...
_ORG_CONTEXT_AFTER = regex.compile(r"(?:汽车|品牌|集团|公司|股份|控股|旗下|等品牌|等车企|等企业|等公司|等厂商)")
_ENUM = "、和与及"
# ... and an ambiguous place name (新建, 中欧) when a place word follows it
_PLACE_CONTEXT_AFTER = regex.compile("|".join(sorted(gazetteers.rules()["place_context_after"], key=len, reverse=True)))
# ... and what makes a sentence worth the model in "auto" mode
_SPEAKER_WORDS = ("表示", "指出", "强调", "透露", "坦言", "会见", "出席", "主持", "会谈", "致电", "致信", "创始人", "董事长",
                  "总裁", "CEO", "发言人")
_SPEAKER = regex.compile("|".join(_SPEAKER_WORDS))
# the literals a sentence needs for ``model_windows`` to find a cue there: bit 6 of
# ``rules.sentence_triggers``
_CUE_LITERALS = (_SPEAKER_WORDS,)
_SPEAKER_BIT = 1 << 6


_SMALL_PLACES = {"county", "city"}
_ADMIN_SUFFIX = set("市县区州旗盟镇")  # a full name (宁波市, 顺德区) needs no word-boundary check


def _bounded(norm: str, s: int, e: int) -> bool:
    """Whether non-word characters stand on both sides (no jieba needed to see the boundaries)."""
    return (s == 0 or not is_word_char(norm[s - 1])) and (e >= len(norm) or not is_word_char(norm[e]))


# gazetteer names up to this long must not cross jieba's word boundaries (其中/国内 over 中国;
# 人社/部门 over 人社部); a 3-character name ending in an administrative suffix may (海宁/市区)
_SHORT = 3
_CROSS_OK = _ADMIN_SUFFIX | set("省")


def _crosses(toks: list[tuple[int, int]], s: int, e: int, norm: str) -> bool:
    """Whether a token overlaps ``[s, e)`` only in part: one that starts before the name (其中/国内
    over 中国), or an ordinary word that starts inside it (人社/部门 over 人社部; not 中/东欧地区
    over 中东欧). A longer token holding the whole span is no crossing (中欧国家)."""
    freq = rules._freq()
    limit = gazetteers.rules()["name_word_freq"]
    return any((ts < s < te < e) or (s < ts < e < te and freq.get(norm[ts:te], 0) >= limit) for ts, te in toks)


def _may_cross(norm: str, s: int, e: int) -> bool:
    """Whether a frequent dictionary word could cross the name (the cheap test before asking
    jieba): one starting before it and ending inside (其中), or one starting inside it and ending
    after (部门). A rare word seldom wins jieba's segmentation against a gazetteer name."""
    freq = rules._freq()
    limit = gazetteers.rules()["name_word_freq"]
    n = len(norm)
    for a in range(max(0, s - 3), s):
        for b in range(s + 1, e):
            f = freq.get(norm[a:b], 0)
            if f >= limit and freq.get(norm[a:e], 0) < f:  # (a word holding the name wins: 香港中)
                return True
    for a in range(s + 1, e):
        for b in range(e + 1, min(n, e + 3) + 1):
            f = freq.get(norm[a:b], 0)
            if f >= limit and freq.get(norm[s:b], 0) < f:  # (中国人 holds 中国: no crossing)
                return True
    return False


def _aligned_in(toks: list[tuple[int, int]], s: int, e: int) -> bool:
    bounds = {b for span in toks for b in span}
    return s in bounds and e in bounds


def _aligned(view: TextView, s: int, e: int) -> bool:
    """Whether ``norm[s:e]`` starts and ends on jieba word boundaries of its sentence."""
    bounds = set()
    for ts, te in view.tokens_around(s, e):  # the sentence's tokens there, without segmenting all of it
        bounds.add(ts)
        bounds.add(te)
    return s in bounds and e in bounds


def model_windows(view: TextView, i: int, found: list[Cand]) -> list[tuple[int, int]]:
    """"auto" mode: the part of sentence ``i`` worth the model, where the rules are unsure and a
    later stage needs an answer: the clause up to a speaker cue (表示, 指出, 董事长 ...) when no person
    was found. (The clause before a figure in a sentence naming no subject went to the model too
    until the Scale work: two thirds of the model's input and calls on People's Daily for a quarter
    of its kept mentions, many of them no names (东部地区资助, 建安工程, 解决管网); see
    ARCHITECTURE.md.)"""
    if any(c.label == "PERSON" for c in found):
        return []
    norm, sent = view.norm, view.sentences[i]
    m = _SPEAKER.search(norm, sent.start, sent.end)
    if m:
        pos = m.end()
        for c in view.clauses(i):
            if c.start <= pos <= c.end and pos - c.start >= 2:
                return [(c.start, pos)]
    return []


def extract(article: Article, view: TextView, mode: str = "auto") -> list[Entity]:
    """The article's entities, the model asked here (``extract_steps`` driven to its end)."""
    steps = extract_steps(article, view, mode)
    try:
        texts = next(steps)
        while True:
            texts = steps.send(ner.predict(texts))
    except StopIteration as done:
        return done.value


def extract_steps(article: Article, view: TextView, mode: str = "auto"):
    """``extract`` as a generator: it yields the texts the model must read (once, when there are
    any) and takes their predictions (``ner.predict``'s answer) back, so that a batch of
    articles can put all their texts in one model call (``Pipeline.run_many``); returns the
    entities. A text's predictions do not depend on its batch: same entities either way."""
    norm = view.norm
    cands: list[Cand] = []
    ambiguous: list[tuple[int, int, gazetteers.Entry]] = []
    sents = view.sentences
    starts, ends = [x.start for x in sents], [x.end for x in sents]
    for b in view.body:
        for s, e, entry in gazetteers.find(norm, b.start, b.end):
            i = bisect_right(starts, s) - 1  # (view.sentence_index: the hit must lie in one sentence)
            if i < 0 or s >= ends[i] or e > ends[i]:
                continue
            small = entry.kind in _SMALL_PLACES and entry.surface[-1] not in _ADMIN_SUFFIX
            if (small or e - s <= _SHORT) and not _bounded(norm, s, e):
                cross = (e - s <= 2 or entry.surface[-1] not in _CROSS_OK) and _may_cross(norm, s, e)
                if cross or small:
                    toks = view.tokens_around(s, e)
                    if cross and _crosses(toks, s, e, norm):
                        continue  # 中国 in 其中/国内: jieba reads other words there, the name included in its dictionary
                    if small and not _aligned_in(toks, s, e):
                        continue  # 定海 in 定海神针, 大新 in 最大/新能源: not a word of its own
            if entry.ambiguous:
                ambiguous.append((s, e, entry))
            else:
                cands.append(Cand(s, e, entry.label, entry.canonical, "gazetteer", 3))
    cands.extend(_teams(norm, cands))
    cands.extend(_place_orgs(view, cands))
    by_sentence: dict[int, list[Cand]] = {}
    for c in cands:
        by_sentence.setdefault(view.sentence_index(c.start), []).append(c)
    todo: list[tuple[int, int]] = []
    masks = rules.sentence_triggers(norm, view.body, starts, ends, _CUE_LITERALS)
    tokens_around = view.tokens_around
    for i, sent in enumerate(sents):
        s, e = sent.start, sent.end
        mask = masks[i]
        found = rules.sentence_rules(norm, s, e, mask, tokens_around) if mask else []
        cands.extend(found)
        if mode == "all":
            todo.append((s, e))
        elif mode == "auto":
            if mask & _SPEAKER_BIT:  # (no cue without a speaker word)
                todo.extend(model_windows(view, i, found + by_sentence[i] if i in by_sentence else found))
    model: list[Cand] = []
    if todo:
        for (off, _end), spans in zip(todo, (yield [norm[a:b] for a, b in todo])):
            model.extend(Cand(off + s, off + e, label, None, "model", 1) for s, e, label in spans)
    # ambiguous gazetteer names: accepted in an organisation context, or when the model agrees
    model_spans = {(c.start, c.end, c.label) for c in model}
    firm = [c for c in cands if c.label == "ORG"]
    places = [c for c in cands if c.label == "GPE"]
    rejected = []
    for s, e, entry in ambiguous:
        if (s, e, entry.label) in model_spans:
            ok = True
        elif entry.label == "ORG":
            ok = bool(_ORG_CONTEXT_AFTER.match(norm, e)) or _enumerated(norm, s, e, firm)
        else:
            # (a place right before is no evidence: 雄安新区, 太原城区, 北京新建的公园, 广东中欧班列)
            ok = bool(_PLACE_CONTEXT_AFTER.match(norm, e)) or _enumerated(norm, s, e, places)
        if ok:
            cands.append(Cand(s, e, entry.label, entry.canonical, "gazetteer", 2))
        else:
            rejected.append((s, e))
    rejected = [(a, b) for a, b in rejected if norm[a:b] in gazetteers.needs_context()]
    if rejected:  # a model span never builds on an ordinary word taken for a name (中欧班列开行)
        model = [m for m in model if not any(m.start < b and a < m.end and (m.start, m.end) != (a, b) for a, b in rejected)]
    chosen = resolve(cands, model, view)
    return _name(article, view, chosen)


def _teams(norm: str, cands: list[Cand]) -> list[Cand]:
    """A country, province or city right before 队/男篮/女排 ... is a team (中国队, 辽宁男篮)."""
    out = []
    suffixes = sorted(gazetteers.rules()["team_suffixes"], key=len, reverse=True)
    for c in cands:
        if c.label != "GPE":
            continue
        for suf in suffixes:
            if norm.startswith(suf, c.end):
                out.append(Cand(c.start, c.end + len(suf), "ORG", None, "rule", 3))
                break
    return out


def _place_orgs(view: TextView, cands: list[Cand]) -> list[Cand]:
    """A place, up to six characters, then an organisation word, ending on a jieba boundary:
    北京市文化局, 中国现代文学馆 (the place alone would be a wrong, partial mention)."""
    norm = view.norm
    r = gazetteers.rules()
    sufs = r["place_org_suffixes"]
    never = r["model_filter"]["never_inside"]
    not_last = set(r["place_org_not_last"])
    needs_name = set(r["place_org_needs_name"])
    by_last: dict[str, list[str]] = {}  # the suffixes by their last character (only those can end at j)
    for x in sufs:
        by_last.setdefault(x[-1], []).append(x)
    last_chars = by_last.keys()
    out = []
    for c in cands:
        if c.label != "GPE" or c.source != "gazetteer":
            continue
        i = view.sentence_index(c.start)
        if i is None:
            continue
        stop = min(c.end + 8, view.sentences[i].end)
        j = c.end
        ends = []
        while j < stop and "\u4e00" <= norm[j] <= "\u9fff" and norm[j] not in never and not rules.is_function_char(norm[j]) or (
                j < stop and norm[j] in last_chars):
            if norm[j] in last_chars and any(j + 1 - len(x) >= c.end and norm.startswith(x, j + 1 - len(x))
                                             for x in by_last[norm[j]]):
                ends.append(j + 1)
            j += 1
        if not ends:
            continue
        toks = view.tokens_around(c.start, max(ends))
        bounds = {b for span in toks for b in span}
        last = {te: norm[ts:te] for ts, te in toks}
        good = [e for e in ends if e in bounds and e - c.start <= 12 and last.get(e) not in not_last
                and not (norm[c.end:e] in needs_name)]
        if good:
            out.append(Cand(c.start, max(good), "ORG", None, "rule", 2))
    return out


def _enumerated(norm: str, s: int, e: int, firm: list[Cand]) -> bool:
    """Next to another organisation in an enumeration (问界、理想)."""
    for c in firm:
        if c.end == s - 1 and norm[s - 1] in _ENUM:
            return True
        if c.start == e + 1 and norm[e] in _ENUM:
            return True
    return False


def plausible(m: Cand, norm: str, firm: list[Cand]) -> bool:
    """Whether a model span looks like what its label says (tables: rules.yaml model_filter)."""
    f = gazetteers.rules()["model_filter"]
    freq = rules._freq()
    surface = norm[m.start:m.end]
    n = freq.get(surface, 0)
    if len(surface) < 2:
        return False
    if m.label == "PERSON":
        # famous names are frequent jieba words (江泽民), so a 3-4 character name that starts with
        # a surname is enough; a 2-character one must not be a word (毛利, 高峰)
        if len(surface) > 4 and "·" not in surface:
            return False
        if len(surface) == 2:
            return n < f["rare_word_freq"] and rules.starts_with_surname(surface)
        return rules.starts_with_surname(surface) or n < f["common_word_freq"] or "·" in surface
    if n >= f["common_word_freq"] or rules.is_function_char(surface[-1]) or any(c in f["never_inside"] for c in surface):
        return False
    if len(surface) > f["max_org_length"]:
        return False
    if surface.isascii() and len(surface) <= 4 and surface.upper() == surface:
        return False  # SUV, CTC, MPV: abbreviations of things, not names
    holds_place = any(c.label == "GPE" and m.start <= c.start and c.end <= m.end for c in firm)
    if m.label == "ORG" and _generic(surface, freq, f):
        return False
    if m.label == "ORG":
        return surface[-1] in f["org_end"] or (n < f["rare_word_freq"] and not holds_place and len(surface) <= 6)
    if m.label == "GPE":
        return surface[-1] in f["place_end"] or (n < f["rare_word_freq"] and len(surface) <= 4)
    return False


def _generic(surface: str, freq, f) -> bool:
    """One of ``generic_heads`` (中央, 国家, 地方) then an ordinary word or a word that
    ends with no organisation character: a kind of thing (中央财政资金, 国家助学金, 地方政府)."""
    head, rest = surface[:2], surface[2:]
    if head in f["generic_heads"] and rest:
        return rest[-1] not in f["org_end"] or freq.get(rest, 0) >= f["generic_head_rest_freq"]
    return False


def _name_rest(norm: str, s: int, e: int) -> bool:
    """Whether ``norm[s:e]`` can continue a name: name characters or ·, no function character (表示, ）)."""
    return all(c == "·" or ("\u4e00" <= c <= "\u9fff" and not rules.is_function_char(c)) for c in norm[s:e])


def _starts_word(view: TextView, s: int) -> bool:
    return any(ts == s for ts, _te in view.tokens_around(s, s + 1))


def resolve(cands: list[Cand], model: list[Cand], view: TextView | None = None) -> list[Cand]:
    """Non-overlapping mentions: longer first, then the more trusted layer.

    A model span is kept only when it neither cuts through nor swallows a rule/gazetteer span
    (except an ORG that starts with a place: 北京大学, 浙江省政府; and a person whose first
    characters a rule found: 总统穆巴拉克, where the rule read 穆巴拉) and, given the view, when it
    looks like what its label says (``plausible``) and starts and ends on jieba word boundaries
    (the char model's boundaries are its weak point); a person need only start on one (jieba often
    glues a name to the next character; 任何宏大 is no 何宏大).
    """
    firm = sorted(cands, key=lambda c: (c.start, c.end))
    kept_model = []
    for m in model:
        if view is not None and not (
                (_starts_word(view, m.start) if m.label == "PERSON" else _aligned(view, m.start, m.end))
                and plausible(m, view.norm, firm)):
            continue
        inside = [c for c in firm if c.start < m.end and m.start < c.end]
        if not inside:
            kept_model.append(m)
            continue
        if any(c.start < m.start or c.end > m.end for c in inside):
            continue  # crosses a rule/gazetteer span
        if m.label == "ORG" and all(c.label == "GPE" for c in inside) and inside[0].start == m.start:
            kept_model.append(m)  # an ORG that starts with a place
        elif m.label == "PERSON" and view is not None and all(c.label == "PERSON" and c.source == "rule" for c in inside) \
                and inside[0].start == m.start and _name_rest(view.norm, max(c.end for c in inside), m.end):
            kept_model.append(m)  # the whole of a name the rules cut short (总统穆巴拉克, 总书记胡安·拉莫斯)
    pool = sorted(firm + kept_model, key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[Cand] = []
    hi = max((c.end for c in pool), default=0)
    occupied = bytearray(hi + 1)
    for c in pool:
        if any(occupied[c.start:c.end]):
            continue
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _name(article: Article, view: TextView, chosen: list[Cand]) -> list[Entity]:
    norm, text = view.norm, view.text
    names: list[str] = []
    foreign = _foreign_sentences(view, chosen)
    for c in chosen:
        surface = norm[c.start:c.end]
        if c.label == "ORG":
            if surface in _DOMESTIC and view.sentence_index(c.start) in foreign:
                names.append(surface)  # 澳大利亚…央行: not 中国人民银行
                continue
            names.append(canonical.org_name(c.name or surface))
        elif c.label == "GPE":
            names.append(c.name or canonical.place_name(surface))
        else:
            names.append(c.name or surface.strip())
    # short forms of the article's organisations (零跑 for 零跑汽车) and their continuations (零跑国际);
    # further mentions of the people already found
    orgs = Counter(n for c, n in zip(chosen, names) if c.label == "ORG")
    extra = _short_form_mentions(view, chosen, orgs)
    extra += _person_mentions(view, chosen + [p[0] for p in extra])
    if extra:
        pairs = sorted(list(zip(chosen, names)) + extra, key=lambda p: p[0].start)
        chosen, names = [p[0] for p in pairs], [p[1] for p in pairs]
        orgs = Counter(n for c, n in zip(chosen, names) if c.label == "ORG")
    merged = canonical.merge_prefixes(orgs)
    out = []
    for c, n in zip(chosen, names):
        if c.label == "ORG":
            n = merged.get(n, n)
        surface = text[c.start:c.end]
        out.append(Entity(text=surface, start=c.start, end=c.end, label=c.label, name=n, source=c.source))
    return out


_DOMESTIC = frozenset(gazetteers.rules()["domestic_by_default"])


def _foreign_countries() -> frozenset[str]:
    table = gazetteers.entries()
    home = table["中国"].canonical
    return frozenset(e.canonical for e in table.values() if e.label == "GPE" and e.kind == "country" and e.canonical != home)


def _foreign_sentences(view: TextView, chosen: list[Cand]) -> set[int]:
    """Indices of the sentences that name a foreign country (only looked for when the article
    holds a name in ``domestic_by_default``)."""
    norm = view.norm
    if not any(c.label == "ORG" and norm[c.start:c.end] in _DOMESTIC for c in chosen):
        return set()
    foreign = _foreign_countries()
    table = gazetteers.entries()
    out = set()
    for c in chosen:
        if c.label != "GPE":
            continue
        name = c.name or norm[c.start:c.end]
        e = table.get(name)
        if name in foreign or (e is not None and e.canonical in foreign):
            out.add(view.sentence_index(c.start))
    return out


def _occurrences(norm: str, view: TextView, words) -> list[tuple[int, str]]:
    """(start, word) of every occurrence of ``words`` inside the body, longer words first
    (a plain ``str.find`` per word: an article has few names, a compiled pattern costs more)."""
    out = []
    for w in sorted(words, key=len, reverse=True):
        for b in view.body:
            i = norm.find(w, b.start, b.end)
            while i >= 0:
                out.append((i, w))
                i = norm.find(w, i + len(w), b.end)
    return out


def _occupied(norm: str, chosen: list[Cand]) -> bytearray:
    occupied = bytearray(max([len(norm)] + [c.end for c in chosen]) + 1)
    for c in chosen:
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
    return occupied


def _person_mentions(view: TextView, chosen: list[Cand]) -> list[tuple[Cand, str]]:
    """Every other mention of a person's full name (2+ characters) found once in the article."""
    norm = view.norm
    people = {norm[c.start:c.end] for c in chosen if c.label == "PERSON" and c.end - c.start >= 2}
    if not people:
        return []
    occupied = _occupied(norm, chosen)
    out = []
    for s, w in _occurrences(norm, view, people):
        e = s + len(w)
        if any(occupied[s:e]) or view.sentence_index(s) is None:
            continue
        occupied[s:e] = b"\x01" * (e - s)
        out.append((Cand(s, e, "PERSON", w, "rule", 2), w))
    return out


def _short_form_mentions(view: TextView, chosen: list[Cand], orgs: Counter) -> list[tuple[Cand, str]]:
    norm = view.norm
    table = gazetteers.entries()
    shorts: dict[str, str] = {}
    freq = rules._freq()
    for name in orgs:
        # the name itself (Voltmax for Voltmax集团) and its short form (零跑 for 零跑汽车)
        for sf in (name, canonical.short_form(name)):
            if sf is None or len(sf) < 2 or sf in table or not rules._name_like(sf, freq):
                continue
            shorts.setdefault(sf, name)
    if not shorts:
        return []
    conts = canonical.continuations()
    occupied = _occupied(norm, chosen)
    out = []
    for s, stem in _occurrences(norm, view, shorts):
        e = s + len(stem)
        cont = next((c for c in conts if norm.startswith(c, e)), "")
        if cont and not any(occupied[e:e + len(cont)]):
            e += len(cont)
        if any(occupied[s:e]) or view.sentence_index(s) is None \
                or (norm[s].isascii() and s > 0 and norm[s - 1].isascii() and norm[s - 1].isalnum()) \
                or (norm[e - 1].isascii() and e < len(norm) and norm[e].isascii() and norm[e].isalnum()):
            continue
        word = norm[s:e]
        name = shorts[stem] if word == stem else word
        occupied[s:e] = b"\x01" * (e - s)
        out.append((Cand(s, e, "ORG", name, "rule", 2), name))
    return out
