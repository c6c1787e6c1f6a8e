"""The claims stage inside the pipeline and as a spaCy component (doc._.claims)."""
import pytest

import zhclaims

TEXT = "2024年，星河汽车全年交付量达到12.5万辆，同比增长35%。公司计划2025年销量突破20万辆。"


def test_analyze_gives_one_claim_per_quantity():
    art = zhclaims.analyze(TEXT, published="2025-01-10")
    assert len(art.claims) == len(art.quantities) >= 3
    d = art.to_dict()
    for c in d["claims"]:
        assert set(c) == {"quantity", "subject", "metric", "period", "comparison", "direction", "modality", "sentence"}
        q = d["quantities"][c["quantity"]]
        assert c["sentence"]["start"] <= q["start"] < c["sentence"]["end"]
    by_text = {art.quantities[c.quantity].text: c for c in art.claims}
    assert by_text["35%"].comparison == "yoy" and by_text["35%"].direction == "up"
    assert by_text["20万辆"].modality == "plan"


def test_spacy_component_exposes_claims():
    spacy = pytest.importorskip("spacy")
    nlp = zhclaims.nlp()
    assert "zhclaims_claims" in nlp.pipe_names
    doc = nlp(TEXT)
    assert len(doc._.claims) == len(doc._.article.quantities) >= 3
    assert doc._.claims is doc._.article.claims


def test_junk_gives_no_claims_and_no_error():
    for text in ("", "。。。，，，", "\n\n", "%%%万亿", "同比增长" * 50):
        art = zhclaims.analyze(text)
        assert len(art.claims) == len(art.quantities)
