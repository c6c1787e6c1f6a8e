"""The boilerplate rules of ``clean/data/boilerplate.yaml``, compiled once."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data import load_yaml
from ..errors import DataFileError

SECTIONS = ("footer_starts", "drop_anywhere", "header_drop", "meta")


@dataclass(frozen=True)
class Rules:
    footer_starts: tuple
    drop_anywhere: tuple
    header_drop: tuple
    meta: tuple


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw = load_yaml("clean", "boilerplate.yaml")
    compiled = {}
    for section in SECTIONS:
        entries = raw.get(section) or []
        pats = []
        for entry in entries:
            try:
                pats.append(regex.compile(entry["re"]))
            except (KeyError, TypeError, regex.error) as exc:
                raise DataFileError("E201", detail=f"clean/data/boilerplate.yaml {section}: {entry!r}: {exc}") from exc
        compiled[section] = tuple(pats)
    return Rules(**compiled)
