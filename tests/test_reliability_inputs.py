"""Reliability of reading: every encoding and line-end style is read exactly; every bad input is
named with its reason; nothing raises; inputs cut short keep what they hold."""
import codecs
import importlib
import json

import pytest

import zhclaims
from zhclaims import read
from zhclaims.errors import InputError, InputWarning
from zhclaims.model import Article
from zhclaims.read.decode import DecodeFailure, decode
from zhclaims.read.inputs import read_file
from zhclaims.text.normalize import normalize

from reliability_inputs import ARTICLE_A, ARTICLE_B, ARTICLE_TRAD, build_mixed_folder, crlf_mixed, s2t


def _items(paths, **kw):
    skipped = []
    items = list(read(paths, skipped=skipped, **kw))
    return items, skipped


def test_mixed_folder_every_input_accounted_for(tmp_path):
    m = build_mixed_folder(tmp_path)
    items, skipped = _items([m.folder])
    arts = {i.id: i for i in items if isinstance(i, Article)}
    errs = {i.where().split("/")[-1]: i for i in items if isinstance(i, InputError)}
    warns = {i.where().split("/")[-1]: i.code for i in items if isinstance(i, InputWarning)}
    assert set(arts) == set(m.good)
    for rid, text in m.good.items():
        if text is not None:
            assert arts[rid].text == text, rid
    assert {k: e.code for k, e in errs.items()} == m.bad
    assert warns == m.warned
    assert sorted(s.split("/")[-1].split(" ")[0] for s in skipped) == sorted(m.skipped)
    assert "cut short" in errs["rows.jsonl:7"].reason  # the JSON Lines row the end of file cut
    assert "PNG" in errs["picture.txt"].reason and "2000000" in errs["digits.txt"].reason


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-8-sig", "utf-16-be-bom", "utf-32"])
def test_encodings_keep_text_exactly(tmp_path, encoding):
    text = crlf_mixed(ARTICLE_A) + "　全角：ＡＢＣ１２３％。"
    data = codecs.BOM_UTF16_BE + text.encode("utf-16-be") if encoding == "utf-16-be-bom" else text.encode(encoding)
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    (art,) = list(read([p]))
    assert isinstance(art, Article) and art.text == text


def test_big5_traditional(tmp_path):
    p = tmp_path / "hk.txt"
    p.write_bytes(ARTICLE_TRAD.encode("big5"))
    (art,) = list(read([p]))
    assert art.text == ARTICLE_TRAD and "big5" in art.encoding


@pytest.mark.parametrize("encoding,cut,dropped", [("utf-8", 1, 2), ("utf-8", 2, 1), ("gb18030", 1, 1),
                                                  ("big5", 1, 1), ("utf-16", 1, 1)])
def test_cut_mid_character_keeps_the_rest(tmp_path, encoding, cut, dropped):
    text = ARTICLE_TRAD.rstrip("\n") if encoding == "big5" else ARTICLE_B.rstrip("\n")
    data = text.encode(encoding)[:-cut]
    got = decode(data)
    assert got.text == text[:-1] and got.dropped == dropped
    p = tmp_path / "cut.txt"
    p.write_bytes(data)
    items = list(read([p]))
    assert [type(i) for i in items] == [InputWarning, Article]
    assert items[0].code == "W001" and str(dropped) in items[0].reason
    assert items[1].text == text[:-1]


def test_binary_is_not_taken_for_a_cut_file():
    with pytest.raises(DecodeFailure) as exc:
        decode(bytes(range(256)) * 8)
    assert exc.value.code == "E004"


def test_jsonl_rows_end_only_at_line_breaks(tmp_path):
    # U+2028/U+2029/U+0085 may stand unescaped inside JSON strings (orjson writes them so)
    text = "第一段\u2028第二段\u2029第三段\x85第四段。"
    rows = [json.dumps({"id": "x", "text": text}, ensure_ascii=False), json.dumps({"id": "y", "text": "乙。"}, ensure_ascii=False)]
    for sep in ("\n", "\r\n", "\r"):
        p = tmp_path / f"rows{len(sep)}{ord(sep[0])}.jsonl"
        p.write_text(sep.join(rows) + sep, encoding="utf-8")
        items = list(read([p]))
        assert [(i.id, i.text) for i in items] == [("x", text), ("y", "乙。")], sep
        assert items[1].origin.endswith(":2")


