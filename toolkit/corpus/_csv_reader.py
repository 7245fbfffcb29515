"""CSV and TSV reader: dialect sniffed from the first part, rows streamed with their lines."""

from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from toolkit.corpus._encoding import detect_encoding
from toolkit.corpus._readers import (
    _CHUNK,
    _READ_ERRORS,
    Record,
    Reject,
    _head,
    _open_binary,
    _read_problem,
)
from toolkit.errors import MESSAGES

DELIMITERS = (",", ";", "\t", "|")
_SNIFF_RECORDS = 50


class _LineTap:
    """The lines a csv reader consumes: counted, the current record's kept, EOF noticed."""

    def __init__(self, stream: Iterator[str]):
        self.stream = stream
        self.lines = 0
        self.record: list[str] = []
        self.eof = False

    def __iter__(self) -> _LineTap:
        return self

    def __next__(self) -> str:
        try:
            line = next(self.stream)
        except StopIteration:
            self.eof = True
            raise
        self.lines += 1
        self.record.append(line)
        return line


def _ends_in_quote(raw: str, sep: str, quote: str = '"') -> bool:
    """Whether a CSV record's text ends inside a quoted field (an unclosed quote)."""
    inside = False
    pos = 0
    while True:
        pos = raw.find(quote, pos)
        if pos < 0:
            return inside
        if inside:
            if raw.startswith(quote, pos + 1):
                pos += 2  # a doubled quote inside a quoted field
                continue
            inside = False
        elif pos == 0 or raw[pos - 1] in (sep, "\n", "\r"):
            inside = True
        pos += 1


def _records_of(
    sample: str, sep: str, quoting: int, limit: int = _SNIFF_RECORDS
) -> list[list[str]]:
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(sample, newline=""), delimiter=sep, quoting=quoting):
            if row:
                rows.append(row)
            if len(rows) > limit:
                break
    except csv.Error:
        pass
    return rows


def _consistency(rows: list[list[str]], truncated: bool) -> float:
    if truncated and len(rows) > 2:
        rows = rows[:-1]  # the sample may end inside the last record
    if len(rows) < 2:
        return 1.0 if rows else 0.0
    width = len(rows[0])
    return sum(len(r) == width for r in rows[1:]) / (len(rows) - 1)


def sniff_dialect(sample: str, default: str, *, truncated: bool = False) -> tuple[str, int]:
    """Delimiter (``,`` ``;`` tab ``|``) and quoting of a CSV/TSV file from its first part.

    The delimiter splitting the header into most columns, consistently with the next
    records, wins; ties go to ``default`` (the one the file suffix implies). A tab-separated
    file is read without quoting (quote characters are text) unless its quotes only make
    sense as CSV quoting (multi-line fields, doubled quotes).

    >>> sniff_dialect("id;text\\n1;Hello, world\\n", ",")
    (';', 0)
    >>> sniff_dialect('id\\ttext\\n1\\t"Yes," he said\\n', "\\t")[1] == csv.QUOTE_NONE
    True
    """
    header = sample.split("\n", 1)[0].split("\r", 1)[0]
    best: tuple[tuple[float, int, bool], str] | None = None
    for sep in DELIMITERS:
        if sep not in header and sep != default:
            continue
        rows = _records_of(sample, sep, csv.QUOTE_MINIMAL)
        width = len(rows[0]) if rows else 1
        score = (_consistency(rows, truncated) if width > 1 else 0.0, width, sep == default)
        if best is None or score > best[0]:
            best = (score, sep)
    sep = best[1] if best is not None else default
    if sep != "\t":
        return sep, csv.QUOTE_MINIMAL
    plain = _records_of(sample, sep, csv.QUOTE_NONE)
    quoted = _records_of(sample, sep, csv.QUOTE_MINIMAL)
    escaped = any(
        len(f) > 2 and f[0] == f[-1] == '"' and '""' in f[1:-1] for r in plain for f in r
    )
    plain_ok, quoted_ok = _consistency(plain, truncated), _consistency(quoted, truncated)
    if quoted_ok > plain_ok or (escaped and quoted_ok == 1.0):
        return sep, csv.QUOTE_MINIMAL
    return sep, csv.QUOTE_NONE


