"""Execute the notebooks headless and write the report folder.

Each notebook runs in a fresh kernel with its own folder as working directory. Parameters
are injected as a new cell right after the cell tagged ``parameters`` (as papermill does),
so the rendered page shows which values were used.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import inspect
import json
import os
import platform
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field, fields
from importlib import metadata
from pathlib import Path
from typing import Any

from toolkit.report._files import write_text_atomic
from toolkit.report._options import (
    check_corpus,
    check_load_options,
    check_notebooks,
    check_out,
    check_params,
    check_subset,
    check_timeout,
    resolve_paths,
)
from toolkit.report._output import ENV_DIR, ENV_NOTEBOOK, NO_DATA_DIR, SHARED_DIR

REPO = Path(__file__).resolve().parents[2]
DEFAULT_NOTEBOOKS = REPO / "notebooks"

PACKAGES = (
    "pandas",
    "numpy",
    "nltk",
    "matplotlib",
    "networkx",
    "pyyaml",
    "trafilatura",
    "ftfy",
    "vadersentiment",
    "joblib",
    "tqdm",
    "nbclient",
    "nbconvert",
    "nbformat",
    "ipykernel",
    "jupytext",
)


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
    earlier_run: str | None = None  # kept from the run started then (``--only``)
    parameters: dict[str, Any] | None = None  # the parameters of that earlier run


def status_text(nb: dict[str, Any]) -> str:
    """The status as shown: ``"ok"``, ``"ok (2 figures: no data)"``, ``"failed"``, ...

    >>> status_text({"status": "ok", "figures_no_data": ["a", "b"]})
    'ok (2 figures: no data)'
    >>> status_text({"status": "ok", "figures_no_data": ["a"], "earlier_run": "2025-01-02"})
    'ok (1 figure: no data; earlier run)'
    """
    notes = []
    empty = nb.get("figures_no_data") or []
    if empty:
        notes.append(f"{len(empty)} figure{'s' if len(empty) > 1 else ''}: no data")
    if nb.get("earlier_run"):
        notes.append("earlier run")
    return nb["status"] + (f" ({'; '.join(notes)})" if notes else "")


def find_notebooks(folder: Path, only: list[str] | None = None) -> list[Path]:
    """The ``.ipynb`` files in ``folder`` in name order; ``only`` filters by name prefix."""
    paths = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if only:
        paths = [p for p in paths if any(p.stem.startswith(o) for o in only)]
    return paths


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


def _versions() -> dict[str, str]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return out


def _git_state() -> dict[str, Any] | None:
    """Commit of the repository the toolkit runs from, and whether files were modified."""
    import subprocess

    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "toolkit", "notebooks"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return {"commit": head, "modified": bool(dirty)}


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


@contextlib.contextmanager
def _sigint_ignored():
    """Ignore further Ctrl-C while the report folder is being made consistent."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


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
    return result


_ANSI = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b[@-_]")


def _short_error(message: str) -> str:
    """The last lines of an error, without terminal colour codes.

    >>> _short_error("Traceback\\n\\x1b[0;31mValueError\\x1b[0m: bad")
    'Traceback\\nValueError: bad'
    """
    lines = [ln.rstrip() for ln in _ANSI.sub("", message).strip().splitlines() if ln.strip()]
    return "\n".join(lines[-3:])


