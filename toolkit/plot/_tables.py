"""Plots of a wide table (rows by columns of numbers): heatmap, lines over time, stacked area.

They draw the pivots a notebook makes: frames by outlet (:func:`toolkit.dictionary.count`
pivoted), frame rates per week, articles per week by outlet, actor shares by group.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> rates = pd.DataFrame({"security": [1.5, 0.2], "economy": [0.1, 2.0]}, index=["A", "B"])
>>> ax = table_heatmap(rates, annotate="{:.1f}")
>>> [t.get_text() for t in ax.texts]
['1.5', '0.1', '0.2', '2.0']
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from toolkit.plot._base import axes_for, cap_rows, capped_note, is_empty, need, no_data


def _numeric(frame: pd.DataFrame, what: str) -> pd.DataFrame:
    need(frame, [], what)
    return frame.select_dtypes("number").astype(float)


def table_heatmap(
    frame: pd.DataFrame,
    *,
    top_k: int | None = 20,
    annotate: str | None = None,
    cmap: str = "Blues",
    vmin: float | None = None,
    vmax: float | None = None,
    colorbar: str = "value",
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of a wide table: one row per index value, one column per numeric column.

    Parameters
    ----------
    frame : DataFrame
        A pivot, e.g. ``counts.pivot(index="outlet", columns="category", values="rate")``.
    top_k : int or None, default 20
        Rows shown (the largest row totals; the title says how many were left out).
    annotate : str, optional
        A format such as ``"{:.1f}"`` to write each value in its cell.
    cmap, vmin, vmax
        Colour map and limits (default: the data's range).
    colorbar : str, default "value"
        Label of the colour bar.
    title, xlabel, ylabel : str, optional
        Defaults: ``"Heatmap"``, the column and index names.
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
    >>> ax = table_heatmap(pd.DataFrame({"x": [1, 2], "y": [3, 4]}, index=["a", "b"]))
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['a', 'b']
    """
    if is_empty(frame):
        return no_data(ax, title or "Heatmap")
    table = _numeric(frame, "a wide table of numbers")
    shown = cap_rows(table, top_k=top_k, combine=False)
    ax = axes_for(ax, (8, 0.45 * len(shown) + 2))
    image = ax.imshow(shown.to_numpy(), cmap=cmap, aspect="auto", vmin=vmin, vmax=vmax)
    ax.set_xticks(range(len(shown.columns)), [str(c) for c in shown.columns], rotation=30,
                  ha="right")
    ax.set_yticks(range(len(shown.index)), [str(i) for i in shown.index])
    if annotate:
        for i, row in enumerate(shown.to_numpy()):
            for j, value in enumerate(row):
                ax.text(j, i, annotate.format(value), ha="center", va="center", fontsize=9)
    ax.set_xlabel(xlabel or str(table.columns.name or "column"))
    ax.set_ylabel(ylabel or str(table.index.name or "row"))
    ax.set_title((title or "Heatmap") + capped_note(len(table), len(shown)))
    ax.figure.colorbar(image, ax=ax, label=colorbar)
    return ax


def table_lines(
    frame: pd.DataFrame,
    *,
    top_k: int | None = 10,
    legend_title: str | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str = "value",
    ax: Axes | None = None,
) -> Axes:
    """Lines over time: the index is the period (dates or ISO strings), one line per column.

    Parameters
    ----------
    frame : DataFrame
        A pivot with periods as index, e.g. frame rates: ``index="week", columns="category"``.
    top_k : int or None, default 10
        Lines shown (the columns with the largest totals; the title says how many were
        left out).
    legend_title, title, xlabel, ylabel : str, optional
        Labels; defaults ``"Over time"`` and the index name.
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
    >>> rates = pd.DataFrame({"security": [1.0, 2.0], "economy": [0.5, 0.4]},
    ...                      index=["2024-01-01", "2024-01-08"])
    >>> ax = table_lines(rates)
    >>> [line.get_label() for line in ax.lines]
    ['security', 'economy']
    """
    if is_empty(frame):
        return no_data(ax, title or "Over time")
    table = _numeric(frame, "a wide table of numbers with periods as index")
    shown = cap_rows(table.T, top_k=top_k, combine=False).T
    ax = axes_for(ax, (8, 4.5))
    when = pd.to_datetime(pd.Index(shown.index), errors="coerce")
    x = when if not when.isna().any() else shown.index.astype(str)
    for column in shown.columns:
        ax.plot(x, shown[column], marker="o", markersize=4, label=str(column))
    ax.set_xlabel(xlabel or str(table.index.name or "period"))
    ax.set_ylabel(ylabel)
    ax.set_title((title or "Over time") + capped_note(len(table.columns), len(shown.columns)))
    ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1), title=legend_title)
    ax.figure.autofmt_xdate()
    return ax


def stacked_area(
    frame: pd.DataFrame,
    *,
    top_k: int | None = 10,
    legend_title: str | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str = "count",
    ax: Axes | None = None,
) -> Axes:
    """Stacked areas of counts over time: the index is the period, one area per column.

    Parameters
    ----------
    frame : DataFrame
        Counts with periods as index, e.g. articles per week by outlet:
        ``corpus.groupby(["week", "outlet"]).size().unstack("outlet", fill_value=0)``.
    top_k : int or None, default 10
        Areas shown: the columns with the largest totals, the rest summed into one
        ``"other (k)"`` area. None shows all.
    legend_title, title, xlabel, ylabel : str, optional
        Labels; defaults ``"Counts over time"`` and the index name.
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
    >>> weeks = pd.to_datetime(["2024-01-01", "2024-01-08"])
    >>> ax = stacked_area(pd.DataFrame({"A": [3, 4], "B": [1, 0], "C": [1, 1]}, index=weeks),
    ...                   top_k=1)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['A', 'other (2)']
    """
    if is_empty(frame):
        return no_data(ax, title or "Counts over time")
    table = _numeric(frame, "a wide table of counts with periods as index")
    shown = cap_rows(table.T, top_k=top_k).T
    ax = axes_for(ax, (8, 4.5))
    ax.stackplot(shown.index, shown.T.to_numpy(), labels=[str(c) for c in shown.columns],
                 alpha=0.9)
    ax.set_xlabel(xlabel or str(table.index.name or "period"))
    ax.set_ylabel(ylabel)
    ax.set_title(title or "Counts over time")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9, title=legend_title)
    ax.figure.autofmt_xdate()
    return ax
