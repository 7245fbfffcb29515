"""``load`` and ``iter_load``: any supported source to a corpus in the documented schema."""

from __future__ import annotations

import glob as globmod
import math
import os
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from toolkit.corpus._article import read_article
from toolkit.corpus._dates import parse_dates
from toolkit.corpus._readers import (
    FORMATS,
    Record,
    Reject,
    guess_format,
    read_csv,
    read_json,
    read_jsonl,
    read_whole_file,
)
from toolkit.corpus._schema import ALIASES, OPTIONAL_STR, SCHEMA
from toolkit.corpus._text import normalize_text, replace_surrogates
from toolkit.errors import MESSAGES, DuplicateIdError, InputError, SchemaError, ToolkitWarning

Source = str | os.PathLike | pd.DataFrame | Iterable[str | os.PathLike]
Errors = Literal["raise", "collect"]
Duplicates = Literal["raise", "drop_identical", "rename"]

#: Columns of the rejects table returned with ``errors="collect"``.
REJECT_COLUMNS = ["source_file", "source_line", "doc_id", "error", "raw"]

DEFAULT_MAX_CHARS = 10_000_000


def _expand(source: Source) -> list[Path]:
    if isinstance(source, (str, os.PathLike)):
        sources: list[str | os.PathLike] = [source]
    else:
        sources = list(source)
    paths: list[Path] = []
    for item in sources:
        text = os.fspath(item)
        if any(ch in text for ch in "*?["):
            matches = sorted(globmod.glob(text, recursive=True))
            if not matches:
                raise InputError(MESSAGES["no_files"].format(pattern=text))
            paths.extend(Path(m) for m in matches if Path(m).is_file())
        elif Path(text).is_dir():
            found = sorted(
                p for p in Path(text).rglob("*")
                if p.is_file() and guess_format(p) is not None and not p.name.startswith(".")
            )
            if not found:
                raise InputError(MESSAGES["no_files"].format(pattern=f"{text}/*"))
            paths.extend(found)
        elif Path(text).is_file():
            paths.append(Path(text))
        else:
            raise InputError("no such file or folder", source=text)
    return paths


