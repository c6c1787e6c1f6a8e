"""Running the pipeline over inputs: articles in, records out, every failure in the summary."""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import Errors, InputError, InputWarning
from .model import Article
from .pipeline import Pipeline
from .read import RunSummary, read


def process(paths: Iterable[str], pipeline: Pipeline | None = None, *, published: str | None = None,
            summary: RunSummary | None = None, stdin=None, max_chars: int | None = None,
            skip_ids: set[str] | None = None, jobs: int = 1, exclude: Iterable[str] = (),
            encode: Callable[[Article], Any] | None = None) -> Iterator[Article]:
    """Analyzed articles from ``paths`` in input order; errors go to ``summary``.

    An article whose analysis raises is reported (code E900) and the run goes on: one bad input
    never stops the others. ``skip_ids``: ids to pass over (``--resume``; counted as resumed), or
    a mapping id -> how many inputs with that id to pass over;
    ``exclude``: files a directory walk passes over (the run's own output). ``jobs > 1``
    analyzes in that many worker processes (``parallel``):
    same records, same order, same summary; inputs are read as the workers free up (streaming).
    ``encode``: a module-level function (picklable) applied to each record where it is analyzed,
    yielded instead of the record, e.g. its JSON line: with ``jobs > 1`` the workers then send
    back the bytes to write, and this process neither unpickles records nor serializes them.
    """
    pipeline = pipeline or Pipeline()
    summary = summary if summary is not None else RunSummary()
    kw = {"max_chars": max_chars} if max_chars is not None else {}
    def items():
        # --resume with a count per id (what the output holds): the first that many inputs with
        # that id are skipped, so a later input sharing an id is not taken for a written one
        # (a plain set of ids skips every input with one of those ids)
        if skip_ids is None:
            left = None
        elif isinstance(skip_ids, Mapping):
            left = dict(skip_ids)
        else:
            left = dict.fromkeys(skip_ids, math.inf)
        seen: set[str] = set()
        for item in read(paths, stdin=stdin, skipped=summary.skipped, exclude=exclude, **kw):
            if isinstance(item, InputWarning):  # kept after a repair: named in the summary
                summary.warnings.append(item)
                continue
            if isinstance(item, Article):
                if item.id in seen:
                    summary.warnings.append(InputWarning(item.origin or item.id, None, "W003",
                                                         Errors.W003.format(detail=item.id)))
                seen.add(item.id)
                if left is not None and left.get(item.id, 0) > 0:
                    left[item.id] -= 1
                    summary.resumed += 1
                    continue
            yield item

    if jobs > 1:
        from .parallel import analyze_parallel

        results = analyze_parallel(items(), pipeline, published, jobs, encode=encode)
    else:
        def sequential():
            # consecutive articles analyzed together (``analyze_many``: one entity-model call for
            # them all), a read error kept in its place
            ready = False
            batch: list[Article] = []
            chars = 0
            for it in items():
                if not isinstance(it, Article):
                    if batch:
                        yield from analyze_many(pipeline, batch, published, encode)
                        batch, chars = [], 0
                    yield it
                    continue
                if not ready:
                    prepare(pipeline)
                    ready = True
                batch.append(it)
                chars += len(it.text)
                if len(batch) >= BATCH_SIZE or chars >= BATCH_CHARS:
                    yield from analyze_many(pipeline, batch, published, encode)
                    batch, chars = [], 0
            if batch:
                yield from analyze_many(pipeline, batch, published, encode)

        results = sequential()
    for rec in results:
        if isinstance(rec, InputError):
            summary.errors.append(rec)
            continue
        summary.records += 1
        if isinstance(rec, Encoded):
            summary.add("figures", rec.figures)
            summary.add("claims", rec.claims)
            yield rec.value
            continue
        summary.add("figures", len(rec.quantities))
        summary.add("claims", len(rec.claims))
        yield rec


