"""zhclaims: read Chinese news and check its figures.

Library API (the CLI is a thin layer over it):

- ``analyze(text, published=None, ...)`` -> ``Article`` record with body, times, quantities,
  entities and claims;
- ``read(paths)`` -> articles (and ``InputError``s) from files, directories or ``-`` (stdin);
- ``Pipeline`` to analyze many articles with one set of loaded resources;
- ``nlp()`` -> a spaCy ``zh`` pipeline (jieba segmentation) with the zhclaims components.
"""
from __future__ import annotations

import datetime as dt
import os as _os
import sys as _sys

# The entity model multiplies small matrices, one article's windows at a time. OpenBLAS would
# spread each product over every core and spin its threads between products: on two cores that
# cost nine times the CPU of one thread (and starves --jobs workers). One BLAS thread, unless the
# caller chose otherwise; ``BLAS_SINGLE`` says whether it holds (numpy not loaded before us).
_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
BLAS_SINGLE = _os.environ.get("OPENBLAS_NUM_THREADS") == "1" and "numpy" not in _sys.modules

from .errors import InputError, ZhclaimsError
from .model import Article, Claim, Entity, Finding, Quantity, Span, Time
from .pipeline import Pipeline, default_pipeline
from .read import RunSummary, read

__version__ = "0.1.0"


def analyze(text: str, published: str | dt.date | dt.datetime | None = None, *, id: str = "text",
            title: str | None = None, source: str | None = None, url: str | None = None,
            clean: bool = True, pipeline: Pipeline | None = None) -> Article:
    """Analyze one article's text and return its record.

    ``published`` anchors relative times (今年, 1月 ...); when None, it is read from the text where
    the page shows it, else inferred from the latest full date mentioned, else left null.
    ``clean=False`` takes the whole text as the body (no boilerplate rules).
    """
    if not isinstance(text, str):
        raise TypeError("analyze() takes a str")
    art = Article(id=id, text=text, title=title, source=source, url=url)
    pipe = pipeline if pipeline is not None else (default_pipeline() if clean else Pipeline(clean=False))
    return pipe(art, published)


def nlp(**kw):
    """A spaCy ``zh`` pipeline (jieba segmentation with the zhclaims dictionary) with the zhclaims
    components added; ``doc._.article`` holds the record, ``doc._.claims`` its claims."""
    from .spacy_components import make_nlp

    return make_nlp(**kw)


__all__ = [
    "analyze", "read", "nlp", "Pipeline", "Article", "Entity", "Time", "Quantity", "Claim", "Finding",
    "Span", "InputError", "ZhclaimsError", "RunSummary", "__version__",
]
