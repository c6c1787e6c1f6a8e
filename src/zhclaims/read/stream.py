"""JSON Lines in blocks: large files and standard input are read a block at a time, so memory
holds one block (plus the longest row), never the whole corpus, and ``--jobs`` workers start on
the first rows while the rest is still being read.

Small inputs (under ``STREAM_MIN`` bytes) are read whole, exactly as before. A large input is
streamed when its first block decodes as UTF-8 (the reader's own detection decides,
``decode.decode``); other encodings (GB18030, UTF-16 ...) are read whole, since a block of them
cannot be cut safely at a byte. Blocks end after a line break: in UTF-8 a line-break byte is
never part of another character, and a "\\r\\n" pair is never split (the cut is after "\\n").
"""
from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError, InputWarning
from .decode import DecodeFailure, decode
from .formats import read_jsonl_text

STREAM_MIN = 16 << 20  # bytes: inputs smaller than this are read whole
BLOCK = 8 << 20  # bytes read at a time when streaming


def _line_ends(b: bytes) -> int:
    # rows end at "\r\n", "\r" or "\n", as formats.read_jsonl_text splits them
    return b.count(b"\n") + b.count(b"\r") - b.count(b"\r\n")


def _cut(buf: bytes) -> int:
    """Where the last whole line of ``buf`` ends (after its "\\n"), or 0 when it has none.
    A lone "\\r" at the very end is not a cut point: a "\\n" may follow in the next block."""
    return buf.rfind(b"\n") + 1


def is_streamable(head: bytes) -> str | None:
    """The encoding to stream with (from the reader's detection on the first block), or None."""
    cut = _cut(head)
    if cut == 0:
        return None
    try:
        got = decode(head[:cut])
    except DecodeFailure:
        return None
    return got.encoding if got.encoding in ("utf-8", "utf-8 with BOM") else None


def stream_jsonl(read, head: bytes, origin: str, stem: str, encoding: str,
                 block: int | None = None, first_line: int = 1) -> Iterator:
    """Items (``Article``/``InputError``/``InputWarning``) of a UTF-8 JSON Lines stream whose first
    bytes are ``head``; ``read(n)`` gives the next bytes (b"" at the end). ``first_line``: the
    line number of ``head``'s first line (a byte range of a file, as ``zhclaims.dask`` reads)."""
    block = block or BLOCK
    buf = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    line = first_line
    eof = False
    while True:
        cut = _cut(buf)
        if not eof and cut == 0:  # no whole line yet (a row longer than a block): read on
            more = read(block)
            eof = not more
            buf += more
            continue
        if eof:
            piece, buf = buf, b""
        else:
            piece, buf = buf[:cut], buf[cut:]
        if piece:
            yield from _piece(piece, origin, stem, encoding, line, final=eof)
            line += _line_ends(piece)
        if eof:
            return
        more = read(block)
        eof = not more
        buf += more


def _piece(piece: bytes, origin: str, stem: str, encoding: str, line: int, final: bool) -> Iterator:
    try:
        text = piece.decode("utf-8")
    except UnicodeDecodeError:
        # a piece that is not UTF-8 after all, or (at the end) a file cut inside a character:
        # the reader's detection decides, as it does for a whole file
        try:
            text, _enc, dropped = decode(piece)
        except DecodeFailure as f:
            last = line + _line_ends(piece)
            yield InputError.make(origin, f.code, line, detail=f"{f.detail} (lines {line}-{last})")
            return
        if dropped:
            yield InputWarning.make(origin, "W001", detail=dropped)
    yield from read_jsonl_text(text, origin, stem, encoding, first_line=line, final=final)
