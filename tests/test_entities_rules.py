"""The rule layer and canonical names, on sentences written for these tests."""
from __future__ import annotations

import pytest

from zhclaims.entities import extract_entities, main_organization, resolve_reference
from zhclaims.entities import canonical
from zhclaims.model import Article


def ents(text):
    return [(e.text, e.label, e.name) for e in extract_entities(text, ner="off")]


@pytest.mark.parametrize("text,want", [
    ("华星电子创始人王立新在发布会上宣布了新计划。", ("王立新", "PERSON")),
    ("公司董事长兼CEO李海涛说，今年要翻番。", ("李海涛", "PERSON")),
    ("对此，陈建国表示，订单已经排到年底。", ("陈建国", "PERSON")),
    ("欧阳明辉指出，市场仍有空间。", ("欧阳明辉", "PERSON")),
])
def test_persons_by_context(text, want):
    assert want in [(t, label) for t, label, _ in ents(text)]


@pytest.mark.parametrize("text,bad", [
    ("他郑重表示将继续努力。", "郑重"),
    ("会议主席和夫人出席了晚宴。", "和夫人"),
    ("品牌向上如同双刃剑，毛利承压。", "双刃剑"),
    ("随后，戈尔巴乔夫说，会谈顺利。", "巴乔夫"),
])
def test_no_person_from_ordinary_words(text, bad):
    assert bad not in [t for t, label, _ in ents(text) if label == "PERSON"]


@pytest.mark.parametrize("text,want", [
    ("星途汽车发布了新车型。", ("星途汽车", "ORG")),
    ("浙商银行的贷款余额增长。", ("浙商银行", "ORG")),
    ("北海道大学的研究人员发现。", ("北海道大学", "ORG")),
])
def test_organisations_by_suffix(text, want):
    assert want in [(t, label) for t, label, _ in ents(text)]


@pytest.mark.parametrize("text", ["新能源汽车销量增长。", "一家位于深圳的医疗器械公司上市了。", "5G通信网络覆盖全国。"])
def test_generic_descriptions_are_not_organisations(text):
    assert [t for t, label, _ in ents(text) if label == "ORG"] == []


@pytest.mark.parametrize("text,codes", [
    ("新款X7和S05两款车型，以及H系列。", ["X7", "S05", "H系列"]),
    ("搭载自研的“天枢02”芯片。", ["天枢02"]),
    ("三季度Q3营收增长，PM2.5下降，G20峰会召开。", []),
])
def test_product_codes(text, codes):
    assert [t for t, label, _ in ents(text) if label == "PRODUCT"] == codes


def test_places_and_abbreviations():
    got = ents("我国与西班牙在浙江省宁波市签约，中美两国代表出席。")
    assert ("我国", "GPE", "中国") in got
    assert ("西班牙", "GPE", "西班牙") in got
    assert ("浙江省", "GPE", "浙江") in got
    assert ("中", "GPE", "中国") in got and ("美", "GPE", "美国") in got


def test_place_inside_a_word_is_not_a_place():
    got = ents("他是公司的定海神针，也是全球最大新能源车企的掌门人。")
    assert not [t for t, label, _ in got if label == "GPE"]


def test_canonical_names_within_an_article():
    text = ("星途汽车今年销量大增。星途与Voltmax集团合资成立星途国际。Voltmax表示合作顺利。"
            "星途创始人王立新说，公司目标是翻番。")
    got = ents(text)
    names = {(t, n) for t, _label, n in got}
    assert ("星途", "星途汽车") in names and ("星途汽车", "星途汽车") in names
    assert ("星途国际", "星途国际") in names
    assert ("Voltmax集团", "Voltmax") in names and ("Voltmax", "Voltmax") in names


def test_ambiguous_brand_needs_context():
    assert ("理想", "ORG", "理想") in ents("问界、理想等品牌销量领先。")
    assert not [t for t, label, _ in ents("这是一个理想的结果。") if label == "ORG"]


def test_main_organization_and_references():
    text = "星途汽车发布年报。星途销量增长，该公司计划扩产。我国市场仍是主力。"
    art = Article(id="a", text=text, entities=extract_entities(text, ner="off"))
    assert main_organization(art) == "星途汽车"
    assert resolve_reference("该公司", art) == "星途汽车"
    assert resolve_reference("品牌", art) == "星途汽车"
    assert resolve_reference("我国", art) == "中国"
    assert resolve_reference("国内", art) == "中国"
    assert resolve_reference("星途", art) == "星途汽车"
    assert resolve_reference("火星", art) is None
    assert main_organization(Article(id="b", text="")) is None


@pytest.mark.parametrize("name,want", [("Stellantis集团", "Stellantis"), ("华星股份有限公司", "华星"), ("集团", "集团")])
def test_org_name_strips_legal_suffix(name, want):
    assert canonical.org_name(name) == want


def test_place_name():
    assert canonical.place_name("浙江省") == "浙江"
    assert canonical.place_name("宁波市") == "宁波"
    assert canonical.place_name("火星基地") == "火星基地"


@pytest.mark.parametrize("text,want", [
    ("宁波市文化局副局长出席。", ("宁波市文化局", "ORG")),
    ("巴西男队以二比一获胜。", ("巴西男队", "ORG")),
    ("以刘建军同志为组长的小组成立。", ("刘建军", "PERSON")),
    ("此前国务院副总理钱其琛说过。", ("钱其琛", "PERSON")),
])
def test_place_organisations_teams_and_titles(text, want):
    assert want in [(t, label) for t, label, _ in ents(text)]


def test_a_place_before_a_verb_is_no_organisation():
    got = ents("公司在马来西亚建厂，中国西部地区增长。")
    assert ("马来西亚", "GPE", "马来西亚") in got and not [t for t, label, _ in got if label == "ORG"]


def test_a_person_found_once_is_found_everywhere():
    got = ents("董事长孙立平说，明年扩产。孙立平还提到了出口。")
    assert [t for t, label, _ in got if label == "PERSON"] == ["孙立平", "孙立平"]
