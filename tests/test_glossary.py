"""One name per concept (issue #11): every public parameter and output column is in the glossary.

The public API is walked, not listed: the ``__all__`` of every (sub)package of ``toolkit``
gives the public functions and classes (their parameters) and the column constants
(``*_DTYPES`` / ``*_COLUMNS``, and the ``DTYPES`` / ``COLUMNS`` of a module); the corpus
``SCHEMA`` gives the corpus columns. A name missing from ``toolkit._glossary.GLOSSARY``, or
one of the banned synonyms, fails with where it was found.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections import defaultdict

import pytest

import toolkit
from toolkit._glossary import BANNED, GLOSSARY

_COLUMN_CONSTANT = re.compile(r"(?:[A-Z0-9_]+_)?(?:DTYPES|COLUMNS)")
# Synonyms the issue named; GLOSSARY's BANNED must hold at least these.
SYNONYMS = {"top", "max_docs", "max_lines", "size", "chunksize", "freq", "column", "per",
            "n_tokens", "rate"}


def _packages() -> list[str]:
    names = [toolkit.__name__]
    for info in pkgutil.walk_packages(toolkit.__path__, prefix=f"{toolkit.__name__}."):
        if info.ispkg:
            names.append(info.name)
    return sorted(names)


def _column_names(value: object) -> list[str]:
    if isinstance(value, dict):
        return [str(k) for k in value]
    if isinstance(value, (list, tuple)):
        return [str(k) for k in value]
    return []


def _collect() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(parameter name -> where, column name -> where) over the public API."""
    params: dict[str, set[str]] = defaultdict(set)
    columns: dict[str, set[str]] = defaultdict(set)
    for package in _packages():
        module = importlib.import_module(package)
        for attr in getattr(module, "__all__", []):
            obj = getattr(module, attr)
            where = f"{package}.{attr}"
            if _COLUMN_CONSTANT.fullmatch(attr):
                for col in _column_names(obj):
                    columns[col].add(where)
                continue
            if inspect.ismodule(obj) or not callable(obj):
                continue
            target = obj.__init__ if inspect.isclass(obj) else obj
            try:
                signature = inspect.signature(target)
            except (TypeError, ValueError):
                continue
            for name in signature.parameters:
                if name not in ("self", "cls"):
                    params[name].add(where)
    # Declared result schemas of public functions that live in their modules.
    for info in pkgutil.walk_packages(toolkit.__path__, prefix=f"{toolkit.__name__}."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            if _COLUMN_CONSTANT.fullmatch(attr):
                for col in _column_names(value):
                    columns[col].add(f"{info.name}.{attr}")
    from toolkit.corpus import SCHEMA

    for col in _column_names(SCHEMA):
        columns[col].add("toolkit.corpus.SCHEMA")
    return params, columns


PARAMS, COLUMNS = _collect()


def test_the_walk_reaches_the_api():
    """Sanity: the walk sees names from several subpackages (a broken walk passes nothing)."""
    assert {"top_k", "by", "chunk_size", "n", "term", "period"} <= set(PARAMS)
    assert {"doc_id", "start", "end", "count", "per_1000", "n_words"} <= set(COLUMNS)
    assert len(PARAMS) > 100 and len(COLUMNS) > 60


@pytest.mark.parametrize("kind", ["parameter", "column"])
def test_every_public_name_is_in_the_glossary(kind):
    names = PARAMS if kind == "parameter" else COLUMNS
    missing = {n: sorted(w)[:3] for n, w in sorted(names.items()) if n not in GLOSSARY}
    assert not missing, f"{kind} names missing from toolkit/_glossary.py GLOSSARY: {missing}"


@pytest.mark.parametrize("kind", ["parameter", "column"])
def test_no_banned_synonym_is_public(kind):
    names = PARAMS if kind == "parameter" else COLUMNS
    used = {n: sorted(w)[:3] for n, w in sorted(names.items()) if n in SYNONYMS | set(BANNED)}
    assert not used, f"banned {kind} names (use the glossary's name instead): {used}"


def test_glossary_is_consistent():
    assert set(BANNED) >= SYNONYMS
    assert not set(BANNED) & set(GLOSSARY), "a banned synonym is defined in the glossary"
    assert set(BANNED.values()) <= set(GLOSSARY)
    for name, meaning in GLOSSARY.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name), name
        assert meaning.strip() and "\n" not in meaning and len(meaning) <= 100, name


def test_the_names_page_lists_every_entry():
    doc = importlib.import_module("toolkit._glossary").__doc__
    for name in GLOSSARY:
        assert f"``{name}``\n" in doc, name
    assert "toolkit._glossary" in (toolkit.__doc__ or "")
