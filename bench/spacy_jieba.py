"""The yardstick: spaCy ``zh`` with jieba segmentation alone over the texts of a corpus.

    python bench/spacy_jieba.py FILE.jsonl [--limit N]

Reads JSON Lines (the ``text`` field, as ``zhclaims extract`` does), segments every text with
``spacy.blank("zh")`` configured with spaCy's own jieba segmenter, and prints the token count.
``bench.py`` runs this as a subprocess so that start-up (imports, jieba's dictionary) is timed
the same way as a ``zhclaims extract`` process.
"""
from __future__ import annotations

import argparse
import sys

import orjson


def texts(path: str, limit: int | None = None):
    with open(path, "rb") as fh:
        n = 0
        for line in fh:
            if not line.strip():
                continue
            row = orjson.loads(line)
            text = row.get("text") or row.get("content")
            if isinstance(text, str) and text.strip():
                yield text
                n += 1
                if limit is not None and n >= limit:
                    return


def blank_zh_jieba():
    import spacy

    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args(argv)
    nlp = blank_zh_jieba()
    tokens = chars = 0
    for doc in nlp.pipe(texts(args.path, args.limit)):
        tokens += len(doc)
        chars += len(doc.text)
    print(orjson.dumps({"tokens": tokens, "chars": chars}).decode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
