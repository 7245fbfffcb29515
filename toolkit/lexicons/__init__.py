"""Every word list, gazetteer table and dictionary of the toolkit, by name and language.

The shipped data files stay where their module reads them (``toolkit/data/<module>/``); the
registry ``toolkit/data/lexicons.csv`` names each one with its language, kind, format,
description and source (listed in ``toolkit/data/README.md``).

- :func:`available`: the registry as a DataFrame.
- :func:`load`: a shipped lexicon by name (a frozenset of words, a DataFrame or a dict).
- :func:`path`: where a shipped lexicon's file is.
- :func:`resolve`: a user's value (a name, a path to TXT/CSV/TSV/YAML, a list or set, a mapping,
  a DataFrame) turned into the type the shipped lexicons of that kind have. Every analysis calls
  it for its lexicon options (``tokenize(stopwords=...)``, ``actors.mentions(gazetteer=...)``,
  ``dictionary.count(dictionary=...)``), so your own list goes where a shipped one does.

One stopword family: ``stopwords`` (closed-class words) and ``stopwords_news`` (reporting
words, deictic time words, round quantities); the tokenizer and keyphrases use both. One
``titles`` lexicon (role words of officials); the other title-like lists (``offices``,
``honorifics``, ``guard_words`` [titles], ``abbreviations``) serve other purposes, said in their
descriptions.

>>> import toolkit.lexicons as lx
>>> "the" in lx.load("stopwords") and "said" in lx.load("stopwords_news")
True
>>> lx.load("titles").head(2).values.tolist()
[['minister', 'head'], ['ministers', 'head']]
>>> sorted(lx.resolve(["Tehran", "Riyadh"], kind="stopwords"))
['Riyadh', 'Tehran']
>>> lx.available(kind="dictionary")[["name", "path"]].values.tolist()
[['framing', 'dictionaries/framing.yaml']]
"""

from __future__ import annotations

from toolkit.lexicons._registry import FORMATS, REGISTRY_COLUMNS, available, path
from toolkit.lexicons._resolve import load, resolve

__all__ = ["FORMATS", "REGISTRY_COLUMNS", "available", "load", "path", "resolve"]
