"""The entities stage: ``article.entities`` from gazetteers, rules and the shipped NER model."""
from __future__ import annotations

from ..model import Article
from ..pipeline import Context, Stage
from ..text.view import TextView
from . import ner
from .extract import MODES, extract, extract_steps


def _mode(ctx: Context) -> str:
    mode = ctx.options.get("ner", "auto")
    return mode if mode in MODES else "auto"


def run(article: Article, view: TextView, ctx: Context) -> None:
    article.entities = extract(article, view, _mode(ctx))


def steps(article: Article, view: TextView, ctx: Context):
    """``run`` for a batch of articles: yields the texts for the model, takes its answer back."""
    article.entities = yield from extract_steps(article, view, _mode(ctx))


def predict(texts: list[str]) -> list:
    """The model's answer for the texts of a batch of articles (``ner.predict``, looked up at call time)."""
    return ner.predict(texts)


STAGE = Stage(
    name="entities",
    func=run,
    requires=("article.body",),
    assigns=("article.entities",),
    doc="organisations, people, places and products with one canonical name each "
    "(options: ner = all | auto | off: where the statistical model runs)",
    steps=steps,
    predict=predict,
)
