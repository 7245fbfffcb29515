"""Partitioned Parquet tables, written chunk by chunk, each file atomically.

Layout: ``DIR/<table>/chunk=00012/part.parquet`` (hive-style, so DuckDB and pyarrow read the
chunk number as a column), chunk status files ``DIR/_chunks/chunk=00012.json`` and
``DIR/manifest.json``. Every file is written to a temporary name in its folder, flushed to
disk (``fsync``) and moved into place with ``os.replace``: a reader, or a run killed at any
moment, sees the old file or the new one, never half of one.

>>> import tempfile, pandas as pd
>>> out = tempfile.mkdtemp()
>>> path = write_table(out, "tone", 3, pd.DataFrame({"doc_id": ["a"], "compound": [0.5]}))
>>> path.relative_to(out).as_posix()
'tone/chunk=00003/part.parquet'
>>> read_table(out, "tone").values.tolist()
[['a', 0.5, 3]]
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

PART = "part.parquet"
STATUS_DIR = "_chunks"
MANIFEST = "manifest.json"


def chunk_dir(index: int) -> str:
    """The partition folder name of chunk ``index``: ``chunk=00012``."""
    return f"chunk={index:05d}"


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    try:  # make the rename itself durable
        fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_json(path: str | os.PathLike, data: Any) -> Path:
    """Write ``data`` as indented JSON to ``path`` atomically."""
    path = Path(path)
    text = json.dumps(data, indent=1, sort_keys=False, default=str) + "\n"
    _atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    return path


def read_json(path: str | os.PathLike) -> Any:
    """The JSON data of ``path``."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def arrow_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with object columns of lists, tuples or arrays as JSON text.

    Keyphrase ``spans`` (a list of ``(start, end)`` per row) become ``"[[0, 9], ...]"``.
    """
    frame = frame.reset_index(drop=True)
    for col in frame.columns:
        if frame[col].dtype != object:
            continue
        values = frame[col]
        nested = values.map(lambda v: isinstance(v, list | tuple | dict | np.ndarray))
        if nested.any():
            frame[col] = values.map(
                lambda v: json.dumps(_plain(v)) if isinstance(v, list | tuple | dict | np.ndarray)
                else v).astype("str")
    return frame


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray | list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, np.generic):
        return value.item()
    return value


def write_table(out: str | os.PathLike, table: str, index: int, frame: pd.DataFrame,
                *, schema: Any = None) -> Path:
    """Write ``frame`` as chunk ``index`` of ``table`` under ``out``, atomically."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow = pa.Table.from_pandas(arrow_safe(frame), schema=schema, preserve_index=False)
    path = Path(out) / table / chunk_dir(index) / PART
    _atomic_write(path, lambda tmp: pq.write_table(arrow, tmp))
    return path


def table_files(out: str | os.PathLike, table: str) -> list[Path]:
    """The chunk files of ``table``, in chunk order."""
    return sorted((Path(out) / table).glob(f"chunk=*/{PART}"))


def parquet_rows(path: str | os.PathLike) -> int:
    """Rows of a Parquet file, from its footer (nothing else is read)."""
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


def read_table(out: str | os.PathLike, table: str) -> pd.DataFrame:
    """One table as a DataFrame, chunks in order, with the ``chunk`` number as a column.

    Only for small tables or slices: for large outputs aggregate with
    :func:`toolkit.pipeline.query` instead.
    """
    import pyarrow.parquet as pq

    frames = []
    for path in table_files(out, table):
        frame = pq.read_table(path).to_pandas()
        frame["chunk"] = np.int64(int(path.parent.name.partition("=")[2]))
        frames.append(frame)
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)
