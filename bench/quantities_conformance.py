"""Score Recognizers-Text and Duckling on the same conformance suites as ``zhclaims eval quantities``.

Neither is a zhclaims dependency (dev script). Run the prediction step in an environment that
has them, then score in one that has zhclaims:

    python -m venv /tmp/rtvenv && /tmp/rtvenv/bin/pip install recognizers-text-suite "emoji<1.0" pyduckling-native-phihos
    /tmp/rtvenv/bin/python bench/quantities_conformance.py predict --tool recognizers --data ../shared --out /tmp/rt.json
    /tmp/rtvenv/bin/python bench/quantities_conformance.py predict --tool duckling --data ../shared --out /tmp/duck.json
    python bench/quantities_conformance.py score --preds /tmp/rt.json /tmp/duck.json --data ../shared

Recognizers: the PyPI port (recognizers-text-suite 1.0.2a2, 2019) imports ``UNICODE_EMOJI``, which
emoji>=1.0 removed, hence the pin. It has number, percent, currency and dimension models for
Chinese but no number-range model, so its number model answers the range suite.
Duckling: pyduckling-native-phihos wraps the Haskell Duckling (compiled into the wheel); its ZH
dimensions are number, amount-of-money, distance, quantity, volume, temperature (no percent).
Its generic "$" (元/块/dollar) is read as CNY, its answer for 元 in Chinese text.

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
    "recognizers_zh_numberrange": "number",
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


def _recognizers():
    from recognizers_number import Culture, recognize_number, recognize_percentage
    from recognizers_number_with_unit import recognize_currency, recognize_dimension

    fns = {"number": recognize_number, "percent": recognize_percentage, "currency": recognize_currency,
           "dimension": recognize_dimension}

    def run(model, text):
        got = []
        for r in fns[model](text, Culture.Chinese):
            res = r.resolution or {}
            value = res.get("value")
            unit = res.get("unit")
            if model == "percent" and isinstance(value, str) and value.endswith("%"):
                value, unit = value[:-1], "%"
            got.append({"text": r.text, "start": r.start, "end": r.end + 1, "value": _num(value),
                        "unit": unit, "currency": res.get("isoCurrency") or None})
        return got

    return run


_DUCK_ISO = {"$": "CNY", "CNY": "CNY", "HKD": "HKD", "USD": "USD", "EUR": "EUR", "JPY": "JPY", "GBP": "GBP",
             "cent": "CNY", "Cent": "CNY"}


def _duckling():
    import time

    import duckling as d

    tz = d.load_time_zones("/usr/share/zoneinfo")
    ctx = d.Context(d.parse_ref_time(tz, "UTC", int(time.time())), d.parse_locale("ZH", d.default_locale_lang(d.parse_lang("ZH"))))
    dims = {
        "number": d.parse_dimensions(["number"]),
        "percent": d.parse_dimensions(["number"]),
        "currency": d.parse_dimensions(["amount-of-money"]),
        "dimension": d.parse_dimensions(["distance", "quantity", "volume", "temperature"]),
    }

    def run(model, text):
        got = []
        for r in d.parse(text, ctx, dims[model], False):
            v = r.get("value") or {}
            unit = v.get("unit")
            item = {"text": text[r["start"]:r["end"]], "start": r["start"], "end": r["end"], "unit": unit,
                    "currency": _DUCK_ISO.get(unit) if r.get("dim") == "amount-of-money" else None}
            if v.get("type") == "interval":
                lo, hi = (v.get("from") or {}).get("value"), (v.get("to") or {}).get("value")
                item.update(value=None, lower=lo, upper=hi,
                            qualifier="range" if lo is not None and hi is not None else ("ge" if lo is not None else "le"))
            else:
                item["value"] = _num(v.get("value"))
            got.append(item)
        return got

    return run


def predict(tool: str, data: Path, out: Path) -> None:
    run = _recognizers() if tool == "recognizers" else _duckling()
    preds: dict[str, list] = {"_tool": tool}  # type: ignore[dict-item]
    for suite, model in MODELS.items():
        path = data / "conformance" / f"{suite}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            text = case["text"] or ""
            try:
                got = run(model, text)
            except Exception as exc:  # the tool crashing on a case is a wrong answer
                print(f"{case['id']}: {exc!r}", file=sys.stderr)
                got = []
            preds[case["id"]] = got
    out.write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {len(preds)} cases to {out}")


def score(preds_paths: list[Path], data: Path) -> None:
    from zhclaims.eval.quantities import SUITES, score_suites
    from zhclaims.model import Quantity

    ours = score_suites(data, {s: SUITES[s] for s in MODELS})
    columns = []
    for path in preds_paths:
        preds = json.loads(path.read_text(encoding="utf-8"))
        tool = preds.pop("_tool", path.stem)
        by_text: dict[str, list] = {}
        for suite in MODELS:
            for line in (data / "conformance" / f"{suite}.jsonl").read_text(encoding="utf-8").splitlines():
                if line.strip():
                    case = json.loads(line)
                    by_text[f"{suite}\t{case['text']}"] = preds.get(case["id"], [])
        current = {"suite": None}

        def extract(text, bare, by_text=by_text, current=current):
            return [Quantity(text=p["text"], start=p["start"], end=p["end"], value=p.get("value"),
                             lower=p.get("lower"), upper=p.get("upper"), unit=p.get("unit"),
                             currency=p.get("currency"), qualifier=p.get("qualifier", "eq"))
                    for p in by_text.get(f"{current['suite']}\t{text}", [])]

        col = {}
        for suite in MODELS:
            current["suite"] = suite
            mode, kind = SUITES[suite]
            # the tool's model already answers for the suite's kind; ranges still need bounds
            keep = "bounded" if kind == "bounded" else "any"
            col[suite] = score_suites(data, {suite: (mode, keep)}, extract=extract, parse=lambda text: None)[suite]["accuracy"]
        columns.append((tool, col))
    header = f"{'suite':32s} {'zhclaims':>9s}" + "".join(f" {t:>12s}" for t, _ in columns)
    print(header)
    for suite in MODELS:
        print(f"{suite:32s} {ours[suite]['accuracy']:9.4f}" + "".join(f" {c[suite]:12.4f}" for _, c in columns))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("predict")
    p.add_argument("--tool", choices=["recognizers", "duckling"], required=True)
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("--preds", type=Path, nargs="+", required=True)
    s.add_argument("--data", type=Path, required=True)
    args = ap.parse_args(argv)
    if args.cmd == "predict":
        predict(args.tool, args.data, args.out)
    else:
        score(args.preds, args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
