"""A normalized view of the text that has exactly the same length as the original.

Full-width ASCII becomes half-width and traditional characters become simplified, character
for character, so ``view[i]`` always stands for ``text[i]`` and every offset found in the view is
an offset into the original. (DESIGN.md sketches an offset map; keeping the lengths equal makes
the map the identity, which is cheaper and impossible to get wrong. ARCHITECTURE.md says so.)
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space
# same-length punctuation folds that the rules rely on
_FULLWIDTH.update({
    0x2212: ord("-"),  # minus sign
    0xFE6A: ord("%"),  # small percent
    0x2030: 0x2030,  # per mille stays
    0x00A0: 0x20,  # nbsp
})


# the characters that change, and one pattern finding them: ``str.translate`` looks every character
# up in a dict (~60 ns each); finding the few distinct ones that occur (stdlib ``re``, a character
# class: linear) and replacing each with ``str.replace`` gives the same text five times faster.
# Every replacement is ASCII, never itself a key, so the order of the replacements does not matter.
_CHANGES = {chr(k): chr(v) for k, v in _FULLWIDTH.items() if k != v}
_CHANGING = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_CHANGES)) + "]")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_halfwidth(text: str) -> str:
    """Full-width ASCII to half-width, and a lone carriage return (old Mac line ends) to a line feed,
    character for character: the rules split lines on "\n" and strip a "\r" before it, so text with
    "\r\n", "\r" or "\n" line ends (or a mix) reads the same, while ``Article.text`` keeps its bytes."""
    out = text
    for ch in set(_CHANGING.findall(text)):
        out = out.replace(ch, _CHANGES[ch])
    if "\r" in out:
        out = _LONE_CR.sub("\n", out)
    return out


_LONE_CR = regex.compile(r"\r(?!\n)")


_SURROGATES = re.compile("([\ud800-\udfff])")


def _needs_t2s(text: str) -> bool:
    # cheap test: only CJK text can hold traditional characters
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def to_simplified(text: str) -> str:
    """Traditional to simplified, keeping the length: where OpenCC's phrase conversion would
    change the length of a line, that line is converted character by character instead."""
    if not text or not _needs_t2s(text):
        return text
    if _SURROGATES.search(text):
        # OpenCC reads UTF-8, which a lone surrogate (broken input) has no form in: the runs
        # between surrogates are converted, the surrogates kept where they are
        return "".join(p if i % 2 else to_simplified(p) for i, p in enumerate(_SURROGATES.split(text)))
    cc = _t2s()
    out = cc.convert(text)
    if len(out) == len(text):
        return out
    lines = text.split("\n")
    fixed = []
    for line in lines:
        conv = cc.convert(line)
        if len(conv) != len(line):
            conv = "".join(c2 if len(c2 := cc.convert(ch)) == 1 else ch for ch in line)
        fixed.append(conv)
    return "\n".join(fixed)


def normalize(text: str, simplify: bool = True) -> str:
    """The same-length normalized view of ``text``."""
    out = to_halfwidth(text)
    if simplify:
        out = to_simplified(out)
    assert len(out) == len(text)
    return out
