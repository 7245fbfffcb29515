"""Execute the notebooks headless and write the report folder.

Each notebook runs in a fresh kernel with its own folder as working directory
(:func:`~toolkit.report._execute.run_notebook`); after each one the manifest and the index
are rewritten (:mod:`toolkit.report._manifest`), so the folder never claims more than it holds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import threading
import time
from pathlib import Path
from typing import Any

from toolkit.report._execute import (  # noqa: F401  (re-exported: tests and callers use them)
    NotebookResult,
    _short_error,
    describe,
    inject_parameters,
    run_notebook,
    status_text,
)
from toolkit.report._manifest import _earlier_results, _planned, _write_state
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
from toolkit.report._output import SHARED_DIR

REPO = Path(__file__).resolve().parents[2]
DEFAULT_NOTEBOOKS = REPO / "notebooks"


def find_notebooks(folder: Path, only: list[str] | None = None) -> list[Path]:
    """The ``.ipynb`` files in ``folder`` in name order; ``only`` filters by name prefix."""
    paths = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if only:
        paths = [p for p in paths if any(p.stem.startswith(o) for o in only)]
    return paths



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
