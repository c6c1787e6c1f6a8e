"""Dev check: anchored time expressions that land implausibly far from publication.

Runs ``zhclaims.times.extract_times`` over JSONL news records with each record's date as the
publication time and lists, per record, the anchored expressions (relative or yearless: 今年, 3月,
春季 ...) whose interval

* ends more than ~13 months before publication (``far-past``; durations such as 过去5年 are
  skipped: they reach back by design),
* starts after publication + 1 month (``future``), or
* is a bare month/day (no year written) resolved to a year other than the publication year or
  the one before (``bare-year``), or
* lies in the year before publication although the same dates in the publication year had
  begun a month before (``last-year``: 二季度 in May read as last year's; often a context year, often right).

News mostly reports the recent past, so each listed item is a likely resolution bug (a wrong
context year, a wrong "last year" rule). Nothing is written: the output is for reading.

Usage:
    PYTHONPATH=src python scripts/times_suspicious.py DATA.jsonl [DATA2.jsonl ...]
        [--text-key text] [--date-key date] [--limit N] [--show N] [--context 60]
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from pathlib import Path

import regex

from zhclaims.times import extract_times

YEAR_WRITTEN = regex.compile(r"[0-9０-９]{2,4}\s?年|[零〇一二三四五六七八九]{2,4}年|[今去前明后来上下本当同次]一?年|年[初中底末内终]|全年|财年")
# the expression itself says how far it reaches (85年前, 3年后, 上世纪80年代, 明年, 当年 = the year in
# context): not a resolution question, skipped
STATED_DISTANCE = regex.compile(r"[年月天周]\s?[前后以]|年代|世纪|[今去前明后来上下本当同次首翌]一?年|这一?年|那一?年|第[一二三四五六七八九十\d]+年|[前后]一年|[0-9０-９]{4}")
BARE_MONTH_DAY = regex.compile(r"[0-9０-９一二三四五六七八九十]{1,2}\s?月|[0-9０-９]{1,2}\s?[日号]")
FAR_PAST = dt.timedelta(days=400)
FUTURE = dt.timedelta(days=31)
BEGUN = dt.timedelta(days=30)  # last-year: the same dates this year began at least this long ago


def _date(value) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _same_in(start: dt.datetime, published: dt.datetime) -> dt.datetime:
    """``start`` moved into the publication year (29 February to the 28th)."""
    try:
        return start.replace(year=published.year)
    except ValueError:
        return start.replace(year=published.year, day=28)


def suspicious(text: str, published: dt.datetime):
    """(category, Time) for each suspicious anchored expression in ``text``."""
    for t in extract_times(text, published):
        if not t.anchored or t.interval is None:
            continue
        start = _date(t.interval.start)
        end = _date(t.interval.end)
        if start is None:
            continue
        if t.kind == "set" or STATED_DISTANCE.search(t.text):
            continue
        if start > published + FUTURE:
            yield "future", t
        elif end is not None and end < published - FAR_PAST and t.kind != "duration":
            yield "far-past", t
        elif not YEAR_WRITTEN.search(t.text) and BARE_MONTH_DAY.search(t.text) \
                and start.year not in (published.year, published.year - 1):
            yield "bare-year", t
        elif start.year == published.year - 1 and end is not None and end <= dt.datetime(published.year, 1, 1) \
                and t.kind != "duration" and _same_in(start, published) <= published - BEGUN:
            yield "last-year", t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--text-key", default=None, help="record field with the text (default: text, else content)")
    ap.add_argument("--date-key", default=None, help="record field with the date (default: date, else date_from_url)")
    ap.add_argument("--limit", type=int, default=0, help="read at most N records per file (0: all)")
    ap.add_argument("--show", type=int, default=40, help="print at most N items (0: counts only)")
    ap.add_argument("--context", type=int, default=50, help="characters of context before each item")
    args = ap.parse_args(argv)
    counts: collections.Counter = collections.Counter()
    shown = 0
    records = 0
    for path in args.paths:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if args.limit and n >= args.limit:
                    break
                rec = json.loads(line)
                text = rec.get(args.text_key) if args.text_key else (rec.get("text") or rec.get("content"))
                published = _date(rec.get(args.date_key) if args.date_key else (rec.get("date") or rec.get("date_from_url")))
                if not text or published is None:
                    continue
                records += 1
                for cat, t in suspicious(text, published):
                    counts[cat] += 1
                    if shown < args.show:
                        shown += 1
                        before = text[max(0, t.start - args.context):t.start].replace("\n", "⏎")
                        print(f"[{cat}] {published:%Y-%m-%d} {rec.get('id') or rec.get('docno')}: …{before}【{t.text}】"
                              f" -> {t.interval.start[:10]}..{t.interval.end[:10]} ({t.kind})")
    total = sum(counts.values())
    print(f"records {records}  suspicious {total}  " + "  ".join(f"{k} {v}" for k, v in sorted(counts.items())),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
