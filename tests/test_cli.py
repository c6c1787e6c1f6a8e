"""The command line as a user runs it."""
import json
import subprocess
import sys

from conftest import CORPUS, ROOT


def run(*args, input=None):
    return subprocess.run([sys.executable, "-m", "zhclaims.cli", *args], capture_output=True, input=input,
                          cwd=ROOT, timeout=600)


def test_extract_corpus_two_records():
    r = run("extract", str(CORPUS))
    assert r.returncode == 0, r.stderr.decode()
    recs = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [x["id"] for x in recs] == ["000_e2371e4b98839708", "002_e6f051ebe136f740"]
    s000 = recs[0]
    assert s000["published"] == "2026-01-16T05:51:00" and s000["published_from"] == "text"
    body = "".join(s000["text"][b["start"]:b["end"]] for b in s000["body"])
    assert "相关推荐" not in body and "特别声明" not in body
    err = r.stderr.decode()
    assert "2 inputs = 2 records + 0 errors" in err
    assert "README.md" in err  # listed as skipped, not silently


def test_extract_bad_beside_good(tmp_path, seed002):
    (tmp_path / "good.txt").write_text(seed002, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "rows.jsonl").write_text('{"id":"r1","text":"销量100万台。"}\n{broken\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run("extract", str(tmp_path), "-o", str(out))
    assert r.returncode == 1
    err = r.stderr.decode()
    assert "bad.txt: [E004]" in err and "rows.jsonl:2: [E006]" in err
    assert "Traceback" not in err
    ids = [json.loads(l)["id"] for l in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["good", "r1"]


def test_stdin_and_usage_errors():
    r = run("extract", "-", input='{"id":"x","text":"增长6.1%"}\n'.encode())
    assert r.returncode == 0 and json.loads(r.stdout)["id"] == "x"
    assert run("extract", "corpus/", "--published", "not-a-date").returncode == 2
    assert run().returncode == 2
