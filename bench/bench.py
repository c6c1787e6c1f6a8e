"""Benchmark: zhclaims end to end and per stage, against spaCy+jieba segmentation alone.

    python bench/bench.py DATA.jsonl [--limit N] [--out results.json] [--jobs 1,2] [--repeat R]

DATA is a JSON Lines corpus (``id``/``text``/``date`` rows; e.g.
../shared/corpora/news_clusters_2020/articles_peoples_daily.jsonl) or anything ``zhclaims
extract`` reads. Everything is measured over the same article texts, in one run:

- **In process, per stage** (warm: data and models loaded first, load time reported apart):
  read, normalize (the same-length view, once per article), clean, view (sentences), each
  extraction stage the pipeline
  has (times, quantities, entities, claims), checks (when the package is there), and write
  (JSON serialization). ``segment`` is the jieba time spent inside the stages (segmentation is
  lazy, so it is part of the stage times, shown apart to say where time goes).
- **In process, end to end**: ``run.process`` over the file, records serialized.
- **The yardstick in process**: ``spacy.blank("zh")`` with the jieba segmenter over the texts.
- **Whole processes, start-up included** (what the ratio is computed from):
  ``python -m zhclaims.cli extract FILE`` (stdout to /dev/null) for each ``--jobs`` value, and
  ``python bench/spacy_jieba.py FILE``; wall time and CPU seconds of all processes
  (``/usr/bin/time``; best of ``--repeat`` runs, not polled), then one more polled run each for
  CPU seconds of the main process and the ``--jobs`` workers apart and the peak RSS of every
  process of the tree (polling costs CPU, which a run using both cores would pay in wall time).

ratio = yardstick seconds / zhclaims seconds (whole process, 1 job): >= 1.0 means zhclaims runs
the whole pipeline at least as fast as spaCy+jieba only segments. Results go to ``--out`` as
JSON and a short table is printed. ``--profile FILE`` writes a pyinstrument profile of the
end-to-end pass (text, or HTML when FILE ends in .html).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

STAGE_ORDER = ("read", "normalize", "clean", "view", "segment", "times", "quantities", "entities", "claims", "checks", "write")


def rss_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def limited_copy(path: Path, limit: int | None, tmpdir: str) -> Path:
    """The corpus itself, or a temporary JSON Lines file with its first ``limit`` rows."""
    if limit is None or path.suffix.lower() not in (".jsonl", ".ndjson"):
        return path
    out = Path(tmpdir) / f"{path.stem}.first{limit}.jsonl"
    n = 0
    with open(path, "rb") as src, open(out, "wb") as dst:
        for line in src:
            if not line.strip():
                continue
            dst.write(line if line.endswith(b"\n") else line + b"\n")
            n += 1
            if n >= limit:
                break
    return out


# --- in process ----------------------------------------------------------------------------


def read_articles(path: Path):
    from zhclaims.errors import InputError
    from zhclaims.read import read

    t0 = time.perf_counter()
    arts = [a for a in read([str(path)]) if not isinstance(a, InputError)]
    return arts, time.perf_counter() - t0


class Timers:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self.peak_alloc: dict[str, int] = defaultdict(int)
        self.trace = False

    def wrap(self, name: str, func):
        seconds, cpu, peak, trace = self.seconds, self.cpu, self.peak_alloc, self

        def timed(*a, **kw):
            if trace.trace:
                tracemalloc.reset_peak()
                base = tracemalloc.get_traced_memory()[0]
            t0, c0 = time.perf_counter(), time.thread_time()
            try:
                return func(*a, **kw)
            finally:
                seconds[name] += time.perf_counter() - t0
                cpu[name] += time.thread_time() - c0
                if trace.trace:
                    peak[name] = max(peak[name], tracemalloc.get_traced_memory()[1] - base)

        return timed


def instrumented_pipeline(timers: Timers):
    """A ``Pipeline`` whose clean, view and stage functions (and jieba) add to ``timers``."""
    import zhclaims.clean as clean_mod
    import zhclaims.pipeline as pipeline_mod
    from zhclaims.pipeline import Pipeline
    from zhclaims.text import segment

    pipe = Pipeline()
    pipe.stages = [dataclasses.replace(s, func=timers.wrap(s.name, s.func)) for s in pipe.stages]
    pipeline_mod.normalize = timers.wrap("normalize", pipeline_mod.normalize)  # once per article, for clean and view
    clean_mod.clean = timers.wrap("clean", clean_mod.clean)
    pipe.view = timers.wrap("view", pipe.view)
    segment.Segmenter.spans = timers.wrap("segment", segment.Segmenter.spans)
    if hasattr(segment.Segmenter, "block_spans"):  # (TextView.tokens segments word blocks with it)
        segment.Segmenter.block_spans = timers.wrap("segment", segment.Segmenter.block_spans)
    segment.Segmenter.cut = timers.wrap("segment", segment.Segmenter.cut)
    return pipe


def checks_runner():
    """``zhclaims.checks.check`` (within each record, then across them) over a list of records,
    or None while the checks package is not there."""
    try:
        from zhclaims.checks import check
    except ImportError:
        return None
    return lambda records: list(check(records))


def reset_caches() -> None:
    """Forget what a previous pass left in per-process caches, so that every pass pays for its own
    work: the memo caches of pure functions (``lru_cache`` bounded above 4 entries: numerals read,
    dates resolved, facts' units ...) and the module-level dict caches named ``*_CACHE`` (the
    entity model's predictions by window, jieba's routes by block). Loaders (``maxsize=None`` or
    1-4: data files, automatons) keep what they loaded: that is load time, reported apart."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("zhclaims") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == name:
                size = info().maxsize
                if size is not None and size > 4:
                    value.cache_clear()
            elif attr.endswith("_CACHE") and isinstance(value, dict):
                value.clear()


