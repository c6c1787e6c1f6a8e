"""Runs as a user makes them: a folder mixing every kind of good and bad input keeps every good
article, names every bad one, shows no traceback; outputs are atomic; --resume; Ctrl-C and SIGTERM
leave a valid output holding the records done so far."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT
from reliability_inputs import ARTICLE_A, ARTICLE_B, ARTICLE_TRAD, build_mixed_folder

SUMMARY_HEAD = "zhclaims: {inputs} inputs = {records} records + {errors} errors"


def zhclaims(*args, timeout=300, **kw):
    return subprocess.run([sys.executable, "-m", "zhclaims.cli", *map(str, args)], capture_output=True, cwd=ROOT,
                          timeout=timeout, **kw)


def records(path):
    lines = path.read_bytes().split(b"\n")
    assert lines[-1] == b"", "the output ends with a whole line"
    return [json.loads(line) for line in lines[:-1]]


def test_mixed_folder_end_to_end(tmp_path):
    m = build_mixed_folder(tmp_path)
    out = tmp_path / "out.jsonl"
    t0 = time.perf_counter()
    r = zhclaims("extract", m.folder, "-o", out)
    took = time.perf_counter() - t0
    err = r.stderr.decode()
    assert r.returncode == 1, err  # some inputs failed; the good ones are written
    assert "Traceback" not in err
    recs = {x["id"]: x for x in records(out)}
    assert set(recs) == set(m.good)
    for rid, text in m.good.items():
        rec = recs[rid]
        if text is not None:
            assert rec["text"] == text, rid
        for b in rec["body"]:
            assert 0 <= b["start"] < b["end"] <= len(rec["text"])
        for kind in ("entities", "times", "quantities"):
            for x in rec[kind]:
                assert rec["text"][x["start"]:x["end"]] == x["text"], (rid, kind, x)
    for where, code in m.bad.items():
        assert f"{where}: [{code}]" in err, (where, code, err)
    for where, code in m.warned.items():
        assert f"warning {m.folder / where}: [{code}]" in err
    for name in m.skipped:
        assert f"skipped {m.folder / name}" in err
    head = SUMMARY_HEAD.format(inputs=len(m.good) + len(m.bad), records=len(m.good), errors=len(m.bad))
    assert head in err, err
    assert took < 180, took  # "within a few minutes"; in practice a few seconds
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".zhclaims-")]  # no temporary left


def _jsonl(path, n, start=0):
    texts = [ARTICLE_A, ARTICLE_B, ARTICLE_TRAD]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            fh.write(json.dumps({"id": f"r{i:05d}", "text": texts[i % 3]}, ensure_ascii=False) + "\n")


def test_resume_skips_ids_already_written(tmp_path):
    src = tmp_path / "in.jsonl"
    _jsonl(src, 12)
    out = tmp_path / "out.jsonl"
    r = zhclaims("extract", src, "-o", out)
    assert r.returncode == 0, r.stderr.decode()
    full = records(out)
    # keep the first 5 records and a line cut mid-record (as a killed non-atomic writer leaves it)
    lines = out.read_bytes().split(b"\n")
    out.write_bytes(b"\n".join(lines[:5]) + b"\n" + lines[5][:50])
    r = zhclaims("extract", src, "-o", out, "--resume")
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert SUMMARY_HEAD.format(inputs=12, records=7, errors=0) + " + 5 already in the output (resumed)" in err
    assert "output lines dropped (not whole records): 1" in err
    got = records(out)
    assert [x["id"] for x in got] == [x["id"] for x in full]
    assert got == full
    # everything already there: nothing analyzed
    r = zhclaims("extract", src, "-o", out, "--resume")
    assert SUMMARY_HEAD.format(inputs=12, records=0, errors=0) in r.stderr.decode()
    assert records(out) == full


def test_resume_needs_a_jsonl_output(tmp_path, capsys):
    from zhclaims import cli

    src = tmp_path / "in.jsonl"
    _jsonl(src, 1)
    for out in ([], ["-o", str(tmp_path / "out.csv")]):
        assert cli.main(["extract", str(src), "--resume", *out]) == 2
        assert "[E106]" in capsys.readouterr().err


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_interrupt_leaves_valid_output_and_resume_finishes(tmp_path, sig):
    n = 400  # records are flushed to the temporary every few KB: the signal comes after the first few
    src = tmp_path / "in.jsonl"
    _jsonl(src, n)
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "zhclaims.cli", "extract", str(src), "-o", str(out)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # wait until records are being written (the temporary output grows), then interrupt
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        tmps = [p for p in tmp_path.iterdir() if p.name.startswith(".zhclaims-")]
        if tmps and any(p.stat().st_size > 0 for p in tmps if p.exists()):
            break
        time.sleep(0.02)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    err = err.decode()
    assert proc.returncode == 130, err  # stopped by the signal, not finished
    assert "Traceback" not in err
    assert "interrupted" in err
    done = records(out)  # every line a whole JSON record
    assert 0 < len(done) < n
    ids = [x["id"] for x in done]
    assert ids == [f"r{i:05d}" for i in range(len(done))]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".zhclaims-")]
    assert SUMMARY_HEAD.format(inputs=len(done), records=len(done), errors=0) in err
    # --resume finishes the job: each id once, in input order
    r = zhclaims("extract", src, "-o", out, "--resume")
    assert r.returncode == 0, r.stderr.decode()
    assert [x["id"] for x in records(out)] == [f"r{i:05d}" for i in range(n)]
    assert f"+ {len(done)} already in the output (resumed)" in r.stderr.decode()


def test_failing_run_leaves_previous_output(tmp_path, monkeypatch, capsys):
    from zhclaims import cli
    from zhclaims.commands import extract

    src = tmp_path / "in.jsonl"
    _jsonl(src, 6)
    out = tmp_path / "out.jsonl"
    before = b'{"id": "previous run"}\n'
    out.write_bytes(before)
    real = extract.process

    def failing(*a, **kw):
        for i, rec in enumerate(real(*a, **kw)):
            if i == 3:
                raise OSError(28, "No space left on device")
            yield rec

    monkeypatch.setattr(extract, "process", failing)
    with pytest.raises(OSError):
        cli.main(["extract", str(src), "-o", str(out)])
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".zhclaims-")]


def test_max_chars_option(tmp_path, capsys):
    from zhclaims import cli

    src = tmp_path / "a.txt"
    src.write_text(ARTICLE_A, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        cli.main(["extract", str(src), "--max-chars", "-5"])
    assert exc.value.code == 2
    assert cli.main(["extract", str(src), "--max-chars", "100", "-o", str(tmp_path / "o.jsonl")]) == 1
    assert "[E010]" in capsys.readouterr().err
    assert cli.main(["extract", str(src), "--max-chars", "0", "-o", str(tmp_path / "o.jsonl")]) == 0  # no limit


def test_shared_ids_are_named_and_resumed_by_count(tmp_path, capsys):
    from zhclaims import cli

    for sub, text in (("a", ARTICLE_A), ("b", ARTICLE_B)):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["extract", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out)]
    assert cli.main(args) == 0
    err = capsys.readouterr().err
    assert "[W003]" in err and "b/x.txt" in err
    full = records(out)
    assert [(r["id"], r["text"]) for r in full] == [("x", ARTICLE_A), ("x", ARTICLE_B)]
    # interrupted after the first: --resume skips one "x" (the output holds one), not both
    out.write_bytes(out.read_bytes().split(b"\n")[0] + b"\n")
    assert cli.main([*args, "--resume"]) == 0
    assert SUMMARY_HEAD.format(inputs=2, records=1, errors=0) + " + 1 already in the output" in capsys.readouterr().err
    assert records(out) == full


def test_sigterm_stops_check_with_previous_output_kept(tmp_path):
    src = tmp_path / "in.jsonl"
    _jsonl(src, 400)
    out = tmp_path / "findings.jsonl"
    out.write_bytes(b'{"previous": true}\n')
    proc = subprocess.Popen([sys.executable, "-m", "zhclaims.cli", "check", str(src), "-o", str(out)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.startswith(".zhclaims-") and p.stat().st_size > 0 for p in tmp_path.iterdir()):
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode()
    assert out.read_bytes() == b'{"previous": true}\n'  # check writes whole or not at all
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".zhclaims-")]


@pytest.mark.parametrize("suffix", [".jsonl", ".duckdb"])
def test_a_run_ends_without_leak_reports(tmp_path, suffix):
    # run.prepare freezes the loaded objects (gc.freeze); with DuckDB loaded they are given back
    # before shutdown, else its nanobind bindings report them as leaked on stderr
    from conftest import CORPUS

    r = zhclaims("extract", CORPUS, "-o", tmp_path / f"out{suffix}")
    assert r.returncode == 0, r.stderr.decode()
    assert "leak" not in r.stderr.decode().lower()
