"""Bars of a table of categories: counts, stacked parts, grouped series.

They draw the small tables a notebook builds with ``groupby``: articles per outlet, the
most frequent keyphrases, quote kinds or speaker affiliations per outlet, terms by group.
Long category axes are capped: the ``top_k`` categories, the rest summed into one
``"other (k)"`` bar where the values are counts, left out (and said so) where they are not.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> counts = pd.DataFrame({"outlet": list("abcde"), "articles": [9, 7, 5, 2, 1]})
>>> ax = count_bars(counts, label="outlet", value="articles", top_k=3)
>>> [t.get_text() for t in ax.get_yticklabels()]
['a', 'b', 'c', 'other (2)']
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from toolkit.plot._base import BLUE, axes_for, cap_rows, capped_note, is_empty, need, no_data


def _wide(frame: pd.DataFrame, label: str | None, parts: Sequence[str] | None,
          what: str) -> pd.DataFrame:
    """Rows = categories (the ``label`` column or the index), columns = the parts."""
    if label is not None:
        need(frame, [label, *(parts or [])], what)
        frame = frame.set_index(label)
    else:
        need(frame, list(parts or []), what)
    if parts is None:
        parts = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])]
    table = frame[list(parts)].astype(float)
    table.index = table.index.astype(str)
    return table


def count_bars(
    frame: pd.DataFrame,
    *,
    label: str,
    value: str,
    top_k: int | None = 20,
    other: bool = True,
    annotate: bool = False,
    color: str = BLUE,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars of one value per category, in the frame's order (first on top).

    Parameters
    ----------
    frame : DataFrame
        One row per category, e.g. articles per outlet or the most frequent keyphrases.
    label, value : str
        The category column and the value column.
    top_k : int or None, default 20
        Categories shown: the ``top_k`` largest values; None shows all.
    other : bool, default True
        Sum the left-out categories into one ``"other (k)"`` bar (for counts); False
        leaves them out and says so in the title.
    annotate : bool, default False
        Write each value at the end of its bar.
    color : str
        Bar colour.
    title, xlabel, ylabel : str, optional
        Defaults: ``"<value> by <label>"``, ``value`` and ``label``.
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
    >>> ax = count_bars(pd.DataFrame({"word": ["iran", "talks"], "count": [4, 2]}),
    ...                 label="word", value="count", annotate=True)
    >>> ax.get_title(), [t.get_text() for t in ax.texts]
    ('count by word', [' 4', ' 2'])
    """
    default = f"{value} by {label}"
    if is_empty(frame):
        return no_data(ax, title or default)
    table = _wide(frame, label, [value], f"a table with columns {label!r} and {value!r}")
    shown = cap_rows(table, top_k=top_k, combine=other)
    ax = axes_for(ax, (8, 0.4 * len(shown) + 1.2))
    values = shown[value]
    ax.barh(shown.index, values, color=color)
    ax.invert_yaxis()
    if annotate:
        for y, v in enumerate(values):
            ax.text(v, y, f" {v:,.0f}" if float(v).is_integer() else f" {v:,.3g}",
                    va="center", fontsize=9)
        ax.margins(x=0.12)
    ax.set_xlabel(xlabel or value)
    ax.set_ylabel(ylabel or label)
    note = "" if other else capped_note(len(table), len(shown))
    ax.set_title((title or default) + note)
    return ax


