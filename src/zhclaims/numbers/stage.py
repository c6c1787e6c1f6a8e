"""The quantities stage: fills ``article.quantities`` from the body, never overlapping a time."""
from __future__ import annotations

from ..model import Article
from ..pipeline import Context, Stage
from ..text.view import TextView
from .extract import extract_quantities


def run(article: Article, view: TextView, ctx: Context) -> None:
    article.quantities = extract_quantities(view, exclude=article.times)


STAGE = Stage(
    name="quantities",
    func=run,
    requires=("article.body", "article.times"),
    assigns=("article.quantities",),
    doc="numbers with unit, currency, hedge and bounds; ranges and lists; skips times, codes, idioms",
)
