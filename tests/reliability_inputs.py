"""Builds, in a temporary folder, the inputs the reliability tests run over: good articles in every
encoding and line-end style the reader takes, and bad ones of every kind it must name.

The article texts are written here for the tests (no text from ../shared). ``build_mixed_folder``
returns what a run over the folder must give: the ids of the good records and, for each bad input,
the error code it must be named with.
"""
from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from pathlib import Path

import opencc

# Short news items written for these tests: figures, times, an outlet line, several paragraphs.
ARTICLE_A = (
    "新能源车企1月交付数据出炉\n"
    "2026-02-01 10:21:00 来源：测试日报\n"
    "2026年1月，某新能源车企全系交付32059辆新车，同比增长27%，环比下滑46.9%。\n"
    "公司表示，今年的销量目标是100万辆，较去年的59.66万辆增长约68%。\n"
    "分析人士认为，开年交付数据的环比波动是汽车行业的常规现象，不必过度解读。\n"
)
ARTICLE_B = (
    "统计局发布去年全年经济数据\n"
    "国家统计局1月17日发布数据，去年国内生产总值接近100万亿元，按可比价格计算比上年增长6.1%。\n"
    "其中，第一季度增长6.4%，第二季度增长6.2%，第三季度增长6.0%，第四季度增长6.0%。\n"
    "全年城镇新增就业1352万人，城镇调查失业率在5.3%左右。\n"
)
# Hong Kong style, written in traditional characters, with full-width digits in one figure.
ARTICLE_TRAD = (
    "本港經濟數據公布\n"
    "內地去年國內生產總值達99萬億元人民幣（約112.1萬億港元），按年增長6.1%。\n"
    "本港上月零售業總銷貨價值約３２０億港元，較去年同期下跌約一成。\n"
    "分析師預計，今年首季出口將繼續受壓，全年增長或放緩至２％左右。\n"
)


def s2t(text: str) -> str:
    return opencc.OpenCC("s2tw").convert(text)


def crlf_mixed(text: str) -> str:
    """The same lines with "\\r\\n", "\\r" and "\\n" line ends in turn."""
    ends = ["\r\n", "\r", "\n"]
    lines = text.split("\n")
    return "".join(line + ends[i % 3] for i, line in enumerate(lines[:-1])) + lines[-1]


@dataclass
class Mixed:
    folder: Path
    good: dict[str, str] = field(default_factory=dict)  # id -> text the record must hold exactly
    bad: dict[str, str] = field(default_factory=dict)  # file name (":line" for a row) -> error code
    warned: dict[str, str] = field(default_factory=dict)  # file name -> warning code (record kept)
    skipped: list[str] = field(default_factory=list)  # file names listed as skipped


