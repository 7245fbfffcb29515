"""Plots of the frames of :mod:`toolkit.keywords`: keyness, top terms, trend, dispersion.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from toolkit import keywords
>>> from toolkit.datasets import load_sample
>>> sample = load_sample()
>>> ax = term_trend_lines(keywords.trend(sample, ["iran*", "gaza"], period="month"))
>>> sorted(line.get_label() for line in ax.lines)
['gaza', 'iran*']
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch

from toolkit.errors import SchemaError
from toolkit.plot._base import BLUE, GREY, axes_for, is_empty, need, no_data

_FREQ_COLS = {"term", "n", "count", "doc_freq", "share", "rank", "n_words", "per_1000"}
_TREND_COLS = {"period", "term", "count", "n_docs", "doc_freq", "n_words", "per_1000"}
_MEASURE_LABELS = {"g2": "Log-likelihood G2 (signed)", "chi2": "Chi-squared (signed)",
                   "log_ratio": "Log ratio (log2 of relative frequencies)"}


def keyness_bars(
    frame: pd.DataFrame,
    *,
    top_k: int = 20,
    measure: str = "g2",
    labels: tuple[str, str] = ("target", "reference"),
    colors: tuple[str, str] = (BLUE, GREY),
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Two-sided horizontal bars of the ``top_k`` most over- and under-represented terms.

    As quanteda's ``textplot_keyness``: terms key to the target point right (first colour),
    terms key to the reference point left (second colour), each labelled at its bar's end.

    Parameters
    ----------
    frame : DataFrame
        The output of :func:`toolkit.keywords.keyness`.
    top_k : int, default 20
        Terms shown on each side (the axis is capped at ``2 * top_k`` terms).
    measure : str, default "g2"
        Column to plot: ``"g2"``, ``"chi2"`` or ``"log_ratio"``.
    labels : (str, str)
        Legend names of the target and the reference groups.
    colors : (str, str)
        Colours of the target and the reference bars.
    title : str, optional
        Default ``"Keyness: <target> vs <reference> (<measure>)"``.
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
    >>> from toolkit import keywords
    >>> c = pd.DataFrame({"doc_id": list("ab"), "outlet": ["X", "Y"],
    ...                   "text": ["Sanctions on Iran, sanctions again.", "Gaza truce, truce."]})
    >>> ax = keyness_bars(keywords.keyness(c, "X", by="outlet", min_count=1))
    >>> ax.get_title()
    'Keyness: target vs reference (g2)'
    """
    default = f"Keyness: {labels[0]} vs {labels[1]} ({measure})"
    if is_empty(frame):
        return no_data(ax, title or default)
    need(frame, ["term", measure], "toolkit.keywords.keyness()")
    top = frame.nlargest(top_k, measure)
    top = top[top[measure] > 0]
    bottom = frame.nsmallest(top_k, measure)
    bottom = bottom[bottom[measure] < 0]
    data = pd.concat([top, bottom.iloc[::-1]]).drop_duplicates("term")
    ax = axes_for(ax, (7, max(2.5, 0.28 * len(data) + 1.2)))
    y = list(range(len(data)))[::-1]
    values = data[measure].to_numpy(float)
    col = [colors[0] if v > 0 else colors[1] for v in values]
    ax.barh(y, values, color=col)
    span = max(np.abs(values).max(), 1e-9) if len(values) else 1.0
    for yi, v, t in zip(y, values, data["term"], strict=True):
        ax.text(v + (0.01 * span if v >= 0 else -0.01 * span), yi, t, va="center",
                ha="left" if v >= 0 else "right", fontsize=8)
    ax.set_yticks([])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-1.35 * span if (values < 0).any() else 0, 1.35 * span)
    ax.set_xlabel(_MEASURE_LABELS.get(measure, measure))
    ax.set_ylabel("term")
    ax.set_title(title or default)
    ax.legend(handles=[Patch(color=colors[0], label=labels[0]),
                       Patch(color=colors[1], label=labels[1])], loc="lower right", fontsize=8)
    return ax


