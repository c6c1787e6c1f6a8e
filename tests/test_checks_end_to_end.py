"""Text in, findings out: extraction and checks together, on small articles written for the test,
each relation once as written (consistent) and once with one figure changed (inconsistent)."""
import pytest

import zhclaims
from zhclaims.checks import check, check_article

CASES = [
    # (relation, consistent text, the same text with one figure changed, the changed figure)
    ("growth", "2026年1月，甲汽车全系交付20000辆新车。1月交付量较2025年12月的40000辆下滑了50%。",
     "2026年1月，甲汽车全系交付20000辆新车。1月交付量较2025年12月的40000辆下滑了30%。", "30%"),
    ("growth", "2024年己公司研发投入20亿元。2025年己公司研发投入30亿元，同比增长50%。",
     "2024年己公司研发投入20亿元。2025年己公司研发投入30亿元，同比增长30%。", "30%"),
    ("sum", "乙汽车将年初定下的50万台年度销量目标，直接上调10万台至60万台。",
     "乙汽车将年初定下的50万台年度销量目标，直接上调10万台至70万台。", "70万台"),
    ("sum", "丁汽车的全球服务网点突破1500家，中国市场超1000家，海外超500家。",
     "丁汽车的全球服务网点突破2500家，中国市场超1000家，海外超500家。", "2500家"),
    ("average", "丙汽车2026年销量目标为120万辆。若要完成120万辆的年度目标，丙汽车需要实现月均10万辆的销量。",
     "丙汽车2026年销量目标为120万辆。若要完成120万辆的年度目标，丙汽车需要实现月均15万辆的销量。", "15万辆"),
    ("same_figure", "2026年1月，戊汽车全系交付45123辆新车。开年4.5万辆的交付表现给后续月份带来了压力。",
     "2026年1月，戊汽车全系交付45123辆新车。开年6.5万辆的交付表现给后续月份带来了压力。", "6.5万辆"),
]


def findings(text):
    return check_article(zhclaims.analyze(text, published="2026-02-10"))


@pytest.mark.parametrize("relation,good,bad,changed", CASES)
def test_relation_found_consistent_and_a_changed_figure_reported(relation, good, bad, changed):
    ok = [f for f in findings(good) if f.relation == relation]
    assert ok and all(f.verdict == "consistent" for f in ok), [(f.relation, f.verdict, f.explanation) for f in ok]
    wrong = [f for f in findings(bad) if f.verdict == "inconsistent"]
    assert any(c.text == changed for f in wrong for c in f.claims), [(f.relation, f.verdict) for f in findings(bad)]
    for f in wrong:
        for c in f.claims:
            assert bad[c.start:c.end] == c.text


def test_across_two_articles_agree_and_conflict():
    a = zhclaims.analyze("2025年，零跑汽车覆盖800家海外网点。2025年零跑汽车出口6.7万辆。", published="2026-02-10", id="a")
    b = zhclaims.analyze("2025年，零跑汽车的海外网点达到800家。2025年零跑汽车出口6.7万辆。", published="2026-02-11", id="b")
    c = zhclaims.analyze("2025年，零跑汽车的海外网点达到1200家。2025年零跑汽车出口6.7万辆。", published="2026-02-11", id="c")
    assert [(f.kind, f.verdict) for f in check([a, b])] == [("cross_source", "consistent")] * 2
    out = sorted((f.verdict, [x.text for x in f.claims]) for f in check([a, c]))
    assert out == [("consistent", ["6.7万辆", "6.7万辆"]), ("inconsistent", ["800家", "1200家"])]


def test_junk_gives_no_findings():
    assert findings("这是一段没有数字的文字。") == []
    assert findings("！！！123abc％％％……") == []
