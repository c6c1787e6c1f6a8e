"""Sentence and clause splitting on Chinese punctuation and line breaks, with exact offsets."""
from __future__ import annotations

import regex

from ..model import Span

# A sentence ends at 。！？!?； or an ellipsis, with any closing quotes/brackets kept with it,
# or at a line break. Linear: one character class, possessive repeats.
_SENT_END = regex.compile(r"(?:[。！？!?；;]++|…++|\.{3,}+)[”’」』）)\]】》\"']*+|\n++")
# The view is half-width, so "，" and "：" are "," and ":" there: a comma before three digits that
# follows a digit is a thousands separator ("1,234,567"), a colon between digits is a clock time
# ("10:21"); neither ends a clause.
_CLAUSE_END = regex.compile(r"(?:[，；;：]|(?<![0-9]),|,(?![0-9]{3}(?![0-9]))|(?<![0-9]):|:(?![0-9]{2}))++")
_SPACE = " \t\r\n\u3000\xa0"

# The longest sentence kept whole. Real news sentences stay far below it (the longest of 54,000 in
# the 2020 news and Sogou samples has 596 characters); a longer "sentence" is a table, a list run
# together or junk. Cutting it bounds the work the stages do per sentence (pairing every figure
# with every cue in its sentence), which keeps them linear on any input.
MAX_SENTENCE = 1000
_CUT_AT = regex.compile(r"[，、：；;\s]|[,:](?![0-9])")  # "1,234" and "10:21" are not cut
_WORDISH = regex.compile(r"[0-9A-Za-z.,%\p{Han}]")


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
            out.extend(_capped(text, s))
        pos = m.end()
    s = _trimmed(text, pos, end)
    if s:
        out.extend(_capped(text, s))
    return out


def _capped(text: str, s: Span) -> list[Span]:
    """``s``, or pieces of it no longer than ``MAX_SENTENCE``: each cut after the last clause mark
    or space in the piece, else between two characters that do not both belong to a word or
    figure (so "12,345" is never split), else at the limit."""
    if s.end - s.start <= MAX_SENTENCE:
        return [s]
    out: list[Span] = []
    pos = s.start
    while s.end - pos > MAX_SENTENCE:
        limit = pos + MAX_SENTENCE
        cut = None
        for m in _CUT_AT.finditer(text, limit - MAX_SENTENCE // 2, limit):
            cut = m.end()
        if cut is None:
            for i in range(limit, limit - 64, -1):
                if not (_WORDISH.match(text, i - 1) and _WORDISH.match(text, i)):
                    cut = i
                    break
        if cut is None:
            cut = limit
        piece = _trimmed(text, pos, cut)
        if piece:
            out.append(piece)
        pos = cut
    piece = _trimmed(text, pos, s.end)
    if piece:
        out.append(piece)
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
