"""Committed notebooks carry no outputs and match their paired jupytext percent ``.py`` file."""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
IPYNB = sorted(NOTEBOOKS.glob("*.ipynb"))
SCRIPTS = sorted(NOTEBOOKS.glob("*.py"))


def _cells(nb) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.cell_type, c.source.strip(), tuple(c.metadata.get("tags", []))) for c in nb.cells]


def test_there_are_notebooks() -> None:
    assert len(IPYNB) >= 1


@pytest.mark.parametrize("path", IPYNB, ids=lambda p: p.stem)
def test_committed_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    dirty = [
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and (c.outputs or c.execution_count is not None)
    ]
    assert not dirty, f"{path.name}: cells {dirty} have outputs; clear them before committing"


@pytest.mark.parametrize("path", IPYNB, ids=lambda p: p.stem)
def test_matches_paired_script(path: Path) -> None:
    script = path.with_suffix(".py")
    assert script.exists(), f"{path.name} has no paired {script.name} (jupytext --sync)"
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.get("jupytext", {}).get("formats") == "ipynb,py:percent"
    paired = jupytext.read(script, fmt="py:percent")
    assert _cells(paired) == _cells(nb), f"{path.name} and {script.name} differ: jupytext --sync"


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.stem)
def test_every_script_has_a_notebook(path: Path) -> None:
    assert path.with_suffix(".ipynb").exists(), f"{path.name} has no paired notebook"


@pytest.mark.parametrize("path", IPYNB, ids=lambda p: p.stem)
def test_has_parameters_cell_and_title(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name} needs exactly one cell tagged 'parameters'"
    assert "CORPUS" in tagged[0].source and "SUBSET" in tagged[0].source
