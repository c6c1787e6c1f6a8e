"""Score Recognizers-Text (Python port) on the same conformance suites as ``zhclaims eval quantities``.

Recognizers-Text is NOT a zhclaims dependency (dev script). Run the prediction step in an
environment that has it, then score in one that has zhclaims:

    python -m venv /tmp/rtvenv && /tmp/rtvenv/bin/pip install recognizers-text-suite "emoji<1.0"
    /tmp/rtvenv/bin/python bench/quantities_conformance.py predict --data ../shared --out /tmp/rt_quantities.json
    python bench/quantities_conformance.py score --preds /tmp/rt_quantities.json --data ../shared

The PyPI port (recognizers-text-suite 1.0.2a2, 2019) imports ``UNICODE_EMOJI``, which emoji>=1.0
removed, hence the pin. It has number, percent, currency and dimension models for Chinese, but no
number-range model, so ``recognizers_zh_numberrange`` is not measured for it. Duckling (Haskell)
is not installable from PyPI, so it is not measured here either.

The predict step needs only the standard library and the tool; predictions are stored per case id
in zhclaims' quantity form ({text, start, end, value, unit, currency}), exclusive ends.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# suite -> Recognizers model that answers it
MODELS = {
    "recognizers_zh_number": "number",
    "recognizers_zh_percent": "percent",
    "recognizers_zh_currency": "currency",
    "recognizers_zh_dimension": "dimension",
    "duckling_zh_numeral": "number",
    "duckling_zh_money": "currency",
    "cn2an_zh_number": "number",
    "jionlp_zh_money_extract": "currency",
}


def _num(s):
    try:
        v = float(str(s).replace(",", ""))
    except (TypeError, ValueError):
        return None
    return int(v) if v.is_integer() else v


def predict(data: Path, out: Path) -> None:
    from recognizers_number import Culture, recognize_number, recognize_percentage
    from recognizers_number_with_unit import recognize_currency, recognize_dimension

    fns = {"number": recognize_number, "percent": recognize_percentage, "currency": recognize_currency,
           "dimension": recognize_dimension}
    preds: dict[str, list] = {}
    for suite, model in MODELS.items():
        path = data / "conformance" / f"{suite}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            text = case["text"] or ""
            got = []
            try:
                results = fns[model](text, Culture.Chinese)
            except Exception as exc:  # the tool crashing on a case is a wrong answer
                print(f"{case['id']}: {exc!r}", file=sys.stderr)
                results = []
            for r in results:
                res = r.resolution or {}
                value = res.get("value")
                unit = res.get("unit")
                if model == "percent" and isinstance(value, str) and value.endswith("%"):
                    value, unit = value[:-1], "%"
                got.append({"text": r.text, "start": r.start, "end": r.end + 1, "value": _num(value),
                            "unit": unit, "currency": res.get("isoCurrency") or None})
            preds[case["id"]] = got
    out.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {len(preds)} cases to {out}")


def score(preds_path: Path, data: Path) -> None:
    from zhclaims.eval.quantities import SUITES, score_suites
    from zhclaims.model import Quantity

    preds = json.loads(preds_path.read_text(encoding="utf-8"))
    by_text: dict[str, list] = {}
    for suite in MODELS:
        path = data / "conformance" / f"{suite}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                by_text[f"{suite}\t{case['text']}"] = preds.get(case["id"], [])

    current = {"suite": None}

    def extract(text, bare):
        return [Quantity(text=p["text"], start=p["start"], end=p["end"], value=p["value"], unit=p["unit"],
                         currency=p["currency"]) for p in by_text.get(f"{current['suite']}\t{text}", [])]

    ours = score_suites(data, {s: SUITES[s] for s in MODELS})
    rows = []
    for suite in MODELS:
        current["suite"] = suite
        mode, _ = SUITES[suite]
        # the suite's model already answers for the suite's kind: no further filtering
        theirs = score_suites(data, {suite: (mode, "any")}, extract=extract, parse=lambda text: None)[suite]
        rows.append((suite, ours[suite]["accuracy"], theirs["accuracy"], theirs["total"]))
    print(f"{'suite':32s} {'zhclaims':>9s} {'recognizers-py':>15s} {'cases':>6s}")
    for suite, a, b, n in rows:
        print(f"{suite:32s} {a:9.4f} {b:15.4f} {n:6d}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("predict")
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("--preds", type=Path, required=True)
    s.add_argument("--data", type=Path, required=True)
    args = ap.parse_args(argv)
    if args.cmd == "predict":
        predict(args.data, args.out)
    else:
        score(args.preds, args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
