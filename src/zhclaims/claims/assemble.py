"""Assembly: one claim per quantity, from what the earlier stages found around it.

For each figure the assembly looks at its clause first, then the rest of its sentence, then (for
subject and period) what the paragraph or article said before:

- metric: the metric wording that governs the figure — right after it ("800家海外网点", "3.2万台的
  交付表现"), else the nearest before it in the clause, then earlier in the sentence; a region word
  (海外, 国内, 中国市场) turns ``outlets`` into ``overseas_outlets`` when the lexicon has that key;
- subject: the nearest organisation or product before the figure in its clause, else the sentence's
  topic, else a place; 公司/该公司/品牌 resolve to the article's main organisation and 我国/全国 to
  the country; with nothing in the sentence the subject of the paragraph carries over;
- period: the time in the clause, else earlier in the sentence, else inherited from the paragraph;
  a time after 较/比 is the base of a comparison and dates only the figure attached to it; a
  target or plan takes a time that is not already past, else the publication year;
- comparison, direction, modality: cue words (``data/cues.yaml``) around the figure.

Everything reads ``view.norm`` (same offsets as the text); no step raises on odd input.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..model import Article, Claim, Interval, Quantity, Ref, Span, Time
from ..text.view import TextView
from .cues import Cues, cues
from .lexicon import counted_only, metric_of, metrics, word_scanner

SUBJECT_LABELS = {"ORG", "PRODUCT", "GPE", "LOC", "NORP", "FAC"}
ORG_LABELS = {"ORG", "PRODUCT"}
_PUNCT = set("，,。；;：:！？!?、（）()“”\"'《》【】[]\n")


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    name: str
    text: str
    kind: str  # org | place | country


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    label: str
    word: str


class _Sentence:
    """What the assembly reads in one sentence, each part worked out when first asked: a
    sentence visited only for the subject it carries over needs its mentions, not its cues."""

    def __init__(self, asm: "Assembler", si: int) -> None:
        self._asm = asm
        self._si = si
        self.span: Span = asm.v.sentences[si]

    @cached_property
    def clauses(self) -> list[Span]:
        return self._asm.v.clauses(self._si)

    @cached_property
    def metrics(self) -> list[Hit]:
        n, s, e = self._asm.norm, self.span.start, self.span.end
        mets = []
        for ms, me in word_scanner().spans(n, s, e):
            w = n[ms:me]
            key = metric_of(w)
            if key:
                mets.append(Hit(ms, me, key, w))
        return mets

    def _cue_hits(self, lex) -> list[Hit]:
        return _hits(lex, self._asm.norm, self.span.start, self.span.end)

    @cached_property
    def comp_left(self) -> list[Hit]:
        return self._cue_hits(self._asm.cues.comparison_left)

    @cached_property
    def comp_right(self) -> list[Hit]:
        return self._cue_hits(self._asm.cues.comparison_right)

    @cached_property
    def mod_left(self) -> list[Hit]:
        return self._cue_hits(self._asm.cues.modality_left)

    @cached_property
    def mod_right(self) -> list[Hit]:
        return self._cue_hits(self._asm.cues.modality_right)

    @cached_property
    def scopes(self) -> list[Hit]:
        return self._cue_hits(self._asm.cues.scopes)

    @cached_property
    def mentions(self) -> list[Mention]:
        return self._asm._mentions(self.span.start, self.span.end)

    @cached_property
    def topic(self) -> Mention | None:
        return next((m for m in self.mentions if m.kind == "org"), None)


def _hits(lex, text: str, start: int, end: int) -> list[Hit]:
    return [Hit(s, e, lab, w) for s, e, lab, w in lex.finditer(text, start, end) if lab and lab != "_none"]


# ----------------------------------------------------------------------------- entity helpers


@lru_cache(maxsize=1)
def _entities_api():
    """The entities stage's resolver functions when it exports them, else None."""
    try:
        from ..entities import main_organization, resolve_reference  # type: ignore[attr-defined]

        return main_organization, resolve_reference
    except Exception:  # the stage is optional; a missing function falls back to ours
        return None


def main_organization(article: Article) -> str | None:
    """The organisation the article is about: the entities stage's answer when it gives one, else
    the most often mentioned ORG (the earliest on a tie)."""
    api = _entities_api()
    if api is not None:
        try:
            got = api[0](article)
            if got:
                return getattr(got, "name", got)
        except Exception:
            pass
    counts: dict[str, list] = {}
    for e in article.entities:
        if e.label == "ORG" and e.name:
            c = counts.setdefault(e.name, [0, e.start])
            c[0] += 1
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1][0], -kv[1][1]))[0]


# ----------------------------------------------------------------------------- time helpers


def _parse_iso(s: str | None) -> dt.datetime | None:
    if not s:
        return None
    try:
        return dt.datetime.fromisoformat(s)
    except ValueError:
        return None


