"""The report in a real browser (headless Chromium): claims marked after the page's script ran,
findings listed, and an article full of markup stays inert.

Skips when no Chromium is installed, except in CI (CI=true), where .ci/run installs Debian's
chromium and the test must run.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import pytest
from conftest import CORPUS, ROOT, shared_dir
from outputs_records import HOSTILE_TEXT, HOSTILE_TITLE, findings, records

from zhclaims.outputs.report import write_report

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def browser():
    path = find_browser()
    if path is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but no Chromium found: .ci/run installs Debian's chromium package")
        pytest.skip("needs headless Chromium (Debian package 'chromium'); not installed here")
    return path


def dump_dom(browser: str, html_path) -> str:
    """The DOM after the page's scripts ran (and pending tasks, such as image error events, fired)."""
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", "--disable-extensions", f"--user-data-dir={profile}",
             "--virtual-time-budget=3000", "--dump-dom", html_path.resolve().as_uri()],
            capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr.decode(errors="replace")[-2000:]
    return r.stdout.decode("utf-8")


def html_tag(dom: str) -> str:
    return re.search(r"<html[^>]*>", dom).group(0)


def title_of(dom: str) -> str:
    return re.search(r"<title>(.*?)</title>", dom, re.S).group(1)


def test_harness_sees_markup_that_runs(browser, tmp_path):
    """Control: the same hostile text pasted raw into a page does run in this browser, so the
    inertness checks below would catch a report that let it through."""
    raw = tmp_path / "raw.html"
    raw.write_text(f"<!DOCTYPE html><html><head><title>t</title></head><body>{HOSTILE_TEXT}</body></html>",
                   encoding="utf-8")
    dom = dump_dom(browser, raw)
    assert "data-pwned" in html_tag(dom)
    assert title_of(dom) == "PWNED"


def test_hand_made_records_in_browser(browser, tmp_path):
    recs = records()
    fs = findings(recs)
    out = tmp_path / "report.html"
    write_report(str(out), recs, fs)
    dom = dump_dom(browser, out)
    top = html_tag(dom)
    n_claims = sum(len(a.claims) for a in recs)
    assert 'data-ready="1"' in top  # the page's own script ran
    assert f'data-claims-marked="{n_claims}"' in top
    assert len(re.findall(r"<mark [^>]*data-claim=", dom)) == n_claims
    assert len(re.findall(r'<li class="finding[^"]*" data-finding="\d+"', dom)) >= len(fs)
    # the hostile article: still text, nothing ran
    assert "data-pwned" not in top
    assert title_of(dom) == "zhclaims report"
    assert "&lt;script&gt;document.title='PWNED'" in dom
    assert HOSTILE_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in dom


def test_corpus_report_in_browser(browser, tmp_path):
    """`zhclaims report` on corpus/ plus a hostile JSON Lines article, as a user runs it."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for f in CORPUS.glob("*.txt"):
        shutil.copy(f, inputs / f.name)
    row = {"id": "hostile", "title": HOSTILE_TITLE, "published": "2026-02-01", "text": HOSTILE_TEXT}
    (inputs / "hostile.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    r = subprocess.run([sys.executable, "-m", "zhclaims.cli", "report", str(inputs), "-o", str(out)],
                       capture_output=True, cwd=ROOT, timeout=600, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert r.returncode == 0, r.stderr.decode()
    # what the extraction and the checks give on the same inputs, computed here with the library
    from zhclaims.checks import check
    from zhclaims.run import process

    recs = list(process([str(inputs)]))
    n_claims = sum(len(x.claims) for x in recs)
    assert len(recs) == 3

    dom = dump_dom(browser, out)
    top = html_tag(dom)
    assert 'data-ready="1"' in top
    marked = int(re.search(r'data-claims-marked="(\d+)"', top).group(1))
    assert marked == len(re.findall(r"<mark [^>]*data-claim=", dom))
    assert marked == n_claims  # every claim the extraction makes is marked in the page
    # every finding the checks give on these records is listed
    want = check(recs)
    listed = {int(i) for i in re.findall(r'<li class="finding[^"]*" data-finding="(\d+)"', dom)}
    assert listed == set(range(len(want)))
    assert int(re.search(r"<b>(\d+)</b> findings", dom).group(1)) == len(want)
    assert len(re.findall(r'<section class="article"', dom)) == 3
    assert "data-pwned" not in top
    assert title_of(dom) == "zhclaims report"
    assert "&lt;script&gt;document.title='PWNED'" in dom
    gold = shared_dir()
    if gold is not None:  # the issue's measure: the seeds' gold figures are all marked, at their offsets
        marks = [json.loads(html.unescape(m)) for m in re.findall(r'<mark [^>]*data-claim="([^"]*)"', dom)]
        got = {(m["article_id"], m["start"], m["end"]) for m in marks}
        rows = [json.loads(line) for line in (gold / "gold" / "seeds.claims.jsonl").read_text(encoding="utf-8").splitlines()]
        hit = sum((g["article"], g["start"], g["end"]) in got for g in rows)
        assert hit >= 0.9 * len(rows), f"{hit} of {len(rows)} gold figures marked"
