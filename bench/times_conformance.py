"""Score other time taggers on the same conformance suites as ``zhclaims eval times`` (dev script).

JioNLP, Recognizers-Text (Python) and Duckling are NOT zhclaims dependencies. Run the prediction
step in an environment that has them, then score in one that has zhclaims:

    python -m venv /tmp/benchenv && /tmp/benchenv/bin/pip install jionlp recognizers-text-suite "emoji<1.0"
    python -m venv /tmp/duckvenv && /tmp/duckvenv/bin/pip install pyduckling-native-phihos
    /tmp/benchenv/bin/python bench/times_conformance.py predict --tool jionlp --data ../shared --out /tmp/jio.json
    /tmp/benchenv/bin/python bench/times_conformance.py predict --tool recognizers --data ../shared --out /tmp/rec.json
    /tmp/duckvenv/bin/python bench/times_conformance.py predict --tool duckling --data ../shared --out /tmp/duck_times.json
    python bench/times_conformance.py score --preds /tmp/jio.json /tmp/rec.json /tmp/duck_times.json --data ../shared

The predict step needs only the standard library and the tool; predictions are stored per case id
in zhclaims' form ({start, end, interval: {start, end} | null, duration, grain}), exclusive ends.

Duckling: pyduckling-native-phihos (0.3.0) wraps the Haskell Duckling, compiled into the wheel.
Dimensions time and duration, latent readings off, locale ZH_CN, except where a case states its
locale (Duckling's own suite: ZH for the main corpus, ZH_CN/HK/MO/TW for the regional ones; pass
``--locale ZH_CN`` to force one). The reference time is the case's, in the case's UTC offset when it
gives one (Duckling's suite runs at UTC-2). A point value with a grain becomes [value, value+grain);
interval ends are exclusive as Duckling gives them. Sanity check: on its own suite duckling_zh_time
it scores 625/627; the two misses (3月, 三月) are where asking for durations too gives a second
whole-span reading (3 months) next to the month, which Duckling's corpus test, asking for time only,
never sees (time alone: 627/627). With ``--locale ZH_CN`` for all cases: 0.9841.

Measured 2026-11-21 (accuracy per suite; a tool's own suite is not a fair comparison):

    suite                          zhclaims  jionlp  recognizers  duckling
    recognizers_zh_date              0.5979  0.4868       0.4921    0.3810
    recognizers_zh_daterange         0.7259  0.5407       0.6741    0.2519
    recognizers_zh_datetimemodel     0.7421  0.2736       0.4088    0.1258
    duckling_zh_time                 0.2807  0.1675       0.2089    0.9968
    jionlp_zh_time_extract           0.7632  1.0000       0.3421    0.1842
    chrono_zh_time                   0.5495  0.3736       0.3187    0.2802
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


def _add_months(d: dt.datetime, n: int) -> dt.datetime:
    m = d.month - 1 + n
    return d.replace(year=d.year + m // 12, month=m % 12 + 1)


def _plus_grain(d: dt.datetime, grain: str) -> dt.datetime | None:
    months = {"year": 12, "quarter": 3, "month": 1}.get(grain)
    if months:
        return _add_months(d, months)
    step = {"week": dt.timedelta(days=7), "day": dt.timedelta(days=1), "hour": dt.timedelta(hours=1),
            "minute": dt.timedelta(minutes=1), "second": dt.timedelta(seconds=1)}.get(grain)
    return d + step if step else None


# Duckling duration units -> ISO 8601 designators (a quarter is three months; ISO has no Q)
_DUCK_DUR = {"year": ("", "Y", 1), "quarter": ("", "M", 3), "month": ("", "M", 1), "week": ("", "W", 1),
             "day": ("", "D", 1), "hour": ("T", "H", 1), "minute": ("T", "M", 1), "second": ("T", "S", 1)}


def duckling_predict(locale: str):
    """Duckling's time and duration dimensions, converted to zhclaims' form.

    The reference time is the suite's local wall clock in the suite's zone (Duckling's own suite runs
    at UTC-2, which matters for 4pm CET; a suite without an offset runs in UTC), and Duckling's
    answers are read as that zone's wall clock, offset dropped. A point value with a grain becomes the
    interval [value, value + grain); an interval keeps Duckling's from/to (its end is exclusive,
    like ours; an open side stays null). The top-level value is Duckling's first (chosen) reading.
    Latent readings are off, as in Duckling's own corpus tests.
    """
    import calendar

    import duckling as d

    tz = d.load_time_zones("/usr/share/zoneinfo")
    dims = d.parse_dimensions(["time", "duration"])
    lang = d.parse_lang("ZH")
    locales: dict[str, object] = {}

    def pt(v: dict | None) -> dt.datetime | None:
        s = (v or {}).get("value")
        return dt.datetime.fromisoformat(s[:19]) if isinstance(s, str) else None

    def zone(ref_raw: str | None) -> tuple[str, int]:
        """The suite's zone as a whole-hour Etc/GMT zone, and its UTC offset in seconds (else UTC)."""
        off = ref_raw[19:] if ref_raw and len(ref_raw) > 19 else ""
        if len(off) == 6 and off[0] in "+-" and off[3:] == ":00" and off[1:3].isdigit():
            h = int(off[1:3]) * (1 if off[0] == "+" else -1)
            return (f"Etc/GMT{-h:+d}" if h else "UTC"), h * 3600  # POSIX names flip the sign
        return "UTC", 0

    def predict(text, ref, case_locale=None, ref_raw=None):
        ref = ref or dt.datetime(2024, 1, 1)
        loc = case_locale if locale == "suite" and case_locale else ("ZH_CN" if locale == "suite" else locale)
        if loc not in locales:
            locales[loc] = d.parse_locale(loc, d.default_locale_lang(lang))
        name, off = zone(ref_raw)
        ctx = d.Context(d.parse_ref_time(tz, name, calendar.timegm(ref.timetuple()) - off), locales[loc])
        out = []
        for r in d.parse(text, ctx, dims, False):
            v = r.get("value") or {}
            iv, dur, grain = None, None, v.get("grain")
            if r.get("dim") == "duration":
                pre, des, k = _DUCK_DUR.get(v.get("unit"), (None, None, 1))
                n = v.get("value")
                if des and isinstance(n, (int, float)):
                    dur = "P" + pre + f"{n * k:g}" + des
                grain = v.get("unit")
            elif v.get("type") == "interval":
                a, b = pt(v.get("from")), pt(v.get("to"))
                grain = (v.get("from") or v.get("to") or {}).get("grain")
                if a or b:
                    iv = {"start": _iso(a) if a else None, "end": _iso(b) if b else None}
            else:
                a = pt(v)
                b = _plus_grain(a, grain) if a and grain else None
                if a:
                    iv = {"start": _iso(a), "end": _iso(b or a)}
            out.append({"start": r["start"], "end": r["end"], "interval": iv, "duration": dur, "grain": grain})
        return out

    return predict


