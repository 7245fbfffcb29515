"""Strategies and checks shared by the fuzz properties (imported from ``tests/fuzz``).

Texts mix news-like words (actors, speech verbs, titles), quotation marks of every kind,
punctuation, white space and newlines, Arabic and Persian script, bidi and zero-width marks,
and random Unicode, so that the tokenizer, the quote pairing, the actor matcher and the
dictionaries all meet their special cases.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

import pandas as pd
from hypothesis import settings
from hypothesis import strategies as st

from toolkit.errors import ToolkitError

FUZZ = os.environ.get("DCT_FUZZ", "") not in ("", "0")
PROFILE = "fuzz" if FUZZ else "fuzz-default"


def budget(max_examples: int | None = None):
    """The settings of the active profile; ``max_examples`` lowers it in the normal run only."""
    base = settings.get_profile(PROFILE)
    if FUZZ or max_examples is None:
        return settings(base)
    assert max_examples >= 50, "keep at least 50 examples a property"
    return settings(base, max_examples=max_examples)


WORDS = [
    "Iran", "Iraq", "Tehran", "Baghdad", "Gaza", "Israel", "Hezbollah", "Hamas", "Lebanon",
    "Saudi Arabia", "Qatar", "the UN", "U.S.", "EU", "Islamic State (IS)", "IS", "Jordan",
    "Washington", "Turkey", "Syrian Observatory for Human Rights", "Kurdistan Region of Iraq",
    "Iranian", "Israeli", "Zionist regime", "Foreign Minister", "President", "Mr.", "Dr.",
    "Othman Al-Araji", "al-Sadr", "Araghchi", "he", "she", "they", "the ministry",
    "said", "told", "says", "added", "according to", "warned", "stressed that", "asked",
    "nuclear deal", "sanctions", "peace talks", "ceasefire", "truce", "security", "war",
    "the", "a", "and", "of", "in", "on", "that", "not", "good", "excellent", "killed",
    "No. 10", "10,000", "1.2%", "2017", "e.g.", "don't", "Iran’s", "Iraq's", "non-official",
    "http://x.org/a?b=1", "me@x.com", "#Iran", ":)", "[6]", "...", "…", "--", "—", "–",
]
MARKS = ["\"", "“", "”", "„", "‟", "«", "»", "‘", "’", "'", "`", "``", "''", "‹", "›",
         "「", "」"]
PUNCT = [".", ",", ";", ":", "!", "?", "?!", "(", ")", "[", "]", "-", "/", "*", "&"]
SPACE = [" ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2028", " \n "]
SCRIPT = ["ایران", "العراق", "طهران", "وزیر امور خارجه", "گفت", "قال", "«سلام»",
          "\u200f", "\u200e", "\u200b", "\u200c", "\ufeff", "\ufffd", "é", "e\u0301", "ﬁ",
          "İ", "ß", "Σ", "𝐈𝐫𝐚𝐧", "🙂", "\x00", "\x0b"]

piece = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(PUNCT),
    st.sampled_from(SPACE), st.sampled_from(SCRIPT), st.text(max_size=4),
)
news_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MARKS),
              st.sampled_from(PUNCT), st.just(" "), st.just(" "), st.just(" ")),
    max_size=60,
).map("".join)

#: One document's text.
texts = st.one_of(
    news_text,
    st.lists(piece, max_size=50).map("".join),
    st.text(max_size=120),
    st.just(""),
)

doc_ids = st.one_of(
    st.from_regex(r"[a-z0-9_-]{1,8}", fullmatch=True),
    st.text(min_size=1, max_size=6),
)


@st.composite
def corpora(draw, *, max_docs: int = 4, dated: bool = False, outlets: bool = False):
    """A corpus DataFrame (``doc_id``, ``text``; optionally ``date`` and ``outlet``)."""
    ids = draw(st.lists(doc_ids, max_size=max_docs, unique=True))
    data: dict[str, list] = {"doc_id": ids, "text": [draw(texts) for _ in ids]}
    if dated:
        day = st.one_of(st.none(), st.dates(pd.Timestamp("2016-01-01").date(),
                                            pd.Timestamp("2018-12-31").date()))
        data["date"] = [draw(day) for _ in ids]
    if outlets:
        data["outlet"] = [draw(st.sampled_from(["BBC", "TASS", "Al Jazeera", None]))
                          for _ in ids]
    frame = pd.DataFrame(data)
    if dated:
        frame["date"] = pd.to_datetime(frame["date"])
    return frame


def run(fn: Callable, *args, **kwargs):
    """``fn(*args, **kwargs)``, or None when it raises one of the toolkit's documented errors.

    Any other exception propagates and fails the property.
    """
    try:
        return fn(*args, **kwargs)
    except ToolkitError:
        return None


def check_spans(frame: pd.DataFrame, texts_by_id: dict[str, str], *, start: str = "start",
                end: str = "end", surface: str | None = None) -> None:
    """Offsets in bounds and, with ``surface``, ``text[start:end] == surface``; rows whose
    start is missing (<NA>, a quote without a speaker) are skipped."""
    for row in frame.itertuples(index=False):
        row = row._asdict()
        s, e = row[start], row[end]
        if pd.isna(s) and pd.isna(e):
            continue
        text = texts_by_id[row["doc_id"]]
        assert isinstance(int(s), int) and 0 <= s <= e <= len(text), (s, e, len(text))
        if surface is not None:
            assert text[int(s):int(e)] == row[surface], (text[int(s):int(e)], row[surface])


def check_ids(frame: pd.DataFrame, corpus: pd.DataFrame, column: str = "doc_id") -> None:
    """Every ``doc_id`` of the result comes from the input."""
    assert set(frame[column].astype(str)) <= set(corpus["doc_id"].astype(str))


def check_same(first: pd.DataFrame, second: pd.DataFrame) -> None:
    """The same input gave the same frame (values, dtypes, index, attrs)."""
    pd.testing.assert_frame_equal(first, second)
    assert _attrs(first) == _attrs(second)


def _attrs(frame: pd.DataFrame) -> dict:
    return {k: ("nan" if isinstance(v, float) and v != v else v) for k, v in frame.attrs.items()}


def by_id(corpus: pd.DataFrame) -> dict[str, str]:
    return dict(zip(corpus["doc_id"].astype(str), corpus["text"], strict=True))


def ids_of(items: Iterable[tuple[str, str]]) -> list[str]:
    return [d for d, _ in items]
