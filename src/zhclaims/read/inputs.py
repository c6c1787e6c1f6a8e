"""From paths (files, directories, ``-`` for JSON Lines on stdin) to articles or named errors.

Every input ends as an ``Article`` or an ``InputError``; nothing raises, nothing is dropped
silently: files a directory holds in other formats are listed as skipped in the run summary.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article
from .decode import DecodeFailure, decode_bytes
from .formats import read_html_text, read_jsonl_text

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_CHARS = 2_000_000


class Skipped(str):
    """A path a directory walk passed over (not an article format); reported, not an error."""


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path | str | InputError | Skipped]:
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if not sub.is_file():
                    continue
                rel = sub.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    yield Skipped(f"{sub} (hidden)")
                elif sub.suffix.lower() in SUPPORTED:
                    yield sub
                else:
                    yield Skipped(f"{sub} (not an article format)")
        elif path.is_file():
            yield path
        elif not path.exists():
            yield InputError.make(str(p), "E001")
        else:
            yield InputError.make(str(p), "E002", detail="not a regular file")


def _limit(item, max_chars: int):
    if isinstance(item, Article) and max_chars and len(item.text) > max_chars:
        return InputError.make(item.origin or item.id, "E010", size=len(item.text), limit=max_chars)
    return item


def read_file(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | InputError]:
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield InputError.make(origin, "E011", detail=suffix or path.name)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError.make(origin, "E002", detail=exc.strerror or str(exc))
        return
    try:
        text, encoding = decode_bytes(data)
    except DecodeFailure as f:
        yield InputError.make(origin, f.code, detail=f.detail)
        return
    if suffix in JSONL_SUFFIXES:
        for item in read_jsonl_text(text, origin, path.stem, encoding):
            yield _limit(item, max_chars)
        return
    if not text.strip():
        yield InputError.make(origin, "E003")
        return
    if suffix in HTML_SUFFIXES:
        yield _limit(read_html_text(text, origin, path.stem, encoding), max_chars)
        return
    yield _limit(Article(id=path.stem, text=text, origin=origin, encoding=encoding), max_chars)


def read_stdin(stream=None, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | InputError]:
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        data = stream.read()
    except (OSError, ValueError) as exc:
        yield InputError.make("<stdin>", "E012", detail=str(exc))
        return
    if isinstance(data, str):
        text, encoding = data, None
    else:
        try:
            text, encoding = decode_bytes(data)
        except DecodeFailure as f:
            yield InputError.make("<stdin>", f.code, detail=f.detail)
            return
    for item in read_jsonl_text(text, "<stdin>", "stdin", encoding):
        yield _limit(item, max_chars)


def read(paths: Iterable[str | os.PathLike], stdin=None, max_chars: int = DEFAULT_MAX_CHARS,
         skipped: list | None = None) -> Iterator[Article | InputError]:
    """Articles and ``InputError``s from paths, in order. Paths a directory walk passes over are
    appended to ``skipped`` when given."""
    for p in iter_paths(paths):
        if isinstance(p, InputError):
            yield p
        elif isinstance(p, Skipped):
            if skipped is not None:
                skipped.append(str(p))
        elif p == "-":
            yield from read_stdin(stdin, max_chars)
        else:
            yield from read_file(p, max_chars)
