"""Notebooks 02-05 complete on an empty corpus, printing "No articles: ..." where nothing shows.

Two report runs (a 0-byte JSONL file and a CSV file with only its header row), four notebooks
each: slow (about a minute), hence few.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from toolkit.report.__main__ import main

pytestmark = pytest.mark.notebooks

EMPTY = {
    "empty.jsonl": "",
    "header-only.csv": "doc_id,title,text,outlet,date\n",
}


@pytest.mark.parametrize("name", list(EMPTY))
def test_notebooks_run_on_an_empty_corpus(name: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / name
    corpus.write_text(EMPTY[name], encoding="utf-8")
    out = tmp_path / "out"
    argv = ["--corpus", str(corpus), "--only", "02", "03", "04", "05", "--out", str(out)]
    code = main([*argv, "--no-progress", "--timeout", "300"])
    manifest = json.loads((out / "manifest.json").read_text())
    statuses = {nb["name"][:2]: nb["status"] for nb in manifest["notebooks"]}
    errors = {nb["name"]: nb["error"] for nb in manifest["notebooks"] if nb["error"]}
    assert statuses == dict.fromkeys(["02", "03", "04", "05"], "ok"), errors
    assert code == 0 and manifest["state"] == "complete"
    assert [i["documents"] for i in manifest["inputs"]] == [0]
    for nb in manifest["notebooks"]:
        executed = nbformat.read(out / "notebooks" / f"{nb['name']}.ipynb", as_version=4)
        printed = "".join(
            o.get("text", "")
            for cell in executed.cells
            for o in cell.get("outputs", [])
            if o.get("name") == "stdout"
        )
        assert "No articles: " in printed, f"{nb['name']} does not say it has no data"
