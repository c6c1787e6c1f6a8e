"""The claims stage: one claim per quantity (see ``assemble``)."""
from __future__ import annotations

from ..model import Article
from ..pipeline import Context, Stage
from ..text.view import TextView
from .assemble import assemble


def run(article: Article, view: TextView, ctx: Context) -> None:
    article.claims = assemble(article, view, ctx.published) if article.quantities else []


STAGE = Stage(
    name="claims",
    func=run,
    requires=("article.quantities", "article.times", "article.entities"),
    assigns=("article.claims",),
    doc="Each quantity as a claim: subject, metric, period, comparison, direction, modality, sentence.",
)
