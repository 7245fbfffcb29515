"""Plots of tone scores (:mod:`toolkit.tone`): mean tone per category with intervals.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> scores = pd.DataFrame({"actor": ["Iran", "Iraq"], "mean": [-0.2, 0.1], "ci95": [0.05, 0.1]})
>>> ax = tone_bars(scores, reference=0.0)
>>> ax.get_title()
'Mean tone by actor'
"""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from toolkit.plot._base import axes_for, cap_rows, capped_note, is_empty, need, no_data


def tone_bars(
    frame: pd.DataFrame,
    *,
    label: str = "actor",
    value: str = "mean",
    error: str | None = "ci95",
    reference: float | None = None,
    reference_label: str = "all sentences",
    top_k: int | None = 20,
    title: str | None = None,
    xlabel: str = "mean VADER compound score",
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars of the mean tone per category, with error bars and a reference line.

    Parameters
    ----------
    frame : DataFrame
        One row per category with its mean score (and interval half-width), e.g. the
        compound scores of :func:`toolkit.tone.sentences` averaged per actor.
    label, value : str
        The category column and the mean column.
    error : str or None, default "ci95"
        Column of the error bars' half-width; None draws none.
    reference : float, optional
        Draw a dashed line here (e.g. the mean of all sentences), labelled in the legend.
    reference_label : str, default "all sentences"
        Legend text of the reference line (its value is added).
    top_k : int or None, default 20
        Categories shown: the ``top_k`` largest absolute means (means cannot be summed into
        "other"; the title says how many were left out).
    title, xlabel : str, optional
        Default title ``"Mean tone by <label>"``.
    ax : matplotlib Axes, optional
        Draw here; by default on a new figure.

    Returns
    -------
    matplotlib.axes.Axes
    """
    default = f"Mean tone by {label}"
    if is_empty(frame):
        return no_data(ax, title or default)
    need(frame, [label, value, *([error] if error else [])], "a table of mean tone scores")
    table = frame.set_index(label)[[value, *([error] if error else [])]].astype(float)
    shown = cap_rows(table[[value]].abs(), top_k=top_k, combine=False)
    table = table.loc[shown.index]
    ax = axes_for(ax, (8, 0.4 * len(table) + 1.6))
    ax.barh(table.index.astype(str), table[value],
            xerr=table[error].fillna(0) if error else None, color="#8da0cb")
    ax.axvline(0, color="black", linewidth=0.8)
    if reference is not None:
        ax.axvline(reference, color="#d95f02", linestyle="--",
                   label=f"{reference_label} ({reference:.2f})")
        ax.legend(loc="upper left", fontsize=9)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(label)
    ax.set_title((title or default) + capped_note(len(frame), len(table)))
    return ax
