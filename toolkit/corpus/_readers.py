"""Format readers: each turns one file into raw records (or rejects) with file and line."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit.corpus._encoding import decode_bytes, detect_encoding
from toolkit.errors import MESSAGES, InputError


@dataclass
class Record:
    """One article as read from a source, before schema mapping."""

    fields: dict[str, Any]
    source_file: str
    source_line: int
    encoding: str = "utf-8"
    flags: list[str] = field(default_factory=list)


@dataclass
class Reject:
    """A record (or a whole file) that could not be read, and why."""

    source_file: str
    source_line: int | None
    error: str
    raw: str = ""


FORMATS = ("txt", "csv", "tsv", "json", "jsonl", "html")
_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
}


def guess_format(path: Path) -> str | None:
    """The format of ``path`` from its suffix (``.gz`` looked through)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _SUFFIXES.get(suffixes[-1]) if suffixes else None


def _open_binary(path: Path) -> io.BufferedIOBase:
    if path.suffix.lower() == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _read_bytes(path: Path) -> bytes:
    with _open_binary(path) as handle:
        return handle.read()


def _decode(data: bytes, encoding: str | None) -> tuple[str, str, list[str]]:
    if encoding:
        try:
            return data.decode(encoding), encoding, []
        except UnicodeDecodeError:
            return data.decode(encoding, errors="replace"), encoding, ["undecodable_bytes"]
    return decode_bytes(data)


def read_whole_file(path: Path, fmt: str, *, encoding: str | None = None) -> Iterator[Record]:
    """A plain-text or HTML file: one article."""
    text, used, flags = _decode(_read_bytes(path), encoding)
    yield Record({"text": text, "_format": fmt}, str(path), 1, used, flags)


def read_jsonl(
    path: Path, *, encoding: str | None = None, max_bytes: int | None = None
) -> Iterator[Record | Reject]:
    """One JSON object per line; blank lines are skipped, every other line is a record."""
    with _open_binary(path) as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            if max_bytes is not None and len(raw) > max_bytes:
                # Too large to be worth decoding: let the builder report it by size.
                yield Record({"text": raw}, str(path), number, encoding or "utf-8", [])
                continue
            flags: list[str] = []
            if encoding:
                used = encoding
                line = raw.decode(encoding, errors="replace")
            else:
                try:
                    line, used = raw.decode("utf-8"), "utf-8"
                except UnicodeDecodeError:
                    used, flags = detect_encoding(raw)
                    line = raw.decode(used, errors="replace")
            if number == 1 and line.startswith("\ufeff"):
                line = line[1:]
                flags.append("bom")
                used = "utf-8-sig" if used == "utf-8" else used
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield Reject(
                    str(path), number, MESSAGES["malformed_json"].format(detail=err.msg),
                    line[:200],
                )
                continue
            if not isinstance(obj, dict):
                yield Reject(
                    str(path), number, MESSAGES["not_object"].format(kind=type(obj).__name__),
                    line[:200],
                )
                continue
            yield Record(obj, str(path), number, used, flags)


_JSON_LIST_KEYS = ("articles", "documents", "docs", "data", "records", "items", "results")


def read_json(path: Path, *, encoding: str | None = None) -> Iterator[Record | Reject]:
    """A JSON array of objects, an object holding such an array, or one object."""
    text, used, flags = _decode(_read_bytes(path), encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
        flags = [*flags, "bom"]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            MESSAGES["malformed_json"].format(detail=f"{err.msg}, column {err.colno}"),
            source=str(path),
            line=err.lineno,
        ) from None
    if isinstance(data, dict):
        for key in _JSON_LIST_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        raise InputError(MESSAGES["not_object"].format(kind=type(data).__name__), source=str(path))
    for index, obj in enumerate(data, start=1):
        if isinstance(obj, dict):
            yield Record(obj, str(path), index, used, list(flags))
        else:
            yield Reject(
                str(path), index,
                f"record {index}: " + MESSAGES["not_object"].format(kind=type(obj).__name__),
                repr(obj)[:200],
            )


def read_csv_chunks(
    path: Path,
    *,
    sep: str,
    encoding: str | None,
    chunksize: int,
    collect: list[Reject] | None,
) -> Iterator[Record | Reject]:
    """CSV/TSV read in chunks with pandas; ``source_line`` is the data row (1 = first)."""
    flags: list[str] = []
    if encoding is None:
        with _open_binary(path) as handle:
            sample = handle.read(1 << 20)
        encoding, flags = detect_encoding(sample, partial=True)
        if encoding == "utf-8" and "undecodable_bytes" in flags:
            flags = []  # decided per row below from replacement characters
    bad_lines: list[list[str]] = []
    options: dict[str, Any] = dict(
        sep=sep,
        dtype=str,
        keep_default_na=False,
        na_values=[],
        encoding=encoding,
        encoding_errors="replace",
        chunksize=chunksize,
        compression="infer",
        index_col=False,
    )
    if collect is not None:
        options.update(engine="python", on_bad_lines=bad_lines.append)
    try:
        reader = pd.read_csv(path, **options)
        row = 0
        for chunk in reader:
            for bad in bad_lines:
                yield Reject(str(path), None, "malformed CSV line (wrong number of fields)",
                             sep.join(bad)[:200])
            bad_lines.clear()
            for rec in chunk.to_dict("records"):
                row += 1
                rec_flags = list(flags)
                if any(isinstance(v, str) and "\ufffd" in v for v in rec.values()):
                    rec_flags.append("undecodable_bytes")
                yield Record(rec, str(path), row, encoding, rec_flags)
        for bad in bad_lines:
            yield Reject(str(path), None, "malformed CSV line (wrong number of fields)",
                         sep.join(bad)[:200])
    except pd.errors.ParserError as err:
        raise InputError(f"malformed CSV: {err}", source=str(path)) from None
    except pd.errors.EmptyDataError:
        return
