"""Check the report's options before anything runs, with one clear message per problem.

Every check raises :class:`ReportOptionError` naming the option, its value and what is wrong;
``python -m toolkit.report`` prints it as one ``error: ...`` line and exits with code 2.

>>> check_subset(300)
300
>>> check_subset(0)
Traceback (most recent call last):
...
toolkit.report._options.ReportOptionError: --subset 0: must be a positive number of articles
"""

from __future__ import annotations

import ast
import glob
import keyword
import os
import tempfile
from pathlib import Path
from typing import Any

from toolkit.errors import MESSAGES, ToolkitError


class ReportOptionError(ToolkitError, ValueError):
    """An option of the report is unusable; the message names the option and the value."""

    def __init__(self, option: str, value: object, problem: str):
        self.option, self.value, self.problem = option, value, problem
        super().__init__(MESSAGES["report_option"].format(**vars(self)))


def check_subset(subset: int | None) -> int | None:
    """``subset`` unchanged when it is ``None`` or a positive whole number."""
    if subset is None:
        return None
    if isinstance(subset, bool) or not isinstance(subset, int) or subset < 1:
        raise ReportOptionError("--subset", subset, "must be a positive number of articles")
    return subset


def check_timeout(timeout: int) -> int:
    """``timeout`` unchanged when it is a positive number of seconds."""
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or timeout <= 0:
        raise ReportOptionError("--timeout", timeout, "must be a positive number of seconds")
    return timeout


def check_notebooks(folder: Path, only: list[str] | None) -> list[Path]:
    """The notebooks to run: every ``.ipynb`` of ``folder``, or those ``only`` names."""
    if not folder.exists():
        raise ReportOptionError("--notebooks", folder, "no such folder")
    if not folder.is_dir():
        raise ReportOptionError("--notebooks", folder, "is a file, not a folder")
    paths = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if not paths:
        raise ReportOptionError("--notebooks", folder, "holds no .ipynb notebook")
    if only is None:
        return paths
    names = ", ".join(p.stem for p in paths)
    for prefix in only:
        if not prefix or not any(p.stem.startswith(prefix) for p in paths):
            raise ReportOptionError(
                "--only", prefix or "''", f"no notebook in {folder} starts with it ({names})"
            )
    return [p for p in paths if any(p.stem.startswith(o) for o in only)]


def check_out(out: Path) -> Path:
    """Create the report folder ``out`` if needed and make sure files can be written in it."""
    if out.exists() and not out.is_dir():
        raise ReportOptionError("--out", out, "is a file, not a folder")
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ReportOptionError("--out", out, f"{parent} is a file, not a folder")
            break
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=out, prefix=".probe-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        problem = f"cannot write there ({exc.strerror or type(exc).__name__})"
        raise ReportOptionError("--out", out, problem) from None
    return out


def check_corpus(corpus: str) -> str:
    """``corpus`` unchanged when it is ``news``, ``sample`` or matches a file or folder."""
    if corpus in {"news", "sample"}:
        return corpus
    pattern = os.path.expanduser(corpus)
    if Path(pattern).exists() or glob.glob(pattern, recursive=True):
        return corpus
    raise ReportOptionError(
        "--corpus", corpus, "no such file, folder or match (or use 'news' or 'sample')"
    )


PATH_PARAMS = ("CORPUS", "PATH")
"""Notebook parameters that name files: relative values are resolved by :func:`resolve_paths`."""

LOAD_OPTION_NAMES = ("columns", "dayfirst", "duplicates", "delimiter", "encoding", "errors")
"""Options of :func:`toolkit.corpus.load` the report passes on (``LOAD_OPTIONS``)."""


def resolve_paths(params: dict[str, Any], base: Path) -> dict[str, Any]:
    """``params`` with relative file parameters (``CORPUS``, ``PATH``) made absolute.

    Each notebook runs with its own folder as working directory, so a path the user typed
    relative to the folder the command was run from is resolved against ``base`` (that
    folder) before it is injected. ``"news"``, ``"sample"``, ``None`` and non-strings are kept.

    >>> resolve_paths({"CORPUS": "data/*.txt", "PATH": None}, Path("/home/me"))
    {'CORPUS': '/home/me/data/*.txt', 'PATH': None}
    >>> resolve_paths({"CORPUS": "news"}, Path("/x"))
    {'CORPUS': 'news'}
    """
    out = dict(params)
    for name in PATH_PARAMS:
        value = out.get(name)
        if isinstance(value, os.PathLike):
            value = os.fspath(value)
        if not isinstance(value, str) or value in {"news", "sample"} or not value:
            continue
        value = os.path.expanduser(value)
        out[name] = value if os.path.isabs(value) else os.path.join(os.fspath(base), value)
    return out


def check_load_options(options: dict[str, Any] | None, corpus: object) -> dict[str, Any]:
    """The loader options for ``LOAD_OPTIONS``; only for a corpus given as a path.

    >>> check_load_options({"dayfirst": True}, "data/a.csv")
    {'dayfirst': True}
    >>> check_load_options({"dayfirst": True}, "news")
    Traceback (most recent call last):
    ...
    toolkit.report._options.ReportOptionError: --dayfirst True: applies to --corpus PATH, not 'news'
    """
    options = dict(options or {})
    for name, value in options.items():
        if name not in LOAD_OPTION_NAMES:
            allowed = ", ".join(LOAD_OPTION_NAMES)
            raise ReportOptionError("load option", name, f"not one of {allowed}")
        if corpus in {"news", "sample"}:
            raise ReportOptionError(f"--{name}", value, f"applies to --corpus PATH, not {corpus!r}")
    return options


def parse_columns(text: str) -> dict[str, str]:
    """``"text=body,date=published"`` as ``{"text": "body", "date": "published"}``.

    >>> parse_columns("text=body, outlet=source")
    {'text': 'body', 'outlet': 'source'}
    """
    mapping = {}
    for part in text.split(","):
        key, sep, value = (p.strip() for p in part.partition("="))
        if not sep or not key or not value:
            raise ReportOptionError(
                "--columns",
                text,
                "expected SCHEMA=YOURS pairs separated by commas, e.g. text=body,date=published",
            )
        mapping[key] = value
    return mapping


def check_params(params: dict[str, Any]) -> dict[str, Any]:
    """``params`` with paths as strings; each name an identifier, each value a literal."""
    checked = {}
    for name, value in params.items():
        if not isinstance(name, str) or not name.isidentifier() or keyword.iskeyword(name):
            raise ReportOptionError("-p", name, "the name must be a Python identifier")
        if isinstance(value, os.PathLike):
            value = os.fspath(value)  # a path is passed as its string
        try:
            ast.literal_eval(repr(value))
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            raise ReportOptionError(
                "-p", f"{name}={value!r}", "the value cannot be written as a Python literal"
            ) from None
        checked[name] = value
    return checked
