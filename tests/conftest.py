import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEED_000 = CORPUS / "000_e2371e4b98839708.txt"
SEED_002 = CORPUS / "002_e6f051ebe136f740.txt"


def shared_dir() -> Path | None:
    """../shared beside the repository root (or $ZHCLAIMS_SHARED), when present."""
    env = os.environ.get("ZHCLAIMS_SHARED")
    cand = Path(env) if env else ROOT.parent / "shared"
    return cand if (cand / "gold").is_dir() else None


@pytest.fixture
def shared():
    d = shared_dir()
    if d is None:
        pytest.skip("needs ../shared (evaluation data beside the repository root); not present here")
    return d


@pytest.fixture(scope="session")
def seed000() -> str:
    return SEED_000.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed002() -> str:
    return SEED_002.read_text(encoding="utf-8")