def warm_up(pipe) -> float:
    """Load data and models (lazy in the stages) before timing: reported as load time."""
    from zhclaims.model import Article
    from zhclaims.run import WARMUP_TEXT

    t0 = time.perf_counter()
    pipe(Article(id="warmup", text=WARMUP_TEXT), "2020-01-06")
    from zhclaims.text.segment import get_segmenter

    get_segmenter()
    return time.perf_counter() - t0


def per_stage(path: Path, trace: bool) -> dict:
    from zhclaims.pipeline import Pipeline

    load = warm_up(Pipeline())
    reset_caches()
    timers = Timers()
    pipe = instrumented_pipeline(timers)
    timers.seconds.clear()
    timers.cpu.clear()
    c0 = time.thread_time()
    arts, read_s = read_articles(path)
    timers.cpu["read"] = time.thread_time() - c0
    chars = sum(len(a.text) for a in arts)
    timers.seconds["read"] = read_s
    if trace:
        tracemalloc.start()
        timers.trace = True
    t0 = time.perf_counter()
    recs = [pipe(a) for a in arts]
    analyze_s = time.perf_counter() - t0
    runner = checks_runner()
    if runner is not None:
        t1, c1 = time.perf_counter(), time.thread_time()
        runner(recs)
        timers.seconds["checks"] = time.perf_counter() - t1
        timers.cpu["checks"] = time.thread_time() - c1
    t1, c1 = time.perf_counter(), time.thread_time()
    for r in recs:
        r.to_json()
    timers.seconds["write"] = time.perf_counter() - t1
    timers.cpu["write"] = time.thread_time() - c1
    if trace:
        tracemalloc.stop()
    stages = {}
    names = [n for n in STAGE_ORDER if n in timers.seconds] + [n for n in timers.seconds if n not in STAGE_ORDER]
    for name in names:
        s, c = timers.seconds[name], timers.cpu[name]
        stages[name] = {"seconds": round(s, 4), "cpu_seconds": round(c, 4),
                        "chars_per_s": round(chars / s) if s > 0 else None,
                        "chars_per_cpu_s": round(chars / c) if c > 0 else None}
        if trace and name in timers.peak_alloc:
            stages[name]["peak_alloc_mb"] = round(timers.peak_alloc[name] / 2**20, 2)
    counts = {
        "articles": len(recs),
        "chars": chars,
        "times": sum(len(r.times) for r in recs),
        "quantities": sum(len(r.quantities) for r in recs),
        "entities": sum(len(r.entities) for r in recs),
        "claims": sum(len(r.claims) for r in recs),
    }
    return {"load_seconds": round(load, 3), "analyze_seconds": round(analyze_s, 4), "stages": stages,
            "counts": counts, "stage_names": [s.name for s in pipe.stages]}


