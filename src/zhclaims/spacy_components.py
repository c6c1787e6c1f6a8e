"""spaCy integration: the zhclaims stages as registered components, and the jieba tokenizer.

Each component is a thin wrapper over the plain stage function (``pipeline.Stage``): the record
lives in ``doc._.article`` (built from ``doc.text`` on first use), the stages fill it, and the
components also expose their results as spaCy spans: ``doc.spans["zh_times"]``,
``doc.spans["zh_quantities"]``, ``doc.ents`` for entities, and ``doc._.claims``.

A spaCy user adds them to their own ``zh`` pipeline by name (entry points make them known
without importing zhclaims first)::

    nlp = spacy.blank("zh")
    nlp.add_pipe("zhclaims_times"); nlp.add_pipe("zhclaims_quantities")
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .model import Article, Span
from .pipeline import Context, load_stages, to_datetime
from .text.normalize import normalize
from .text.segment import JiebaTokenizer
from .text.view import TextView

for _name in ("article", "zh_view", "zh_ctx"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("claims"):
    Doc.set_extension("claims", getter=lambda doc: doc._.article.claims if doc._.article is not None else [])


@spacy.registry.tokenizers("zhclaims.JiebaTokenizer.v1")
def create_jieba_tokenizer():
    def make(nlp):
        return JiebaTokenizer(nlp.vocab)

    return make


def _record(doc: Doc, clean: bool = False) -> tuple[Article, TextView, Context]:
    if doc._.article is None:
        art = Article(id=str(doc.user_data.get("id", "doc")), text=doc.text)
        published = doc.user_data.get("published")
        norm = normalize(doc.text)  # once, for the cleaner's rules and the view
        if clean:
            from .clean import clean as clean_article

            clean_article(art, published_option=published, norm=norm)
        else:
            art.body = [Span(0, len(doc.text))] if doc.text else []
            if published:
                art.published, art.published_from = str(published), "option"
        doc._.article = art
        doc._.zh_view = TextView(doc.text, art.body, norm=norm)
        doc._.zh_ctx = Context(published=to_datetime(art.published))
    return doc._.article, doc._.zh_view, doc._.zh_ctx


def _char_spans(doc: Doc, items, label_of):
    out = []
    for it in items:
        sp = doc.char_span(it.start, it.end, label=label_of(it), alignment_mode="expand")
        if sp is not None:
            out.append(sp)
    return out


class StageComponent:
    """Runs one zhclaims stage on a Doc and mirrors its results as spaCy spans."""

    def __init__(self, nlp: Language, name: str, stage: str) -> None:
        self.name = name
        self.stage = next(s for s in load_stages() if s.name == stage)

    def __call__(self, doc: Doc) -> Doc:
        art, view, ctx = _record(doc)
        self.stage.func(art, view, ctx)
        if self.stage.name == "times":
            doc.spans["zh_times"] = _char_spans(doc, art.times, lambda t: t.kind)
        elif self.stage.name == "quantities":
            doc.spans["zh_quantities"] = _char_spans(doc, art.quantities, lambda q: q.unit or "NUM")
        elif self.stage.name == "entities":
            doc.ents = filter_spans(_char_spans(doc, art.entities, lambda e: e.label))
        return doc


@Language.factory("zhclaims_clean", assigns=["doc._.article"], requires=[])
def make_clean(nlp: Language, name: str):
    def clean_component(doc: Doc) -> Doc:
        _record(doc, clean=True)
        return doc

    return clean_component


@Language.factory("zhclaims_times", assigns=["doc._.article", "doc.spans"], requires=[])
def make_times(nlp: Language, name: str):
    return StageComponent(nlp, name, "times")


@Language.factory("zhclaims_quantities", assigns=["doc._.article", "doc.spans"], requires=[])
def make_quantities(nlp: Language, name: str):
    return StageComponent(nlp, name, "quantities")


@Language.factory("zhclaims_entities", assigns=["doc._.article", "doc.ents"], requires=[])
def make_entities(nlp: Language, name: str):
    return StageComponent(nlp, name, "entities")


@Language.factory("zhclaims_claims", assigns=["doc._.claims"], requires=["doc._.article"])
def make_claims(nlp: Language, name: str):
    return StageComponent(nlp, name, "claims")


COMPONENTS = {
    "times": "zhclaims_times",
    "quantities": "zhclaims_quantities",
    "entities": "zhclaims_entities",
    "claims": "zhclaims_claims",
}


def make_nlp(clean: bool = True) -> Language:
    """spaCy ``zh`` with the zhclaims jieba tokenizer and every available zhclaims component."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "zhclaims.JiebaTokenizer.v1"}}})
    if clean:
        nlp.add_pipe("zhclaims_clean")
    for stage in load_stages():
        nlp.add_pipe(COMPONENTS[stage.name])
    return nlp
