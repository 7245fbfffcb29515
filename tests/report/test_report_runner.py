"""The report machinery: parameters injection, save helpers, index, manifest, failures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jupytext
import matplotlib
import nbformat
import pandas as pd
import pytest

from toolkit import report
from toolkit.report import _runner
from toolkit.report.__main__ import main

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

NOTEBOOK = """\
# %% [markdown]
# # Tiny notebook
# It checks the runner. Second sentence.

# %% tags=["parameters"]
CORPUS = "news"
SUBSET = None
FAIL = False

# %%
import matplotlib.pyplot as plt
import pandas as pd
from toolkit import report
fig, ax = plt.subplots()
ax.plot([0, 1], [1, 0])
ax.set(title="line", xlabel="x", ylabel="y")
report.save_figure(fig, "line")
report.save_table(pd.DataFrame({"x": [1 / 3, 2.0], "k": ["b", "a"]}), "numbers")
report.record_input(pd.DataFrame({"doc_id": ["d"], "text": [CORPUS]}), label=CORPUS)
if FAIL:
    raise RuntimeError("asked to fail")
"""


def _write(folder: Path, name: str = "01_tiny") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    nb = jupytext.reads(NOTEBOOK, fmt="py:percent")
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def test_inject_parameters_after_the_tagged_cell() -> None:
    nb = jupytext.reads(NOTEBOOK, fmt="py:percent")
    _runner.inject_parameters(nb, {"SUBSET": 5, "CORPUS": "sample"})
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    assert tags[1] == ["parameters"] and tags[2] == ["injected-parameters"]
    assert "SUBSET = 5" in nb.cells[2].source and "CORPUS = 'sample'" in nb.cells[2].source
    _runner.inject_parameters(nb, {"SUBSET": 7, "PATH": Path("a/b.csv")})  # replaces
    assert "PATH = 'a/b.csv'" in nb.cells[2].source
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "SUBSET = 7" in injected[0].source


def test_describe_reads_title_and_first_sentence() -> None:
    nb = jupytext.reads(NOTEBOOK, fmt="py:percent")
    assert _runner.describe(nb) == ("Tiny notebook", "It checks the runner.")


def test_helpers_write_nothing_interactively(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("DCT_REPORT_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    fig, ax = plt.subplots()
    ax.set(title="t", xlabel="x", ylabel="y")
    assert report.save_figure(fig, "f") is None
    assert report.save_table(pd.DataFrame({"a": [1]}), "t") is None
    plt.close(fig)
    assert list(tmp_path.iterdir()) == []


def test_save_helpers_are_reproducible(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DCT_REPORT_DIR", str(tmp_path))
    monkeypatch.setenv("DCT_REPORT_NOTEBOOK", "nb")
    df = pd.DataFrame(
        {"x": [0.1 + 0.2, 1e-9, float("nan")], "d": pd.to_datetime(["2017-01-02"] * 3)}
    )
    path = report.save_table(df, "t")
    assert path == tmp_path / "tables" / "nb" / "t.csv"
    assert (
        path.read_bytes()
        == b"x,d\n0.3,2017-01-02T00:00:00\n1e-09,2017-01-02T00:00:00\n,2017-01-02T00:00:00\n"
    )
    outputs = []
    for _ in range(2):
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 1], label="a")
        ax.set(title="t", xlabel="x", ylabel="y")
        paths = report.save_figure(ax, "f")  # an Axes is accepted too
        plt.close(fig)
        outputs.append([p.read_bytes() for p in paths])
    assert [p.suffix for p in paths] == [".png", ".svg"]
    assert outputs[0] == outputs[1], "saving the same figure twice gave different files"


def test_bad_names_are_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DCT_REPORT_DIR", str(tmp_path))
    with pytest.raises(ValueError, match="file name"):
        report.save_table(pd.DataFrame({"a": [1]}), "../escape")


def test_subset_is_reproducible_and_keeps_order() -> None:
    df = pd.DataFrame({"doc_id": [f"d{i:02d}" for i in range(50)], "text": ["x"] * 50})
    a, b = report.subset_corpus(df, 10), report.subset_corpus(df, 10)
    assert a.equals(b) and len(a) == 10
    assert a["doc_id"].tolist() == sorted(a["doc_id"])
    assert report.subset_corpus(df, None) is df
    with pytest.raises(ValueError):
        report.subset_corpus(df, 0)


def test_fingerprint_changes_with_text() -> None:
    df = pd.DataFrame({"doc_id": ["a"], "text": ["Iran and Iraq."]})
    other = df.assign(text=["Iran and Iraq!"])
    assert report.corpus_fingerprint(df) == report.corpus_fingerprint(df.copy())
    assert report.corpus_fingerprint(df) != report.corpus_fingerprint(other)


def test_run_writes_report_and_manifest(tmp_path: Path) -> None:
    _write(tmp_path / "nbs")
    out = tmp_path / "out"
    manifest = report.run(
        out=out, notebooks=tmp_path / "nbs", corpus="sample", subset=3, progress=False
    )
    nb = manifest["notebooks"][0]
    assert nb["status"] == "ok", nb["error"]
    assert nb["figures"] == ["figures/01_tiny/line.png", "figures/01_tiny/line.svg"]
    assert list(nb["tables"]) == ["tables/01_tiny/numbers.csv"]
    assert (out / "tables/01_tiny/numbers.csv").read_text() == "x,k\n0.333333,b\n2,a\n"
    html = (out / "01_tiny.html").read_text(encoding="utf-8")
    shown = re.sub(r"<[^>]+>", "", html)
    assert "Parameters injected by python -m toolkit.report" in shown
    assert "CORPUS = 'sample'" in shown and "SUBSET = 3" in shown
    on_disk = json.loads((out / "manifest.json").read_text())
    assert on_disk["parameters"] == {"CORPUS": "sample", "SUBSET": 3}
    assert on_disk["inputs"][0]["corpus"] == "sample" and len(on_disk["inputs"][0]["sha256"]) == 64
    assert {"toolkit_version", "python", "packages", "seconds"} <= set(on_disk)
    assert "pandas" in on_disk["packages"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="01_tiny.html"' in index and "It checks the runner." in index


def test_failing_notebook_is_reported_and_exit_code_is_one(tmp_path: Path, capsys) -> None:
    _write(tmp_path / "nbs")
    out = tmp_path / "out"
    code = main(
        [
            "--notebooks",
            str(tmp_path / "nbs"),
            "--out",
            str(out),
            "-p",
            "FAIL=true",
            "--no-progress",
        ]
    )
    assert code == 1
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["notebooks"][0]["status"] == "failed"
    assert "asked to fail" in manifest["notebooks"][0]["error"]
    assert "failed" in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "01_tiny.html").exists(), "a failed notebook is still rendered, with its error"
    assert "asked to fail" in capsys.readouterr().out


def test_no_notebooks_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(report.ReportOptionError, match="holds no .ipynb notebook"):
        report.run(out=tmp_path / "out", notebooks=tmp_path, progress=False)
    assert not (tmp_path / "out").exists(), "options are checked before the folder is made"


def test_unlabelled_figure_warns(monkeypatch) -> None:
    from toolkit.errors import ToolkitWarning

    monkeypatch.delenv("DCT_REPORT_DIR", raising=False)
    fig, ax = plt.subplots()
    ax.plot([0, 1], label="a")
    ax.plot([1, 0], label="b")
    with pytest.warns(ToolkitWarning) as caught:
        report.save_figure(fig, "bare")
    assert [str(w.message) for w in caught] == [
        "figure 'bare': no title",
        "figure 'bare': axes 0 has no x-axis label",
        "figure 'bare': axes 0 has no y-axis label",
        "figure 'bare': axes 0 has 2 labelled series but no legend",
    ]
    ax.set(title="t", xlabel="x", ylabel="y")
    ax.legend()
    assert report.figure_problems(fig) == []
    plt.close(fig)
