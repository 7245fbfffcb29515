"""Plot functions for keyness, frequency and trend frames."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from toolkit.errors import SchemaError

_FREQ_COLS = {"term", "n", "count", "doc_freq", "share", "rank"}
_TREND_COLS = {"period", "term", "count", "docs", "docs_with", "n_words", "per_10k"}


def _need(frame: pd.DataFrame, cols: set[str], what: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise SchemaError(f"expected the DataFrame from {what}, got {type(frame).__name__}",
                          source="plot")
    missing = cols - set(frame.columns)
    if missing:
        raise SchemaError(
            f"frame lacks column(s) {sorted(missing)}; pass the output of {what}",
            source="plot",
        )


def keyness(
    frame: pd.DataFrame,
    *,
    n: int = 20,
    measure: str = "g2",
    labels: tuple[str, str] = ("target", "reference"),
    colors: tuple[str, str] = ("#1f5fa8", "#a8a8a8"),
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Two-sided horizontal bars of the ``n`` most over- and under-represented terms.

    As quanteda's ``textplot_keyness``: terms key to the target point right (first colour),
    terms key to the reference point left (second colour), each labelled at its bar's end.

    Parameters
    ----------
    frame
        The output of :func:`toolkit.keywords.keyness`.
    n
        Terms shown on each side.
    measure
        Column to plot: ``"g2"`` (default), ``"chi2"`` or ``"log_ratio"``.
    labels
        Legend names of the target and the reference groups.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _need(frame, {"term", measure}, "toolkit.keywords.keyness()")
    top = frame.nlargest(n, measure)
    top = top[top[measure] > 0]
    bottom = frame.nsmallest(n, measure)
    bottom = bottom[bottom[measure] < 0]
    data = pd.concat([top, bottom.iloc[::-1]]).drop_duplicates("term")
    if ax is None:
        _, ax = plt.subplots(figsize=(7, max(2.5, 0.28 * len(data) + 1.2)))
    y = list(range(len(data)))[::-1]
    values = data[measure].to_numpy(float)
    col = [colors[0] if v > 0 else colors[1] for v in values]
    ax.barh(y, values, color=col)
    span = max(abs(values).max(), 1e-9) if len(values) else 1.0
    for yi, v, t in zip(y, values, data["term"], strict=True):
        ax.text(v + (0.01 * span if v >= 0 else -0.01 * span), yi, t, va="center",
                ha="left" if v >= 0 else "right", fontsize=8)
    ax.set_yticks([])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlim(-1.35 * span if (values < 0).any() else 0, 1.35 * span)
    ax.set_xlabel({"g2": "Log-likelihood G2 (signed)", "chi2": "Chi-squared (signed)",
                   "log_ratio": "Log ratio (log2 of relative frequencies)"}.get(measure, measure))
    ax.set_ylabel("term")
    ax.set_title(title or f"Keyness: {labels[0]} vs {labels[1]} ({measure})")
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=colors[0], label=labels[0]),
                       Patch(color=colors[1], label=labels[1])], loc="lower right", fontsize=8)
    return ax


def top_terms(
    frame: pd.DataFrame,
    *,
    n: int = 10,
    by: str | None = None,
    value: str = "count",
    title: str | None = None,
    ncols: int = 3,
) -> Figure:
    """Horizontal bars of the ``n`` most frequent terms, one panel per group.

    Parameters
    ----------
    frame
        The output of :func:`toolkit.keywords.frequencies` (grouped with ``by=`` or not).
    by
        The group column; by default the frame's one extra column, if any.
    value
        ``"count"`` (default), ``"share"`` or ``"doc_freq"``.

    Returns
    -------
    matplotlib.figure.Figure
    """
    _need(frame, {"term", value}, "toolkit.keywords.frequencies()")
    if by is None:
        extra = [c for c in frame.columns if c not in _FREQ_COLS]
        if len(extra) > 1:
            raise SchemaError(f"frame has several group columns {extra}; pass by=",
                              source="plot")
        by = extra[0] if extra else None
    groups = [(None, frame)] if by is None else list(frame.groupby(by, sort=True))
    if not groups:
        groups = [(None, frame)]
    ncols = min(ncols, len(groups))
    nrows = math.ceil(len(groups) / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 0.3 * n * nrows + 1.5 * nrows),
                             squeeze=False)
    for ax, (name, g) in zip(axes.flat, groups, strict=False):
        g = g.nlargest(n, value).iloc[::-1]
        ax.barh(g["term"].astype(str), g[value], color="#1f5fa8")
        ax.set_title(str(name) if name is not None else "all documents", fontsize=10)
        ax.set_xlabel({"count": "occurrences", "share": "share of terms",
                       "doc_freq": "documents"}.get(value, value))
        ax.set_ylabel("term")
        ax.tick_params(axis="y", labelsize=8)
    for ax in list(axes.flat)[len(groups):]:
        ax.set_visible(False)
    fig.suptitle(title or (f"Top {n} terms by {by}" if by else f"Top {n} terms"))
    fig.tight_layout()
    return fig


def term_trend(
    frame: pd.DataFrame,
    *,
    value: str = "per_10k",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Line chart of term frequency over time, one line per term (and group).

    Parameters
    ----------
    frame
        The output of :func:`toolkit.keywords.trend`.
    value
        ``"per_10k"`` (matches per 10,000 words, default), ``"count"`` or ``"docs_with"``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _need(frame, {"period", "term", value}, "toolkit.keywords.trend()")
    extra = [c for c in frame.columns if c not in _TREND_COLS]
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 4))
    keys = ["term", *extra]
    for name, g in frame.groupby(keys, sort=True):
        label = " / ".join(map(str, name)) if isinstance(name, tuple) else str(name)
        g = g.sort_values("period")
        ax.plot(g["period"], g[value], marker="o", markersize=3, label=label)
    ax.set_xlabel("period")
    ax.set_ylabel({"per_10k": "matches per 10,000 words", "count": "matches",
                   "docs_with": "documents with a match"}.get(value, value))
    ax.set_title(title or "Term frequency over time")
    if frame["term"].nunique() + len(extra) > 0:
        ax.legend(fontsize=8)
    ax.figure.autofmt_xdate()
    return ax


def dispersion(
    frame: pd.DataFrame,
    *,
    max_docs: int = 30,
    only_matches: bool = True,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Lexical dispersion ("x-ray") plot: one row per document, a tick at each match.

    As quanteda's ``textplot_xray``: the x axis is the relative position in the text (0 =
    start, 1 = end), so one sees whether a term is in the lede or deep in the story.

    Parameters
    ----------
    frame
        The output of :func:`toolkit.keywords.dispersion`.
    max_docs
        Documents shown (those with the most matches first, then in corpus order).
    only_matches
        Leave out documents without a match.

    Returns
    -------
    matplotlib.axes.Axes
    """
    _need(frame, {"doc_id", "positions", "count"}, "toolkit.keywords.dispersion()")
    data = frame[frame["count"] > 0] if only_matches else frame
    data = data.sort_values("count", ascending=False, kind="stable").head(max_docs)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, max(2.0, 0.3 * len(data) + 1.2)))
    for row, positions in enumerate(data["positions"]):
        ax.vlines(positions, row - 0.4, row + 0.4, color="#1f5fa8", linewidth=1.2)
    ax.set_yticks(range(len(data)))
    ax.set_yticklabels(data["doc_id"].astype(str), fontsize=7)
    ax.set_ylim(len(data) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_xlabel("relative position in the text")
    ax.set_ylabel("document")
    ax.set_title(title or f"Lexical dispersion ({int(frame['count'].sum())} matches)")
    ax.figure.tight_layout()
    return ax
