"""toolkit.plot actor figures: co-occurrence network and heatmap."""

from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from toolkit import actors, plot  # noqa: E402
from toolkit.errors import SchemaError  # noqa: E402

TEXT = ("Iran and Iraq met. Iraq and Syria talked.\n\nIran thanked Iraq. Nobody else.\n\n"
        "Syria and Iran spoke.")


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_network_and_heatmap_return_axes() -> None:
    e = actors.cooccurrence(actors.mentions(TEXT), corpus=TEXT)
    ax = plot.actor_network(e)
    assert {t.get_text() for t in ax.texts} == {"Iran", "Iraq", "Syria"}
    assert ax.get_title() == "Actor co-occurrence (edge width: count)"
    ax2 = plot.actor_heatmap(e, value="jaccard", top_k=2)
    assert len(ax2.get_xticklabels()) == 2
    assert ax2.get_xlabel() == "actor" and ax2.get_ylabel() == "actor"
    with pytest.raises(SchemaError):
        plot.actor_heatmap(pd.DataFrame({"x": [1]}))


def test_network_without_edges_above_threshold_says_no_data() -> None:
    e = actors.cooccurrence(actors.mentions(TEXT), corpus=TEXT)
    ax = plot.actor_network(e, min_weight=1000)
    assert ax.get_title().endswith("no data") and not ax.axison


def test_heatmap_symmetric_limits_centre_zero() -> None:
    e = pd.DataFrame({"actor_a": ["Iran", "Iran"], "actor_b": ["Iraq", "Syria"],
                      "npmi": [0.6, -0.2]})
    ax = plot.actor_heatmap(e, value="npmi", cmap="RdBu_r", symmetric=True)
    assert ax.images[0].get_clim() == pytest.approx((-0.6, 0.6))
    shown = ax.images[0].get_array()
    assert np.nanmax(shown) == pytest.approx(0.6)


def test_actors_package_does_not_import_matplotlib() -> None:
    code = ("import sys, toolkit.actors as a; a.mentions('Iran and Iraq.'); "
            "print('matplotlib' in sys.modules, 'networkx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False"]
    assert not {"plot_network", "plot_heatmap"} & set(actors.__all__)
