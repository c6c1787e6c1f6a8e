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
    return _word_runs()[0].match(ch).end() == 1


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
