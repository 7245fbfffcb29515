"""``run``: stream a source in chunks through the steps to Parquet, resumably.

>>> import tempfile
>>> from toolkit.datasets import load_sample
>>> out = tempfile.mkdtemp()
>>> manifest = run(load_sample(), steps=["actors", "tone"], out=out, chunk_size=3,
...                progress=False)
>>> manifest["status"], manifest["chunks"], manifest["rows"]["documents"]
('complete', 3, 8)
>>> run(load_sample(), steps=["actors", "tone"], out=out, chunk_size=3,
...     progress=False)["skipped"]
3
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit.errors import MESSAGES, MissingFileError

from ._errors import PipelineOptionError, StaleOutputError
from ._manifest import changes, fingerprint_inputs, run_key, versions
from ._steps import resolve_steps
from ._store import MANIFEST, STATUS_DIR, chunk_dir, read_json, write_json

BACKENDS = ("local", "dask")
FIXED_TABLES = ("documents", "rejects")


def _check_options(out: Any, chunk_size: Any, backend: Any, n_workers: Any,
                   scheduler: Any) -> None:
    if out is None or str(out) == "":
        raise PipelineOptionError("--out", out, "an output folder is required")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise PipelineOptionError("--chunk-size", chunk_size, "must be a whole number >= 1")
    if backend not in BACKENDS:
        raise PipelineOptionError("--backend", backend, f"must be one of {', '.join(BACKENDS)}")
    if n_workers is not None and (isinstance(n_workers, bool) or not isinstance(n_workers, int)
                                  or n_workers < 1):
        raise PipelineOptionError("--workers", n_workers, "must be a whole number >= 1")
    if scheduler is not None and backend != "dask":
        raise PipelineOptionError("--scheduler", scheduler, "needs --backend dask")


def _clear(out: Path, manifest: Mapping[str, Any] | None) -> None:
    """Remove what a previous run wrote (its tables, chunk status, manifest), nothing else."""
    tables = set(FIXED_TABLES) | set((manifest or {}).get("parameters", {}).get("steps", {}))
    for name in sorted(tables) + [STATUS_DIR]:
        if (out / name).is_dir():
            shutil.rmtree(out / name)
    if (out / MANIFEST).exists():
        (out / MANIFEST).unlink()


def _remove_partial_files(out: Path, tables: list[str]) -> None:
    """Delete the temporary files a killed run left (never a finished file)."""
    for name in [*tables, STATUS_DIR]:
        for path in (out / name).rglob(".*.tmp"):
            path.unlink(missing_ok=True)
    for path in out.glob(f".{MANIFEST}.*.tmp"):
        path.unlink(missing_ok=True)


def _done(out: Path, key: str) -> dict[int, dict[str, Any]]:
    found = {}
    for path in (out / STATUS_DIR).glob("chunk=*.json"):
        try:
            status = read_json(path)
        except (OSError, ValueError):
            continue  # unreadable: the chunk is computed again
        if status.get("key") == key:
            found[int(status["chunk"])] = status
    return found


def _chunks(source: Any, chunk_size: int, load_options: Mapping[str, Any],
            ) -> Iterator[tuple[int, pd.DataFrame, pd.DataFrame]]:
    import toolkit.corpus as tc

    stream = tc.iter_load(source, chunk_size=chunk_size, errors="collect", **load_options)
    for index, chunk in enumerate(stream):
        rejects = tc.rejects(chunk)
        chunk = chunk.copy()
        chunk.attrs = {}
        yield index, chunk, rejects


def run(source: Any, *, steps: Any = None, out: str | os.PathLike, chunk_size: int = 1000,
        backend: str = "local", scheduler: str | None = None, n_workers: int | None = None,
        rebuild: bool = False, duplicates: str = "raise",
        columns: Mapping[str, str] | None = None, progress: bool = True) -> dict[str, Any]:
    """Run the analyses over a corpus chunk by chunk and write the results as Parquet.

    Parameters
    ----------
    source : path, glob, folder, list of those, or DataFrame
        Anything :func:`toolkit.corpus.iter_load` reads; read with ``errors="collect"``, so
        bad records go to the ``rejects`` table.
    steps : list of names, mapping name -> config, or None
        The analyses (:data:`STEPS`: ``keyphrases``, ``quotes``, ``people`` (person mentions),
        ``actors``, ``dictionary``, ``tone``); ``None`` runs all of them with their default
        configs. A mapping overrides config keys, e.g. ``{"keyphrases": {"top_k": 5}}``.
    out : folder
        Where the tables go: ``out/<table>/chunk=NNNNN/part.parquet`` and
        ``out/manifest.json``.
    chunk_size : int
        Articles per chunk: the unit of work, of memory, of resumption and of the output
        partitions. Keyphrase scores use the chunk as the corpus for document frequencies
        (with the background table), so they depend on it; it is a recorded parameter.
    backend : {"local", "dask"}
        ``"local"`` runs the chunks one after another in this process; ``"dask"`` runs them
        as tasks on ``dask.distributed`` (see :mod:`toolkit.pipeline`).
    scheduler : str, optional
        Address of a running Dask scheduler (``tcp://host:8786``); by default a
        ``LocalCluster`` of ``n_workers`` processes with one thread each.
    n_workers : int, optional
        Worker processes of the ``LocalCluster`` (default 2).
    rebuild : bool
        Delete the output of a previous run in ``out`` and compute everything again. Without
        it, a run whose inputs or parameters differ from the manifest's is refused
        (:class:`StaleOutputError`), and one that matches skips its finished chunks.
    duplicates, columns
        As :func:`toolkit.corpus.load`.
    progress : bool
        Show a progress bar of articles and chunks (tqdm).

    Returns
    -------
    dict
        The manifest, as written to ``out/manifest.json``: ``inputs`` (path, bytes, sha256),
        ``parameters``, ``versions``, ``rows`` per table, ``chunks``, ``records_read``,
        ``skipped`` (chunks already finished), ``status`` and ``seconds``.
    """
    started = time.time()
    _check_options(out, chunk_size, backend, n_workers, scheduler)
    spec = resolve_steps(steps)
    out = Path(out).resolve()
    load_options: dict[str, Any] = {"duplicates": duplicates}
    if columns:
        load_options["columns"] = dict(columns)
    parameters = {"chunk_size": chunk_size, "steps": spec, "load": load_options,
                  "annotate": {"newlines": "break"}}
    inputs = fingerprint_inputs(source)
    missing = [i["path"] for i in inputs if i["sha256"] is None]
    if missing or not inputs:
        raise MissingFileError(MESSAGES["pipeline_no_input"],
                               source=missing[0] if missing else str(source))
    key = run_key(inputs, parameters)
    manifest: dict[str, Any] = {
        "format": "toolkit.pipeline/1", "status": "running", "key": key, "inputs": inputs,
        "parameters": parameters, "versions": versions(), "backend": backend,
        "tables": list(FIXED_TABLES) + list(spec)}

    old = read_json(out / MANIFEST) if (out / MANIFEST).exists() else None
    if old is None and out.is_dir() and any(out.iterdir()):
        raise PipelineOptionError("--out", out, MESSAGES["pipeline_not_output"].format(out=out))
    if old is not None:
        found = changes(old, manifest)
        if rebuild:
            _clear(out, old)
        elif found:
            raise StaleOutputError(out, found)
    out.mkdir(parents=True, exist_ok=True)
    _remove_partial_files(out, manifest["tables"])
    write_json(out / MANIFEST, manifest)

    done = _done(out, key)
    skipped = len(done)
    chunks = _chunks(source, chunk_size, load_options)
    bar = _progress(progress, source, chunk_size)
    try:
        if backend == "dask":
            from ._dask import run_dask

            statuses = run_dask(chunks, done, out=out, steps=spec, key=key, bar=bar,
                                scheduler=scheduler, n_workers=n_workers)
        else:
            statuses = _run_local(chunks, done, out=out, steps=spec, key=key, bar=bar)
    finally:
        if bar is not None:
            bar.close()
    manifest.update(_totals(statuses, source, spec))
    manifest.update({"status": "complete", "skipped": skipped,
                     "seconds": round(time.time() - started, 2)})
    write_json(out / MANIFEST, manifest)
    return manifest


def _progress(progress: bool, source: Any, chunk_size: int) -> Any:
    if not progress:
        return None
    from tqdm.auto import tqdm

    total = len(source) if isinstance(source, pd.DataFrame) else None
    return tqdm(total=total, desc="pipeline", unit="article", dynamic_ncols=True)


def advance(bar: Any, status: Mapping[str, Any], *, skipped: bool = False) -> None:
    """Move the progress bar by one chunk's articles and show the chunks done."""
    if bar is None:
        return
    bar.update(status["documents"] + status["rejects"])
    done = bar.postfix_chunks = getattr(bar, "postfix_chunks", 0) + 1
    bar.set_postfix_str(f"chunk {done}" + (" (done before)" if skipped else ""), refresh=False)


def _run_local(chunks: Any, done: Mapping[int, Mapping[str, Any]], *, out: Path,
               steps: Mapping[str, Any], key: str, bar: Any) -> dict[int, dict[str, Any]]:
    from ._chunk import process_chunk

    statuses: dict[int, dict[str, Any]] = {}
    for index, chunk, rejects in chunks:
        if index in done:
            statuses[index] = dict(done[index])
            advance(bar, statuses[index], skipped=True)
            continue
        statuses[index] = process_chunk(chunk, rejects, index, out=out, steps=steps,
                                        run_id=key)
        advance(bar, statuses[index])
    return statuses


def _totals(statuses: Mapping[int, Mapping[str, Any]], source: Any,
            spec: Mapping[str, Any]) -> dict[str, Any]:
    """Row counts per table and the check that every record read is a document or a reject."""
    indexes = sorted(statuses)
    if indexes != list(range(len(indexes))):
        raise OSError(MESSAGES["pipeline_rows"].format(
            chunk="?", detail=f"chunks missing from the run: {indexes}"))
    tables = list(FIXED_TABLES) + list(spec)
    rows = {t: sum(int(s["rows"][t]) for s in statuses.values()) for t in tables}
    records = sum(int(s["documents"]) + int(s["rejects"]) for s in statuses.values())
    for s in statuses.values():
        if int(s["rows"]["documents"]) != int(s["documents"]):
            raise OSError(MESSAGES["pipeline_rows"].format(
                chunk=s["chunk"], detail="documents table does not hold the chunk's records"))
    if isinstance(source, pd.DataFrame) and records != len(source):
        raise OSError(MESSAGES["pipeline_rows"].format(
            chunk="*", detail=f"{len(source)} rows in, {rows['documents']} documents + "
                              f"{rows['rejects']} rejects out"))
    per_chunk = {chunk_dir(i): {"documents": statuses[i]["documents"],
                                "rejects": statuses[i]["rejects"],
                                "rows": statuses[i]["rows"],
                                "cpu_seconds": statuses[i].get("cpu_seconds")} for i in indexes}
    return {"chunks": len(indexes), "records_read": records, "rows": rows,
            "rows_check": f"{records} records read = {rows['documents']} documents + "
                          f"{rows['rejects']} rejects",
            "chunk_status": per_chunk}
