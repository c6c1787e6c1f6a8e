"""Output formats: every format holds the same counts; writers are atomic and stream in batches."""
from __future__ import annotations

import json

import duckdb
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from conftest import CORPUS
from outputs_records import HOSTILE_TEXT, findings, records

from zhclaims.errors import UsageError
from zhclaims.outputs import WRITERS, open_writer
from zhclaims.outputs.tables import CSV_COLUMNS, TABLES, to_arrow

ITEMS = ("entities", "times", "quantities", "claims")


def expected_counts(recs, fs) -> dict:
    out = {"articles": len(recs), "findings": len(fs)}
    for k in ITEMS:
        out[k] = sum(len(getattr(a, k)) for a in recs)
    return out


def write_all(path, recs, fs, **kw):
    w = open_writer(str(path), **kw)
    for a in recs:
        w.write(a)
    for f in fs:
        w.write_finding(f)
    w.close()
    return w


def jsonl_counts(records_path, findings_path) -> dict:
    rows = [json.loads(l) for l in records_path.read_text(encoding="utf-8").splitlines()]
    out = {"articles": len(rows), "findings": len(findings_path.read_text(encoding="utf-8").splitlines())}
    for k in ITEMS:
        out[k] = sum(len(r[k]) for r in rows)
    return out


def parquet_counts(path) -> dict:
    # each table a dataset folder, as pandas.read_parquet("out.parquet/claims") reads it
    return {name: pq.read_table(path / name).num_rows for name in TABLES}


def duckdb_counts(path) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in TABLES}
    finally:
        con.close()


def test_every_format_holds_the_same_counts(tmp_path):
    recs = records()
    fs = findings(recs)
    want = expected_counts(recs, fs)
    assert want["claims"] >= 8 and want["findings"] == 3

    write_all(tmp_path / "records.jsonl", recs, [])
    write_all(tmp_path / "findings.jsonl", [], fs)
    write_all(tmp_path / "out.parquet", recs, fs)
    write_all(tmp_path / "out.duckdb", recs, fs)
    write_all(tmp_path / "claims.csv", recs, fs)

    assert jsonl_counts(tmp_path / "records.jsonl", tmp_path / "findings.jsonl") == want
    assert parquet_counts(tmp_path / "out.parquet") == want
    assert duckdb_counts(tmp_path / "out.duckdb") == want
    csv = pacsv.read_csv(tmp_path / "claims.csv")
    assert csv.num_rows == want["claims"]  # the CSV is the claims table, by design
    assert {a.id for a in recs if a.claims} == set(csv.column("article_id").to_pylist())


def test_tables_keep_values_and_keys(tmp_path):
    recs = records()
    fs = findings(recs)
    write_all(tmp_path / "out.duckdb", recs, fs)
    con = duckdb.connect(str(tmp_path / "out.duckdb"), read_only=True)
    # a claim joins its quantity and its period's time by (article_id, index)
    row = con.execute("""
        SELECT c.surface, q.text, q.value, c.unit, t.text, c.period_start, c.comparison, c.sentence
        FROM claims c JOIN quantities q ON q.article_id = c.article_id AND q.index = c.quantity
        LEFT JOIN times t ON t.article_id = c.article_id AND t.index = c.period
        WHERE c.surface = '32059辆'""").fetchone()
    assert row[:7] == ("32059辆", "32059辆", 32059.0, "辆", "2026年1月", "2026-01-01T00:00:00", None)
    assert "32059辆" in row[7]
    # inherited period: no index, the interval kept
    assert con.execute("SELECT period, period_start FROM claims WHERE surface='105万台'").fetchone() == (
        None, "2026-01-01T00:00:00")
    # findings: nested figures, one article or several
    got = con.execute("SELECT kind, verdict, article_id, len(claims), claims[1].quantity, expected_low "
                      "FROM findings ORDER BY index").fetchall()
    assert got == [("arithmetic", "consistent", recs[0].id, 3, 0, None),
                   ("arithmetic", "inconsistent", recs[0].id, 2, 3, 75.9),
                   ("cross_source", "unverifiable", None, 2, 4, None)]
    # the view gives each figure the verdict figure_verdicts() gives it
    from zhclaims.outputs.tables import figure_verdicts

    view = {(a, q): v for a, q, v in con.execute("SELECT article_id, quantity, verdict FROM figure_verdicts").fetchall()}
    assert view == figure_verdicts(fs) and view[(recs[0].id, 2)] == "inconsistent"
    joined = con.execute("""SELECT c.surface, coalesce(v.verdict, 'unchecked') FROM claims c
        LEFT JOIN figure_verdicts v ON v.article_id = c.article_id AND v.quantity = c.quantity
        WHERE c.surface IN ('105万台', '27%') ORDER BY c.surface""").fetchall()
    assert joined == [("105万台", "inconsistent"), ("27%", "unchecked")]
    text = con.execute("SELECT text FROM articles WHERE article_id = ?", [recs[1].id]).fetchone()[0]
    assert text == HOSTILE_TEXT
    con.close()


