"""What notebooks call: load the analysis corpus, save figures and tables into the report.

When the report runner executes a notebook it sets ``DCT_REPORT_DIR`` (the report folder)
and ``DCT_REPORT_NOTEBOOK`` (the notebook's name) in the kernel's environment. Run
interactively, without those variables, :func:`save_figure` and :func:`save_table` write
nothing and return ``None``, so a notebook behaves the same in Jupyter and in the report.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import warnings
from pathlib import Path

import pandas as pd

from toolkit.errors import ToolkitWarning

ENV_DIR = "DCT_REPORT_DIR"
ENV_NOTEBOOK = "DCT_REPORT_NOTEBOOK"
NO_DATA_DIR = "_no_data"  # <report>/_no_data/<notebook>.json: figures with nothing drawn

if os.environ.get(ENV_DIR):  # inside the report the kernel ignores library warnings
    warnings.filterwarnings("default", category=ToolkitWarning)  # but shows the toolkit's

FLOAT_FORMAT = "%.6g"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# Columns that identify an article; what the corpus fingerprint is computed over.
FINGERPRINT_COLUMNS = ("doc_id", "title", "text", "outlet", "author", "date", "url")


def report_dir() -> Path | None:
    """The report folder when running inside the report, else ``None``.

    >>> import os; os.environ.pop("DCT_REPORT_DIR", None) and None
    >>> report_dir() is None
    True
    """
    value = os.environ.get(ENV_DIR)
    return Path(value) if value else None


def _notebook_name() -> str:
    return os.environ.get(ENV_NOTEBOOK, "notebook")


def _check_name(name: str) -> str:
    if not _NAME.match(name):
        raise ValueError(
            f"name {name!r} must start with a letter or digit and use only letters, digits, "
            "'_', '-' and '.' (it becomes a file name)"
        )
    return name


def save_figure(fig, name: str, *, formats: tuple[str, ...] = ("png", "svg"), dpi: int = 150):
    """Write ``fig`` as ``<report>/figures/<notebook>/<name>.png`` and ``.svg``.

    Outside the report (interactive use) nothing is written. SVG files carry no date and
    use fixed element ids, so re-running the report gives the same files. A figure without
    a title, without axis labels, or with several labelled series but no legend gets a
    :class:`~toolkit.errors.ToolkitWarning` (see :func:`figure_problems`); a figure with
    nothing drawn is written, warned about and listed in the report as "no data".

    Parameters
    ----------
    fig : matplotlib.figure.Figure or matplotlib.axes.Axes
        The figure (an Axes is accepted and its figure is saved).
    name : str
        File stem: letters, digits, ``_``, ``-`` and ``.``.
    formats : tuple of str, default ("png", "svg")
        File formats matplotlib knows.
    dpi : int, default 150
        Resolution of raster formats.

    Returns
    -------
    list of pathlib.Path or None
        The files written, or ``None`` when not running inside the report.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set(title="Example", xlabel="x", ylabel="y")
    >>> save_figure(fig, "example") is None  # interactive: nothing written
    True
    """
    import matplotlib as mpl

    _check_name(name)
    figure = fig if hasattr(fig, "savefig") else fig.figure
    for problem in figure_problems(figure):
        warnings.warn(f"figure {name!r}: {problem}", ToolkitWarning, stacklevel=2)
    root = report_dir()
    if root is None:
        return None
    if figure_no_data(figure):
        _note_no_data(root, name)  # the report lists it: "ok (1 figure: no data)"
    folder = root / "figures" / _notebook_name()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with mpl.rc_context({"svg.hashsalt": f"{_notebook_name()}/{name}", "svg.fonttype": "path"}):
        for fmt in formats:
            path = folder / f"{name}.{fmt}"
            metadata = {"Date": None} if fmt in {"svg", "pdf"} else None
            if fmt == "png":
                metadata = {"Software": None}
            figure.savefig(path, format=fmt, dpi=dpi, bbox_inches="tight", metadata=metadata)
            written.append(path)
    return written


def figure_problems(fig) -> list[str]:
    """What a report figure lacks: data, a title, axis labels, a legend for several series.

    A figure whose every Axes has nothing drawn (:func:`axes_no_data`) has one problem,
    ``"no data: nothing is drawn"``. Axes drawn without axis lines (a network) need no
    labels; colour bars are skipped.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.plot([0, 1], label="a"); _ = ax.plot([1, 0], label="b")
    >>> figure_problems(fig)[0], len(figure_problems(fig))
    ('no title', 4)
    >>> _ = ax.set(title="t", xlabel="x", ylabel="y"); _ = ax.legend()
    >>> figure_problems(fig)
    []
    """
    axes = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]
    if axes and all(axes_no_data(ax) for ax in axes):
        return ["no data: nothing is drawn"]
    problems = []
    suptitle = fig._suptitle.get_text() if getattr(fig, "_suptitle", None) else ""
    if not suptitle and not any(ax.get_title() for ax in axes):
        problems.append("no title")
    for i, ax in enumerate(axes):
        if not ax.axison or not ax.get_visible():
            continue
        if not ax.get_xlabel():
            problems.append(f"axes {i} has no x-axis label")
        if not ax.get_ylabel():
            problems.append(f"axes {i} has no y-axis label")
        labelled = [h for h in ax.get_legend_handles_labels()[1] if not h.startswith("_")]
        if len(labelled) > 1 and ax.get_legend() is None and not fig.legends:
            problems.append(f"axes {i} has {len(labelled)} labelled series but no legend")
    return problems


def axes_no_data(ax) -> bool:
    """True when ``ax`` shows no data: nothing drawn, or a ``toolkit.plot`` "no data" Axes.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> axes_no_data(ax)
    True
    >>> _ = ax.bar(["a"], [3])
    >>> axes_no_data(ax)
    False
    """
    if ax.get_title().endswith(": no data"):
        return True
    drawn = [*ax.lines, *ax.patches, *ax.collections, *ax.images, *ax.tables]
    return not any(a.get_visible() for a in drawn)


def figure_no_data(fig) -> bool:
    """True when every Axes of ``fig`` (colour bars aside) shows no data (:func:`axes_no_data`).

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> figure_no_data(plt.figure())
    True
    """
    figure = fig if hasattr(fig, "savefig") else fig.figure
    return all(axes_no_data(ax) for ax in figure.axes if ax.get_label() != "<colorbar>")


def _note_no_data(root: Path, name: str) -> None:
    """Add figure ``name`` to the notebook's list of figures without data."""
    folder = root / NO_DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{_notebook_name()}.json"
    names = json.loads(path.read_text()) if path.exists() else []
    if name not in names:
        names.append(name)
    path.write_text(json.dumps(sorted(names)) + "\n")


