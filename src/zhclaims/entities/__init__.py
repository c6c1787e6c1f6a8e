"""Entities: organisations (ORG), people (PERSON), places (GPE) and products (PRODUCT).

Each mention is a ``zhclaims.model.Entity`` (text, start, end, label, name, source) with offsets
into ``Article.text``; ``name`` is the entity's canonical name within the article, shared by all
its mentions (零跑 and 零跑汽车 -> 零跑汽车 when the article names 零跑汽车; Stellantis集团 ->
Stellantis; 我国 -> 中国). ``source`` says which layer found it: gazetteer, rule or model.

Public functions:

``extract_entities(text, ner="auto") -> list[Entity]``
    entities of a plain text (the whole text is the body).
``main_organization(article) -> str | None``
    the canonical name of the organisation the article mentions most (run the stage first).
``resolve_reference(surface, article) -> str | None``
    what a reference stands for: 我国/国内/全国/中方 -> 中国; 公司/该公司/品牌/该品牌/企业 ... ->
    ``main_organization(article)``; a surface that is an entity mention -> its name; else None.

Importing this package registers the gazetteer names with the jieba user dictionary
(``zhclaims.text.segment.register_words``), so names like 马来西亚 or 宁德时代 are not split.
"""
from __future__ import annotations

from ..model import Article, Entity, Span
from ..text.segment import register_words
from ..text.view import TextView
from .canonical import main_organization, resolve_reference
from .gazetteers import jieba_words

register_words(jieba_words)

__all__ = ["extract_entities", "main_organization", "resolve_reference"]


def extract_entities(text: str, ner: str = "auto") -> list[Entity]:
    """Entities of ``text`` (all of it is the body), sorted by start."""
    from .extract import extract

    if not isinstance(text, str) or not text:
        return []
    art = Article(id="text", text=text, body=[Span(0, len(text))])
    return extract(art, TextView(text, art.body), ner)
