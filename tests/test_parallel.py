"""--jobs: worker processes give the same records, in input order, streaming, failures per item."""
import json
import os
import time

import pytest

from zhclaims.cli import main
from zhclaims.errors import InputError
from zhclaims.model import Article
from zhclaims.parallel import Failed, imap_ordered
from zhclaims.pipeline import Pipeline, Stage
from zhclaims.read import RunSummary
from zhclaims.run import process


def slow_square(x):
    # later items finish first: without reordering the output would come back shuffled
    time.sleep(0.002 * (x % 5))
    return x * x


def picky(x):
    if x % 7 == 3:
        raise ValueError(f"no {x}")
    return -x


def dies_on_five(x):
    if x == 5:
        os._exit(3)  # the worker process dies outright
    return x + 100


def test_results_in_input_order():
    assert list(imap_ordered(slow_square, range(40), 2, batch_size=3, window=3)) == [x * x for x in range(40)]


def test_passthrough_items_keep_their_place():
    items = [1, "a", 2, 3, "b", "c", 4]
    got = list(imap_ordered(slow_square, items, 2, batch_size=2, passthrough=lambda x: isinstance(x, str)))
    assert got == [1, "a", 4, 9, "b", "c", 16]


def test_exceptions_are_per_item_and_in_place():
    got = list(imap_ordered(picky, range(20), 2, batch_size=4))
    for x, r in zip(range(20), got):
        if x % 7 == 3:
            assert isinstance(r, Failed) and r.error == f"ValueError: no {x}" and r.item == x
        else:
            assert r == -x


def test_a_dying_worker_fails_only_its_item():
    got = list(imap_ordered(dies_on_five, range(12), 2, batch_size=3))
    assert isinstance(got[5], Failed) and got[5].item == 5 and "died" in got[5].error
    assert [r for i, r in enumerate(got) if i != 5] == [x + 100 for x in range(12) if x != 5]


def test_input_is_pulled_only_as_room_frees_up():
    pulled = []

    def source():
        for i in range(10_000):
            pulled.append(i)
            yield i

    it = imap_ordered(slow_square, source(), 2, batch_size=2, window=3)
    first = [next(it) for _ in range(5)]
    assert first == [0, 1, 4, 9, 16]
    # window 3 batches of 2 in flight, one batch being formed: nowhere near the whole input
    assert len(pulled) <= 5 + 3 * 2 + 2
    it.close()


def test_one_job_runs_in_process_without_workers():
    assert list(imap_ordered(lambda x: os.getpid(), [1, 2], 1)) == [os.getpid()] * 2


def boom_on_marker(article, view, ctx):
    if "爆炸" in article.text:
        raise RuntimeError("stage failed")
    article.title = f"len {len(article.text)}"


@pytest.fixture
def inputs(tmp_path):
    rows = []
    for i in range(30):
        text = f"第{i}篇。2020年销量增长{i}.5%，达到{i * 10}万辆。" * (1 + i % 4)
        if i == 11:
            text += "爆炸"
        rows.append(json.dumps({"id": f"a{i}", "text": text, "date": "2020-01-02"}, ensure_ascii=False))
    rows.insert(7, "{broken")
    rows.insert(20, '{"id": "empty", "text": ""}')
    (tmp_path / "a.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("另一篇文章。营收增长3%。", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    return tmp_path


def run_all(path, jobs):
    pipe = Pipeline()
    pipe.stages = [Stage("boom", boom_on_marker)]
    summary = RunSummary()
    recs = [r.to_json() for r in process([str(path)], pipe, summary=summary, jobs=jobs)]
    return recs, summary


def test_process_with_jobs_gives_the_same_records_and_summary(inputs):
    one, s1 = run_all(inputs, 1)
    two, s2 = run_all(inputs, 2)
    assert two == one
    assert len(one) == 30 - 1 + 1  # a11 fails, b.txt is read
    assert [e.to_dict() for e in s2.errors] == [e.to_dict() for e in s1.errors]
    codes = [(e.code, e.where()) for e in s2.errors]
    assert [c for c, _ in codes] == ["E006", "E900", "E007", "E004"]  # in input order
    assert codes[1][1].endswith("a.jsonl:13")  # a11 is on line 13 (after the broken row)
    assert (s2.records, s2.inputs) == (s1.records, s1.inputs)


def test_cli_extract_jobs_two_writes_the_same_file(inputs, tmp_path, capsys):
    out1, out2 = tmp_path / "o1.jsonl", tmp_path / "o2.jsonl"
    assert main(["extract", str(inputs / "a.jsonl"), "-o", str(out1)]) == 1
    assert main(["extract", str(inputs / "a.jsonl"), "-o", str(out2), "--jobs", "2"]) == 1
    assert out1.read_bytes() == out2.read_bytes()
    assert len(out1.read_bytes().splitlines()) == 30


def test_cli_rejects_negative_jobs(inputs, capsys):
    assert main(["extract", str(inputs / "b.txt"), "--jobs", "-1"]) == 2
    assert "E105" in capsys.readouterr().err


def test_cli_check_jobs_two_gives_the_same_findings(inputs, tmp_path):
    out1, out2 = tmp_path / "f1.jsonl", tmp_path / "f2.jsonl"
    main(["check", str(inputs / "a.jsonl"), "-o", str(out1)])
    main(["check", str(inputs / "a.jsonl"), "-o", str(out2), "--jobs", "2"])
    assert out1.read_bytes() == out2.read_bytes()


def test_encoded_records_are_the_records_lines_and_counts_are_kept(inputs):
    from zhclaims.outputs.jsonl import record_line

    plain, s0 = [], RunSummary()
    for r in process([str(inputs)], Pipeline(), summary=s0):
        plain.append(record_line(r))
    for jobs in (1, 2):
        s = RunSummary()
        got = list(process([str(inputs)], Pipeline(), summary=s, jobs=jobs, encode=record_line))
        assert got == plain
        assert (s.records, s.counts, [e.to_dict() for e in s.errors]) == (s0.records, s0.counts, [e.to_dict() for e in s0.errors])
    assert s0.counts["figures"] > 0


def fails_to_encode(article):
    if article.id == "a3":
        raise ValueError("cannot encode")
    return article.id


def test_an_encoding_failure_is_that_articles_error(inputs):
    for jobs in (1, 2):
        s = RunSummary()
        got = list(process([str(inputs / "a.jsonl")], Pipeline(), summary=s, jobs=jobs, encode=fails_to_encode))
        assert "a3" not in got and "a4" in got
        assert [e.code for e in s.errors if "cannot encode" in e.reason] == ["E900"]
