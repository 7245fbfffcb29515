"""Dictionary analysis as in quanteda: glob patterns and multiword entries, counts and rates.

>>> from toolkit import dictionary
>>> counts = dictionary.count("Talks on security and the economy.", "framing")
>>> counts.query("count > 0")[["category", "count"]].values.tolist()
[['diplomacy_cooperation', 1], ['economy', 1], ['security', 1]]

The shipped ``"framing"`` dictionary (``toolkit/data/dictionaries/framing.yaml``) is an
illustrative starting point, not a validated instrument: validate it on your own corpus.
"""

from __future__ import annotations

from toolkit.dictionary._dictionary import (
    DICTIONARY_COLUMNS,
    MATCH_COLUMNS,
    count,
    load_dictionary,
    matches,
)

__all__ = ["DICTIONARY_COLUMNS", "MATCH_COLUMNS", "count", "load_dictionary", "matches"]
