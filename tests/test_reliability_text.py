"""Reliability of the text layer: properties of the reader, the cleaner and the view on any input
(hypothesis), and the sentence cap that keeps per-sentence work bounded."""
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhclaims.clean import find_body
from zhclaims.model import Span
from zhclaims.read.decode import DecodeFailure, decode
from zhclaims.read.formats import read_jsonl_text
from zhclaims.text.normalize import normalize
from zhclaims.text.sentences import MAX_SENTENCE, split_clauses, split_sentences
from zhclaims.text.view import TextView

from reliability_inputs import ARTICLE_A, ARTICLE_B, ARTICLE_TRAD

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# text that looks like news and text that does not: CJK, numerals, full-width forms, punctuation,
# every kind of line end and space, traditional characters, astral and combining characters
NEWSY = "年月日万亿元辆台家约超近同比增长下降百分之一二三四五六七八九十两零点。，、；：！？…（）《》“”%‰-~至"
ALPHABET = st.sampled_from(
    list(NEWSY) + list(string.digits + string.ascii_letters + ".,:;!?%/- ")
    + list("\r\n\t\u3000\xa0\u2028\u2029\x85\ufeff") + list("０１２３４５６７８９％．，") + list("萬億與實際發展經濟")
    + ["\U0001F600", "\u0301", "\x00", "\ud7ff", "𠀀"]
)
TEXTS = st.text(ALPHABET, max_size=400) | st.sampled_from([ARTICLE_A, ARTICLE_B, ARTICLE_TRAD]).flatmap(
    lambda a: st.integers(0, len(a)).flatmap(lambda i: st.text(ALPHABET, max_size=60).map(lambda t: a[:i] + t + a[i:])))


def _inside(spans, n):
    for s in spans:
        assert 0 <= s.start < s.end <= n


def _ordered(spans):
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start


@SETTINGS
@given(TEXTS)
def test_view_properties(text):
    norm = normalize(text)
    assert len(norm) == len(text)
    body, title, footer = find_body(text)
    _inside(body, len(text))
    _ordered(body)
    assert 0 <= footer <= len(text)
    if title is not None:
        _inside([title], len(text))
    v = TextView(text, body)
    _inside(v.sentences, len(text))
    _ordered(v.sentences)
    for i, s in enumerate(v.sentences):
        assert v.in_body(s.start, s.end)
        assert s.end - s.start <= MAX_SENTENCE
        assert v.sentence_index(s.start) == i
        clauses = v.clauses(i)
        _ordered(clauses)
        assert all(s.start <= c.start < c.end <= s.end for c in clauses)
    _inside(v.paragraphs(), len(text))


@SETTINGS
@given(st.binary(max_size=600) | TEXTS.flatmap(
    lambda t: st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"]).map(lambda e: t.encode(e, "ignore"))))
def test_decode_never_raises_anything_else(data):
    try:
        got = decode(data)
    except DecodeFailure as f:
        assert f.code in ("E003", "E004", "E005")
    else:
        assert isinstance(got.text, str) and 0 <= got.dropped <= 3


@SETTINGS
@given(st.lists(TEXTS | st.text(max_size=80), max_size=6))
def test_jsonl_reader_never_raises(lines):
    items = list(read_jsonl_text("\n".join(lines), "x.jsonl", "x"))
    for it in items:
        assert getattr(it, "code", None) in (None, "E006", "E007", "E008")


def test_sentences_are_capped_without_splitting_figures():
    run = "销量1,234,567辆，同比增长12.5%，" * 400  # one "sentence" of 9,200 characters
    spans = split_sentences(run)
    assert len(spans) > 1 and all(s.end - s.start <= MAX_SENTENCE for s in spans)
    assert "".join(run[s.start:s.end] for s in spans) == run  # nothing lost (no spaces to trim)
    for s in spans:
        assert run[s.end - 1] == "，"  # cut after a clause mark, never inside 1,234,567
    # a run without any mark is still cut, and never inside a digit run when it can avoid it
    digits = ("2026年1月交付32059辆" * 200)
    spans = split_sentences(digits)
    assert all(s.end - s.start <= MAX_SENTENCE for s in spans)
    assert "".join(digits[s.start:s.end] for s in spans) == digits
    # ordinary sentences end at their marks
    ends = [ARTICLE_B[s.end - 1] for s in split_sentences(ARTICLE_B)]
    assert ends == ["据"] + ["。"] * 3


def test_clauses_keep_thousands_separators_and_clock_times():
    norm = normalize("销量1,234,567辆，同比增长12.5%：时间10:21；分别为5，3和2，合计10")
    got = [norm[c.start:c.end] for c in split_clauses(norm, 0, len(norm))]
    assert got == ["销量1,234,567辆,", "同比增长12.5%:", "时间10:21;", "分别为5,", "3和2,", "合计10"]
    assert split_clauses(norm, 0, 12) == [Span(0, 12)]
