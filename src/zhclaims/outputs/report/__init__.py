"""The HTML report: one self-contained offline page for journalists.

Per article, the body text with every claim marked (an element with a ``data-claim`` attribute
holding the claim's fields as JSON) and coloured by verdict, like a spell checker; beside it the
findings that involve the article, with their evidence sentences and arithmetic. Above the
articles, a cross-source table and small timeline charts (inline SVG) per subject and metric where
several periods exist.

Safety: every piece of article text, title, id or field is escaped with ``html.escape`` and
attributes are always double-quoted, so markup in an article shows as text. Article data never
goes inside a ``<script>``: the page's own script reads it from attributes and writes it with
``textContent``. A Content-Security-Policy allows only the page's own inline script (by nonce) and
inline styles, and no connections at all: even escaped-looking content cannot run or fetch.
"""
from __future__ import annotations

import datetime as dt
import html
import re
import secrets
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources

import orjson

from ...model import Article, Finding, Span
from ..tables import VERDICT_ORDER as VERDICTS
from ..tables import claim_row, figure_verdicts
_RANK = {v: i for i, v in enumerate(VERDICTS)}  # the first listed wins when a figure has several


def esc(x) -> str:
    return "" if x is None else html.escape(str(x), quote=True)


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")


def _fmt(x) -> str:
    if x is None:
        return "–"
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    if isinstance(x, float):
        return f"{x:,.4g}" if abs(x) < 1e6 else f"{x:,.0f}"
    return f"{x:,}" if isinstance(x, int) else str(x)


class Model:
    """What the page shows, computed once: verdicts per figure, findings per article, groups."""

    def __init__(self, records: list[Article], findings: list[Finding]) -> None:
        self.records = records
        self.findings = findings
        self.index = {a.id: i for i, a in enumerate(records)}
        self.verdict = figure_verdicts(self.findings)
        self.finding_ids: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.by_article: dict[str, list[int]] = defaultdict(list)
        for fi, f in enumerate(findings):
            for a in dict.fromkeys(c.article for c in f.claims):
                self.by_article[a].append(fi)
            for c in f.claims:
                self.finding_ids[(c.article, c.quantity)].append(fi)
        self.rows: list[tuple[Article, int, dict]] = []  # (article, claim index, flat claim row)
        for a in records:
            for i, c in enumerate(a.claims):
                self.rows.append((a, i, claim_row(a, i, c)))

    def claim_verdict(self, article: Article, quantity: int) -> str:
        return self.verdict.get((article.id, quantity), "unchecked")

    def counts(self) -> dict:
        v = defaultdict(int)
        for a, _i, r in self.rows:
            v[self.claim_verdict(a, r["quantity"])] += 1
        f = defaultdict(int)
        for x in self.findings:
            f[x.verdict] += 1
        return {"articles": len(self.records), "claims": len(self.rows), "claims_by_verdict": dict(v),
                "findings": len(self.findings), "findings_by_verdict": dict(f)}


# ---------------------------------------------------------------- article text with marks

def _marks(model: Model, ai: int, a: Article) -> list[tuple[int, int, str]]:
    """(start, end, opening tag) for every claim, by position; claims on one figure nest."""
    out = []
    for i, c in enumerate(a.claims):
        if not 0 <= c.quantity < len(a.quantities):
            continue
        q = a.quantities[c.quantity]
        row = claim_row(a, i, c)
        row.pop("sentence", None)
        verdict = model.claim_verdict(a, c.quantity)
        data = {**row, "verdict": verdict, "findings": model.finding_ids.get((a.id, c.quantity), [])}
        tag = (f'<mark class="claim v-{verdict}" id="c-{ai}-{i}" data-q="{ai}-{c.quantity}" tabindex="0" '
               f'data-claim="{esc(orjson.dumps(data).decode())}">')
        out.append((q.start, q.end, tag))
    out.sort(key=lambda m: (m[0], -m[1]))
    return out


