"""One chunk, start to end: annotate once, run the steps, write every table, then its status.

This is the task a backend runs (in the driver process, or on a Dask worker); it reads only
its own chunk's records and writes only its own partition files.

>>> import tempfile, pandas as pd
>>> from toolkit.pipeline._steps import resolve_steps
>>> out = tempfile.mkdtemp()
>>> chunk = pd.DataFrame({"doc_id": ["a"], "text": ["Iran and Iraq met."]})
>>> status = process_chunk(chunk, None, 0, out=out, steps=resolve_steps(["actors"]),
...                        run_id="k")
>>> status["documents"], status["rows"]
(1, {'documents': 1, 'rejects': 0, 'actors': 2})
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit.errors import MESSAGES

from ._errors import PipelineOptionError
from ._steps import run_step
from ._store import STATUS_DIR, chunk_dir, parquet_rows, write_json, write_table

#: Corpus columns left out of the ``documents`` table (the text stays in the source).
TEXT_COLUMNS = ("text", "lede", "boilerplate")
_REJECT_COLUMNS = ("source_file", "source_line", "doc_id", "error", "raw")


def _documents_schema(frame: pd.DataFrame) -> Any:
    import pyarrow as pa

    fields = []
    for col in frame.columns:
        if col == "date":
            fields.append(pa.field(col, pa.timestamp("ns")))
        elif col in ("source_line", "n_chars"):
            fields.append(pa.field(col, pa.int64()))
        else:
            fields.append(pa.field(col, pa.large_string()))
    return pa.schema(fields)


def documents_table(chunk: pd.DataFrame) -> pd.DataFrame:
    """The ``documents`` rows of a chunk: the corpus minus its texts, plus ``n_chars``.

    Every column but ``date`` (timestamp), ``source_line`` and ``n_chars`` (int64) is
    stored as text, so a document variable has one type in every chunk.
    """
    frame = chunk.drop(columns=[c for c in TEXT_COLUMNS if c in chunk.columns])
    frame.insert(1, "n_chars", chunk["text"].fillna("").str.len().astype("int64"))
    for col in frame.columns:
        if col == "date":
            frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
        elif col in ("source_line", "n_chars"):
            frame[col] = frame[col].astype("int64")
        else:
            frame[col] = frame[col].map(lambda v: v if v is None or isinstance(v, str) else
                                        (None if pd.isna(v) else str(v))).astype(object)
    return frame.reset_index(drop=True)


def rejects_table(rejects: pd.DataFrame | None) -> pd.DataFrame:
    """The rejects of a chunk with fixed columns and types (an empty frame when none)."""
    if rejects is None or rejects.empty:
        rejects = pd.DataFrame({c: [] for c in _REJECT_COLUMNS})
    frame = pd.DataFrame({c: rejects.get(c) for c in _REJECT_COLUMNS})
    for col in _REJECT_COLUMNS:
        if col == "source_line":
            frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("Int64")
        else:
            frame[col] = frame[col].map(lambda v: None if v is None or (not isinstance(v, str)
                                        and pd.isna(v)) else str(v)).astype(object)
    return frame.reset_index(drop=True)


def _rejects_schema() -> Any:
    import pyarrow as pa

    return pa.schema([(c, pa.int64() if c == "source_line" else pa.large_string())
                      for c in _REJECT_COLUMNS])


def process_chunk(chunk: pd.DataFrame, rejects: pd.DataFrame | None, index: int, *,
                  out: str | os.PathLike, steps: Mapping[str, Mapping[str, Any]],
                  run_id: str) -> dict[str, Any]:
    """Annotate ``chunk``, run ``steps``, write its tables and status; return the status.

    Checks, before the status is written, that every table file holds the rows computed,
    that the ``documents`` rows are the chunk's records and that every step row belongs to
    a document of the chunk.
    """
    from toolkit.annotate import annotate

    started = time.process_time()
    out = Path(out)
    chunk = chunk.reset_index(drop=True)
    docs = documents_table(chunk)
    rej = rejects_table(rejects)
    frames: dict[str, pd.DataFrame] = {}
    if len(chunk):
        ac = annotate(chunk, cache=False)
        for name, config in steps.items():
            frames[name] = run_step(name, config, ac)
    else:  # a chunk of rejects only: empty tables with the right columns
        ac = annotate(pd.DataFrame({"doc_id": ["_"], "text": ["x"]}), cache=False)
        for name, config in steps.items():
            frames[name] = run_step(name, config, ac).iloc[:0]
    rows = {"documents": len(docs), "rejects": len(rej)}
    paths = {"documents": write_table(out, "documents", index, docs,
                                      schema=_documents_schema(docs)),
             "rejects": write_table(out, "rejects", index, rej, schema=_rejects_schema())}
    ids = set(chunk["doc_id"])
    for name, frame in frames.items():
        stray = set(frame["doc_id"]) - ids if "doc_id" in frame else set()
        if stray:
            raise PipelineOptionError("steps", name, MESSAGES["pipeline_rows"].format(
                chunk=index, detail=f"rows of unknown doc_id(s) {sorted(stray)[:3]}"))
        paths[name] = write_table(out, name, index, frame)
        rows[name] = len(frame)
    for name, path in paths.items():
        if parquet_rows(path) != rows[name]:
            raise OSError(MESSAGES["pipeline_rows"].format(
                chunk=index, detail=f"{path} holds {parquet_rows(path)} rows, not {rows[name]}"))
    status = {"chunk": index, "key": run_id, "documents": len(chunk), "rejects": len(rej),
              "rows": rows, "first_doc_id": chunk["doc_id"].iloc[0] if len(chunk) else None,
              "cpu_seconds": round(time.process_time() - started, 3), "pid": os.getpid()}
    write_json(out / STATUS_DIR / f"{chunk_dir(index)}.json", status)
    return status
