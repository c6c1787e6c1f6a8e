"""Score other time taggers on the same conformance suites as ``zhclaims eval times`` (dev script).

JioNLP and Recognizers-Text (Python) are NOT zhclaims dependencies. Run the prediction step in an
environment that has them, then score in one that has zhclaims:

    python -m venv /tmp/benchenv && /tmp/benchenv/bin/pip install jionlp recognizers-text-suite "emoji<1.0"
    /tmp/benchenv/bin/python bench/times_conformance.py predict --tool jionlp --data ../shared --out /tmp/jio.json
    /tmp/benchenv/bin/python bench/times_conformance.py predict --tool recognizers --data ../shared --out /tmp/rec.json
    python bench/times_conformance.py score --preds /tmp/jio.json /tmp/rec.json --data ../shared

The predict step needs only the standard library and the tool; predictions are stored per case id
in zhclaims' form ({start, end, interval: {start, end} | null, duration}), exclusive ends.
Duckling (Haskell) is not installable from PyPI, so it is not measured here.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

SUITES = (
    "recognizers_zh_date",
    "recognizers_zh_daterange",
    "recognizers_zh_datetimemodel",
    "duckling_zh_time",
    "jionlp_zh_time_extract",
    "chrono_zh_time",
)


def _ref(s):
    if not s:
        return None
    s = s[:19] if len(s) > 19 else s
    parts = [int(p) for p in s.replace("T", "-").replace(":", "-").split("-") if p.isdigit()]
    parts += [1, 1][: max(0, 3 - len(parts))]
    parts += [0] * (6 - len(parts))
    return dt.datetime(*parts[:6])


def _iso(d: dt.datetime) -> str:
    return d.strftime("%Y-%m-%dT%H:%M:%S")


def jionlp_predict():
    import jionlp as jio

    def predict(text, ref):
        base = ref.timestamp() if ref else dt.datetime(2024, 1, 1).timestamp()
        out = []
        for r in jio.ner.extract_time(text, time_base=base, with_parsing=True):
            s, e = r["offset"]
            det = r.get("detail") or {}
            iv, dur = None, None
            t = det.get("time")
            if det.get("type") in ("time_point", "time_span") and isinstance(t, list) and len(t) == 2:
                try:
                    a = dt.datetime.strptime(t[0], "%Y-%m-%d %H:%M:%S")
                    b = dt.datetime.strptime(t[1], "%Y-%m-%d %H:%M:%S") + dt.timedelta(seconds=1)
                    iv = {"start": _iso(a), "end": _iso(b)}
                except (TypeError, ValueError):
                    iv = None
            elif det.get("type") == "time_delta" and isinstance(t, dict) and len(t) == 1:
                (unit, n), = t.items()
                code = {"year": "Y", "month": "M", "day": "D", "hour": "TH", "minute": "TM", "second": "TS"}.get(unit)
                if code and isinstance(n, (int, float)):
                    num = f"{n:g}"
                    dur = "PT" + num + code[1] if code.startswith("T") else "P" + num + code
            out.append({"start": s, "end": e, "interval": iv, "duration": dur})
        return out

    return predict


def recognizers_predict():
    from recognizers_date_time import recognize_datetime
    from recognizers_text import Culture

    def norm_point(v: str, ref: dt.datetime) -> str | None:
        if not v:
            return None
        if len(v) == 8 and v[2] == ":":
            return ref.strftime("%Y-%m-%dT") + v
        if len(v) == 10:
            return v + "T00:00:00"
        return v.replace(" ", "T")[:19]

    def predict(text, ref):
        ref = ref or dt.datetime(2024, 1, 1)
        out = []
        for r in recognize_datetime(text, Culture.Chinese, reference=ref):
            vals = (r.resolution or {}).get("values") or [{}]
            v = vals[-1]  # past resolution last, as zhclaims leans to the past
            iv, dur = None, None
            typ = v.get("type", "")
            if typ == "duration" or typ == "set":
                dur = v.get("timex")
            elif "value" in v:
                p = norm_point(v["value"], ref)
                iv = {"start": p, "end": p} if p else None
            elif "start" in v or "end" in v:
                a, b = norm_point(v.get("start"), ref), norm_point(v.get("end"), ref)
                iv = {"start": a or b, "end": b or a}
            out.append({"start": r.start, "end": r.end + 1, "interval": iv, "duration": dur})
        return out

    return predict


def cmd_predict(args) -> None:
    predict = {"jionlp": jionlp_predict, "recognizers": recognizers_predict}[args.tool]()
    preds = {}
    for name in SUITES:
        for line in open(Path(args.data) / "conformance" / f"{name}.jsonl", encoding="utf-8"):
            case = json.loads(line)
            try:
                preds[case["id"]] = predict(case["text"], _ref(case.get("reference_time")))
            except Exception as exc:  # noqa: BLE001 - a tool failing on a case counts as wrong
                preds[case["id"]] = [{"start": -1, "end": -1, "interval": None, "duration": None, "error": repr(exc)}]
    Path(args.out).write_text(json.dumps({"tool": args.tool, "preds": preds}, ensure_ascii=False), encoding="utf-8")


def cmd_score(args) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from zhclaims.eval.times import conformance, ours

    tables = {"zhclaims": conformance(Path(args.data), ours)}
    for p in args.preds:
        blob = json.loads(Path(p).read_text(encoding="utf-8"))
        byid = blob["preds"]
        # conformance() calls predict(text, ref) per case in file order; replay by case id
        order = []
        for name in SUITES:
            for line in open(Path(args.data) / "conformance" / f"{name}.jsonl", encoding="utf-8"):
                order.append(json.loads(line)["id"])
        it = iter(order)

        def replay(text, ref, _it=it, _byid=byid):
            return _byid.get(next(_it), [])

        tables[blob["tool"]] = conformance(Path(args.data), replay)
    tools = list(tables)
    print(f"{'suite':32s}" + "".join(f"{t:>14s}" for t in tools))
    for name in SUITES:
        print(f"{name:32s}" + "".join(f"{tables[t][name]['accuracy']:14.4f}" for t in tools))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("predict")
    p.add_argument("--tool", choices=("jionlp", "recognizers"), required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    s = sub.add_parser("score")
    s.add_argument("--preds", nargs="*", default=[])
    s.add_argument("--data", required=True)
    args = ap.parse_args()
    cmd_predict(args) if args.cmd == "predict" else cmd_score(args)


if __name__ == "__main__":
    main()
