"""``load`` and ``iter_load``: any supported source to a corpus in the documented schema."""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd

from toolkit.corpus._builder import Duplicates, Errors, _Builder
from toolkit.corpus._readers import Reject
from toolkit.corpus._rejects import REJECT_COLUMNS, _RejectsTable, rejects
from toolkit.corpus._sources import Source, _records
from toolkit.errors import ToolkitWarning

__all__ = ["DEFAULT_MAX_CHARS", "REJECT_COLUMNS", "Source", "iter_load", "load", "rejects"]

DEFAULT_MAX_CHARS = 10_000_000


def load(
    source: Source,
    *,
    format: str | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    errors: Errors = "raise",
    parse_pages: bool | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    duplicates: Duplicates = "raise",
    outlet: str | None = None,
    language: str | None = None,
    dayfirst: bool | None = None,
) -> pd.DataFrame:
    """Load articles into a corpus DataFrame in the documented schema (``toolkit.corpus.SCHEMA``).

    Parameters
    ----------
    source : path, glob, folder, list of those, or DataFrame
        Plain-text files (``.txt``: one article each, split with :func:`read_article`), CSV/TSV,
        JSON (an array of objects), JSON Lines (``.jsonl``), saved web pages (``.html``,
        main text and metadata through trafilatura); any of them gzipped (``.gz``). A folder
        is read recursively. A DataFrame is validated and cleaned the same way.
    format : {"txt", "csv", "tsv", "json", "jsonl", "html"}, optional
        Override the format guessed from the file suffix.
    columns : dict, optional
        Schema column -> source column, e.g. ``{"text": "body", "date": "published"}``.
        Common names (``id``, ``body``, ``content``, ``published``, ``link``, ...) are
        recognised without it. Other source columns are kept as document variables.
    encoding : str, optional
        Force a text encoding; by default UTF-8 is tried, then detected (and recorded in
        the ``encoding`` column and ``notes``): byte-order marks, UTF-16/32 without one,
        Windows-1252, and legacy encodings such as KOI8-R when the detection is clear; an
        unclear guess is noted ``encoding_uncertain``: pass ``encoding=`` for those files.
    delimiter : str, optional
        Field separator of CSV/TSV files; by default sniffed among ``,`` ``;`` tab and
        ``|`` from the header. Tab-separated files are read without quoting unless their
        quotes are clearly CSV quoting, so a TSV field may contain quote characters.
    errors : {"raise", "collect"}
        ``"raise"`` stops at the first bad record with an error naming file and line.
        ``"collect"`` goes on past bad records and keeps them in the rejects table,
        ``rejects(corpus)`` (columns ``source_file, source_line, doc_id, error, raw``;
        it travels in ``corpus.attrs``, so it survives slicing and copying; after
        ``pd.concat`` of chunks read it from each chunk). The return type is the same in
        both modes.
        Every record read is either a row or a reject; a damaged or unreadable file
        (truncated ``.gz``, no permission) keeps the records before the damage and adds one
        reject naming the line reached.
    parse_pages : bool, optional
        Split each text into title, lede, body and page furniture with :func:`read_article`.
        Default: yes for ``.txt`` files, no otherwise.
    max_chars : int or None
        Documents longer than this are rejected (default 10 million characters); ``None``
        accepts any size.
    duplicates : {"raise", "drop_identical", "rename"}
        What to do with a ``doc_id`` seen before (ids are compared as strings, so JSON
        ``1`` and ``"1"`` are the same id). ``"raise"`` (default): an error naming
        both places (a reject with ``errors="collect"``). ``"drop_identical"``: a repeat
        with the same text is left out and reported (a warning, or a row in the rejects
        table); a different text still raises. ``"rename"``: the later record becomes
        ``<id>#2`` with the note ``renamed_from=<id>``.
    outlet, language : str, optional
        Values for records that do not carry their own.
    dayfirst : bool, optional
        Read dates like ``05/01/2017`` day-first (True) or month-first (False). By default
        each file decides from its own values (a first field over 12 means day-first, a
        second field over 12 month-first); when nothing settles it, month-first with the
        note ``ambiguous_date`` on values that read both ways. Dates may also be ISO 8601,
        free text, Unix timestamps (s or ms), Solar Hijri (``1395-10-16``, Persian digits
        and month names) or lunar Hijri (``AH``/month names; noted ``calendar=...``);
        unreadable or out-of-range dates are ``NaT`` noted ``bad_date``, never an error.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = load(pd.DataFrame({"id": ["a"], "body": ["Iran and Iraq met."]}))
    >>> corpus.loc[0, ["doc_id", "text"]].tolist()
    ['a', 'Iran and Iraq met.']
    >>> corpus = load(pd.DataFrame({"id": ["a", "a"], "text": ["One.", "Two."]}),
    ...               errors="collect")
    >>> len(corpus), rejects(corpus)["error"].str.startswith("duplicate doc_id").tolist()
    (1, [True])
    """
    chunks = list(
        iter_load(
            source, format=format, columns=columns, encoding=encoding, delimiter=delimiter,
            errors=errors,
            parse_pages=parse_pages, max_chars=max_chars, duplicates=duplicates, outlet=outlet,
            language=language, chunk_size=None, dayfirst=dayfirst,
        )
    )
    return chunks[0]