def end_to_end(path: Path, profile: str | None) -> dict:
    from zhclaims.pipeline import Pipeline
    from zhclaims.read import RunSummary
    from zhclaims.run import process

    pipe = Pipeline()
    warm_up(pipe)
    reset_caches()
    summary = RunSummary()
    prof = None
    if profile:
        from pyinstrument import Profiler

        prof = Profiler(interval=0.001)
        prof.start()
    t0, c0 = time.perf_counter(), time.thread_time()
    chars = 0
    for rec in process([str(path)], pipe, summary=summary):
        chars += len(rec.text)
        rec.to_json()
    s = time.perf_counter() - t0
    c = time.thread_time() - c0
    if prof is not None:
        prof.stop()
        Path(profile).write_text(prof.output_html() if profile.endswith(".html") else prof.output_text(unicode=True, show_all=False))
    return {"seconds": round(s, 4), "cpu_seconds": round(c, 4), "chars_per_s": round(chars / s),
            "chars_per_cpu_s": round(chars / c), "records": summary.records,
            "errors": len(summary.errors)}


def yardstick_in_process(path: Path) -> dict:
    from spacy_jieba import blank_zh_jieba, texts

    t0 = time.perf_counter()
    nlp = blank_zh_jieba()
    nlp("预热")  # jieba loads its dictionary on first use
    load = time.perf_counter() - t0
    all_texts = list(texts(str(path)))
    chars = sum(len(t) for t in all_texts)
    t0, c0 = time.perf_counter(), time.thread_time()
    tokens = sum(len(d) for d in nlp.pipe(all_texts))
    s = time.perf_counter() - t0
    c = time.thread_time() - c0
    return {"load_seconds": round(load, 3), "seconds": round(s, 4), "cpu_seconds": round(c, 4),
            "chars_per_s": round(chars / s), "chars_per_cpu_s": round(chars / c), "tokens": tokens}


# --- whole processes -----------------------------------------------------------------------


def run_measured(cmd: list[str], poll: float | None = 0.02) -> dict:
    """Wall time of ``cmd`` and the peak RSS of its processes (each, and all together).

    ``poll=None``: no polling, only ``/usr/bin/time`` (wall, total CPU, exact peak RSS of the
    largest process). Polling the process tree costs this process ~0.1 CPU second per second
    (psutil walks /proc), which a ``--jobs 2`` run on two cores pays in wall time: the timed
    runs are therefore not polled, and one more, polled, run gives the per-process figures."""
    import psutil

    # /usr/bin/time (a small process) reports the exact peak RSS of the largest process under it;
    # rusage read here would include this (big) bench process, which the child starts as a copy of
    timer = ["/usr/bin/time", "-f", "MAXRSS_KB=%M CPU_S=%U+%S"] if os.path.exists("/usr/bin/time") else []
    t0 = time.perf_counter()
    errf = tempfile.TemporaryFile()
    proc = subprocess.Popen(timer + cmd, stdout=subprocess.DEVNULL, stderr=errf, cwd=ROOT)
    ps = psutil.Process(proc.pid)
    peak_each: dict[int, int] = {}
    cpu_each: dict[int, float] = {}  # user+system seconds of each process, at its last poll
    peak_total = 0
    while poll is not None:
        if proc.poll() is not None:
            break
        try:
            tree = [ps] + ps.children(recursive=True)
        except psutil.NoSuchProcess:
            tree = []
        total = 0
        for p in tree:
            try:
                rss = p.memory_info().rss
                ct = p.cpu_times()
            except psutil.Error:
                continue
            total += rss
            peak_each[p.pid] = max(peak_each.get(p.pid, 0), rss)
            cpu_each[p.pid] = ct.user + ct.system
        peak_total = max(peak_total, total)
        time.sleep(poll)
    proc.wait()
    wall = time.perf_counter() - t0
    errf.seek(0)
    err = errf.read().decode(errors="replace")
    errf.close()
    exact, cpu = [], None
    for x in err.splitlines():
        if x.startswith("MAXRSS_KB="):
            kb, _, c = x.partition(" CPU_S=")
            exact.append(int(kb.split("=")[1]))
            u, _, sy = c.partition("+")
            cpu = float(u) + float(sy)  # all processes of the tree (children are waited for)
    rc = proc.returncode
    if rc not in (0, 1):
        raise SystemExit(f"command failed ({rc}): {' '.join(cmd)}\n{err}")
    out = {
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 2) if cpu is not None else None,
        # exact (/usr/bin/time): the largest single process of the tree, main or a worker
        "peak_rss_mb_max_process": round(exact[-1] / 1024, 1) if exact else None,
    }
    if poll is None:
        return out
    main_pid = next((pid for pid in peak_each if pid != proc.pid), proc.pid) if timer else proc.pid
    workers = [v for pid, v in peak_each.items() if pid not in (proc.pid, main_pid)]
    # CPU of the worker processes (polled: may miss their last poll interval) and of the main
    # process (the tree's exact total from /usr/bin/time less the workers' when available)
    cpu_workers = sum(v for pid, v in cpu_each.items() if pid not in (proc.pid, main_pid))
    cpu_main = (cpu - cpu_workers) if cpu is not None else cpu_each.get(main_pid)
    if out["peak_rss_mb_max_process"] is None and peak_each:
        out["peak_rss_mb_max_process"] = round(max(peak_each.values()) / 2**20, 1)
    out.update({
        "cpu_seconds_main": round(cpu_main, 2) if cpu_main is not None else None,
        "cpu_seconds_workers": round(cpu_workers, 2),
        "peak_rss_mb_main": round(peak_each.get(main_pid, 0) / 2**20, 1),  # polled
        "peak_rss_mb_worker": round(max(workers) / 2**20, 1) if workers else None,  # polled
        "peak_rss_mb_total": round(peak_total / 2**20, 1),  # polled, all processes together
        "processes": len(peak_each),
    })
    return out