def cmd_predict(args) -> None:
    if args.tool == "duckling":
        duck = duckling_predict(args.locale)

        def predict(text, ref, _case=None):
            case = _case or {}
            return duck(text, ref, (case.get("meta") or {}).get("locale"), case.get("reference_time"))
    else:
        tool = {"jionlp": jionlp_predict, "recognizers": recognizers_predict}[args.tool]()

        def predict(text, ref, _case=None):
            return tool(text, ref)
    preds = {}
    for name in SUITES:
        for line in open(Path(args.data) / "conformance" / f"{name}.jsonl", encoding="utf-8"):
            case = json.loads(line)
            try:
                preds[case["id"]] = predict(case["text"], _ref(case.get("reference_time")), case)
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
    p.add_argument("--tool", choices=("jionlp", "recognizers", "duckling"), required=True)
    p.add_argument("--locale", default="suite",
                   help="duckling only: a Duckling locale (ZH_CN, ZH, ...) for every case, or 'suite' "
                        "(default): the case's meta.locale where its suite states one, else ZH_CN")
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    s = sub.add_parser("score")
    s.add_argument("--preds", nargs="*", default=[])
    s.add_argument("--data", required=True)
    args = ap.parse_args()
    cmd_predict(args) if args.cmd == "predict" else cmd_score(args)


if __name__ == "__main__":
    main()