def test_jsonl_cut_last_row_is_named(tmp_path):
    good = json.dumps({"id": "a", "text": ARTICLE_A}, ensure_ascii=False)
    cut = json.dumps({"id": "b", "text": ARTICLE_B}, ensure_ascii=False)[:-10]
    p = tmp_path / "dump.jsonl"
    p.write_text(good + "\n" + cut, encoding="utf-8")
    items = list(read([p]))
    assert isinstance(items[0], Article) and items[0].text == ARTICLE_A
    assert isinstance(items[1], InputError) and items[1].line == 2 and "cut short" in items[1].reason
    # a malformed row that is not the last is malformed, not cut
    p.write_text(cut + "\n" + good + "\n", encoding="utf-8")
    items = list(read([p]))
    assert items[0].code == "E006" and "cut short" not in items[0].reason and items[1].id == "a"


def test_huge_file_refused_without_reading(tmp_path, monkeypatch):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:  # sparse: 50 MB on paper
        fh.seek(50_000_000)
        fh.write(b"1")
    monkeypatch.setattr(type(p), "read_bytes", lambda self: pytest.fail("read a file it should refuse"))
    (err,) = list(read([p], max_chars=1_000_000))
    assert err.code == "E010" and "1000000" in err.reason
    assert isinstance(err, InputError)
    # the default limit applies the same way
    (err,) = list(read([p]))
    assert err.code == "E010"


def test_a_parser_bug_is_named_not_raised(tmp_path, monkeypatch):
    inputs = importlib.import_module("zhclaims.read.inputs")

    def boom(*a, **kw):
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(inputs, "read_html_text", boom)
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    items = list(read([tmp_path]))
    assert items[0].code == "E014" and "parser exploded" in items[0].reason
    assert items[1].id == "b"


def test_undecodable_file_name_becomes_printable(tmp_path):
    import os

    raw = os.fsencode(str(tmp_path)) + b"/bad\xff\xfename.txt"
    with open(raw, "wb") as fh:
        fh.write(ARTICLE_B.encode("utf-8"))
    (art,) = list(read([tmp_path]))
    assert art.id == "bad\ufffd\ufffdname"
    art.to_json()  # serializable (a lone surrogate would make orjson raise)
    str(art.origin).encode("utf-8")


def test_broken_link_is_listed_as_skipped(tmp_path):
    (tmp_path / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    items, skipped = _items([tmp_path])
    assert items == [] and any("dead.txt" in s and "link" in s for s in skipped)


@pytest.mark.parametrize("make", [lambda t: t.replace("\n", "\r\n"), lambda t: t.replace("\n", "\r"), crlf_mixed],
                         ids=["crlf", "cr", "mixed"])
def test_line_ends_clean_the_same_and_keep_the_text(make):
    text = make(ARTICLE_A)
    lf = zhclaims.analyze(ARTICLE_A)
    got = zhclaims.analyze(text)
    assert got.text == text  # untouched: "\r\n" and "\r" are kept
    assert (got.title, got.published, got.source) == (lf.title, lf.published, lf.source)
    assert len(got.body) == len(lf.body)
    body = "".join(text[b.start:b.end] for b in got.body)
    assert body.replace("\r\n", "\n").replace("\r", "\n") == "".join(ARTICLE_A[b.start:b.end] for b in lf.body)


def test_traditional_metadata_and_offsets():
    trad = s2t(ARTICLE_A)
    assert trad != ARTICLE_A
    simp = zhclaims.analyze(ARTICLE_A)
    got = zhclaims.analyze(trad)
    assert got.text == trad
    assert got.title == trad.split("\n")[0]  # as written, not simplified
    assert got.source == "測試日報" and got.published == simp.published
    assert [(b.start, b.end) for b in got.body] == [(b.start, b.end) for b in simp.body]
    assert normalize(trad) == normalize(ARTICLE_A)


def test_fullwidth_digits_normalize_in_place():
    text = "销量达到１２３４５辆，增长１２．５％。"
    norm = normalize(text)
    assert len(norm) == len(text) and "12345" in norm and "12.5%" in norm


def test_stray_nul_keeps_a_utf8_article(tmp_path):
    text = ARTICLE_A.replace("来源", "来\x00源")
    p = tmp_path / "nul.txt"
    p.write_bytes(text.encode("utf-8"))
    (art,) = list(read([p]))
    assert isinstance(art, Article) and art.text == text
    # while UTF-16 without a BOM (NUL in every other byte of ASCII) is still read as UTF-16
    p.write_bytes(("Report 2026: " + ARTICLE_B).encode("utf-16-le"))
    (art,) = list(read([p]))
    assert art.text == "Report 2026: " + ARTICLE_B
