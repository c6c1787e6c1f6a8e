"""The shipped NER model, the stage contract, and properties of extract_entities."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from zhclaims.entities import extract_entities, ner
from zhclaims.entities.stage import STAGE
from zhclaims.model import Article, Span
from zhclaims.pipeline import Context
from zhclaims.text.view import TextView


def test_model_loads_from_the_package_and_finds_a_name():
    assert (ner.model_path() / "meta.json").exists()
    nlp = ner.get_model()
    assert nlp is not None and "ner" in nlp.pipe_names
    text = "昨天下午，张晓峰在北京会见了来访的客人。"
    (spans,) = ner.predict([text])
    assert ("张晓峰", "PERSON") in [(text[s:e], label) for s, e, label in spans]
    assert all(label in ner.LABELS for _s, _e, label in spans)


def test_model_size_is_within_budget():
    size = sum(p.stat().st_size for p in ner.model_path().rglob("*") if p.is_file())
    assert size <= 30 * 1024 * 1024


def test_stage_contract_and_modes():
    assert STAGE.name == "entities" and STAGE.requires == ("article.body",) and STAGE.assigns == ("article.entities",)
    text = "华星电子董事长王立新表示，公司今年在西班牙的销量增长了30%。"
    for mode in ("all", "auto", "off", "nonsense"):
        art = Article(id="a", text=text, body=[Span(0, len(text))])
        STAGE.func(art, TextView(text, art.body), Context(options={"ner": mode}))
        assert [e.start for e in art.entities] == sorted(e.start for e in art.entities)
        assert ("西班牙", "GPE") in [(e.text, e.label) for e in art.entities]
        assert all(e.source in ("rule", "gazetteer", "model") for e in art.entities)


def test_only_the_body_is_read():
    text = "相关推荐：华为发布新机\n西班牙的销量增长"
    art = Article(id="a", text=text, body=[Span(12, len(text))])
    STAGE.func(art, TextView(text, art.body), Context())
    assert all(e.start >= 12 for e in art.entities)


def test_full_width_and_traditional_text_keep_offsets():
    text = "零跑汽車在馬來西亞建廠，ＣＥＯ朱江明說。"
    got = extract_entities(text, ner="off")
    assert all(text[e.start:e.end] == e.text for e in got)
    assert ("馬來西亞", "GPE", "马来西亚") in [(e.text, e.label, e.name) for e in got]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("零跑汽车集团公司中国我国西班牙朱江明说表示董事长CEOC11系列“”01，。、 \n的了在和A7B8")) | st.characters(),
               max_size=80),
       st.sampled_from(["off", "auto", "all"]))
def test_never_raises_and_offsets_hold(text, mode):
    got = extract_entities(text, ner=mode)
    last = -1
    for e in got:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.text
        assert e.label in ("ORG", "PERSON", "GPE", "PRODUCT") and e.name
        assert e.start >= last
        last = e.end


def test_junk_gives_nothing():
    assert extract_entities("") == []
    assert extract_entities("\x00\x01 ,,,。。。") == []


def test_a_model_person_may_complete_a_name_the_rules_cut_short():
    """A rule reads 总统 + surname + two characters (穆巴拉); the model's longer person starting
    there wins (穆巴拉克), but not when what it adds is no name character (颜鲲表示: 表)."""
    from zhclaims.entities.extract import resolve
    from zhclaims.entities.rules import Cand

    text = "埃及总统穆巴拉克今天会见了来访的客人。"
    view = TextView(text, [Span(0, len(text))])
    rule = Cand(4, 7, "PERSON", None, "rule", 3)
    got = resolve([rule], [Cand(4, 8, "PERSON", None, "model", 1)], view)
    assert [(text[c.start:c.end], c.source) for c in got] == [("穆巴拉克", "model")]
    text = "董事长颜鲲表示，今年销量增长。"
    view = TextView(text, [Span(0, len(text))])
    got = resolve([Cand(3, 5, "PERSON", None, "rule", 3)], [Cand(3, 6, "PERSON", None, "model", 1)], view)
    assert [(text[c.start:c.end], c.source) for c in got] == [("颜鲲", "rule")]


def test_training_data_follows_news_conventions():
    """scripts/train_ner.py prepares CLUENER the way news NER annotates: an address by its levels,
    the countries and cities CLUENER leaves unlabelled labelled, nothing inside a work's title."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "train_ner.py"
    spec = importlib.util.spec_from_file_location("train_ner", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    text = "他住在广州市天河区体育东路116号,美国总统说《中国好声音》好看。"
    def at(w):
        return text.index(w), text.index(w) + len(w)

    spans = [(*at("广州市天河区体育东路116号"), "address"), (*at("美国总统"), "position"), (*at("《中国好声音》"), "movie")]
    got = [(text[s:e], label) for s, e, label in mod.prepare(text, spans)]
    assert got == [("广州市", "GPE"), ("天河区", "GPE"), ("体育东路", "GPE"), ("美国", "GPE")], got


# --- spaCy imported without its CLI (start-up) ---------------------------------------------

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _python(code: str, path: str = SRC) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": path}).stdout.strip()


def test_model_loads_without_spacy_cli_and_the_cli_still_works_after():
    code = ("import sys; from zhclaims.entities import ner; assert ner.get_model() is not None; "
            "print('weasel' in sys.modules, 'spacy.cli' in sys.modules); "
            "import spacy, spacy.cli; print(spacy.cli.__file__.endswith('__init__.py'), callable(spacy.cli.info)); "
            "d = spacy.info(markdown=False, silent=True); print(d['spacy_version'] == spacy.__version__)")
    assert _python(code).split("\n") == ["False False", "True True", "True"]


def test_a_spacy_whose_import_needs_more_of_its_cli_is_imported_plainly(tmp_path):
    # a stand-in spaCy whose __init__ imports a name the stand-in CLI does not have
    pkg = tmp_path / "spacy"
    (pkg / "cli").mkdir(parents=True)
    (pkg / "__init__.py").write_text("from .cli import app\n")
    (pkg / "cli" / "__init__.py").write_text("app = 'real cli'\n")
    code = ("import sys; from zhclaims.entities import ner; spacy = ner._import_spacy(); "
            "print(spacy.app, sys.modules['spacy.cli'].__file__.endswith('__init__.py'))")
    assert _python(code, os.pathsep.join([str(tmp_path), SRC])) == "real cli True"