def test_csv_columns_and_excel_bom(tmp_path):
    recs = records()
    write_all(tmp_path / "c.csv", recs, [])
    raw = (tmp_path / "c.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import pandas as pd

    df = pd.read_csv(tmp_path / "c.csv", encoding="utf-8-sig")
    assert list(df.columns)[:3] == ["article_id", "claim", "surface"]
    for col in ("value", "unit", "subject", "metric", "period", "comparison", "direction", "modality", "sentence"):
        assert col in df.columns
    assert len(df.columns) == len(CSV_COLUMNS)
    r = df[df.surface == "27%"].iloc[0]
    assert (r.value, r.unit, r.comparison, r.direction, r.period) == (27.0, "%", "yoy", "up", "2026年1月")
    # markup and quotes in the text survive as data
    h = df[df.article_id == recs[1].id]
    assert h.sentence.str.contains("<b>达到</b>", regex=False).all()


def test_empty_run_writes_every_table(tmp_path):
    write_all(tmp_path / "e.parquet", [], [])
    write_all(tmp_path / "e.duckdb", [], [])
    write_all(tmp_path / "e.csv", [], [])
    assert parquet_counts(tmp_path / "e.parquet") == dict.fromkeys(TABLES, 0)
    assert duckdb_counts(tmp_path / "e.duckdb") == dict.fromkeys(TABLES, 0)
    assert (tmp_path / "e.csv").read_text(encoding="utf-8-sig").startswith('"article_id","claim"')


@pytest.mark.parametrize("suffix", [".parquet", ".duckdb", ".csv"])
def test_atomic_replace_and_abort(tmp_path, suffix):
    recs = records()
    path = tmp_path / f"out{suffix}"
    write_all(path, recs[:1], [])
    before = sorted(p.name for p in tmp_path.iterdir())
    # abort keeps the previous output untouched and leaves no temporary files
    w = open_writer(str(path))
    w.write(recs[1])
    w.flush()
    w.abort()
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    # a second complete write replaces the output
    write_all(path, recs, [])
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    n_claims = sum(len(a.claims) for a in recs)
    if suffix == ".parquet":
        assert parquet_counts(path)["claims"] == n_claims
    elif suffix == ".duckdb":
        assert duckdb_counts(path)["claims"] == n_claims
    else:
        assert pacsv.read_csv(path).num_rows == n_claims


def test_streams_in_row_groups(tmp_path):
    """Rows leave the buffer every batch_rows: many articles give many row groups, small buffers."""
    recs = records()
    w = WRITERS[".parquet"](str(tmp_path / "big.parquet"), batch_rows=50)
    peak = 0
    for i in range(200):
        a = recs[0]
        a.id = f"a{i}"
        w.write(a)
        peak = max(peak, w._npending)
    w.close()
    assert peak < 50 + 20  # never more than one batch (plus one article) pending
    f = pq.ParquetFile(tmp_path / "big.parquet" / "claims" / "part.00000.parquet")
    assert f.metadata.num_rows == 200 * len(recs[0].claims)
    assert f.metadata.num_row_groups > 10


def test_unknown_extension_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        open_writer(str(tmp_path / "x.xlsx"))


def test_to_arrow_matches_writers():
    recs = records()
    fs = findings(recs)
    tables = to_arrow(recs, fs)
    assert {k: t.num_rows for k, t in tables.items()} == expected_counts(recs, fs)


def test_extract_cli_writes_each_format(tmp_path, capsys):
    """`zhclaims extract corpus/ -o X` for each extension (through cli.main in this process; the
    browser test runs the CLI as a subprocess): the counts agree with the JSON Lines."""
    from zhclaims.cli import main

    outs = {ext: tmp_path / f"out{ext}" for ext in (".jsonl", ".parquet", ".duckdb", ".csv")}
    for path in outs.values():
        assert main(["extract", str(CORPUS), "-o", str(path)]) == 0
        err = capsys.readouterr().err
        assert "2 inputs = 2 records" in err
        assert "\r" not in err and "it/s" not in err  # no progress bar when stderr is not a terminal
    rows = [json.loads(l) for l in outs[".jsonl"].read_text(encoding="utf-8").splitlines()]
    want = {"articles": len(rows), "findings": 0, **{k: sum(len(r[k]) for r in rows) for k in ITEMS}}
    assert want["articles"] == 2
    assert parquet_counts(outs[".parquet"]) == want
    assert duckdb_counts(outs[".duckdb"]) == want
    assert pacsv.read_csv(outs[".csv"]).num_rows == want["claims"]


@pytest.mark.parametrize("suffix", [".parquet", ".duckdb", ".csv"])
def test_memory_does_not_grow_with_the_corpus(tmp_path, suffix):
    """Python-side peak while writing 10x more articles stays about the same (rows leave in batches)."""
    import tracemalloc

    base = records()[0]

    def peak(n: int) -> int:
        w = WRITERS[suffix](str(tmp_path / f"m{n}{suffix}"), batch_rows=256)
        tracemalloc.start()
        for i in range(n):
            base.id = f"a{i}"
            w.write(base)
        w.close()
        got = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return got

    peak(50)  # first use imports and sets up (pyarrow.parquet, duckdb): not counted
    small, large = peak(200), peak(2000)  # both flush many batches; the large run holds no more
    assert large < 1.5 * small, (small, large)


def test_check_cli_tables_hold_records_and_findings(tmp_path, capsys):
    """`zhclaims check corpus/ -o X`: .jsonl holds the findings, the table formats hold records and
    findings, and every format agrees with extract's records + check's findings."""
    from zhclaims.cli import main

    assert main(["extract", str(CORPUS), "-o", str(tmp_path / "records.jsonl")]) == 0
    assert main(["check", str(CORPUS), "-o", str(tmp_path / "findings.jsonl")]) == 0
    want = jsonl_counts(tmp_path / "records.jsonl", tmp_path / "findings.jsonl")
    assert want["articles"] == 2 and want["claims"] > 0
    for ext in (".parquet", ".duckdb", ".csv"):
        assert main(["check", str(CORPUS), "-o", str(tmp_path / f"all{ext}")]) == 0
    capsys.readouterr()
    assert parquet_counts(tmp_path / "all.parquet") == want
    assert duckdb_counts(tmp_path / "all.duckdb") == want
    assert pacsv.read_csv(tmp_path / "all.csv").num_rows == want["claims"]
