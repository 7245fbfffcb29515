"""Fuzz properties of toolkit.corpus entry points that take data in memory.

Rows in = rows out + rejects; doc_ids come from the input; the same input gives the same
corpus; only the toolkit's documented errors are raised.
"""

from __future__ import annotations

import warnings

import pandas as pd
from fuzz_strategies import budget, check_same, doc_ids, run, texts
from hypothesis import given
from hypothesis import strategies as st

import toolkit.corpus as tc

cells = st.one_of(texts, texts, st.none(), st.integers(-5, 5), st.floats(allow_nan=True))


@st.composite
def raw_frames(draw):
    """A source DataFrame as a user might pass it: ids (maybe repeated), texts, a date."""
    n = draw(st.integers(0, 5))
    ids = draw(st.lists(doc_ids, min_size=n, max_size=n))
    data = {"doc_id": ids, "text": [draw(cells) for _ in range(n)]}
    if draw(st.booleans()):
        data["date"] = [draw(st.one_of(st.none(), st.sampled_from(
            ["2017-01-05", "5 Jan 2017", "not a date", "2017-13-45", ""]))) for _ in range(n)]
    return pd.DataFrame(data)


def _load(frame, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return run(tc.load, frame, errors="collect", **options)


@budget(50)
@given(raw_frames())
def test_load_dataframe(frame):
    got = _load(frame)
    if got is None:
        return
    corpus, rejects = got, tc.rejects(got)
    assert len(corpus) + len(rejects) == len(frame)  # rows in = rows out + rejects
    # each doc_id is its row's id, or (for a blank id) made from the row: "row:<n>"
    for doc_id, line in zip(corpus["doc_id"], corpus["source_line"], strict=True):
        given_id = frame["doc_id"].iloc[line - 1]
        assert doc_id == (given_id if given_id.strip() else f"row:{line}")
    assert corpus["doc_id"].is_unique
    tc.validate(corpus)
    again = _load(frame)
    again_rejects = tc.rejects(again)
    check_same(corpus, again)
    check_same(rejects, again_rejects)


@budget(50)
@given(raw_frames(), st.integers(1, 3))
def test_iter_load_dataframe(frame, chunk_size):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        items = run(lambda: list(tc.iter_load(frame, errors="collect", chunk_size=chunk_size)))
    if items is None:
        return
    n_out = sum(len(chunk) for chunk in items)
    n_rejects = sum(len(tc.rejects(chunk)) for chunk in items)
    assert n_out + n_rejects == len(frame)
    assert all(len(chunk) <= chunk_size for chunk in items)
    whole = _load(frame)
    if whole is not None:
        joined = pd.concat(items, ignore_index=True)
        assert joined["doc_id"].tolist() == whole["doc_id"].tolist()


@budget()
@given(texts)
def test_normalize_text(text):
    out = run(tc.normalize_text, text)
    if out is None:
        return
    clean, notes = out
    assert isinstance(clean, str) and all(isinstance(n, str) for n in notes)
    assert tc.normalize_text(text) == out


@budget()
@given(st.one_of(texts, st.lists(texts, max_size=6).map("\n\n".join)))
def test_read_article(raw):
    page = run(tc.read_article, raw)
    if page is None:
        return
    assert isinstance(page, dict)
    assert all(v is None or isinstance(v, str) for v in page.values())
    assert tc.read_article(raw) == page