class _Builder:
    """Turns records into corpus rows: schema mapping, cleaning, checks, duplicates."""

    def __init__(
        self,
        *,
        columns: Mapping[str, str] | None,
        errors: Errors,
        parse_pages: bool | None,
        max_chars: int | None,
        defaults: Mapping[str, Any],
        duplicates: Duplicates = "raise",
        dayfirst: bool | None = None,
    ):
        if duplicates not in ("raise", "drop_identical", "rename"):
            raise ValueError(f"duplicates= must be 'raise', 'drop_identical' or 'rename', "
                             f"not {duplicates!r}")
        self.duplicates = duplicates
        self.dayfirst = dayfirst
        self.columns = dict(columns or {})
        self.errors = errors
        self.parse_pages = parse_pages
        self.max_chars = max_chars
        self.defaults = dict(defaults)
        self.seen: dict[str, tuple[str, int]] = {}  # doc_id -> (where, hash of text)
        self.dropped: list[str] = []
        self.rejects: list[dict[str, Any]] = []

    # -- errors ---------------------------------------------------------------
    def reject(self, source: str, line: int | None, error: str, raw: str = "",
               doc_id: str | None = None, exc: type[InputError] = InputError) -> None:
        error = replace_surrogates(error)[0]
        if self.errors == "raise":
            raise exc(error, source=source, line=line)
        if isinstance(raw, bytes):
            raw = raw[:200].decode("utf-8", errors="replace")
        self.rejects.append(
            {"source_file": source, "source_line": line, "doc_id": doc_id, "error": error,
             "raw": replace_surrogates(str(raw))[0]}
        )

    def rejects_only(self, source: str, line: int | None, error: str, doc_id: str) -> None:
        """Record a left-out record without raising (used for identical duplicates)."""
        if self.errors == "collect":
            self.rejects.append({"source_file": source, "source_line": line, "doc_id": doc_id,
                                 "error": error, "raw": ""})

    # -- mapping --------------------------------------------------------------
    def map_fields(self, fields: dict[str, Any], source: str) -> dict[str, Any]:
        out = dict(fields)
        for target, name in self.columns.items():
            if target not in SCHEMA:
                raise SchemaError(
                    f"columns= maps unknown schema column {target!r}; schema columns are "
                    f"{list(SCHEMA)}",
                    source=source,
                )
            if name in out:
                out[target] = out.pop(name)
        lower = {k.lower(): k for k in out if isinstance(k, str)}
        for target, names in ALIASES.items():
            if target in out:
                continue
            if target.lower() in lower:
                out[target] = out.pop(lower[target.lower()])
                continue
            for alias in names:
                if alias in lower and lower[alias] not in SCHEMA:
                    out[target] = out.pop(lower[alias])
                    break
        return out

    def check_text_column(self, keys: Iterable[str], source: str) -> None:
        mapped = self.map_fields(dict.fromkeys(keys, ""), source)
        if "text" not in mapped:
            wanted = self.columns.get("text", "text")
            raise SchemaError(
                MESSAGES["missing_text_column"].format(wanted=wanted, found=list(keys)),
                source=source,
            )

    # -- one record -----------------------------------------------------------
    def build(self, rec: Record) -> dict[str, Any] | None:
        flags = list(rec.flags)
        clean, replaced = _without_surrogates(rec.fields)
        if replaced:
            flags.append("replacement_chars")
        fields = self.map_fields(clean, rec.source_file)
        fmt = fields.pop("_format", None)
        where = f"{rec.source_file}, line {rec.source_line}"
        if "text" not in fields:
            self.reject(rec.source_file, rec.source_line,
                        MESSAGES["missing_text_column"].format(
                            wanted=self.columns.get("text", "text"), found=list(rec.fields)),
                        exc=SchemaError)
            return None
        text = fields["text"]
        if isinstance(text, bytes):  # an over-long raw line passed through undecoded
            text = text.decode("utf-8", errors="replace")
        if text is None or (isinstance(text, float) and np.isnan(text)):
            text = ""
        if not isinstance(text, str):
            text = str(text)
        try:
            doc_id = _id_string(fields.get("doc_id"))
        except TypeError as err:
            self.reject(rec.source_file, rec.source_line, str(err), raw=repr(fields)[:200])
            return None
        if self.max_chars is not None and len(text) > self.max_chars:
            self.reject(rec.source_file, rec.source_line,
                        MESSAGES["too_large"].format(size=len(text), limit=self.max_chars),
                        raw=text[:200], doc_id=doc_id)
            return None
        row: dict[str, Any] = {k: v for k, v in fields.items() if k not in SCHEMA}
        for name in ("title", "outlet", "author", "date", "url", "language", "original_source"):
            row[name] = fields.get(name)
        parse = self.parse_pages if self.parse_pages is not None else fmt == "txt"
        if fmt == "html":
            row.update(_from_html(text))
            flags.append("html_extracted")
            text, more = normalize_text(row.pop("text"))
            flags.extend(more)
            row.setdefault("lede", "")
        elif parse:
            article = read_article(text)
            text = article.pop("text") or ""
            flags.extend(f for f in (article.pop("notes") or "").split(";") if f)
            for key, value in article.items():
                if key in ("title", "author", "original_source") and row.get(key):
                    continue
                row[key] = value
        else:
            text, more = normalize_text(text)
            flags.extend(more)
            row["lede"] = ""
            row["boilerplate"] = ""
        if isinstance(row.get("title"), str):
            row["title"], _ = normalize_text(row["title"])
        if not text.strip():
            flags.append("empty")
        if doc_id is None:
            # Generated from where the record is: file name (and line), never "nan".
            stem = Path(rec.source_file).name.split(".")[0] if rec.source_file[0] != "<" else "row"
            doc_id = stem if fmt in ("txt", "html") else f"{stem}:{rec.source_line}"
        if doc_id in self.seen:
            first, first_hash = self.seen[doc_id]
            message = MESSAGES["duplicate_id"].format(doc_id=doc_id, first=first, second=where)
            if self.duplicates == "drop_identical" and first_hash == hash(text):
                # Same id, same text: a repeated record. Reported, never silently dropped.
                self.dropped.append(f"{message} (identical text, dropped)")
                self.rejects_only(rec.source_file, rec.source_line,
                                  f"{message} (identical text, dropped)", doc_id)
                return None
            if self.duplicates == "rename":
                n = 2
                while f"{doc_id}#{n}" in self.seen:
                    n += 1
                flags.append(f"renamed_from={doc_id}")
                doc_id = f"{doc_id}#{n}"
            else:
                self.reject(rec.source_file, rec.source_line, message, doc_id=doc_id,
                            exc=DuplicateIdError)
                return None
        self.seen[doc_id] = (where, hash(text))
        for key, value in self.defaults.items():
            if value is not None and (row.get(key) is None or row.get(key) == ""):
                row[key] = value
        row.update(
            doc_id=doc_id,
            text=text,
            source_file=rec.source_file,
            source_line=rec.source_line,
            encoding=rec.encoding,
            notes=";".join(dict.fromkeys(flags)),
        )
        return row

    # -- a batch of rows to a frame ---------------------------------------------
    def frame(self, rows: list[dict[str, Any]]) -> pd.DataFrame:
        frame = pd.DataFrame(rows)
        for name in SCHEMA:
            if name not in frame.columns:
                frame[name] = None
        for name in ("title", "lede", "boilerplate", "notes"):
            frame[name] = frame[name].fillna("").astype(object)
        for name in OPTIONAL_STR:
            frame[name] = frame[name].map(_clean_optional).astype(object)
        frame["date"], dated = _parse_dates(frame["date"], frame["source_file"],
                                            dayfirst=self.dayfirst)
        noted = dated != ""
        if noted.any():
            frame.loc[noted, "notes"] = [f"{f};{d}" if f else d for f, d in
                                         zip(frame.loc[noted, "notes"], dated[noted], strict=True)]
        frame["source_line"] = frame["source_line"].astype("int64")
        if frame.empty:  # the dtypes a chunk with rows has, so that chunks concatenate alike
            for name in ("doc_id", "text", "source_file", "encoding"):
                frame[name] = frame[name].astype("str")
        extras = [c for c in frame.columns if c not in SCHEMA]
        return frame[[*SCHEMA, *extras]].reset_index(drop=True)

    def rejects_frame(self) -> pd.DataFrame:
        return _rejects_table(self.rejects)


