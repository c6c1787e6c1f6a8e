"""The normalized view keeps lengths; sentences and clauses keep exact offsets."""
from hypothesis import given
from hypothesis import strategies as st

from zhclaims.text import TextView, normalize
from zhclaims.text.segment import get_segmenter
from zhclaims.text.sentences import split_clauses, split_sentences


def test_fullwidth_and_traditional_same_length():
    text = "２０１２年，蘋果營收增長３．５％，約４０００億歐元"
    norm = normalize(text)
    assert len(norm) == len(text)
    assert norm == "2012年,苹果营收增长3.5%,约4000亿欧元"


@given(st.text())
def test_normalize_never_changes_length(text):
    assert len(normalize(text)) == len(text)


def test_sentences_and_clauses():
    text = "零跑汽车全年交付59.66万辆，同比增长超100%。“目标105万台！”他说\n第二段"
    sents = split_sentences(text)
    surf = [text[s.start:s.end] for s in sents]
    assert surf == ["零跑汽车全年交付59.66万辆，同比增长超100%。", "“目标105万台！”", "他说", "第二段"]
    cl = split_clauses(text, sents[0].start, sents[0].end)
    assert [text[c.start:c.end] for c in cl] == ["零跑汽车全年交付59.66万辆，", "同比增长超100%。"]


def test_view_sentence_lookup_and_tokens():
    text = "零跑汽车交付32059辆。同比增长27%。"
    v = TextView(text)
    assert v.sentence_at(3).start == 0 and v.sentence_at(13).start == 13
    toks = v.tokens(0, 13)
    assert "".join(text[s:e] for s, e in toks) == text[:13]
    assert (0, 4) in toks  # 零跑汽车 stays whole (user dictionary)


def test_spacy_tokenizer_exact_text():
    from zhclaims.spacy_components import make_nlp

    nlp = make_nlp(clean=False)
    text = "零跑汽车  2026年1月，全系交付３２０５９辆\n\n新车。"
    doc = nlp(text)
    assert doc.text == text
    assert "零跑汽车" in [t.text for t in doc]


def test_segmenter_words():
    assert "零跑汽车" in get_segmenter().cut("零跑汽车创始人朱江明")


@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from("０１Ａｚ，：（）\u3000\u2212\ufe6a\u00a0\u2030\r\n"))))
def test_halfwidth_is_the_character_map(text):
    from zhclaims.text.normalize import _FULLWIDTH, to_halfwidth

    expected = text.translate(_FULLWIDTH)
    expected = "".join("\n" if ch == "\r" and expected[i + 1:i + 2] != "\n" else ch for i, ch in enumerate(expected))
    assert to_halfwidth(text) == expected


def test_lone_surrogates_kept_and_the_rest_converted():
    # broken input can hold lone surrogates, which OpenCC (UTF-8) cannot read
    from zhclaims.text.normalize import normalize

    text = "國\ud800家銀行\udfff零"
    out = normalize(text)
    assert out == "国\ud800家银行\udfff零"
    assert len(out) == len(text)
    assert normalize("零\ud800") == "零\ud800"
