"""Issue #14 (points 1 and 6): paths from where the command runs, loader options, --only,
figures without data, readable errors in the index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat
import pytest

from toolkit import report
from toolkit.report._runner import status_text

REPO = Path(__file__).resolve().parents[2]

NOTEBOOK = """\
# %% [markdown]
# # Loads
# It loads what it is given.

# %% tags=["parameters"]
CORPUS = "news"
SUBSET = None
PATH = None
LOAD_OPTIONS = {}
EMPTY = False
FAIL = False

# %%
import warnings
import matplotlib.pyplot as plt
from toolkit import corpus as corpus_io, report
df = report.load_corpus(CORPUS, subset=SUBSET, **LOAD_OPTIONS)
print("loaded", len(df))
if PATH is not None:
    print("path", len(corpus_io.load(PATH, **LOAD_OPTIONS)))
warnings.warn("a library's deprecation notice", DeprecationWarning)
warnings.warn("a library's future notice", FutureWarning)
fig, ax = plt.subplots()
if not EMPTY:
    ax.bar(["a"], [len(df)])
ax.set(title="articles", xlabel="x", ylabel="n")
report.save_figure(fig, "bars")
if FAIL:
    raise ValueError("a long explanation " * 40)
"""


def _notebooks(folder: Path, names=("01_loads",)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        nbformat.write(jupytext.reads(NOTEBOOK, fmt="py:percent"), folder / f"{name}.ipynb")
    return folder


def _corpus(folder: Path) -> Path:
    """data/raw/a.jsonl with one record twice (identical): loads only with drop_identical."""
    raw = folder / "data" / "raw"
    raw.mkdir(parents=True)
    records = [
        {"id": "1", "text": "Iran and Iraq met in Baghdad.", "outlet": "X"},
        {"id": "2", "text": "Talks in Astana on Syria.", "outlet": "Y"},
        {"id": "1", "text": "Iran and Iraq met in Baghdad.", "outlet": "X"},
    ]
    path = raw / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _stream(out: Path, name: str) -> str:
    nb = nbformat.read(out / "notebooks" / f"{name}.ipynb", as_version=4)
    return "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []))


@pytest.mark.parametrize("entry", ["module", "tasks.py"])
def test_relative_paths_resolve_from_the_invocation_folder(tmp_path: Path, entry: str) -> None:
    work = tmp_path / "work"
    path = _corpus(work)
    nbs = _notebooks(tmp_path / "nbs")
    options = [
        "--notebooks", str(nbs), "--corpus", "data/raw/*.jsonl", "-p", 'PATH="data/raw/a.jsonl"',
        "--duplicates", "drop_identical", "--out", "out", "--no-progress",
    ]  # fmt: skip
    if entry == "module":
        command = [sys.executable, "-m", "toolkit.report", *options]
    else:
        command = [sys.executable, str(REPO / "tasks.py"), "report", *options]
    env = {**os.environ, "DCT_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(command, cwd=work, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    manifest = json.loads((work / "out" / "manifest.json").read_text())
    params = manifest["parameters"]
    assert params["CORPUS"] == str(work / "data" / "raw" / "*.jsonl")
    assert params["PATH"] == str(path)
    assert params["LOAD_OPTIONS"] == {"duplicates": "drop_identical"}
    assert "loaded 2" in _stream(work / "out", "01_loads")
    assert "path 2" in _stream(work / "out", "01_loads")


def test_loader_options_are_refused_for_the_default_corpus(tmp_path: Path) -> None:
    with pytest.raises(report.ReportOptionError, match="--dayfirst True: applies to --corpus"):
        report.run(out=tmp_path / "out", corpus="news", load_options={"dayfirst": True})


def test_columns_option_is_parsed_and_checked(capsys) -> None:
    from toolkit.report.__main__ import main

    with pytest.raises(SystemExit) as stop:
        main(["--columns", "text", "--out", "x"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "expected SCHEMA=YOURS pairs" in err


def test_only_keeps_the_other_notebooks_listed(tmp_path: Path) -> None:
    nbs = _notebooks(tmp_path / "nbs", names=("01_loads", "02_loads"))
    out = tmp_path / "out"
    report.run(out=out, notebooks=nbs, corpus="sample", progress=False)
    again = report.run(
        out=out, notebooks=nbs, corpus="sample", subset=2, only=["02"], progress=False
    )
    by_name = {nb["name"]: nb for nb in again["notebooks"]}
    assert list(by_name) == ["01_loads", "02_loads"]
    assert by_name["01_loads"]["earlier_run"] and by_name["02_loads"]["earlier_run"] is None
    assert by_name["01_loads"]["parameters"]["SUBSET"] is None  # that run's parameters
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="01_loads.html"' in index and 'href="02_loads.html"' in index
    assert "ok (earlier run)" in index


def test_figure_with_nothing_drawn_is_no_data_and_warnings_are_silenced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    manifest = report.run(
        out=out, notebooks=_notebooks(tmp_path / "nbs"), corpus="sample",
        params={"EMPTY": True}, progress=False,
    )  # fmt: skip
    nb = manifest["notebooks"][0]
    assert nb["status"] == "ok" and nb["figures_no_data"] == ["bars"]
    assert status_text(nb) == "ok (1 figure: no data)"
    assert "ok (1 figure: no data)" in (out / "index.html").read_text(encoding="utf-8")
    shown = _stream(out, "01_loads")
    assert "no data: nothing is drawn" in shown  # the toolkit's warning stays visible
    assert "DeprecationWarning" not in shown and "FutureWarning" not in shown


def test_error_in_index_is_plain_wrapped_text(tmp_path: Path) -> None:
    out = tmp_path / "out"
    manifest = report.run(
        out=out, notebooks=_notebooks(tmp_path / "nbs"), corpus="sample",
        params={"FAIL": True}, progress=False,
    )  # fmt: skip
    assert manifest["notebooks"][0]["status"] == "failed"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "a long explanation" in index
    assert "\x1b" not in index and "[0;31m" not in index
    assert "white-space: pre-wrap" in index and "table-layout: fixed" in index


def test_a_file_corpus_is_loaded_once_per_report_run(tmp_path: Path, monkeypatch) -> None:
    from toolkit import corpus as corpus_io

    path = _corpus(tmp_path)
    monkeypatch.setenv("DCT_REPORT_DIR", str(tmp_path / "out"))
    monkeypatch.setenv("DCT_REPORT_NOTEBOOK", "02_x")
    first = report.load_corpus(path, subset=1, duplicates="drop_identical")
    calls = []
    monkeypatch.setattr(corpus_io, "load", lambda *a, **k: calls.append(a) or first)
    again = report.load_corpus(path, subset=1, duplicates="drop_identical")
    assert calls == [] and again.equals(first) and len(first) == 1
    report.load_corpus(path, subset=2, duplicates="drop_identical")  # another key: loaded
    assert len(calls) == 1
