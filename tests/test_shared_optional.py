"""Tests that need ``../shared`` skip on a fresh clone, naming the file, and fail when required."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEEDS_SHARED = "tests/corpus/test_load_formats.py::test_allsides_corpus"


def _pytest(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DCT_")}
    environ.update(DCT_SHARED=str(tmp_path / "no-shared"), **env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", NEEDS_SHARED],
        cwd=REPO, env=environ, capture_output=True, text=True, timeout=300,
    )


def test_missing_shared_skips_naming_the_file(tmp_path):
    run = _pytest(tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 skipped" in run.stdout
    assert "allsides_middle_east.jsonl.gz" in run.stdout


def test_missing_shared_fails_when_required(tmp_path):
    run = _pytest(tmp_path, DCT_REQUIRE_SHARED="1")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "DCT_REQUIRE_SHARED=1" in run.stdout and "1 failed" in run.stdout
