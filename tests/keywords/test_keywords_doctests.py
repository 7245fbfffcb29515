"""Docstring examples of toolkit.keywords and toolkit.plot run and give what they say."""

from __future__ import annotations

import doctest
import importlib

import matplotlib
import pytest

matplotlib.use("Agg")

MODULES = [
    "toolkit.keywords",
    "toolkit.keywords._corpus",
    "toolkit.keywords._extract",
    "toolkit.keywords._kwic",
    "toolkit.keywords._pos",
    "toolkit.plot",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
