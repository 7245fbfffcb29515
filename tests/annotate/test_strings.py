"""str_array builds the same string column as pd.array(..., dtype="str")."""

from __future__ import annotations

import numpy as np
import pandas as pd

from toolkit.annotate import annotate
from toolkit.annotate._strings import str_array


def test_same_as_plain_construction():
    rng = np.random.default_rng(3)
    values = ["Iran", "", "é’s", "U.S.", "a b", "Iran"]  # repeats and empty strings allowed
    for n in (0, 1, 50):
        codes = rng.integers(0, len(values), n)
        expected = pd.array([values[c] for c in codes], dtype="str")
        got = str_array(values, codes)
        assert got.dtype == expected.dtype
        assert pd.Series(got).equals(pd.Series(expected))


def test_tokens_frame_strings():
    ac = annotate(["Iran met Iraq.", "", "Talks ended; Iran left."], cache=False)
    tok = ac.tokens
    texts = dict(zip(ac.corpus["doc_id"], ac.corpus["text"], strict=True))
    assert [texts[d][s:e] for d, s, e in zip(tok["doc_id"], tok["start"], tok["end"],
                                              strict=True)] == tok["token"].tolist()
    assert tok["norm"].tolist() == [t.casefold() for t in tok["token"]]
    assert tok["pos"].tolist()[:4] == ["NNP", "VBD", "NNP", "."]
    assert str(tok["token"].dtype) == "str"
