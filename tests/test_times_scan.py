"""The scan's fast path (times.patterns.starts, the standard library's engine) finds every position
where the scanner's gate holds, so scan() finds what finditer over the scanner finds."""
import random

import regex

from zhclaims.times.extract import scan
from zhclaims.times.parse import holidays, words
from zhclaims.times.patterns import _gate, scanner, starts


def _vocab():
    out = []
    for table in (words(), holidays()):
        for v in table.values():
            if isinstance(v, dict):
                out += [k for k in v if isinstance(k, str)]
            elif isinstance(v, list):
                out += [x for x in v if isinstance(x, str)]
    return out


def _text(seed: int, n: int = 4000) -> str:
    rnd = random.Random(seed)
    pieces = _vocab() + list("0123456789.-/:年月日号时点分秒周天季度前后来自到至从由约近第的了在和与、，。；\n （）()")
    pieces += ["2020年", "12月31日", "20:30", "2020-01-16", "上午9时", "三季度", "十四五", "1.5小时", "\u3000\u3000"]
    return "".join(rnd.choice(pieces) for _ in range(n))


def test_starts_finds_every_gate_position():
    gate = regex.compile(_gate())
    for seed in range(20):
        text = _text(seed)
        want = {m.start() for m in gate.finditer(text)}
        got = {m.start() for m in starts().finditer(text)}
        assert want <= got, sorted(want - got)[:10]


def test_scan_finds_what_finditer_finds():
    for seed in range(20):
        text = _text(seed)
        want = [m.span() for m in scanner().finditer(text)]
        got_spans = []
        pos = 0
        for c in starts().finditer(text):
            if c.start() < pos:
                continue
            m = scanner().match(text, c.start())
            if m:
                got_spans.append(m.span())
                pos = m.end()
        assert got_spans == want
        # and scan() keeps the matches in order, within a span
        assert all(s < e for s, e, _ in scan(text, 0, len(text)))