def top_terms_bars(
    frame: pd.DataFrame,
    *,
    top_k: int = 10,
    by: str | None = None,
    value: str = "count",
    max_panels: int = 12,
    ncols: int = 3,
    title: str | None = None,
    axes: np.ndarray | list[Axes] | None = None,
) -> np.ndarray:
    """Horizontal bars of the ``top_k`` most frequent terms, one panel per group.

    A multi-panel figure: it takes ``axes=`` (one Axes per group) instead of ``ax=`` and
    returns the 1-d array of the Axes drawn on; ``axes[0].figure`` is the figure.

    Parameters
    ----------
    frame : DataFrame
        The output of :func:`toolkit.keywords.frequencies` (grouped with ``by=`` or not).
    top_k : int, default 10
        Terms per panel.
    by : str, optional
        The group column; by default the frame's one extra non-numeric column, if any.
    value : str, default "count"
        ``"count"``, ``"share"`` or ``"doc_freq"``.
    max_panels : int, default 12
        Panels drawn at most: the groups with the largest total ``value`` (the title says
        how many were left out).
    ncols : int, default 3
        Panels per row of a new figure.
    title : str, optional
        The figure's title; default ``"Top <top_k> terms by <by>"``.
    axes : sequence of Axes, optional
        Draw here (at least one Axes per group shown); by default on a new figure.

    Returns
    -------
    numpy.ndarray of matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from toolkit import keywords
    >>> from toolkit.datasets import load_sample
    >>> axes = top_terms_bars(keywords.frequencies(load_sample(), by="outlet"), top_k=3)
    >>> [ax.get_title() for ax in axes]
    ['Capital Wire', 'Gulf Ledger', 'Levant Daily']
    """
    if is_empty(frame):
        ax = no_data(None if axes is None else np.asarray(axes).flat[0],
                     title or f"Top {top_k} terms")
        return np.array([ax], dtype=object)
    need(frame, ["term", value], "toolkit.keywords.frequencies()")
    if by is None:
        extra = [c for c in frame.columns if c not in _FREQ_COLS
                 and not pd.api.types.is_numeric_dtype(frame[c])]
        if len(extra) > 1:
            raise SchemaError(f"frame has several group columns {extra}; pass by=",
                              source="plot")
        by = extra[0] if extra else None
    groups = [(None, frame)] if by is None else list(frame.groupby(by, sort=True))
    left_out = 0
    if len(groups) > max_panels:
        totals = frame.groupby(by, sort=True)[value].sum()
        keep = set(totals.sort_values(ascending=False, kind="stable").index[:max_panels])
        left_out = len(groups) - max_panels
        groups = [(name, g) for name, g in groups if name in keep]
    if axes is None:
        ncols = min(ncols, len(groups))
        nrows = math.ceil(len(groups) / ncols)
        fig, grid = plt.subplots(nrows, ncols, squeeze=False,
                                 figsize=(4.2 * ncols, 0.3 * top_k * nrows + 1.5 * nrows))
        panels = list(grid.flat)
        for spare in panels[len(groups):]:
            spare.set_visible(False)
    else:
        panels = list(np.asarray(axes, dtype=object).flat)
        if len(panels) < len(groups):
            raise ValueError(f"{len(groups)} groups need {len(groups)} axes, got {len(panels)}")
        fig = panels[0].figure
    for ax, (name, g) in zip(panels, groups, strict=False):
        g = g.nlargest(top_k, value).iloc[::-1]
        ax.barh(g["term"].astype(str), g[value], color=BLUE)
        ax.set_title(str(name) if name is not None else "all documents", fontsize=10)
        ax.set_xlabel({"count": "occurrences", "share": "share of terms",
                       "doc_freq": "documents"}.get(value, value))
        ax.set_ylabel("term")
        ax.tick_params(axis="y", labelsize=8)
    default = f"Top {top_k} terms by {by}" if by else f"Top {top_k} terms"
    note = f" ({left_out} smaller groups not shown)" if left_out else ""
    fig.suptitle((title or default) + note)
    if axes is None:
        fig.tight_layout()
    return np.array(panels[: len(groups)], dtype=object)


