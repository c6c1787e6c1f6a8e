"""Running the pipeline over inputs: articles in, records out, every failure in the summary."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .errors import InputError, InputWarning
from .model import Article
from .pipeline import Pipeline
from .read import RunSummary, read


def process(paths: Iterable[str], pipeline: Pipeline | None = None, *, published: str | None = None,
            summary: RunSummary | None = None, stdin=None, max_chars: int | None = None,
            skip_ids: set[str] | None = None, jobs: int = 1, exclude: Iterable[str] = ()) -> Iterator[Article]:
    """Analyzed articles from ``paths`` in input order; errors go to ``summary``.

    An article whose analysis raises is reported (code E900) and the run goes on: one bad input
    never stops the others. ``skip_ids``: ids to pass over (``--resume``; counted as resumed);
    ``exclude``: files a directory walk passes over (the run's own output). ``jobs > 1``
    analyzes in that many worker processes (``parallel``):
    same records, same order, same summary; inputs are read as the workers free up (streaming).
    """
    pipeline = pipeline or Pipeline()
    summary = summary if summary is not None else RunSummary()
    kw = {"max_chars": max_chars} if max_chars is not None else {}
    def items():
        for item in read(paths, stdin=stdin, skipped=summary.skipped, exclude=exclude, **kw):
            if isinstance(item, InputWarning):  # kept after a repair: named in the summary
                summary.warnings.append(item)
                continue
            if skip_ids is not None and isinstance(item, Article) and item.id in skip_ids:
                summary.resumed += 1
                continue
            yield item

    if jobs > 1:
        from .parallel import analyze_parallel

        results = analyze_parallel(items(), pipeline, published, jobs)
    else:
        results = (analyze_one(pipeline, it, published) if isinstance(it, Article) else it for it in items())
    for rec in results:
        if isinstance(rec, InputError):
            summary.errors.append(rec)
            continue
        summary.records += 1
        summary.add("figures", len(rec.quantities))
        summary.add("claims", len(rec.claims))
        yield rec


def failure(article: Article | None, detail: str) -> InputError:
    """The E900 error for an article whose analysis failed."""
    where = (article.origin or article.id) if article is not None else "<unknown input>"
    return InputError(where, None, "E900", f"analysis failed: {detail}")


def analyze_one(pipeline: Pipeline, article: Article, published: str | None = None) -> Article | InputError:
    """One article through the pipeline; an exception becomes its E900 error, never a crash."""
    try:
        return pipeline(article, published)
    except Exception as exc:  # noqa: BLE001 - reported, never lost
        return failure(article, f"{type(exc).__name__}: {exc}")
