"""Dask: the same records as one process, from a bag, a dataframe and the CLI."""
import json
from pathlib import Path

import pytest

pytest.importorskip("dask")
pytest.importorskip("distributed")

import dask  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from zhclaims.cli import main  # noqa: E402
from zhclaims.dask import extract_bag, extract_dataframe, input_bag, write_parquet  # noqa: E402
from zhclaims.outputs.tables import TABLES, to_arrow  # noqa: E402
from zhclaims.read import RunSummary  # noqa: E402
from zhclaims.run import process  # noqa: E402

TEXTS = [
    "新华社北京1月17日电 国家统计局17日发布，2019年国内生产总值990865亿元，比上年增长6.1%。",
    "今年前三季度，全市新能源汽车销量达到12.5万辆，同比增长35%，占全国的8.2%。",
    "公司2023年营收约为1200亿元，其中海外收入超过300亿元。",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("dask_in")
    rows = [json.dumps({"id": f"a{i}", "text": TEXTS[i % 3] * (1 + i % 2), "date": "2020-01-18"}, ensure_ascii=False)
            for i in range(9)]
    rows.insert(4, "{not json")
    (d / "a.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (d / "b.txt").write_text(TEXTS[1], encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def expected(corpus):
    summary = RunSummary()
    recs = list(process([str(corpus)], summary=summary))
    return recs, summary


def read_tables(path: Path) -> dict:
    out = {}
    for name in TABLES:
        if name == "findings":
            continue
        parts = sorted((path / name).glob("part.*.parquet"))  # partition order = input order
        out[name] = pa.concat_tables([pq.read_table(p) for p in parts])
    return out


def test_input_bag_in_byte_ranges_gives_the_records_of_one_process(corpus, expected, tmp_path):
    recs, summary = expected
    got_summary = RunSummary()
    bag = extract_bag(input_bag([str(corpus)], part_bytes=300, summary=got_summary))
    assert bag.npartitions > 3  # the JSON Lines file was cut into several ranges
    with dask.config.set(scheduler="sync"):
        items = bag.compute()
    assert [r.to_json() for r in items if hasattr(r, "to_json")] == [r.to_json() for r in recs]
    errors = [e.to_dict() for e in items if not hasattr(e, "to_json")]
    assert errors == [e.to_dict() for e in summary.errors]
    assert errors[0]["line"] == 5 and errors[0]["code"] == "E006"


def test_local_cluster_writes_the_same_tables(corpus, expected, tmp_path):
    from distributed import Client, LocalCluster

    recs, summary = expected
    out = tmp_path / "out.parquet"
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        got = write_parquet(extract_bag(input_bag([str(corpus)], part_bytes=400)), str(out))
        assert client.scheduler_info()["workers"]
    assert got.records == summary.records == 10
    assert [e.to_dict() for e in got.errors] == [e.to_dict() for e in summary.errors]
    tables = read_tables(out)
    want = to_arrow(recs)
    for name, table in tables.items():
        assert table.to_pylist() == want[name].to_pylist(), name
    assert not list(tmp_path.glob(".zhclaims-*"))  # the temporary folder was renamed


def test_dataframe_rows_give_the_records_of_analyze(expected):
    import pandas as pd
    import dask.dataframe as dd

    from zhclaims import analyze

    df = pd.DataFrame({"id": ["x", "y"], "text": TEXTS[:2], "date": ["2020-01-18", "2020-01-18"]})
    with dask.config.set(scheduler="sync"):
        got = extract_dataframe(dd.from_pandas(df, npartitions=2)).compute()
    for rec, text in zip(got, TEXTS[:2]):
        want = analyze(text, "2020-01-18T00:00:00", id=rec.id)
        assert rec.to_dict()["quantities"] == want.to_dict()["quantities"]
        assert rec.to_dict()["claims"] == want.to_dict()["claims"]
        assert rec.published == "2020-01-18T00:00:00" and rec.published_from == "metadata"


def test_cli_dask_needs_parquet_output(corpus, capsys):
    assert main(["extract", str(corpus), "--dask", "local", "-o", "out.jsonl"]) == 2
    assert "E107" in capsys.readouterr().err
