"""Format readers: each turns one file into raw records (or rejects) with file and line."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


# Errors that reading a damaged or forbidden file raises (BadGzipFile and PermissionError
# are OSErrors); each becomes an InputError naming the file and the line reached.
_READ_ERRORS = (OSError, EOFError, zlib.error)
_CHUNK = 1 << 20


def _read_problem(path: Path, err: BaseException, line: int | None = None) -> InputError:
    """An InputError naming ``path`` (and the first line not read) for a reading failure."""
    if isinstance(err, PermissionError):
        detail = MESSAGES["permission_denied"]
    elif isinstance(err, gzip.BadGzipFile):
        detail = MESSAGES["not_gzip"]
    elif isinstance(err, EOFError):
        detail = MESSAGES["truncated_gzip"]
    elif isinstance(err, zlib.error):
        detail = MESSAGES["corrupt_gzip"].format(detail=err)
    else:
        detail = MESSAGES["unreadable_file"].format(
            detail=getattr(err, "strerror", None) or str(err) or type(err).__name__
        )
    if line is not None and line > 1:
        detail = MESSAGES["rest_unread"].format(detail=detail, line=line)
    return InputError(detail, source=str(path), line=line)


def _open_binary(path: Path) -> io.BufferedIOBase:
    """Open ``path`` for reading bytes (gzip looked through); errors name the file."""
    try:
        if path.suffix.lower() == ".gz":
            with open(path, "rb") as probe:
                magic = probe.read(2)
            if magic and magic != b"\x1f\x8b":
                raise gzip.BadGzipFile("not a gzipped file")
            return gzip.open(path, "rb")  # type: ignore[return-value]
        return open(path, "rb")
    except _READ_ERRORS as err:
        raise _read_problem(path, err) from None


def _read_bytes(path: Path) -> bytes:
    with _open_binary(path) as handle:
        try:
            return handle.read()
        except _READ_ERRORS as err:
            raise _read_problem(path, err) from None


def _decode(data: bytes, encoding: str | None) -> tuple[str, str, list[str]]:
    if encoding:
        try:
            return data.decode(encoding), encoding, []
        except UnicodeDecodeError:
            return data.decode(encoding, errors="replace"), encoding, ["undecodable_bytes"]
    return decode_bytes(data)


def _parse_int(digits: str) -> int | str:
    """JSON integers; one too long for Python's int conversion (4,300 digits) stays a string."""
    try:
        return int(digits)
    except ValueError:
        return digits


_JSON = json.JSONDecoder(parse_int=_parse_int)


