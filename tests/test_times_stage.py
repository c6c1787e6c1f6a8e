"""Times as a pipeline stage and as a spaCy component (texts written for these tests)."""
import spacy

from zhclaims.model import Article
from zhclaims.pipeline import Pipeline, load_stages

TEXT = "本报北京5月10日电\n今年一季度，全国快递业务量增长3%。1月，受春节假期影响，业务量下滑。"


def test_stage_declares_its_contract():
    (stage,) = [s for s in load_stages() if s.name == "times"]
    assert stage.requires == ("article.body", "article.published")
    assert stage.assigns == ("article.times",)
    assert load_stages()[0].name == "times"


def test_stage_fills_sorted_times_against_published():
    art = Pipeline(stages=["times"], clean=False)(Article(id="t", text=TEXT), published="2020-05-11")
    got = [(t.text, t.interval.start[:10] if t.interval else None) for t in art.times]
    assert got == [("5月10日", "2020-05-10"), ("今年一季度", "2020-01-01"), ("1月", "2020-01-01"),
                   ("春节假期", "2020-01-24")]
    assert all(TEXT[t.start:t.end] == t.text for t in art.times)
    assert art.to_dict()["times"][1]["kind"] == "date" and art.to_dict()["times"][1]["grain"] == "quarter"


def test_stage_without_published_anchors_on_the_article():
    text = "2020年4月，销量回升。今年一季度下滑。"
    art = Pipeline(stages=["times"], clean=False)(Article(id="t", text=text))
    (q,) = [t for t in art.times if t.text == "今年一季度"]
    assert q.interval.start.startswith("2020-01-01") and q.anchored


def test_spacy_component():
    nlp = spacy.blank("zh")
    nlp.add_pipe("zhclaims_times")
    doc = nlp.make_doc(TEXT)
    doc.user_data["published"] = "2020-05-11"
    doc = nlp(doc)
    assert [s.text for s in doc.spans["zh_times"]][:2] == ["5月10日", "今年一季度"]
    assert doc._.article.times[0].interval.start == "2020-05-10T00:00:00"
