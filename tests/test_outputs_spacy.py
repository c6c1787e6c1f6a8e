"""spaCy users add the zhclaims components by name: entry points make them known without an import."""
from __future__ import annotations

import json
import subprocess
import sys
import tomllib

from conftest import ROOT

FACTORIES = ("zhclaims_clean", "zhclaims_times", "zhclaims_quantities", "zhclaims_entities", "zhclaims_claims")

# run in a fresh interpreter: nothing of zhclaims imported before spaCy looks the names up
PROBE = r"""
import json, sys
import spacy
from spacy.language import Language
before = any(m.startswith("zhclaims") for m in sys.modules)
names = json.loads(sys.argv[1])
nlp = spacy.blank("zh")  # a Language loads the factories that entry points declare
known = {n: Language.has_factory(n) for n in names}
nlp.add_pipe("zhclaims_clean")
from zhclaims.pipeline import load_stages
from zhclaims.spacy_components import COMPONENTS
added = []
for stage in load_stages():
    nlp.add_pipe(COMPONENTS[stage.name])
    added.append(COMPONENTS[stage.name])
text = "首页 > 汽车\n零跑汽车1月交付32059辆\n2026年1月，零跑汽车全系交付32059辆新车，同比增长了27%。\n"
doc = nlp.make_doc(text)
doc.user_data["published"] = "2026-02-01T00:00:00"
for _, proc in nlp.pipeline:
    doc = proc(doc)
art = doc._.article
tok = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "zhclaims.JiebaTokenizer.v1"}}})
print(json.dumps({
    "imported_before": before, "known": known, "added": added, "pipe_names": nlp.pipe_names,
    "body": [[b.start, b.end] for b in art.body], "published": art.published,
    "quantities": [q.text for q in art.quantities], "spans": [s.text for s in doc.spans.get("zh_quantities", [])],
    "claims": len(doc._.claims), "tokens": [t.text for t in tok("零跑汽车全系交付新车")],
}, ensure_ascii=False))
"""


def test_pyproject_declares_every_factory():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    eps = meta["project"]["entry-points"]["spacy_factories"]
    assert set(eps) == set(FACTORIES)
    import zhclaims.spacy_components as sc

    for name, target in eps.items():
        module, attr = target.split(":")
        assert module == "zhclaims.spacy_components" and callable(getattr(sc, attr)), name
    assert "zhclaims.JiebaTokenizer.v1" in meta["project"]["entry-points"]["spacy_tokenizers"]


def test_add_pipe_by_name_in_a_fresh_interpreter():
    r = subprocess.run([sys.executable, "-c", PROBE, json.dumps(FACTORIES)], capture_output=True, cwd=ROOT,
                       timeout=300)
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    out = json.loads(r.stdout.decode().strip().splitlines()[-1])
    assert out["imported_before"] is False
    # installed entry points (pip install -e . registers them): every name resolves
    assert out["known"] == dict.fromkeys(FACTORIES, True)
    assert out["pipe_names"] == ["zhclaims_clean", *out["added"]]
    # the clean component left the breadcrumb out of the body and kept the sentence
    text = "首页 > 汽车\n零跑汽车1月交付32059辆\n2026年1月，零跑汽车全系交付32059辆新车，同比增长了27%。\n"
    body = "".join(text[s:e] for s, e in out["body"])
    assert "2026年1月，零跑汽车全系交付32059辆新车" in body
    assert out["tokens"] and "".join(out["tokens"]) == "零跑汽车全系交付新车"
    if "zhclaims_quantities" in out["added"]:
        assert "32059辆" in out["quantities"] and "32059辆" in out["spans"]
