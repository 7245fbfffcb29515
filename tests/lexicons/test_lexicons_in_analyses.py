"""A user's own lexicon reaches the analyses through lexicons.resolve."""

from __future__ import annotations

import pytest

import toolkit.lexicons as lx
from toolkit.tokenize import stopwords, tokenize

TEXT = "Tehran said the envoy met officials in Riyadh."


def test_user_stopword_list_changes_is_stop(tmp_path):
    shipped = tokenize(TEXT).set_index("token")["is_stop"]
    assert shipped["the"] and shipped["said"] and not shipped["Tehran"]
    mine = tokenize(TEXT, stopwords=["Tehran", "envoy"]).set_index("token")["is_stop"]
    assert mine["Tehran"] and mine["envoy"] and not mine["the"] and not mine["said"]
    path = tmp_path / "mine.txt"
    path.write_text("# mine\nriyadh\n", encoding="utf-8")
    from_file = tokenize(TEXT, stopwords=path, extra_stopwords=["met"])
    assert from_file.loc[from_file["is_stop"], "token"].tolist() == ["met", "Riyadh"]
    by_name = tokenize(TEXT, stopwords="stopwords").set_index("token")["is_stop"]
    assert by_name["the"] and not by_name["said"]


def test_user_stopwords_reach_an_annotated_corpus():
    from toolkit.annotate import annotate

    ac = annotate(TEXT)
    out = tokenize(ac, stopwords=["envoy"])
    assert out.loc[out["is_stop"], "token"].tolist() == ["envoy"]


def test_one_stopword_family():
    assert stopwords("en") == {w.lower() for w in lx.load("stopwords")}
    assert stopwords("en+news") == {w.lower() for w in lx.load("stopwords")
                                    | lx.load("stopwords_news")}
    assert stopwords("stopwords+stopwords_news") == stopwords("en+news")
    assert not lx.available(kind="stopwords")["name"].isin(["stopwords_keywords"]).any()


def test_user_mwe_list_and_file(tmp_path):
    text = "The Axis of Resistance met in Gaza Strip."
    mine = tokenize(text, mwe=["axis of resistance"])
    assert "Axis of Resistance" in mine["token"].tolist()
    assert "Gaza Strip" not in mine["token"].tolist()
    path = tmp_path / "mwe.txt"
    path.write_text("Gaza Strip\n", encoding="utf-8")
    assert "Gaza Strip" in tokenize(text, mwe=path)["token"].tolist()
    with pytest.raises(FileNotFoundError):
        tokenize(text, mwe=tmp_path / "absent.txt")


def test_user_gazetteer_reaches_actors_mentions(tmp_path):
    from toolkit.actors import load_gazetteer, mentions

    text = "The Axis of Resistance warned Israel."
    assert "Axis of Resistance" not in mentions(text)["surface"].tolist()
    path = tmp_path / "mine.csv"
    path.write_text("# my actors\nalias,actor,actor_type\n"
                    "Axis of Resistance,Axis of Resistance,organisation\n", encoding="utf-8")
    found = mentions(text, gazetteer=path)
    assert found["surface"].tolist() == ["Axis of Resistance", "Israel"]
    assert found["label_type"].iloc[0] == "user"
    import pandas as pd

    frame = pd.DataFrame({"alias": ["Axis"], "actor": ["Axis"], "actor_type": ["organisation"]})
    table = load_gazetteer(frame)
    assert table.loc[table["alias"] == "Axis", "actor"].tolist() == ["Axis"]


def test_bad_user_gazetteer_names_the_file_and_line(tmp_path):
    from toolkit.actors import mentions
    from toolkit.errors import InputError

    path = tmp_path / "bad.csv"
    path.write_text("alias,actor,actor_type\nX,X,planet\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown actor_type") as err:
        mentions("X", gazetteer=path)
    assert str(err.value).startswith(f"{path}, line 2:")
    with pytest.raises(FileNotFoundError):
        mentions("X", gazetteer=tmp_path / "absent.csv")


def test_user_dictionary_reaches_count(tmp_path):
    from toolkit.dictionary import count

    text = "A ceasefire and a truce were agreed."
    path = tmp_path / "peace.yaml"
    path.write_text("peace:\n  - ceasefire\n  - truce\n", encoding="utf-8")
    by_file = count(text, dictionary=path)
    assert by_file.loc[by_file["category"] == "peace", "count"].tolist() == [2]
    frame = lx.resolve(path, kind="dictionary")
    assert count(text, dictionary=frame)["count"].tolist() == [2]
    shipped = count(text, dictionary="framing")
    assert set(shipped["category"]) == set(lx.load("framing")["category"])


def test_user_sentiment_lexicon_reaches_tone(tmp_path):
    from toolkit.errors import InputError
    from toolkit.tone import sentences

    text = "The talks were a great success."
    assert sentences(text)["compound"].iloc[0] > 0
    path = tmp_path / "mine.txt"
    path.write_text("success\t-3.0\t0.5\t[-3, -3]\ngreat\t-1\n", encoding="utf-8")
    assert sentences(text, lexicon=path)["compound"].iloc[0] < 0
    assert sentences(text)["compound"].iloc[0] > 0  # the shipped analyzer is untouched
    bad = tmp_path / "bad.txt"
    bad.write_text("success\tvery\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a number") as err:
        sentences(text, lexicon=bad)
    assert str(bad) in str(err.value)


def test_keyphrases_use_the_one_stopword_family_and_take_a_users_own(tmp_path):
    from toolkit.keywords import extract
    from toolkit.keywords._parse import stopwords as keyword_stopwords

    assert keyword_stopwords() == stopwords("en+news")
    text = ("Tehran talks on the nuclear deal resumed. The nuclear deal talks in Tehran "
            "went on as nuclear deal envoys met.")
    shipped = extract(text, top_k=5)["phrase"].str.lower().tolist()
    assert any("nuclear" in p for p in shipped)
    mine = extract(text, top_k=5, stopwords=["nuclear", "the"])["phrase"].str.lower().tolist()
    assert not any(p.split()[0] == "nuclear" or p.split()[-1] == "nuclear" for p in mine)
    path = tmp_path / "furniture.txt"
    path.write_text("deal\n", encoding="utf-8")
    no_deal = extract(text, top_k=5, furniture=path)["phrase"].str.lower().tolist()
    assert no_deal and not any("deal" in p.split() for p in no_deal)
    assert extract(text, top_k=5)["phrase"].str.lower().tolist() == shipped  # nothing sticks


def test_snowball_is_the_only_stemmer_in_toolkit():
    from pathlib import Path

    import toolkit
    from toolkit.keywords._parse import stem as keyword_stem
    from toolkit.tokenize import stem

    root = Path(toolkit.__file__).parent
    offenders = [str(p.relative_to(root)) for p in root.rglob("*.py")
                 if any(name in p.read_text(encoding="utf-8")
                        for name in ("PorterStemmer", "LancasterStemmer", "nltk.stem.porter"))]
    assert not offenders, f"use toolkit.tokenize.stem (Snowball) in {offenders}"
    for word in ("Negotiations", "officials", "generously", "Hezbollah"):
        assert keyword_stem(word) == stem(word)
    assert stem("generously") == "generous"  # Snowball; Porter gives "gener"