def run(
    *,
    out: str | os.PathLike = "reports",
    notebooks: str | os.PathLike | None = None,
    corpus: str | os.PathLike = "news",
    subset: int | None = None,
    only: list[str] | None = None,
    params: dict[str, Any] | None = None,
    load_options: dict[str, Any] | None = None,
    timeout: int = 900,
    progress: bool = True,
) -> dict[str, Any]:
    """Execute every notebook and write the report; return the manifest.

    Parameters
    ----------
    out : path, default "reports"
        Report folder: ``index.html``, one ``<notebook>.html`` each, ``figures/``,
        ``tables/`` and ``manifest.json``.
    notebooks : path, optional
        Folder of ``.ipynb`` files; default the repository's ``notebooks/`` (or
        ``./notebooks`` when the toolkit is installed as a package).
    corpus : str, default "news"
        ``"news"`` (default corpus), ``"sample"`` (tiny offline sample) or a path; injected
        as the ``CORPUS`` parameter. A relative path is resolved against the current
        working directory (where the command runs), not the notebooks' folder, and
        injected (and recorded in the manifest) as an absolute path; so is ``PATH``.
    subset : int, optional
        Analyse a reproducible random sample of this many articles; injected as ``SUBSET``.
    only : list of str, optional
        Run only the notebooks whose names start with one of these (e.g. ``["01", "02"]``).
        The other notebooks of an earlier run into the same ``out`` stay listed (marked
        "earlier run", with that run's parameters in the manifest) when their pages are
        still there.
    params : dict, optional
        Further parameters injected into every notebook (e.g. ``{"TERMS": ["Iran"]}``).
    load_options : dict, optional
        Options of :func:`toolkit.corpus.load` for a corpus read from files, e.g.
        ``{"duplicates": "drop_identical", "dayfirst": True, "columns": {"text": "body"}}``;
        injected as ``LOAD_OPTIONS`` (merged over a ``LOAD_OPTIONS`` in ``params``).
    timeout : int, default 900
        Seconds a single cell may take.
    progress : bool, default True
        Show a progress bar over the notebooks.

    Returns
    -------
    dict
        The manifest, also written to ``out/manifest.json``. Its ``state`` is
        ``"complete"``; while the run goes on it is ``"running"``, after a Ctrl-C
        ``"interrupted"`` (notebooks not reached are ``"not run"``), so the folder never
        claims results it no longer holds. Run again to complete it.

    Raises
    ------
    toolkit.report.ReportOptionError
        An option is unusable (no such notebook, an ``out`` that cannot be written, ...);
        checked before anything runs.
    KeyboardInterrupt
        On Ctrl-C, after the kernel is stopped and the folder marked ``"interrupted"``.

    Examples
    --------
    >>> from toolkit import report
    >>> manifest = report.run(out="reports", corpus="sample")  # doctest: +SKIP
    >>> [nb["status"] for nb in manifest["notebooks"]]  # doctest: +SKIP
    ['ok', 'ok', 'ok', 'ok', 'ok', 'ok']
    """
    from tqdm.auto import tqdm

    if notebooks is not None:
        folder = Path(notebooks)
    elif DEFAULT_NOTEBOOKS.is_dir():
        folder = DEFAULT_NOTEBOOKS  # the repository's notebooks (editable install)
    else:
        folder = Path.cwd() / "notebooks"  # installed as a package: run from the repository
    paths = check_notebooks(folder, only)
    check_timeout(timeout)
    corpus = os.fspath(corpus) if isinstance(corpus, os.PathLike) else corpus
    injected = check_params({"CORPUS": corpus, "SUBSET": subset, **(params or {})})
    injected = resolve_paths(injected, Path.cwd())
    options = {**(injected.get("LOAD_OPTIONS") or {}), **(load_options or {})}
    if options:
        injected["LOAD_OPTIONS"] = check_load_options(options, injected["CORPUS"])
        check_params({"LOAD_OPTIONS": injected["LOAD_OPTIONS"]})
    check_subset(injected["SUBSET"])
    if isinstance(injected["CORPUS"], str):
        check_corpus(injected["CORPUS"])
    out = check_out(Path(out))

    started = time.time()
    t0 = time.perf_counter()
    earlier = _earlier_results(out, folder, paths) if only else {}
    results = [_planned(path) for path in paths]
    results = sorted([*results, *earlier.values()], key=lambda r: r.name)
    # Replace the previous manifest and index before any table is deleted, so that an
    # interrupted run never leaves an index claiming "ok" for tables that are gone.
    _write_state(out, results, injected, started, t0, state="running")
    shutil.rmtree(out / SHARED_DIR, ignore_errors=True)
    try:
        bar = tqdm(paths, desc="notebooks", unit="nb", disable=not progress)
        for path in bar:
            bar.set_postfix_str(path.stem)
            i = next(j for j, r in enumerate(results) if r.name == path.stem)
            results[i].status = "running"
            results[i] = run_notebook(path, out, injected, timeout=timeout)
            _write_state(out, results, injected, started, t0, state="running")
        bar.close()
    except KeyboardInterrupt:
        with _sigint_ignored():
            for result in results:
                if result.status == "running":
                    result.status = "interrupted"
            _write_state(out, results, injected, started, t0, state="interrupted")
        raise
    finally:
        shutil.rmtree(out / SHARED_DIR, ignore_errors=True)  # the run's shared corpus copy
    return _write_state(out, results, injected, started, t0, state="complete")


def _earlier_results(out: Path, folder: Path, paths: list[Path]) -> dict[str, NotebookResult]:
    """Entries of the previous manifest in ``out`` for the notebooks not run now.

    Kept only when the notebook still exists in ``folder`` and its page is still in ``out``.
    """
    try:
        previous = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        entries = list(previous["notebooks"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    running = {p.stem for p in paths}
    present = {p.stem for p in folder.glob("*.ipynb")}
    known = {f.name for f in fields(NotebookResult)}
    kept = {}
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("name") in running:
            continue
        if entry.get("name") not in present or not entry.get("html"):
            continue
        if not (out / entry["html"]).exists():
            continue
        result = NotebookResult(**{k: v for k, v in entry.items() if k in known})
        if not result.earlier_run:
            result.earlier_run = previous.get("started_utc")
            result.parameters = previous.get("parameters")
        kept[result.name] = result
    return kept


def _planned(path: Path) -> NotebookResult:
    """The entry of a notebook not run yet."""
    import nbformat

    title, summary = describe(nbformat.read(path, as_version=4))
    return NotebookResult(name=path.stem, title=title or path.stem, summary=summary)


def _write_state(
    out: Path,
    results: list[NotebookResult],
    injected: dict[str, Any],
    started: float,
    t0: float,
    *,
    state: str,
) -> dict[str, Any]:
    """Write ``manifest.json`` and ``index.html`` atomically; return the manifest."""
    from toolkit import __version__
    from toolkit.cache import code_fingerprint
    from toolkit.report._index import write_index

    inputs = {json.dumps(i, sort_keys=True) for r in results for i in r.inputs}
    manifest = {
        "state": state,
        "toolkit_version": __version__,
        "toolkit_code": code_fingerprint(),
        "git": _git_state(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "packages": _versions(),
        "parameters": injected,
        "command": " ".join(["python -m toolkit.report", *sys.argv[1:]])
        if sys.argv and sys.argv[0].endswith("__main__.py")
        else None,
        "inputs": [json.loads(i) for i in sorted(inputs)],
        "started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "seconds": round(time.perf_counter() - t0, 1),
        "notebooks": [asdict(r) for r in results],
    }
    text = json.dumps(manifest, indent=2, default=str) + "\n"
    write_text_atomic(out / "manifest.json", text)
    write_index(out, manifest)
    return manifest
