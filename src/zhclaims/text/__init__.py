"""Text views: a normalized, same-length view of the article, sentences, clauses, segmentation."""
from .normalize import normalize
from .view import TextView

__all__ = ["normalize", "TextView"]