def _rejects_table(rows: list) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=REJECT_COLUMNS)
    for name in ("source_file", "doc_id", "error", "raw"):  # same dtypes with or without rows
        frame[name] = frame[name].astype("str")
    frame["source_line"] = frame["source_line"].astype("Int64")
    return frame


def _without_surrogates(fields: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The record with lone surrogates in its keys and string values replaced by U+FFFD."""
    out: dict[str, Any] = {}
    replaced = False
    for key, value in fields.items():
        if isinstance(key, str):
            key, n = replace_surrogates(key)
            replaced = replaced or n > 0
        if isinstance(value, str):
            value, n = replace_surrogates(value)
            replaced = replaced or n > 0
        out[key] = value
    return out, replaced


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, (float, np.floating)):
        return bool(np.isnan(value))
    return isinstance(value, str) and value.strip() == ""


def _id_string(value: Any) -> str | None:
    """A source id as a string; None when missing (NaN, None, blank). ``1``, ``1.0`` give "1".

    Numbers from a DataFrame column with missing values arrive as floats: an integral
    float is written without ".0". Ids that are lists or objects raise TypeError.
    """
    if _is_missing(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, (float, np.floating)) and math.isfinite(value):
        return str(int(value)) if float(value).is_integer() else str(value)
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (dict, list, tuple, set)):
        raise TypeError(MESSAGES["bad_id"].format(kind=type(value).__name__))
    return str(value)


def _clean_optional(value: Any) -> Any:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value) or None
    return str(value)


def _parse_dates(values: pd.Series, files: pd.Series | None = None, *,
                 dayfirst: bool | None = None) -> tuple[pd.Series, pd.Series]:
    """Naive-UTC dates and per-row date notes; day/month order decided per file (``_dates``)."""
    return parse_dates(values, dayfirst=dayfirst, groups=files)


def _from_html(html: str) -> dict[str, Any]:
    """Main text and metadata of a saved web page, through trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = meta.get("text") or ""
    everything = trafilatura.html2txt(html) or ""
    kept = {" ".join(line.split()) for line in text.splitlines()}
    furniture = [
        line.strip() for line in everything.splitlines()
        if line.strip() and " ".join(line.split()) not in kept
    ]
    return {
        "text": text,
        "title": meta.get("title"),
        "author": meta.get("author"),
        "date": meta.get("date"),
        "url": meta.get("url"),
        "outlet": meta.get("sitename") or meta.get("hostname"),
        "language": meta.get("language"),
        "boilerplate": "\n".join(furniture),
        "lede": "",
    }


def _records(
    source: Source,
    *,
    format: str | None,
    encoding: str | None,
    delimiter: str | None,
    builder: _Builder,
) -> Iterator[Record | Reject]:
    if isinstance(source, pd.DataFrame):
        builder.check_text_column([str(c) for c in source.columns], "<DataFrame>")
        for position, rec in enumerate(source.to_dict("records"), start=1):
            yield Record(rec, "<DataFrame>", position, "unicode", [])
        return
    for path in _expand(source):
        fmt = format or guess_format(path)
        if fmt not in FORMATS:
            raise InputError(
                MESSAGES["unknown_format"].format(path=str(path), formats=list(FORMATS)),
                source=str(path),
            )
        try:
            if fmt in ("txt", "html"):
                yield from read_whole_file(path, fmt, encoding=encoding)
            elif fmt == "jsonl":
                limit = None if builder.max_chars is None else 4 * builder.max_chars + 1024
                yield from read_jsonl(path, encoding=encoding, max_bytes=limit)
            elif fmt == "json":
                yield from read_json(path, encoding=encoding)
            else:
                yield from read_csv(
                    path, sep=delimiter, default_sep="\t" if fmt == "tsv" else ",",
                    encoding=encoding,
                    on_header=lambda names, where=str(path): _check_csv_header(
                        builder, names, where),
                )
        except LookupError:  # encoding= names no codec: an error about the option, not a file
            raise InputError(MESSAGES["unknown_encoding"].format(encoding=encoding),
                             source=str(path)) from None
        except InputError as err:
            if builder.errors == "raise":
                raise
            yield Reject(err.source or str(path), err.line, err.reason)


def _check_csv_header(builder: _Builder, names: list[str], path: str) -> None:
    try:
        builder.check_text_column(names, path)
    except SchemaError as err:
        if len(names) == 1:
            raise SchemaError(err.reason + MESSAGES["one_column_hint"], source=path) from None
        raise


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


class _RejectsTable:
    """The rejects frame as a value of ``DataFrame.attrs``.

    pandas compares and deep-copies ``attrs`` in many operations; a bare DataFrame there
    breaks ``pd.concat`` (ambiguous truth value) and is copied on every slice. This wrapper
    compares by content and is shared, not copied (it is never modified).
    """

    __slots__ = ("frame",)

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _RejectsTable) and self.frame.equals(other.frame)

    __hash__ = None  # type: ignore[assignment]

    def __deepcopy__(self, memo: dict) -> _RejectsTable:
        return self

    def __repr__(self) -> str:
        return f"<rejects: {len(self.frame)} record(s); see toolkit.corpus.rejects(corpus)>"


def rejects(corpus: pd.DataFrame) -> pd.DataFrame:
    """The rejects table of a corpus loaded with ``errors="collect"`` (empty otherwise).

    Columns ``source_file, source_line, doc_id, error, raw``: every record that was read but
    left out, and why. It travels with the corpus in ``corpus.attrs``.

    >>> import pandas as pd
    >>> rejects(load(pd.DataFrame({"text": ["One."]}), errors="collect")).columns.tolist()
    ['source_file', 'source_line', 'doc_id', 'error', 'raw']
    """
    table = corpus.attrs.get("rejects")
    if isinstance(table, _RejectsTable):
        return table.frame
    return table if isinstance(table, pd.DataFrame) else _rejects_table([])
