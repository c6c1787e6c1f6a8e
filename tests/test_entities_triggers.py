"""The trigger scan (``rules.sentence_triggers``) only skips rules that would find nothing: the rule
layer with it equals every rule called on every sentence."""
from __future__ import annotations

from pathlib import Path

import pytest

import zhclaims.entities  # noqa: F401  (registers the gazetteer words with jieba)
from zhclaims.entities import rules
from zhclaims.entities.extract import _CUE_LITERALS, _SPEAKER, _SPEAKER_BIT
from zhclaims.text.view import TextView

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "零跑汽车创始人朱江明表示,公司将推出C11。董事长徐军说:“凌芯01”很快量产。",
    "中美关系持续发展。访美期间,美方表示欢迎。中共十九大和第十三届全国人民代表大会召开。",
    "我国GDP增长6.1%。国家发展和改革委员会指出,比亚迪新能源汽车销量达到12万辆。",
    "李鹏总理会见外宾\n江泽民同志指出\n沪深两市\n驻华大使",
    "记者从中国银行获悉\n三是网络安全公司数量增加一倍。A系列和S01都卖得好。",
    "没有任何规则会触发的一句话。又一句平常的话!",
]


def _texts():
    out = list(TEXTS)
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        out.append(p.read_text(encoding="utf-8"))
    return out


def _all_rules(norm, s, e, tokens):
    return rules.persons(norm, s, e, tokens) + rules.organisations(norm, s, e, tokens) + rules.products(norm, s, e) \
        + rules.country_references(norm, s, e) + rules.abbreviations(norm, s, e) + rules.congresses(norm, s, e)


@pytest.mark.parametrize("text", _texts())
def test_triggered_rules_equal_all_rules(text):
    view = TextView(text)
    sents = view.sentences
    masks = rules.sentence_triggers(view.norm, view.body, [x.start for x in sents], [x.end for x in sents],
                                    _CUE_LITERALS)
    fired = 0
    for i, s in enumerate(sents):
        want = _all_rules(view.norm, s.start, s.end, view.tokens_around)
        got = rules.sentence_rules(view.norm, s.start, s.end, masks[i], view.tokens_around)
        assert got == want, view.norm[s.start:s.end]
        fired += bool(want)
        # the model's cue needs its literal too
        if _SPEAKER.search(view.norm, s.start, s.end):
            assert masks[i] & _SPEAKER_BIT
    if text in TEXTS[:5]:
        assert fired


def test_a_literal_across_sentences_flags_both():
    text = "他去访\n美国。"
    view = TextView(text)
    sents = view.sentences
    starts, ends = [x.start for x in sents], [x.end for x in sents]
    # a literal made of the last character of one sentence and the first of the next
    assert rules.sentence_triggers(view.norm, view.body, starts, ends, (("访\n美",),)) == [1 << 6, 1 << 6]


def test_model_windows_speaker_clause_only():
    from zhclaims.entities.extract import model_windows
    from zhclaims.entities.rules import Cand

    view = TextView("据了解,有关负责人表示,今年销量增长20%。该村去年收入达到300万元。")
    assert model_windows(view, 0, []) == [(4, 11)]  # 有关负责人表示: the clause up to the cue
    assert model_windows(view, 0, [Cand(4, 6, "PERSON", None, "rule", 3)]) == []  # a person is there
    assert model_windows(view, 1, []) == []  # a figure alone is no cue
