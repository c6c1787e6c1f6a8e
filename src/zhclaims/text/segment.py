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


def _import_jieba():
    """``import jieba`` without pkg_resources: jieba imports it only to open its own data files
    and falls back to plain ``open`` without it (pkg_resources alone costs ~0.08 s at start-up)."""
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes its import fail
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


class Segmenter:
    """jieba's ``Tokenizer`` with the user dictionary added.

    Building it (jieba's prefix dictionary of ~500,000 entries, then ~6,700 ``add_word`` calls) is
    the largest piece of start-up, so the finished dictionary is kept in a cache file
    (``_cache_file``), keyed by a hash of everything it is made from: loading it gives the
    same ``FREQ``, ``total`` and tags as building, in about a third of the time."""

    def __init__(self, cache: bool = True) -> None:
        jieba = _import_jieba()
        jieba.setLogLevel(logging.WARNING)
        self.tk = jieba.Tokenizer()
        entries = list(_userdict_entries())
        for source in _WORD_SOURCES:
            entries.extend(source())
        path = _cache_file(jieba, entries) if cache else None
        if path is None or not _load_cached(self.tk, path):
            self.tk.initialize()
            for word, freq, tag in entries:
                self.tk.add_word(word, freq, tag)
            if path is not None:
                _store_cached(self.tk, entries, path)

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
    global _re_han
    if _re_han is None:
        _re_han = _import_jieba().re_han_default
    pos = start
    for m in _re_han.finditer(text, start, end):
        s, e = m.span()
        yield from _skip(text, pos, s)
        yield True, s, e
        pos = e
    yield from _skip(text, pos, end)


_re_han = None  # jieba's re_han_default (``pieces``)
_runs: tuple | None = None


def _word_runs():
    """Forward and backward matchers of a run of the characters jieba puts into a block it
    segments (its ``re_han_default`` class: Han, ASCII letters and digits, +#&._%-)."""
    global _runs
    if _runs is None:
        import regex

        jieba = _import_jieba()

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


# --- the dictionary cache ------------------------------------------------------------------


def cache_dir() -> str:
    """Where zhclaims keeps files it can rebuild: ``$ZHCLAIMS_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/zhclaims``, else ``~/.cache/zhclaims``."""
    import os

    d = os.environ.get("ZHCLAIMS_CACHE_DIR")
    if d:
        return d
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "zhclaims")


def _cache_file(jieba, entries) -> str | None:
    """The cache file for jieba's default dictionary plus ``entries`` (None: no cache, e.g. a
    Tokenizer jieba would build differently). The name is a hash of jieba's version, its
    dictionary file (path, size, mtime) and the entries in order (``add_word`` depends on order)."""
    import hashlib
    import os
    import sys

    if os.environ.get("ZHCLAIMS_CACHE_DIR") == "":  # set but empty: caching off
        return None
    try:
        dict_path = os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
        st = os.stat(dict_path)
    except (OSError, AttributeError, TypeError):
        return None
    h = hashlib.sha256()
    h.update(repr((jieba.__version__, sys.version_info[:2], dict_path, st.st_size, st.st_mtime_ns)).encode())
    h.update(repr(entries).encode())
    return os.path.join(cache_dir(), f"jieba-{h.hexdigest()[:32]}.marshal")


def _load_cached(tk, path: str) -> bool:
    import marshal

    try:
        with open(path, "rb") as fh:
            data = fh.read()  # marshal.loads on bytes: ~3x faster than marshal.load on a file
        freq, total, tags, force_split = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return False
    if not isinstance(freq, dict) or not isinstance(tags, dict):
        return False
    from jieba import finalseg

    tk.FREQ, tk.total, tk.user_word_tag_tab = freq, total, tags
    for word in force_split:  # what add_word does for a word of frequency 0
        finalseg.add_force_split(word)
    tk.initialized = True
    return True


def _store_cached(tk, entries, path: str) -> None:
    """Write the built dictionary (atomically; a cache that cannot be written is no error)."""
    import marshal
    import os
    import tempfile

    force_split = [w for w, f, _ in entries if f is not None and int(f) == 0]
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".jieba-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                marshal.dump((tk.FREQ, tk.total, tk.user_word_tag_tab, force_split), fh)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        _prune(os.path.dirname(path), keep=CACHE_KEEP)
    except OSError:
        pass


CACHE_KEEP = 4  # dictionaries kept (~9 MB each): the newest, so a changed user dictionary does not pile up


def _prune(folder: str, keep: int) -> None:
    import os

    files = []
    for name in os.listdir(folder):
        if name.startswith("jieba-") and name.endswith(".marshal"):
            p = os.path.join(folder, name)
            try:
                files.append((os.path.getmtime(p), p))
            except OSError:
                continue
    for _, p in sorted(files, reverse=True)[keep:]:
        try:
            os.unlink(p)
        except OSError:
            pass


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
