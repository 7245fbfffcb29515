"""What every plot function shares: the Axes to draw on, the "no data" Axes, capped categories.

>>> import pandas as pd
>>> capped = cap_rows(pd.DataFrame({"n": [5, 1, 3, 2]}, index=list("abcd")), top_k=2)
>>> capped["n"].to_dict()
{'a': 5, 'c': 3, 'other (2)': 3}
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from toolkit.errors import MESSAGES, SchemaError

BLUE = "#1f5fa8"
GREY = "#a8a8a8"


def need(frame: object, cols: Sequence[str], what: str) -> None:
    """Raise :class:`~toolkit.errors.SchemaError` unless ``frame`` has the columns ``cols``."""
    if not isinstance(frame, pd.DataFrame):
        raise SchemaError(MESSAGES["plot_not_frame"].format(what=what,
                                                            kind=type(frame).__name__),
                          source="plot")
    missing = sorted(set(cols) - set(frame.columns))
    if missing:
        raise SchemaError(MESSAGES["plot_missing_columns"].format(missing=missing, what=what),
                          source="plot")


def is_empty(frame: object) -> bool:
    """True for a DataFrame without rows (it is drawn as a "no data" Axes)."""
    return isinstance(frame, pd.DataFrame) and len(frame) == 0


def axes_for(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """``ax``, or the Axes of a new figure of ``figsize`` inches when ``ax`` is None."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    return ax


def no_data(ax: Axes | None, title: str) -> Axes:
    """An empty Axes without axis lines whose title says ``"<title>: no data"``.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> no_data(None, "Articles per outlet").get_title()
    'Articles per outlet: no data'
    """
    ax = axes_for(ax, (6, 2))
    ax.set_axis_off()
    ax.set_title(f"{title}: no data")
    return ax


def cap_rows(table: pd.DataFrame, *, top_k: int | None, other: str = "other",
             combine: bool = True) -> pd.DataFrame:
    """The ``top_k`` rows with the largest totals (in their order), the rest combined.

    With ``combine=True`` the other rows are summed into one row labelled ``"other (k)"``
    (right for counts); with ``combine=False`` they are left out (for rates and means,
    which cannot be summed). ``top_k=None`` keeps every row.
    """
    if top_k is None or len(table) <= top_k:
        return table
    totals = table.sum(axis=1, numeric_only=True)
    keep = totals.sort_values(ascending=False, kind="stable").index[:top_k]
    kept = table[table.index.isin(keep)]
    if not combine:
        return kept
    rest = table[~table.index.isin(keep)].sum(numeric_only=True)
    row = pd.DataFrame([rest], index=[f"{other} ({len(table) - len(kept)})"])
    return pd.concat([kept, row])


def capped_note(before: int, after: int) -> str:
    """``" (top 15 of 40)"`` when rows were left out, else ``""``."""
    return f" (top {after} of {before})" if after < before else ""
