"""Edit detection on the seeds with any factors: how often does `check` report a changed figure?

    python scripts/check_edits.py /work/shared [--factors 1.5 0.6 2 0.5 1.2 0.8 1.1 0.9]

Every occurrence of every figure named in gold/seeds.checks.json is rewritten as value x factor
(same format: 59.66万辆 x1.5 -> 89.49万辆; 翻倍 -> 翻两番 / 增长六成), the article is extracted and
checked again with the other seed, and the edit counts as detected when an inconsistent finding
names the edited figure. Prints the rate per factor and every miss.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from zhclaims.checks import default_lexicon
from zhclaims.eval import checks as ec
from zhclaims.pipeline import Pipeline


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", help="the shared data folder (holds gold/ and corpus/seeds/)")
    ap.add_argument("--factors", type=float, nargs="+", default=[1.5, 0.6, 2.0, 0.5, 1.2, 0.8, 1.1, 0.9])
    args = ap.parse_args(argv)
    data = Path(args.data)
    gold = json.loads((data / "gold" / "seeds.checks.json").read_text(encoding="utf-8"))
    claims = list(ec.read_jsonl(data / "gold" / "seeds.claims.jsonl"))
    seeds = ec.load_seeds(data)
    pipe, lex = Pipeline(), default_lexicon()
    done = {aid: ec.analyze(pipe, a) for aid, a in seeds.items()}
    edits = ec.run_edits(data, gold, claims, seeds, done, pipe, lex, factors=tuple(args.factors))
    by = defaultdict(list)
    for e in edits:
        by[e["factor"]].append(e["detected"])
        if not e["detected"]:
            print(f"missed  x{e['factor']:<4} {e['article']} @{e['start']}: {e['from']} -> {e['to']}")
    for f, v in by.items():
        print(f"x{f:<4} detected {sum(v)}/{len(v)}")
    print(f"all     detected {sum(e['detected'] for e in edits)}/{len(edits)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
