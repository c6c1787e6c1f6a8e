"""The entities stage: ``article.entities`` from gazetteers, rules and the shipped NER model."""
from __future__ import annotations

from ..model import Article
from ..pipeline import Context, Stage
from ..text.view import TextView
from .extract import MODES, extract


def run(article: Article, view: TextView, ctx: Context) -> None:
    mode = ctx.options.get("ner", "auto")
    if mode not in MODES:
        mode = "auto"
    article.entities = extract(article, view, mode)


STAGE = Stage(
    name="entities",
    func=run,
    requires=("article.body",),
    assigns=("article.entities",),
    doc="organisations, people, places and products with one canonical name each "
    "(options: ner = all | auto | off: where the statistical model runs)",
)
