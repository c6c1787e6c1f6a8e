"""Reader: every path, format and encoding; bad inputs become named errors."""
import io
import json

import opencc
import pytest

from zhclaims import read
from zhclaims.errors import InputError
from zhclaims.model import Article
from zhclaims.read import read_stdin

from conftest import SEED_002


def _one(path):
    items = list(read([path]))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "gbk"])
def test_encodings_simplified(tmp_path, seed002, encoding):
    p = tmp_path / f"a_{encoding}.txt"
    p.write_bytes(seed002.encode(encoding))
    art = _one(p)
    assert isinstance(art, Article), art
    assert art.text == seed002
    assert art.id == p.stem


def test_big5_traditional(tmp_path, seed002):
    # Big5 cannot hold every character of the seed: take the traditional text up to what it encodes
    trad = opencc.OpenCC("s2t").convert(seed002)
    enc = trad.encode("big5", errors="ignore").decode("big5")[:1500]
    p = tmp_path / "big5.txt"
    p.write_bytes(enc.encode("big5"))
    art = _one(p)
    assert isinstance(art, Article)
    assert art.text == enc
    assert art.encoding and "big5" in art.encoding.lower()


def test_utf16_without_bom_le(tmp_path, seed002):
    p = tmp_path / "u16.txt"
    p.write_bytes(seed002[:800].encode("utf-16-le"))
    art = _one(p)
    assert isinstance(art, Article) and art.text == seed002[:800]


def test_html_reader(tmp_path):
    html = """<html><head><title>零跑1月交付32059辆</title>
    <meta property="article:published_time" content="2026-02-01T10:00:00+08:00">
    <meta property="og:site_name" content="测试网"></head><body>
    <nav>首页 &gt; 汽车</nav><article><h1>零跑1月交付32059辆</h1>
    <p>2026年1月，零跑汽车全系交付32059辆新车，同比增长了27%。这一成绩说明品牌的基本盘比较稳固，市场认可度并未出现实质性的下滑。</p>
    <p>从环比数据来看，1月交付量较2025年12月的60423辆下滑了46.9%，开年交付数据的环比波动是汽车行业的常规现象。</p>
    </article><footer>版权所有</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article), art
    assert "32059辆" in art.text and "版权所有" not in art.text
    assert art.title == "零跑1月交付32059辆"
    assert art.published == "2026-02-01T10:00:00"


def test_jsonl_rows_and_errors(tmp_path):
    rows = [
        json.dumps({"id": "a", "text": "今年销量100万台。", "published": "2026-01-16", "source": "甲"}, ensure_ascii=False),
        json.dumps({"id": "b", "content": "内容字段也可以。", "date": "2020-01-18"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps([1, 2]),
        "",
    ]
    p = tmp_path / "dump.jsonl"
    p.write_text("\n".join(rows), encoding="utf-8")
    items = list(read([p]))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert [a.id for a in arts] == ["a", "b"]
    assert arts[0].published == "2026-01-16T00:00:00" and arts[0].published_from == "metadata"
    assert arts[0].source == "甲"
    assert arts[1].text == "内容字段也可以。"
    assert [(e.line, e.code) for e in errs] == [(3, "E006"), (4, "E007"), (5, "E008")]


def test_stdin_jsonl():
    data = json.dumps({"id": "s1", "text": "近60万台"}, ensure_ascii=False).encode() + b"\n"
    items = list(read_stdin(io.BytesIO(data)))
    assert len(items) == 1 and items[0].id == "s1"


def test_bad_files_are_named(tmp_path, seed002):
    (tmp_path / "good.txt").write_text(seed002, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "noise.html").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "notes.md").write_text("# notes")
    skipped = []
    items = list(read([tmp_path, tmp_path / "missing.txt"], skipped=skipped))
    arts = [i for i in items if isinstance(i, Article)]
    errs = {i.origin.rsplit("/", 1)[-1]: i.code for i in items if isinstance(i, InputError)}
    assert [a.id for a in arts] == ["good"]
    assert errs == {"blank.txt": "E003", "empty.txt": "E003", "image.txt": "E004",
                    "noise.html": "E004", "missing.txt": "E001"}
    assert any("notes.md" in s for s in skipped)


def test_max_chars_refused_by_name(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("1" * 5000, encoding="utf-8")
    item = list(read([p], max_chars=1000))[0]
    assert isinstance(item, InputError) and item.code == "E010" and "1000" in item.reason


def test_seed_bytes_untouched():
    # .txt text is the input text exactly as decoded
    art = _one(SEED_002)
    assert art.text == SEED_002.read_bytes().decode("utf-8")
