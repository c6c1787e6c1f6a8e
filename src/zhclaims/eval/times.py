"""Scoring the times stage: the seeds' gold, and other tools' Chinese time test suites.

Seeds (``gold/seeds.times.jsonl``): time-expression F1 with spans matched on overlap (one to one)
and, stricter, on exact offsets; interval accuracy on the overlap-matched expressions whose gold
interval is not null.

Conformance (``conformance/<suite>.jsonl``, format in its README): accuracy per suite, one case
right when the expressions found are exactly the expected spans and, where the suite states a
value, each value matches. ``parse`` cases (Duckling) need one expression spanning the whole input.
Each suite's interval-end convention is normalized before comparing: Duckling ends are exclusive
like ours; JioNLP ends are inclusive (``23:59:59``); Recognizers and chrono give day ranges either
way, so a day range may end on our exclusive end or the day before. Open-ended values (``mod``
before/after/since/until) compare their one written end with either end of our interval.

``predict`` is pluggable so that ``bench/times_conformance.py`` can score other tools the same way.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from .common import need, prf, read_jsonl

SUITES = (
    "recognizers_zh_date",
    "recognizers_zh_daterange",
    "recognizers_zh_datetimemodel",
    "duckling_zh_time",
    "jionlp_zh_time_extract",
    "chrono_zh_time",
)

# A prediction: {"start", "end", "interval": {"start","end"} | None, "duration": str | None, "grain": str | None}
Predict = Callable[[str, "dt.datetime | None"], list[dict]]


def reference_time(s: str | None) -> dt.datetime | None:
    """A suite's reference time as a naive local datetime ('2013-02-12T04:30:00-02:00', '2019', '2019-02-18T07')."""
    if not s:
        return None
    s = s.strip()
    if len(s) > 19 and s[19] in "+-Z":
        s = s[:19]
    parts = s.replace("T", "-").replace(":", "-").split("-")
    nums = [int(p) for p in parts if p.isdigit()]
    nums += [1, 1][: max(0, 3 - len(nums))]
    while len(nums) < 6:
        nums.append(0)
    try:
        return dt.datetime(*nums[:6])
    except ValueError:
        return None


def ours(text: str, ref: dt.datetime | None) -> list[dict]:
    from ..times import extract_times

    out = []
    for t in extract_times(text, ref):
        out.append({"start": t.start, "end": t.end, "interval": t.interval.to_dict() if t.interval else None,
                    "duration": t.duration, "grain": t.grain})
    return out


# -- value comparison ------------------------------------------------------------------------------


def _dt(s: str | None) -> dt.datetime | None:
    if not s:
        return None
    try:
        if len(s) == 8 and s[2] == ":":
            return None
        return dt.datetime.fromisoformat(s)
    except ValueError:
        return None


def _same_point(expected: str, got: str | None) -> bool:
    """'2017-03-23' against a datetime (date part), 'HH:MM:SS' against its time, else the full datetime."""
    if not got:
        return False
    if len(expected) == 8 and expected[2] == ":":
        return got[11:19] == expected
    if len(expected) == 10:
        return got[:10] == expected
    return got[:19] == expected[:19]


