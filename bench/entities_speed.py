#!/usr/bin/env python
"""Speed of the entities stage alone, per model mode, against jieba segmentation alone.

    python bench/entities_speed.py /work/shared/corpora/news_clusters_2020/articles_peoples_daily.jsonl [--limit N]

Each article's text is one body; the TextView (normalization, sentences) is built outside the
timed part, as the pipeline builds it once for all stages. Both wall-clock and CPU time are
given (the machine may be shared). jieba's user dictionary and the model are loaded before timing.
"""
from __future__ import annotations

import argparse
import json
import time


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--modes", default="off,auto,all")
    args = ap.parse_args(argv)

    from zhclaims.entities import extract  # noqa: F401  (registers the gazetteer words)
    from zhclaims.entities.extract import extract as run
    from zhclaims.entities.ner import get_model
    from zhclaims.model import Article, Span
    from zhclaims.text.segment import get_segmenter
    from zhclaims.text.view import TextView

    texts = []
    with open(args.path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if len(texts) >= args.limit:
                break
    n = sum(len(t) for t in texts)
    seg = get_segmenter()
    get_model()
    run(Article("w", "热身。"), TextView("热身。"), "all")

    def timed(fn):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        return n / (time.perf_counter() - w0), n / (time.process_time() - c0)

    print(f"{len(texts)} articles, {n} chars")
    w, c = timed(lambda: [seg.cut(t) for t in texts])
    print(f"jieba segmentation alone: {w:,.0f} chars/s wall, {c:,.0f} chars/s CPU")
    for mode in args.modes.split(","):
        views = [(Article("a", t, body=[Span(0, len(t))]), TextView(t)) for t in texts]
        counts = []

        def go():
            for a, v in views:
                counts.append(len(run(a, v, mode)))

        w, c = timed(go)
        print(f"entities ner={mode}: {w:,.0f} chars/s wall, {c:,.0f} chars/s CPU, {sum(counts)} mentions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
