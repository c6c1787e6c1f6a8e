"""The scan's fast path (times.prefilter) skips no position where the scanner can match: scan()
finds what trying the scanner at every position finds, and the follow index holds everything the
scanner lets follow."""
import random
import re

from zhclaims.times import extract, prefilter
from zhclaims.times.extract import scan
from zhclaims.times.parse import holidays, words
from zhclaims.times.patterns import scanner


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
    pieces = _vocab() + list("0123456789.-/:年月日号时点分秒周天季度前后来自到至从由约近第的了在和与、，。；\n （）()%万亿")
    pieces += ["2020年", "12月31日", "20:30", "2020-01-16", "2020.1.6", "上午9时", "三季度", "十四五", "1.5小时", "3.5%",
               "\u3000\u3000", "１２", "٣"]
    return "".join(rnd.choice(pieces) for _ in range(n))


def _key(cands):
    return [(s, e, repr(spec)) for s, e, spec in cands]


def test_starts_finds_every_position_the_scanner_matches_at():
    for seed in range(10):
        text = _text(seed)
        got = {m.start() for m in prefilter.starts().finditer(text)}
        for p in range(len(text)):
            if scanner().match(text, p) is not None:
                assert p in got, (p, text[p:p + 10])


def test_scan_finds_what_the_scanner_finds_everywhere(monkeypatch):
    texts = [_text(seed) for seed in range(20)]
    fast = [_key(scan(t, 0, len(t))) for t in texts]
    # the slow way: the scanner tried at every position
    monkeypatch.setattr(extract, "starts", lambda: re.compile(r"(?s)."))
    monkeypatch.setattr(extract, "follows", lambda: {})
    slow = [_key(scan(t, 0, len(t))) for t in texts]
    assert sum(map(len, slow)) > 1000
    assert fast == slow


def test_scan_span_ends_bound_the_lookahead(monkeypatch):
    text = "他说，2020年3月5日至7日在北京开会。三个月后，一年又一年，近10年来，1.5小时"
    for end in range(len(text) + 1):
        fast = _key(scan(text, 0, end))
        with monkeypatch.context() as m:
            m.setattr(extract, "starts", lambda: re.compile(r"(?s)."))
            m.setattr(extract, "follows", lambda: {})
            assert fast == _key(scan(text, 0, end)), end


def test_follow_index_holds_what_the_scanner_lets_follow():
    follow, digits = prefilter.derive_follow()
    for c, derived in follow.items():
        have = prefilter.FOLLOW.get(c)
        if have is None:
            continue  # not indexed: anything may follow
        assert derived is not None, f"anything may follow {c!r}: drop it from FOLLOW"
        missing = set(re.sub(r"\\[sd]", "", derived).replace("\\", "")) - set(re.sub(r"\\[sd]", "", have).replace("\\", ""))
        missing |= {x for x in (r"\s", r"\d") if x in derived and x not in have}
        assert not missing, f"FOLLOW[{c!r}] lacks {sorted(missing)} (prefilter.derive_follow() gives {derived!r})"
    have = prefilter.FOLLOW_DIGITS
    missing = {x for x in digits if not re.fullmatch(f"[{have}]", x)}
    assert not missing, f"FOLLOW_DIGITS lacks {sorted(missing)}"