def _allow_long_fields() -> None:
    """Let the csv module read fields of any length (its default stops at 131,072)."""
    limit = sys.maxsize
    while limit > csv.field_size_limit():
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


def _header_names(row: list[str]) -> list[str]:
    """Column names; empty ones become ``Unnamed: <i>``, repeats get ``.1``, ``.2`` (as pandas)."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(row):
        name = name or f"Unnamed: {i}"
        if name in seen:
            seen[name] += 1
            new = f"{name}.{seen[name]}"
            while new in seen:
                seen[name] += 1
                new = f"{name}.{seen[name]}"
            name = new
        seen.setdefault(name, 0)
        names.append(name)
    return names


def read_csv(
    path: Path,
    *,
    sep: str | None = None,
    default_sep: str = ",",
    encoding: str | None = None,
    on_header: Callable[[list[str]], None] | None = None,
) -> Iterator[Record | Reject]:
    """CSV/TSV rows as records; ``source_line`` is the file line where the row starts.

    The encoding (when not given) is detected from the first megabyte, the delimiter (when
    ``sep`` is None) sniffed among ``,`` ``;`` tab ``|``. A row with more fields than the
    header is a reject; a row with fewer is padded with missing values and noted
    ``missing_fields``; an unclosed quote makes the rest of the file one reject.
    ``on_header`` is called with the column names before any row (it may raise).
    """
    flags: list[str] = []
    with _open_binary(path) as handle:
        sample_bytes, error = _head(handle, _CHUNK)
    if not sample_bytes and error is None:
        return
    # A reading error is met again, at its line, when the rows are read below.
    truncated = len(sample_bytes) == _CHUNK or error is not None
    if encoding is None:
        encoding, flags = detect_encoding(sample_bytes, partial=truncated)
        if encoding == "utf-8" and "undecodable_bytes" in flags:
            flags = []  # decided per row below from replacement characters
    sample = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample_bytes)
    sample = sample.lstrip("\ufeff")
    sniffed, quoting = sniff_dialect(sample, sep or default_sep, truncated=truncated)
    sep = sep or sniffed
    _allow_long_fields()
    source = str(path)
    start = 1
    with _open_binary(path) as handle:
        stream = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
        tap = _LineTap(stream)
        reader = csv.reader(tap, delimiter=sep, quoting=quoting)
        names: list[str] | None = None
        try:
            while True:
                start = tap.lines + 1
                tap.record = []
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as err:
                    yield Reject(source, start, MESSAGES["malformed_csv"].format(detail=err),
                                 "".join(tap.record)[:200])
                    continue
                if not row:
                    continue  # a blank line
                if tap.eof and quoting != csv.QUOTE_NONE and _ends_in_quote(
                    "".join(tap.record), sep
                ):
                    yield Reject(
                        source, start,
                        MESSAGES["unclosed_quote"].format(line=start, end=tap.lines),
                        "".join(tap.record)[:200],
                    )
                    return
                if names is None:
                    if start == 1 and row[0].startswith("\ufeff"):
                        row[0] = row[0][1:]
                    names = _header_names(row)
                    if on_header is not None:
                        on_header(names)
                    continue
                rec_flags = list(flags)
                if len(row) > len(names):
                    yield Reject(
                        source, start,
                        MESSAGES["csv_field_count"].format(n=len(row), expected=len(names)),
                        sep.join(row)[:200],
                    )
                    continue
                if len(row) < len(names):
                    rec_flags.append("missing_fields")
                rec: dict[str, Any] = dict(zip(names, row, strict=False))
                for name in names[len(row):]:
                    rec[name] = None
                if any("\ufffd" in v for v in row):
                    rec_flags.append("undecodable_bytes")
                yield Record(rec, source, start, encoding, rec_flags)
        except _READ_ERRORS as err:
            raise _read_problem(path, err, start) from None
