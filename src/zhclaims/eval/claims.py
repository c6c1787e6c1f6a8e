"""Claims scorer: attribute accuracy on the figures matched with ``gold/seeds.claims.jsonl``.

Two runs over the seed articles (``corpus/seeds/*.txt``):

- end to end: ``zhclaims.analyze`` on the raw text (seed 002 carries no date; the times stage infers
  the anchor). Each gold figure is matched with the predicted quantity whose span overlaps it most;
  ``match`` is the share of gold figures matched, and each attribute's accuracy is over the matched
  figures (``period``, ``subject``, ``comparison``, ``direction``, ``modality``, ``metric``);
- ``given_*``: the assembly alone, on records holding the gold quantities, gold times and the gold
  entities' surface forms — what the claims rules score when the earlier stages are right.

Gold periods are written "2026", "2026-01", "2025-03/2026-01", "2022/2024"; a predicted period (an
index into ``times`` or an inherited interval) is written the same way from its interval.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

from ..model import Article, Entity, Interval, Quantity, Time
from .common import need, read_jsonl

ATTRS = ("period", "subject", "comparison", "direction", "modality", "metric")


def period_label(interval: Interval | None) -> str | None:
    """'2026', '2026-01', '2026-01-05', or 'a/b' for a run of whole years, months or days."""
    if interval is None:
        return None
    try:
        a = dt.datetime.fromisoformat(interval.start)
        b = dt.datetime.fromisoformat(interval.end)
    except (TypeError, ValueError):
        return None
    if b <= a:
        return None
    midnight = a.time() == dt.time() and b.time() == dt.time()
    if midnight and (a.month, a.day, b.month, b.day) == (1, 1, 1, 1):
        if b.year - a.year == 1:
            return f"{a.year}"
        return f"{a.year}/{b.year - 1}"
    if midnight and a.day == 1 and b.day == 1:
        months = (b.year - a.year) * 12 + b.month - a.month
        last = b.replace(month=b.month - 1) if b.month > 1 else b.replace(year=b.year - 1, month=12)
        if months == 1:
            return f"{a.year}-{a.month:02d}"
        return f"{a.year}-{a.month:02d}/{last.year}-{last.month:02d}"
    if midnight:
        last = b - dt.timedelta(days=1)
        if last == a:
            return a.date().isoformat()
        return f"{a.date().isoformat()}/{last.date().isoformat()}"
    return f"{interval.start}/{interval.end}"


def predicted(art: Article, claim) -> dict:
    p = claim.period
    if isinstance(p, Interval):
        interval = p
    elif isinstance(p, int) and 0 <= p < len(art.times):
        interval = art.times[p].interval
    else:
        interval = None
    return {
        "period": period_label(interval),
        "subject": claim.subject.key if claim.subject else None,
        "comparison": claim.comparison,
        "direction": claim.direction,
        "modality": claim.modality,
        "metric": claim.metric.key if claim.metric else None,
    }


def _overlap(a0, a1, b0, b1) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score(articles: dict[str, Article], gold: list[dict]) -> dict:
    """Match gold figures with predicted quantities by span overlap; attribute accuracy on matches."""
    right = defaultdict(int)
    matched = 0
    misses: list[dict] = []
    for g in gold:
        art = articles.get(g["article"])
        if art is None:
            continue
        by_q = {c.quantity: c for c in art.claims}
        best, best_ov = None, 0
        for qi, q in enumerate(art.quantities):
            ov = _overlap(q.start, q.end, g["start"], g["end"])
            if ov > best_ov:
                best, best_ov = qi, ov
        if best is None or best not in by_q:
            misses.append({"article": g["article"], "text": g["text"], "start": g["start"], "unmatched": True})
            continue
        matched += 1
        pred = predicted(art, by_q[best])
        wrong = {}
        for a in ATTRS:
            if pred[a] == g.get(a):
                right[a] += 1
            else:
                wrong[a] = {"gold": g.get(a), "predicted": pred[a]}
        if wrong:
            misses.append({"article": g["article"], "text": g["text"], "start": g["start"], "context": g.get("context"), "wrong": wrong})
    n = len(gold)
    scores = {"match": round(matched / n, 4) if n else 0.0}
    for a in ATTRS:
        scores[a] = round(right[a] / matched, 4) if matched else 0.0
    return {"scores": scores, "matched": matched, "gold": n, "misses": misses}


def _seeds(data: Path) -> list[Path]:
    return sorted(need(data / "corpus" / "seeds").glob("*.txt"))


def _given(data: Path, gold: list[dict]) -> dict[str, Article]:
    """Records holding the gold quantities, times and entity forms: the assembly measured alone."""
    from ..pipeline import Context, Pipeline
    from ..claims.stage import run

    times = defaultdict(list)
    for t in read_jsonl(data / "gold" / "seeds.times.jsonl"):
        times[t["article"]].append(t)
    ents = json.loads((data / "gold" / "seeds.entities.json").read_text(encoding="utf-8"))
    clean_only = Pipeline(stages=[])
    out = {}
    for path in _seeds(data):
        aid = path.stem
        art = clean_only(Article(id=aid, text=path.read_text(encoding="utf-8")))
        art.times = [
            Time(t["text"], t["start"], t["end"], t["kind"], t.get("grain"),
                 Interval(**t["interval"]) if t.get("interval") else None, t.get("duration"), bool(t.get("anchored")))
            for t in times.get(aid, [])
        ]
        art.quantities = [
            Quantity(g["text"], g["start"], g["end"], g.get("value"), unit=g.get("unit"), qualifier=g.get("qualifier") or "eq")
            for g in gold if g["article"] == aid
        ]
        art.entities = _entity_mentions(art.text, ents.get(aid, []))
        starts = [t.interval.start for t in art.times if t.interval and t.anchored]
        published = art.published or (max(starts) if starts else None)
        view = clean_only.view(art)
        run(art, view, Context(published=dt.datetime.fromisoformat(published) if published else None))
        out[aid] = art
    return out


def _entity_mentions(text: str, entries: list[dict]) -> list[Entity]:
    forms = sorted(((f, e) for e in entries for f in e.get("forms", [])), key=lambda fe: -len(fe[0]))
    taken = [False] * len(text)
    out = []
    for form, e in forms:
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            if not any(taken[pos:end]):
                out.append(Entity(form, pos, end, e["type"], e["name"], source="gold"))
                for k in range(pos, end):
                    taken[k] = True
            pos = text.find(form, end)
    return sorted(out, key=lambda x: x.start)


def evaluate(data: Path) -> dict:
    from .. import analyze

    gold = list(read_jsonl(need(data / "gold" / "seeds.claims.jsonl")))
    articles = {}
    for path in _seeds(data):
        articles[path.stem] = analyze(path.read_text(encoding="utf-8"), id=path.stem)
    end_to_end = score(articles, gold)
    given = score(_given(data, gold), gold)
    scores = dict(end_to_end["scores"])
    scores.update({f"given_{k}": v for k, v in given["scores"].items() if k != "match"})
    return {
        "scores": scores,
        "details": {
            "gold": end_to_end["gold"],
            "matched": end_to_end["matched"],
            "misses": end_to_end["misses"],
            "given_misses": given["misses"],
        },
    }
