"""Evaluation against ../shared data, with pinned baselines a change may not lower.

Each stage has a scorer module ``zhclaims.eval.<stage>`` with ``evaluate(data: Path) -> dict``
returning ``{"scores": {name: float}, "details": {...}}``; its pinned scores live in
``eval/baselines/<stage>.json`` as ``{name: float}``. ``zhclaims eval STAGE --data ../shared``
prints the scores and fails (exit 1) when one falls below its baseline; the test suite's eval
gate does the same when ../shared is present (trafilatura's evaluation gate is the model).
"""
from __future__ import annotations

import importlib
import json
from importlib import resources
from pathlib import Path

STAGES = ("quantities", "times", "entities", "claims", "checks")
TOLERANCE = 1e-9


def scorer(stage: str):
    return importlib.import_module(f"zhclaims.eval.{stage}")


def baseline(stage: str) -> dict[str, float]:
    p = resources.files("zhclaims.eval").joinpath("baselines", f"{stage}.json")
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def baseline_path(stage: str) -> Path:
    return Path(__file__).with_name("baselines") / f"{stage}.json"


def compare(scores: dict[str, float], pinned: dict[str, float]) -> list[str]:
    """Names of pinned scores that the new scores lower (or drop)."""
    return [k for k, v in pinned.items() if k not in scores or scores[k] < v - TOLERANCE]


def run(stage: str, data: Path) -> tuple[dict, list[str]]:
    result = scorer(stage).evaluate(Path(data))
    return result, compare(result["scores"], baseline(stage))
