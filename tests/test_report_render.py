"""The HTML report, read back with an HTML parser: marks, verdicts, findings, charts, escaping."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from conftest import CORPUS
from outputs_records import HOSTILE_TEXT, HOSTILE_TITLE, findings, records

from zhclaims.model import Claim
from zhclaims.outputs.report import render, timeline_groups, Model, write_report


class Page(HTMLParser):
    """Elements with their attributes, the text inside each <mark class=claim>, and all text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.marks: list[dict] = []
        self._open: list[tuple[str, int | None]] = []
        self.text: list[str] = []
        self.title = ""
        self._in_title = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        idx = None
        if tag == "mark" and "data-claim" in a:
            self.marks.append({"attrs": a, "claim": json.loads(a["data-claim"]), "text": ""})
            idx = len(self.marks) - 1
        if tag == "title" and not self._open_svg():
            self._in_title = True
        self._open.append((tag, idx))

    def _open_svg(self) -> bool:
        return any(t == "svg" for t, _ in self._open)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        while self._open:
            t, _ = self._open.pop()
            if t == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        if self._in_title and not self.title:
            self.title = data
        for t, idx in self._open:
            if idx is not None:
                self.marks[idx]["text"] += data


@pytest.fixture(scope="module")
def page_and_records():
    recs = records()
    fs = findings(recs)
    return Page(render(recs, fs)), recs, fs


def test_every_claim_is_marked_with_its_fields(page_and_records):
    page, recs, _ = page_and_records
    assert len(page.marks) == sum(len(a.claims) for a in recs)
    for m in page.marks:
        c = m["claim"]
        assert m["text"] == c["surface"]  # the mark wraps exactly the figure
        for k in ("value", "unit", "subject", "metric", "period_text", "comparison", "direction", "modality", "verdict"):
            assert k in c
    by_surface = {m["claim"]["surface"]: m for m in page.marks}
    assert by_surface["27%"]["claim"]["comparison"] == "yoy"
    assert by_surface["100万台"]["claim"]["modality"] == "target"


def test_marks_are_coloured_by_verdict(page_and_records):
    page, _, _ = page_and_records
    v = {m["claim"]["surface"]: m["claim"]["verdict"] for m in page.marks}
    cls = {m["claim"]["surface"]: m["attrs"]["class"] for m in page.marks}
    # 105万台 is in a consistent sum and an inconsistent growth: the inconsistency shows
    assert v["105万台"] == "inconsistent" and "v-inconsistent" in cls["105万台"]
    assert v["100万台"] == "consistent" and "v-consistent" in cls["100万台"]
    assert v["32059辆"] == "unverifiable"
    assert v["27%"] == "unchecked" and "v-unchecked" in cls["27%"]


def test_findings_panel_has_evidence_and_arithmetic(page_and_records):
    page, recs, fs = page_and_records
    items = [a for t, a in page.elements if t == "li" and "data-finding" in a]
    assert {int(a["data-finding"]) for a in items} == {0, 1, 2}
    text = "".join(page.text)
    assert "1050000 / 596600 - 1 = 0.76 <b>" in text  # arithmetic, escaped and shown
    assert "2025年零跑汽车全年交付量达到59.66万辆" in text  # evidence sentence
    # the cross-source table lists the cross-source finding
    rows = [a for t, a in page.elements if t == "tr" and a.get("data-finding") == "2"]
    assert len(rows) == 1


def test_hostile_markup_stays_text(page_and_records):
    page, recs, _ = page_and_records
    html = render(recs, findings(recs))
    scripts = [a for t, a in page.elements if t == "script"]
    assert len(scripts) == 1 and "nonce" in scripts[0]  # only the page's own script
    assert not [t for t, _ in page.elements if t in ("img", "iframe", "object", "embed", "i", "textarea")]
    for tag, attrs in page.elements:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert "src" not in attrs
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs["href"]
    text = "".join(page.text)
    assert HOSTILE_TEXT.strip().splitlines()[0] in text  # the <script> line, shown as text
    assert HOSTILE_TITLE in text
    assert "销量<b>达到</b>12万辆" in text  # inline markup inside a sentence is text too
    assert page.title == "zhclaims report"
    assert "Content-Security-Policy" in html and "connect-src" not in html  # default-src 'none' covers it
    assert "http://" not in html and "https://" not in html


def test_timeline_only_where_several_periods(page_and_records):
    _, recs, fs = page_and_records
    groups = timeline_groups(Model(recs, fs))
    keys = [k[:2] + (k[4],) for k, _ in groups]
    assert ("零跑汽车", "deliveries", "month") in keys  # Dec 2025 and Jan 2026
    # a single period (the 2026 target) draws nothing
    assert all(len({(p["_s"], p["_e"]) for p in pts}) >= 2 for _, pts in groups)
    html = render(recs, fs)
    assert html.count('<svg class="timeline"') == len(groups)


def test_claims_on_one_figure_nest(page_and_records):
    _, recs, fs = page_and_records
    a = recs[0]
    a.claims.append(Claim(quantity=a.claims[0].quantity, comparison="change", sentence=a.claims[0].sentence))
    page = Page(render(recs, fs))
    surfaces = [m["text"] for m in page.marks]
    assert surfaces.count("100万台") == 2
    a.claims.pop()


def test_no_checks_says_so():
    recs = records()
    html = render(recs, [], checked=False)
    page = Page(html)
    assert {m["claim"]["verdict"] for m in page.marks} == {"unchecked"}
    assert "checks did not run" in html


def test_write_report_atomic(tmp_path):
    out = tmp_path / "r.html"
    recs = records()
    write_report(str(out), recs, findings(recs))
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_report_command(tmp_path, capsys):
    from zhclaims.cli import main

    out = tmp_path / "report.html"
    assert main(["report", str(CORPUS), "-o", str(out)]) == 0
    assert "report written to" in capsys.readouterr().err
    page = Page(out.read_text(encoding="utf-8"))
    assert sum(1 for t, a in page.elements if t == "section" and "data-article" in a) == 2
    assert main(["report", str(CORPUS), "-o", str(tmp_path / "r.txt")]) == 2  # not .html: a usage error
    assert "[E103]" in capsys.readouterr().err


def test_report_from_extract_records_equals_report_from_articles(tmp_path, capsys):
    """`zhclaims report out.jsonl` renders extract's records as they are: the same page."""
    import re

    from zhclaims.cli import main

    assert main(["extract", str(CORPUS), "-o", str(tmp_path / "recs.jsonl")]) == 0
    assert main(["report", str(CORPUS), "-o", str(tmp_path / "a.html")]) == 0
    assert main(["report", str(tmp_path / "recs.jsonl"), "-o", str(tmp_path / "b.html")]) == 0
    capsys.readouterr()

    def page(name):
        return re.sub(r"nonce[-=]\"?[\w-]+", "nonce", (tmp_path / name).read_text(encoding="utf-8"))

    assert page("a.html") == page("b.html")
    assert page("a.html").count("data-claim=") == sum(
        len(json.loads(line)["claims"]) for line in (tmp_path / "recs.jsonl").read_text(encoding="utf-8").splitlines())
