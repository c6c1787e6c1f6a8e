"""``zhclaims extract``: articles to records (JSON Lines to stdout or -o FILE)."""
from __future__ import annotations

from ..outputs import open_writer
from ..pipeline import Pipeline
from ..read import RunSummary
from ..run import process
from .common import add_input_arguments, add_jobs_argument, jobs_option, print_summary, published_option
from .progress import progress

HELP = "extract entities, times, quantities and claims from articles"


def add_arguments(p) -> None:
    add_input_arguments(p)
    p.add_argument("-o", "--output", metavar="FILE", help="output file, format by extension: .jsonl (records), .parquet (a folder with one file "
                        "per table), .duckdb (one database, six tables), .csv (claims, flattened); "
                        "default: JSON Lines on stdout")
    p.add_argument("--no-text", action="store_true", help="leave the article text out of the records")
    add_jobs_argument(p)


def run(args) -> int:
    published = published_option(args)
    jobs = jobs_option(args)
    summary = RunSummary()
    writer = open_writer(args.output, include_text=not args.no_text)
    try:
        records = process(args.paths, Pipeline(), published=published, summary=summary, max_chars=args.max_chars,
                          jobs=jobs)
        for rec in progress(records, "extract"):
            writer.write(rec)
    except BaseException:
        writer.abort()
        print_summary(summary)
        raise
    writer.close()
    print_summary(summary)
    return summary.exit_status()
