"""run(): every table written, rows accounted for, offsets back to the text."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from tests.pipeline.conftest import TABLES, corpus_frame, write_jsonl
from toolkit import actors, pipeline


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, pd.DataFrame]:
    tmp = tmp_path_factory.mktemp("run")
    frame = corpus_frame(2)
    # a malformed line and an identical repeat: two rejects
    repeat = json.dumps({"doc_id": frame["doc_id"][0], "text": frame["text"][0],
                         "title": frame["title"][0], "outlet": frame["outlet"][0],
                         "date": str(frame["date"][0].date())})
    source = write_jsonl(tmp / "c.jsonl", frame, extra_lines=["{not json", repeat])
    out = tmp / "out"
    manifest = pipeline.run(source, out=out, chunk_size=5, duplicates="drop_identical",
                            progress=False)
    return out, manifest, frame


def test_every_table_is_partitioned_by_chunk(result) -> None:
    out, manifest, frame = result
    assert manifest["status"] == "complete"
    assert manifest["tables"] == list(TABLES)
    n_chunks = manifest["chunks"]
    assert n_chunks in (4, 5)  # 16 articles by 5 (the trailing rejects may need a chunk)
    for table in TABLES:
        files = sorted((out / table).glob("chunk=*/part.parquet"))
        assert [f.parent.name for f in files] == [f"chunk={i:05d}" for i in range(n_chunks)]
        assert manifest["rows"][table] == len(pipeline.read_table(out, table))


def test_rows_in_are_rows_out_plus_rejects(result) -> None:
    out, manifest, frame = result
    lines = (out.parent / "c.jsonl").read_text(encoding="utf-8").splitlines()
    docs, rejects = pipeline.read_table(out, "documents"), pipeline.read_table(out, "rejects")
    assert len(docs) + len(rejects) == len(lines) == manifest["records_read"]
    assert sorted(docs["doc_id"]) == sorted(frame["doc_id"])
    assert len(rejects) == 2
    assert set(rejects["source_line"]) == {len(lines) - 1, len(lines)}
    expected = f"{len(lines)} records read = {len(docs)} documents + 2 rejects"
    assert manifest["rows_check"] == expected


def test_documents_keep_metadata_not_text(result) -> None:
    out, _, frame = result
    docs = pipeline.read_table(out, "documents").set_index("doc_id")
    assert "text" not in docs.columns
    expected = frame.set_index("doc_id")
    assert (docs.loc[expected.index, "n_chars"] == expected["text"].str.len()).all()
    assert (docs.loc[expected.index, "outlet"] == expected["outlet"]).all()
    assert {"source_file", "source_line", "notes", "date"} <= set(docs.columns)


def test_step_tables_match_the_analyses_and_the_text(result) -> None:
    out, _, frame = result
    found = pipeline.read_table(out, "actors").drop(columns="chunk")
    expected = actors.mentions(frame)
    key = ["doc_id", "start", "end", "actor"]
    pd.testing.assert_frame_equal(
        found.sort_values(key).reset_index(drop=True),
        expected.sort_values(key).reset_index(drop=True), check_dtype=False)
    texts = frame.set_index("doc_id")["text"]
    assert all(texts[d][s:e] == surface for d, s, e, surface in
               found[["doc_id", "start", "end", "surface"]].itertuples(index=False))
    spans = pipeline.read_table(out, "keyphrases")["spans"].map(json.loads)
    assert spans.map(len).min() >= 1


def test_manifest_records_inputs_parameters_versions(result) -> None:
    out, manifest, _ = result
    on_disk = json.loads((out / "manifest.json").read_text())
    assert on_disk["rows"] == manifest["rows"]
    (entry,) = on_disk["inputs"]
    assert entry["path"].endswith("c.jsonl") and len(entry["sha256"]) == 64
    assert on_disk["parameters"]["chunk_size"] == 5
    assert on_disk["parameters"]["steps"]["keyphrases"] == {"top_k": 10, "method": "newsrank2"}
    assert {"toolkit", "pandas", "pyarrow", "duckdb", "dask"} <= set(on_disk["versions"])
    assert sum(c["documents"] for c in on_disk["chunk_status"].values()) == 16


def test_dataframe_source_and_step_choice(tmp_path: Path) -> None:
    frame = corpus_frame(1)
    manifest = pipeline.run(frame, steps={"keyphrases": {"top_k": 2}}, out=tmp_path / "o",
                            progress=False)
    assert manifest["tables"] == ["documents", "rejects", "keyphrases"]
    kp = pipeline.read_table(tmp_path / "o", "keyphrases")
    assert kp.groupby("doc_id").size().max() == 2
    assert not (tmp_path / "o" / "tone").exists()


@pytest.mark.parametrize(("options", "problem"), [
    ({"chunk_size": 0}, "--chunk-size"),
    ({"backend": "spark"}, "--backend"),
    ({"steps": ["sentiment"]}, "no such step"),
    ({"steps": {"tone": {"colour": 1}}}, "unknown config key"),
    ({"scheduler": "tcp://x:1"}, "needs --backend dask"),
])
def test_bad_options_are_named(tmp_path: Path, options: dict, problem: str) -> None:
    with pytest.raises(pipeline.PipelineOptionError, match=problem):
        pipeline.run(corpus_frame(1), out=tmp_path / "o", progress=False, **options)


def test_refuses_a_folder_that_is_not_pipeline_output(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(pipeline.PipelineOptionError, match="not a pipeline output"):
        pipeline.run(corpus_frame(1), out=tmp_path, progress=False)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_missing_input_is_named_and_nothing_written(tmp_path: Path) -> None:
    from toolkit.errors import MissingFileError

    with pytest.raises(MissingFileError, match="nope.jsonl"):
        pipeline.run(tmp_path / "nope.jsonl", out=tmp_path / "o", progress=False)
    with pytest.raises(MissingFileError, match="no file matches"):
        pipeline.run(str(tmp_path / "*.csv"), out=tmp_path / "o", progress=False)
    assert not (tmp_path / "o").exists()
