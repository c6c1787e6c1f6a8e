"""``TextView``: what the extraction stages read.

It holds the original text, its same-length normalized form (``norm``), the body spans, and
sentences inside the body. Stages search ``norm`` and report offsets, which index ``text`` too.
Segmentation is lazy and cached per span, so stages segment only where they have candidates.
"""
from __future__ import annotations

from bisect import bisect_right

from ..model import Span
from .normalize import normalize
from .sentences import split_clauses, split_sentences


class TextView:
    __slots__ = ("text", "norm", "body", "sentences", "_starts", "_tokens", "_blocks", "_clauses")

    def __init__(self, text: str, body: list[Span] | None = None, simplify: bool = True,
                 norm: str | None = None) -> None:
        self.text = text
        # ``norm``: normalize(text, simplify) when the caller computed it already (the cleaner's)
        self.norm = normalize(text, simplify=simplify) if norm is None else norm
        assert len(self.norm) == len(text)
        self.body = body if body is not None else ([Span(0, len(text))] if text else [])
        sents: list[Span] = []
        for b in self.body:
            sents.extend(split_sentences(self.norm, b.start, b.end))
        self.sentences = sents
        self._starts = [s.start for s in sents]
        self._tokens: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._blocks: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._clauses: dict[int, list[Span]] = {}

    def sentence_index(self, pos: int) -> int | None:
        """Index of the sentence holding offset ``pos``, or None outside the body."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return i
        return None

    def sentence_at(self, pos: int) -> Span | None:
        i = self.sentence_index(pos)
        return None if i is None else self.sentences[i]

    def clauses(self, sentence_index: int) -> list[Span]:
        got = self._clauses.get(sentence_index)
        if got is None:
            s = self.sentences[sentence_index]
            got = self._clauses[sentence_index] = split_clauses(self.norm, s.start, s.end)
        return got

    def tokens(self, start: int, end: int) -> list[tuple[int, int]]:
        """jieba token spans of ``norm[start:end]`` (cached): exactly what jieba gives for that
        text, segmented block by block (``segment.pieces``) with each block segmented once."""
        key = (start, end)
        got = self._tokens.get(key)
        if got is None:
            from .segment import get_segmenter, pieces

            seg = get_segmenter()
            got = []
            for word, s, e in pieces(self.norm, start, end):
                if not word:
                    got.append((s, e))
                    continue
                blk = self._blocks.get((s, e))
                if blk is None:
                    blk = self._blocks[(s, e)] = seg.block_spans(self.norm, s, e)
                got.extend(blk)
            self._tokens[key] = got
        return got

    def tokens_around(self, start: int, end: int) -> list[tuple[int, int]]:
        """jieba token spans around ``norm[start:end]``: the tokens of the word blocks that hold it,
        inside its sentence. They are the very tokens ``tokens(sentence)`` has there (jieba
        segments each block alone), at the cost of a clause or so instead of the whole sentence:
        what a stage needs to ask whether a span starts or ends on a word boundary."""
        from .segment import is_word_char, word_run_after, word_run_before

        norm = self.norm
        i = self.sentence_index(start)
        lo, hi = (self.sentences[i].start, self.sentences[i].end) if i is not None else (0, len(norm))
        a = max(lo, min(start, hi))
        if a < hi and is_word_char(norm[a]):  # inside a word block: back to its start
            a = word_run_before(norm, lo, a)
        elif a > lo and norm[a] == "\n" and norm[a - 1] == "\r":
            a -= 1
        b = min(hi, max(end, a))
        if b > a and is_word_char(norm[b - 1]):  # inside a word block: on to its end
            b = word_run_after(norm, b, hi)
            if is_word_char(norm[a]) and word_run_after(norm, a, b) == b:
                # one word block from a to b (the common case: a name, a suffix): its tokens
                # are the block's, without ``pieces`` (what ``tokens(a, b)`` would answer)
                got = self._blocks.get((a, b))
                if got is None:
                    from .segment import get_segmenter

                    got = self._blocks[(a, b)] = get_segmenter().block_spans(norm, a, b)
                return got
        elif b > a and b < hi and norm[b - 1] == "\r" and norm[b] == "\n":
            b += 1
        return self.tokens(a, b)

    def in_body(self, start: int, end: int) -> bool:
        return any(b.start <= start and end <= b.end for b in self.body)

    def paragraphs(self) -> list[Span]:
        """Body lines (paragraphs), as spans."""
        out = []
        for b in self.body:
            pos = b.start
            # lines of the normalized view: a lone "\r" is a line break there (see normalize)
            for line in self.norm[b.start:b.end].split("\n"):
                s, e = pos, pos + len(line)
                pos = e + 1
                while s < e and self.norm[s] in " \t\r":
                    s += 1
                while e > s and self.norm[e - 1] in " \t\r":
                    e -= 1
                if e > s:
                    out.append(Span(s, e))
        return out
