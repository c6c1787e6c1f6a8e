"""numbers.words.WordScanner finds exactly what the longest-first alternation regex finds."""
from __future__ import annotations

import random

import regex

from zhclaims.claims.cues import cues
from zhclaims.claims.lexicon import word_index, word_scanner
from zhclaims.numbers.words import WordScanner


def _regex_spans(words, text, start, end):
    pat = regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)), regex.IGNORECASE)
    return [m.span() for m in pat.finditer(text, start, end)]


def test_longest_at_leftmost_then_on_from_its_end():
    sc = WordScanner(["销量", "新能源汽车销量", "汽车", "汽车销量"])
    assert sc.spans("新能源汽车销量和汽车销量") == [(0, 7), (8, 12)]
    assert sc.spans("新能源汽车销量", 3) == [(3, 7)]
    assert sc.spans("新能源汽车销量", 0, 6) == [(3, 5)]
    assert sc.spans("", 0, 0) == [] and WordScanner([]).spans("abc") == []


def test_ignorecase_like_regex():
    sc = WordScanner(["GDP增速", "GDP", "PMI"], ignorecase=True)
    assert sc.spans("gdp增速与GdP, pmi") == [(0, 5), (6, 9), (11, 14)]
    assert WordScanner(["GDP"]).spans("gdp") == []
    text = "\u0130\u017f\u212aPMIpm\u0131"  # İ ſ K: regex folds them to i s k
    for words in (["PMI", "SKI", "I"], ["pmı"]):
        assert WordScanner(words, ignorecase=True).spans(text) == _regex_spans(words, text, 0, len(text))


def test_same_as_regex_on_the_lexicons_fuzzed():
    rnd = random.Random(7)
    c = cues()
    lexicons = [list(word_index())] + [list(getattr(c, n).labels) for n in ("comparison_left", "direction", "modality_left", "references")]
    for words in lexicons:
        sc = WordScanner(words, ignorecase=True)
        for _ in range(300):
            parts = []
            for _ in range(rnd.randint(1, 8)):
                w = rnd.choice(words)
                a = rnd.randint(0, len(w))
                x = w[a:rnd.randint(a, len(w))] if rnd.random() < 0.5 else w
                parts.append("".join(ch.lower() if rnd.random() < 0.3 else ch for ch in x))
                if rnd.random() < 0.3:
                    parts.append(rnd.choice("，。的增长了"))
            s = "".join(parts)
            st = rnd.randint(0, len(s))
            en = rnd.randint(st, len(s))
            assert sc.spans(s, st, en) == _regex_spans(words, s, st, en), (s, st, en)


def test_metric_scanner_matches_word_pattern():
    from zhclaims.claims.lexicon import word_pattern

    text = "今年GDP增速6.1%，新能源汽车销量增长，cpi上涨，进出口总值下降"
    assert word_scanner().spans(text, 0, len(text)) == [m.span() for m in word_pattern().finditer(text)]


def test_number_phrases_scanner_matches_the_phrase_pattern():
    from zhclaims.data import load_yaml
    from zhclaims.numbers.tables import tables

    t = tables()
    rnd = random.Random(11)
    phrases = load_yaml("numbers", "exclusions.yaml")["phrases"]
    for _ in range(300):
        s = "".join(rnd.choice(phrases)[rnd.randint(0, 1):] + rnd.choice(["", "多", "元", "2"]) for _ in range(rnd.randint(1, 6)))
        st = rnd.randint(0, len(s))
        assert t.phrase_scanner.spans(s, st, len(s)) == [m.span() for m in t.phrases.finditer(s, st, len(s))], s


def test_search_and_match_like_the_alternation():
    from zhclaims.claims.lexicon import word_pattern

    rnd = random.Random(5)
    words = list(word_index())
    pat, sc = word_pattern(), word_scanner()
    for _ in range(500):
        s = "".join(rnd.choice(words)[rnd.randint(0, 2):] + rnd.choice(["", "的", "，", "增长"]) for _ in range(rnd.randint(1, 4)))
        a = rnd.randint(0, len(s))
        b = rnd.randint(a, len(s))
        m = pat.search(s, a, b)
        assert sc.search(s, a, b) == (m.span() if m else None), (s, a, b)
        m = pat.match(s, a)
        assert sc.match(s, a) == (m.span() if m else None), (s, a)
