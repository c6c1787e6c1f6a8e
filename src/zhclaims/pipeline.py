"""One pipeline, one direction: read -> clean -> view -> times -> quantities -> entities -> claims.

Each extraction stage is a plain function ``func(article, view, ctx)`` that adds to the record and
declares what it needs (``requires``) and what it sets (``assigns``), like a spaCy component's
metadata. ``spacy_components.py`` wraps the same functions as registered spaCy factories.
``Pipeline.run_many`` runs a batch of articles with one call per model for all of them (a stage's
``steps``/``predict``), with the records of one article at a time.
"""
from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import UsageError
from .model import Article
from .read.published import parse_published
from .text.normalize import normalize
from .text.view import TextView


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Article, TextView, "Context"], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    doc: str = ""
    # for a batch of articles (``Pipeline.run_many``): ``func`` as a generator that yields the
    # inputs it needs ``predict`` to answer (a list) and takes the answers back (a list, one per
    # input), so that one ``predict`` call serves the whole batch (the entity model's per-call
    # overhead is paid once); ``predict``'s answer for an input must not depend on the others
    steps: Callable[[Article, TextView, "Context"], Generator[list, list, object]] | None = None
    predict: Callable[[list], list] | None = None


@dataclass
class Context:
    """What a stage may read besides the record: the anchor time and shared per-article state."""

    published: dt.datetime | None = None
    options: dict = field(default_factory=dict)
    state: dict = field(default_factory=dict)  # per-article scratch shared between stages


# Stage modules in pipeline order; each defines ``STAGE``.
STAGE_MODULES = (
    "zhclaims.times.stage",
    "zhclaims.numbers.stage",
    "zhclaims.entities.stage",
    "zhclaims.claims.stage",
)


def load_stages(names: Iterable[str] | None = None) -> list[Stage]:
    stages = [importlib.import_module(m).STAGE for m in STAGE_MODULES]
    if names is None:
        return stages
    wanted = set(names)
    unknown = wanted - {s.name for s in stages}
    if unknown:
        raise UsageError("E109", detail=",".join(sorted(unknown)))
    return [s for s in stages if s.name in wanted]


def to_datetime(published: str | dt.date | dt.datetime | None) -> dt.datetime | None:
    if published is None:
        return None
    iso = parse_published(published)
    return dt.datetime.fromisoformat(iso) if iso else None


class Pipeline:
    """Runs the stages over articles. Build once (it loads data and models), call many times."""

    def __init__(self, stages: Iterable[str] | None = None, *, clean: bool = True, simplify: bool = True,
                 options: dict | None = None) -> None:
        self.stages = load_stages(stages)
        self.clean = clean
        self.simplify = simplify
        self.options = options or {}

    def view(self, article: Article, norm: str | None = None) -> TextView:
        return TextView(article.text, article.body, simplify=self.simplify, norm=norm)

    def _start(self, article: Article, published: str | dt.datetime | None) -> tuple[TextView, Context]:
        """Clean the article and build its view and context: what every stage reads."""
        from .clean import clean

        option = parse_published(published) if published is not None else None
        # normalize once: the cleaner's rules and the stages read the same simplified view
        norm = normalize(article.text, simplify=True) if self.simplify or self.clean else None
        if self.clean:
            clean(article, published_option=option, norm=norm)
        elif article.published is None and option:
            article.published, article.published_from = option, "option"
        if not article.body and article.text:
            from .model import Span

            article.body = [Span(0, len(article.text))]
        view = self.view(article, norm if self.simplify else None)
        return view, Context(published=to_datetime(article.published), options=self.options)

    def __call__(self, article: Article, published: str | dt.datetime | None = None) -> Article:
        view, ctx = self._start(article, published)
        for stage in self.stages:
            stage.func(article, view, ctx)
        return article

    def run_many(self, articles: list[Article], published: str | dt.datetime | None = None) -> list[Article | Exception]:
        """Each article through the pipeline, as ``self(article, published)`` would (same records),
        with one ``predict`` call per batching stage (``Stage.steps``) for all of them. Returns,
        in order, each article or the exception its analysis raised (the others go on)."""
        out: list[Article | Exception] = list(articles)
        live: dict[int, _Progress] = {}
        for k, a in enumerate(articles):
            try:
                live[k] = _Progress(*self._start(a, published))
            except Exception as exc:  # noqa: BLE001 - that article's error, not the batch's
                out[k] = exc
        while live:
            asks: dict[int, list] = {}
            for k in list(live):
                try:
                    if self._advance(articles[k], live[k]):
                        asks[k] = live[k].ask
                    else:
                        del live[k]
                except Exception as exc:  # noqa: BLE001
                    out[k] = exc
                    del live[k]
            by_predict: dict[Callable, list[int]] = {}
            for k in asks:
                by_predict.setdefault(self.stages[live[k].stage].predict, []).append(k)
            for predict, keys in by_predict.items():
                _answer(predict, [live[k] for k in keys])
        return out

    def _advance(self, article: Article, p: "_Progress") -> bool:
        """Run the article's stages until one waits for ``predict`` (True) or all are done (False)."""
        if p.gen is not None:
            answer, p.answer = p.answer, None
            try:
                p.ask = p.gen.throw(answer) if isinstance(answer, Exception) else p.gen.send(answer)
                return True
            except StopIteration:
                p.gen = None
                p.stage += 1
        while p.stage < len(self.stages):
            stage = self.stages[p.stage]
            if stage.steps is None or stage.predict is None:
                stage.func(article, p.view, p.ctx)
            else:
                gen = stage.steps(article, p.view, p.ctx)
                try:
                    p.ask = next(gen)
                    p.gen = gen
                    return True
                except StopIteration:
                    pass
            p.stage += 1
        return False

    def pipe(self, articles: Iterable[Article], published=None, batch_size: int = 32) -> Iterator[Article]:
        """The analyzed articles, in order, ``batch_size`` at a time (``run_many``); an article's
        exception is raised where its record would come."""
        batch: list[Article] = []
        for a in articles:
            batch.append(a)
            if len(batch) >= batch_size:
                yield from _raise_or_yield(self.run_many(batch, published))
                batch = []
        if batch:
            yield from _raise_or_yield(self.run_many(batch, published))


@dataclass(slots=True)
class _Progress:
    """Where an article is in ``run_many``: its next stage, and a batching stage's open generator."""

    view: TextView
    ctx: Context
    stage: int = 0
    gen: Generator | None = None
    ask: list | None = None
    answer: object = None


def _answer(predict: Callable[[list], list], waiting: list[_Progress]) -> None:
    """One ``predict`` call for the inputs of all ``waiting`` articles, split back per article;
    if it raises, each article's inputs are asked alone, so the error stays with its article."""
    inputs = [x for p in waiting for x in p.ask]
    try:
        answers = predict(inputs)
    except Exception:  # noqa: BLE001 - find whose input fails
        for p in waiting:
            try:
                p.answer = predict(p.ask)
            except Exception as exc:  # noqa: BLE001 - raised inside that article's stage
                p.answer = exc
        return
    i = 0
    for p in waiting:
        p.answer = answers[i:i + len(p.ask)]
        i += len(p.ask)


def _raise_or_yield(results: list) -> Iterator[Article]:
    for r in results:
        if isinstance(r, Exception):
            raise r
        yield r


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default