def whole_process(path: Path, jobs: list[int], repeat: int) -> dict:
    runs: dict[str, list[dict]] = defaultdict(list)
    cmds = {"spacy_jieba": [sys.executable, str(HERE / "spacy_jieba.py"), str(path)]}
    for j in jobs:
        cmds[f"zhclaims_jobs{j}"] = [sys.executable, "-m", "zhclaims.cli", "extract", str(path), "--jobs", str(j)]
    polled: dict[str, dict] = {}
    for _ in range(repeat):  # interleaved, so that a load change hits every command alike
        for name, cmd in cmds.items():
            runs[name].append(run_measured(cmd, poll=None))
    for name, cmd in cmds.items():  # the per-process figures (CPU of main and workers, RSS each)
        polled[name] = run_measured(cmd)
    if path.suffix.lower() in (".jsonl", ".ndjson"):  # start-up alone: the same commands, first article
        with tempfile.TemporaryDirectory() as tmp:
            one = limited_copy(path, 1, tmp)
            for name, cmd in list(cmds.items()):
                if name in ("spacy_jieba", "zhclaims_jobs1"):
                    cmds[f"startup_{name}"] = [str(one) if c == str(path) else c for c in cmd]
                    for _ in range(repeat):
                        runs[f"startup_{name}"].append(run_measured(cmds[f"startup_{name}"], poll=None))
    out = {}
    for name, rs in runs.items():
        best = min(rs, key=lambda r: r["seconds"])
        res = dict(best, all_seconds=[r["seconds"] for r in rs], command=" ".join(cmds[name]))
        if name in polled:
            p = polled[name]
            res.update({k: v for k, v in p.items() if k not in ("seconds", "cpu_seconds", "peak_rss_mb_max_process")})
            res["polled_run"] = {"seconds": p["seconds"], "cpu_seconds": p["cpu_seconds"]}
            exact = [r["peak_rss_mb_max_process"] for r in rs + [p] if r.get("peak_rss_mb_max_process")]
            res["peak_rss_mb_max_process"] = max(exact) if exact else None
        out[name] = res
    return out


# --- report --------------------------------------------------------------------------------


