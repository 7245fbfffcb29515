"""Records and file access shared by the format readers: one file's bytes, decoded, in lines.

:class:`Record` and :class:`Reject` are what every reader yields (with file and line);
:func:`guess_format` names a file's format from its suffix. The readers of each format live
beside this module: :mod:`toolkit.corpus._json_reader` (JSON, JSON Lines) and
:mod:`toolkit.corpus._csv_reader` (CSV, TSV); :func:`read_whole_file` reads a plain-text or
HTML file (one article).
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.corpus._encoding import decode_bytes
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
