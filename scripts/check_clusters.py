"""Run extraction + checks over the multi-source news clusters and print what they find.

    python scripts/check_clusters.py /work/shared/corpora/news_clusters_2020 [--sample 40] [--out findings.jsonl]

For each cluster (clusters.jsonl: member ids in articles_peoples_daily.jsonl,
stories_xinwen_lianbo.jsonl, articles_apple_daily.jsonl) every member is extracted and checked on
its own, and the members are checked across each other. Prints counts per kind / relation /
verdict and a sample of findings (all inconsistent ones first) with their evidence, for reading.
The data stays where it is; nothing from it is written into the repository.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from zhclaims.checks import check_across, check_article, default_lexicon
from zhclaims.model import Article
from zhclaims.pipeline import Pipeline

FILES = ("articles_peoples_daily.jsonl", "stories_xinwen_lianbo.jsonl", "articles_apple_daily.jsonl")


def load(data: Path) -> tuple[list[dict], dict[str, dict]]:
    clusters = [json.loads(l) for l in open(data / "clusters.jsonl", encoding="utf-8") if l.strip()]
    wanted = {m for c in clusters for m in c["members"]}
    rows = {}
    for name in FILES:
        p = data / name
        if not p.exists():
            continue
        for line in open(p, encoding="utf-8"):
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("id") in wanted:
                rows[r["id"]] = r
    return clusters, rows


def article(r: dict) -> Article:
    text = r["text"]
    if r.get("title"):
        text = r["title"] + "\n" + text
    return Article(id=r["id"], text=text, title=r.get("title"), source=r.get("source"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", help="the news_clusters_2020 folder")
    ap.add_argument("--sample", type=int, default=30, help="findings to print in full (inconsistent ones first)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", help="write every finding (with its cluster id) as JSON Lines here")
    args = ap.parse_args(argv)
    data = Path(args.data)
    clusters, rows = load(data)
    pipe, lex = Pipeline(), default_lexicon()
    done: dict[str, Article] = {}
    t0 = time.time()
    counts: Counter = Counter()
    findings = []  # (cluster, finding)
    seen_within: set[str] = set()
    for c in clusters:
        members = []
        for mid in c["members"]:
            if mid not in rows:
                print(f"{c['cluster_id']}: member {mid} not found", file=sys.stderr)
                continue
            if mid not in done:
                done[mid] = pipe(article(rows[mid]), rows[mid].get("date"))
            members.append(done[mid])
        for a in members:
            if a.id in seen_within:  # an article in two clusters is checked on its own once
                continue
            seen_within.add(a.id)
            findings.extend((c["cluster_id"], f) for f in check_article(a, lex))
        findings.extend((c["cluster_id"], f) for f in check_across(members, lex))
    figures = sum(len(a.quantities) for a in done.values())
    claims = sum(len(a.claims) for a in done.values())
    for _, f in findings:
        counts[(f.kind, f.relation, f.verdict)] += 1
    print(f"{len(clusters)} clusters, {len(done)} articles, {figures} figures, {claims} claims, "
          f"{len(findings)} findings in {time.time() - t0:.1f}s")
    by_verdict = Counter(f.verdict for _, f in findings)
    print("verdicts:", dict(by_verdict))
    for k, n in sorted(counts.items()):
        print(f"  {k[0]:13s} {k[1]:12s} {k[2]:13s} {n}")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for cid, f in findings:
                fh.write(json.dumps({"cluster": cid, **f.to_dict()}, ensure_ascii=False) + "\n")
    rnd = random.Random(args.seed)
    bad = [x for x in findings if x[1].verdict == "inconsistent"]
    rest = [x for x in findings if x[1].verdict != "inconsistent"]
    rnd.shuffle(rest)
    for cid, f in (bad + rest)[: args.sample]:
        print(f"\n[{cid}] {f.kind} {f.relation} {f.verdict}: {f.explanation}")
        if f.arithmetic:
            print(f"    arithmetic: {f.arithmetic}")
        for e in f.evidence:
            print(f"    {e['article']}: {e['text'].strip()[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
