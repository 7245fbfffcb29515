"""lexicons.resolve: a name, a path (TXT/CSV/TSV/YAML), a list or a DataFrame, as shipped."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit.lexicons as lx
from toolkit.errors import InputError


def test_resolve_name_gives_the_shipped_lexicon():
    assert lx.resolve("stopwords", kind="stopwords") == lx.load("stopwords")
    both = lx.resolve("stopwords+stopwords_news", kind="stopwords")
    assert both == lx.load("stopwords") | lx.load("stopwords_news")
    assert lx.resolve("framing", kind="dictionary").equals(lx.load("framing"))


def test_resolve_refuses_a_name_of_another_kind():
    with pytest.raises(InputError, match="kind 'gazetteer', not 'stopwords'"):
        lx.resolve("countries", kind="stopwords")
    with pytest.raises(ValueError, match="unknown lexicon kind"):
        lx.resolve("stopwords", kind="stopword")


def test_resolve_list_set_series_and_frame_of_words():
    assert lx.resolve(["a", " b ", ""], kind="stopwords") == frozenset({"a", "b"})
    assert lx.resolve({"x"}, kind="mwe") == frozenset({"x"})
    assert lx.resolve(pd.Series(["p", "q"]), kind="stopwords") == frozenset({"p", "q"})
    frame = pd.DataFrame({"other": ["1"], "word": ["w"]})
    assert lx.resolve(frame, kind="stopwords") == frozenset({"w"})


def test_resolve_paths(tmp_path):
    txt = tmp_path / "mine.txt"
    txt.write_text("# my list\nTehran\n\nRiyadh\n", encoding="utf-8")
    assert lx.resolve(txt, kind="stopwords") == frozenset({"Tehran", "Riyadh"})
    assert lx.resolve(str(txt), kind="stopwords") == frozenset({"Tehran", "Riyadh"})
    csv = tmp_path / "mine.csv"
    csv.write_text("# comment\nword,note\nembassy,x\nenvoy,y\n", encoding="utf-8")
    assert lx.resolve(csv, kind="stopwords") == frozenset({"embassy", "envoy"})
    titles = lx.resolve(csv, kind="titles")
    assert isinstance(titles, pd.DataFrame) and titles["word"].tolist() == ["embassy", "envoy"]
    assert titles.attrs["source"] == str(csv)
    yml = tmp_path / "dict.yaml"
    yml.write_text("peace:\n  - ceasefire\n  - truce*\n", encoding="utf-8")
    d = lx.resolve(yml, kind="dictionary")
    assert d.values.tolist() == [["peace", "ceasefire"], ["peace", "truce*"]]
    words = tmp_path / "words.yaml"
    words.write_text("- alpha\n- beta\n", encoding="utf-8")
    assert lx.resolve(words, kind="stopwords") == frozenset({"alpha", "beta"})


def test_resolve_table_from_list_and_frame():
    d = lx.resolve(pd.DataFrame({"category": ["a"], "pattern": ["b*"], "x": [1]}),
                   kind="dictionary")
    assert d.columns.tolist() == ["category", "pattern"]
    t = lx.resolve(["minister"], kind="titles")
    assert t["word"].tolist() == ["minister"]


def test_bad_user_files_name_the_file(tmp_path):
    with pytest.raises(InputError, match="no such lexicon file") as err:
        lx.resolve(tmp_path / "absent.txt", kind="stopwords")
    assert "absent.txt" in str(err.value)
    with pytest.raises(InputError, match="no shipped lexicon named 'stopwordz'"):
        lx.resolve("stopwordz", kind="stopwords")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes(b"ok\nd\xe9j\xe0\n")
    with pytest.raises(InputError, match="not UTF-8") as err:
        lx.resolve(bad, kind="stopwords")
    assert str(err.value).startswith(f"{bad}, line 2:")
    rows = tmp_path / "rows.csv"
    rows.write_text("word,kind\nminister,head\nvice,mod,extra\n", encoding="utf-8")
    with pytest.raises(InputError, match="3 fields but the header has 2") as err:
        lx.resolve(rows, kind="titles")
    assert str(err.value).startswith(f"{rows}, line 3:")
    yml = tmp_path / "bad.yaml"
    yml.write_text("a: [b\n", encoding="utf-8")
    with pytest.raises(InputError, match="malformed YAML"):
        lx.resolve(yml, kind="dictionary")
    odd = tmp_path / "list.docx"
    odd.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="cannot tell the lexicon format"):
        lx.resolve(odd, kind="stopwords")
    with pytest.raises(InputError, match="not a string"):
        lx.resolve(["ok", 3], kind="stopwords")
    with pytest.raises(InputError, match="cannot use int"):
        lx.resolve(5, kind="stopwords")
