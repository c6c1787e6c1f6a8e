"""Formats: plain text, HTML (trafilatura), JSON Lines (one article a row)."""
from __future__ import annotations

from collections.abc import Iterator

import orjson
import regex

from ..errors import InputError, InputWarning
from ..model import Article
from .published import parse_published

# JSON Lines field names, first found wins (the issue's names first, then common dumps' names)
ID_KEYS = ("id", "docno", "doc_id", "key")
TEXT_KEYS = ("text", "content", "body")
TITLE_KEYS = ("title",)
PUBLISHED_KEYS = ("published", "date", "datetime", "pub_date", "date_from_url")
SOURCE_KEYS = ("source", "site", "sitename")
URL_KEYS = ("url", "link")


def _first(row: dict, keys: tuple[str, ...]):
    for k in keys:
        v = row.get(k)
        if v not in (None, ""):
            return v
    return None


def _meta_published(value) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    iso = parse_published(str(value))
    return (iso, "metadata") if iso else (None, None)


def article_from_row(row, origin: str, line: int, fallback_id: str) -> Article | InputError:
    if not isinstance(row, dict):
        return InputError.make(origin, "E008", line)
    text = _first(row, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return InputError.make(origin, "E007", line)
    rid = _first(row, ID_KEYS)
    published, pfrom = _meta_published(_first(row, PUBLISHED_KEYS))
    title = _first(row, TITLE_KEYS)
    source = _first(row, SOURCE_KEYS)
    url = _first(row, URL_KEYS)
    return Article(
        id=str(rid) if rid is not None else fallback_id,
        text=text,
        title=str(title) if title is not None else None,
        published=published,
        published_from=pfrom,
        source=str(source) if source is not None else None,
        url=str(url) if url is not None else None,
        origin=f"{origin}:{line}",
    )


_ROW_END = regex.compile(r"\r\n|\r|\n")


def _with_lone_surrogates(raw: str):
    """A row whose strings hold escaped lone surrogates ("\\ud83d" without its pair: an emoji cut
    by a scraper) that orjson refuses: read it with the json module and put U+FFFD, one character
    for one, in their place. Returns (row or None, how many were replaced)."""
    import json

    try:
        row = json.loads(raw)
    except ValueError:
        return None, 0
    count = 0

    def fix(x):
        nonlocal count
        if isinstance(x, str):
            if _SURROGATE.search(x):
                x, k = _SURROGATE.subn("\ufffd", x)
                count += k
            return x
        if isinstance(x, dict):
            return {fix(k): fix(v) for k, v in x.items()}
        if isinstance(x, list):
            return [fix(v) for v in x]
        return x

    return fix(row), count


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def read_jsonl_text(text: str, origin: str, stem: str, encoding: str | None = None, *,
                    first_line: int = 1, final: bool = True) -> Iterator[Article | InputError]:
    """Rows of JSON Lines ``text``. A piece of a longer file (read in blocks, ``read.stream``)
    gives the number of its first line and says whether it ends the file (``final``)."""
    # Rows end at "\r\n", "\r" or "\n" (JSON strings cannot hold them raw), and only there:
    # str.splitlines() would also break rows at U+2028, U+2029 and U+0085, which JSON strings may
    # hold unescaped (orjson writes them so).
    lines = _ROW_END.split(text)
    # the last row, when no "\n" ends the file
    last = len(lines) + first_line - 1 if final and lines[-1].strip() else 0
    for n, raw in enumerate(lines, start=first_line):
        if not raw.strip():
            continue
        repaired = 0
        try:
            row = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            reason = str(exc).split(":")[0]
            row, repaired = _with_lone_surrogates(raw) if "surrogate" in reason else (None, 0)
            if row is None:
                if n == last and reason == "unexpected end of data":
                    reason = f"cut short: the file ends inside this row ({reason})"
                yield InputError.make(origin, "E006", n, detail=reason)
                continue
        item = article_from_row(row, origin, n, f"{stem}:{n}")
        if repaired and isinstance(item, Article):
            yield InputWarning.make(origin, "W002", n, detail=repaired)
        if isinstance(item, Article):
            item.encoding = encoding
        yield item


def read_html_text(html: str, origin: str, stem: str, encoding: str | None = None) -> Article | InputError:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M:%S", "original_date": True, "extensive_search": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return InputError.make(origin, "E009")
    published, pfrom = _meta_published(getattr(doc, "date", None))
    return Article(
        id=stem,
        text=text,
        title=getattr(doc, "title", None) or None,
        published=published,
        published_from=pfrom,
        source=getattr(doc, "sitename", None) or None,
        url=getattr(doc, "url", None) or None,
        origin=origin,
        encoding=encoding,
    )
