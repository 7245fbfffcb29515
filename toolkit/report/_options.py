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
