"""Bytes to text: BOMs, strict UTF-8, else charset-normalizer's detection; binary is refused.

A file cut short in the middle of a multi-byte character (a download or copy that stopped early)
is not refused: when the bytes decode once the last one to three are left out, the text is kept
and ``decode`` says how many bytes it dropped, so the run summary can name the file with a
warning instead of losing the article.
"""
from __future__ import annotations

import codecs
from typing import NamedTuple

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# magic numbers of common binary formats, to name them in the error
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive (or docx/xlsx)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"SQLite format 3", "SQLite database"),
    (b"PAR1", "Parquet file"),
)


class DecodeFailure(Exception):
    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(code, detail)
        self.code = code
        self.detail = detail



class Decoded(NamedTuple):
    text: str
    encoding: str
    dropped: int  # bytes left out at the end (a file cut in the middle of a character), else 0


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``DecodeFailure`` for empty, binary or undecodable bytes.
    (A cut last character is left out; ``decode`` also says how many bytes that was.)"""
    got = decode(data)
    return got.text, got.encoding


def decode(data: bytes) -> Decoded:
    """Decode ``data``; raise ``DecodeFailure`` for empty, binary or undecodable bytes."""
    if not data.strip():
        raise DecodeFailure("E003")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            name = enc.replace("-sig", "") + (" (BOM)" if enc != "utf-8-sig" else " with BOM")
            try:
                return Decoded(data.decode(enc), name, 0)
            except UnicodeDecodeError as exc:
                for k in _tail_cuts(data, len(bom)):
                    try:
                        return Decoded(data[:-k].decode(enc), name, k)
                    except UnicodeDecodeError:
                        continue
                raise DecodeFailure("E005", f"{enc} BOM but invalid bytes: {exc.reason}") from exc
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeFailure("E004", what)
    try:
        text, enc = _detect(data)
        return Decoded(text, enc, 0)
    except DecodeFailure as first:
        if first.code != "E005":
            raise
        for k in _tail_cuts(data, 0):
            try:
                text, enc = _detect(data[:-k])
            except DecodeFailure:
                continue
            return Decoded(text, enc, k)
        raise


def _tail_cuts(data: bytes, keep: int) -> range:
    """How many bytes at the end may be a cut character: 1 to 3, leaving ``keep`` and some text."""
    return range(1, min(3, len(data) - keep - 1) + 1)


def _detect(data: bytes) -> tuple[str, str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":  # valid UTF-8 up to a cut last character
            raise DecodeFailure("E005", "UTF-8 cut in the middle of a character") from exc
    else:
        # valid UTF-8: text, unless NUL bytes say UTF-16 (every other byte of ASCII in UTF-16 is
        # NUL); a stray NUL or two in a UTF-8 article keeps the article (the text keeps them too)
        if _few_nuls(data) and not _binaryish_text(text):
            return text, "utf-8"
    if b"\x00" in data[:4096]:  # UTF-16 without BOM
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return text, enc
        if len(data) % 2:
            raise DecodeFailure("E005", "odd number of bytes for UTF-16")
        raise DecodeFailure("E004", "NUL bytes in the data")
    import charset_normalizer  # only for text that is neither UTF-8 nor UTF-16 (~15 ms to import)

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeFailure("E004" if _binaryish(data) else "E005", "unknown binary data" if _binaryish(data) else "tried UTF-8, UTF-16, GB18030, Big5 and others")
    text = str(best)
    if _binaryish_text(text) or not _plausible(text):
        raise DecodeFailure("E004", "decodes only to unlikely characters")
    return text, best.encoding


def _few_nuls(data: bytes) -> bool:
    sample = data[:4096]
    return sample.count(0) <= len(sample) // 100


def _binaryish(data: bytes) -> bool:
    sample = data[:4096]
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return ctrl > 0.1 * len(sample)


def _binaryish_text(text: str) -> bool:
    sample = text[:4096]
    ctrl = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\x0c")
    return ctrl > 0.1 * max(1, len(sample))


def _plausible(text: str) -> bool:
    """Most characters of real news text are CJK, ASCII, CJK/full-width punctuation or space."""
    sample = text[:4096]
    if not sample:
        return False
    good = 0
    for ch in sample:
        o = ord(ch)
        if (32 <= o < 127 or ch in "\t\n\r" or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F
                or 0xFF00 <= o <= 0xFFEF or 0x2000 <= o <= 0x206F or 0x3400 <= o <= 0x4DBF):
            good += 1
    return good >= 0.85 * len(sample)