def _minus_grain(d: dt.datetime, grain: str | None) -> dt.datetime | None:
    if grain in ("year", "half", "quarter", "month"):
        months = {"year": 12, "half": 6, "quarter": 3, "month": 1}[grain]
        m = d.month - 1 - months
        return d.replace(year=d.year + m // 12, month=m % 12 + 1)
    step = {"week": dt.timedelta(days=7), "day": dt.timedelta(days=1), "hour": dt.timedelta(hours=1),
            "minute": dt.timedelta(minutes=1), "second": dt.timedelta(seconds=1)}.get(grain or "")
    return d - step if step else None


def _ends(got_end: str, suite: str, grain: str | None = None) -> list[str]:
    """The forms a suite may write our exclusive end in.

    JioNLP: inclusive, one second before. Recognizers and chrono: the start of the range's last
    unit (2016年到2018年 ends 2018-01-01, 6月1日-6月30日 ends 06-30), i.e. one grain before ours.
    """
    d = _dt(got_end)
    if d is None:
        return [got_end]
    cands = [got_end]
    if suite == "jionlp":
        cands.append((d - dt.timedelta(seconds=1)).isoformat())
    elif suite in ("recognizers-text", "chrono"):
        cands.append((d - dt.timedelta(days=1)).isoformat())
        cands.append((d - dt.timedelta(seconds=1)).isoformat())
        back = _minus_grain(d, grain)
        if back is not None:
            cands.append(back.isoformat())
    return cands


def value_matches(expected, pred: dict, suite: str) -> bool:
    if expected is None:
        return True
    iv = pred.get("interval")
    if isinstance(expected, str):
        if expected.startswith("P"):
            return pred.get("duration") == expected
        return iv is not None and _same_point(expected, iv["start"])
    if isinstance(expected, dict):
        if iv is None:
            return False
        es, ee = expected.get("start"), expected.get("end")
        if es is None and ee is None:
            return False
        if es is None or ee is None:  # open-ended: the written end is either end of ours
            written = es if es is not None else ee
            return _same_point(written, iv["start"]) or any(_same_point(written, e) for e in _ends(iv["end"], suite, pred.get("grain")))
        return _same_point(es, iv["start"]) and any(_same_point(ee, e) for e in _ends(iv["end"], suite, pred.get("grain")))
    return False


def case_correct(case: dict, preds: list[dict]) -> bool:
    suite = case["suite"]
    expected = case["expected"]
    text = case["text"]
    if case["task"] == "parse":
        whole = [p for p in preds if p["start"] == 0 and p["end"] == len(text)]
        if len(whole) != 1:
            return False
        e = expected[0]
        vals = e.get("alternatives") or [e.get("value")]
        return any(value_matches(v, whole[0], suite) for v in vals)
    if len(preds) != len(expected):
        return False
    used = set()
    for e in expected:
        match = None
        for i, p in enumerate(preds):
            if i in used:
                continue
            if e.get("start") is not None:
                ok = p["start"] == e["start"] and p["end"] == e["end"]
            elif e.get("text"):
                ok = text[p["start"]:p["end"]] == e["text"]
            else:
                ok = True
            if ok:
                match = i
                break
        if match is None:
            return False
        used.add(match)
        if case["task"] != "extract":
            vals = e.get("alternatives") or [e.get("value")]
            if not any(value_matches(v, preds[match], suite) for v in vals):
                return False
    return True


def conformance(data: Path, predict: Predict = ours, suites=SUITES) -> dict[str, dict]:
    out = {}
    for name in suites:
        path = need(Path(data) / "conformance" / f"{name}.jsonl")
        n = right = 0
        wrong = []
        for case in read_jsonl(path):
            n += 1
            try:
                preds = predict(case["text"], reference_time(case.get("reference_time")))
            except Exception as exc:  # noqa: BLE001 - another tool failing on a case counts as wrong
                preds = [{"start": -1, "end": -1, "interval": None, "duration": None, "error": str(exc)}]
            if case_correct(case, preds):
                right += 1
            elif len(wrong) < 400:
                wrong.append({"id": case["id"], "text": case["text"], "expected": [(e.get("text"), e.get("value") or e.get("alternatives")) for e in case["expected"]],
                              "got": [(case["text"][p["start"]:p["end"]] if p["start"] >= 0 else None, p.get("interval"), p.get("duration")) for p in preds]})
        out[name] = {"n": n, "right": right, "accuracy": round(right / n, 4) if n else 0.0, "wrong": wrong}
    return out


# -- seeds -------------------------------------------------------------------------------------------


def _overlap_match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs of overlapping spans, exact matches first, then the largest overlaps."""
    pairs, used_g, used_p = [], set(), set()
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                exact = g["start"] == p["start"] and g["end"] == p["end"]
                cands.append((not exact, -ov, i, j))
    for _, _, i, j in sorted(cands):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((gold[i], pred[j]))
    return pairs


def seeds(data: Path) -> dict:
    from .. import read
    from ..pipeline import Pipeline

    gold_rows = list(read_jsonl(need(Path(data) / "gold" / "seeds.times.jsonl")))
    pipe = Pipeline(stages=["times"])
    preds: dict[str, list[dict]] = {}
    for art in read([need(Path(data) / "corpus" / "seeds")]):
        if not hasattr(art, "text"):
            continue
        pipe(art)
        preds[art.id] = [t.to_dict() for t in art.times]
    n_gold = len(gold_rows)
    n_pred = sum(len(v) for k, v in preds.items() if any(g["article"] == k for g in gold_rows))
    tp_exact = tp_overlap = iv_n = iv_ok = 0
    misses, extras, bad_iv = [], [], []
    for aid in sorted({g["article"] for g in gold_rows}):
        g = [x for x in gold_rows if x["article"] == aid]
        p = preds.get(aid, [])
        pairs = _overlap_match(g, p)
        tp_overlap += len(pairs)
        tp_exact += sum(1 for a, b in pairs if a["start"] == b["start"] and a["end"] == b["end"])
        matched_g = {id(a) for a, _ in pairs}
        matched_p = {id(b) for _, b in pairs}
        misses += [(aid, x["text"], x["start"]) for x in g if id(x) not in matched_g]
        extras += [(aid, x["text"], x["start"]) for x in p if id(x) not in matched_p]
        for a, b in pairs:
            if a["interval"] is not None:
                iv_n += 1
                if b["interval"] == a["interval"]:
                    iv_ok += 1
                else:
                    bad_iv.append((aid, a["text"], a["start"], a["interval"], b["interval"]))
    overlap, exact = prf(tp_overlap, n_pred, n_gold), prf(tp_exact, n_pred, n_gold)
    return {
        "overlap": overlap, "exact": exact,
        "interval_accuracy": round(iv_ok / iv_n, 4) if iv_n else 0.0, "interval_n": iv_n,
        "misses": misses, "extras": extras, "wrong_intervals": bad_iv,
    }


def evaluate(data: Path) -> dict:
    s = seeds(data)
    conf = conformance(data)
    scores = {
        "seeds_f1_overlap": s["overlap"]["f1"],
        "seeds_f1_exact": s["exact"]["f1"],
        "seeds_interval_accuracy": s["interval_accuracy"],
    }
    for name, r in conf.items():
        scores[f"{name}_accuracy"] = r["accuracy"]
    return {"scores": scores, "details": {"seeds": s, "conformance": conf}}
