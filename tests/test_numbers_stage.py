"""The quantities stage in the pipeline and as a spaCy component; it never overlaps a time."""
from zhclaims.model import Article, Span, Time
from zhclaims.numbers.stage import STAGE
from zhclaims.pipeline import Context
from zhclaims.text.view import TextView


def _run(text, times=()):
    art = Article(id="t", text=text, body=[Span(0, len(text))])
    art.times = list(times)
    STAGE.func(art, TextView(text, art.body), Context())
    return art


def test_stage_contract():
    assert STAGE.name == "quantities"
    assert STAGE.requires == ("article.body", "article.times")
    assert STAGE.assigns == ("article.quantities",)


def test_stage_fills_sorted_quantities():
    art = _run("三月销量4.2万辆，同比增长18%，门店超过600家")
    assert [q.text for q in art.quantities] == ["4.2万辆", "18%", "600家"]
    assert [q.start for q in art.quantities] == sorted(q.start for q in art.quantities)


def test_stage_skips_what_times_took():
    text = "近30天售出900台"
    took = Time(text="近30天", start=0, end=4, kind="duration", grain="day")
    assert [q.text for q in _run(text, [took]).quantities] == ["900台"]
    # a (hypothetical) time span over the figure removes it
    over = Time(text="900台", start=6, end=10, kind="date", grain="day")
    assert _run(text, [over]).quantities == []


def test_spacy_component_mirrors_the_record():
    import spacy

    import zhclaims.spacy_components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("zh")
    nlp.add_pipe("zhclaims_quantities")
    doc = nlp("全年营收突破120亿元，净利润约8.5亿元")
    assert [q.text for q in doc._.article.quantities] == ["120亿元", "8.5亿元"]
    assert [s.text for s in doc.spans["zh_quantities"]] == ["120亿元", "8.5亿元"]
