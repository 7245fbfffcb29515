"""report.claim: a statement of the prose that the output contradicts fails the notebook in the
report (the index names it) and warns interactively; claims about the default corpus are not
checked elsewhere."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jupytext
import nbformat
import pytest

from toolkit import report

NOTEBOOK = """\
# %% [markdown]
# # Claims
# The prose says the largest count is 3.

# %% tags=["parameters"]
CORPUS = "news"
SUBSET = None
COUNTS = [1, 3, 2]

# %%
from toolkit import report
report.claim(len(COUNTS) > 0, "there are counts")
report.claim(COUNTS[0] == 99, "the first count is 99", when=report.is_default_corpus("x"))
report.claim(max(COUNTS) == 3, "the largest count is 3", detail=f"largest {max(COUNTS)}")
print("after the claims")
"""


def _run(tmp_path: Path, counts: list[int]) -> tuple[dict, Path]:
    folder = tmp_path / "nbs"
    folder.mkdir()
    nbformat.write(jupytext.reads(NOTEBOOK, fmt="py:percent"), folder / "01_claims.ipynb")
    out = tmp_path / "out"
    manifest = report.run(
        out=out, notebooks=folder, corpus="sample", params={"COUNTS": counts}, progress=False
    )
    return manifest["notebooks"][0], out


def test_a_false_claim_fails_the_notebook_and_the_index_names_it(tmp_path: Path) -> None:
    nb, out = _run(tmp_path, [1, 5, 2])
    assert nb["status"] == "failed"
    assert "ClaimError" in nb["error"] and "the largest count is 3" in nb["error"]
    assert "largest 5" in nb["error"]  # what the output shows instead
    index = re.sub(r"<[^>]+>", "", (out / "index.html").read_text(encoding="utf-8"))
    assert "the largest count is 3" in index.replace("&#x27;", "'")
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["notebooks"][0]["status"] == "failed"
    executed = nbformat.read(out / "notebooks" / "01_claims.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in executed.cells for o in c.get("outputs", []))
    assert "after the claims" not in printed  # the notebook stopped at the claim


def test_claims_that_hold_or_do_not_apply_pass_silently(tmp_path: Path) -> None:
    nb, _ = _run(tmp_path, [1, 3, 2])  # the 99 claim is false but only for the default corpus
    assert nb["status"] == "ok", nb["error"]


def test_interactively_a_false_claim_warns_and_the_notebook_goes_on(monkeypatch) -> None:
    monkeypatch.delenv("DCT_REPORT_DIR", raising=False)
    with pytest.warns(report.ClaimWarning, match="the largest count is 3.*largest 5"):
        assert report.claim(max([1, 5]) == 3, "the largest count is 3", detail="largest 5") is False
    assert issubclass(report.ClaimWarning, Warning)


def test_inside_the_report_a_false_claim_raises(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DCT_REPORT_DIR", str(tmp_path))
    with pytest.raises(report.ClaimError, match="'Iran leads'"):
        report.claim(False, "Iran leads")
    assert report.claim(lambda: True, "a callable is called") is True
    called = []
    assert report.claim(lambda: called.append(1), "not applicable", when=False) is None
    assert not called, "a claim that does not apply is not evaluated"


def test_default_corpus_means_the_whole_news_corpus() -> None:
    assert report.is_default_corpus("news", None)
    assert not report.is_default_corpus("news", 300)
    assert not report.is_default_corpus("sample")
    assert not report.is_default_corpus("/data/news")
