"""Every toolkit.plot function: frame first, keyword-only options with ax=, an Axes back,
titles and labels by default, "no data" on an empty frame, no name shadowing an analysis."""

from __future__ import annotations

import inspect

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from toolkit import actors, dictionary, keywords, plot, tokenize, tone  # noqa: E402

FUNCTIONS = sorted(plot.__all__)
MULTI_PANEL = {"top_terms_bars"}
REQUIRED = {"count_bars": {"label": "outlet", "value": "articles"}}


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_no_name_shadows_an_analysis() -> None:
    analysis = set()
    for package in (actors, dictionary, keywords, tone, tokenize):
        analysis |= set(package.__all__)
    assert not analysis & set(plot.__all__)
    assert not {"keyness", "top_terms", "term_trend", "dispersion"} & set(dir(plot))


@pytest.mark.parametrize("name", FUNCTIONS)
def test_signature(name: str) -> None:
    params = list(inspect.signature(getattr(plot, name)).parameters.values())
    assert params[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params[1:])
    axis_arg = "axes" if name in MULTI_PANEL else "ax"
    assert axis_arg in {p.name for p in params[1:]}
    assert inspect.signature(getattr(plot, name)).parameters[axis_arg].default is None


@pytest.mark.parametrize("name", FUNCTIONS)
@pytest.mark.parametrize("empty", [pd.DataFrame(), pd.DataFrame({"term": [], "g2": []})],
                         ids=["no columns", "no rows"])
def test_empty_frame_draws_no_data(name: str, empty: pd.DataFrame) -> None:
    result = getattr(plot, name)(empty, **REQUIRED.get(name, {}))
    ax = result[0] if name in MULTI_PANEL else result
    assert isinstance(ax, Axes)
    assert ax.get_title().endswith("no data")
    assert not ax.patches and not ax.lines


@pytest.mark.parametrize("name", sorted(set(FUNCTIONS) - MULTI_PANEL))
def test_draws_on_the_given_axes(name: str) -> None:
    _, ax = plt.subplots()
    assert getattr(plot, name)(pd.DataFrame(), ax=ax, **REQUIRED.get(name, {})) is ax


def test_multi_panel_returns_array_of_axes() -> None:
    f = keywords.frequencies(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
                                           "text": ["Iran talks.", "Gaza truce."]}),
                             by="outlet")
    axes = plot.top_terms_bars(f)
    assert isinstance(axes, np.ndarray) and len(axes) == 2
    assert all(isinstance(a, Axes) for a in axes)
