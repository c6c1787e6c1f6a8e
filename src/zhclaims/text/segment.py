"""Word segmentation: jieba with the project's user dictionary, and the spaCy ``zh`` tokenizer
built on it.

One ``jieba.Tokenizer`` instance (not jieba's global one) carries the user dictionary
(``text/data/userdict.txt`` plus what other stages contribute, e.g. gazetteer names), so names like
零跑汽车 stay whole and nothing else in the process is changed.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from math import log

from ..data import load_text

_lock = threading.Lock()
_segmenter = None
# Other stages (entities' gazetteers) register word sources here: callables returning
# (word, freq or None, tag or None) triples.
_WORD_SOURCES: list[Callable[[], Iterable[tuple[str, int | None, str | None]]]] = []


def register_words(source: Callable[[], Iterable[tuple[str, int | None, str | None]]]) -> None:
    _WORD_SOURCES.append(source)


def _userdict_entries():
    for line in load_text("text", "userdict.txt").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else None
        yield parts[0], freq, tag


class Segmenter:
    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.tk = jieba.Tokenizer()
        self.tk.initialize()
        for word, freq, tag in _userdict_entries():
            self.tk.add_word(word, freq, tag)
        for source in _WORD_SOURCES:
            for word, freq, tag in source():
                self.tk.add_word(word, freq, tag)

    def cut(self, text: str) -> list[str]:
        return list(self.tk.cut(text, HMM=True))

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Token spans of ``text[start:end]``, as offsets into ``text``."""
        end = len(text) if end is None else end
        out = []
        pos = start
        for w in self.tk.cut(text[start:end], HMM=True):
            out.append((pos, pos + len(w)))
            pos += len(w)
        return out

    def block_spans(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """``spans(text, start, end)`` for one block of word characters (a whole match of jieba's
        ``re_han_default``, as ``pieces`` gives them): jieba's own algorithm (``Tokenizer.__cut_DAG``:
        the dictionary DAG, the most probable route, the HMM over runs of single characters)
        without its generators, dicts of tuples and repeated slicing; the same float operations in
        the same order, so the same route. ``tests/test_text_tokens.py`` compares it with jieba.
        A block's answer depends on its text only: the answers are kept per block text (news
        repeats clauses: 记者杜海涛, 绿水青山就是金山银山)."""
        sent = text[start:end]
        lengths = _BLOCK_CACHE.get(sent)
        if lengths is None:
            if len(_BLOCK_CACHE) >= BLOCK_CACHE_SIZE:
                _BLOCK_CACHE.clear()
            lengths = _BLOCK_CACHE[sent] = self._block_lengths(sent)
        out = []
        pos = start
        for m in lengths:
            out.append((pos, pos + m))
            pos += m
        return out

    def _block_lengths(self, sent: str) -> tuple[int, ...]:
        tk = self.tk
        tk.check_initialized()
        get = tk.FREQ.get
        n = len(sent)
        logtotal = log(tk.total)
        # the route, right to left: prob[k] its log-probability from k on, nxt[k] the last index of its word at k
        prob = [0.0] * (n + 1)
        nxt = [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            bp = None
            bx = k
            i = k
            frag = sent[k]
            while True:
                f = get(frag)
                if f is None:
                    break
                if f:
                    v = log(f) - logtotal + prob[i + 1]
                    if bp is None or v >= bp:  # (max over (v, x): a tie goes to the longer word)
                        bp, bx = v, i
                i += 1
                if i >= n:
                    break
                frag = sent[k:i + 1]
            if bp is None:  # no word starts here: the character alone (jieba's DAG [k])
                f = get(sent[k])
                bp = log(f or 1) - logtotal + prob[k + 1]
            prob[k] = bp
            nxt[k] = bx
        out: list[int] = []
        x = 0
        buf = -1  # start of the run of single characters waiting for the HMM, or -1
        while x < n:
            y = nxt[x] + 1
            if y - x == 1:
                if buf < 0:
                    buf = x
            else:
                if buf >= 0:
                    self._flush(sent, buf, x, out)
                    buf = -1
                out.append(y - x)
            x = y
        if buf >= 0:
            self._flush(sent, buf, n, out)
        return tuple(out)

    def _flush(self, sent: str, a: int, b: int, out: list[int]) -> None:
        """A run of single characters ``sent[a:b]``: one token if it is one character, its
        characters if the run is a dictionary word, else the HMM's words (``finalseg.cut``)."""
        if b - a == 1:
            out.append(1)
            return
        buf = sent[a:b]
        if not self.tk.FREQ.get(buf):
            lengths = _HMM_CACHE.get(buf)
            if lengths is None:
                from jieba import finalseg

                if len(_HMM_CACHE) >= BLOCK_CACHE_SIZE:
                    _HMM_CACHE.clear()
                lengths = _HMM_CACHE[buf] = tuple(len(w) for w in finalseg.cut(buf))
            out.extend(lengths)
        else:
            out.extend([1] * (b - a))


# Token lengths per block text (what block_spans answers; the same clauses recur from article to
# article) and per run of single characters the HMM segments (names, rare words: the same runs
# recur in different blocks). Bounded, per process; the dictionary is complete once the segmenter
# is built.
_BLOCK_CACHE: dict[str, tuple[int, ...]] = {}
_HMM_CACHE: dict[str, tuple[int, ...]] = {}
BLOCK_CACHE_SIZE = 100_000


def pieces(text: str, start: int, end: int):
    """How jieba cuts ``text[start:end]`` before its dictionary runs: ``(True, s, e)`` for a block of
    word characters (segmented on its own, independently of its neighbours) and ``(False, s, e)``
    for a token of anything else (one character, or a "\\r\\n" pair). Offsets into ``text``.

    jieba (``Tokenizer.cut``) splits its input with ``re_han_default`` and segments each block
    alone, so the tokens of a sentence are the tokens of its blocks put together; ``TextView``
    caches them per block and segments only the blocks a stage asks for."""
    import jieba

    pos = start
    for m in jieba.re_han_default.finditer(text, start, end):
        s, e = m.span()
        yield from _skip(text, pos, s)
        yield True, s, e
        pos = e
    yield from _skip(text, pos, end)


_runs: tuple | None = None


def _word_runs():
    """Forward and backward matchers of a run of the characters jieba puts into a block it
    segments (its ``re_han_default`` class: Han, ASCII letters and digits, +#&._%-)."""
    global _runs
    if _runs is None:
        import jieba
        import regex

        cls = jieba.re_han_default.pattern.strip("()").rstrip("+")
        _runs = (regex.compile(cls + "*+"), regex.compile("(?r)" + cls + "*+"))
    return _runs


def is_word_char(ch: str) -> bool:
    """Whether jieba counts ``ch`` into a block it segments."""
    got = _WORD_CHARS.get(ch)
    if got is None:
        got = _WORD_CHARS[ch] = _word_runs()[0].match(ch).end() == 1
    return got


_WORD_CHARS: dict[str, bool] = {}  # is_word_char's answers (a few thousand characters at most)


def word_run_after(text: str, pos: int, hi: int) -> int:
    """Where the run of word characters starting at ``pos`` ends (not past ``hi``)."""
    return _word_runs()[0].match(text, pos, hi).end()


def word_run_before(text: str, lo: int, pos: int) -> int:
    """Where the run of word characters ending at ``pos`` starts (not before ``lo``)."""
    return _word_runs()[1].match(text, lo, pos).start()


def _skip(text: str, s: int, e: int):
    i = s
    while i < e:
        if text[i] == "\r" and i + 1 < e and text[i + 1] == "\n":
            yield False, i, i + 2
            i += 2
        else:
            yield False, i, i + 1
            i += 1


def get_segmenter() -> Segmenter:
    global _segmenter
    if _segmenter is None:
        with _lock:
            if _segmenter is None:
                _segmenter = Segmenter()
    return _segmenter


class JiebaTokenizer:
    """A spaCy tokenizer: jieba words with the user dictionary; ``doc.text == text`` exactly."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words = get_segmenter().cut(text) if text else []
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    # spaCy serialization hooks (nothing to store: the dictionary ships with the package)
    def to_bytes(self, **kw):
        return b""

    def from_bytes(self, data, **kw):
        return self

    def to_disk(self, path, **kw):
        pass

    def from_disk(self, path, **kw):
        return self
