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
                    _nlp = _load(_import_spacy(), path)
                _loaded = True
    return _nlp


def _import_spacy():
    """``import spacy`` without its command-line package when spaCy is not imported yet.

    ``spacy/__init__`` imports ``spacy.cli.info`` only to export ``spacy.info``, and that pulls in
    the whole CLI (weasel, typer, requests, httpx, jinja2): about a third of spaCy's import time
    (~0.17 s of start-up here), and start-up runs serially before ``--jobs`` workers fork. So
    ``spacy.cli`` and ``spacy.cli.info`` are stand-ins while spaCy imports, and are removed after
    it: a later ``import spacy.cli`` loads the real CLI, and ``spacy.info`` calls the real
    ``info``. If spaCy's import ever needs more of its CLI than that, it is imported again plainly
    (the same approach as ``text.segment._import_jieba`` takes for pkg_resources).
    """
    import sys
    import types

    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        import spacy

        return spacy
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that ``spacy.cli.info`` resolves to the stand-in below
    info_mod = types.ModuleType("spacy.cli.info")

    def info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    info_mod.info = info
    stand_ins = {"spacy.cli": cli, "spacy.cli.info": info_mod}
    sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:
        spacy = None
    finally:
        for name, mod in stand_ins.items():
            if sys.modules.get(name) is mod:
                del sys.modules[name]
    if spacy is None:  # a spaCy whose import needs more of its CLI: import it plainly
        import spacy

        return spacy
    if getattr(spacy, "cli", None) is cli:
        del spacy.cli  # the real package is imported (and set here) on first use
    return spacy


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
