"""The lexicon registry: every shipped lexicon is registered and loads by name."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import toolkit
import toolkit.lexicons as lx
from toolkit.errors import InputError

DATA = Path(toolkit.__file__).parent / "data"
#: Files under toolkit/data that are not lexicons: documentation, the registry, a corpus.
NOT_LEXICONS = {"lexicons.csv", "sample/articles.jsonl"}


def _shipped_files() -> set[str]:
    return {
        p.relative_to(DATA).as_posix()
        for p in DATA.rglob("*")
        if p.is_file() and p.name != "README.md" and "__pycache__" not in p.parts
    } - NOT_LEXICONS


def test_every_shipped_lexicon_file_is_registered():
    registered = set(lx.available()["path"])
    unregistered = _shipped_files() - registered
    assert not unregistered, f"add these files to toolkit/data/lexicons.csv: {sorted(unregistered)}"


def test_every_registered_file_exists_and_names_are_unique():
    reg = lx.available()
    assert not reg.duplicated(["name", "language"]).any()
    missing = [p for p in reg["path"] if not (DATA / p).is_file()]
    assert not missing
    assert set(reg["format"]) <= set(lx.FORMATS)
    assert (reg["description"].str.len() > 10).all() and (reg["source"] != "").all()


@pytest.mark.parametrize("name", lx.available()["name"].tolist())
def test_every_registered_lexicon_loads(name):
    row = lx.available().set_index("name").loc[name]
    value = lx.load(name)
    assert len(value) > 0
    kinds = {"words": frozenset, "csv": pd.DataFrame, "tsv": pd.DataFrame, "sections": dict,
             "dictionary": pd.DataFrame}
    if row["format"] in kinds:
        assert isinstance(value, kinds[row["format"]])
    if isinstance(value, frozenset):
        assert all(isinstance(w, str) and w == w.strip() and w for w in value)
        assert not any(w.startswith("#") for w in value)
    if isinstance(value, pd.DataFrame):
        assert value.attrs["source"].endswith(row["path"])
        assert not value.columns.duplicated().any()
    assert lx.path(name).name == Path(row["path"]).name


def test_lists_match_what_their_modules_read():
    from toolkit.actors._gazetteer import _read_csv
    from toolkit.quotes._lexicon import _csv_rows
    from toolkit.tokenize._data import read_lines

    assert lx.load("closings") == frozenset(read_lines("closings_en.txt"))
    assert len(lx.load("countries")) == len(_read_csv("countries.csv"))
    lemmas = [r["lemma"] for r in _csv_rows("cue_verbs.csv")]
    assert lx.load("cue_verbs")["lemma"].tolist() == lemmas
    assert lx.load("titles")["word"].tolist() == [r["word"] for r in _csv_rows("titles.txt")]


def test_quotes_lexicons_are_registered_by_name():
    assert "say" in set(lx.load("cue_verbs")["lemma"])
    assert {"minister", "president"} <= set(lx.load("titles")["word"])
    assert "he" in set(lx.load("pronouns")["pronoun"])
    assert {"prev_ok", "titles"} <= set(lx.load("guard_words"))


def test_unknown_name_and_language_are_input_errors():
    with pytest.raises(InputError, match="no shipped lexicon named 'stopword'"):
        lx.load("stopword")
    with pytest.raises(InputError, match="not shipped in language 'fa'"):
        lx.load("stopwords", language="fa")
    assert len(lx.load("hijri_months", language="fa")) > 0  # 'mul' serves every language


def test_available_filters():
    assert set(lx.available(kind="stopwords")["name"]) >= {"stopwords", "stopwords_news"}
    assert set(lx.available(kind="titles")["name"]) >= {"titles", "honorifics"}
    assert (lx.available(language="en")["language"].isin(["en", "mul"])).all()


def test_data_readme_lists_every_lexicon():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    missing = [n for n in lx.available()["name"] if f"| `{n}` |" not in readme]
    assert not missing, f"toolkit/data/README.md lacks {missing}"


def test_load_never_hands_out_the_cached_object():
    first = lx.load("guard_words")
    first["titles"] = frozenset()
    assert lx.load("guard_words")["titles"]
    frame = lx.load("titles")
    frame.loc[0, "word"] = "changed"
    assert lx.load("titles").loc[0, "word"] == "minister"
