"""Read lexicon text (a shipped file or a user's file) into the type of its format."""

from __future__ import annotations

import csv
import gzip
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import yaml

from toolkit.errors import MESSAGES, InputError, MissingFileError


def read_text(source: Path, *, name: str) -> str:
    """The UTF-8 text of a file (``.gz`` decompressed); an :class:`InputError` naming it."""
    try:
        data = source.read_bytes()
        if source.name.endswith(".gz"):
            data = gzip.decompress(data)
        return data.decode("utf-8").removeprefix("\ufeff")
    except FileNotFoundError as err:
        raise MissingFileError(MESSAGES["lexicon_no_file"], source=name) from err
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(MESSAGES["lexicon_not_utf8"], source=name, line=line) from err
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        raise InputError(MESSAGES["lexicon_unreadable"].format(detail=err), source=name) from err


def _body(text: str) -> tuple[list[str], int]:
    """The lines after the leading ``#`` comment lines, and how many lines were skipped."""
    lines = text.splitlines()
    skip = 0
    while skip < len(lines) and (lines[skip].startswith("#") or not lines[skip].strip()):
        skip += 1
    return lines[skip:], skip


def words(text: str) -> frozenset[str]:
    """One entry a line, stripped; empty lines and ``#`` comment lines left out."""
    out = (line.strip() for line in text.splitlines())
    return frozenset(w for w in out if w and not w.startswith("#"))


def sections(text: str, *, name: str) -> dict[str, frozenset[str]]:
    """``[section]`` headers, one word a line below each."""
    out: dict[str, set[str]] = {}
    current: set[str] | None = None
    for i, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1].strip(), set())
        elif current is None:
            raise InputError(MESSAGES["lexicon_no_section"], source=name, line=i)
        else:
            current.add(line)
    return {k: frozenset(v) for k, v in out.items()}


def table(text: str, *, name: str, sep: str = ",", columns: list[str] | None = None
          ) -> pd.DataFrame:
    """A CSV (header after ``#`` comments) or a header-less TSV with ``columns``."""
    body, skip = _body(text)
    rows = list(csv.reader(body, delimiter=sep, quoting=csv.QUOTE_NONE if sep == "\t"
                           else csv.QUOTE_MINIMAL))
    if columns is None:
        if not rows:
            raise InputError(MESSAGES["lexicon_empty"], source=name)
        columns, rows, first = [c.strip() for c in rows[0]], rows[1:], skip + 2
    else:
        first = skip + 1
    out = []
    for i, row in enumerate(rows):
        if not row or (len(row) == 1 and not row[0].strip()) or row[0].startswith("#"):
            continue
        if len(row) > len(columns):
            if sep == "\t":  # the last column may hold tabs
                row = row[: len(columns) - 1] + [sep.join(row[len(columns) - 1:])]
            else:
                raise InputError(MESSAGES["lexicon_fields"].format(n=len(row), expected=len(
                    columns)), source=name, line=first + i)
        out.append([c.strip() for c in row] + [""] * (len(columns) - len(row)))
    return pd.DataFrame(out, columns=columns, dtype=str)


def parse_yaml(text: str, *, name: str) -> object:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        raise InputError(f"malformed YAML ({err})", source=name,
                         line=None if line is None else line + 1) from err


def _flatten(node: object, prefix: str, source: str, out: list[tuple[str, str]]) -> None:
    if isinstance(node, Mapping):
        for key, value in node.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), source, out)
    elif isinstance(node, list | tuple):
        if not prefix:
            raise InputError("a dictionary needs category names at the top level", source=source)
        for item in node:
            if isinstance(item, Mapping | list | tuple):
                _flatten(item, prefix, source, out)
            elif item is None or not str(item).strip():
                raise InputError(f"empty pattern in category {prefix!r}", source=source)
            else:
                out.append((prefix, str(item).strip()))
    elif isinstance(node, str) and prefix:
        out.append((prefix, node.strip()))
    else:
        raise InputError(
            f"cannot read {type(node).__name__} as a dictionary entry under {prefix or 'top'!r}; "
            "expected category: [pattern, ...]",
            source=source,
        )


def dictionary(data: object, *, name: str) -> pd.DataFrame:
    """``category, pattern`` rows of a nested mapping (quanteda-style YAML dictionary)."""
    if not isinstance(data, Mapping):
        raise InputError("a dictionary file must map categories to lists of patterns",
                         source=name)
    rows: list[tuple[str, str]] = []
    _flatten(data, "", name, rows)
    return pd.DataFrame(rows, columns=["category", "pattern"], dtype=str)
