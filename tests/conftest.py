"""Shared test fixtures: where ``../shared`` is, and the seed article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DCT_SHARED", REPO.parent / "shared"))
SEED_PATH = SHARED / "seeds" / "000_af3e30dc651e5e02.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ``../shared`` folder (override with ``DCT_SHARED``)."""
    if not SHARED.is_dir():
        pytest.fail(f"../shared not found at {SHARED}; set DCT_SHARED to its path")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_raw(seed_path: Path) -> str:
    """The seed web page as scraped, boilerplate included."""
    return seed_path.read_text(encoding="utf-8")
