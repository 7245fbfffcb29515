"""Every docstring example under ``toolkit/`` runs and shows what it says (one case per module).

The modules are found by walking the package (``pkgutil.walk_packages``), so a new module's
examples are collected without editing this file. The examples run offline: matplotlib on the
Agg backend, the cache in a temporary folder, no report folder; an example needing a corpus
uses ``toolkit.datasets.load_sample()``, never the default corpus or ``../shared``.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import matplotlib
import pytest

import toolkit

matplotlib.use("Agg")

OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _module_names() -> list[str]:
    names = [toolkit.__name__]
    for info in pkgutil.walk_packages(toolkit.__path__, prefix=f"{toolkit.__name__}."):
        names.append(info.name)
    return sorted(names)


def _has_examples(name: str) -> bool:
    finder = doctest.DocTestFinder(exclude_empty=True)
    return any(t.examples for t in finder.find(importlib.import_module(name), name))


MODULES = _module_names()
#: Modules whose docstrings hold examples: one test case each (no case, and no skip, for the rest).
WITH_EXAMPLES = [name for name in MODULES if _has_examples(name)]


def test_walk_finds_the_packages() -> None:
    """The walk reaches every subpackage and private module (not only a few of them)."""
    for name in ("toolkit.plot", "toolkit.plot._keywords", "toolkit.actors._mentions",
                 "toolkit.report", "toolkit.tokenize"):
        assert name in MODULES
    # every subpackage's public face shows an example
    for name in ("toolkit.corpus", "toolkit.tokenize", "toolkit.keywords", "toolkit.quotes",
                 "toolkit.actors", "toolkit.plot", "toolkit.annotate"):
        assert name in WITH_EXAMPLES


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name: str, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DCT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("DCT_REPORT_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=OPTIONS)
    tests = [t for t in finder.find(module, name) if t.examples]
    import matplotlib.pyplot as plt

    try:
        for test in sorted(tests, key=lambda t: t.name):
            runner.run(test)
    finally:
        plt.close("all")
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} example(s) of {name} failed (output above)"
