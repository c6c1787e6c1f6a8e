"""Quantities: every figure in running Chinese text, with value, unit, hedge and bounds.

``parse_number(s)`` reads one clean string (parse.py); ``extract_quantities(text_or_view)``
finds the figures in running text (extract.py); ``stage.STAGE`` is the pipeline stage.
"""
from .extract import extract_quantities
from .parse import Number, parse_number, parse_numeral

__all__ = ["Number", "extract_quantities", "parse_number", "parse_numeral"]
