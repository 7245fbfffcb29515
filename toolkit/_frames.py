"""Stable output schemas: every analysis returns the same columns and dtypes, rows or no rows.

Each frame-returning function declares its schema as a ``{column: dtype}`` mapping (the
``*_DTYPES`` constants beside the ``*_COLUMNS`` lists) and passes its result through
:func:`conform` on return, so an empty corpus, a corpus of empty texts and a normal corpus
give frames that concatenate cleanly. Strings are pandas' ``"str"`` dtype (what a non-empty
result has), counts and offsets ``int64``, scores ``float64``, flags ``bool``; offsets that
may be missing are nullable ``Int64``; lists (spans, positions) stay ``object``.

>>> import pandas as pd
>>> schema = {"doc_id": "str", "start": "int64", "score": "float64"}
>>> empty = conform(pd.DataFrame(columns=["doc_id", "start", "score"]), schema)
>>> full = conform(pd.DataFrame({"doc_id": ["a"], "start": [3], "score": [1]}), schema)
>>> empty.dtypes.equals(full.dtypes)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

Dtypes = Mapping[str, object]


def empty_frame(dtypes: Dtypes) -> pd.DataFrame:
    """A frame with no rows and the given ``{column: dtype}`` schema.

    >>> empty_frame({"term": "str", "count": "int64"}).dtypes.astype(str).tolist()
    ['str', 'int64']
    """
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in dtypes.items()})


def conform(frame: pd.DataFrame, dtypes: Dtypes) -> pd.DataFrame:
    """``frame`` with exactly the columns of ``dtypes``, in that order and of those dtypes.

    Missing values survive the conversion (``None`` in a string column becomes NaN). A
    column of ``dtypes`` that ``frame`` lacks is an error in the calling function, not in
    the user's input, and raises ``KeyError``. ``attrs`` are kept.

    >>> import pandas as pd
    >>> conform(pd.DataFrame({"n": [1.0], "x": ["a"]}), {"x": "str", "n": "int64"}).dtypes \\
    ...     .astype(str).to_dict()
    {'x': 'str', 'n': 'int64'}
    """
    missing = [c for c in dtypes if c not in frame.columns]
    if missing:
        raise KeyError(f"result lacks column(s) {missing} of its schema")
    if frame.empty:
        out = empty_frame(dtypes)
    else:
        out = frame[list(dtypes)]
        wrong = {c: d for c, d in dtypes.items() if str(out[c].dtype) != str(pd.api.types
                                                                            .pandas_dtype(d))}
        if wrong:
            out = out.astype(wrong)
    out.attrs.update(frame.attrs)
    return out


def passthrough_dtypes(source: pd.DataFrame, columns: Iterable[str], *,
                       default: object = "str") -> dict[str, object]:
    """Dtypes of document variables copied from a corpus into a result.

    A column of ``source`` keeps its dtype there (so an ``outlet`` column of ``object``
    dtype stays ``object`` whether or not the corpus has rows); a column not in ``source``
    (a period derived from ``date``) gets ``default``.

    >>> import pandas as pd
    >>> passthrough_dtypes(pd.DataFrame({"outlet": pd.Series([], dtype=object)}),
    ...                    ["outlet", "month"])
    {'outlet': dtype('O'), 'month': 'str'}
    """
    return {c: source[c].dtype if c in source.columns else default for c in columns}
