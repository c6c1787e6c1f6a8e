"""One pipeline, one direction: read -> clean -> view -> times -> quantities -> entities -> claims.

Each extraction stage is a plain function ``func(article, view, ctx)`` that adds to the record and
declares what it needs (``requires``) and what it sets (``assigns``), like a spaCy component's
metadata. ``spacy_components.py`` wraps the same functions as registered spaCy factories.
"""
from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
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

    def __call__(self, article: Article, published: str | dt.datetime | None = None) -> Article:
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
        ctx = Context(published=to_datetime(article.published), options=self.options)
        for stage in self.stages:
            stage.func(article, view, ctx)
        return article

    def pipe(self, articles: Iterable[Article], published=None):
        for a in articles:
            yield self(a, published)


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default
