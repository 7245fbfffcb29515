"""Run one notebook in a fresh kernel and render it: what ``run`` does per notebook.

Parameters are injected as a new cell right after the cell tagged ``parameters`` (as
papermill does), so the rendered page shows which values were used.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import inspect
import json
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.report._output import ENV_DIR, ENV_NOTEBOOK, NO_DATA_DIR


@dataclass
class NotebookResult:
    """What happened to one notebook."""

    name: str
    title: str
    summary: str
    status: str = "not run"
    seconds: float = 0.0
    error: str | None = None
    html: str | None = None
    figures: list[str] = field(default_factory=list)
    tables: dict[str, str] = field(default_factory=dict)  # relative path -> sha256
    inputs: list[dict[str, Any]] = field(default_factory=list)
    figures_no_data: list[str] = field(default_factory=list)  # figures with nothing drawn
    sections_skipped: list[str] = field(default_factory=list)  # "Skipped: ..." lines printed
    earlier_run: str | None = None  # kept from the run started then (``--only``)
    parameters: dict[str, Any] | None = None  # the parameters of that earlier run


def status_text(nb: dict[str, Any]) -> str:
    """The status as shown: ``"ok"``, ``"ok (2 figures: no data)"``, ``"failed"``, ...

    >>> status_text({"status": "ok", "figures_no_data": ["a", "b"]})
    'ok (2 figures: no data)'
    >>> status_text({"status": "ok", "figures_no_data": ["a"], "earlier_run": "2025-01-02"})
    'ok (1 figure: no data; earlier run)'
    >>> status_text({"status": "ok", "sections_skipped": ["Skipped: Keyness needs ..."]})
    'ok (1 section skipped)'
    """
    notes = []
    skipped = nb.get("sections_skipped") or []
    if skipped:
        notes.append(f"{len(skipped)} section{'s' if len(skipped) > 1 else ''} skipped")
    empty = nb.get("figures_no_data") or []
    if empty:
        notes.append(f"{len(empty)} figure{'s' if len(empty) > 1 else ''}: no data")
    if nb.get("earlier_run"):
        notes.append("earlier run")
    return nb["status"] + (f" ({'; '.join(notes)})" if notes else "")



def describe(nb) -> tuple[str, str]:
    """Title (first heading) and one-line summary (first sentence after it) of a notebook."""
    title, summary = "", ""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for block in re.split(r"\n\s*\n", cell.source):
            lines = [line.strip() for line in block.splitlines() if line.strip()]
            for line in (ln for ln in lines if ln.startswith("#")):
                title = title or line.lstrip("#").strip()
            text = " ".join(ln for ln in lines if not ln.startswith("#"))
            if title and text and not summary:
                summary = re.split(r"(?<=[.?!])\s", text, maxsplit=1)[0]
        if title and summary:
            break
    return title, summary


def inject_parameters(nb, params: dict[str, Any]) -> None:
    """Insert a cell assigning ``params`` right after the cell tagged ``parameters``.

    Without such a cell the assignments go first. A previous injected cell is replaced.
    """
    import nbformat

    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    if not params:
        return
    lines = ["# Parameters injected by python -m toolkit.report"]
    for key, value in params.items():
        if not key.isidentifier():
            raise ValueError(f"parameter name {key!r} is not a Python identifier")
        if isinstance(value, os.PathLike):
            value = os.fspath(value)  # a path is passed as its string
        lines.append(f"{key} = {value!r}")
    cell = nbformat.v4.new_code_cell("\n".join(lines))
    cell.metadata["tags"] = ["injected-parameters"]
    at = 0
    for i, c in enumerate(nb.cells):
        if "parameters" in c.metadata.get("tags", []):
            at = i + 1
            break
    nb.cells.insert(at, cell)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()



def _kernel_env(out: Path, name: str) -> dict[str, str]:
    env = dict(os.environ)
    env[ENV_DIR] = str(out.resolve())
    env[ENV_NOTEBOOK] = name
    env["PYTHONHASHSEED"] = "0"
    # Library warnings (pandas, matplotlib, Jupyter) would clutter the rendered pages; the
    # toolkit's own warnings stay visible (toolkit.errors re-enables ToolkitWarning).
    env["PYTHONWARNINGS"] = "ignore"
    env["TQDM_DISABLE"] = "1"  # progress bars would clutter the rendered pages
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def _to_html(nb, path: Path) -> None:
    import copy

    import nbformat
    from nbconvert import HTMLExporter

    page = copy.deepcopy(nb)
    link = nbformat.v4.new_markdown_cell(
        f"[← report index](index.html) · [this notebook with its outputs]"
        f"(notebooks/{path.stem}.ipynb) · [manifest](manifest.json)"
    )
    page.cells.insert(0, link)
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(page)
    path.write_text(body, encoding="utf-8")


def _was_interrupted(client, exc: BaseException) -> bool:
    """Whether ``exc`` ended a notebook because of Ctrl-C (SIGINT) or SIGTERM.

    While it runs a kernel, nbclient handles these signals itself: it shuts the kernel down
    (leaving ``_async_cleanup_kernel_future`` behind), and the run then ends in a dead
    kernel or an assertion in its clean-up instead of a KeyboardInterrupt.
    """
    if isinstance(exc, KeyboardInterrupt | asyncio.CancelledError):
        return True
    return getattr(client, "_async_cleanup_kernel_future", None) is not None


def _stop_kernel(client) -> None:
    """Shut the notebook's kernel down after an interrupt (best effort)."""
    km = getattr(client, "km", None)
    if km is None:
        return
    with contextlib.suppress(Exception):
        if inspect.iscoroutinefunction(km.shutdown_kernel):
            from jupyter_core.utils import run_sync

            run_sync(km.shutdown_kernel)(now=True)
        else:
            km.shutdown_kernel(now=True)