def build_mixed_folder(root: Path) -> Mixed:
    d = root / "mixed"
    d.mkdir()
    m = Mixed(d)

    def good(name: str, text: str, data: bytes) -> None:
        (d / name).write_bytes(data)
        m.good[Path(name).stem] = text

    # encodings
    good("a_utf8.txt", ARTICLE_A, ARTICLE_A.encode("utf-8"))
    good("a_utf8_bom.txt", ARTICLE_A, codecs.BOM_UTF8 + ARTICLE_A.encode("utf-8"))
    good("a_gb18030.txt", ARTICLE_A, ARTICLE_A.encode("gb18030"))
    good("b_gbk.txt", ARTICLE_B, ARTICLE_B.encode("gbk"))
    good("b_utf16_bom.txt", ARTICLE_B, ARTICLE_B.encode("utf-16"))  # BOM + native order
    good("b_utf16be_bom.txt", ARTICLE_B, codecs.BOM_UTF16_BE + ARTICLE_B.encode("utf-16-be"))
    good("t_big5.txt", ARTICLE_TRAD, ARTICLE_TRAD.encode("big5"))
    good("t_utf8.txt", ARTICLE_TRAD, ARTICLE_TRAD.encode("utf-8"))
    trad_a = s2t(ARTICLE_A)
    good("a_trad_big5.txt", trad_a, trad_a.encode("big5"))
    # line ends: kept exactly as written
    good("a_crlf.txt", ARTICLE_A.replace("\n", "\r\n"), ARTICLE_A.replace("\n", "\r\n").encode("utf-8"))
    good("a_cr.txt", ARTICLE_A.replace("\n", "\r"), ARTICLE_A.replace("\n", "\r").encode("gb18030"))
    good("b_mixed_ends.txt", crlf_mixed(ARTICLE_B), crlf_mixed(ARTICLE_B).encode("utf-8"))
    # HTML
    html = ("<html><head><meta charset='gb18030'><title>统计局发布去年全年经济数据</title></head><body><article>"
            + "".join(f"<p>{line}</p>" for line in ARTICLE_B.splitlines()[1:]) + "</article></body></html>")
    (d / "b_page.html").write_bytes(html.encode("gb18030"))
    m.good["b_page"] = None  # text is what the page shows: checked by content, not equality

    # JSON Lines: good rows, a row with U+2028 inside its text, bad rows, a last row cut short
    rows = [
        json.dumps({"id": "row1", "text": ARTICLE_A, "published": "2026-02-01"}, ensure_ascii=False),
        json.dumps({"id": "row2", "text": ARTICLE_B.replace("\n", "\u2028")}, ensure_ascii=False),
        "{not json at all",
        json.dumps({"id": "row4", "title": "no text"}, ensure_ascii=False),
        json.dumps(["a", "list"]),
        json.dumps({"id": "row6", "text": ARTICLE_TRAD}, ensure_ascii=False),
        json.dumps({"id": "row7", "text": ARTICLE_B}, ensure_ascii=False)[:40],
    ]
    (d / "rows.jsonl").write_text("\r\n".join(rows), encoding="utf-8")
    m.good["row1"] = ARTICLE_A
    m.good["row2"] = ARTICLE_B.replace("\n", "\u2028")
    m.good["row6"] = ARTICLE_TRAD
    m.bad.update({"rows.jsonl:3": "E006", "rows.jsonl:4": "E007", "rows.jsonl:5": "E008", "rows.jsonl:7": "E006"})
    # a GB18030 JSON Lines file
    (d / "rows_gb.jsonl").write_bytes(
        (json.dumps({"id": "gbrow", "text": ARTICLE_B}, ensure_ascii=False) + "\n").encode("gb18030"))
    m.good["gbrow"] = ARTICLE_B
    # a row whose text holds half of an emoji, escaped (a scraper cut "\\ud83d\\ude00"): kept, U+FFFD
    (d / "rows_emoji.jsonl").write_text('{"id": "emoji", "text": "' + ARTICLE_B.replace("\n", "\\n")
                                        + '\\ud83d"}\n', encoding="utf-8")
    m.good["emoji"] = ARTICLE_B + "\ufffd"
    m.warned["rows_emoji.jsonl:1"] = "W002"

    # truncated in the middle of a character: kept without the cut character, with a warning
    cut = ARTICLE_A.rstrip("\n").encode("gb18030")[:-1]  # cut inside the last "。" (two bytes)
    (d / "cut_gb18030.txt").write_bytes(cut)
    m.good["cut_gb18030"] = ARTICLE_A.rstrip("\n")[:-1]
    m.warned["cut_gb18030.txt"] = "W001"
    cut8 = ARTICLE_B.rstrip("\n").encode("utf-8")[:-2]  # one byte of the last "。" (three) is left
    (d / "cut_utf8.txt").write_bytes(cut8)
    m.good["cut_utf8"] = ARTICLE_B.rstrip("\n")[:-1]
    m.warned["cut_utf8.txt"] = "W001"

    # bad files
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(" \r\n\t\n".encode())
    (d / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    (d / "noise.txt").write_bytes(bytes((i * 37 + 11) % 256 for i in range(8192)))
    (d / "zip.html").write_bytes(b"PK\x03\x04" + bytes(200))
    (d / "empty_page.html").write_text("<html><body><script>var a=1;</script></body></html>", encoding="utf-8")
    (d / "digits.txt").write_bytes(b"1" * 5_000_000)  # 5 MB of digits: refused by the default limit
    m.bad.update({"empty.txt": "E003", "blank.txt": "E003", "picture.txt": "E004", "noise.txt": "E004",
                  "zip.html": "E004", "empty_page.html": "E009", "digits.txt": "E010"})
    # other files: listed as skipped
    (d / "notes.md").write_text("# not an article", encoding="utf-8")
    (d / ".hidden.txt").write_text(ARTICLE_A, encoding="utf-8")
    m.skipped += ["notes.md", ".hidden.txt"]
    return m
