"""JSON and JSON Lines readers: one record per object, rejects naming file and line."""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from toolkit.corpus._encoding import detect_encoding
from toolkit.corpus._readers import (
    _CHUNK,
    _READ_ERRORS,
    Record,
    Reject,
    _decode,
    _head,
    _open_binary,
    _read_bytes,
    _read_problem,
    split_lines,
)
from toolkit.errors import MESSAGES, InputError


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