def run_notebook(
    path: Path,
    out: Path,
    params: dict[str, Any],
    *,
    timeout: int = 900,
) -> NotebookResult:
    """Execute one notebook into ``out`` and render it as ``out/<name>.html``.

    A Ctrl-C (or SIGTERM) stops the kernel and raises :class:`KeyboardInterrupt`.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, DeadKernelError

    nb = nbformat.read(path, as_version=4)
    title, summary = describe(nb)
    name = path.stem
    result = NotebookResult(name=name, title=title or name, summary=summary)
    inject_parameters(nb, params)
    for sub in ("figures", "tables"):
        shutil.rmtree(out / sub / name, ignore_errors=True)
    (out / "_inputs" / f"{name}.json").unlink(missing_ok=True)
    (out / NO_DATA_DIR / f"{name}.json").unlink(missing_ok=True)

    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    # The kernel process's own stderr (start-up notices, a crash) goes to a file, not the
    # terminal; the last lines are kept in the error of a notebook whose kernel died.
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as log:
        try:
            client.execute(env=_kernel_env(out, name), stderr=log)  # passed to the kernel
            result.status = "ok"
        except BaseException as exc:
            if _was_interrupted(client, exc):
                with contextlib.suppress(BaseException):
                    _stop_kernel(client)
                raise KeyboardInterrupt from None
            if isinstance(exc, CellExecutionError):
                result.status = "failed"
                result.error = _short_error(str(exc))
                if getattr(exc, "ename", None) == "ClaimError":  # the claim alone, no traceback
                    result.error = "ClaimError: " + _short_error(str(exc.evalue))
            elif isinstance(exc, DeadKernelError | TimeoutError | RuntimeError):
                result.status = "failed"
                result.error = f"{type(exc).__name__}: {exc}"
                log.seek(0)
                kernel_said = [ln for ln in log.read().splitlines() if "WARNING" not in ln]
                if kernel_said:
                    result.error += "\n" + _short_error("\n".join(kernel_said))
            else:
                raise
    result.seconds = round(time.perf_counter() - start, 1)

    html = out / f"{name}.html"
    _to_html(nb, html)
    executed = out / "notebooks" / f"{name}.ipynb"  # downloadable, with outputs
    executed.parent.mkdir(exist_ok=True)
    nbformat.write(nb, executed)
    result.html = html.name
    fig_dir = out / "figures" / name
    if fig_dir.exists():
        result.figures = sorted(p.relative_to(out).as_posix() for p in fig_dir.iterdir())
    tab_dir = out / "tables" / name
    if tab_dir.exists():
        result.tables = {
            p.relative_to(out).as_posix(): _sha256(p) for p in sorted(tab_dir.glob("*.csv"))
        }
    inputs = out / "_inputs" / f"{name}.json"
    if inputs.exists():
        result.inputs = json.loads(inputs.read_text())
    no_data = out / NO_DATA_DIR / f"{name}.json"
    if no_data.exists():
        result.figures_no_data = json.loads(no_data.read_text())
    result.sections_skipped = skipped_sections(nb)
    return result


def skipped_sections(nb: Any) -> list[str]:
    r"""The ``Skipped: ...`` lines an executed notebook printed (sections it could not run).

    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell("")
    >>> cell.outputs = [nbformat.v4.new_output("stream", text="Skipped: A needs dates.\nok\n")]
    >>> skipped_sections(nbformat.v4.new_notebook(cells=[cell]))
    ['Skipped: A needs dates.']
    """
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stdout":
                found += [ln.strip() for ln in output.get("text", "").splitlines()
                          if ln.strip().startswith("Skipped: ")]
    return found


_ANSI = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b[@-_]")


def _short_error(message: str) -> str:
    """The last lines of an error, without terminal colour codes.

    >>> _short_error("Traceback\\n\\x1b[0;31mValueError\\x1b[0m: bad")
    'Traceback\\nValueError: bad'
    """
    lines = [ln.rstrip() for ln in _ANSI.sub("", message).strip().splitlines() if ln.strip()]
    return "\n".join(lines[-3:])
