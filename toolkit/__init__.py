"""Diplomacy Coverage Toolkit: analyse news coverage of regional diplomacy.

Subpackages, each with its public API in ``__all__``:

- :mod:`toolkit.corpus`: load articles into the corpus DataFrame
  (schema in ``toolkit.corpus.SCHEMA``).
- :mod:`toolkit.datasets`: the default news corpus and a tiny offline sample.
- :mod:`toolkit.tokenize`: sentences and tokens with character offsets.
- :mod:`toolkit.annotate`: the document layer: every document annotated once (paragraphs,
  sentences, tokens with POS, paired quotes), cached; analyses read it.
- :mod:`toolkit.keywords`: keyphrases, frequencies, collocations, keyness, concordances;
  :mod:`toolkit.plot` draws their frames.
- :mod:`toolkit.quotes`: who is quoted saying what, with speaker, role and affiliation.
- :mod:`toolkit.actors`: actor mentions from a regional gazetteer, co-occurrence networks.
- :mod:`toolkit.dictionary`: quanteda-style dictionaries (the shipped framing dictionary).
- :mod:`toolkit.tone`: VADER tone of sentences and documents.
- :mod:`toolkit.report`: run the notebooks and write the HTML report; :mod:`toolkit.cache`.

Import what you need, e.g. ``from toolkit import corpus``; subpackages load lazily.

Names: one name per concept across modules and columns (``top_k``, ``n``, ``term``, ``by``,
``period``, ``chunk_size``, ``doc_id``, ``start``/``end``, ``count``, ``per_1000``, ...); the
"Names" page, every public parameter and column with its one meaning, is the docstring of
:mod:`toolkit._glossary` (``help(toolkit._glossary)``, ``toolkit._glossary.GLOSSARY``).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_SUBPACKAGES = {
    "corpus",
    "datasets",
    "tokenize",
    "annotate",
    "keywords",
    "quotes",
    "actors",
    "dictionary",
    "tone",
    "plot",
    "cache",
    "errors",
    "report",
}

__all__ = ["__version__", *sorted(_SUBPACKAGES)]


def __getattr__(name: str) -> Any:
    if name in _SUBPACKAGES:
        return importlib.import_module(f"toolkit.{name}")
    raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