def term_trend_lines(
    frame: pd.DataFrame,
    *,
    value: str = "per_1000",
    top_k: int = 10,
    title: str | None = None,
    xlabel: str = "period",
    ax: Axes | None = None,
) -> Axes:
    """Line chart of term frequency over time, one line per term (and group).

    Parameters
    ----------
    frame : DataFrame
        The output of :func:`toolkit.keywords.trend`.
    value : str, default "per_1000"
        ``"per_1000"`` (matches per 1,000 words), ``"count"`` or ``"doc_freq"``.
    top_k : int, default 10
        Lines drawn at most: those with the largest total ``value`` (the title says how
        many were left out).
    title : str, optional
        Default ``"Term frequency over time"``.
    xlabel : str, default "period"
        Label of the time axis (``"week"``, ``"month"``, ...).
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
    >>> t = pd.DataFrame({"period": pd.to_datetime(["2024-01-01", "2024-02-01"] * 2),
    ...                   "term": ["iran", "iran", "gaza", "gaza"], "per_1000": [1, 2, 3, 1]})
    >>> ax = term_trend_lines(t)
    >>> len(ax.lines), ax.get_ylabel()
    (2, 'matches per 1,000 words')
    """
    default = "Term frequency over time"
    if is_empty(frame):
        return no_data(ax, title or default)
    need(frame, ["period", "term", value], "toolkit.keywords.trend()")
    extra = [c for c in frame.columns if c not in _TREND_COLS]
    ax = axes_for(ax, (8, 4))
    keys = ["term", *extra]
    lines = list(frame.groupby(keys, sort=True))
    left_out = 0
    if len(lines) > top_k:
        order = sorted(range(len(lines)), key=lambda i: -float(lines[i][1][value].sum()))
        keep = set(order[:top_k])
        left_out = len(lines) - top_k
        lines = [line for i, line in enumerate(lines) if i in keep]
    for name, g in lines:
        label = " / ".join(map(str, name)) if isinstance(name, tuple) and len(name) > 1 else (
            str(name[0]) if isinstance(name, tuple) else str(name))
        g = g.sort_values("period")
        ax.plot(g["period"], g[value], marker="o", markersize=3, label=label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel({"per_1000": "matches per 1,000 words", "count": "matches",
                   "doc_freq": "documents with a match"}.get(value, value))
    note = f" ({left_out} more lines not shown)" if left_out else ""
    ax.set_title((title or default) + note)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.figure.autofmt_xdate()
    return ax


def dispersion_plot(
    frame: pd.DataFrame,
    *,
    top_k: int = 30,
    only_matches: bool = True,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Lexical dispersion ("x-ray") plot: one row per document, a tick at each match.

    As quanteda's ``textplot_xray``: the x axis is the relative position in the text (0 =
    start, 1 = end), so one sees whether a term is in the lede or deep in the story.

    Parameters
    ----------
    frame : DataFrame
        The output of :func:`toolkit.keywords.dispersion`.
    top_k : int, default 30
        Documents shown (those with the most matches first, then in corpus order).
    only_matches : bool, default True
        Leave out documents without a match.
    title : str, optional
        Default ``"Lexical dispersion (<n> matches)"``.
    ax : matplotlib Axes, optional
        Draw here; by default on a new figure.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from toolkit import keywords
    >>> from toolkit.datasets import load_sample
    >>> d = keywords.dispersion(load_sample(), "Iran")
    >>> ax = dispersion_plot(d)
    >>> len(ax.get_yticklabels()) == int((d["count"] > 0).sum())
    True
    """
    if is_empty(frame):
        return no_data(ax, title or "Lexical dispersion")
    need(frame, ["doc_id", "positions", "count"], "toolkit.keywords.dispersion()")
    data = frame[frame["count"] > 0] if only_matches else frame
    total = len(data)
    data = data.sort_values("count", ascending=False, kind="stable").head(top_k)
    ax = axes_for(ax, (8, max(2.0, 0.3 * len(data) + 1.2)))
    for row, positions in enumerate(data["positions"]):
        ax.vlines(positions, row - 0.4, row + 0.4, color=BLUE, linewidth=1.2)
    ax.set_yticks(range(len(data)))
    ax.set_yticklabels(data["doc_id"].astype(str), fontsize=7)
    ax.set_ylim(len(data) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("relative position in the text")
    note = f", {len(data)} of {total} documents" if len(data) < total else ""
    ax.set_ylabel("document")
    ax.set_title(title or f"Lexical dispersion ({int(frame['count'].sum())} matches{note})")
    ax.figure.tight_layout()
    return ax
