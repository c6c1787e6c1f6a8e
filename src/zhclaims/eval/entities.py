"""Scoring the entities stage against ../shared data.

- span F1 (exact span and type) on the MSRA NER test set, the People's Daily 1998 test set and
  the CLUENER2020 dev set; the stage's labels map PERSON -> PER, GPE -> LOC, ORG -> ORG (PRODUCT
  is not scored); CLUENER's company/government/organization -> ORG, name -> PER, address -> LOC,
  its other types are not scored;
- the seeds' entity lists (gold/seeds.entities.json): recall and precision over (canonical name,
  type) per article, on the body the clean stage keeps.

By default each NER set is scored on its first ``SAMPLE`` sentences (fixed, deterministic) so that
the test suite's eval gate stays fast; the pinned baseline holds these. With the environment
variable ``ZHCLAIMS_EVAL_FULL=1`` the full sets are scored too (keys ``<set>.full.f1``, not pinned).
The NER sets are scored with the model on every sentence (``ner="all"``: what the layers can do
together); the stage's default ``"auto"`` runs the model only where a later stage needs an answer,
for speed, and is what the seeds are scored with (the whole pipeline, as ``zhclaims extract`` runs).
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

from .common import need, prf, read_jsonl

SAMPLE = 500
NER_MODE = "all"
TO_GOLD = {"PERSON": "PER", "GPE": "LOC", "ORG": "ORG"}
CLUENER = {"company": "ORG", "government": "ORG", "organization": "ORG", "name": "PER", "address": "LOC"}
SETS = {
    "msra": ("corpora/msra_ner_test/msra_test_spans.jsonl", None),
    "pd98": ("corpora/peoples_daily_1998_ner/example_test_spans.jsonl", None),
    "cluener_dev": ("corpora/cluener2020_dev/dev_spans.jsonl", CLUENER),
}


def span_f1(rows, mapping, mode: str = "auto") -> dict:
    from ..entities import extract_entities

    tp = n_pred = n_gold = 0
    per_type: dict[str, list[int]] = {}
    chars = 0
    t0 = time.perf_counter()
    for row in rows:
        text = row["text"]
        chars += len(text)
        gold = set()
        for e in row["entities"]:
            typ = mapping.get(e["type"]) if mapping else e["type"]
            if typ:
                gold.add((e["start"], e["end"], typ))
        pred = {(e.start, e.end, TO_GOLD[e.label]) for e in extract_entities(text, mode) if e.label in TO_GOLD}
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
        for typ in ("PER", "LOC", "ORG"):
            c = per_type.setdefault(typ, [0, 0, 0])
            c[0] += sum(1 for x in gold & pred if x[2] == typ)
            c[1] += sum(1 for x in pred if x[2] == typ)
            c[2] += sum(1 for x in gold if x[2] == typ)
    dt = time.perf_counter() - t0
    return {**prf(tp, n_pred, n_gold), "per_type": {k: prf(*v) for k, v in per_type.items()},
            "sentences": len(rows) if isinstance(rows, list) else None, "chars_per_s": round(chars / dt) if dt else None}


def seeds(data: Path) -> dict:
    from ..entities import main_organization
    from ..pipeline import Pipeline
    from ..model import Article
    from ..read import read_file

    gold = json.loads(need(data / "gold/seeds.entities.json").read_text(encoding="utf-8"))
    pipe = Pipeline(stages=["entities"])
    tp = n_pred = n_gold = 0
    details = {}
    for path in sorted((data / "corpus/seeds").glob("*.txt")):
        if path.stem not in gold:
            continue
        art = next(a for a in read_file(path) if isinstance(a, Article))
        art = pipe(art)
        want = {(g["name"], g["type"]) for g in gold[path.stem]}
        got = {(e.name, e.label) for e in art.entities}
        tp += len(want & got)
        n_pred += len(got)
        n_gold += len(want)
        details[path.stem] = {"missed": sorted(want - got), "extra": sorted(got - want),
                              "main_organization": main_organization(art)}
    return {**prf(tp, n_pred, n_gold), "articles": details}


def evaluate(data: Path) -> dict:
    data = Path(data)
    full = os.environ.get("ZHCLAIMS_EVAL_FULL") == "1"
    scores: dict[str, float] = {}
    details: dict = {"sample": SAMPLE, "mode": NER_MODE}
    for key, (rel, mapping) in SETS.items():
        rows = list(read_jsonl(need(data / rel)))
        r = span_f1(rows[:SAMPLE], mapping, NER_MODE)
        details[key] = r
        scores[f"{key}.f1"] = r["f1"]
        if full:
            rf = span_f1(rows, mapping, NER_MODE)
            details[f"{key}.full"] = rf
            scores[f"{key}.full.f1"] = rf["f1"]
    s = seeds(data)
    details["seeds"] = s
    scores["seeds.recall"] = s["recall"]
    scores["seeds.precision"] = s["precision"]
    return {"scores": scores, "details": details}