def iter_load(
    source: Source,
    *,
    chunk_size: int | None = 10_000,
    format: str | None = None,
    columns: Mapping[str, str] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    errors: Errors = "raise",
    parse_pages: bool | None = None,
    max_chars: int | None = DEFAULT_MAX_CHARS,
    duplicates: Duplicates = "raise",
    outlet: str | None = None,
    language: str | None = None,
    dayfirst: bool | None = None,
) -> Iterator[pd.DataFrame]:
    """Like :func:`load`, but yields the corpus in chunks of ``chunk_size`` articles.

    JSONL and CSV files are streamed, so memory stays proportional to ``chunk_size``, not
    to the file. Duplicate ids are checked across chunks. With ``errors="collect"`` each
    chunk carries the records rejected since the previous chunk: ``rejects(chunk)``.
    ``dayfirst`` is as in :func:`load`; when it is not given, the day/month order is decided
    per file within each chunk.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"text": ["One.", "Two.", "Three."]})
    >>> [len(c) for c in iter_load(frame, chunk_size=2)]
    [2, 1]
    """
    builder = _Builder(
        columns=columns, errors=errors, parse_pages=parse_pages, max_chars=max_chars,
        defaults={"outlet": outlet, "language": language}, duplicates=duplicates,
        dayfirst=dayfirst,
    )
    rows: list[dict[str, Any]] = []
    emitted = False
    for item in _records(source, format=format, encoding=encoding, delimiter=delimiter,
                         builder=builder):
        if isinstance(item, Reject):
            builder.reject(item.source_file, item.source_line, item.error, item.raw)
            continue
        row = builder.build(item)
        if row is not None:
            rows.append(row)
        if chunk_size is not None and len(rows) >= chunk_size:
            yield _emit(builder, rows, errors)
            rows = []
            emitted = True
    if rows or not emitted or builder.rejects:
        yield _emit(builder, rows, errors)
    if builder.dropped and errors == "raise":
        warnings.warn(
            f"{len(builder.dropped)} repeated record(s) dropped: " + "; ".join(builder.dropped[:5])
            + (" ..." if len(builder.dropped) > 5 else ""),
            ToolkitWarning,
            stacklevel=2,
        )


def _emit(builder: _Builder, rows: list[dict[str, Any]], errors: Errors) -> pd.DataFrame:
    frame = builder.frame(rows)
    if errors == "collect":
        frame.attrs["rejects"] = _RejectsTable(builder.rejects_frame())
        builder.rejects = []
    return frame
