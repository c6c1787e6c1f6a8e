#!/usr/bin/env python
"""Train the entities stage's statistical NER on CLUENER2020 train and ship it in the package.

    python scripts/train_ner.py --data /work/shared [--out src/zhclaims/entities/model] [--max-steps N]

CLUENER2020 (CLUE benchmark; Sina news sentences from THUCNews, 2005-2011; research use) has ten
fine-grained labels; they are mapped to the stage's labels: company, government, organization ->
ORG; name -> PERSON; address -> GPE; scene (mountains, rivers, parks, buildings) -> GPE unless
jieba counts it as an ordinary word (博物馆). The other labels (position, game, movie, book) are
left unlabelled. Two steps bring CLUENER's annotation closer to news NER (MSRA, People's Daily),
where places are named one level at a time and every country, province and city is a place
(``prepare``):

- an address is split into its levels: leading gazetteer places on jieba word boundaries, then the
  rest up to the first digit (广州市天河区体育东路116号 -> 广州市 | 天河区 | 体育东路);
- CLUENER leaves most countries and cities unlabelled (中国 labelled 13 times, unlabelled 289
  times outside any span): an unambiguous gazetteer place or organisation (``entities/data``: the
  stage's own JioNLP-derived and hand-written lists) on jieba word boundaries, outside every kept
  span and every game/movie/book title, is labelled (美国总统 -> 美国).

The text is normalized exactly as the stage's
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
LABELS = {"company": "ORG", "government": "ORG", "organization": "ORG", "name": "PERSON", "address": "GPE", "scene": "GPE"}
TITLES = {"game", "movie", "book"}  # names of works: nothing inside them is labelled
HELD_OUT = 500
ORDINARY_FREQ = 300  # a scene that jieba counts this often is an ordinary word (博物馆, 红树林)


def cluener_examples(path: Path):
    """(text, [(start, end_exclusive, label)]) from the CLUENER format (inclusive ends), prepared."""
    from zhclaims.text.normalize import normalize

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            text = normalize(row["text"])
            spans = []
            for kind, surfaces in (row.get("label") or {}).items():
                for _surface, offsets in surfaces.items():
                    for s, e in offsets:
                        spans.append((s, e + 1, kind))
            yield text, prepare(text, spans)


class _Lexicon:
    """What ``prepare`` consults: the stage's gazetteers and jieba (with the stage's user words)."""

    def __init__(self):
        from zhclaims.entities import gazetteers
        from zhclaims.text.segment import get_segmenter

        seg = get_segmenter()
        self.spans = seg.spans
        self.freq = seg.tk.FREQ
        amb = gazetteers.needs_context()
        self.names = {s: e.label for s, e in gazetteers.entries().items()
                      if not e.ambiguous and s not in amb and len(s) >= 2 and not s.isascii()}
        self.longest = max(map(len, self.names))


_LEX = None


def _lexicon() -> _Lexicon:
    global _LEX
    if _LEX is None:
        _LEX = _Lexicon()
    return _LEX


def prepare(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """CLUENER spans (start, end, CLUENER type) -> the stage's labels, news conventions (module doc)."""
    lex = _lexicon()
    toks = lex.spans(text)
    bounds = {b for t in toks for b in t}
    out = []
    for s, e, kind in spans:
        label = LABELS.get(kind)
        if label is None:
            continue
        if kind == "scene" and lex.freq.get(text[s:e], 0) >= ORDINARY_FREQ:
            continue
        if kind == "address":
            out.extend((a, b, "GPE") for a, b in _split_address(text, s, e, bounds, lex))
        else:
            out.append((s, e, label))
    blocked = bytearray(len(text) + 1)
    for s, e, kind in spans:
        if kind in TITLES:
            blocked[s:e] = b"\x01" * (e - s)
    for s, e, _l in out:
        blocked[s:e] = b"\x01" * (e - s)
    for s in range(len(text)):  # longest gazetteer name first at each position
        if blocked[s] or s not in bounds:
            continue
        for n in range(min(lex.longest, len(text) - s), 1, -1):
            label = lex.names.get(text[s:s + n])
            if label and s + n in bounds and not any(blocked[s:s + n]):
                out.append((s, s + n, label))
                blocked[s:s + n] = b"\x01" * n
                break
    return sorted(out)


_PLACE_END = set("省市县区州旗盟镇乡村岛山河湖港湾洲江峡道路街巷园场馆厦楼寺庙桥站城宫塔峰岭海洋")


def _split_address(text: str, s: int, e: int, bounds: set[int], lex: _Lexicon) -> list[tuple[int, int]]:
    """An address's levels: leading gazetteer places ending on jieba word boundaries, then the rest
    up to its first digit when it looks like a place (ends with 路, 区, 山 ...); else the whole."""
    pieces, pos = [], s
    while pos < e:
        end = next((pos + n for n in range(min(lex.longest, e - pos), 1, -1)
                    if lex.names.get(text[pos:pos + n]) == "GPE" and (pos + n in bounds or pos + n == e)), None)
        if end is None:
            break
        pieces.append((pos, end))
        pos = end
    if not pieces:
        return [(s, e)]
    rest_end = next((i for i in range(pos, e) if text[i].isdigit()), e)
    if rest_end - pos >= 2 and text[rest_end - 1] in _PLACE_END:
        pieces.append((pos, rest_end))
    return pieces


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
        "(CLUE benchmark; THUCNews / Sina news 2005-2011; research use) with configs/ner.cfg; addresses "
        "split by level and unlabelled gazetteer places and organisations labelled (scripts/train_ner.py).",
        sources=[{"name": "CLUENER2020", "url": "https://github.com/CLUEbenchmark/CLUENER2020",
                  "license": "CLUE benchmark terms, research use"}],
    )
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"train_ner: model written to {args.out} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
