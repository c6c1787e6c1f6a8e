"""Finding a fixed list of words in text with one Aho-Corasick pass.

``WordScanner(words, ignorecase).spans(text, start, end)`` gives exactly the matches of
``regex.compile("|".join(escaped words, longest first), IGNORECASE?).finditer(text, start, end)``:
leftmost first, the longest word at a position, then on from its end. A 500-word alternation
costs the ``regex`` engine a try of every branch at every position (about 1 M chars/s on news);
the automaton reads each character once.

Case: ``regex``'s IGNORECASE is simple case folding, so a word matches every spelling whose
characters fold alike. The scanner adds each such spelling of a word to the automaton (the words
are Chinese with a few Latin letters: GDP, CPI, M2), the equivalents of a character asked of
``regex`` itself, so the two cannot disagree.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

import ahocorasick
import regex

# characters other than the ASCII letters that regex's IGNORECASE matches to one (İ ~ i, ſ ~ s,
# Kelvin sign ~ k); each is checked against ``regex`` before it is used
_FOLD_EXTRA = "\u0130\u0131\u017f\u212a"
_MAX_SPELLINGS = 64  # per word; a word with more Latin letters than that allows keeps the regex


@lru_cache(maxsize=512)
def _equivalents(ch: str) -> tuple[str, ...]:
    if ch.lower() == ch == ch.upper():  # caseless (all of Chinese)
        return (ch,)
    cands = {ch, ch.lower(), ch.upper(), *_FOLD_EXTRA}
    pat = regex.compile(regex.escape(ch), regex.IGNORECASE)
    return tuple(sorted(c for c in cands if len(c) == 1 and pat.fullmatch(c) is not None))


class WordScanner:
    """Leftmost-longest, non-overlapping occurrences of ``words`` in a span of text."""

    __slots__ = ("_auto", "_fallback", "_longest")

    def __init__(self, words, ignorecase: bool = False) -> None:
        words = {str(w) for w in words if w}
        self._auto = None
        self._fallback = None
        self._longest = max((len(w) for w in words), default=0)
        spellings: set[str] = set()
        for w in words:
            if not ignorecase:
                spellings.add(w)
                continue
            options = [_equivalents(ch) for ch in w]
            n = 1
            for o in options:
                n *= len(o)
            if n > _MAX_SPELLINGS:
                self._fallback = regex.compile(
                    "|".join(regex.escape(x) for x in sorted(words, key=len, reverse=True)), regex.IGNORECASE)
                return
            spellings.update("".join(p) for p in product(*options))
        if spellings:
            auto = ahocorasick.Automaton()
            for s in spellings:
                auto.add_word(s, len(s))
            auto.make_automaton()
            self._auto = auto

    def search(self, text: str, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        """The first match in ``text[start:end]`` (what the alternation's ``search`` finds)."""
        got = self.spans(text, start, end)
        return got[0] if got else None

    def match(self, text: str, pos: int = 0) -> tuple[int, int] | None:
        """The longest word starting at ``pos`` (what the alternation's ``match`` finds)."""
        got = self.spans(text, pos, pos + self._longest)
        return got[0] if got and got[0][0] == pos else None

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of every match in ``text[start:end]``, in text order."""
        if end is None or end > len(text):
            end = len(text)
        if start >= end:
            return []
        if self._fallback is not None:
            return [m.span() for m in self._fallback.finditer(text, start, end)]
        if self._auto is None:
            return []
        found = [(e + 1 - n, e + 1) for e, n in self._auto.iter(text, start, end)]
        if not found:
            return found
        # all occurrences, overlapping, by end: keep the leftmost, longest at its start, then on
        found.sort(key=lambda se: (se[0], -se[1]))
        out = []
        pos = start
        for s, e in found:
            if s >= pos:
                out.append((s, e))
                pos = e
        return out
