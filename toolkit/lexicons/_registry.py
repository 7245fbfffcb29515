"""The registry of shipped lexicons: ``toolkit/data/lexicons.csv``, one row per data file."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

import pandas as pd

from toolkit.errors import MESSAGES, InputError

#: Columns of :func:`available` (and of ``toolkit/data/lexicons.csv``).
REGISTRY_COLUMNS = ["name", "language", "kind", "format", "path", "columns", "description",
                    "source"]
#: The formats a shipped file can have, and what :func:`toolkit.lexicons.load` returns for it.
FORMATS = {
    "words": "frozenset of str: one entry a line, '#' starts a comment line",
    "csv": "DataFrame (str columns): CSV with a header, '#' comment lines before it",
    "tsv": "DataFrame (str columns): tab-separated, no header, columns named in the registry",
    "sections": "dict of str -> frozenset: [section] lines, one word a line below each",
    "dictionary": "DataFrame (category, pattern): YAML mapping of categories to patterns",
    "yaml": "the parsed YAML document",
}
#: A row whose language is this one serves every language (month names in several scripts).
ANY_LANGUAGE = "mul"


def data_root() -> Traversable:
    """The ``toolkit/data`` folder (inside the installed package)."""
    return resources.files("toolkit").joinpath("data")


@cache
def _rows() -> tuple[dict[str, str], ...]:
    text = data_root().joinpath("lexicons.csv").read_text(encoding="utf-8")
    return tuple({k: (v or "").strip() for k, v in row.items()}
                 for row in csv.DictReader(io.StringIO(text)))


def available(*, kind: str | None = None, language: str | None = None) -> pd.DataFrame:
    """Every shipped lexicon: one row per data file, with what it is and where it comes from.

    Parameters
    ----------
    kind : str, optional
        Only lexicons of this kind (``"stopwords"``, ``"titles"``, ``"gazetteer"``, ...).
    language : str, optional
        Only lexicons of this language (ISO 639-1; ``"mul"`` rows serve every language).

    Returns
    -------
    pandas.DataFrame
        Columns ``name, language, kind, format, path`` (below ``toolkit/data``), ``columns``
        (``;``-separated names of a header-less TSV), ``description, source`` (origin and
        licence).

    Examples
    --------
    >>> available(kind="stopwords")["name"].tolist()[:2]
    ['stopwords', 'stopwords_news']
    """
    frame = pd.DataFrame(list(_rows()), columns=REGISTRY_COLUMNS).astype(str)
    if kind is not None:
        frame = frame[frame["kind"] == kind]
    if language is not None:
        frame = frame[frame["language"].isin([language, ANY_LANGUAGE])]
    return frame.reset_index(drop=True)


def entry(name: str, *, language: str = "en") -> dict[str, str]:
    """The registry row of ``name`` in ``language`` (an :class:`InputError` if none)."""
    named = [r for r in _rows() if r["name"] == name]
    for row in named:
        if row["language"] in (language, ANY_LANGUAGE):
            return row
    if named:
        langs = sorted(r["language"] for r in named)
        raise InputError(MESSAGES["lexicon_language"].format(name=name, language=language,
                                                             languages=langs))
    raise InputError(MESSAGES["lexicon_unknown"].format(
        name=name, names=", ".join(sorted({r["name"] for r in _rows()}))))


def is_name(value: object) -> bool:
    """Whether ``value`` is the name of a shipped lexicon."""
    return isinstance(value, str) and any(r["name"] == value for r in _rows())


def path(name: str, *, language: str = "en") -> Traversable:
    """Where the shipped lexicon ``name`` is (inside the installed package).

    Examples
    --------
    >>> path("stopwords").name
    'stopwords_en.txt'
    """
    return data_root().joinpath(entry(name, language=language)["path"])
