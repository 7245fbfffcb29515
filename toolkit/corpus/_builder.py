"""``_Builder``: records to corpus rows (schema mapping, cleaning, checks, duplicates)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from toolkit.corpus._article import read_article
from toolkit.corpus._dates import parse_dates
from toolkit.corpus._html import _from_html
from toolkit.corpus._readers import Record
from toolkit.corpus._rejects import _rejects_table
from toolkit.corpus._schema import ALIASES, OPTIONAL_STR, SCHEMA
from toolkit.corpus._text import fold_repeated_lines, normalize_text, replace_surrogates
from toolkit.errors import MESSAGES, DuplicateIdError, InputError, SchemaError

Errors = Literal["raise", "collect"]
Duplicates = Literal["raise", "drop_identical", "rename"]


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
            text, folded = fold_repeated_lines(text)
            if folded:
                flags.append("repeated_lines_folded")
            row["lede"] = ""
            row["boilerplate"] = "\n".join(folded)
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
