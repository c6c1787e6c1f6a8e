"""Score the quantities stage: the seeds' gold figures and the conformance suites.

* ``seeds.*``: value+unit precision/recall/F1 of ``extract_quantities`` over the cleaned body of
  each seed article against ``gold/seeds.claims.jsonl`` (matched one to one by span overlap; a
  match is right when the value, or both bounds of a range, and the unit agree). Every
  prediction counts, so figures the gold does not hold lower the precision.
* ``conformance.<suite>``: case accuracy. Whole-string suites (Duckling, cn2an) are parsed as
  one expression; running-text suites (Recognizers, JioNLP) are extracted, and a case is right
  when every expected match is found with its value (and currency/bounds) and nothing else of
  the suite's kind is. How each suite maps onto our record is in ``SUITES``.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Article, Quantity
from ..numbers import extract_quantities, parse_number
from ..numbers.parse import to_py
from ..numbers.tables import tables
from .common import close, need, prf, read_jsonl

SEEDS = ("000_e2371e4b98839708", "002_e6f051ebe136f740")

# suite file -> (mode, which predictions belong to the suite's kind)
SUITES = {
    "recognizers_zh_number": ("text_bare", "any"),
    "recognizers_zh_percent": ("text_bare", "percent"),
    "recognizers_zh_numberrange": ("text_bare", "bounded"),
    "recognizers_zh_currency": ("text", "currency"),
    "recognizers_zh_dimension": ("text", "measure"),
    "duckling_zh_numeral": ("whole", "any"),
    "duckling_zh_money": ("whole_text", "any"),
    "cn2an_zh_number": ("whole", "any"),
    "jionlp_zh_money_extract": ("text_spans", "currency"),
}


def _article_quantities(path: Path) -> tuple[str, list[Quantity]]:
    from ..clean import clean
    from ..text.view import TextView

    art = Article(id=path.stem, text=path.read_text(encoding="utf-8"))
    clean(art)
    return art.text, extract_quantities(TextView(art.text, art.body))


def _value_match(q: Quantity, value, unit_ok: bool = True) -> bool:
    if isinstance(value, dict):
        lo, hi = value.get("start"), value.get("end")
        qlo = q.lower if q.lower is not None else (q.value if q.qualifier in ("gt", "ge", "range") else None)
        qhi = q.upper if q.upper is not None else (q.value if q.qualifier in ("lt", "le", "range") else None)
        if q.qualifier in ("gt", "ge"):
            qhi = None if q.qualifier == "gt" or q.upper is None else qhi
        if q.qualifier in ("lt", "le"):
            qlo = None
        return _num_eq(qlo, lo, q.unit) and _num_eq(qhi, hi, q.unit)
    if q.value is None:
        return False
    return _num_eq(q.value, value, q.unit)


def _num_eq(ours, theirs, unit) -> bool:
    if ours is None or theirs is None:
        return ours is None and theirs is None
    if close(ours, theirs):
        return True
    # a suite that reads 一半 as 0.5 and we as 50 %, or 千分之三 as 0.3 % and we as 3 ‰: same quantity
    return (unit == "%" and close(float(ours) / 100, theirs)) or (unit == "‰" and close(float(ours) / 10, theirs))


def score_seeds(data: Path) -> dict:
    gold_by_article: dict[str, list[dict]] = {}
    for g in read_jsonl(need(data / "gold" / "seeds.claims.jsonl")):
        gold_by_article.setdefault(g["article"], []).append(g)
    tp = n_pred = n_gold = 0
    misses, extras = [], []
    for art_id in SEEDS:
        path = data / "corpus" / "seeds" / f"{art_id}.txt"
        if not path.exists():
            path = need(Path(__file__).resolve().parents[3] / "corpus" / f"{art_id}.txt")
        _, preds = _article_quantities(path)
        gold = gold_by_article.get(art_id, [])
        n_pred += len(preds)
        n_gold += len(gold)
        used = set()
        for g in gold:
            best = None
            for i, q in enumerate(preds):
                if i in used or not (q.start < g["end"] and g["start"] < q.end):
                    continue
                best = i
                break
            if best is None:
                misses.append({"article": art_id, "gold": g["text"], "start": g["start"], "why": "not found"})
                continue
            used.add(best)
            q = preds[best]
            if g.get("qualifier") == "range" or g.get("value") is None:
                ok = q.qualifier == "range" and close(q.lower, g.get("lower")) and close(q.upper, g.get("upper"))
            else:
                ok = q.value is not None and close(q.value, g["value"])
            ok = ok and q.unit == g.get("unit")
            if ok:
                tp += 1
            else:
                misses.append({"article": art_id, "gold": g["text"], "got": q.to_dict(), "why": "value or unit"})
        extras += [{"article": art_id, "text": q.text, "start": q.start} for i, q in enumerate(preds) if i not in used]
    return {"prf": prf(tp, n_pred, n_gold), "misses": misses, "extras": extras}


def _kind_filter(kind: str):
    t = tables()

    def is_kind(q: Quantity) -> bool:
        if kind == "percent":  # the suite counts percentage points as percents (六个百分点 = 6)
            return q.unit in ("%", "‰", "个百分点")
        if kind == "currency":
            return q.currency is not None
        if kind == "measure":
            u = t.units.get(q.unit or "")
            return u is not None and u.kind == "measure"
        if kind == "bounded":
            return q.qualifier != "eq"
        return True

    return is_kind


def _ours(text: str, bare: bool) -> list[Quantity]:
    return extract_quantities(text, bare=bare)


def _parse_ours(text: str) -> Quantity | None:
    got = parse_number(text)
    if got is None:
        return None
    return Quantity(text=text, start=0, end=len(text), value=to_py(got.value), lower=to_py(got.lower),
                    upper=to_py(got.upper), unit=got.unit, qualifier=got.qualifier)


def case_right(case: dict, mode: str, kind: str, extract=_ours, parse=_parse_ours) -> bool:
    """Is one conformance case right? ``extract(text, bare)`` and ``parse(text)`` are ours by
    default; bench/quantities_conformance.py passes another tool's predictions through the same
    rules."""
    text = case["text"] or ""
    expected = case["expected"]
    if mode == "whole":
        q = parse(text)
        if q is None:
            qs = extract(text, True)
            lo, hi = len(text) - len(text.lstrip()), len(text.rstrip())
            if len(qs) == 1 and qs[0].start <= lo and qs[0].end >= hi:
                q = qs[0]
        if q is None or not expected:
            return q is None and not expected
        value = expected[0]["value"]
        if isinstance(value, str):  # digit strings: 零零三 -> "003"
            try:
                value = float(value)
            except ValueError:
                return False
        return _value_match(q, value)
    is_kind = _kind_filter(kind)
    if mode == "whole_text":
        qs = [q for q in extract(text, False) if is_kind(q)]
        if not expected:
            return not qs
        return len(qs) == 1 and _value_match(qs[0], expected[0]["value"])
    qs = [q for q in extract(text, mode == "text_bare") if is_kind(q)]
    used = set()
    for e in expected:
        found = False
        for i, q in enumerate(qs):
            if i in used:
                continue
            es, ee = e.get("start"), e.get("end")
            if es is not None and not (q.start < ee and es < q.end):
                continue
            if mode == "text_spans":
                ok = True
            elif e["value"] is None:
                ok = q.value is None
            else:
                ok = _value_match(q, e["value"])
            if ok and e.get("iso_currency") and q.currency != e["iso_currency"]:
                ok = False
            if ok:
                used.add(i)
                found = True
                break
        if not found:
            return False
    return len(used) == len(qs)


def score_suites(data: Path, suites=SUITES, extract=_ours, parse=_parse_ours) -> dict[str, dict]:
    out = {}
    for suite, (mode, kind) in suites.items():
        path = data / "conformance" / f"{suite}.jsonl"
        if not path.exists():
            continue
        right = total = 0
        wrong = []
        for case in read_jsonl(path):
            total += 1
            try:
                ok = case_right(case, mode, kind, extract, parse)
            except Exception as exc:  # a crash is a wrong answer, and worth seeing
                ok = False
                wrong.append({"id": case["id"], "error": repr(exc)})
            if ok:
                right += 1
            elif len(wrong) < 400:
                wrong.append({"id": case["id"], "text": case["text"]})
        out[suite] = {"accuracy": round(right / total, 4) if total else 0.0, "right": right, "total": total, "wrong": wrong}
    return out


def evaluate(data: Path) -> dict:
    data = Path(data)
    seeds = score_seeds(data)
    suites = score_suites(data)
    scores = {f"seeds.{k}": v for k, v in seeds["prf"].items()}
    for suite, r in suites.items():
        scores[f"conformance.{suite}.accuracy"] = r["accuracy"]
    return {"scores": scores, "details": {"seeds": seeds, "suites": suites}}
