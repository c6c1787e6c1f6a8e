"""``zhclaims extract``: articles to records (JSON Lines to stdout or -o FILE)."""
from __future__ import annotations

from ..errors import UsageError
from ..outputs import open_writer
from ..pipeline import Pipeline
from ..read import RunSummary
from ..run import process
from .common import (add_input_arguments, add_jobs_argument, interrupt_on_sigterm, jobs_option, print_summary,
                     published_option, resume_writer)
from .progress import progress

HELP = "extract entities, times, quantities and claims from articles"


def add_arguments(p) -> None:
    add_input_arguments(p)
    p.add_argument("-o", "--output", metavar="FILE", help="output file, format by extension: .jsonl (records), .parquet (a folder with one file "
                        "per table), .duckdb (one database, six tables), .csv (claims, flattened); "
                        "default: JSON Lines on stdout")
    p.add_argument("--no-text", action="store_true", help="leave the article text out of the records")
    p.add_argument("--resume", action="store_true",
                   help="keep the records the -o FILE (.jsonl) already holds and analyze only inputs whose id "
                        "is not there (after an interrupted run)")
    add_jobs_argument(p)
    p.add_argument("--dask", metavar="ADDRESS",
                   help="run on a Dask cluster (scheduler address, or 'local' for a LocalCluster of --jobs "
                        "processes) and write -o OUT.parquet, one dataset per table; inputs must be readable by the workers")


def run(args) -> int:
    published = published_option(args)
    jobs = jobs_option(args)
    summary = RunSummary()
    if args.dask:
        return _run_dask(args, published, jobs, summary)
    skip_ids = None
    try:
        if args.resume:
            writer = resume_writer(args.output, include_text=not args.no_text)
            skip_ids = writer.existing_counts
            if writer.dropped_lines:
                summary.add("output lines dropped (not whole records)", writer.dropped_lines)
        else:
            writer = open_writer(args.output, include_text=not args.no_text)
    except OSError as exc:  # the folder does not exist, is not writable ...: a usage error, no traceback
        raise UsageError("E104", detail=f"{args.output}: {exc.strerror or exc}") from exc
    try:
        with interrupt_on_sigterm():
            # JSON Lines: records are serialized where they are analyzed (in the workers with --jobs)
            encode = getattr(writer, "encoder", None)
            records = process(args.paths, Pipeline(), published=published, summary=summary, max_chars=args.max_chars,
                              jobs=jobs, skip_ids=skip_ids, exclude=[args.output] if args.output not in (None, "-") else [],
                              encode=encode)
            write = writer.write if encode is None else writer.write_line
            for rec in progress(records, "extract"):
                write(rec)
    except KeyboardInterrupt:
        # Ctrl-C (or SIGTERM): keep what is done, whole; --resume goes on from there
        writer.close()
        summary.interrupted = True
        summary.records = writer.count  # what was written (a record being analyzed is not)
        print_summary(summary)
        raise
    except BaseException:
        writer.abort()  # a failing run leaves the previous output as it was
        print_summary(summary)
        raise
    try:
        writer.close()
    except OSError as exc:  # disk full at the end: the previous output stays as it was
        writer.abort()
        print_summary(summary)
        raise UsageError("E104", detail=f"{args.output}: {exc.strerror or exc}") from exc
    print_summary(summary)
    return summary.exit_status()


def _run_dask(args, published, jobs, summary) -> int:
    from ..dask import extract_to_parquet
    from ..errors import UsageError

    if args.resume:
        raise UsageError("E106", detail=f"--dask {args.dask}")
    try:
        extract_to_parquet(args.paths, args.output or "-", args.dask, published=published, summary=summary,
                           include_text=not args.no_text, workers=jobs if jobs > 1 else None,
                           max_chars=args.max_chars)
    finally:
        print_summary(summary)
    return summary.exit_status()
