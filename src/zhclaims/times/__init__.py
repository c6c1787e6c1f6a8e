"""Times: every time expression in an article, resolved against its publication time.

``extract_times(text, published)`` is the plain function; ``stage.STAGE`` is the pipeline stage
(and the ``zhclaims_times`` spaCy component wraps it).
"""
from .extract import extract_times, find_times

__all__ = ["extract_times", "find_times"]
