"""Score the checks on the seed articles (``gold/seeds.checks.json``), end to end.

1. Extraction + ``check`` on the two seeds: each gold relation must be found (a finding of that
   relation naming the gold figures) and consistent; nothing may be reported inconsistent; the
   'related' pair must not be a conflict.
2. Edits: every occurrence of a figure named in a gold relation (offsets from
   ``gold/seeds.claims.jsonl``) is rewritten as a clearly different number (x1.5 or x0.6 in turn,
   same format; 翻倍 -> 翻两番 / 增长六成), the article is extracted and checked again (with the other seed
   for the across relation), and the edit counts as detected when some inconsistent finding names
   the edited figure. ``edit_detection_rate`` is the share of edits detected.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import regex

from ..checks import check_across, check_article, default_lexicon
from ..model import Article, Finding
from ..pipeline import Pipeline
from ..read import read
from .common import need, read_jsonl

ALIASES = {"revision": "sum"}  # the gold calls a revision (100万 上调5万 至105万) a sum
FACTORS = (1.5, 0.6)
WORD_EDITS = {"翻倍": ("翻两番", "增长六成"), "翻番": ("翻两番", "增长六成"), "翻一番": ("翻两番", "增长六成")}
_NUM = regex.compile(r"[0-9]++(?:\.[0-9]++)?")


def edited(surface: str, factor: float, k: int) -> str | None:
    """The figure written as a clearly different number, in the same format (59.66万辆 -> 89.49万辆)."""
    if surface in WORD_EDITS:
        return WORD_EDITS[surface][k]
    m = None
    for m in _NUM.finditer(surface):
        pass
    if m is None:
        return None
    s = m.group()
    decimals = len(s.split(".")[1]) if "." in s else 0
    v = round(float(s) * factor, decimals)
    new = f"{v:.{decimals}f}"
    if new == s:
        return None
    return surface[:m.start()] + new + surface[m.end():]


def load_seeds(data: Path) -> dict[str, Article]:
    folder = need(data / "corpus" / "seeds")
    out = {}
    for item in read([str(folder)]):
        if isinstance(item, Article):
            out[item.id] = item
    return out


def analyze(pipe: Pipeline, art: Article) -> Article:
    return pipe(Article(id=art.id, text=art.text, origin=art.origin))


def _texts(f: Finding, article: str | None = None) -> list[str]:
    return [c.text for c in f.claims if article is None or c.article == article]


def _covers(texts: list[str], want: list[str]) -> bool:
    """Each wanted figure is one of the finding's figures (a finding's surface may carry a hedge: 近60万台)."""
    pool = list(texts)
    for w in want:
        hit = next((t for t in pool if t == w or (w in t and len(t) - len(w) <= 3)), None)
        if hit is None:
            return False
        pool.remove(hit)
    return True


def match_within(findings: list[Finding], rel: dict) -> Finding | None:
    cands = [f for f in findings if ALIASES.get(f.relation, f.relation) == rel["relation"]
             and all(c.article == rel["article"] for c in f.claims) and _covers(_texts(f), rel["figures"])]
    cands.sort(key=lambda f: f.verdict != "consistent")
    return cands[0] if cands else None


def match_across(findings: list[Finding], rel: dict) -> Finding | None:
    cands = [f for f in findings if f.kind == "cross_source"
             and all(_covers(_texts(f, aid), [fig]) for aid, fig in rel["figures"].items())]
    cands.sort(key=lambda f: (f.relation != rel.get("relation", "same_figure"), f.verdict != "consistent"))
    return cands[0] if cands else None


def run_checks(arts: list[Article], lex) -> list[Finding]:
    out = []
    for a in arts:
        out.extend(check_article(a, lex))
    out.extend(check_across(arts, lex))
    return out


def edit_targets(gold: dict, claims: list[dict]) -> dict[tuple[str, int, int], str]:
    """Every occurrence (article, start, end) of a figure a gold relation names."""
    named: dict[str, set[str]] = {}
    for rel in gold["within"]:
        named.setdefault(rel["article"], set()).update(rel["figures"])
    for rel in gold["across"]:
        for aid, fig in rel["figures"].items():
            named.setdefault(aid, set()).add(fig)
    return {(c["article"], c["start"], c["end"]): c["text"] for c in claims if c["text"] in named.get(c["article"], ())}


def run_edits(data: Path, gold: dict, claims: list[dict], seeds: dict[str, Article], done: dict[str, Article],
              pipe: Pipeline, lex, factors: tuple[float, ...] | None = None) -> list[dict]:
    """Rewrite each named figure, extract and check again, and say whether the edit is reported.

    With ``factors`` None, one edit per occurrence, x1.5 and x0.6 in turn (the pinned score);
    otherwise every occurrence with every factor."""
    out = []
    for i, ((aid, start, end), surface) in enumerate(sorted(edit_targets(gold, claims).items())):
        base = seeds[aid]
        if base.text[start:end] != surface:
            continue
        todo = [(FACTORS[i % len(FACTORS)], i % len(FACTORS))] if factors is None else \
            [(f, 0 if f > 1 else 1) for f in factors]
        for factor, k in todo:
            new = edited(surface, factor, k)
            if new is None:
                continue
            text = base.text[:start] + new + base.text[end:]
            mutated = analyze(pipe, Article(id=aid, text=text, origin=base.origin))
            res = run_checks([mutated, *(d for j, d in done.items() if j != aid)], lex)
            hit = [f for f in res if f.verdict == "inconsistent"
                   and any(c.article == aid and c.start < start + len(new) and start < c.end for c in f.claims)]
            out.append({"article": aid, "start": start, "from": surface, "to": new, "factor": factor,
                        "detected": bool(hit), "by": sorted({f.relation for f in hit})})
    return out


def evaluate(data: Path) -> dict:
    t0 = time.time()
    gold = json.loads(need(data / "gold" / "seeds.checks.json").read_text(encoding="utf-8"))
    claims = list(read_jsonl(need(data / "gold" / "seeds.claims.jsonl")))
    seeds = load_seeds(data)
    pipe = Pipeline()
    lex = default_lexicon()
    done = {aid: analyze(pipe, a) for aid, a in seeds.items()}
    findings = run_checks(list(done.values()), lex)

    details: dict = {"within": [], "across": [], "related": [], "inconsistent_on_seeds": [], "edits": []}
    found = consistent = 0
    for rel in gold["within"]:
        f = match_within(findings, rel)
        found += f is not None
        consistent += f is not None and f.verdict == "consistent"
        details["within"].append({**rel, "found": f is not None, "verdict": f.verdict if f else None,
                                  "explanation": f.explanation if f else None})
    a_found = a_cons = 0
    for rel in gold["across"]:
        f = match_across(findings, rel)
        a_found += f is not None
        a_cons += f is not None and f.verdict == "consistent"
        details["across"].append({**rel, "found": f is not None, "finding_relation": f.relation if f else None,
                                  "verdict": f.verdict if f else None})
    related_ok = 0
    for rel in gold.get("related", []):
        f = match_across(findings, {**rel, "relation": "related"})
        ok = f is None or f.verdict != "inconsistent"
        related_ok += ok
        details["related"].append({**rel, "paired_as": f.relation if f else None, "verdict": f.verdict if f else None})
    bad = [f for f in findings if f.verdict == "inconsistent"]
    details["inconsistent_on_seeds"] = [f.explanation for f in bad]
    details["verdicts_on_seeds"] = {v: sum(f.verdict == v for f in findings)
                                    for v in ("consistent", "inconsistent", "unverifiable")}

    edits = run_edits(data, gold, claims, seeds, done, pipe, lex)
    details["edits"] = edits
    total, detected = len(edits), sum(e["detected"] for e in edits)
    n_within, n_across = len(gold["within"]), len(gold["across"])
    scores = {
        "within_found": round(found / n_within, 4) if n_within else 0.0,
        "within_consistent": round(consistent / n_within, 4) if n_within else 0.0,
        "across_found_consistent": round(a_cons / n_across, 4) if n_across else 0.0,
        "related_not_conflict": round(related_ok / len(gold.get("related", [])), 4) if gold.get("related") else 1.0,
        "seeds_free_of_false_inconsistency": round(1 / (1 + len(bad)), 4),
        "edit_detection_rate": round(detected / total, 4) if total else 0.0,
    }
    details["edits_total"] = total
    details["edits_detected"] = detected
    details["seconds"] = round(time.time() - t0, 1)
    return {"scores": scores, "details": details}
