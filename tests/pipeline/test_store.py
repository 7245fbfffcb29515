"""Atomic writes: a failure while writing leaves the previous file whole and no temporary."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from toolkit.pipeline import _store


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    old = pd.DataFrame({"doc_id": ["a", "b"], "count": [1, 2]})
    path = _store.write_table(tmp_path, "t", 0, old)
    import pyarrow.parquet as pq

    def half_then_fail(table, where, **kwargs):
        Path(where).write_bytes(b"PAR1 half a file")
        raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", half_then_fail)
    with pytest.raises(OSError, match="disk full"):
        _store.write_table(tmp_path, "t", 0, pd.DataFrame({"doc_id": ["c"], "count": [3]}))
    monkeypatch.undo()
    pd.testing.assert_frame_equal(pd.read_parquet(path), old)
    assert [p.name for p in path.parent.iterdir()] == ["part.parquet"]


def test_nested_values_are_stored_as_json(tmp_path: Path) -> None:
    frame = pd.DataFrame({"doc_id": ["a", "b"], "spans": [[(0, 4), (9, 13)], []]})
    _store.write_table(tmp_path, "k", 2, frame)
    back = _store.read_table(tmp_path, "k")
    assert back["spans"].tolist() == ["[[0, 4], [9, 13]]", "[]"]
    assert back["chunk"].tolist() == [2, 2]
