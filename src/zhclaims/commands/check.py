"""``zhclaims check``: verify figures within each article and across all of them.

Inputs are articles (extraction runs first) or the records ``zhclaims extract`` wrote (a ``.jsonl``
whose rows carry ``quantities``/``claims``: read back as they are). Findings go out as JSON Lines
(stdout or ``-o FILE``); the summary on stderr counts figures, relations checked and each verdict.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Article
from ..outputs import JsonlWriter, open_writer
from ..pipeline import Pipeline
from ..read import RunSummary
from ..run import process
from .common import add_input_arguments, add_jobs_argument, jobs_option, print_summary, published_option

HELP = "check the figures within each article and across articles (findings as JSON Lines)"


def add_arguments(p) -> None:
    add_input_arguments(p)
    p.add_argument("-o", "--output", metavar="FILE",
                   help="output file: .jsonl (findings); .parquet, .duckdb (the six tables: records and findings), "
                        ".csv (claims); default: findings as JSON Lines on stdout")
    p.add_argument("--within-only", action="store_true", help="check each article on its own, not across articles")
    add_jobs_argument(p)


def is_records_file(path: str) -> bool:
    """A .jsonl that ``extract`` wrote: its first row has quantities or claims."""
    p = Path(path)
    if p.suffix.lower() not in (".jsonl", ".ndjson") or not p.is_file():
        return False
    try:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    return isinstance(row, dict) and ("quantities" in row or "claims" in row)
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return False


def read_records(path: str, summary: RunSummary) -> Iterator[Article]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = Article.from_dict(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                summary.errors.append(InputError.make(path, "E006", line=n, detail=f"{type(exc).__name__}: {exc}"))
                continue
            summary.records += 1
            summary.add("figures", len(rec.quantities))
            yield rec


def articles(paths: list[str], published: str | None, summary: RunSummary, max_chars: int,
             jobs: int = 1) -> Iterator[Article]:
    records = [p for p in paths if is_records_file(p)]
    texts = [p for p in paths if p not in records]
    for p in records:
        yield from read_records(p, summary)
    if texts:
        yield from process(texts, Pipeline(), published=published, summary=summary, max_chars=max_chars, jobs=jobs)


def run(args) -> int:
    # imported here, not at the top: the CLI imports every command's module to build its parser
    from ..checks import check_across, check_article, default_lexicon

    published = published_option(args)
    summary = RunSummary()
    summary.counts.update({"figures": 0})
    lex = default_lexicon()
    writer = open_writer(args.output)
    # table outputs (.parquet, .duckdb, .csv) hold the records beside the findings
    with_records = not isinstance(writer, JsonlWriter)
    counts = {"relations checked": 0, "consistent": 0, "inconsistent": 0, "unverifiable": 0}

    def emit(findings):
        for f in findings:
            writer.write_finding(f)
            counts["relations checked"] += 1
            counts[f.verdict] = counts.get(f.verdict, 0) + 1

    kept: list[Article] = []
    try:
        for art in articles(args.paths, published, summary, args.max_chars, jobs_option(args)):
            try:
                found = check_article(art, lex)
            except Exception as exc:  # noqa: BLE001 - one article's failure never stops the run
                summary.errors.append(InputError(art.origin or art.id, None, "E900", f"check failed: {type(exc).__name__}: {exc}"))
                continue
            emit(found)
            if with_records:
                writer.write(art)
            if not args.within_only:
                kept.append(art)
        if len(kept) > 1:
            emit(check_across(kept, lex))
    except BaseException:
        writer.abort()
        print_summary(summary)
        raise
    writer.close()
    summary.counts.pop("claims", None)
    summary.counts.update(counts)
    print_summary(summary, sys.stderr)
    return summary.exit_status()
