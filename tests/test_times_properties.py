"""Times: the extractor never raises, reports offsets that index the text, and scans in linear time."""
import time

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhclaims.times import extract_times

PIECES = ["2020年", "１２月", "3日", "至", "—", "今年", "去年同期", "一季度", "前三", "个月", "过去", "5年", "十",
          "点", "二十七点三", "%", "起", "以来", "春节", "期间", "每年", "近日", "上周", "星期三", "下午", "3:15",
          "2020-01-16", "1800家", "21年", "。", "\n", "，", "自", "截至", "农历", "正月初一", "年代", "世纪", "两", "半",
          "9999年", "0000年", "2月30日", "9999-12-31", "24时", "过去999年", "此后999年", "大年三十", "冬至", "十三五"]

text_strategy = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy, st.sampled_from([None, "2020-05-12", "2026-01-16T05:51:00", "1999-12-31", "9999-12-31",
                                      "0001-01-01"]))
def test_never_raises_and_offsets_are_right(text, published):
    got = extract_times(text, published)
    assert [t.start for t in got] == sorted(t.start for t in got)
    for t in got:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.kind in {"date", "range", "duration", "set", "time"}
        if t.interval is not None:
            assert t.interval.start < t.interval.end
            assert len(t.interval.start) == 19 and len(t.interval.end) == 19


def _best(fn, repeat=2):
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


def test_linear_on_1mb_adversarial_input():
    # runs of what the patterns open on (numerals, 年, 月, 点, separators) that rarely complete one
    unit = ("2020年的" + "月" * 30 + "一二三四五六七八九十百千" * 8 + "点" + "1.2.3.4.5.6." * 10 + "年度年度" * 10
            + "上下前后" * 20 + "二〇二〇年年年1月月月从自至过去近每年前后" + "，")  # one paragraph, one sentence
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    quarter = text[:250_000]
    linear = regex.compile(r"[\d年月日点]+")  # a linear reference scan over the same text
    ref = _best(lambda: sum(1 for _ in linear.finditer(text)))
    took_quarter = _best(lambda: extract_times(quarter, "2020-05-12"), repeat=1)
    took = _best(lambda: extract_times(text, "2020-05-12"), repeat=1)
    assert took < 6.0 * took_quarter + 1.0, (took, took_quarter)  # four times the input, about four times the time
    assert took < 1000 * ref + 5.0, (took, ref)