class _JsonProblem(Exception):
    """Why a JSON text could not be read, with the line of the problem when known."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


def _parse_json(text: str) -> Any:
    try:
        return _JSON.decode(text)
    except json.JSONDecodeError as err:
        raise _JsonProblem(
            MESSAGES["malformed_json"].format(detail=f"{err.msg}, column {err.colno}"), err.lineno
        ) from None
    except RecursionError:
        raise _JsonProblem(MESSAGES["nested_too_deep"]) from None


def read_whole_file(path: Path, fmt: str, *, encoding: str | None = None) -> Iterator[Record]:
    """A plain-text or HTML file: one article."""
    text, used, flags = _decode(_read_bytes(path), encoding)
    yield Record({"text": text, "_format": fmt}, str(path), 1, used, flags)


_TEXT_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(chunks: Iterable[Any], *, text: bool = False) -> Iterator[Any]:
    """Lines of a stream of byte (or ``text=True``: str) chunks, without their line ends.

    ``\\r\\n``, ``\\r`` and ``\\n`` each end a line, also when a chunk boundary falls
    between ``\\r`` and ``\\n``; a last line without a line end is kept.

    >>> list(split_lines([b"a\\r", b"\\nb\\rc", b"\\nd"]))
    [b'a', b'b', b'c', b'd']
    """
    if text:
        yield from _split_text_lines(chunks)
        return
    pending: list[bytes] = []
    after_cr = False  # the previous chunk ended with \r: a \n starting this one belongs to it
    for chunk in chunks:
        if after_cr and chunk.startswith(b"\n"):
            chunk = chunk[1:]
        after_cr = chunk.endswith(b"\r")
        # bytes.splitlines breaks at \n, \r and \r\n only (str.splitlines breaks at more).
        for piece in chunk.splitlines(keepends=True):
            if piece.endswith(b"\n"):
                cut = 2 if piece.endswith(b"\r\n") else 1
            elif piece.endswith(b"\r"):
                cut = 1
            else:
                pending.append(piece)
                continue
            if pending:
                pending.append(piece)
                piece = b"".join(pending)
                pending = []
            yield piece[:-cut]
    if pending:
        yield b"".join(pending)


def _split_text_lines(chunks: Iterable[str]) -> Iterator[str]:
    pending: list[str] = []
    carry = ""
    for chunk in chunks:
        if carry:
            chunk, carry = carry + chunk, ""
        if chunk.endswith("\r"):
            chunk, carry = chunk[:-1], "\r"
        parts = _TEXT_BREAK.split(chunk)
        pending.append(parts[0])
        if len(parts) == 1:
            continue
        yield "".join(pending)
        yield from parts[1:-1]
        pending = [parts[-1]]
    last = "".join(pending)
    if carry or last:
        yield last


def _head(handle: io.BufferedIOBase, size: int) -> tuple[bytes, BaseException | None]:
    """Up to ``size`` first bytes, and the reading error that stopped short, if any.

    ``read1`` returns what is decompressed so far, so the part of a damaged ``.gz``
    before the damage is kept.
    """
    parts: list[bytes] = []
    total = 0
    try:
        while total < size:
            piece = handle.read1(size - total)
            if not piece:
                break
            parts.append(piece)
            total += len(piece)
    except _READ_ERRORS as err:
        return b"".join(parts), err
    return b"".join(parts), None


def _chunks(
    handle: io.BufferedIOBase, first: bytes, error: BaseException | None
) -> Iterator[bytes]:
    if first:
        yield first
    if error is not None:
        raise error
    while chunk := handle.read1(_CHUNK):
        yield chunk


def _wide_chunks(raw: Iterator[bytes], encoding: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    for chunk in raw:
        yield decoder.decode(chunk)
    yield decoder.decode(b"", final=True)


def read_jsonl(
    path: Path, *, encoding: str | None = None, max_bytes: int | None = None
) -> Iterator[Record | Reject]:
    """One JSON object per line; blank lines are skipped, every other line is a record.

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``. Lines are decoded one by one (UTF-8,
    else a detected encoding), except in UTF-16/32 files, which are decoded as a stream.
    """
    number = 0
    with _open_binary(path) as handle:
        try:
            first, error = _head(handle, _CHUNK)
            wide_flags: list[str] = []
            wide = encoding if encoding and encoding.lower().startswith(("utf-16", "utf-32")) \
                else None
            if encoding is None:
                guess, guess_flags = detect_encoding(first[:4096], partial=True)
                if guess.startswith(("utf-16", "utf-32")):
                    wide, wide_flags = guess, guess_flags
            if wide is not None:
                lines: Iterator[Any] = split_lines(
                    _wide_chunks(_chunks(handle, first, error), wide), text=True
                )
            else:
                lines = split_lines(_chunks(handle, first, error))
            for number, raw in enumerate(lines, start=1):
                if not raw.strip():
                    continue
                if max_bytes is not None and len(raw) > max_bytes:
                    # Too large to be worth decoding: let the builder report it by size.
                    yield Record({"text": raw}, str(path), number, encoding or "utf-8", [])
                    continue
                if wide is not None:
                    line, used, flags = raw, wide, list(wide_flags)
                else:
                    line, used, flags = _decode_line(raw, encoding)
                if number == 1 and line.startswith("\ufeff"):
                    line = line[1:]
                    if "bom" not in flags:
                        flags.append("bom")
                    used = "utf-8-sig" if used == "utf-8" else used
                try:
                    obj = _parse_json(line)
                except _JsonProblem as err:
                    yield Reject(str(path), number, err.message, line[:200])
                    continue
                if not isinstance(obj, dict):
                    yield Reject(
                        str(path), number,
                        MESSAGES["not_object"].format(kind=type(obj).__name__), line[:200],
                    )
                    continue
                yield Record(obj, str(path), number, used, flags)
        except _READ_ERRORS as err:
            raise _read_problem(path, err, number + 1) from None


def _decode_line(raw: bytes, encoding: str | None) -> tuple[str, str, list[str]]:
    if encoding:
        return raw.decode(encoding, errors="replace"), encoding, []
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        used, flags = detect_encoding(raw)
        return raw.decode(used, errors="replace"), used, list(flags)


_JSON_LIST_KEYS = ("articles", "documents", "docs", "data", "records", "items", "results")


def read_json(path: Path, *, encoding: str | None = None) -> Iterator[Record | Reject]:
    """A JSON array of objects, an object holding such an array, or one object."""
    text, used, flags = _decode(_read_bytes(path), encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
        flags = [*flags, "bom"]
    try:
        data = _parse_json(text)
    except _JsonProblem as err:
        raise InputError(err.message, source=str(path), line=err.line) from None
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


# --- CSV / TSV --------------------------------------------------------------------------
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
