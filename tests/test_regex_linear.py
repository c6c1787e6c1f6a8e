"""Every regular expression in zhclaims runs in linear time on adversarial input, and so does every
stage as a whole.

The patterns are found, not listed: every ``zhclaims`` module is imported and searched for compiled
``regex``/``re`` patterns at module level, in class attributes, in containers and dataclasses, and
in what zero-argument cached functions (the data-driven rule caches: ``clean.rules()``,
``times.patterns.scanner()``, ``claims.cues.cues()`` ...) return. A stage's new rule file is covered
the day it lands.

Each pattern gets 1 MB of adversarial text, in five runs of 200,000 characters (digits, 万亿
repeated, punctuation runs, one long CJK run, hedge words repeated), and its time on each run is
bounded by a generous factor times a linear scan of the same run measured here: ``(?s).`` matched
at every position. A pattern the source uses only with ``.match``/``.fullmatch`` is timed that way
(one attempt at the start); every other one is scanned through the whole run (``subn``, i.e. every
start position), which is where catastrophic backtracking and quadratic rescans show.
"""
from __future__ import annotations

import dataclasses
import faulthandler
import importlib
import inspect
import pkgutil
import re
import time
from pathlib import Path

import pytest
import regex

import zhclaims

SEGMENT = 200_000
FACTOR = 30  # a pattern may be this many times slower than the linear scan (quadratic is ~10^4)
SLACK = 0.25  # seconds, for timer noise on a shared machine


def _fill(unit: str, n: int = SEGMENT) -> str:
    return (unit * (n // len(unit) + 1))[:n]


ADVERSARIAL = {
    "digits": "1234567890",
    "wanyi": "万亿",
    "punctuation": "。，、；：！？…—（）《》“”%.-,",
    "cjk": "中国经济增长发展公司汽车销量市场",
    "hedges": "约近超过逾不足左右以上预计或将可能大约",
}

SRC = Path(zhclaims.__file__).parent
PATTERN_TYPES = (regex.Pattern, re.Pattern)


# --- discovery ----------------------------------------------------------------------------------

def _modules():
    for info in pkgutil.walk_packages(zhclaims.__path__, "zhclaims."):
        yield importlib.import_module(info.name)


def _walk(obj, where: str, name: str, found: dict, seen: set, depth: int = 0) -> None:
    if depth > 6 or id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, PATTERN_TYPES):
        found.setdefault((obj.pattern, obj.flags), (where, name, obj))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            _walk(v, f"{where}[{k!r}]", name, found, seen, depth + 1)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for i, v in enumerate(obj):
            _walk(v, f"{where}[{i}]", name, found, seen, depth + 1)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _walk(getattr(obj, f.name, None), f"{where}.{f.name}", f.name, found, seen, depth + 1)
    elif not isinstance(obj, type) and type(obj).__module__.startswith("zhclaims") and hasattr(obj, "__dict__"):
        for k, v in vars(obj).items():
            _walk(v, f"{where}.{k}", k, found, seen, depth + 1)


def _no_required_args(func) -> bool:
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return False
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in sig.parameters.values())


def discover() -> list[tuple[str, str, object]]:
    """(where, name used in the source, compiled pattern) for every distinct pattern."""
    found: dict = {}
    seen: set = set()
    for mod in _modules():
        for name, val in vars(mod).items():
            if inspect.ismodule(val):
                continue
            if isinstance(val, type):
                if val.__module__ == mod.__name__:
                    for k, v in vars(val).items():
                        if not k.startswith("__"):
                            _walk(v, f"{mod.__name__}.{name}.{k}", k, found, seen)
            elif hasattr(val, "cache_info") and getattr(val, "__module__", None) == mod.__name__:
                if _no_required_args(val):  # a data-driven cache: what it builds holds the rules
                    _walk(val(), f"{mod.__name__}.{name}()", name, found, seen)
            else:
                _walk(val, f"{mod.__name__}.{name}", name, found, seen)
    return sorted(found.values(), key=lambda x: x[0])


_SOURCE: str | None = None


def _source() -> str:
    global _SOURCE
    if _SOURCE is None:
        _SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SRC.rglob("*.py")))
    return _SOURCE


def anchored_only(name: str) -> bool:
    """Whether every use of ``name`` in the package is ``name.match(`` / ``name.fullmatch(`` (or
    ``name().match(`` for a cache): such a pattern is tried at one position, never scanned."""
    uses = 0
    for m in regex.finditer(rf"(?<![\w]){regex.escape(name)}(?![\w])", _source()):
        after = _source()[m.end():m.end() + 40]
        before = _source()[max(0, m.start() - 12):m.start()]
        if regex.match(r"\s*(?::|=(?!=))", after) or regex.search(r"(?:def|class|import)\s+$|import .*$|\bfrom\s+\S*$", before):
            continue  # a definition, annotation, assignment or import
        uses += 1
        if not regex.match(r"(?:\(\s*\))?\s*\.\s*(?:match|fullmatch)\s*\(", after):
            return False
    return uses > 0


def _as_regex(p):
    # the regex module has timeouts; an re pattern is timed with the same source and flags
    return p if isinstance(p, regex.Pattern) else regex.compile(p.pattern, p.flags & ~re.UNICODE)


PATTERNS = discover()


# --- tests --------------------------------------------------------------------------------------

