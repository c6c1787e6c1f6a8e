"""``zhclaims report PATH... -o report.html``: extract, check, and render one offline HTML page."""
from __future__ import annotations

import importlib
import sys

from ..errors import UsageError
from ..outputs.report import write_report
from ..pipeline import Pipeline
from ..read import RunSummary
from ..run import process
from .common import add_input_arguments, print_summary, published_option
from .progress import progress

HELP = "extract and check articles, and write a self-contained HTML report of their claims and findings"


def add_arguments(p) -> None:
    add_input_arguments(p)
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the report file (.html)")
    p.add_argument("--title", default="zhclaims report", help="the page title")


def checker():
    """``zhclaims.checks.check`` once the checks package provides it, else None (the report then
    shows every claim as unchecked and says that the checks did not run)."""
    try:
        mod = importlib.import_module("zhclaims.checks")
    except ImportError:
        return None
    return getattr(mod, "check", None)


def run(args) -> int:
    if not args.output.lower().endswith((".html", ".htm")):
        raise UsageError("E103", detail=args.output)
    published = published_option(args)
    summary = RunSummary()
    records = list(progress(process(args.paths, Pipeline(), published=published, summary=summary,
                                    max_chars=args.max_chars), "extract"))
    check = checker()
    findings = list(check(records)) if check is not None else []
    summary.add("findings", len(findings))
    try:
        write_report(args.output, records, findings, title=args.title, checked=check is not None)
    except OSError as exc:
        raise UsageError("E104", detail=f"{args.output}: {exc.strerror or exc}") from exc
    print_summary(summary)
    if check is None:
        print("zhclaims: the checks are not available; claims are shown as unchecked", file=sys.stderr)
    print(f"zhclaims: report written to {args.output}", file=sys.stderr)
    return summary.exit_status()
