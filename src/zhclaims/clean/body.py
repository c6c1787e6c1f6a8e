"""Finding the article body and the metadata written in the text.

The rules (``clean/data/boilerplate.yaml``) drop navigation and widgets before the body, cut
footers (disclaimers, related and hot-news lists), and read the publication time and source where
the page shows them. The kept lines become ``Article.body`` spans; later stages look only there.
"""
from __future__ import annotations

import regex

from ..model import Article, Span
from ..read.published import parse_published
from ..text.normalize import normalize
from .rules import rules

_CONTENT_MIN = 20  # a line this long with sentence punctuation starts the body
_SENT_PUNCT = regex.compile(r"[。！？!?，,；;]")
_TITLE_END = regex.compile(r"[。！？!?;；…”」』]$")
_FULL_DATE = regex.compile(r"(?<!\d)(\d{4})(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2})(?!\d))")


def _lines(text: str):
    """(start, end, stripped_line) for each line; start/end index the stripped part."""
    pos = 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        while s < e and text[s] in " \t\r\u3000\ufeff\xa0":
            s += 1
        while e > s and text[e - 1] in " \t\r\u3000\xa0":
            e -= 1
        yield s, e


def _is_content(line: str) -> bool:
    return len(line) >= _CONTENT_MIN and bool(_SENT_PUNCT.search(line))


def find_body(text: str, norm: str | None = None) -> tuple[list[Span], Span | None, int]:
    """Body spans, the title line (or None) and where the footer starts (len(text) if none).
    ``norm`` is ``normalize(text)`` when the caller has it already."""
    r = rules()
    if norm is None:
        norm = normalize(text)  # half-width and simplified: the rules are written so
    kept: list[tuple[int, int]] = []
    title: Span | None = None
    in_header = True
    footer = len(text)
    for s, e in _lines(norm):
        if s == e:
            continue
        line = norm[s:e]
        if any(p.search(line) for p in r.footer_any):
            footer = s
            break
        if any(p.search(line) for p in r.drop_any):
            continue
        if in_header:
            if any(p.search(line) for p in r.header_any):
                continue
            if _is_content(line):
                in_header = False
            elif title is None and not kept and len(line) <= 64 and not _TITLE_END.search(line):
                title = Span(s, e)
        kept.append((s, e))
    # merge kept lines separated only by blank lines into one span
    spans: list[Span] = []
    for s, e in kept:
        if spans and not norm[spans[-1].end:s].strip():
            spans[-1].end = e
        else:
            spans.append(Span(s, e))
    return spans, title, footer


def _meta_from_text(norm: str, zones: list[tuple[int, int]], text: str | None = None) -> tuple[str | None, str | None]:
    """Publication time and source the header or footer shows; the source as written in ``text``
    (the rules match ``norm``, which is simplified: a traditional page keeps its own name)."""
    text = norm if text is None else text
    published = source = None
    for pat in rules().meta:
        for zs, ze in zones:
            m = pat.search(norm, zs, ze)
            if not m:
                continue
            gd = m.groupdict()
            if published is None and gd.get("published"):
                published = parse_published(gd["published"])
            if source is None and gd.get("source"):
                source = text[m.start("source"):m.end("source")].strip()
        if published and source:
            break
    return published, source


def infer_published(norm: str, body: list[Span]) -> str | None:
    """The latest full date (year, month, day) the body mentions, as midnight of that day."""
    best = None
    for b in body:
        for m in _FULL_DATE.finditer(norm, b.start, b.end):
            y, mo, d = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
            iso = parse_published(f"{y}-{mo}-{d}")
            if iso and (best is None or iso > best):
                best = iso
    return best


def clean(article: Article, published_option: str | None = None, norm: str | None = None) -> Article:
    """Set body, and title/published/source where the input did not give them. ``norm`` is
    ``normalize(article.text)`` when the caller has it already (the pipeline's view)."""
    text = article.text
    if norm is None:
        norm = normalize(text)  # half-width and simplified: the rules are written so
    body, title_span, footer = find_body(text, norm)
    article.body = body
    if article.title is None and title_span is not None:
        article.title = text[title_span.start:title_span.end]
    header_end = body[0].start if body else min(len(text), 2000)
    # the header zone runs to the first content line; the author card may stand in the footer
    first_content = next((b.start for b in body if _is_content(norm[b.start:b.end].split("\n")[0])), header_end)
    zones = [(0, min(first_content + 200, len(text))), (footer, len(text))]
    if article.published is None or article.source is None:
        pub, src = _meta_from_text(norm, zones, text)
        if article.published is None and pub:
            article.published, article.published_from = pub, "text"
        if article.source is None and src:
            article.source = src
    if article.published is None and published_option:
        article.published, article.published_from = published_option, "option"
    if article.published is None:
        inferred = infer_published(norm, body)
        if inferred:
            article.published, article.published_from = inferred, "inferred"
    return article
