"""The Dask backend (a LocalCluster of 2 worker processes) gives the local backend's tables."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from tests.pipeline.conftest import TABLES, corpus_frame, sorted_table, write_jsonl
from toolkit import pipeline


def test_dask_two_workers_same_tables_as_local(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus_frame(2), extra_lines=["{bad"])
    local = pipeline.run(source, out=tmp_path / "local", chunk_size=3, progress=False)
    dask = pipeline.run(source, out=tmp_path / "dask", chunk_size=3, backend="dask",
                        n_workers=2, progress=False)
    assert dask["rows"] == local["rows"] and dask["rows"]["rejects"] == 1
    for table in TABLES:
        pd.testing.assert_frame_equal(sorted_table(tmp_path / "dask", table),
                                      sorted_table(tmp_path / "local", table))
    # the chunks ran in the worker processes, more than one of them
    pids = {json.loads(p.read_text())["pid"] for p in (tmp_path / "dask" / "_chunks").iterdir()}
    assert len(pids) == 2
    assert dask["backend"] == "dask"
