"""Arguments and printing shared by the commands."""
from __future__ import annotations

import sys
from contextlib import contextmanager

from ..errors import UsageError
from ..read import RunSummary
from ..read.published import parse_published


def add_input_arguments(p) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (.txt .html .htm .jsonl), directories (read recursively), or - for JSON Lines on stdin")
    p.add_argument("--published", metavar="ISO",
                   help="publication time for inputs that carry none (anchors 今年, 1月 ...)")
    p.add_argument("--max-chars", type=_count, default=2_000_000, metavar="N",
                   help="refuse (by name, in the summary) articles longer than N characters (default 2,000,000; "
                        "0: no limit)")


def _count(value: str) -> int:
    """A whole number of at least 0 (argparse reports anything else as a usage error, exit 2)."""
    import argparse

    try:
        n = int(value.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not '{value}'") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (no limit) or more, not {n}")
    return n


def add_jobs_argument(p) -> None:
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="analyze in N worker processes (0: one per CPU); records keep the input order (default 1)")


def jobs_option(args) -> int:
    jobs = getattr(args, "jobs", 1)
    if jobs is None or jobs < 0:
        raise UsageError("E105", detail=str(jobs))
    if jobs == 0:
        from ..parallel import default_jobs

        return default_jobs()
    return jobs


def published_option(args) -> str | None:
    if args.published is None:
        return None
    iso = parse_published(args.published)
    if iso is None:
        raise UsageError("E101", detail=args.published)
    return iso


def print_summary(summary: RunSummary, stream=None) -> None:
    stream = stream or sys.stderr
    for line in summary.lines():
        print(line, file=stream)


def resume_writer(output: str | None, include_text: bool = True):
    """The JSON Lines writer for ``--resume``: it copies the records ``output`` holds (their ids
    are ``writer.existing_ids``) and appends; the file is replaced whole on close, as always."""
    from pathlib import Path

    from ..outputs.jsonl import JsonlWriter

    if output in (None, "-") or Path(output).suffix.lower() not in (".jsonl", ".ndjson"):
        raise UsageError("E106", detail=output or "stdout")
    return JsonlWriter(output, include_text=include_text, append=True)


@contextmanager
def interrupt_on_sigterm():
    """While a run writes its output, SIGTERM (a scheduler stopping the job, ``kill``) stops it
    like Ctrl-C: the records done so far are written whole. Worker processes forked meanwhile
    keep the default action."""
    import os
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pid = os.getpid()

    def handler(signum, frame):
        if os.getpid() != pid:  # a forked worker: die as SIGTERM would have it
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
