"""Property: whatever the text (markup, quotes, CJK, line breaks), the page shows it exactly, as text,
with one mark per claim around exactly its figure."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_report_render import Page

from zhclaims.model import Article, Claim, FigureRef, Finding, Quantity, Ref, Span
from zhclaims.outputs.report import render

ALPHABET = st.sampled_from(list("<>&\"'/=;:()[]{}\\ \n\r\t万亿元辆台%０１２3.5零跑汽车增长，。!?`$") + ["</mark>", "<script>", "-->", "<!--", "&amp;", "&#x3c;", "\u2028"])


@st.composite
def articles(draw):
    pieces = draw(st.lists(ALPHABET, min_size=0, max_size=80))
    text = "".join(pieces)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=12))))
    # non-overlapping figures between consecutive cut points (quantities never overlap)
    qs = []
    for s, e in zip(cuts[::2], cuts[1::2]):
        if e > s:
            qs.append(Quantity(text[s:e], s, e, 1.0, unit=None))
    body_end = draw(st.integers(0, len(text)))
    body = [Span(0, body_end), Span(body_end, len(text))] if text else []
    a = Article(id=draw(st.sampled_from(["a", "<b>", "x\"y", "&"])), text=text, body=body,
                title=draw(st.sampled_from([None, "<script>alert(1)</script>", "标题 & \"q\""])), quantities=qs)
    a.claims = [Claim(i, subject=Ref("<i>s</i>", None, None, None), metric=Ref("m\"", None, None, None))
                for i in range(len(qs))]
    return a


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_text_round_trips_and_every_claim_is_marked(a):
    fs = [Finding("arithmetic", "sum", "inconsistent", [FigureRef(a.id, 0, q.text, q.start, q.end)], 1.0, 2.0,
                  "<b>x</b>", evidence=[{"article": a.id, "start": 0, "end": len(a.text), "text": a.text}],
                  arithmetic="1 < 2 & 3 > 2") for q in a.quantities[:1]]
    html = render([a], fs)
    page = Page(html)
    assert [t for t, _ in page.elements if t == "script"] == ["script"]
    assert not any(k.startswith("on") for _, attrs in page.elements for k in attrs)
    # a figure inside the body is marked; one straddling two body parts cannot be, and the page says so
    inside = [q for q in a.quantities if any(b.start <= q.start and q.end <= b.end for b in a.body)]
    assert len(page.marks) == len(inside)
    assert ("could not be marked" in html) == (len(inside) < len(a.quantities))
    for m, q in zip(page.marks, inside):
        assert m["text"] == q.text and m["claim"]["surface"] == q.text
    # the article's text, as the parser reads it back, is the body text exactly
    seen = "".join(page.text)
    for b in a.body:
        assert a.text[b.start:b.end] in seen
