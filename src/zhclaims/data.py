"""Loading the package's data files (rules are data: units, metrics, time words, gazetteers ...).

Each stage keeps its files in ``<stage>/data/``; code reads them only through these helpers, so
the integrity tests can load every file the same way the code does.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from .errors import DataFileError


def data_path(package: str, name: str):
    """A Traversable for ``zhclaims.<package>/data/<name>``."""
    return resources.files(f"zhclaims.{package}").joinpath("data", name)


@lru_cache(maxsize=None)
def load_text(package: str, name: str) -> str:
    return data_path(package, name).read_text(encoding="utf-8")


# libyaml's parser when PyYAML was built with it (7x faster on our files, same safe constructors
# and resolvers, so the same values: tests/test_data_yaml.py compares both on every file)
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load_yaml(package: str, name: str):
    try:
        return yaml.load(load_text(package, name), Loader=_SafeLoader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError("E201", detail=f"{package}/data/{name}: {exc}") from exc


@lru_cache(maxsize=None)
def load_tsv(package: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated file; blank lines and lines starting with # are skipped."""
    rows = []
    for line in load_text(package, name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(c.strip() for c in line.split("\t")))
    return tuple(rows)


def list_data_files(package: str) -> list[str]:
    root = resources.files(f"zhclaims.{package}").joinpath("data")
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if p.is_file())