def table(res: dict) -> str:
    lines = []
    c = res["in_process"]["counts"]
    lines.append(f"corpus: {res['corpus']['path']}  ({c['articles']} articles, {c['chars']:,} chars)")
    lines.append(f"load average before/after: {res['machine']['load_before']} / {res['machine']['load_after']}")
    lines.append("")
    lines.append(f"{'stage (in process, warm)':28} {'seconds':>9} {'chars/s':>12} {'cpu s':>8} {'chars/cpu s':>12}")

    def row(name, st, note=""):
        cps = f"{st['chars_per_s']:,}" if st["chars_per_s"] else "-"
        ccs = f"{st['chars_per_cpu_s']:,}" if st.get("chars_per_cpu_s") else "-"
        lines.append(f"{name:28} {st['seconds']:9.3f} {cps:>12} {st.get('cpu_seconds', 0):8.3f} {ccs:>12}{note}")

    for name, st in res["in_process"]["stages"].items():
        row(name, st, "  (inside the stages)" if name == "segment" else "")
    row("end to end (process())", res["end_to_end"])
    y = res["yardstick_in_process"]
    row("spaCy+jieba (in process)", y)
    lines.append(f"load: zhclaims {res['in_process']['load_seconds']} s, spaCy+jieba {y['load_seconds']} s; "
                 f"peak RSS of this bench process {res['bench_peak_rss_mb']} MB")
    if res.get("whole_process"):
        lines.append("")
        lines.append(f"{'whole process (start-up incl.)':34} {'seconds':>8} {'chars/s':>10} {'cpu s':>7} "
                     f"{'main*':>6} {'workers*':>8} {'max RSS MB':>10} {'total*':>6}")

        def num(v, width, fmt):
            return f"{v:{width}{fmt}}" if v is not None else f"{'-':>{width}}"

        for name, r in res["whole_process"].items():
            lines.append(f"{name:34} {r['seconds']:8.2f} {round(c['chars'] / r['seconds']):>10,} {num(r['cpu_seconds'], 7, '.2f')} "
                         f"{num(r.get('cpu_seconds_main'), 6, '.2f')} {num(r.get('cpu_seconds_workers'), 8, '.2f')} "
                         f"{num(r.get('peak_rss_mb_max_process'), 10, '.0f')} {num(r.get('peak_rss_mb_total'), 6, '.0f')}")
        lines.append("seconds, cpu s: best of the unpolled runs; *: from one more run, polled "
                     "(main and workers' CPU, all processes' RSS together)")
        lines.append(f"ratio (spaCy+jieba s / zhclaims 1 job s): {res['ratio']}   target >= 1.0   "
                     f"(in CPU seconds: {res.get('ratio_cpu')})")
        if res.get("speedup"):
            for k, v in res["speedup"].items():
                lines.append(f"speed-up {k} over 1 job: {v}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    ap.add_argument("--jobs", default="1,2", help="--jobs values for the whole-process runs (default 1,2)")
    ap.add_argument("--repeat", type=int, default=1, help="whole-process runs per command; the best counts")
    ap.add_argument("--no-subprocess", action="store_true", help="skip the whole-process runs")
    ap.add_argument("--tracemalloc", action="store_true", help="also measure peak allocation per stage (slower)")
    ap.add_argument("--profile", default=None, help="write a pyinstrument profile of the end-to-end pass")
    args = ap.parse_args(argv)
    if not args.data.exists():
        ap.error(f"{args.data}: not found")
    jobs = sorted({int(j) for j in args.jobs.split(",") if j.strip()})
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        path = limited_copy(args.data, args.limit, tmp)
        res: dict = {
            "corpus": {"path": str(args.data), "limit": args.limit},
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_before": load_before},
        }
        res["in_process"] = per_stage(path, args.tracemalloc)
        res["end_to_end"] = end_to_end(path, args.profile)
        res["yardstick_in_process"] = yardstick_in_process(path)
        res["bench_peak_rss_mb"] = round(rss_peak_mb(), 1)
        if not args.no_subprocess:
            wp = res["whole_process"] = whole_process(path, jobs, args.repeat)
            base = wp.get("zhclaims_jobs1")
            if base:
                res["ratio"] = round(wp["spacy_jieba"]["seconds"] / base["seconds"], 3)
                if base.get("cpu_seconds") and wp["spacy_jieba"].get("cpu_seconds"):
                    res["ratio_cpu"] = round(wp["spacy_jieba"]["cpu_seconds"] / base["cpu_seconds"], 3)
                res["speedup"] = {f"jobs{j}": round(base["seconds"] / wp[f"zhclaims_jobs{j}"]["seconds"], 3)
                                  for j in jobs if j != 1}
        res["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(table(res))
    if args.out:
        args.out.write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
