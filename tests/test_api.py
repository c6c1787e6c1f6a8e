"""The library API, and analyze() never raising on arbitrary text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zhclaims


def test_analyze_basic_record_shape():
    rec = zhclaims.analyze("2026年1月，零跑汽车全系交付32059辆新车。", published="2026-02-01")
    d = rec.to_dict()
    for key in ("id", "text", "title", "published", "published_from", "source", "body",
                "entities", "times", "quantities", "claims"):
        assert key in d
    assert d["published"] == "2026-02-01T00:00:00" and d["published_from"] == "option"


def _check_offsets(rec):
    for lst in (rec.entities, rec.times, rec.quantities):
        for x in lst:
            assert 0 <= x.start < x.end <= len(rec.text)
            assert rec.text[x.start:x.end] == x.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("零一二三四五六七八九十百千万亿两年月日号至到约近超多余以上下个百分点%％．.,，。、-—~0123456789０１２３元辆台家人同比增长下降今去明季度春节\n "))) | st.text())
def test_analyze_never_raises(text):
    rec = zhclaims.analyze(text, published="2026-01-16")
    _check_offsets(rec)
