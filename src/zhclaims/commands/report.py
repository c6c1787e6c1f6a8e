"""``zhclaims report PATH... -o report.html``: extract, check, and render one offline HTML page.

Inputs are what ``zhclaims check`` takes: articles (extraction runs first) or the ``.jsonl``
records ``zhclaims extract`` wrote (rendered as they are, not extracted again).
"""
from __future__ import annotations

import sys

from ..errors import UsageError
from ..read import RunSummary
from ..pipeline import Pipeline
from ..run import process
from .check import is_records_file, read_records
from .common import add_input_arguments, add_jobs_argument, jobs_option, print_summary, published_option
from .progress import progress

HELP = "extract and check articles, and write a self-contained HTML report of their claims and findings"


def add_arguments(p) -> None:
    add_input_arguments(p)
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the report file (.html)")
    p.add_argument("--title", default="zhclaims report", help="the page title")
    p.add_argument("--within-only", action="store_true", help="check each article on its own, not across articles")
    add_jobs_argument(p)


def articles(args, published, summary):
    """Records first (extract's .jsonl, read as they are), then the articles, analyzed."""
    records = [p for p in args.paths if is_records_file(p)]
    texts = [p for p in args.paths if p not in records]
    for p in records:
        yield from read_records(p, summary)
    if texts:
        yield from process(texts, Pipeline(), published=published, summary=summary, max_chars=args.max_chars,
                           jobs=jobs_option(args), exclude=[args.output])


def run(args) -> int:
    # imported here, not at the top: the CLI imports every command's module to build its parser
    from ..checks import check
    from ..outputs.report import write_report

    if not args.output.lower().endswith((".html", ".htm")):
        raise UsageError("E103", detail=args.output)
    published = published_option(args)
    summary = RunSummary()
    records = list(progress(articles(args, published, summary), "extract"))
    findings = check(records, across=not args.within_only)
    summary.add("findings", len(findings))
    try:
        write_report(args.output, records, findings, title=args.title)
    except OSError as exc:
        raise UsageError("E104", detail=f"{args.output}: {exc.strerror or exc}") from exc
    print_summary(summary)
    print(f"zhclaims: report written to {args.output}", file=sys.stderr)
    return summary.exit_status()
