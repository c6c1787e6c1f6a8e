"""Articles analyzed together (``Pipeline.run_many``, ``run.analyze_many``): the same records as
one at a time, one entity-model call for the batch, and an article's failure stays its own."""
from __future__ import annotations

import json

import pytest

from zhclaims.entities import ner
from zhclaims.model import Article
from zhclaims.pipeline import Pipeline, Stage
from zhclaims.read import RunSummary
from zhclaims.run import analyze_many, process

# sentences with a speaker cue and no person the rules find: the model reads them ("auto")
TEXTS = [
    "另外，尹鸿也指出，目前市场对头部作品仍抱有强烈需求。票房增长12%。",
    "埃尔多安日前表示，土耳其不会独自承受接纳叙利亚难民的负担。",
    "今天的会议没有人发言。全年销量达到42.7万辆。",
    "泰国国家旅游局局长育塔萨表示，泰国政府将着力打造素可泰的形象。",
    "有慈善组织表示，此前高达70%的捐赠品可以在义卖商店再次出售。",
    "2020年1月，杜特尔特表示，预算中的11%将用于偿还债务。",
]


def articles() -> list[Article]:
    return [Article(id=f"a{i}", text=t) for i, t in enumerate(TEXTS)]


def records(recs) -> list:
    return [r.to_json() for r in recs]


@pytest.fixture
def calls(monkeypatch):
    """The texts of each ``ner.predict`` call (the cache emptied, so the model reads them)."""
    seen: list[list[str]] = []
    real = ner.predict

    def counting(texts):
        seen.append(list(texts))
        ner._CACHE.clear()
        return real(texts)

    monkeypatch.setattr(ner, "predict", counting)
    return seen


def test_run_many_gives_the_records_of_one_at_a_time_with_one_model_call(calls):
    pipe = Pipeline()
    one = records(pipe(a, "2020-03-01") for a in articles())
    per_article = len(calls)
    calls.clear()
    many = pipe.run_many(articles(), "2020-03-01")
    assert records(many) == one
    assert per_article >= 4 and len(calls) == 1  # one call for the whole batch
    assert len(calls[0]) >= per_article
    assert any(e.source == "model" for r in many for e in r.entities)  # the model's answers came back
    assert records(pipe.pipe(articles(), "2020-03-01", batch_size=4)) == one


def test_process_writes_the_same_records_in_batches_as_one_by_one(tmp_path, calls, monkeypatch):
    path = tmp_path / "in.jsonl"
    rows = [json.dumps({"id": f"a{i}", "text": t, "date": "2020-03-01"}, ensure_ascii=False) for i, t in enumerate(TEXTS)]
    rows.insert(3, "{broken")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    pipe = Pipeline()
    batched = records(process([str(path)], pipe, summary=RunSummary()))
    import zhclaims.run as run

    monkeypatch.setattr(run, "BATCH_SIZE", 1)
    single = records(process([str(path)], pipe, summary=RunSummary()))
    assert batched == single and len(batched) == len(TEXTS)


def test_a_failing_article_keeps_its_error_and_the_others_their_records(monkeypatch):
    pipe = Pipeline()
    real = ner.predict

    def picky(texts):  # the model fails on one article's window
        if any("育塔萨" in t for t in texts):
            raise RuntimeError("model failed")
        return real(texts)

    monkeypatch.setattr(ner, "predict", picky)
    expected = records(Pipeline()(a, "2020-03-01") for a in articles() if "育塔萨" not in a.text)
    got = analyze_many(pipe, articles(), "2020-03-01")
    errors = [r for r in got if not isinstance(r, Article)]
    assert [(e.code, e.reason) for e in errors] == [("E900", "analysis failed: RuntimeError: model failed")]
    assert got.index(errors[0]) == 3
    assert records(r for r in got if isinstance(r, Article)) == expected


def boom(article, view, ctx):
    if "土耳其" in article.text:
        raise ValueError("stage failed")
    article.title = "ok"


def test_a_stage_error_stays_with_its_article():
    pipe = Pipeline()
    pipe.stages = pipe.stages[:2] + [Stage("boom", boom)] + pipe.stages[2:]
    got = pipe.run_many(articles(), "2020-03-01")
    assert [type(r).__name__ for r in got] == ["Article", "ValueError"] + ["Article"] * 4
    assert all(r.title == "ok" and r.entities is not None for r in got if isinstance(r, Article))
