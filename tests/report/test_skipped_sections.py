"""A notebook whose sections were skipped is not just "ok" in the index: it says how many."""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat

from toolkit import report

NOTEBOOK = """\
# %% [markdown]
# # Sections
# Two sections, one of which needs dates.

# %% tags=["parameters"]
CORPUS = "news"
SUBSET = None
DATED = False

# %%
from toolkit import report
import pandas as pd
frame = pd.DataFrame({"date": [pd.NaT] if not DATED else [pd.Timestamp("2017-01-02")]})
if report.has_values(frame, "date", section="Weekly counts"):
    print("weekly counts drawn")
print("outlets counted")
"""


def _run(tmp_path: Path, dated: bool) -> tuple[dict, str]:
    folder = tmp_path / "nbs"
    folder.mkdir()
    nbformat.write(jupytext.reads(NOTEBOOK, fmt="py:percent"), folder / "01_sections.ipynb")
    out = tmp_path / "out"
    manifest = report.run(out=out, notebooks=folder, corpus="sample",
                          params={"DATED": dated}, progress=False)
    index = re.sub(r"<[^>]+>", " ", (out / "index.html").read_text(encoding="utf-8"))
    return manifest["notebooks"][0], index


def test_skipped_sections_are_counted_in_the_status(tmp_path: Path) -> None:
    nb, index = _run(tmp_path, dated=False)
    assert nb["status"] == "ok"
    assert len(nb["sections_skipped"]) == 1
    assert nb["sections_skipped"][0].startswith("Skipped: Weekly counts needs")
    assert "ok (1 section skipped)" in index
    assert "Weekly counts needs" in index  # which one, under the status


def test_a_notebook_that_skipped_nothing_is_plain_ok(tmp_path: Path) -> None:
    nb, index = _run(tmp_path, dated=True)
    assert nb["sections_skipped"] == []
    assert "section skipped" not in index
