"""The reproducible report: execute the notebooks headless and write ``reports/``.

Run it from the repository root::

    python -m toolkit.report                 # default corpus, every notebook
    python -m toolkit.report --subset 300    # a reproducible random 300 articles
    python -m toolkit.report --corpus sample --only 01 02 --out /tmp/rep

Notebooks call :func:`load_corpus`, :func:`save_figure` and :func:`save_table`; run inside
the report these write into the report folder, run interactively they write nothing.

Examples
--------
>>> import pandas as pd
>>> from toolkit import report
>>> report.save_table(pd.DataFrame({"a": [1]}), "counts") is None  # interactive: no-op
True
"""

from __future__ import annotations

from toolkit.report._claims import ClaimError, ClaimWarning, claim, is_default_corpus
from toolkit.report._options import ReportOptionError
from toolkit.report._output import (
    axes_no_data,
    corpus_fingerprint,
    figure_no_data,
    figure_problems,
    load_corpus,
    progress_map,
    record_input,
    report_dir,
    save_figure,
    save_table,
    subset_corpus,
    table_to_csv,
)
from toolkit.report._runner import run
from toolkit.report._sections import has_values

__all__ = [
    "ClaimError",
    "ClaimWarning",
    "ReportOptionError",
    "axes_no_data",
    "claim",
    "corpus_fingerprint",
    "figure_no_data",
    "figure_problems",
    "has_values",
    "is_default_corpus",
    "load_corpus",
    "progress_map",
    "record_input",
    "report_dir",
    "run",
    "save_figure",
    "save_table",
    "subset_corpus",
    "table_to_csv",
]
