"""Where records come from: paths, globs, folders or a DataFrame, each file by its format."""

from __future__ import annotations

import glob as globmod
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd

from toolkit.corpus._builder import _Builder
from toolkit.corpus._csv_reader import read_csv
from toolkit.corpus._json_reader import read_json, read_jsonl
from toolkit.corpus._readers import FORMATS, Record, Reject, guess_format, read_whole_file
from toolkit.errors import MESSAGES, InputError, SchemaError

Source = str | os.PathLike | pd.DataFrame | Iterable[str | os.PathLike]


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
