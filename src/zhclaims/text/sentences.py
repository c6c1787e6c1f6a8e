"""Sentence and clause splitting on Chinese punctuation and line breaks, with exact offsets."""
from __future__ import annotations

import regex

from ..model import Span

# A sentence ends at 。！？!?； or an ellipsis, with any closing quotes/brackets kept with it,
# or at a line break. Linear: one character class, possessive repeats.
_SENT_END = regex.compile(r"(?:[。！？!?；;]++|…++|\.{3,}+)[”’」』）)\]】》\"']*+|\n++")
_CLAUSE_END = regex.compile(r"[，,：:；;]++")
_SPACE = " \t\r\n\u3000\xa0"


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return Span(start, end) if end > start else None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentences of ``text[start:end]`` as spans into ``text`` (whitespace trimmed)."""
    end = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        s = _trimmed(text, pos, m.end())
        if s:
            out.append(s)
        pos = m.end()
    s = _trimmed(text, pos, end)
    if s:
        out.append(s)
    return out


def split_clauses(text: str, start: int, end: int) -> list[Span]:
    """Clauses of one sentence: split on ，,：:；; (the delimiter stays with the clause before)."""
    out: list[Span] = []
    pos = start
    for m in _CLAUSE_END.finditer(text, start, end):
        s = _trimmed(text, pos, m.end())
        if s:
            out.append(s)
        pos = m.end()
    s = _trimmed(text, pos, end)
    if s:
        out.append(s)
    return out
