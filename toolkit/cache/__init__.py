"""On-disk cache for expensive steps, keyed by input, parameters and toolkit version.

A thin layer over :class:`joblib.Memory` (already installed with NLTK): a cached function's
result is stored on disk under a key made from the function's code, the values of all its
arguments (DataFrames are hashed by content), the toolkit version and a hash of the
toolkit's own files (:func:`code_fingerprint`), so a changed input, parameter or toolkit
never returns a stale result. Cache a toolkit function in a notebook with
``extract = cache.cached(quotes.extract)``.

The cache lives in ``$DCT_CACHE_DIR/results`` if set, otherwise beside the datasets in
``toolkit.datasets.cache_dir()/results`` (``~/.cache/diplomacy-coverage-toolkit/results``).
Clear it with :func:`clear`.

Examples
--------
>>> from toolkit import cache
>>> @cache.cached
... def slow_square(x):
...     return x * x
>>> slow_square(4)  # computed, then stored
16
>>> slow_square(4)  # read back from disk
16
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cache_dir", "cached", "clear", "code_fingerprint", "enabled"]

F = TypeVar("F", bound=Callable[..., Any])

_ENV_DIR = "DCT_CACHE_DIR"
_ENV_OFF = "DCT_NO_CACHE"


def cache_dir() -> Path:
    """Folder that holds the cached results (created on first use).

    ``$DCT_CACHE_DIR`` wins; otherwise ``toolkit.datasets.cache_dir()``.

    >>> cache_dir().name
    'results'
    """
    env = os.environ.get(_ENV_DIR)
    if env:
        return Path(env).expanduser() / "results"
    from toolkit.datasets import cache_dir as data_home

    return data_home() / "results"


def enabled() -> bool:
    """False when ``$DCT_NO_CACHE`` is set to a non-empty value other than ``0``.

    >>> isinstance(enabled(), bool)
    True
    """
    return os.environ.get(_ENV_OFF, "") in {"", "0"}


@functools.cache
def code_fingerprint() -> str:
    """Version plus a hash of the toolkit's code and data files, part of every cache key.

    A cached result is therefore never reused after the toolkit changes, not even when a
    function deep inside (a tokenizer rule, a gazetteer entry) changed and the cached
    function's own source did not.

    >>> code_fingerprint().startswith("toolkit-")
    True
    """
    from toolkit import __version__

    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return f"toolkit-{__version__}-{digest.hexdigest()[:12]}"


def _memory():
    import joblib

    # The version and code fingerprint are part of the location, hence of every key.
    return joblib.Memory(cache_dir() / code_fingerprint(), verbose=0)


def cached(func: F | None = None, *, ignore: list[str] | None = None) -> F:
    """Decorate ``func`` so that its results are cached on disk.

    Parameters
    ----------
    func : callable
        A pure function: same arguments, same result. Arguments must be hashable by
        joblib (numbers, strings, lists, dicts, numpy arrays, pandas objects, ...).
    ignore : list of str, optional
        Names of arguments left out of the key (e.g. ``show_progress``).

    Returns
    -------
    callable
        The wrapped function; ``wrapped.uncached`` is the original.

    Examples
    --------
    >>> @cached(ignore=["verbose"])
    ... def double(x, verbose=False):
    ...     return 2 * x
    >>> double(3, verbose=True)
    6
    """
    if func is None:
        return functools.partial(cached, ignore=ignore)  # type: ignore[return-value]

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not enabled():
            return func(*args, **kwargs)
        # Look the location up at call time so that DCT_CACHE_DIR set later is honoured.
        return _memory().cache(func, ignore=ignore)(*args, **kwargs)

    wrapper.uncached = func  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def clear() -> int:
    """Delete every cached result; return the number of bytes freed.

    >>> clear() >= 0
    True
    """
    root = cache_dir()
    if not root.exists():
        return 0
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    shutil.rmtree(root)
    return size
