#!/usr/bin/env python
"""Train the entities stage's statistical NER on CLUENER2020 train and ship it in the package.

    python scripts/train_ner.py --data /work/shared [--out src/zhclaims/entities/model] [--max-steps N]

CLUENER2020 (CLUE benchmark; Sina news sentences from THUCNews, 2005-2011; research use) has ten
fine-grained labels; they are mapped to the stage's labels: company, government, organization ->
ORG; name -> PERSON; address -> GPE. The other labels (position, game, movie, book, scene) are
left unlabelled: the stage has no use for them. The text is normalized exactly as the stage's
``TextView.norm`` is (half-width, simplified; same length), so training and use see the same
characters. The last 500 training sentences are held out as spaCy's dev set (model selection);
CLUENER's own dev set stays untouched for evaluation (``zhclaims eval entities``).

Training is spaCy's (``spacy train``) with ``configs/ner.cfg`` and a fixed seed; the best model is
copied into ``--out`` without training-only files. CI never retrains: the model is committed.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = {"company": "ORG", "government": "ORG", "organization": "ORG", "name": "PERSON", "address": "GPE"}
HELD_OUT = 500


def cluener_examples(path: Path):
    """(text, [(start, end_exclusive, label)]) from the CLUENER format (inclusive ends)."""
    from zhclaims.text.normalize import normalize

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            text = row["text"]
            spans = []
            for kind, surfaces in (row.get("label") or {}).items():
                label = LABELS.get(kind)
                if label is None:
                    continue
                for _surface, offsets in surfaces.items():
                    for s, e in offsets:
                        spans.append((s, e + 1, label))
            yield normalize(text), sorted(spans)


def to_docbin(examples, nlp):
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    db = DocBin()
    skipped = 0
    for text, spans in examples:
        doc = nlp.make_doc(text)
        ents = []
        for s, e, label in spans:
            sp = doc.char_span(s, e, label=label, alignment_mode="strict")
            if sp is None:
                skipped += 1
            else:
                ents.append(sp)
        doc.ents = filter_spans(ents)
        db.add(doc)
    return db, skipped


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, type=Path, help="the shared data folder (holds corpora/cluener2020_train)")
    ap.add_argument("--out", type=Path, default=ROOT / "src/zhclaims/entities/model")
    ap.add_argument("--config", type=Path, default=ROOT / "configs/ner.cfg")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    args = ap.parse_args(argv)

    import spacy

    train_file = args.data / "corpora/cluener2020_train/train.jsonl"
    if not train_file.exists():
        print(f"train_ner: {train_file} not found", file=sys.stderr)
        return 2
    examples = list(cluener_examples(train_file))
    nlp = spacy.blank("zh")  # the char segmenter, as in configs/ner.cfg
    work = args.work or Path(tempfile.mkdtemp(prefix="zhclaims-ner-"))
    work.mkdir(parents=True, exist_ok=True)
    train_db, skip_t = to_docbin(examples[:-HELD_OUT], nlp)
    dev_db, skip_d = to_docbin(examples[-HELD_OUT:], nlp)
    train_db.to_disk(work / "train.spacy")
    dev_db.to_disk(work / "dev.spacy")
    print(f"train_ner: {len(examples) - HELD_OUT} train / {HELD_OUT} held-out sentences; {skip_t + skip_d} spans not on char boundaries skipped")

    cmd = [sys.executable, "-m", "spacy", "train", str(args.config), "--output", str(work / "out"),
           "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy")]
    if args.max_steps:
        cmd += ["--training.max_steps", str(args.max_steps)]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    subprocess.run(cmd, check=True, env=env)

    best = work / "out" / "model-best"
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(best, args.out)
    meta_path = args.out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="zhclaims_entities_ner",
        description="Character-level NER (ORG, PERSON, GPE) for zhclaims, trained on CLUENER2020 train "
        "(CLUE benchmark; THUCNews / Sina news 2005-2011; research use) with configs/ner.cfg.",
        sources=[{"name": "CLUENER2020", "url": "https://github.com/CLUEbenchmark/CLUENER2020",
                  "license": "CLUE benchmark terms, research use"}],
    )
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"train_ner: model written to {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
