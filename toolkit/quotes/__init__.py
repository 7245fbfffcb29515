"""Quotes and speakers: who said what, in whose name, with which verb.

>>> from toolkit import quotes
>>> df = quotes.extract("“We will respond,” the Iranian foreign minister said.")
>>> df[["kind", "speaker", "speaker_affiliation"]].values.tolist()
[['direct', 'the Iranian foreign minister', 'Iran']]
"""

from __future__ import annotations

from toolkit.quotes._extract import COLUMNS, check_marks, extract
from toolkit.quotes._lexicon import load_lexicon

__all__ = ["COLUMNS", "check_marks", "extract", "load_lexicon"]
