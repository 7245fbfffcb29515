"""Load a shipped lexicon by name; turn a user's own value into the same type."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit.errors import MESSAGES, InputError, MissingFileError
from toolkit.lexicons import _readers
from toolkit.lexicons._registry import _rows, data_root, entry, is_name

_SUFFIXES = {".txt": "words", ".lst": "words", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv",
             ".yaml": "yaml", ".yml": "yaml"}


def _columns(row: dict[str, str]) -> list[str] | None:
    return [c for c in row["columns"].split(";") if c] or None


def _parse(text: str, fmt: str, *, name: str, columns: list[str] | None = None) -> Any:
    if fmt == "words":
        return _readers.words(text)
    if fmt == "sections":
        return _readers.sections(text, name=name)
    if fmt in ("csv", "tsv"):
        sep = "\t" if fmt == "tsv" else ","
        return _readers.table(text, name=name, sep=sep, columns=columns if fmt == "tsv" else None)
    data = _readers.parse_yaml(text, name=name)
    return _readers.dictionary(data, name=name) if fmt == "dictionary" else data


@lru_cache(maxsize=64)
def _load(name: str, language: str) -> Any:
    row = entry(name, language=language)
    res = data_root().joinpath(row["path"])
    return _parse(_readers.read_text(res, name=f"toolkit/data/{row['path']}"),  # type: ignore[arg-type]
                  row["format"], name=f"toolkit/data/{row['path']}", columns=_columns(row))


def load(name: str, *, language: str = "en") -> Any:
    """A shipped lexicon by name: a frozenset of words, a DataFrame, or a dict of sections.

    Parameters
    ----------
    name : str
        A name of :func:`available` (``"stopwords"``, ``"titles"``, ``"cue_verbs"``, ...).
    language : str
        ISO 639-1 code; English (``"en"``) is the one language shipped so far.

    Returns
    -------
    frozenset, DataFrame, dict or parsed YAML
        As the registry's ``format`` says (:data:`toolkit.lexicons.FORMATS`). DataFrames and
        dicts are fresh copies each call; a DataFrame's ``attrs["source"]`` names the file.

    Examples
    --------
    >>> "the" in load("stopwords")
    True
    >>> load("cue_verbs").columns[:2].tolist()
    ['lemma', 'forms']
    """
    out = _load(name, language)
    if isinstance(out, pd.DataFrame):
        out = out.copy()
        out.attrs["source"] = f"toolkit/data/{entry(name, language=language)['path']}"
    elif not isinstance(out, frozenset):  # a mutable dict or YAML document: never the cached one
        out = copy.deepcopy(out)
    return out


#: Kinds whose shipped lexicon comes from another package (VADER's, from vaderSentiment):
#: kind -> (format, columns) of a user's file.
OTHER_KINDS = {"sentiment": ("tsv", ["word", "valence", "sd", "ratings"])}


def _kind_format(kind: str) -> tuple[str, list[str] | None]:
    """The format shipped lexicons of ``kind`` have (the type :func:`resolve` returns)."""
    if kind in OTHER_KINDS:
        return OTHER_KINDS[kind]
    rows = [r for r in _rows() if r["kind"] == kind]
    if not rows:
        kinds = ", ".join(sorted({r["kind"] for r in _rows()} | set(OTHER_KINDS)))
        raise ValueError(MESSAGES["lexicon_unknown_kind"].format(kind=kind, kinds=kinds))
    fmt = rows[0]["format"]
    if all(r["format"] == "words" for r in rows):
        fmt = "words"
    elif fmt == "words":
        fmt = "csv"
    return fmt, _columns(rows[0])


def _as_words(value: Any, *, name: str) -> frozenset[str]:
    if isinstance(value, pd.DataFrame):
        if value.shape[1] == 0:
            raise InputError(MESSAGES["lexicon_empty"], source=name)
        col = "word" if "word" in value.columns else value.columns[0]
        value = value[col]
    if isinstance(value, Mapping) or not isinstance(value, Iterable) or isinstance(value, str):
        raise InputError(MESSAGES["lexicon_type"].format(kind=type(value).__name__,
                                                         want="a list of words"), source=name)
    out = set()
    for i, w in enumerate(value):
        if not isinstance(w, str):
            raise InputError(MESSAGES["lexicon_entry"].format(entry=w), source=name, line=i + 1)
        if w.strip():
            out.add(w.strip())
    return frozenset(out)


def _from_file(path: Path, kind: str, fmt: str, columns: list[str] | None) -> Any:
    name = str(path)
    suffix = path.suffix.lower() if path.suffix.lower() != ".gz" else Path(path.stem).suffix
    file_fmt = _SUFFIXES.get(suffix.lower())
    if file_fmt is None:
        raise InputError(MESSAGES["lexicon_suffix"].format(suffixes=", ".join(_SUFFIXES)),
                         source=name)
    text = _readers.read_text(path, name=name)
    if file_fmt == "yaml":
        data = _readers.parse_yaml(text, name=name)
        if fmt == "dictionary":
            return _readers.dictionary(data, name=name)
        return _convert(data, kind, fmt, columns, name=name)
    if fmt == "tsv" and file_fmt in ("tsv", "words"):  # a TXT of tab-separated columns
        parsed = _readers.table(text, name=name, sep="\t", columns=columns)
    elif file_fmt in ("csv", "tsv"):
        parsed = _readers.table(text, name=name, sep="\t" if file_fmt == "tsv" else ",")
    else:
        parsed = _readers.words(text)
    return _convert(parsed, kind, fmt, columns, name=name)


def _convert(value: Any, kind: str, fmt: str, columns: list[str] | None, *, name: str) -> Any:
    if fmt == "words":
        return _as_words(value, name=name)
    if fmt == "dictionary":
        if isinstance(value, pd.DataFrame):
            missing = {"category", "pattern"} - set(value.columns)
            if missing:
                raise InputError(MESSAGES["lexicon_columns"].format(missing=sorted(missing)),
                                 source=name)
            frame = value[["category", "pattern"]].astype(str).reset_index(drop=True)
        else:
            frame = _readers.dictionary(value, name=name)
        frame.attrs["source"] = name
        return frame
    if fmt == "sections":
        if not isinstance(value, Mapping):
            raise InputError(MESSAGES["lexicon_type"].format(
                kind=type(value).__name__, want="a mapping of section names to words"),
                source=name)
        return {str(k): _as_words(v, name=name) for k, v in value.items()}
    if fmt == "yaml":
        return value
    # a table
    if isinstance(value, pd.DataFrame):
        frame = value.copy()
    elif isinstance(value, Mapping) and columns and len(columns) >= 2:
        frame = pd.DataFrame(list(value.items()), columns=columns[:2])
    elif isinstance(value, Mapping | str) or not isinstance(value, Iterable):
        raise InputError(MESSAGES["lexicon_type"].format(
            kind=type(value).__name__, want="a DataFrame, a file or a list"), source=name)
    else:
        items = list(value)
        if items and all(isinstance(v, Mapping) for v in items):
            frame = pd.DataFrame(items)
        else:
            col = columns[0] if columns else "word"
            frame = pd.DataFrame({col: [str(v) for v in sorted(_as_words(items, name=name))]})
    frame = frame.reset_index(drop=True)
    frame.attrs["source"] = name
    return frame


def resolve(value: Any, *, kind: str, language: str = "en") -> Any:
    """Turn a lexicon option into the type the shipped lexicons of ``kind`` have.

    The one function every analysis calls for its lexicon options, so that a user's own list
    can stand wherever a shipped one does.

    Parameters
    ----------
    value : str, path, list/set of str, mapping or DataFrame
        A shipped name (``"stopwords"``), several names of word lists joined by ``+``
        (``"stopwords+stopwords_news"``: their union), or your own: a path to a TXT (one entry a
        line, ``#`` comments), CSV (with a header), TSV or YAML file, a list or set of words, a
        mapping (dictionaries), or a DataFrame.
    kind : str
        What the option holds: a ``kind`` of :func:`available` (``"stopwords"``, ``"mwe"``,
        ``"furniture"``, ``"titles"``, ``"gazetteer"``, ``"dictionary"``, ...) or one of
        :data:`OTHER_KINDS` (``"sentiment"``: VADER's format, ``word<TAB>valence``). A shipped
        name of another kind is refused.
    language : str
        The language of the shipped lexicon looked up by name.

    Returns
    -------
    frozenset of str, DataFrame or dict
        Word lists give a frozenset (from a CSV or DataFrame, the column ``word`` or else the
        first); tables and dictionaries a DataFrame (``attrs["source"]`` names the file).

    Raises
    ------
    toolkit.errors.InputError
        For an unknown name, a missing or unreadable file, or a malformed one (file and line).

    Examples
    --------
    >>> sorted(resolve(["Tehran", "Riyadh"], kind="stopwords"))
    ['Riyadh', 'Tehran']
    >>> "said" in resolve("stopwords+stopwords_news", kind="stopwords")
    True
    >>> resolve("framing", kind="dictionary").columns.tolist()
    ['category', 'pattern']
    """
    fmt, columns = _kind_format(kind)
    if isinstance(value, str) and (is_name(value) or (
            "+" in value and all(is_name(p.strip()) for p in value.split("+")))):
        parts = [load(p.strip(), language=language) for p in value.split("+")]
        for p in value.split("+"):
            have = entry(p.strip(), language=language)["kind"]
            if have != kind:
                raise InputError(MESSAGES["lexicon_kind"].format(name=p.strip(), have=have,
                                                                 want=kind))
        if len(parts) == 1:
            return parts[0]
        if all(isinstance(p, frozenset) for p in parts):
            return frozenset().union(*parts)
        if all(isinstance(p, pd.DataFrame) for p in parts):
            return pd.concat(parts, ignore_index=True)
        raise InputError(MESSAGES["lexicon_kind"].format(name=value, have="mixed", want=kind))
    if isinstance(value, str | Path):
        path = Path(value)
        if not path.is_file():
            if isinstance(value, str) and not path.suffix and "/" not in value:
                names = sorted({r["name"] for r in _rows() if r["kind"] == kind})
                raise InputError(MESSAGES["lexicon_unknown"].format(name=value,
                                                                    names=", ".join(names)))
            raise MissingFileError(MESSAGES["lexicon_no_file"], source=str(path))
        return _from_file(path, kind, fmt, columns)
    if value is None:
        raise InputError(MESSAGES["lexicon_type"].format(kind="None", want=f"a {kind} lexicon"))
    return _convert(value, kind, fmt, columns, name=type(value).__name__)
