"""On-disk cache for expensive steps, keyed by input, parameters and toolkit version.

A cached function's result is stored on disk under a key made from the function's code, the
values of all its arguments (hashed with :func:`joblib.hash`, so DataFrames are hashed by
content), the toolkit version and a hash of the toolkit's own files
(:func:`code_fingerprint`), so a changed input, parameter or toolkit never returns a stale
result. Cache a toolkit function in a notebook with ``extract = cache.cached(quotes.extract)``.

The cache lives in ``$DCT_CACHE_DIR/results`` if set, otherwise beside the datasets in
``toolkit.datasets.cache_dir()/results`` (``~/.cache/diplomacy-coverage-toolkit/results``).
Clear it with :func:`clear`.

The cache never makes a computation fail:

- each entry records the type, shape and sha256 of what it holds; a truncated, garbled or
  wrong-typed entry is dropped (with a :class:`~toolkit.errors.ToolkitWarning`) and the
  result is computed again;
- a cache location that is a file or cannot be written means no cache, with one warning;
- entries are written to a temporary file and renamed into place, and :func:`clear` renames
  the folder away before deleting it, so another process using the cache at the same time
  sees at worst a miss.

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

import contextlib
import functools
import hashlib
import inspect
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from toolkit.cache._entry import EntryError, read_entry, write_entry

__all__ = ["cache_dir", "cached", "clear", "code_fingerprint", "enabled"]

F = TypeVar("F", bound=Callable[..., Any])

_ENV_DIR = "DCT_CACHE_DIR"
_ENV_OFF = "DCT_NO_CACHE"
_TOMBSTONE = ".results-deleted-"

# Cache roots already probed in this process: root -> usable (warn once per root).
_PROBED: dict[Path, bool] = {}


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


def _warn(key: str, **fields: Any) -> None:
    import warnings

    from toolkit.errors import MESSAGES, ToolkitWarning

    warnings.warn(MESSAGES[key].format(**fields), ToolkitWarning, stacklevel=4)


def _usable_root() -> Path | None:
    """The cache root if it can be created and written, else ``None`` (warned once)."""
    try:
        root = cache_dir()
    except (OSError, RuntimeError) as exc:  # no home folder to put it in
        root = Path("~/.cache/diplomacy-coverage-toolkit/results")
        if root not in _PROBED:
            _PROBED[root] = False
            _warn("cache_unusable", path=root, detail=exc)
        return None
    if root in _PROBED:
        return root if _PROBED[root] else None
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=root, prefix=".probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        _PROBED[root] = False
        _warn("cache_unusable", path=root, detail=exc.strerror or type(exc).__name__)
        return None
    _PROBED[root] = True
    return root


def _function_id(func: Callable[..., Any]) -> tuple[str, str]:
    """Folder name and code hash of a function (its source, or its bytecode without one)."""
    name = f"{func.__module__}.{func.__qualname__}".replace("<", "_").replace(">", "_")
    try:
        code = inspect.getsource(func).encode()
    except (OSError, TypeError):
        code = getattr(getattr(func, "__code__", None), "co_code", b"") or name.encode()
    return name, hashlib.sha256(code).hexdigest()[:16]


def _key(func: Callable[..., Any], ignore: list[str], args: tuple, kwargs: dict) -> str:
    import joblib

    bound = inspect.signature(func).bind(*args, **kwargs)
    bound.apply_defaults()
    values = {k: v for k, v in bound.arguments.items() if k not in ignore}
    return joblib.hash((_function_id(func)[1], values))


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
    skip = list(ignore or [])

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not enabled():
            return func(*args, **kwargs)
        # Look the location up at call time so that DCT_CACHE_DIR set later is honoured.
        root = _usable_root()
        if root is None:
            return func(*args, **kwargs)
        folder = root / code_fingerprint() / _function_id(func)[0]
        path = folder / f"{_key(func, skip, args, kwargs)}.pkl"
        try:
            return read_entry(path)
        except FileNotFoundError:
            pass  # a miss, or removed by clear() in another process
        except EntryError as exc:
            _warn("cache_bad_entry", path=path, detail=exc)
            with contextlib.suppress(OSError):  # rewritten below if the folder allows it
                path.unlink(missing_ok=True)
        result = func(*args, **kwargs)
        write_entry(path, result)
        return result

    wrapper.uncached = func  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def clear() -> int:
    """Delete every cached result; return the number of bytes freed.

    The results folder is first renamed to a tombstone, then deleted, so that processes
    using the cache meanwhile find an empty cache instead of half-deleted folders.

    >>> clear() >= 0
    True
    """
    root = cache_dir()
    parent = root.parent
    if not parent.is_dir():
        return 0
    if root.is_dir():
        with contextlib.suppress(FileNotFoundError):  # another process cleared it first
            root.rename(parent / f"{_TOMBSTONE}{uuid.uuid4().hex}")
    size = 0
    for tomb in parent.glob(f"{_TOMBSTONE}*"):  # also those of an earlier, interrupted clear
        for path in tomb.rglob("*"):
            try:
                size += path.stat().st_size if path.is_file() else 0
            except OSError:
                continue
        shutil.rmtree(tomb, ignore_errors=True)
    _PROBED.pop(root, None)
    return size
