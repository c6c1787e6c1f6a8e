"""Cleaning: the article body (portal boilerplate left out), title, publication time, source."""
from .body import clean, find_body

__all__ = ["clean", "find_body"]