def stacked_bars(
    frame: pd.DataFrame,
    *,
    label: str | None = None,
    parts: Sequence[str] | None = None,
    percent: bool = False,
    top_k: int | None = 20,
    colors: Sequence[str] | dict[str, str] | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars of one category each, split into stacked parts (first row on top).

    Parameters
    ----------
    frame : DataFrame
        One row per category (the ``label`` column, else the index) and one count column
        per part, e.g. quotes per outlet with columns ``direct``, ``mixed``, ``indirect``.
    label : str, optional
        The category column; by default the index.
    parts : list of str, optional
        The part columns, in stacking order; by default every numeric column.
    percent : bool, default False
        Show each part as a percentage of its row's total (bars of length 100).
    top_k : int or None, default 20
        Rows shown: those with the largest totals; the others are summed into one
        ``"other (k)"`` row (parts must be counts to be summed). None shows all.
    colors : list or dict of str, optional
        Colours of the parts (a dict maps part names; parts not in it get the default cycle).
    title, xlabel, ylabel : str, optional
        Defaults: ``"<parts> by <label>"``, ``"%"`` or ``"count"``, and ``label``.
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
    >>> kinds = pd.DataFrame({"direct": [3, 1], "indirect": [1, 1]}, index=["A", "B"])
    >>> ax = stacked_bars(kinds, percent=True)
    >>> [round(p.get_width()) for p in ax.patches]
    [75, 50, 25, 50]
    """
    default = f"{' / '.join(parts) if parts else 'parts'} by {label or 'category'}"
    if is_empty(frame):
        return no_data(ax, title or default)
    table = _wide(frame, label, parts, "a table with one count column per part")
    table = cap_rows(table, top_k=top_k)
    if percent:
        totals = table.sum(axis=1).where(lambda s: s > 0)
        table = table.div(totals, axis=0).fillna(0) * 100
    ax = axes_for(ax, (8, 0.45 * len(table) + 1.6))
    cycle = plt.rcParams["axes.prop_cycle"].by_key().get("color", [BLUE])
    left = pd.Series(0.0, index=table.index)
    for i, part in enumerate(table.columns):
        if isinstance(colors, dict):
            colour = colors.get(part, cycle[i % len(cycle)])
        elif colors is not None:
            colour = colors[i % len(colors)]
        else:
            colour = cycle[i % len(cycle)]
        ax.barh(table.index, table[part], left=left, color=colour, label=str(part))
        left += table[part]
    ax.invert_yaxis()
    if percent:
        ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel or ("% of the row's total" if percent else "count"))
    ax.set_ylabel(ylabel or (label or str(table.index.name or "category")))
    ax.set_title(title or default)
    if len(table.columns) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=9, frameon=False)
    return ax


def grouped_bars(
    frame: pd.DataFrame,
    *,
    label: str | None = None,
    series: Sequence[str] | None = None,
    top_k: int | None = 20,
    legend_title: str | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    ylabel: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars side by side: one group of bars per row, one bar per series.

    Parameters
    ----------
    frame : DataFrame
        One row per category (the ``label`` column, else the index), one column per series
        (e.g. a pivot of rates: groups by terms).
    label : str, optional
        The category column; by default the index.
    series : list of str, optional
        The series columns; by default every numeric column.
    top_k : int or None, default 20
        Rows shown: those with the largest totals; the rest are left out (rates cannot be
        summed) and the title says so. None shows all.
    legend_title, title, xlabel, ylabel : str, optional
        Labels; defaults name the columns.
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
    >>> rates = pd.DataFrame({"iran": [2.0, 1.0], "gaza": [0.5, 3.0]}, index=["A", "B"])
    >>> ax = grouped_bars(rates)
    >>> len(ax.patches), [t.get_text() for t in ax.get_legend().get_texts()]
    (4, ['iran', 'gaza'])
    """
    default = f"{' / '.join(series) if series else 'values'} by {label or 'category'}"
    if is_empty(frame):
        return no_data(ax, title or default)
    table = _wide(frame, label, series, "a table with one numeric column per series")
    shown = cap_rows(table, top_k=top_k, combine=False)
    ax = axes_for(ax, (8, 0.4 * len(shown) * max(1, len(shown.columns) / 3) + 1.8))
    shown.plot.barh(ax=ax, width=0.8)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel or "value")
    ax.set_ylabel(ylabel or (label or str(table.index.name or "category")))
    ax.set_title((title or default) + capped_note(len(table), len(shown)))
    ax.legend(title=legend_title, fontsize=9, loc="upper left", bbox_to_anchor=(1.01, 1))
    return ax
