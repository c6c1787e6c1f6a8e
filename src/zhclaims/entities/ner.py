"""The statistical layer: a character-level spaCy NER shipped in ``entities/model/``.

Trained by ``scripts/train_ner.py`` on CLUENER2020 train (see the README). It reads characters
(spaCy's ``zh`` char segmenter), so an entity boundary inside a jieba word is never lost, and it
reads ``view.norm`` (half-width, simplified), as it was trained on normalized text.
"""
from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path

LABELS = {"ORG", "PERSON", "GPE"}
_lock = threading.Lock()
_nlp = None
_loaded = False


def model_path() -> Path:
    return Path(str(resources.files("zhclaims.entities").joinpath("model")))


def get_model():
    """The loaded spaCy pipeline (once per process), or None when the package holds no model."""
    global _nlp, _loaded
    if not _loaded:
        with _lock:
            if not _loaded:
                path = model_path()
                if (path / "meta.json").exists():
                    import spacy

                    _nlp = _load(spacy, path)
                _loaded = True
    return _nlp


def _load(spacy, path):
    """numpy's BLAS (OpenBLAS, with AVX-512 kernels) multiplies the model's matrices 2-3 times
    faster than thinc's default blis here, with the same predictions; it is used when BLAS runs
    one thread (``zhclaims.BLAS_SINGLE``), since a threaded BLAS would spin between the small products."""
    from .. import BLAS_SINGLE

    if not BLAS_SINGLE:
        return spacy.load(path)
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        return spacy.load(path)


# Predictions by text: the model reads each text on its own (the CNN's windows stop at a text's
# ends, the parser runs per text), so a text's answer does not depend on its batch. News repeats
# its windows (记者, 据介绍, 他说, 西部地区 ...): a fifth of the characters on the People's Daily
# sample. Bounded, per process.
_CACHE: dict[str, list[tuple[int, int, str]]] = {}
CACHE_SIZE = 20_000


def predict(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) per text, offsets into that text; [] for each text without a model."""
    nlp = get_model()
    if nlp is None:
        return [[] for _ in texts]
    if len(_CACHE) + len(texts) > CACHE_SIZE:
        _CACHE.clear()
    todo = [t for t in dict.fromkeys(texts) if t not in _CACHE]
    if todo:
        for t, doc in zip(todo, nlp.pipe(todo, batch_size=64)):
            _CACHE[t] = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]
    return [list(_CACHE[t]) for t in texts]
