"""``zhclaims eval``: score a stage against ../shared data and compare with the pinned baseline."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .. import eval as ev

HELP = "score a stage against the evaluation data (e.g. ../shared) and check the pinned baseline"


def add_arguments(p) -> None:
    p.add_argument("stage", choices=[*ev.STAGES, "all"], help="which stage to score")
    p.add_argument("--data", required=True, metavar="DIR", help="the shared data folder (holds conformance/, gold/, corpora/)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--update-baseline", action="store_true",
                   help="pin the new scores (only where they are not lower than the pinned ones)")


def run(args) -> int:
    data = Path(args.data)
    if not data.is_dir():
        print(f"zhclaims: --data {data} is not a folder", file=sys.stderr)
        return 2
    stages = ev.STAGES if args.stage == "all" else [args.stage]
    status = 0
    for stage in stages:
        result, lowered = ev.run(stage, data)
        pinned = ev.baseline(stage)
        if args.json:
            print(json.dumps({"stage": stage, **result, "baseline": pinned, "lowered": lowered}, ensure_ascii=False, indent=1))
        else:
            print(f"== {stage}")
            for k, v in result["scores"].items():
                mark = "" if k not in pinned else ("  (baseline %.4f%s)" % (pinned[k], ", LOWER" if k in lowered else ""))
                print(f"  {k:55s} {v:.4f}{mark}")
        if lowered:
            status = 1
            print(f"{stage}: below the pinned baseline: {', '.join(lowered)}", file=sys.stderr)
        elif args.update_baseline:
            merged = {**pinned, **{k: v for k, v in result["scores"].items()}}
            ev.baseline_path(stage).write_text(json.dumps(merged, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return status