def _render_span(text: str, start: int, end: int, marks: list[tuple[int, int, str]], skipped: list) -> str:
    """text[start:end], escaped, with the marks inside it opened and closed in order."""
    parts: list[str] = []
    pos = start
    stack: list[int] = []  # ends of open marks
    for ms, me, tag in marks:
        if ms < start or me > end:
            continue
        while stack and stack[-1] <= ms:
            e = stack.pop()
            parts.append(esc(text[pos:e]))
            parts.append("</mark>")
            pos = e
        if stack and me > stack[-1]:  # would cross an open mark: not nestable
            skipped.append((ms, me))
            continue
        parts.append(esc(text[pos:ms]))
        parts.append(tag)
        pos = ms
        stack.append(me)
    while stack:
        e = stack.pop()
        parts.append(esc(text[pos:e]))
        parts.append("</mark>")
        pos = e
    parts.append(esc(text[pos:end]))
    return "".join(parts)


def _article_html(model: Model, ai: int, a: Article) -> str:
    marks = _marks(model, ai, a)
    skipped: list = []
    spans = a.body or ([Span(0, len(a.text))] if a.text else [])
    chunks = [_render_span(a.text, b.start, b.end, marks, skipped) for b in spans]
    inside = sum(1 for ms, me, _ in marks if any(b.start <= ms and me <= b.end for b in spans))
    body = '<span class="gap" title="left out: not part of the article body">⋯</span>\n'.join(chunks)
    meta = " · ".join(esc(x) for x in (a.source, a.published, a.id) if x)
    counts = defaultdict(int)
    for c in a.claims:
        counts[model.claim_verdict(a, c.quantity)] += 1
    badges = "".join(f'<span class="badge v-{v}">{counts[v]} {v}</span>' for v in VERDICTS if counts[v])
    note = ""
    if len(marks) - inside + len(skipped):
        note = (f'<p class="note">{len(marks) - inside + len(skipped)} claim(s) could not be marked in the body text '
                f'(outside the body, or overlapping another figure).</p>')
    return (
        f'<section class="article" id="a-{ai}" data-article="{esc(a.id)}">'
        f'<header><h2>{esc(a.title or a.id)}</h2><p class="meta">{meta}</p>'
        f'<p class="badges">{len(a.claims)} claims {badges}</p></header>'
        f'<div class="cols"><div class="text" lang="zh">{body}</div>'
        f'<aside class="findings-panel"><h3>Findings</h3>{_findings_list(model, model.by_article.get(a.id, []), ai)}</aside>'
        f'</div>{note}</section>'
    )


# ---------------------------------------------------------------- findings

def _evidence_html(model: Model, ev: dict, f: Finding) -> str:
    text = ev.get("text") or ""
    s0 = ev.get("start")
    marks = []
    if isinstance(s0, int):
        for c in f.claims:
            if c.article == ev.get("article") and s0 <= c.start and c.end <= s0 + len(text):
                marks.append((c.start - s0, c.end - s0, '<mark class="fig">'))
    marks.sort(key=lambda m: (m[0], -m[1]))
    src = model.records[model.index[ev["article"]]] if ev.get("article") in model.index else None
    who = esc((src.title or src.id) if src else ev.get("article"))
    return f'<blockquote lang="zh"><cite>{who}</cite>{_render_span(text, 0, len(text), marks, [])}</blockquote>'


def _figure_link(model: Model, c) -> str:
    ai = model.index.get(c.article)
    label = esc(c.text)
    if ai is None:
        return f'<span class="figref">{label}</span>'
    return f'<a class="figref" href="#a-{ai}" data-target="{ai}-{c.quantity}">{label}</a>'


def _finding_html(model: Model, fi: int, f: Finding) -> str:
    figs = " ".join(_figure_link(model, c) for c in f.claims)
    nums = ""
    if f.expected is not None or f.stated is not None:
        nums = f'<p class="nums">expected <b>{esc(_fmt(f.expected))}</b> · stated <b>{esc(_fmt(f.stated))}</b>'
        if f.miss is not None:
            nums += f' · off by {esc(_fmt(f.miss))}'
        nums += "</p>"
    arith = f'<pre class="arith">{esc(f.arithmetic)}</pre>' if f.arithmetic else ""
    evidence = "".join(_evidence_html(model, ev, f) for ev in f.evidence)
    return (
        f'<li class="finding v-{esc(f.verdict)}" data-finding="{fi}">'
        f'<p class="fhead"><span class="badge v-{esc(f.verdict)}">{esc(f.verdict)}</span> '
        f'<span class="rel">{esc(f.kind)} · {esc(f.relation)}</span> {figs}</p>'
        f'<p class="expl">{esc(f.explanation)}</p>{nums}{arith}{evidence}</li>'
    )


