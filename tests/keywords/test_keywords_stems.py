"""The precomputed stem table gives what the one stemmer gives."""

from __future__ import annotations

import random

from toolkit import lexicons
from toolkit.keywords._parse import _stem_table, stem
from toolkit.tokenize import stem as snowball


def test_stem_table_agrees_with_the_stemmer():
    table = _stem_table()
    assert len(table) == len(lexicons.load("stems")) > 50_000
    words = random.Random(13).sample(sorted(table), 2_000)
    for w in words:
        expected = snowball(w)
        assert (w if table[w] == "=" else table[w]) == expected, w
        assert stem(w) == stem(w.upper()) == expected


def test_words_missing_from_the_table_are_stemmed():
    table = _stem_table()
    for w in ("wildlife-rich", "Hezbollahs", "negotiationsxyz"):
        assert w.casefold() not in table
        assert stem(w) == snowball(w)
    assert stem("Iran’s") == snowball("Iran’s")  # apostrophes: the stemmer folds them
