"""Dictionary loading (YAML, CSV, dict), glob and multiword matching, counts and rates."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.dictionary import count, load_dictionary, matches
from toolkit.errors import InputError, SchemaError


def test_yaml_nested_and_csv(tmp_path):
    y = tmp_path / "d.yaml"
    y.write_text("conflict:\n  armed: [war*, air strike*]\n  verbal: [threat*]\n"
                 "peace: [ceasefire]\n", encoding="utf-8")
    d = load_dictionary(y)
    assert sorted(d["category"].unique()) == ["conflict.armed", "conflict.verbal", "peace"]
    c = tmp_path / "d.csv"
    c.write_text("category,pattern\nsecurity,secur*\nsecurity,border control\n", encoding="utf-8")
    assert load_dictionary(c).values.tolist() == [["security", "secur*"],
                                                  ["security", "border control"]]


def test_bad_dictionaries(tmp_path):
    y = tmp_path / "bad.yaml"
    y.write_text("a: [x\n", encoding="utf-8")
    with pytest.raises(InputError, match="malformed YAML"):
        load_dictionary(y)
    y.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(InputError, match="categories"):
        load_dictionary(y)
    with pytest.raises(InputError, match="empty pattern"):
        load_dictionary({"a": ["x", ""]})
    with pytest.raises(InputError, match="no such dictionary"):
        load_dictionary(tmp_path / "missing.yaml")


def test_glob_and_multiword_offsets():
    text = "Security forces met; peace talks and the peace process. Insecurity? Secure."
    d = {"sec": ["secur*"], "peace": ["peace", "peace talk*", "peace process"]}
    m = matches(text, d)
    for row in m.itertuples():
        assert text[row.start : row.end] == row.surface
    assert m[m["category"] == "sec"]["surface"].tolist() == ["Security", "Secure"]
    # longest entry wins inside a category, no double count of "peace"
    assert m[m["category"] == "peace"]["surface"].tolist() == ["peace talks", "peace process"]


def test_globs_match_whole_tokens_of_the_one_tokenizer():
    text = "Iran’s allies, Iran-backed groups and Iranians met in Iran."
    m = matches(text, {"iran": ["Iran*"]})
    assert m["surface"].tolist() == ["Iran", "Iran", "Iranians", "Iran"]
    assert (m["end"] - m["start"]).tolist() == [4, 4, 8, 4]  # never the possessive


def test_question_mark_glob():
    m = matches("defence and defense", {"d": ["defen?e"]})
    assert m["surface"].tolist() == ["defence", "defense"]


def test_count_per_doc_and_group():
    corpus = pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "text": ["War, war and trade.", "Peace.", ""],
        "outlet": ["X", "Y", "X"],
    })
    d = {"conflict": ["war"], "economy": ["trade"]}
    per_doc = count(corpus, d)
    assert len(per_doc) == 6
    a = per_doc.set_index(["doc_id", "category"])
    assert a.loc[("a", "conflict"), "count"] == 2
    assert a.loc[("a", "conflict"), "n_words"] == 4
    assert a.loc[("a", "conflict"), "per_1000"] == pytest.approx(2 / 4 * 1000)
    assert pd.isna(a.loc[("c", "economy"), "per_1000"])
    g = count(corpus, d, by="outlet").set_index(["outlet", "category"])
    assert g.loc[("X", "conflict"), "n_docs"] == 2
    assert g.loc[("X", "conflict"), "per_1000"] == pytest.approx(2 / 4 * 1000)
    with pytest.raises(SchemaError, match="by column"):
        count(corpus, d, by="author")


def test_shipped_framing_dictionary_on_pages(seed_raw):
    d = load_dictionary("framing")
    assert set(d["category"]) == {"security", "economy", "humanitarian",
                                  "diplomacy_cooperation", "conflict"}
    c = count(seed_raw, "framing").set_index("category")["count"]
    # both pages are about security cooperation between two neighbours
    assert c["security"] > c["conflict"] and c["diplomacy_cooperation"] > c["conflict"]
