"""What the numbers tests share: their written tables (tests/data/numbers/*.yaml) and how a
number read is compared with the one a table expects."""
from pathlib import Path

import yaml


def table(name: str) -> dict:
    """``{family: [case, ...]}`` from ``tests/data/numbers/<name>.yaml``."""
    return yaml.safe_load((Path(__file__).parent / "data" / "numbers" / f"{name}.yaml").read_text(encoding="utf-8"))


def close(a, b) -> bool:
    """Equal within floating-point noise (relative 1e-9); None only equals None."""
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)), abs(float(b)))