def _findings_list(model: Model, ids: list[int], ai: int | None = None) -> str:
    if not ids:
        return '<p class="none">No finding involves this article.</p>'
    # inconsistencies first, then in the order the checks gave them
    ids = sorted(ids, key=lambda fi: (_RANK.get(model.findings[fi].verdict, 3), fi))
    return '<ol class="findings">' + "".join(_finding_html(model, fi, model.findings[fi]) for fi in ids) + "</ol>"


# ---------------------------------------------------------------- cross-source table

def _period_label(r: dict) -> str:
    if r["period_text"]:
        return r["period_text"]
    if r["period_start"]:
        return f'{r["period_start"][:10]}…{(r["period_end"] or "")[:10]}'
    return ""


def _cross_source_html(model: Model) -> str:
    cross = [fi for fi, f in enumerate(model.findings) if f.kind == "cross_source"]
    cross.sort(key=lambda fi: (_RANK.get(model.findings[fi].verdict, 3), fi))  # inconsistencies first
    parts = ['<section id="cross"><h2>Across sources</h2>']
    if cross:
        by = defaultdict(int)
        for fi in cross:
            by[model.findings[fi].verdict] += 1
        badges = "".join(f'<span class="badge v-{esc(v)}">{n} {esc(v)}</span>' for v, n in sorted(by.items(), key=lambda kv: _RANK.get(kv[0], 3)))
        parts.append(f'<details{_open(len(cross))}><summary>{len(cross)} comparison{"s" if len(cross) != 1 else ""} between articles {badges}</summary>'
                     '<table class="cross"><thead><tr><th>verdict</th><th>relation</th><th>figures</th>'
                     '<th>expected</th><th>stated</th><th>explanation</th></tr></thead><tbody>')
        for fi in cross:
            f = model.findings[fi]
            figs = "<br>".join(
                f'{_figure_link(model, c)} <span class="src">{esc(_title(model, c.article))}</span>' for c in f.claims)
            parts.append(f'<tr class="v-{esc(f.verdict)}" data-finding="{fi}"><td><span class="badge v-{esc(f.verdict)}">'
                         f'{esc(f.verdict)}</span></td><td>{esc(f.relation)}</td><td>{figs}</td>'
                         f'<td>{esc(_fmt(f.expected))}</td><td>{esc(_fmt(f.stated))}</td><td>{esc(f.explanation)}</td></tr>')
        parts.append("</tbody></table></details>")
    # the same subject, metric and period stated by more than one article
    groups: dict[tuple, list] = defaultdict(list)
    for a, i, r in model.rows:
        if r["subject"] and r["metric"] and (r["period_start"] or r["period_text"]):
            key = (r["subject"], r["metric"], r["period_start"], r["period_end"], r["comparison"], r["modality"])
            groups[key].append((a, i, r))
    shared = [(k, v) for k, v in groups.items() if len({a.id for a, _, _ in v}) > 1]
    if shared:
        parts.append(f'<details{_open(len(shared))}><summary>{len(shared)} figure{"s" if len(shared) != 1 else ""} stated by several articles '
                     '(same subject, metric, period)</summary><table class="cross"><thead><tr><th>subject</th>'
                     '<th>metric</th><th>period</th><th>comparison</th><th>modality</th><th>figures</th></tr></thead><tbody>')
        for (subj, metric, _ps, _pe, comp, mod), items in sorted(shared, key=lambda kv: [str(x) for x in kv[0]]):
            figs = "<br>".join(
                f'<a class="figref" href="#a-{model.index[a.id]}" data-target="{model.index[a.id]}-{r["quantity"]}">'
                f'{esc(r["surface"])}</a> <span class="src">{esc(_title(model, a.id))}</span>' for a, i, r in items)
            parts.append(f'<tr><td>{esc(subj)}</td><td>{esc(metric)}</td><td>{esc(_period_label(items[0][2]))}</td>'
                         f'<td>{esc(comp)}</td><td>{esc(mod)}</td><td>{figs}</td></tr>')
        parts.append("</tbody></table></details>")
    if not cross and not shared:
        parts.append('<p class="none">No figure is compared across articles '
                     f'({len(model.records)} article{"s" if len(model.records) != 1 else ""} in this report).</p>')
    parts.append("</section>")
    return "".join(parts)


