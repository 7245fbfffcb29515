"""People: person mentions with role and affiliation, resolved in a document and a corpus.

:func:`resolve_people` reads one text (the function :mod:`toolkit.quotes` calls for
speakers); :func:`person_mentions` reads a corpus (optionally with a registry);
:func:`person_registry` folds mentions of a corpus into one row per person, a table you can
export, correct and pass back in (``registry=``). Roles and affiliations the text does not
give come from the leaders table (:func:`toolkit.actors.load_leaders`), on the article's date.

>>> from toolkit import people
>>> people.resolve_people("Iran's foreign minister, Javad Zarif, spoke.")[
...     ["surface", "role", "affiliation"]].values.tolist()
[['Javad Zarif', 'foreign minister', 'Iran']]
"""

from __future__ import annotations

from toolkit.people._find import PERSON_COLUMNS, PERSON_DTYPES, PERSON_KINDS, resolve_people
from toolkit.people._registry import (
    REGISTRY_COLUMNS,
    REGISTRY_DTYPES,
    person_mentions,
    person_registry,
    read_registry,
)

__all__ = [
    "PERSON_COLUMNS",
    "PERSON_DTYPES",
    "PERSON_KINDS",
    "REGISTRY_COLUMNS",
    "REGISTRY_DTYPES",
    "person_mentions",
    "person_registry",
    "read_registry",
    "resolve_people",
]
