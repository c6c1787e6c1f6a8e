"""``zhclaims check`` as a user runs it: records in, findings out, summary on stderr."""
import json
import subprocess
import sys

from checks_records import build, fig
from conftest import ROOT


def run(*args):
    return subprocess.run([sys.executable, "-m", "zhclaims.cli", "check", *args], capture_output=True, cwd=ROOT,
                          timeout=600)


def records(tmp_path, name="recs.jsonl"):
    a = build("2026年1月，甲公司交付32059辆新车。1月交付量较2025年12月的60423辆下滑了36.9%。", [
        fig("32059辆", 32059, "辆", subject="甲公司", metric="deliveries", period="2026-01"),
        fig("60423辆", 60423, "辆", subject="甲公司", metric="deliveries", period="2025-12"),
        fig("36.9%", 36.9, "%", subject="甲公司", metric="deliveries", period="2026-01", comparison="mom", direction="down"),
    ], id="a")
    b = build("甲公司1月交付3.2万辆。", [fig("3.2万辆", 32000, "辆", subject="甲公司", metric="deliveries", period="2026-01")],
              id="b")
    p = tmp_path / name
    p.write_bytes(a.to_json() + b"\n" + b.to_json() + b"\n")
    return p


def test_check_reads_extract_records_and_writes_findings(tmp_path):
    r = run(str(records(tmp_path)))
    assert r.returncode == 0, r.stderr.decode()
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    verdicts = sorted((f["kind"], f["relation"], f["verdict"]) for f in out)
    assert verdicts == [("arithmetic", "growth", "inconsistent"), ("cross_source", "same_figure", "consistent")]
    for f in out:
        for k in ("kind", "relation", "verdict", "claims", "expected", "stated", "explanation"):
            assert k in f
    err = r.stderr.decode()
    assert "2 inputs = 2 records + 0 errors" in err
    assert "figures: 4" in err and "relations checked: 2" in err
    assert "consistent: 1" in err and "inconsistent: 1" in err and "unverifiable: 0" in err


def test_check_output_file_and_bad_row(tmp_path):
    p = records(tmp_path)
    with open(p, "a", encoding="utf-8") as fh:
        fh.write('{"id": "broken", "quantities": [{"nonsense": 1}]}\n')
    out = tmp_path / "findings.jsonl"
    r = run(str(p), "-o", str(out), "--within-only")
    assert r.returncode == 1
    assert "recs.jsonl:3: [E006]" in r.stderr.decode() and "Traceback" not in r.stderr.decode()
    found = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [f["relation"] for f in found] == ["growth"]


def test_check_usage_errors():
    assert run().returncode == 2
    assert run("corpus/", "--published", "nonsense").returncode == 2


def test_check_runs_extraction_on_articles(tmp_path):
    (tmp_path / "a.txt").write_text("乙汽车将年初定下的50万台年度销量目标，直接上调10万台至70万台。", encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    r = run(str(tmp_path), "--published", "2026-02-10")
    assert r.returncode == 1  # the empty file is named in the summary, the good one still checked
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert [(f["relation"], f["verdict"]) for f in out] == [("sum", "inconsistent")]
    assert [c["text"] for c in out[0]["claims"]] == ["50万台", "10万台", "70万台"]
    err = r.stderr.decode()
    assert "b.txt: [E003]" in err and "inconsistent: 1" in err
