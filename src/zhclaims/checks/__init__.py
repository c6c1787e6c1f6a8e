"""Checks: verify figures within an article and across sources, with evidence.

- ``check_article(article)``: relations between the figures of one article (growth, sums of
  parts and revisions, averages, the same figure stated twice), see ``within``;
- ``check_across(articles)``: the same measure in different articles, see ``across``;
- ``check(records)``: both, over records (``Article`` objects or the dicts ``extract`` writes).

Every finding names its figures (article, quantity index, surface, offsets), the expected and
stated values with the intervals the written precision and hedges allow (``tolerance``), how far
they miss, the sentences as evidence, and one readable sentence (``explain``).
"""
from __future__ import annotations

from collections.abc import Iterable

from ..model import Article, Finding
from .across import check_across as _across, comparable_across
from .facts import facts
from .measures import Lexicon, default_lexicon
from .within import check_within

__all__ = ["check", "check_article", "check_across", "Lexicon", "default_lexicon", "summarize"]


def check_article(article: Article, lexicon: Lexicon | None = None) -> list[Finding]:
    return check_within(article, lexicon or default_lexicon())


def check_across(articles: Iterable[Article], lexicon: Lexicon | None = None) -> list[Finding]:
    return _across(list(articles), lexicon or default_lexicon())


def check(records: Iterable[Article | dict], lexicon: Lexicon | None = None, across: bool = True) -> list[Finding]:
    """Within each record, then across all of them."""
    lex = lexicon or default_lexicon()
    arts = [r if isinstance(r, Article) else Article.from_dict(r) for r in records]
    out: list[Finding] = []
    kept: list[list] = []  # each article's facts once, for both; across reads only these
    for a in arts:
        fs = facts(a)
        out.extend(check_within(a, lex, fs))
        kept.append([f for f in fs if comparable_across(f)])
    if across and len(arts) > 1:
        out.extend(_across(arts, lex, kept))
    return out


def summarize(findings: Iterable[Finding]) -> dict[str, int]:
    """Counts for the run summary: relations checked and each verdict."""
    counts = {"relations checked": 0, "consistent": 0, "inconsistent": 0, "unverifiable": 0}
    for f in findings:
        counts["relations checked"] += 1
        counts[f.verdict] = counts.get(f.verdict, 0) + 1
    return counts