def table_to_csv(frame: pd.DataFrame, path: Path | None = None, *, index: bool = False) -> str:
    """Serialise ``frame`` the one reproducible way: UTF-8, ``\\n`` line ends, ``%.6g`` floats.

    Dates are written as ISO 8601, missing values as empty fields.

    >>> print(table_to_csv(pd.DataFrame({"a": [1, 2], "x": [1 / 3, 2.0]})), end="")
    a,x
    1,0.333333
    2,2
    """
    text = frame.to_csv(
        index=index,
        float_format=FLOAT_FORMAT,
        lineterminator="\n",
        date_format="%Y-%m-%dT%H:%M:%S",
    )
    if path is not None:  # a lone surrogate (from a JSON escape) cannot be UTF-8: write U+FFFD
        path.write_bytes(_LONE_SURROGATE.sub("\ufffd", text).encode("utf-8"))
    return text


def save_table(frame: pd.DataFrame, name: str, *, index: bool = False):
    """Write ``frame`` as ``<report>/tables/<notebook>/<name>.csv``.

    The notebook decides the row order (sort before saving, with a tie-breaker, so
    that equal scores keep a fixed order); floats are written with six significant digits,
    so re-running the report reproduces the file byte for byte. Outside the report nothing
    is written.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table.
    name : str
        File stem: letters, digits, ``_``, ``-`` and ``.``.
    index : bool, default False
        Whether to write the index as the first column(s).

    Returns
    -------
    pathlib.Path or None
        The file written, or ``None`` when not running inside the report.

    Examples
    --------
    >>> save_table(pd.DataFrame({"a": [1]}), "example") is None  # interactive
    True
    """
    _check_name(name)
    if not isinstance(frame, pd.DataFrame):
        frame = pd.DataFrame(frame)
    root = report_dir()
    if root is None:
        return None
    folder = root / "tables" / _notebook_name()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    table_to_csv(frame, path, index=index)
    return path


