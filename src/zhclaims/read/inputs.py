"""From paths (files, directories, ``-`` for JSON Lines on stdin) to articles or named errors.

Every input ends as an ``Article`` or an ``InputError``; nothing raises, nothing is dropped
silently: files a directory holds in other formats are listed as skipped in the run summary.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError, InputWarning
from ..model import Article
from .decode import DecodeFailure, decode
from .formats import read_html_text, read_jsonl_text
from .stream import STREAM_MIN, is_streamable, stream_jsonl

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_CHARS = 2_000_000


class Skipped(str):
    """A path a directory walk passed over (not an article format); reported, not an error."""


def _name(s: str) -> str:
    """A path or stem as printable text: bytes a file name holds that are not UTF-8 (kept by
    Python as lone surrogates, which no JSON writer or terminal accepts) become U+FFFD."""
    return s.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def iter_paths(paths: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = ()) -> Iterator[Path | str | InputError | Skipped]:
    """Files to read, in order; ``exclude``: files a directory walk passes over (a run's own output)."""
    exclude = {os.path.realpath(x) for x in exclude}
    for p in paths:
        if str(p) == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if sub.is_dir():
                    continue
                rel = sub.relative_to(path)
                if not sub.is_file():
                    yield Skipped(f"{_name(str(sub))} (not a regular file, or a broken link)")
                elif exclude and os.path.realpath(sub) in exclude:
                    yield Skipped(f"{_name(str(sub))} (the output of this run)")
                elif sub.name.startswith(".zhclaims-"):  # a temporary output being written: not an input
                    continue
                elif any(part.startswith(".") for part in rel.parts):
                    yield Skipped(f"{_name(str(sub))} (hidden)")
                elif sub.suffix.lower() in SUPPORTED:
                    yield sub
                else:
                    yield Skipped(f"{_name(str(sub))} (not an article format)")
        elif path.is_file():
            yield path
        elif not path.exists():
            yield InputError.make(_name(str(p)), "E001")
        else:
            yield InputError.make(_name(str(p)), "E002", detail="not a regular file")


def _limit(item, max_chars: int):
    if isinstance(item, Article) and max_chars and len(item.text) > max_chars:
        return InputError.make(item.origin or item.id, "E010", size=len(item.text), limit=max_chars)
    return item


def read_file(path: Path, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | InputError | InputWarning]:
    """Articles (one for .txt/.html, one a row for .jsonl) and named errors from one file.
    Nothing raises: an unexpected failure of a parser is reported as E014 for this file."""
    origin = _name(str(path))
    done = 0
    try:
        for item in _read_file(path, origin, max_chars):
            done += 1
            yield item
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the run
        yield InputError.make(origin, "E014", detail=f"{type(exc).__name__}: {exc}" + (f" (after {done} items)" if done else ""))


def _too_big_on_disk(path: Path, max_chars: int) -> int | None:
    """The file's size when no encoding could bring it under ``max_chars`` characters (four bytes
    a character is the most any encoding takes), so a huge file is refused without reading it."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return size if max_chars and size > 4 * max_chars + 4 else None


def _read_file(path: Path, origin: str, max_chars: int):
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield InputError.make(origin, "E011", detail=suffix or path.name)
        return
    if suffix not in JSONL_SUFFIXES:  # a JSON Lines dump holds many articles: its rows are limited
        size = _too_big_on_disk(path, max_chars)
        if size is not None:
            yield InputError.make(origin, "E010", size=f"at least {size // 4}", limit=max_chars)
            return
    stem = _name(path.stem)
    try:
        if suffix in JSONL_SUFFIXES:  # a large dump is read in blocks (read.stream)
            with open(path, "rb") as fh:
                data = fh.read(STREAM_MIN)
                encoding = is_streamable(data) if len(data) == STREAM_MIN else None
                if encoding:
                    for item in stream_jsonl(fh.read, data, origin, stem, encoding):
                        yield _limit(item, max_chars)
                    return
                data += fh.read()
        else:
            data = path.read_bytes()
    except OSError as exc:
        yield InputError.make(origin, "E002", detail=exc.strerror or str(exc))
        return
    try:
        text, encoding, dropped = decode(data)
    except DecodeFailure as f:
        yield InputError.make(origin, f.code, detail=f.detail)
        return
    del data
    if dropped:
        yield InputWarning.make(origin, "W001", detail=dropped)
    if suffix in JSONL_SUFFIXES:
        for item in read_jsonl_text(text, origin, stem, encoding):
            yield _limit(item, max_chars)
        return
    if not text.strip():
        yield InputError.make(origin, "E003")
        return
    if suffix in HTML_SUFFIXES:
        yield _limit(read_html_text(text, origin, stem, encoding), max_chars)
        return
    yield _limit(Article(id=stem, text=text, origin=origin, encoding=encoding), max_chars)


def read_stdin(stream=None, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Article | InputError | InputWarning]:
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        data = stream.read(STREAM_MIN)
        encoding = is_streamable(data) if isinstance(data, bytes) and len(data) == STREAM_MIN else None
        if not encoding:
            data += stream.read()
    except (OSError, ValueError) as exc:
        yield InputError.make("<stdin>", "E012", detail=str(exc))
        return
    if encoding:  # a large stream: rows go on while the rest is still coming
        try:
            for item in stream_jsonl(stream.read, data, "<stdin>", "stdin", encoding):
                yield _limit(item, max_chars)
        except Exception as exc:  # noqa: BLE001 - a parser bug or a read error must not stop the run
            yield InputError.make("<stdin>", "E014", detail=f"{type(exc).__name__}: {exc}")
        return
    if isinstance(data, str):
        text, encoding = data, None
    else:
        try:
            text, encoding, dropped = decode(data)
        except DecodeFailure as f:
            yield InputError.make("<stdin>", f.code, detail=f.detail)
            return
        if dropped:
            yield InputWarning.make("<stdin>", "W001", detail=dropped)
    try:
        for item in read_jsonl_text(text, "<stdin>", "stdin", encoding):
            yield _limit(item, max_chars)
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the run
        yield InputError.make("<stdin>", "E014", detail=f"{type(exc).__name__}: {exc}")


def read(paths: Iterable[str | os.PathLike], stdin=None, max_chars: int = DEFAULT_MAX_CHARS,
         skipped: list | None = None, exclude: Iterable[str | os.PathLike] = ()) -> Iterator[Article | InputError | InputWarning]:
    """Articles and ``InputError``s from paths, in order. Paths a directory walk passes over are
    appended to ``skipped`` when given. An ``InputWarning`` (an input repaired while reading, e.g.
    a file cut mid-character) comes just before the article it concerns."""
    for p in iter_paths(paths, exclude):
        if isinstance(p, InputError):
            yield p
        elif isinstance(p, Skipped):
            if skipped is not None:
                skipped.append(str(p))
        elif p == "-":
            yield from read_stdin(stdin, max_chars)
        else:
            yield from read_file(p, max_chars)
