"""The report's record: ``manifest.json`` and ``index.html`` after each notebook.

Also the entries of an earlier run kept by ``--only``.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from dataclasses import asdict, fields
from importlib import metadata
from pathlib import Path
from typing import Any

from toolkit.report._execute import NotebookResult, describe
from toolkit.report._files import write_text_atomic

REPO = Path(__file__).resolve().parents[2]

PACKAGES = (
    "pandas",
    "numpy",
    "nltk",
    "matplotlib",
    "networkx",
    "pyyaml",
    "trafilatura",
    "ftfy",
    "vadersentiment",
    "joblib",
    "tqdm",
    "nbclient",
    "nbconvert",
    "nbformat",
    "ipykernel",
    "jupytext",
)



def _versions() -> dict[str, str]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return out


def _git_state() -> dict[str, Any] | None:
    """Commit of the repository the toolkit runs from, and whether files were modified."""
    import subprocess

    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "toolkit", "notebooks"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return {"commit": head, "modified": bool(dirty)}



def _earlier_results(out: Path, folder: Path, paths: list[Path]) -> dict[str, NotebookResult]:
    """Entries of the previous manifest in ``out`` for the notebooks not run now.

    Kept only when the notebook still exists in ``folder`` and its page is still in ``out``.
    """
    try:
        previous = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        entries = list(previous["notebooks"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    running = {p.stem for p in paths}
    present = {p.stem for p in folder.glob("*.ipynb")}
    known = {f.name for f in fields(NotebookResult)}
    kept = {}
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("name") in running:
            continue
        if entry.get("name") not in present or not entry.get("html"):
            continue
        if not (out / entry["html"]).exists():
            continue
        result = NotebookResult(**{k: v for k, v in entry.items() if k in known})
        if not result.earlier_run:
            result.earlier_run = previous.get("started_utc")
            result.parameters = previous.get("parameters")
        kept[result.name] = result
    return kept


def _planned(path: Path) -> NotebookResult:
    """The entry of a notebook not run yet."""
    import nbformat

    title, summary = describe(nbformat.read(path, as_version=4))
    return NotebookResult(name=path.stem, title=title or path.stem, summary=summary)


def _write_state(
    out: Path,
    results: list[NotebookResult],
    injected: dict[str, Any],
    started: float,
    t0: float,
    *,
    state: str,
) -> dict[str, Any]:
    """Write ``manifest.json`` and ``index.html`` atomically; return the manifest."""
    from toolkit import __version__
    from toolkit.cache import code_fingerprint
    from toolkit.report._index import write_index

    inputs = {json.dumps(i, sort_keys=True) for r in results for i in r.inputs}
    manifest = {
        "state": state,
        "toolkit_version": __version__,
        "toolkit_code": code_fingerprint(),
        "git": _git_state(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "packages": _versions(),
        "parameters": injected,
        "command": " ".join(["python -m toolkit.report", *sys.argv[1:]])
        if sys.argv and sys.argv[0].endswith("__main__.py")
        else None,
        "inputs": [json.loads(i) for i in sorted(inputs)],
        "started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "seconds": round(time.perf_counter() - t0, 1),
        "notebooks": [asdict(r) for r in results],
    }
    text = json.dumps(manifest, indent=2, default=str) + "\n"
    write_text_atomic(out / "manifest.json", text)
    write_index(out, manifest)
    return manifest
