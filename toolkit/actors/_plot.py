"""Plots of a co-occurrence edge list: a network and a heatmap."""

from __future__ import annotations

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd

from toolkit.errors import SchemaError


def _check(edges: pd.DataFrame, value: str) -> None:
    missing = {"actor_a", "actor_b", value} - set(edges.columns)
    if missing:
        raise SchemaError(f"edge list lacks column(s) {sorted(missing)}; use cooccurrence()",
                          source="edges")


def _top_nodes(edges: pd.DataFrame, value: str, top: int) -> list[str]:
    strength = pd.concat(
        [edges.groupby("actor_a")[value].sum(), edges.groupby("actor_b")[value].sum()]
    ).groupby(level=0).sum()
    strength = strength.sort_index().sort_values(ascending=False, kind="stable")
    return strength.index[:top].tolist()


def plot_network(
    edges: pd.DataFrame,
    *,
    weight: str = "count",
    top: int = 25,
    min_weight: float | None = None,
    ax: plt.Axes | None = None,
    seed: int = 0,
) -> plt.Axes:
    """Draw the co-occurrence network: node size by weighted degree, edge width by ``weight``.

    Parameters
    ----------
    edges : DataFrame
        From :func:`cooccurrence`.
    weight : str, default "count"
        Edge column that sets the line width (``count``, ``jaccard``, ``npmi``).
    top : int, default 25
        Keep the ``top`` nodes with the largest summed weight.
    min_weight : float, optional
        Drop edges below this weight.
    ax : matplotlib Axes, optional
    seed : int, default 0
        Seed of the ForceAtlas2 layout (same input, same picture).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"actor_a": ["Iran"], "actor_b": ["Iraq"], "count": [3]})
    >>> ax = plot_network(e)
    >>> sorted(t.get_text() for t in ax.texts)
    ['Iran', 'Iraq']
    """
    _check(edges, weight)
    e = edges if min_weight is None else edges[edges[weight] >= min_weight]
    nodes = _top_nodes(e, weight, top) if len(e) else []
    e = e[e["actor_a"].isin(nodes) & e["actor_b"].isin(nodes)]
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for a, b, w in zip(e["actor_a"], e["actor_b"], e[weight], strict=True):
        graph.add_edge(a, b, weight=float(w))
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 8))
    if graph.number_of_nodes() == 0:
        ax.set_axis_off()
        ax.set_title("no co-occurrences")
        return ax
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
    ax.set_title(f"Actor co-occurrence (edge width: {weight})")
    return ax


def plot_heatmap(
    edges: pd.DataFrame,
    *,
    value: str = "count",
    top: int = 15,
    ax: plt.Axes | None = None,
    cmap: str = "viridis",
) -> plt.Axes:
    """Heatmap of the symmetric actor-by-actor matrix of ``value`` for the ``top`` actors.

    Examples
    --------
    >>> import pandas as pd
    >>> e = pd.DataFrame({"actor_a": ["Iran", "Iran"], "actor_b": ["Iraq", "Syria"],
    ...                   "count": [3, 1]})
    >>> ax = plot_heatmap(e)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['Iran', 'Iraq', 'Syria']
    """
    _check(edges, value)
    nodes = _top_nodes(edges, value, top) if len(edges) else []
    index = {n: i for i, n in enumerate(nodes)}
    matrix = np.full((len(nodes), len(nodes)), np.nan)
    for a, b, v in zip(edges["actor_a"], edges["actor_b"], edges[value], strict=True):
        if a in index and b in index:
            matrix[index[a], index[b]] = matrix[index[b], index[a]] = v
    if ax is None:
        _, ax = plt.subplots(figsize=(1 + 0.5 * len(nodes), 1 + 0.45 * len(nodes)))
    image = ax.imshow(matrix, cmap=cmap)
    ax.set_xticks(range(len(nodes)), nodes, rotation=90)
    ax.set_yticks(range(len(nodes)), nodes)
    ax.figure.colorbar(image, ax=ax, label=value)
    ax.set_title(f"Actor co-occurrence ({value})")
    return ax
