#!/usr/bin/env python
"""Dev aid: what the entities stage finds on real news, to hunt for false entities by reading.

    python scripts/entity_surfaces.py /work/shared/corpora/news_clusters_2020/articles_peoples_daily.jsonl \
        /work/shared/corpora/news_clusters_2020/stories_xinwen_lianbo.jsonl [--limit N] [--top 60] \
        [--sample 40] [--seed 1] [--mode off] [--label ORG] [--surface 中欧 --surface 日产]

Prints, per label, the most frequent surfaces (with the source layers that found them), then a
random sample of mentions with their context (the mention in 【】). ``--surface`` counts given
surfaces only (before/after evidence for a fix). Input: JSONL with a ``text`` field per line.
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--limit", type=int, default=0, help="articles per file (0: all)")
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mode", default="auto", choices=("all", "auto", "off"))
    ap.add_argument("--label", action="append", help="only these labels")
    ap.add_argument("--surface", action="append", help="count only these surfaces (and name them)")
    ap.add_argument("--context", type=int, default=14)
    args = ap.parse_args(argv)

    from zhclaims.entities.extract import extract
    from zhclaims.model import Article
    from zhclaims.text.view import TextView

    counts: dict[str, Counter] = defaultdict(Counter)
    sources: dict[tuple[str, str], Counter] = defaultdict(Counter)
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    mentions = []
    for path in args.paths:
        with open(path, encoding="utf-8") as fh:
            n = 0
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                text = rec.get("text") or ""
                art = Article(rec.get("id", f"{path}:{n}"), text)
                view = TextView(text)
                for e in extract(art, view, args.mode):
                    if args.label and e.label not in args.label:
                        continue
                    if args.surface and e.text not in args.surface:
                        continue
                    counts[e.label][e.text] += 1
                    sources[(e.label, e.text)][e.source] += 1
                    names[(e.label, e.text)][e.name] += 1
                    left = text[max(0, e.start - args.context):e.start].replace("\n", " ")
                    right = text[e.end:e.end + args.context].replace("\n", " ")
                    mentions.append(f"{e.label:7} {left}【{e.text}】{right}  -> {e.name} ({e.source})")
                n += 1
                if args.limit and n >= args.limit:
                    break
    for label in sorted(counts):
        c = counts[label]
        print(f"== {label}: {sum(c.values())} mentions, {len(c)} surfaces")
        for surface, k in c.most_common(args.top):
            src = ",".join(f"{s}:{v}" for s, v in sources[(label, surface)].most_common())
            nm = names[(label, surface)].most_common(1)[0][0]
            extra = f" -> {nm}" if nm != surface else ""
            print(f"{k:6}  {surface}{extra}  [{src}]")
    if args.sample and mentions:
        rnd = random.Random(args.seed)
        print(f"== sample of {min(args.sample, len(mentions))} mentions")
        for m in rnd.sample(mentions, min(args.sample, len(mentions))):
            print(m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