# articles analyzed together in one process (``analyze_many``): up to this many, or until they hold
# this many characters (records are written a batch at a time)
BATCH_SIZE = 32
BATCH_CHARS = 64_000


@dataclass(slots=True)
class Encoded:
    """A record as ``process(encode=...)`` made it, with the counts the run summary keeps."""

    value: Any
    figures: int
    claims: int


# Holds a figure, a time, a place, an organisation and a speaker cue with no person, so that every
# stage loads its tables and the entity model its weights.
WARMUP_TEXT = ("2020年1月5日，北京市统计局发布数据：去年全市地区生产总值增长6.1%，达到35371.3亿元。"
               "有关负责人表示，今年将继续推进，华为公司计划投资约100亿元。")
_frozen = False


def prepare(pipeline: Pipeline) -> None:
    """Load what the stages load lazily (data tables, jieba's dictionary, the entity model) by
    running the pipeline once on a small text; then, once per process, ``gc.freeze()``: the
    loaded resources (millions of objects) leave the collector's generations, which otherwise
    traverses them again at every full collection (a tenth of the CPU time of a run on the
    People's Daily sample). Objects are still freed by reference counting."""
    global _frozen
    try:
        pipeline(Article(id="warmup", text=WARMUP_TEXT), "2020-01-06")
    except Exception:  # noqa: BLE001 - a stage that fails here fails (and is reported) per article
        pass
    if not _frozen:
        import atexit
        import gc

        gc.freeze()
        atexit.register(_unfreeze_at_exit)
        _frozen = True


# extension modules whose objects must be collected before the interpreter shuts down
_UNFREEZE_FOR = ("duckdb",)


def _unfreeze_at_exit() -> None:
    """Give the frozen objects back to the collector before shutdown when DuckDB is loaded (its
    nanobind bindings report objects not freed by then as leaked). Otherwise leave them frozen:
    the shutdown collection over everything unfrozen cost ~0.2 s CPU, a seventh of a short run."""
    import gc
    import sys

    if any(name in sys.modules for name in _UNFREEZE_FOR):
        gc.unfreeze()


def failure(article: Article | None, detail: str) -> InputError:
    """The E900 error for an article whose analysis failed."""
    where = (article.origin or article.id) if article is not None else "<unknown input>"
    return InputError(where, None, "E900", f"analysis failed: {detail}")


def analyze_one(pipeline: Pipeline, article: Article, published: str | None = None,
                encode: Callable[[Article], Any] | None = None) -> Article | Encoded | InputError:
    """One article through the pipeline; an exception becomes its E900 error, never a crash.
    With ``encode``: the record's ``Encoded`` form (an exception in ``encode`` is an E900 too)."""
    try:
        rec = pipeline(article, published)
        if encode is None:
            return rec
        return Encoded(encode(rec), len(rec.quantities), len(rec.claims))
    except Exception as exc:  # noqa: BLE001 - reported, never lost
        return failure(article, f"{type(exc).__name__}: {exc}")


def analyze_many(pipeline: Pipeline, articles: list[Article], published: str | None = None,
                 encode: Callable[[Article], Any] | None = None) -> list[Article | Encoded | InputError]:
    """``analyze_one`` for each article, in order, with the same results; the batch is analyzed
    together (``Pipeline.run_many``: one entity-model call for all its articles)."""
    done = pipeline.run_many(articles, published)  # (an article's exception comes back in its place)
    out: list[Article | Encoded | InputError] = []
    for article, rec in zip(articles, done):
        if isinstance(rec, Exception):
            out.append(failure(article, f"{type(rec).__name__}: {rec}"))
            continue
        try:
            out.append(rec if encode is None else Encoded(encode(rec), len(rec.quantities), len(rec.claims)))
        except Exception as exc:  # noqa: BLE001 - reported, never lost
            out.append(failure(article, f"{type(exc).__name__}: {exc}"))
    return out
