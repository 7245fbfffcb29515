"""Plots of a co-occurrence edge list (:func:`toolkit.actors.cooccurrence`): network, heatmap.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from toolkit import actors
>>> text = "Iran and Iraq met. Iran and Syria talked. Iraq and Syria agreed."
>>> ax = actor_heatmap(actors.cooccurrence(actors.mentions(text), corpus=text))
>>> [t.get_text() for t in ax.get_xticklabels()]
['Iran', 'Iraq', 'Syria']
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from toolkit.plot._base import axes_for, is_empty, need, no_data

_WHAT = "toolkit.actors.cooccurrence()"


def _top_nodes(edges: pd.DataFrame, value: str, top_k: int) -> list[str]:
    strength = pd.concat(
        [edges.groupby("actor_a")[value].sum(), edges.groupby("actor_b")[value].sum()]
    ).groupby(level=0).sum()
    strength = strength.sort_index().sort_values(ascending=False, kind="stable")
    return strength.index[:top_k].tolist()


def actor_network(
    edges: pd.DataFrame,
    *,
    weight: str = "count",
    top_k: int = 25,
    min_weight: float | None = None,
    seed: int = 0,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Draw the co-occurrence network: node size by weighted degree, edge width by ``weight``.

    Parameters
    ----------
    edges : DataFrame
        From :func:`toolkit.actors.cooccurrence`.
    weight : str, default "count"
        Edge column that sets the line width (``count``, ``jaccard``, ``npmi``).
    top_k : int, default 25
        Keep the ``top_k`` nodes with the largest summed weight.
    min_weight : float, optional
        Drop edges below this weight.
    seed : int, default 0
        Seed of the ForceAtlas2 layout (same input, same picture).
    title : str, optional
        Default ``"Actor co-occurrence (edge width: <weight>)"``.
    ax : matplotlib Axes, optional
        Draw here; by default on a new figure.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> e = pd.DataFrame({"actor_a": ["Iran"], "actor_b": ["Iraq"], "count": [3]})
    >>> ax = actor_network(e)
    >>> sorted(t.get_text() for t in ax.texts)
    ['Iran', 'Iraq']
    """
    default = f"Actor co-occurrence (edge width: {weight})"
    if is_empty(edges):
        return no_data(ax, title or default)
    need(edges, ["actor_a", "actor_b", weight], _WHAT)
    e = edges if min_weight is None else edges[edges[weight] >= min_weight]
    nodes = _top_nodes(e, weight, top_k) if len(e) else []
    e = e[e["actor_a"].isin(nodes) & e["actor_b"].isin(nodes)]
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for a, b, w in zip(e["actor_a"], e["actor_b"], e[weight], strict=True):
        graph.add_edge(a, b, weight=float(w))
    if graph.number_of_nodes() == 0:
        return no_data(ax, title or default)
    ax = axes_for(ax, (8, 8))
    # ForceAtlas2 with hub repulsion ("distributed action") and node sizes keeps the busiest
    # actors apart; a spring layout pulls them into one unreadable knot. Unweighted: edge
    # width shows the weight instead.
    pos = nx.forceatlas2_layout(
        graph, seed=seed, max_iter=300, distributed_action=True, scaling_ratio=6.0,
        node_size=dict.fromkeys(graph.nodes, 0.15),
    )
    strength = dict(graph.degree(weight="weight"))
    top_s = max(strength.values()) or 1
    sizes = [300 + 1700 * strength[n] / top_s for n in graph.nodes]
    weights = [d["weight"] for _, _, d in graph.edges(data=True)]
    top_w = max(weights) if weights else 1
    widths = [0.5 + 5 * w / top_w for w in weights]
    nx.draw_networkx_edges(graph, pos, ax=ax, width=widths, alpha=0.5, edge_color="grey")
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=sizes, node_color="#4c72b0", alpha=0.8)
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=9)
    ax.set_axis_off()
    ax.set_title(title or default)
    return ax


def actor_heatmap(
    edges: pd.DataFrame,
    *,
    value: str = "count",
    top_k: int = 15,
    cmap: str = "viridis",
    symmetric: bool = False,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of the symmetric actor-by-actor matrix of ``value`` for the ``top_k`` actors.

    Parameters
    ----------
    edges : DataFrame
        From :func:`toolkit.actors.cooccurrence`.
    value : str, default "count"
        Edge column shown (``count``, ``jaccard``, ``npmi``).
    top_k : int, default 15
        The actors with the largest summed ``value`` (the axes are capped at ``top_k``).
    cmap : str, default "viridis"
        Colour map; a diverging one (``"RdBu_r"``) with ``symmetric=True`` for ``npmi``.
    symmetric : bool, default False
        Colour limits ``-m`` to ``m`` (``m`` the largest absolute value), so that 0 is the
        middle colour: white in ``RdBu_r`` means "as often together as chance predicts".
    title : str, optional
        Default ``"Actor co-occurrence (<value>)"``.
    ax : matplotlib Axes, optional
        Draw here; by default on a new figure.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> e = pd.DataFrame({"actor_a": ["Iran", "Iran"], "actor_b": ["Iraq", "Syria"],
    ...                   "count": [3, 1]})
    >>> ax = actor_heatmap(e)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['Iran', 'Iraq', 'Syria']
    """
    default = f"Actor co-occurrence ({value})"
    if is_empty(edges):
        return no_data(ax, title or default)
    need(edges, ["actor_a", "actor_b", value], _WHAT)
    nodes = _top_nodes(edges, value, top_k)
    index = {n: i for i, n in enumerate(nodes)}
    matrix = np.full((len(nodes), len(nodes)), np.nan)
    for a, b, v in zip(edges["actor_a"], edges["actor_b"], edges[value], strict=True):
        if a in index and b in index:
            matrix[index[a], index[b]] = matrix[index[b], index[a]] = v
    ax = axes_for(ax, (1 + 0.5 * len(nodes), 1 + 0.45 * len(nodes)))
    limits = {}
    if symmetric and np.isfinite(matrix).any():
        limit = float(np.nanmax(np.abs(matrix))) or 1.0
        limits = {"vmin": -limit, "vmax": limit}
    image = ax.imshow(matrix, cmap=cmap, **limits)
    ax.set_xticks(range(len(nodes)), nodes, rotation=90)
    ax.set_yticks(range(len(nodes)), nodes)
    ax.set_xlabel("actor")
    ax.set_ylabel("actor")
    ax.figure.colorbar(image, ax=ax, label=value)
    ax.set_title(title or default)
    return ax