def _is_past(t: Time, published: dt.datetime | None) -> bool:
    """The time's interval ends before publication (a finished period)."""
    if published is None or t.interval is None:
        return False
    end = _parse_iso(t.interval.end)
    return end is not None and end <= published.replace(tzinfo=None)


def _year_interval(year: int) -> Interval:
    return Interval(f"{year:04d}-01-01T00:00:00", f"{year + 1:04d}-01-01T00:00:00")


def _shift(a: dt.datetime, months: int) -> dt.datetime:
    m = a.month - 1 + months
    return a.replace(year=a.year + m // 12, month=m % 12 + 1)


def reference_time(article: Article) -> dt.datetime | None:
    """When the article has no publication time: the end of the latest month or day it names
    outright (an article is written after the last full date it reports)."""
    best = None
    for t in article.times:
        if t.anchored or t.kind != "date" or t.interval is None or t.grain not in ("month", "day"):
            continue
        end = _parse_iso(t.interval.end)
        if end is not None and (best is None or end > best):
            best = end
    return best


# ----------------------------------------------------------------------------- the assembler


class Assembler:
    def __init__(self, article: Article, view: TextView, published: dt.datetime | None) -> None:
        self.a = article
        self.v = view
        self.norm = view.norm
        self.cues: Cues = cues()
        self.metrics = metrics()
        self.published = published if published is not None else reference_time(article)
        self.times = sorted(range(len(article.times)), key=lambda i: article.times[i].start)
        self.time_starts = [article.times[i].start for i in self.times]
        self.qorder = sorted(range(len(article.quantities)), key=lambda i: article.quantities[i].start)
        self.qstarts = [article.quantities[i].start for i in self.qorder]
        self.paragraphs = view.paragraphs()
        self.para_starts = [p.start for p in self.paragraphs]
        self.ents = sorted(
            (e for e in article.entities if e.label in SUBJECT_LABELS and e.name), key=lambda e: e.start
        )
        self.ent_starts = [e.start for e in self.ents]
        self.org_counts: dict[str, int] = {}
        for e in self.ents:
            if e.label == "ORG":
                self.org_counts[e.name] = self.org_counts.get(e.name, 0) + 1
        # place names as written -> canonical name (the article's places, and the country words)
        self.place_names = {view.norm[e.start:e.end]: e.name for e in article.entities
                            if e.label in ("GPE", "LOC") and e.source != "model" and e.end - e.start >= 2}
        for w, label in cues().references.labels.items():
            if label == "country":
                self.place_names.setdefault(w, cues().country_name)
        self.place_names.setdefault(cues().country_name, cues().country_name)
        self._places_sorted: list[str] | None = None
        self._sent: dict[int, _Sentence] = {}
        self._main_org: str | None | bool = False
        self.comparison_at: dict[int, str | None] = {}  # figure start -> its comparison
        self.direction_at: dict[int, str | None] = {}  # figure start -> its direction
        self.last_target_metric: Ref | None = None
        self.paragraph_subject: dict[int, Mention] = {}  # paragraph index -> last subject named
        self.sentence_metric: dict[int, Ref] = {}  # sentence index -> metric of its last figure

    # -------------------------------------------------------------- per sentence (cached)
    def sentence(self, si: int) -> _Sentence:
        got = self._sent.get(si)
        if got is None:
            got = self._sent[si] = _Sentence(self, si)
        return got

    def _mentions(self, s: int, e: int) -> list[Mention]:
        """Subject candidates in ``[s, e)``: entity mentions and reference words, filtered."""
        n, c = self.norm, self.cues
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []
        lo, hi = bisect_left(self.ent_starts, s), bisect_left(self.ent_starts, e)
        for ent in self.ents[lo:hi]:
            if ent.end > e:
                continue
            if ent.start > 0 and n[ent.start - 1:ent.start + 1] == "其中":
                continue  # 其中国内门店: 中国 read across 其中
            place = self._leading_place(ent)
            if place is not None:
                taken.append((ent.start, ent.end))
                if self._fits(ent.start, ent.start + len(place), "place"):
                    out.append(Mention(ent.start, ent.start + len(place), self.place_names[place], place, "place"))
                continue
            kind = "org" if ent.label in ORG_LABELS else "place"
            taken.append((ent.start, ent.end))
            if ent.name in c.media or ent.text in c.media:
                continue  # a news outlet reports the figures
            if self._fits(ent.start, ent.end, kind):
                out.append(Mention(ent.start, ent.end, ent.name, self.a.text[ent.start:ent.end], kind))
        for hs, he, label, word in c.references.finditer(n, s, e):
            if any(a < he and hs < b for a, b in taken):
                continue
            if label == "organization" and not word.startswith("该") and hs > 0 and _is_letter(n[hs - 1]):
                if not n[max(0, hs - 3):hs].endswith(c.reference_after):
                    continue  # inside a compound: 上市公司, 科技公司
            kind = "org" if label == "organization" else "country"
            if not self._fits(hs, he, kind):
                continue
            if label == "world":
                # 全球累计确诊病例: only when a metric follows closely (not 全球少有的车企)
                near = word_scanner().search(n, he, min(e, he + 12))
                if near is None or any(ch in _PUNCT for ch in n[he:near[0]]) or "的" in n[he:near[0]]:
                    continue
                name = c.world_name
            else:
                name = self._resolve(self.a.text[hs:he])
            if not name:
                name = self.main_org() if kind == "org" else c.country_name
            if name:
                out.append(Mention(hs, he, name, self.a.text[hs:he], kind))
        # 国内门店, 海外销量: a region word qualifying a metric is a scope of the figure, not a subject
        out = [m for m in out if not (m.kind == "country" and m.text in self._scope_refs(m))]
        for i, m in enumerate(out):
            if m.kind != "org":
                out[i] = self._collective(m, e)
        out.sort(key=lambda m: m.start)
        return out

    def _scope_refs(self, m: Mention) -> tuple[str, ...]:
        """The mention's text when it is a region word qualifying a metric right after it."""
        if self.norm[m.start:m.end] in self.cues.scopes.labels and word_scanner().match(self.norm, m.end) is not None:
            return (m.text,)
        return ()

    def _leading_place(self, ent) -> str | None:
        """The place name a model-found organisation begins with, when the rest of it does not
        end like an organisation (中国新能源汽车 -> 中国); else None."""
        if ent.source != "model" or ent.label not in ORG_LABELS:
            return None
        text = self.norm[ent.start:ent.end]
        for name in self._places_longest_first():
            if text.startswith(name) and len(text) > len(name):
                if text.endswith(self.cues.org_suffixes):
                    return None
                return name
        return None

    def _places_longest_first(self) -> list[str]:
        if self._places_sorted is None:
            self._places_sorted = sorted(self.place_names, key=len, reverse=True)
        return self._places_sorted

    def _collective(self, m: Mention, limit: int) -> Mention:
        """A place with a group noun after it: 我国高端制造业上市公司 -> 中国高端制造业上市公司."""
        g = self.cues.collective.match(self.norm, m.end, min(limit, m.end + 14))
        if g is None or any(ch in self.cues.collective_not for ch in self.norm[m.end:g.end()]):
            return m
        near = word_scanner().search(self.norm, g.end(), min(limit, g.end() + 6))
        if near is None or any(ch in _PUNCT for ch in self.norm[g.end():near[0]]):
            return m
        return Mention(m.start, g.end(), m.name + self.a.text[m.end:g.end()], self.a.text[m.start:g.end()], "org")

    def _fits(self, s: int, e: int, kind: str) -> bool:
        n, c = self.norm, self.cues
        after = n[e:e + 20]
        if after[:1] in ("(", "（"):  # 海关总署（5月7日）公布
            close = after.find(")" if after[0] == "(" else "）")
            if 0 < close:
                after = after[close + 1:]
        after = after[:4]
        before = n[max(0, s - 4):s]
        if after.startswith(c.reporting_after):
            return False
        if after.startswith(c.self_report_after):
            name = n[s:e]
            if kind != "org" or name.endswith(c.authority_suffixes) or name in c.media:
                return False
        if before.endswith(c.reporting_before):
            return False
        if before.endswith(c.not_subject_before):
            return False
        if kind != "org" and after.startswith(c.scope_after):
            return False
        if kind != "org" and before.endswith(c.place_not_subject_before):
            return False
        # a country word that qualifies a metric right after it (国内网点) is a scope, not a subject
        return True

    def _resolve(self, surface: str) -> str | None:
        """The entities stage's reading of a reference word (该公司, 我国), when it exports one."""
        api = _entities_api()
        if api is None:
            return None
        try:
            return api[1](surface, self.a)
        except Exception:
            return None

    def main_org(self) -> str | None:
        if self._main_org is False:
            got = main_organization(self.a)
            self._main_org = None if got in self.cues.media else got
        return self._main_org  # type: ignore[return-value]

    # -------------------------------------------------------------- neighbours of a figure
    def _neighbours(self, q: Quantity, clause: Span) -> tuple[int, int, Quantity | None]:
        """End of the previous figure in the clause (or clause start), start of the next figure in
        the clause (or clause end), and the previous figure itself."""
        qs = self.a.quantities
        k = bisect_left(self.qstarts, q.start)
        prev_end, prev_q = clause.start, None
        j = k - 1
        while j >= 0:
            p = qs[self.qorder[j]]
            if p.end <= q.start:
                if p.end > clause.start:
                    prev_end, prev_q = p.end, p
                break
            j -= 1
        next_start = clause.end
        j = k + 1 if k < len(self.qorder) and qs[self.qorder[k]] is q else k
        while j < len(self.qorder):
            p = qs[self.qorder[j]]
            if p.start >= q.end:
                if p.start < clause.end:
                    next_start = p.start
                break
            j += 1
        return prev_end, next_start, prev_q

    def _times_in(self, s: int, e: int) -> list[int]:
        lo, hi = bisect_left(self.time_starts, s), bisect_left(self.time_starts, e)
        return [self.times[k] for k in range(lo, hi) if self.a.times[self.times[k]].end <= e]

    def _is_base_time(self, t: Time) -> bool:
        """较/比 (+ 上/前 ...) right before the time: the base of a comparison."""
        before = self.norm[max(0, t.start - 4):t.start]
        if not before:
            return False
        m = None
        for m in self.cues.base_markers.finditer(before):
            pass
        return m is not None and before[m.end():] in ("", "上", "上个", "上一", "前", "前一", "去年", "上年")

    def _base_by_cue(self, q: Quantity, S: _Sentence, clause: Span) -> int | None:
        """Months back when the figure is the base named by 较去年同期/比上月 (+ 的) right before it."""
        for h in S.comp_left:
            if clause.start <= h.start and h.end <= q.start and self.norm[h.end:q.start] == "的":
                if h.label in ("yoy", "mom") and self.cues.base_markers.match(h.word) is not None:
                    return 12 if h.label == "yoy" else 1
        return None

    def _attached(self, t: Time, q: Quantity) -> bool:
        """The figure follows the time directly ("2025年12月的60423辆")."""
        gap = self.norm[t.end:q.start]
        return gap in ("的", "同期的", "时的", "底的", "末的")

    def _is_base_figure(self, q: Quantity, left_start: int) -> bool:
        """The figure is what another is compared with: 较/比 (+ time) (+ 的) right before it."""
        left = self.norm[left_start:q.start]
        for t_i in self._times_in(left_start, q.start):
            t = self.a.times[t_i]
            if self._attached(t, q) and self._is_base_time(t):
                return True
        return False

    # -------------------------------------------------------------- the claim of one figure
    def claim(self, qi: int) -> Claim:
        q = self.a.quantities[qi]
        si = self.v.sentence_index(q.start)
        if si is None:
            return Claim(quantity=qi, modality="actual")
        S = self.sentence(si)
        clause = next((c for c in S.clauses if c.start <= q.start < c.end), S.span)
        prev_end, next_start, prev_q = self._neighbours(q, clause)
        base = self._is_base_figure(q, clause.start)
        base_shift = None if base else self._base_by_cue(q, S, clause)
        base = base or base_shift is not None
        modality = self._modality(q, S, clause, next_start)
        period, period_text = self._period(q, S, clause, modality)
        if base_shift:  # "较去年同期的55.1万辆": the period a year (a month) before the compared one
            iv = self._period_interval(period)
            a, b = (_parse_iso(iv.start), _parse_iso(iv.end)) if iv is not None else (None, None)
            if a is not None and b is not None:
                period = Interval(_shift(a, -base_shift).isoformat(), _shift(b, -base_shift).isoformat())
            else:
                period = None
            period_text = None
        direction = None if base else self._direction(q, prev_end, next_start)
        metric = self._metric(q, S, clause, next_start, si)
        pi = self._paragraph(q.start)
        if metric is None and direction is not None and self._unit_kind(q) == "percent":
            # a growth rate of the figure talked about
            metric = self._paragraph_metric_word(q, si)
        if metric is None and modality == "target" and self.last_target_metric is not None:
            metric = self.last_target_metric  # "105万台的年度目标": the target the article talks about
        if metric is not None:
            self.sentence_metric[si] = metric
            if modality == "target":
                self.last_target_metric = metric
        comparison = None if base else self._comparison(q, S, clause, prev_end, next_start, prev_q, period, direction, metric, modality)
        if comparison is None and prev_q is not None and direction is None and self._is_new_level(prev_end, q):
            comparison = self.comparison_at.get(prev_q.start)  # 比例由56%提高到58%: the same measure
        if prev_q is not None and comparison is None and direction is None and not base \
                and self.norm[prev_end:q.start] in self.cues.enumeration and prev_q.start in self.comparison_at:
            # 同比分别上升52.7%、123.3%: the second of a list reads like the first
            comparison, direction = self.comparison_at[prev_q.start], self.direction_at.get(prev_q.start)
        self.comparison_at[q.start] = comparison
        self.direction_at[q.start] = direction
        subject = self._subject(q, S, clause, metric)
        if modality == "actual" and not base and self._unfinished(period, clause, metric) and not self._to_date(clause):
            modality = "target" if subject is not None and subject.kind == "org" else "forecast"
        if subject is not None and subject.text is None:
            subject_ref = Ref(subject.name, None, None, None)  # implied (national statistics, main organisation)
        elif subject is not None:
            subject_ref = Ref(subject.name, subject.text, subject.start, subject.end)
        else:
            subject_ref = None
        return Claim(
            quantity=qi,
            subject=subject_ref,
            metric=metric,
            period=period,
            period_text=period_text,
            comparison=comparison,
            direction=direction,
            modality=modality,
            sentence=Span(S.span.start, S.span.end),
        )

    # metric ---------------------------------------------------------------
    def _unit_kind(self, q: Quantity) -> str | None:
        if q.currency:
            return "money"
        if q.unit is None:
            return None
        u = q.unit
        kind = self.cues.unit_kinds.get(u)
        if kind is None and u:
            kind = self.cues.unit_kinds.get(u[-1])
        return kind

    def _fits_metric(self, key: str, q: Quantity) -> bool:
        m = self.metrics.get(key)
        if m is None or not m.unit_kinds:
            return True
        kind = self._unit_kind(q)
        if kind is None or kind == "percent":
            return True
        if kind in m.unit_kinds:
            return True
        return kind in ("count", "people", "cases") and ("count" in m.unit_kinds or "people" in m.unit_kinds or "cases" in m.unit_kinds)

    def _metric(self, q: Quantity, S: _Sentence, clause: Span, next_start: int, si: int) -> Ref | None:
        n = self.norm
        chosen: Hit | None = None
        # right after the figure: "800家海外网点", "3.2万台的交付表现", "100万台年度销量目标"
        for h in S.metrics:
            if h.start < q.end:
                continue
            if h.start >= next_start or h.start - q.end > 6:
                break
            gap = n[q.end:h.start]
            if any(ch in _PUNCT or ch.isdigit() for ch in gap):
                break
            if self._fits_metric(h.label, q):
                chosen = h
            break
        counted = counted_only()
        if chosen is None:  # nearest before it in the clause
            for h in reversed(S.metrics):
                if h.word in counted and (self._figure_in(h.end, q.start) or self._unit_kind(q) not in ("count", None)):
                    continue  # a counted noun of another figure, or one a rate cannot count
                if clause.start <= h.start and h.end <= q.start and self._fits_metric(h.label, q):
                    chosen = h
                    break
        if chosen is None:  # the metric of the sentence's previous figure ("..., 同比增长27%")
            prev = self.sentence_metric.get(si)
            if prev is not None and prev.start is not None and prev.start < q.start and self._fits_metric(prev.key, q):
                base_key = prev.key
                if base_key.startswith(("overseas_", "domestic_")) and base_key.split("_", 1)[1] in self.metrics:
                    base_key = base_key.split("_", 1)[1]
                key = self._scoped(Hit(prev.start, prev.end or prev.start, base_key, prev.text or ""), q, clause)
                return Ref(key if key != base_key else prev.key, prev.text, prev.start, prev.end)
        if chosen is None:  # earlier in the sentence
            for h in reversed(S.metrics):
                if h.end <= q.start and h.word not in counted and self._fits_metric(h.label, q):
                    chosen = h
                    break
        if chosen is None:  # later in the clause
            for h in S.metrics:
                if q.end <= h.start < clause.end and h.word not in counted and self._fits_metric(h.label, q):
                    chosen = h
                    break
        if chosen is None:
            return None
        key = self._scoped(chosen, q, clause)
        return Ref(key, self.a.text[chosen.start:chosen.end], chosen.start, chosen.end)

    def _figure_in(self, s: int, e: int) -> bool:
        lo = bisect_left(self.qstarts, s)
        return lo < len(self.qstarts) and self.qstarts[lo] < e

    def _paragraph_metric_word(self, q: Quantity, si: int) -> Ref | None:
        """The last metric named in earlier sentences of the paragraph (a growth rate of it)."""
        pi = self._paragraph(q.start)
        if pi < 0:
            return None
        para = self.paragraphs[pi]
        counted = counted_only()
        k = si - 1  # the sentence before, in the same paragraph
        if k < 0 or self.v.sentences[k].end <= para.start:
            return None
        for h in reversed(self.sentence(k).metrics):
            if h.word not in counted:
                return Ref(h.label, self.a.text[h.start:h.end], h.start, h.end)
        return None

    def _scoped(self, h: Hit, q: Quantity, clause: Span) -> str:
        """overseas_/domestic_ + key when a region word qualifies the metric or the figure's clause."""
        key = h.label
        if key.startswith(("overseas_", "domestic_")):
            return key
        S_scopes = [s for s in self.sentence(self.v.sentence_index(q.start)).scopes]
        for s in S_scopes:
            near_metric = 0 <= h.start - s.end <= 2
            in_clause = clause.start <= s.start and s.end <= q.start and not (clause.start <= h.start < clause.end)
            if near_metric or in_clause:
                cand = f"{s.label}_{key}"
                if cand in self.metrics:
                    return cand
        return key

    # subject --------------------------------------------------------------
    def _subject(self, q: Quantity, S: _Sentence, clause: Span, metric: Ref | None) -> Mention | None:
        if self._is_class(q):
            return None  # a class label ("30万元级市场") or a specification ("800V高压平台"), about nobody
        before = [m for m in S.mentions if m.end <= q.start]
        got: Mention | None = None
        own = [m for m in before if m.start >= clause.start]
        orgs = [m for m in own if m.kind == "org"]
        if own:  # the nearest organisation or product before the figure in its clause, else place
            got = orgs[-1] if orgs else own[-1]
        elif S.topic is not None and S.topic.end <= q.start:  # the sentence's topic
            got = self._not_authority(S.topic)
        else:
            places = [m for m in before if m.kind != "org"]
            if places:
                got = places[-1]
        pi = self._paragraph(q.start)
        if got is not None:
            self.paragraph_subject[pi] = got
            return got
        if metric is not None:  # national statistics with nobody named
            m = self.metrics.get(metric.key)
            if m is not None and m.domain in ("macro", "finance", "trade") and not S.mentions:
                return Mention(0, 0, self.cues.country_name, None, "country")  # type: ignore[arg-type]
        carried = self.paragraph_subject.get(pi) or self._carried(q.start)
        if carried is not None:
            return self._not_authority(carried)
        if S.topic is not None:  # named later in the same sentence
            return S.topic
        topic = self.article_topic(q.start)
        return None if topic is None else self._not_authority(topic)

    def _not_authority(self, m: Mention) -> Mention:
        """A body that published figures (国务院新闻办公室, 湖北省统计局), carried over from elsewhere,
        stands for its country or place."""
        if m.kind == "org" and m.name.endswith(self.cues.authority_suffixes):
            return Mention(0, 0, self._authority_place(m.name), None, "place")  # type: ignore[arg-type]
        return m

    def _carried(self, pos: int) -> Mention | None:
        """The topic of the latest earlier sentence of the paragraph that names one."""
        si = self.v.sentence_index(pos)
        pi = self._paragraph(pos)
        if si is None or pi < 0:
            return None
        para = self.paragraphs[pi]
        for k in range(si - 1, -1, -1):
            if self.v.sentences[k].end <= para.start:
                break
            S = self.sentence(k)
            if S.topic is not None:
                return S.topic
            places = [m for m in S.mentions if m.kind != "org"]
            if places:
                return places[-1]
        return None

    def _authority_place(self, name: str) -> str:
        for place in self._places_longest_first():
            if name.startswith(place):
                return self.place_names[place]
        return self.cues.country_name

    def article_topic(self, pos: int) -> Mention | None:
        """The last organisation named before ``pos`` that the article keeps coming back to
        (named at least ``topic_mentions`` times: the article is about it), else the main
        organisation if it is such; None in news that only passes organisations by."""
        need = self.cues.topic_mentions
        lo = bisect_left(self.ent_starts, pos)
        for k in range(lo - 1, -1, -1):
            e = self.ents[k]
            if e.name in self.cues.media or e.text in self.cues.media:
                continue
            if e.label == "ORG" and self.org_counts.get(e.name, 0) >= need and self._fits(e.start, e.end, "org"):
                return Mention(e.start, e.end, e.name, self.a.text[e.start:e.end], "org")
        name = self.main_org()
        if not name or self.org_counts.get(name, 0) < need:
            return None
        return Mention(0, 0, name, None, "org")  # type: ignore[arg-type]

    def _paragraph(self, pos: int) -> int:
        return bisect_right(self.para_starts, pos) - 1

    # period ---------------------------------------------------------------
    def _is_class(self, q: Quantity) -> bool:
        if self.norm.startswith(self.cues.class_markers, q.end):
            return True
        nxt = self.norm[q.end:q.end + 1]
        return q.unit in self.cues.spec_units and bool(nxt) and _is_letter(nxt) and not nxt.isdigit()

    def _period(self, q: Quantity, S: _Sentence, clause: Span, modality: str) -> tuple[int | Interval | None, str | None]:
        times = self.a.times
        if self._is_class(q):
            return None, None  # a class or a specification holds at no particular time
        actual = modality == "actual"

        def usable(i: int) -> bool:
            t = times[i]
            if t.kind in ("set",) or (t.kind == "duration" and t.interval is None):
                return False
            if self._is_base_time(t) and not self._attached(t, q):
                return False
            if not actual and t.interval is None:
                return False
            return True

        # the clause, before the figure; then the sentence before it
        for i in reversed(self._times_in(S.span.start, q.start)):
            if usable(i):
                return self._annual(i, S, actual), None
        if not actual:
            for i in self._times_in(q.end, clause.end):
                if usable(i):
                    return self._annual(i, S, actual), None
            if self.published is not None:  # a target with no time: this year's
                return _year_interval(self.published.year), None
            return None, None
        # inherited from earlier sentences of the paragraph
        pi = self._paragraph(q.start)
        if pi < 0:
            return None, None
        para = self.paragraphs[pi]
        for i in reversed(self._times_in(para.start, S.span.start)):
            t = times[i]
            if usable(i):
                return (i, None) if t.interval is not None else (None, None)
        return None, None

    def _annual(self, i: int, S: _Sentence, actual: bool) -> int | Interval:
        """A target or plan the sentence calls annual (年度目标) covers the whole year of its time."""
        t = self.a.times[i]
        if actual or t.grain == "year" or t.interval is None or self.cues.annual is None:
            return i
        setting = any(w in t.text for w in self.cues.annual_setting)
        if not setting and self.cues.annual.search(self.norm, S.span.start, S.span.end) is None:
            return i
        start = _parse_iso(t.interval.start)
        return _year_interval(start.year) if start is not None else i

    # direction --------------------------------------------------------------
    def _direction(self, q: Quantity, prev_end: int, next_start: int) -> str | None:
        n, c = self.norm, self.cues
        text = self.a.text[q.start:q.end]
        if "翻" in text:
            return "up"
        # a direction word right before the figure, only gap words between
        best: Hit | None = None
        for h, lab, w in self._direction_hits(prev_end, q.start):
            best = Hit(h[0], h[1], lab, w)
        if best is not None and best.label != "_none":
            gap = n[best.end:q.start]
            if gap.startswith(c.to_level) or best.word.endswith(("至", "到")):
                return None
            if c.direction_gap.fullmatch(gap):
                return best.label
            m = word_scanner().match(gap)  # 下调基准利率25个基点: the metric between verb and figure
            if m is not None and c.direction_gap.fullmatch(gap[m[1]:]):
                return best.label
        # 比上年同期高21.2个百分点: a comparative after a base
        left = n[prev_end:q.start]
        for word in sorted(c.comparative, key=len, reverse=True):
            if left.endswith(word) and c.other_base.search(left) is not None:
                return c.comparative[word]
        # a direction noun right after it: "76%的同比增长", "27%的同比增速"
        after = n[q.end:next_start]
        for g in c.direction_after_gap:
            if after.startswith(g):
                rest = after[len(g):]
                for hs, he, lab, w in c.direction.finditer(rest, 0, min(len(rest), 4)):
                    if hs == 0 and lab and lab != "_none" and not rest[he:he + 1] in ("至", "到"):
                        return lab
                    break
        return None

    def _is_new_level(self, prev_end: int, q: Quantity) -> bool:
        """Only a direction word and 至/到 stand between the previous figure and this one."""
        gap = self.norm[prev_end:q.start]
        for hs, he, lab, w in self.cues.direction.finditer(gap, 0, len(gap)):
            if lab == "_none":
                continue
            rest = gap[he:]
            rest = rest[1:] if rest.startswith("了") else rest
            return hs <= 2 and rest in self.cues.to_level
        return False

    def _direction_hits(self, s: int, e: int):
        for hs, he, lab, w in self.cues.direction.finditer(self.norm, s, e):
            if lab:
                yield (hs, he), lab, w  # a "_none" word ends up nearest and blocks the ones before

    # comparison --------------------------------------------------------------
    def _comparison(self, q, S, clause, prev_end, next_start, prev_q, period, direction, metric, modality) -> str | None:
        n, c = self.norm, self.cues
        win_start = prev_end
        if prev_q is not None and self._is_base_figure(prev_q, clause.start):
            win_start = clause.start
        found: Hit | None = None
        for h in S.comp_left:
            if win_start <= h.start and h.end <= q.start:
                if h.label == "share" and c.not_share is not None and c.not_share.match(n, h.start):
                    continue
                found = h
        if found is None:  # right after the figure: "27%的同比增速"
            after = n[q.end:next_start]
            for g in ("的", ""):
                if after.startswith(g):
                    for h in S.comp_right:
                        if h.start == q.end + len(g):
                            found = h
                            break
                if found:
                    break
        if found is not None:
            if found.label == "share" and direction is not None:
                return "change"  # 报销比例提高12个百分点: a change of a share
            return found.label
        if direction is not None:
            # 较 + a time: how far the base lies from the figure's period
            base = self._base_comparison(q, clause.start, period)
            if base:
                return base
            # 同比/环比 earlier in the sentence, not bound to a figure of its own
            for h in reversed(S.comp_left):
                if h.end <= win_start:
                    if h.label in ("yoy", "mom", "qoq", "change"):
                        return h.label
                    break  # the nearest cue before is of another kind (占, 累计): not a change's base
            # 比/较 + some other base in the clause (比清明假期增长32.1%)
            if c.other_base.search(n, clause.start, q.start) is not None:
                return "change"
        if direction is None and q.unit == "%" and self._share_lead(q, clause):
            return "share"
        if metric is not None and metric.start is not None and metric.start >= clause.start:
            m = self.metrics.get(metric.key)  # a ratio metric named in the clause (研发投入强度4.4%)
            if m is not None and m.comparison and self._unit_kind(q) == "percent":
                return m.comparison
        if direction is not None:
            if q.unit == "%" and modality in ("actual", "forecast", "estimate"):
                return c.percent_growth_default
            return c.amount_change_default
        return None

    def _base_comparison(self, q, left_start: int, period) -> str | None:
        pt = self._period_interval(period)
        if pt is None:
            return None
        for i in reversed(self._times_in(left_start, q.start)):
            t = self.a.times[i]
            if not self._is_base_time(t) or t.interval is None:
                continue
            a, b = _parse_iso(pt.start), _parse_iso(t.interval.start)
            if a is None or b is None:
                return None
            if _shift(b, 12) == a:
                return "yoy"
            if _shift(b, 1) == a and t.grain == "month":
                return "mom"
            if _shift(b, 3) == a and t.grain == "quarter":
                return "qoq"
            return None
        return None

    def _unfinished(self, period, clause: Span, metric: Ref | None) -> bool:
        """A flow (sales, revenue, output) over a year written out in the figure's own clause that
        runs well past publication ("(2026年销量)105万台" in February 2026)."""
        if not isinstance(period, int) or self.published is None or metric is None:
            return False
        t = self.a.times[period]
        m = self.metrics.get(metric.key)
        if t.anchored or t.grain != "year" or not (clause.start <= t.start < clause.end):
            return False
        if m is None or m.domain not in self.cues.flow_domains:
            return False
        iv = t.interval
        if iv is None:
            return False
        end = _parse_iso(iv.end)
        pub = self.published.replace(tzinfo=None)
        return end is not None and end > pub + dt.timedelta(days=self.cues.unfinished_days)

    def _to_date(self, clause: Span) -> bool:
        """The figure's clause reports a result so far (已, 累计, 截至, 以来, 了 ...)."""
        text = self.norm[clause.start:clause.end]
        return any(w in text for w in self.cues.to_date)

    def _share_lead(self, q: Quantity, clause: Span) -> bool:
        """其中70%…, or …51人中，90%为…: a percentage of what was just counted."""
        lead = self.norm[clause.start:q.start]
        if lead.startswith("其中"):
            return lead[2:].lstrip(",，: ") in ("", "约", "近", "超", "超过", "有")
        if lead not in ("", "约", "近", "超", "超过", "有"):
            return False
        before = self.norm[max(0, clause.start - 3):clause.start].rstrip(",，")
        return before.endswith(self.cues.share_lead)

    def _period_interval(self, period) -> Interval | None:
        if isinstance(period, Interval):
            return period
        if isinstance(period, int) and 0 <= period < len(self.a.times):
            return self.a.times[period].interval
        return None

    # modality --------------------------------------------------------------
    def _modality(self, q: Quantity, S: _Sentence, clause: Span, next_start: int) -> str:
        c = self.cues
        found: set[str] = set()
        own: set[str] = set()
        lead = self.norm[clause.start:q.start]
        own_past = any(w in lead for w in c.past_markers)
        for h in S.mod_left:
            if h.end <= q.start:
                if h.start >= clause.start:
                    found.add(h.label)
                    own.add(h.label)
                elif not own_past:  # "…计划，目前已使99%的灾民…": done, not planned
                    found.add(h.label)
        n = self.norm
        for h in S.mod_right:
            if h.start >= q.end and h.start < next_start and h.start - q.end <= 6:
                gap = n[q.end:h.start]
                if not any(ch in _PUNCT or ch.isdigit() for ch in gap):
                    found.add(h.label)
                    own.add(h.label)
        if not found:
            return "actual"
        if not own and found <= set(c.no_past):
            # a target or plan from an earlier clause does not reach a figure dated in the past
            ts = [i for i in self._times_in(clause.start, q.start) if self.a.times[i].interval is not None]
            if ts and _is_past(self.a.times[ts[-1]], self.published):
                return "actual"
        for m in c.modality_priority:
            if m in found:
                return m
        return "actual"


def assemble(article: Article, view: TextView, published: dt.datetime | None = None) -> list[Claim]:
    """Claims for every quantity of the article, in quantity order."""
    asm = Assembler(article, view, published)
    out = []
    for qi in asm.qorder:
        out.append(asm.claim(qi))
    out.sort(key=lambda c: c.quantity)
    return out
