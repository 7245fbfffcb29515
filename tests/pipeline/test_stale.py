"""A changed input or parameter is detected: the stale output is refused, or rebuilt."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.pipeline.conftest import corpus_frame, sorted_table, write_jsonl
from toolkit import pipeline


def test_changed_file_is_refused_then_rebuilt(tmp_path: Path) -> None:
    frame = corpus_frame(1)
    source = write_jsonl(tmp_path / "c.jsonl", frame)
    out = tmp_path / "o"
    pipeline.run(source, steps=["actors"], out=out, chunk_size=4, progress=False)
    edited = frame.copy()
    edited.loc[0, "text"] = "Egypt and Jordan met in Cairo."
    write_jsonl(source, edited)
    with pytest.raises(pipeline.StaleOutputError, match=r"c\.jsonl changed") as caught:
        pipeline.run(source, steps=["actors"], out=out, chunk_size=4, progress=False)
    assert "--rebuild" in str(caught.value)
    manifest = pipeline.run(source, steps=["actors"], out=out, chunk_size=4, rebuild=True,
                            progress=False)
    assert manifest["skipped"] == 0
    fresh = tmp_path / "fresh"
    pipeline.run(source, steps=["actors"], out=fresh, chunk_size=4, progress=False)
    pd.testing.assert_frame_equal(sorted_table(out, "actors"), sorted_table(fresh, "actors"))
    first = sorted_table(out, "actors").query("doc_id == @frame.doc_id[0]")
    assert set(first["actor"]) >= {"Egypt", "Jordan"}


@pytest.mark.parametrize(("change", "words"), [
    ({"chunk_size": 3}, "parameter chunk_size was 4, now 3"),
    ({"steps": ["actors", "tone"]}, "parameter steps"),
    ({"steps": {"actors": {"offices": True}}}, "parameter steps"),
    ({"duplicates": "rename"}, "parameter load"),
])
def test_changed_parameter_is_refused(tmp_path: Path, change: dict, words: str) -> None:
    frame = corpus_frame(1)
    options = {"steps": ["actors"], "chunk_size": 4}
    pipeline.run(frame, out=tmp_path, progress=False, **options)
    with pytest.raises(pipeline.StaleOutputError, match=words):
        pipeline.run(frame, out=tmp_path, progress=False, **{**options, **change})


def test_changed_dataframe_cell_is_detected(tmp_path: Path) -> None:
    frame = corpus_frame(1)
    pipeline.run(frame, steps=["tone"], out=tmp_path, progress=False)
    edited = frame.copy()
    edited.loc[3, "outlet"] = "Another Outlet"
    with pytest.raises(pipeline.StaleOutputError, match="<DataFrame> changed"):
        pipeline.run(edited, steps=["tone"], out=tmp_path, progress=False)


def test_rebuild_with_fewer_steps_removes_the_old_tables(tmp_path: Path) -> None:
    frame = corpus_frame(1)
    pipeline.run(frame, steps=["actors", "tone"], out=tmp_path, progress=False)
    pipeline.run(frame, steps=["tone"], out=tmp_path, rebuild=True, progress=False)
    assert not (tmp_path / "actors").exists()
    assert len(pipeline.read_table(tmp_path, "tone")) == len(frame)
