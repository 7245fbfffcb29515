"""String columns from a vocabulary and codes, built by pyarrow without a Python str per row."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import pandas as pd


@cache
def _arrow_str() -> bool:
    """True when pandas' ``"str"`` dtype is stored by pyarrow (``large_string``)."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        return False
    probe = pd.array(["a"], dtype="str")
    return getattr(getattr(probe, "_pa_array", None), "type", None) is not None


def str_array(values: Sequence[str], codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """``pd.array([values[c] for c in codes], dtype="str")``, about ten times faster.

    ``values`` is a vocabulary (repeats allowed) and ``codes`` indexes it, one per row. With
    pyarrow the rows are a dictionary array decoded in C; otherwise the plain construction.

    >>> str_array(["Iran", "met"], np.array([0, 1, 0])).tolist()
    ['Iran', 'met', 'Iran']
    >>> str_array(["a"], np.array([0])).dtype == pd.array(["a"], dtype="str").dtype
    True
    """
    codes = np.asarray(codes)
    if not _arrow_str() or not len(codes):
        return pd.array(np.asarray(list(values), dtype=object)[codes] if len(codes) else [],
                        dtype="str")
    import pyarrow as pa

    decoded = pa.DictionaryArray.from_arrays(
        pa.array(codes.astype(np.int64, copy=False)), pa.array(list(values), type=pa.large_string())
    ).dictionary_decode()
    return pd.array(decoded, dtype="str")
