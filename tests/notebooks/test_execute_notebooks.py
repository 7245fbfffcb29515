"""Execute every notebook headless on the offline sample corpus; any error fails the test.

This is what ``python -m toolkit.report --corpus sample`` does. The sample (eight short
articles shipped with the package) keeps the run to about a minute and needs no network;
the full report runs the same notebooks on the default corpus.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from toolkit import report

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
NAMES = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))

pytestmark = pytest.mark.notebooks


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("report")
    mp = pytest.MonkeyPatch()
    mp.setenv("DCT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    try:
        manifest = report.run(out=out, corpus="sample", progress=False, timeout=300)
    finally:
        mp.undo()
    return out, manifest


@pytest.mark.parametrize("name", NAMES)
def test_notebook_runs_without_error(executed: tuple[Path, dict], name: str) -> None:
    out, manifest = executed
    result = {nb["name"]: nb for nb in manifest["notebooks"]}[name]
    assert result["status"] == "ok", f"{name} failed:\n{result['error']}"
    assert (out / f"{name}.html").stat().st_size > 10_000
    assert result["figures"], f"{name} saved no figure"
    executed = nbformat.read(out / "notebooks" / f"{name}.ipynb", as_version=4)
    stderr = [
        o.get("text", "")
        for cell in executed.cells
        for o in cell.get("outputs", [])
        if o.get("name") == "stderr"
    ]
    lacking = [line for text in stderr for line in text.splitlines() if "figure '" in line]
    assert not lacking, f"{name}: figures lack a title, labels or a legend: {lacking}"


def test_report_index_and_manifest(executed: tuple[Path, dict]) -> None:
    out, manifest = executed
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in NAMES:
        assert f'href="{name}.html"' in index
    assert (out / "manifest.json").exists()
    assert manifest["parameters"]["CORPUS"] == "sample"
    assert manifest["inputs"], "no notebook recorded the corpus it analysed"
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])


def test_rerun_reproduces_tables_byte_for_byte(
    executed: tuple[Path, dict], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, first = executed
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path / "cache"))
    # Two notebooks keep the test short; every table of them is compared.
    again = report.run(out=tmp_path / "again", corpus="sample", only=NAMES[:2], progress=False)
    tables = {t: h for nb in again["notebooks"] for t, h in nb["tables"].items()}
    assert tables
    before = {t: h for nb in first["notebooks"] for t, h in nb["tables"].items()}
    for table, digest in tables.items():
        assert before[table] == digest, f"{table} differs between two runs"
        assert (out / table).read_bytes() == (tmp_path / "again" / table).read_bytes()


def test_own_corpus_notebook_reads_a_mapped_csv(tmp_path: Path, monkeypatch) -> None:
    """Notebook 06 on a user's CSV whose columns need a mapping (the documented route)."""
    from toolkit import datasets

    sample = datasets.load_sample()
    path = tmp_path / "mine.csv"
    sample[["doc_id", "title", "text", "outlet", "date"]].rename(
        columns={"text": "body", "outlet": "source", "date": "published"}
    ).to_csv(path, index=False)
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path / "cache"))
    manifest = report.run(
        out=tmp_path / "out",
        only=["06"],
        corpus="sample",
        params={
            "PATH": str(path),
            "COLUMNS": {"text": "body", "outlet": "source", "date": "published"},
            "TERMS": {"Iran": "Iran*", "ceasefire": "ceasefire*"},
        },
        progress=False,
    )
    result = manifest["notebooks"][0]
    assert result["status"] == "ok", result["error"]
    assert manifest["inputs"] == [
        {**manifest["inputs"][0], "corpus": str(path), "documents": len(sample)}
    ]
    overview = (tmp_path / "out" / "tables" / result["name"] / "overview.csv").read_text()
    assert sample["outlet"].iloc[0] in overview
