"""Running the pipeline over inputs: articles in, records out, every failure in the summary."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .errors import InputError
from .model import Article
from .pipeline import Pipeline
from .read import RunSummary, read


def process(paths: Iterable[str], pipeline: Pipeline | None = None, *, published: str | None = None,
            summary: RunSummary | None = None, stdin=None, max_chars: int | None = None,
            skip_ids: set[str] | None = None) -> Iterator[Article]:
    """Analyzed articles from ``paths`` in input order; errors go to ``summary``.

    An article whose analysis raises is reported (code E900) and the run goes on: one bad input
    never stops the others.
    """
    pipeline = pipeline or Pipeline()
    summary = summary if summary is not None else RunSummary()
    kw = {"max_chars": max_chars} if max_chars is not None else {}
    for item in read(paths, stdin=stdin, skipped=summary.skipped, **kw):
        if isinstance(item, InputError):
            summary.errors.append(item)
            continue
        if skip_ids is not None and item.id in skip_ids:
            summary.resumed += 1
            continue
        try:
            rec = pipeline(item, published)
        except Exception as exc:  # noqa: BLE001 - reported, never lost
            summary.errors.append(InputError(item.origin or item.id, None, "E900", f"analysis failed: {type(exc).__name__}: {exc}"))
            continue
        summary.records += 1
        summary.add("figures", len(rec.quantities))
        summary.add("claims", len(rec.claims))
        yield rec