def corpus_fingerprint(corpus: pd.DataFrame) -> str:
    """sha256 of a corpus: its identifying columns serialised as CSV, in row order.

    >>> df = pd.DataFrame({"doc_id": ["a"], "text": ["Hi."]})
    >>> len(corpus_fingerprint(df))
    64
    >>> odd = pd.Series(["Hi \\ud800."], dtype=object)  # a lone surrogate from a JSON escape
    >>> corpus_fingerprint(df.assign(text=odd)) != corpus_fingerprint(df)
    True
    """
    cols = [c for c in FINGERPRINT_COLUMNS if c in corpus.columns]
    text = table_to_csv(corpus[cols].reset_index(drop=True))
    # surrogatepass: a lone surrogate (valid in a JSON string) is hashed as itself, no crash
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def subset_corpus(corpus: pd.DataFrame, subset: int | None, *, seed: int = 0) -> pd.DataFrame:
    """A reproducible random subset of ``subset`` articles, kept in corpus order.

    ``subset=None`` (or at least the corpus size) returns the corpus unchanged.

    >>> df = pd.DataFrame({"doc_id": list("abcde"), "text": list("12345")})
    >>> subset_corpus(df, 2)["doc_id"].tolist()
    ['a', 'c']
    """
    if subset is None or subset >= len(corpus):
        return corpus
    if subset < 1:
        raise ValueError(f"subset must be a positive number of articles, got {subset}")
    picked = corpus.sample(n=subset, random_state=seed).index
    return corpus.loc[corpus.index.isin(picked)].reset_index(drop=True)


def load_corpus(
    corpus: str | os.PathLike = "news",
    *,
    subset: int | None = None,
    furniture: bool = True,
    **kwargs,
):
    """Load the corpus a notebook analyses and record its fingerprint for the report manifest.

    Parameters
    ----------
    corpus : str or path, default "news"
        ``"news"``: the default corpus (:func:`toolkit.datasets.load_news_articles`);
        ``"sample"``: the tiny offline sample shipped with the package
        (:func:`toolkit.datasets.load_sample`); anything else is a path or glob passed to
        :func:`toolkit.corpus.load` with ``**kwargs``.
    subset : int, optional
        Keep a reproducible random sample of this many articles (seed 0), in corpus order.
    furniture : bool, default True
        First move page furniture repeated across an outlet's articles (share buttons,
        captions, credits) from ``text`` to ``boilerplate``
        (:func:`toolkit.corpus.remove_furniture`), before any counting.

    Returns
    -------
    pandas.DataFrame
        The corpus in the toolkit's schema.

    Examples
    --------
    >>> df = load_corpus("sample")  # doctest: +SKIP
    """
    from toolkit import corpus as corpus_mod
    from toolkit import datasets

    label = str(corpus)
    shared = _shared_path(label, subset, kwargs, furniture=furniture)
    if shared is not None and shared.exists():
        df = pd.read_pickle(shared)  # loaded by an earlier notebook of this report run
    elif label == "news":
        df = datasets.load_news_articles(**kwargs)
    elif label == "sample":
        df = datasets.load_sample(**kwargs)
    else:
        df = corpus_mod.load(corpus, **kwargs)
    if shared is None or not shared.exists():
        if furniture:
            df = corpus_mod.remove_furniture(df)
        df = subset_corpus(df, subset)
        if shared is not None:
            shared.parent.mkdir(parents=True, exist_ok=True)
            tmp = shared.with_suffix(f".{os.getpid()}.tmp")
            df.to_pickle(tmp)
            os.replace(tmp, shared)
    record_input(df, label=label, subset=subset)
    return df


