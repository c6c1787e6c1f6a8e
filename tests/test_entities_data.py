"""Integrity of the entities stage's data files and the rule tables."""
from __future__ import annotations

import regex

from zhclaims.data import list_data_files, load_tsv, load_yaml
from zhclaims.entities import gazetteers


def test_every_data_file_loads():
    files = list_data_files("entities")
    assert {"orgs.tsv", "places_cn.tsv", "places_world.tsv", "places_extra.tsv", "rules.yaml", "NOTICE"} <= set(files)
    for name in files:
        if name.endswith(".tsv"):
            rows = load_tsv("entities", name)
            assert rows, name
            width = 2 if name == gazetteers.CONTEXT_FILE else 3  # surface, note: no canonical/kind
            for row in rows:
                assert len(row) >= width and all(row[:width]), (name, row)
                assert not regex.search(r"\s", row[0]), (name, row)
        elif name.endswith(".yaml"):
            assert isinstance(load_yaml("entities", name), dict)


def test_gazetteer_kinds_and_labels():
    table = gazetteers.entries()
    assert len(table) > 5000
    for surface, e in table.items():
        assert e.label in ("ORG", "GPE")
        assert e.kind in (gazetteers.ORG_KINDS if e.label == "ORG" else gazetteers.PLACE_KINDS)
        assert e.canonical


def test_gazetteer_has_what_news_names():
    table = gazetteers.entries()
    for surface, canonical in [("中华人民共和国", "中国"), ("浙江省", "浙江"), ("广东", "广东"), ("西班牙", "西班牙"),
                               ("欧洲", "欧洲"), ("马来西亚", "马来西亚"), ("顺德区", "顺德"), ("慈溪市", "慈溪"),
                               ("世卫组织", "世卫组织"), ("国家统计局", "国家统计局"), ("工行", "工商银行")]:
        assert table[surface].canonical == canonical, surface


def test_ordinary_words_are_not_places():
    table = gazetteers.entries()
    for word in ("和平", "平安", "鼓楼"):  # county short forms that are ordinary words
        assert word not in table or table[word].label != "GPE" or table[word].ambiguous
    assert table["理想"].ambiguous and table["长城"].ambiguous


def test_rule_tables_are_well_formed():
    r = load_yaml("entities", "rules.yaml")
    surnames = r["surnames"].split()
    assert "朱" in surnames and "欧阳" in surnames and len(set(surnames)) == len(surnames)
    assert set(r["weak_surnames"].split()) <= set(surnames)
    assert all(len(k) == 1 for k in r["abbreviations"])
    assert all(isinstance(x, str) for x in r["products"]["exclude_codes"] + r["products"]["exclude_prefixes"])
    assert not set(r["org_suffixes"]["strong"]) & set(r["org_suffixes"]["weak"])
    assert r["references"]["country"]["我国"] == "中国"


def test_jieba_words_feed_the_user_dictionary():
    words = {w for w, _f, _t in gazetteers.jieba_words()}
    assert "马来西亚" in words and "国家统计局" in words
    assert "理想" not in words  # ambiguous names stay out of the dictionary


def test_segmenter_keeps_gazetteer_names_whole():
    import zhclaims.entities  # noqa: F401  (registers the words)
    from zhclaims.text.segment import Segmenter

    words = Segmenter().cut("零跑在马来西亚建厂，宁德时代供应电池")
    assert "马来西亚" in words and "宁德时代" in words


def test_names_needing_context_are_gazetteer_names():
    table = gazetteers.entries()
    for surface in gazetteers.needs_context():
        assert surface in table, surface  # a listed name no file holds would be a typo
        assert table[surface].ambiguous, surface
        assert surface not in {w for w, _f, _t in gazetteers.jieba_words()}, surface


def test_new_rule_tables_are_lists_of_words():
    r = load_yaml("entities", "rules.yaml")
    for key in ("place_context_after", "enumeration_markers", "weak_suffix_modifies", "domestic_by_default"):
        assert r[key] and all(isinstance(w, str) and w for w in r[key]), key
    assert set(r["domestic_by_default"]) <= set(gazetteers.entries())


def test_abbreviation_contexts_of_news_enumerations():
    """Runs of country/place abbreviations before the words news uses with them (中俄边界,
    中英谈判, 中美方面) are places; the same run before an ordinary word is not."""
    from zhclaims.entities import rules

    for text, want in (("双方讨论了中俄边界问题。", "中俄"), ("中英谈判取得进展。", "中英"), ("中美方面都表示欢迎。", "中美")):
        got = "".join(text[c.start:c.end] for c in rules.abbreviations(text, 0, len(text)))
        assert got == want, (text, got)
    assert rules.abbreviations("中美洲的咖啡", 0, 6) == []


def test_a_place_and_its_ministry_are_one_organisation():
    """News names a country's ministries, parliaments and forces with the country in front
    (巴基斯坦国防部, 美国国会): one organisation (place_org_suffixes), not a place and a word."""
    from zhclaims.entities import extract_entities

    for text, want in (("巴基斯坦国防部今天发表声明。", "巴基斯坦国防部"), ("美国国会通过了法案。", "美国国会")):
        got = [(e.text, e.label) for e in extract_entities(text, "off")]
        assert (want, "ORG") in got, (text, got)
    got = [(e.text, e.label) for e in extract_entities("巴基斯坦国防部长今天发表声明。", "off")]
    assert ("巴基斯坦国防部", "ORG") not in got