def _open(rows: int, limit: int = 30) -> str:
    """Short tables open, long ones folded (the articles stay near the top of a big report)."""
    return " open" if rows <= limit else ""


def _title(model: Model, article_id: str) -> str:
    i = model.index.get(article_id)
    if i is None:
        return article_id
    a = model.records[i]
    return a.title or a.id


# ---------------------------------------------------------------- timelines

def _date(iso: str | None) -> dt.datetime | None:
    if not iso:
        return None
    try:
        return dt.datetime.fromisoformat(iso)
    except ValueError:
        return None


def _grain(start: dt.datetime, end: dt.datetime) -> str:
    days = (end - start).days
    for name, least in (("year", 360), ("half", 180), ("quarter", 88), ("month", 28), ("week", 7)):
        if days >= least:
            return name
    return "day"


def timeline_groups(model: Model) -> list[tuple[tuple, list[dict]]]:
    """Level figures (no comparison) per subject, metric, unit and period length, where one such
    group spans at least two different periods: the series a timeline can show."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for a, i, r in model.rows:
        s, e = _date(r["period_start"]), _date(r["period_end"])
        if r["comparison"] or r["value"] is None or s is None or e is None or e <= s or not r["subject"] or not r["metric"]:
            continue
        key = (r["subject"], r["metric"], r["unit"] or "", r["currency"] or "", _grain(s, e))
        groups[key].append({**r, "_s": s, "_e": e, "_ai": model.index[a.id], "_title": a.title or a.id})
    out = [(k, v) for k, v in groups.items() if len({(p["_s"], p["_e"]) for p in v}) >= 2]
    out.sort(key=lambda kv: (-len(kv[1]), [str(x) for x in kv[0]]))
    return out


def _svg_timeline(key: tuple, points: list[dict]) -> str:
    W, H, L, R, T, B = 360, 150, 64, 14, 14, 34
    t0 = min(p["_s"] for p in points)
    t1 = max(p["_e"] for p in points)
    span = max((t1 - t0).total_seconds(), 1.0)
    vmax = max(p["value"] for p in points)
    vmin = min(0.0, min(p["value"] for p in points))
    vr = (vmax - vmin) or 1.0

    def x(t):
        return L + (W - L - R) * (t - t0).total_seconds() / span

    def y(v):
        return T + (H - T - B) * (1 - (v - vmin) / vr)

    parts = [f'<svg class="timeline" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" '
             f'aria-label="{esc(" · ".join(k for k in key if k))}">',
             f'<line class="axis" x1="{L}" y1="{y(vmin):.1f}" x2="{W - R}" y2="{y(vmin):.1f}"/>',
             f'<line class="axis" x1="{L}" y1="{T}" x2="{L}" y2="{H - B}"/>',
             f'<text class="tick" x="{L - 4}" y="{y(vmax) + 4:.1f}" text-anchor="end">{esc(_fmt(vmax))}</text>',
             f'<text class="tick" x="{L - 4}" y="{y(vmin) + 4:.1f}" text-anchor="end">{esc(_fmt(vmin))}</text>']
    actual = sorted((p for p in points if p["modality"] in (None, "actual")), key=lambda p: p["_s"])
    if len(actual) > 1:
        pts = " ".join(f'{(x(p["_s"]) + x(p["_e"])) / 2:.1f},{y(p["value"]):.1f}' for p in actual)
        parts.append(f'<polyline class="series" points="{pts}"/>')
    labelled = set()
    for p in sorted(points, key=lambda p: p["_s"]):
        cx, cy = (x(p["_s"]) + x(p["_e"])) / 2, y(p["value"])
        kind = "actual" if p["modality"] in (None, "actual") else "plan"
        tip = f'{p["surface"]} · {p.get("period_text") or p["period_start"][:10]} · {p["modality"] or ""} · {p["_title"]}'
        parts.append(f'<line class="period" x1="{x(p["_s"]):.1f}" y1="{cy:.1f}" x2="{x(p["_e"]):.1f}" y2="{cy:.1f}"/>')
        parts.append(f'<a href="#c-{p["_ai"]}-{p["index"]}"><circle class="pt {kind}" cx="{cx:.1f}" cy="{cy:.1f}" r="4">'
                     f'<title>{esc(tip)}</title></circle></a>')
        lab = p["_s"].strftime("%Y-%m" if key[4] not in ("year", "half") else "%Y")
        if lab not in labelled:
            labelled.add(lab)
            parts.append(f'<text class="tick" x="{cx:.1f}" y="{H - B + 14}" text-anchor="middle">{esc(lab)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _timelines_html(model: Model, limit: int = 24) -> str:
    groups = timeline_groups(model)
    if not groups:
        return ('<section id="timelines"><h2>Timelines</h2><p class="none">No subject and metric has figures '
                'for several periods.</p></section>')
    cards = []
    for key, pts in groups[:limit]:
        subj, metric, unit, cur, grain = key
        head = f'{esc(subj)} · {esc(metric)} <span class="unit">({esc(cur or unit or "no unit")}, per {esc(grain)})</span>'
        cards.append(f'<figure class="chart"><figcaption>{head}</figcaption>{_svg_timeline(key, pts)}</figure>')
    more = f'<p class="note">{len(groups) - limit} more series not drawn.</p>' if len(groups) > limit else ""
    legend = ('<p class="legend"><svg width="120" height="12"><circle class="pt actual" cx="6" cy="6" r="4"/>'
              '<text x="14" y="10" class="tick">actual</text><circle class="pt plan" cx="66" cy="6" r="4"/>'
              '<text x="74" y="10" class="tick">target</text></svg> horizontal bars: the period each figure covers</p>')
    return f'<section id="timelines"><h2>Timelines</h2>{legend}<div class="charts">{"".join(cards)}</div>{more}</section>'


# ---------------------------------------------------------------- the page

def render(records: Iterable[Article], findings: Iterable[Finding] = (), *, title: str = "zhclaims report",
           checked: bool = True) -> str:
    """The report as one HTML string. ``checked=False`` says the checks did not run (all claims
    are then shown as unchecked, and the page says so)."""
    model = Model(list(records), list(findings))
    nonce = secrets.token_urlsafe(16)
    c = model.counts()
    summary = (f'<p class="summary"><b>{c["articles"]}</b> article{"" if c["articles"] == 1 else "s"} · '
               f'<b>{c["claims"]}</b> claims '
               + "".join(f'<span class="badge v-{v}">{c["claims_by_verdict"].get(v, 0)} {v}</span>' for v in VERDICTS)
               + f' · <b>{c["findings"]}</b> findings '
               + "".join(f'<span class="badge v-{v}">{n} {esc(v)}</span>' for v, n in sorted(c["findings_by_verdict"].items(), key=lambda kv: _RANK.get(kv[0], 3)))
               + (' · <span class="note">checks did not run</span>' if not checked else "")
               + "</p>")
    toc = "".join(f'<li><a href="#a-{i}">{esc(a.title or a.id)}</a> <span class="n">{len(a.claims)}</span></li>'
                  for i, a in enumerate(model.records))
    filters = "".join(f'<label><input type="checkbox" data-verdict="{v}" checked> <span class="badge v-{v}">{v}</span></label>'
                      for v in VERDICTS)
    articles = "".join(_article_html(model, i, a) for i, a in enumerate(model.records))
    parts = {
        "title": esc(title),
        "nonce": nonce,
        "css": _asset("report.css"),
        "js": _asset("report.js"),
        "summary": summary,
        "filters": filters,
        "toc": toc,
        "cross": _cross_source_html(model),
        "timelines": _timelines_html(model),
        "articles": articles,
        "generated": esc(f"zhclaims {__import__('zhclaims').__version__}"),
    }
    # one pass over the template: inserted content is never scanned for placeholders again
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], _asset("template.html"))


def write_report(path: str, records: Iterable[Article], findings: Iterable[Finding] = (), **kw) -> None:
    """Render and write atomically (temporary file beside ``path``, then renamed)."""
    from ..jsonl import atomic_path

    page = render(records, findings, **kw)
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", errors="replace") as fh:
            fh.write(page)
