"""The times stage: fills ``article.times`` (sorted by start) from the body."""
from __future__ import annotations

from ..model import Article
from ..pipeline import Context, Stage
from ..text.view import TextView
from .extract import find_times


def run(article: Article, view: TextView, ctx: Context) -> None:
    article.times = find_times(view, ctx.published)


STAGE = Stage(
    name="times",
    func=run,
    requires=("article.body", "article.published"),
    assigns=("article.times",),
    doc="Time expressions (dates, ranges, durations, sets, vague words) with intervals anchored to the "
        "publication time, or to the latest date the article writes when it has none.",
)
