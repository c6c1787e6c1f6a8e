"""TextView.tokens segments block by block: exactly jieba's tokens, each block segmented once;
tokens_around gives the sentence's own tokens around a span."""
from hypothesis import given, settings
from hypothesis import strategies as st

from zhclaims.text.segment import get_segmenter
from zhclaims.text.view import TextView

PIECES = ["北京市", "统计局", "发布", "数据", "，", "。", "GDP", "增长", "6.1%", " ", "\r\n", "\n", "...", "“", "零跑汽车",
          "在", "马来西亚", "建厂", "C11", "-", "a", "：", "1.5万辆", "\t", "！", "中国人民银行", "说"]


def whole(view, s, e):
    return get_segmenter().spans(view.norm, s, e)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), st.data())
def test_tokens_are_jiebas_tokens_of_the_span(parts, data):
    text = "".join(parts)
    view = TextView(text)
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    assert view.tokens(s, e) == whole(view, s, e)
    for sent in view.sentences:  # sentence requests share the cached blocks, same answer
        assert view.tokens(sent.start, sent.end) == whole(view, sent.start, sent.end)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30), st.data())
def test_tokens_around_are_the_sentences_tokens_there(parts, data):
    text = "".join(parts)
    view = TextView(text)
    if not view.sentences:
        return
    sent = data.draw(st.sampled_from(view.sentences))
    s = data.draw(st.integers(sent.start, sent.end - 1))
    e = data.draw(st.integers(s + 1, sent.end))
    around = view.tokens_around(s, e)
    full = whole(view, sent.start, sent.end)
    assert around, (text, s, e)
    assert around[0][0] <= s and around[-1][1] >= e  # covers the span
    # a contiguous run of the sentence's own tokens
    i = full.index(around[0])
    assert full[i:i + len(around)] == around


def test_blocks_are_segmented_once():
    view = TextView("北京市统计局发布数据，零跑汽车在马来西亚建厂。")
    calls = []
    seg = get_segmenter()
    orig = seg.block_spans

    def counted(text, s, e):
        calls.append((s, e))
        return orig(text, s, e)

    seg.block_spans = counted
    try:
        view.tokens_around(12, 14)
        view.tokens(0, len(view.text))
        view.tokens_around(2, 5)
    finally:
        del seg.block_spans
    assert calls == [(11, 22), (0, 10)]


# characters that make jieba's HMM, its prefix entries (frequency 0) and its ties matter
CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经" \
        "朱江明徐军零跑汽车马来西亚宁德时代鑫垚犇骉AZaz09.%-+#&_"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=CHARS, min_size=1, max_size=40))
def test_block_spans_are_jiebas_spans(text):
    from zhclaims.text.segment import pieces

    seg = get_segmenter()
    for word, s, e in pieces(text, 0, len(text)):
        if word:
            assert seg.block_spans(text, s, e) == seg.spans(text, s, e)


def test_block_spans_on_news():
    seg = get_segmenter()
    text = ("国务院总理李克强22日在作政府工作报告时说要牢固树立绿水青山就是金山银山的理念"
            "记者杜海涛报道以习近平新时代中国特色社会主义思想为指导埃尔多安日前表示乔治佐戈普鲁斯对记者表示")
    assert seg.block_spans(text, 0, len(text)) == seg.spans(text, 0, len(text))
    assert seg.block_spans("x" + text + "y", 1, len(text) + 1) == seg.spans("x" + text + "y", 1, len(text) + 1)
