"""Every output writer (whatever formats ``outputs.WRITERS`` holds now or later) writes atomically:
while a run writes, the target still holds the previous output; ``abort()`` leaves it as it was and
no temporary behind; ``close()`` replaces it whole. The HTML report writes the same way."""
import os

import pytest

import zhclaims
from zhclaims.outputs import WRITERS, open_writer

from reliability_inputs import ARTICLE_A, ARTICLE_B


def _previous(path):
    if path.suffix == ".parquet":  # a folder of tables
        path.mkdir()
        (path / "articles.parquet").write_bytes(b"previous")
    else:
        path.write_bytes(b"previous")


def _snapshot(path):
    if path.is_dir():
        return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}
    return path.read_bytes()


def _leftovers(d):
    return [p.name for p in d.iterdir() if p.name.startswith(".zhclaims-")]


@pytest.fixture(scope="module")
def recs():
    return [zhclaims.analyze(ARTICLE_A, "2026-02-01", id="a"), zhclaims.analyze(ARTICLE_B, "2026-02-01", id="b")]


def _write_over_previous(tmp_path, recs, suffix):
    """A writer that has written ``recs`` over an existing output, and that output's snapshot;
    nothing of the new run may be visible yet."""
    target = tmp_path / f"out{suffix}"
    _previous(target)
    before = _snapshot(target)
    w = open_writer(str(target))
    for r in recs:
        w.write(r)
    if hasattr(w, "flush"):
        w.flush()
    assert _snapshot(target) == before  # nothing visible while the run writes
    return target, before, w


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_abort_keeps_previous_output(tmp_path, recs, suffix):
    target, before, w = _write_over_previous(tmp_path, recs, suffix)
    w.abort()
    assert _snapshot(target) == before
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_close_replaces_whole(tmp_path, recs, suffix):
    target, before, w = _write_over_previous(tmp_path, recs, suffix)
    w.close()
    assert _snapshot(target) != before and _leftovers(tmp_path) == []
    assert w.count == 2
    mode = (target.stat().st_mode & 0o777)
    assert mode & 0o400  # readable by its owner (and by others as the umask allows)


def test_report_written_atomically(tmp_path, recs, monkeypatch):
    from zhclaims.outputs import report

    target = tmp_path / "r.html"
    target.write_text("previous", encoding="utf-8")
    real_render = report.render

    def failing(*a, **kw):
        raise RuntimeError("render failed")

    monkeypatch.setattr(report, "render", failing)
    with pytest.raises(RuntimeError):
        report.write_report(str(target), recs)
    assert target.read_text(encoding="utf-8") == "previous" and _leftovers(tmp_path) == []
    monkeypatch.setattr(report, "render", real_render)
    report.write_report(str(target), recs)
    assert target.read_text(encoding="utf-8").startswith("<!") and _leftovers(tmp_path) == []


def test_output_that_cannot_be_written_is_named_without_traceback(tmp_path, capsys):
    from zhclaims import cli

    src = tmp_path / "a.txt"
    src.write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    for out in (tmp_path / "missing" / "out.jsonl", tmp_path / "file" / "out.jsonl", tmp_path / "missing" / "o.csv"):
        for command in ("extract", "check"):
            assert cli.main([command, str(src), "-o", str(out)]) == 2
            err = capsys.readouterr().err
            assert "[E104]" in err and str(out) in err


def test_interrupt_while_resume_copies_leaves_no_temporary(tmp_path, monkeypatch):
    from zhclaims.outputs.jsonl import JsonlWriter

    out = tmp_path / "o.jsonl"
    out.write_text('{"id": "a"}\n', encoding="utf-8")

    def interrupted(self, path):
        raise KeyboardInterrupt

    monkeypatch.setattr(JsonlWriter, "_copy_existing", interrupted)
    with pytest.raises(KeyboardInterrupt):
        JsonlWriter(str(out), append=True)
    assert _leftovers(tmp_path) == [] and out.read_text(encoding="utf-8") == '{"id": "a"}\n'
