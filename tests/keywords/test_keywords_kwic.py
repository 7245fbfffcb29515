"""keywords.kwic / dispersion / trend: offsets, context windows, patterns, time bins."""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest

from toolkit import keywords
from toolkit.errors import InputError, SchemaError, ToolkitWarning
from toolkit.tokenize import token_spans

CORPUS = pd.DataFrame({
    "doc_id": ["a", "b", "c"],
    "outlet": ["X", "Y", "X"],
    "date": pd.to_datetime(["2024-01-05", "2024-01-28", "2024-03-02"]),
    "text": [
        "Negotiators met in Doha. The Nuclear\ndeal talks resumed; negotiations stalled.",
        "No talks today.",
        "The nuclear deal is dead, said the envoy. A nuclear deal? Negotiating continues.",
    ],
})


def test_kwic_offsets_and_token_windows(seed_raw: str) -> None:
    from toolkit.corpus import read_article

    text = read_article(seed_raw)["text"]
    k = keywords.kwic(text, "security", window=3)
    assert len(k) == len(re.findall(r"(?<!\w)security(?!\w)", text, flags=re.I)) > 0
    spans = token_spans(text)
    for row in k.itertuples():
        assert text[row.start:row.end] == row.match
        left = [(s, e) for s, e in spans if e <= row.start][-3:]
        right = [(s, e) for s, e in spans if s >= row.end][:3]
        assert row.left == " ".join(text[left[0][0]:row.start].split())
        assert row.right == " ".join(text[row.end:right[-1][1]].split())


def test_kwic_phrase_spans_line_breaks_and_ignores_case() -> None:
    k = keywords.kwic(CORPUS, "nuclear deal", window=2)
    assert k.doc_id.tolist() == ["a", "c", "c"]
    assert k.match.tolist() == ["Nuclear\ndeal", "nuclear deal", "nuclear deal"]
    assert keywords.kwic(CORPUS, "nuclear deal", case_sensitive=True).doc_id.tolist() == [
        "c", "c"]


def test_kwic_glob_regex_and_list() -> None:
    glob = keywords.kwic(CORPUS, "negotiat*")
    assert sorted(glob.match.str.lower()) == ["negotiating", "negotiations", "negotiators"]
    rx = keywords.kwic(CORPUS, r"talks?\b", valuetype="regex")
    assert len(rx) == 2
    both = keywords.kwic(CORPUS, ["Doha", "envoy"])
    assert set(both.match) == {"Doha", "envoy"}
    fixed = keywords.kwic(CORPUS, "negotiat*", valuetype="fixed")
    assert fixed.empty and list(fixed.columns) == ["doc_id", "start", "end", "left", "match",
                                                   "right"]


@pytest.mark.parametrize("kwargs", [{"pattern": ""}, {"pattern": "(", "valuetype": "regex"},
                                    {"pattern": "x", "window": -1},
                                    {"pattern": "x", "valuetype": "lucene"}])
def test_kwic_bad_input_raises(kwargs: dict) -> None:
    with pytest.raises(InputError):
        keywords.kwic(CORPUS, **kwargs)


def test_dispersion_counts_rates_and_positions() -> None:
    d = keywords.dispersion(CORPUS, "nuclear deal")
    assert d["count"].tolist() == [1, 0, 2]
    assert list(d.columns[:3]) == ["doc_id", "date", "outlet"]
    text_c = CORPUS.text[2]
    assert d["positions"][2] == pytest.approx(
        [m.start() / len(text_c) for m in re.finditer("nuclear deal", text_c, re.I)])
    assert d["per_1000"][2] == pytest.approx(1000 * 2 / d["n_words"][2])
    assert d.attrs["range"] == pytest.approx(2 / 3)
    assert 0 <= d.attrs["juilland_d"] <= 1
    even = keywords.dispersion(["war " * 5, "war " * 5], "war")
    assert even.attrs["juilland_d"] == pytest.approx(1.0)


def test_trend_by_month_and_outlet() -> None:
    t = keywords.trend(CORPUS, {"deal": "nuclear deal", "talks": "talks"}, period="month")
    deal = t[t.term == "deal"].set_index("period")
    assert deal.loc[pd.Timestamp("2024-01-01"), "count"] == 1
    assert deal.loc[pd.Timestamp("2024-03-01"), "count"] == 2
    assert deal.loc[pd.Timestamp("2024-01-01"), "n_docs"] == 2
    row = deal.loc[pd.Timestamp("2024-03-01")]
    assert row["per_1000"] == pytest.approx(1000 * 2 / row["n_words"])
    by = keywords.trend(CORPUS, "talks", period="year", by="outlet")
    assert by.set_index("outlet")["count"].to_dict() == {"X": 1, "Y": 1}


def test_trend_warns_about_undated_documents_and_needs_dates() -> None:
    c = CORPUS.assign(date=[CORPUS.date[0], pd.NaT, CORPUS.date[2]])
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        t = keywords.trend(c, "talks")
    assert any(issubclass(x.category, ToolkitWarning) and "1 of 3" in str(x.message) for x in w)
    assert t["n_docs"].sum() == 2
    with pytest.raises(SchemaError):
        keywords.trend(CORPUS[["doc_id", "text"]], "talks")
    with pytest.raises(InputError):
        keywords.trend(CORPUS, "talks", period="decade")
