"""The run's manifest: inputs and their sha256, parameters, versions, rows, chunk status.

``DIR/manifest.json`` is written when a run starts (status ``running``), after every chunk,
and when it ends (``complete``, with the row counts per table). A chunk is finished when its
status file ``DIR/_chunks/chunk=NNNNN.json`` exists with this run's ``key`` (the sha256 of
inputs and parameters); it is written after all of the chunk's tables.

>>> import pandas as pd
>>> inputs = fingerprint_inputs(pd.DataFrame({"text": ["One."]}))
>>> inputs[0]["kind"], inputs[0]["rows"], len(inputs[0]["sha256"])
('dataframe', 1, 64)
>>> old = {"inputs": inputs, "parameters": {"chunk_size": 10}}
>>> changes(old, {"inputs": inputs, "parameters": {"chunk_size": 20}})
['parameter chunk_size was 10, now 20']
"""

from __future__ import annotations

import glob as globmod
import hashlib
import json
import os
import platform
import sys
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

_PACKAGES = ("pandas", "numpy", "pyarrow", "duckdb", "dask", "distributed", "nltk")


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _files(source: Any) -> list[Path]:
    if isinstance(source, list | tuple):
        return [f for item in source for f in _files(item)]
    text = os.fspath(source)
    path = Path(text)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
    if any(ch in text for ch in "*?["):
        return sorted(Path(p) for p in globmod.glob(text, recursive=True) if Path(p).is_file())
    return [path]


def fingerprint_inputs(source: Any) -> list[dict[str, Any]]:
    """One entry per input: each file (path, bytes, sha256) or the DataFrame (rows, sha256).

    A DataFrame is hashed from its values (``pandas.util.hash_pandas_object``) and column
    names, so an edited cell or a renamed column changes the digest.
    """
    if isinstance(source, pd.DataFrame):
        digest = hashlib.sha256(json.dumps([str(c) for c in source.columns]).encode())
        hashed = pd.util.hash_pandas_object(source.astype(object), index=False)
        digest.update(hashed.to_numpy().tobytes())
        return [{"kind": "dataframe", "rows": len(source), "sha256": digest.hexdigest()}]
    entries = []
    for path in _files(source):
        if not path.is_file():
            entries.append({"kind": "file", "path": str(path), "bytes": None, "sha256": None})
            continue
        entries.append({"kind": "file", "path": str(path.resolve()),
                        "bytes": path.stat().st_size, "sha256": _sha256_file(path)})
    return entries


def versions() -> dict[str, str]:
    """Versions of Python, the toolkit and the packages the pipeline uses."""
    import toolkit

    found = {"python": platform.python_version(), "toolkit": toolkit.__version__}
    for name in _PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    found["platform"] = sys.platform
    return found


def run_key(inputs: list[dict[str, Any]], parameters: Mapping[str, Any]) -> str:
    """sha256 of the inputs' digests and the parameters: what a chunk's output depends on."""
    digests = [(i.get("path"), i["sha256"]) for i in inputs]
    blob = json.dumps({"inputs": digests, "parameters": parameters}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """What differs between a manifest's inputs and parameters and this run's, in words."""
    found = []
    old_in = {i.get("path", "<DataFrame>"): i for i in old.get("inputs", [])}
    new_in = {i.get("path", "<DataFrame>"): i for i in new.get("inputs", [])}
    for name in sorted(old_in.keys() | new_in.keys()):
        if name not in new_in:
            found.append(f"input {name} no longer read")
        elif name not in old_in:
            found.append(f"input {name} is new")
        elif old_in[name]["sha256"] != new_in[name]["sha256"]:
            found.append(f"input {name} changed (sha256 {str(old_in[name]['sha256'])[:12]}... "
                         f"now {str(new_in[name]['sha256'])[:12]}...)")
    old_p, new_p = old.get("parameters", {}), new.get("parameters", {})
    for key in sorted(old_p.keys() | new_p.keys()):
        if json.dumps(old_p.get(key), sort_keys=True) != json.dumps(new_p.get(key),
                                                                    sort_keys=True):
            found.append(f"parameter {key} was {_short(old_p.get(key))}, "
                         f"now {_short(new_p.get(key))}")
    return found


def _short(value: Any) -> str:
    text = json.dumps(value, sort_keys=True)
    return text if len(text) <= 80 else text[:77] + "..."