def test_discovery_finds_every_rule_family():
    wheres = {w for w, _, _ in PATTERNS}
    for family in ("zhclaims.clean.rules.rules()", "zhclaims.text.sentences", "zhclaims.read"):
        assert any(w.startswith(family) for w in wheres), family
    for stage in ("times", "numbers", "entities", "claims"):  # the stages that have landed
        if (SRC / stage / "stage.py").exists():
            assert any(w.startswith(f"zhclaims.{stage}.") for w in wheres), stage
    assert anchored_only("_TRAILING_UNIT") in (True, False)  # usage analysis runs on real source


def _timed(p, text: str, anchored: bool, timeout: float) -> float | None:
    """Seconds ``p`` takes on ``text`` (None when it ran past ``timeout``)."""
    t0 = time.perf_counter()
    try:
        if anchored:
            p.match(text, timeout=timeout)
            p.fullmatch(text, timeout=timeout)
        else:
            p.subn("", text, timeout=timeout)
    except TimeoutError:
        return None
    return time.perf_counter() - t0


def test_every_pattern_is_linear():
    faulthandler.dump_traceback_later(600, exit=True)  # a hang must fail, not stall the suite
    try:
        runs = {kind: _fill(unit) for kind, unit in ADVERSARIAL.items()}
        scan = regex.compile(r"(?s).")

        def base(kind):
            t0 = time.perf_counter()
            scan.subn("", runs[kind])
            return time.perf_counter() - t0

        bases = {kind: base(kind) for kind in runs}
        slow = []
        for where, name, pattern in PATTERNS:
            p = _as_regex(pattern)
            anchored = anchored_only(name)
            for kind, text in runs.items():
                # over the bound three times in a row, the scan re-measured each time: a busy
                # machine slows both alike, a quadratic pattern stays thousands of times slower
                for attempt in range(3):
                    bound = FACTOR * (bases[kind] if attempt == 0 else base(kind)) + SLACK
                    took = _timed(p, text, anchored, 2 * bound)
                    if took is not None and took <= bound:
                        break
                else:
                    how = "match" if anchored else "scan"
                    slow.append(f"{where} on {kind}: " + (f"stopped after {2 * bound:.1f}s" if took is None
                                                          else f"{took:.2f}s > {bound:.2f}s") + f" ({how})")
        assert not slow, "patterns slower than linear:\n" + "\n".join(slow)
    finally:
        faulthandler.cancel_dump_traceback_later()


# --- the stages as a whole --------------------------------------------------------------------

STAGE_INPUTS = dict(ADVERSARIAL, mixed="1,234.5万亿元同比增长12.5%，约3千", spaced="1 2 3 万 亿 元 。 \n")
# characters for the small run (the large one has four times as many); "spaced" makes thousands of
# tiny sentences with a figure and no subject, each of which the entities model reads (~0.2 ms a
# character: linear, but the slowest input there is), so it runs smaller
STAGE_SIZES = {"spaced": 2_500}


def _stage_times(text: str) -> dict[str, float]:
    from zhclaims.clean import clean
    from zhclaims.model import Article
    from zhclaims.pipeline import Context, load_stages, to_datetime
    from zhclaims.text.view import TextView

    out = {}
    art = Article(id="x", text=text)
    t0 = time.perf_counter()
    clean(art, "2026-01-01T00:00:00")
    view = TextView(art.text, art.body or None)
    out["read+clean+view"] = time.perf_counter() - t0
    ctx = Context(published=to_datetime("2026-01-01"))
    for stage in load_stages():
        t0 = time.perf_counter()
        stage.func(art, view, ctx)
        out[stage.name] = time.perf_counter() - t0
    return out


def test_stages_scale_linearly():
    """Each stage on 10,000 and 40,000 characters of each adversarial kind: four times the text
    may take at most ten times as long (linear gives four, quadratic sixteen)."""
    import zhclaims as z

    z.analyze("2026年1月，某车企交付32059辆，同比增长27%。", "2026-02-01")  # load data and models first
    faulthandler.dump_traceback_later(600, exit=True)
    try:
        slow = []
        for kind, unit in STAGE_INPUTS.items():
            n = STAGE_SIZES.get(kind, 10_000)
            for attempt in range(2):  # a busy machine may slow one run: measure again before failing
                small = _stage_times(_fill(unit, n))
                large = _stage_times(_fill(unit, 4 * n))
                over = [f"{name} on {kind}: {small[name]:.2f}s for {n}, {t:.2f}s for {4 * n} characters"
                        for name, t in large.items() if t > 10 * small[name] + 0.3]
                if not over:
                    break
            slow += over
        assert not slow, "stages slower than linear:\n" + "\n".join(slow)
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.mark.parametrize("kind", ["digits", "wanyi"])
def test_five_megabytes_are_refused_or_finish(kind, tmp_path):
    """5 MB of digits or 万亿 through the reader: refused by name with the limit (E010)."""
    from zhclaims import read

    p = tmp_path / f"{kind}.txt"
    p.write_text(_fill(ADVERSARIAL[kind], 5_000_000), encoding="utf-8")
    t0 = time.perf_counter()
    (item,) = list(read([p]))
    assert getattr(item, "code", None) == "E010" and "2000000" in item.reason
    assert time.perf_counter() - t0 < 30