SHARED_DIR = "_corpus"  # <report>/_corpus/: a file corpus loaded once per report run


def _shared_path(
    label: str, subset: int | None, options: dict, *, furniture: bool = True
) -> Path | None:
    """Where this report run keeps the corpus ``label`` once loaded, or None.

    Only inside the report and for a corpus read from files: the first notebook loads it
    (a 103 MB file takes a while), the others read that copy. The key holds each file's
    path, size and modification time, the loader options, the subset and ``furniture``
    (a notebook that keeps the page furniture must not read a copy without it).
    """
    import glob

    root = report_dir()
    if root is None or label in {"news", "sample"}:
        return None
    path = Path(os.path.expanduser(label))
    if path.is_file():
        files = [path]
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file())
    else:
        files = sorted(Path(p) for p in glob.glob(str(path), recursive=True) if Path(p).is_file())
    try:
        stamp = [(str(f.resolve()), f.stat().st_size, f.stat().st_mtime_ns) for f in files]
        key = json.dumps([stamp, subset, options, bool(furniture)], sort_keys=True, default=str)
    except (OSError, TypeError):
        return None
    return root / SHARED_DIR / f"{hashlib.sha256(key.encode()).hexdigest()[:24]}.pkl"


def record_input(corpus: pd.DataFrame, *, label: str, subset: int | None = None) -> None:
    """Note in the report which corpus this notebook analysed (no-op outside the report).

    :func:`load_corpus` calls it; call it yourself for a corpus built another way, so that
    the manifest records its size and sha256 (:func:`corpus_fingerprint`).

    >>> record_input(pd.DataFrame({"doc_id": ["a"], "text": ["Hi."]}), label="mine")
    """
    root = report_dir()
    if root is None:
        return
    folder = root / "_inputs"
    folder.mkdir(parents=True, exist_ok=True)
    info = {
        "corpus": label,
        "subset": subset,
        "documents": int(len(corpus)),
        "sha256": corpus_fingerprint(corpus),
    }
    path = folder / f"{_notebook_name()}.json"
    records = json.loads(path.read_text()) if path.exists() else []
    if info not in records:
        records.append(info)
    path.write_text(json.dumps(records, indent=2, sort_keys=True) + "\n")


def progress_map(
    func, corpus: pd.DataFrame, *, chunk_size: int = 200, desc: str | None = None, **kwargs
) -> pd.DataFrame:
    """Apply a per-document toolkit function to a corpus in chunks, with a progress bar.

    For functions whose result for one article does not depend on the others
    (``quotes.extract``, ``tone.sentences``, ``actors.mentions``, ``tokenize.tokenize``,
    ``keywords.extract`` with a per-document method): the result equals ``func(corpus)``,
    and a ``tqdm.auto`` bar shows how far it got. The report runner hides the bars.

    Parameters
    ----------
    func : callable
        Takes a corpus DataFrame (and ``**kwargs``), returns a DataFrame.
    corpus : pandas.DataFrame
        The articles.
    chunk_size : int, default 200
        Articles per call.
    desc : str, optional
        Label of the progress bar (default: the function's name).

    Returns
    -------
    pandas.DataFrame
        The chunk results concatenated, with a fresh index.

    Examples
    --------
    >>> from toolkit import tokenize
    >>> df = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Iran met Iraq.", "Talks."]})
    >>> progress_map(tokenize.tokenize, df, chunk_size=1)["token"].tolist()
    ['Iran', 'met', 'Iraq', '.', 'Talks', '.']
    """
    if os.environ.get("TQDM_DISABLE"):  # headless report: no bars, no widget import
        from tqdm import tqdm
    else:
        from tqdm.auto import tqdm

    if chunk_size < 1:
        raise ValueError(f"chunk_size must be positive, got {chunk_size}")
    starts = range(0, len(corpus), chunk_size)
    parts = [
        func(corpus.iloc[start : start + chunk_size], **kwargs)
        for start in tqdm(starts, desc=desc or getattr(func, "__name__", "progress"), unit="chunk")
    ]
    if not parts:
        return func(corpus, **kwargs)
    return pd.concat(parts, ignore_index=True)
