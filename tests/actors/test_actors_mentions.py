"""Unit tests of toolkit.actors.mentions: rules for case, longest match, possessives, guards."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit.actors import MENTION_COLUMNS, load_gazetteer, mentions
from toolkit.errors import SchemaError


def _pairs(text: str, **kw) -> list[tuple[str, str]]:
    """(surface, actor) of the gazetteer mentions (persons left out: see tests/people)."""
    m = mentions(text, **kw)
    for row in m.itertuples():
        assert text[row.start : row.end] == row.surface
    m = m[m["actor_type"] != "person"]
    return list(zip(m["surface"], m["actor"], strict=True))


def test_columns_and_offsets():
    m = mentions(["Iran met Iraq.", "", "Nothing here."])
    assert list(m.columns) == MENTION_COLUMNS
    assert m["doc_id"].tolist() == ["doc0", "doc0"]
    assert m["start"].dtype == "int64" and m["in_quote"].dtype == bool


def test_empty_result_has_columns():
    m = mentions("no actors at all")
    assert m.empty and list(m.columns) == MENTION_COLUMNS


def test_longest_match_and_possessive():
    text = "the Kurdistan Region of Iraq and Iran’s and Iraq's envoys"
    assert _pairs(text) == [
        ("Kurdistan Region of Iraq", "Kurdistan Region of Iraq"),
        ("Iran", "Iran"),
        ("Iraq", "Iraq"),
    ]


def test_case_rules_ordinary_words():
    assert _pairs("We ate turkey with us and china plates.") == []
    assert _pairs("Turkey told US officials.") == [("Turkey", "Turkey"), ("US", "United States")]


def test_person_named_like_a_country_is_not_a_mention():
    text = "Rep. Jim Jordan met Jordan Peterson; Jordan's king met Chad Wolf."
    assert _pairs(text) == [("Jordan", "Jordan")]
    m = mentions(text)
    states = m[m["actor_type"] == "state"]
    assert text[states["start"].iloc[0] :].startswith("Jordan's king")
    assert m.loc[m["actor_type"] == "person", "surface"].tolist() == [
        "Jim Jordan", "Jordan Peterson", "Chad Wolf"]


def test_guarded_after_function_word_and_sentence_end():
    assert _pairs("Troops left. Jordan closed its border with Syria.") == [
        ("Jordan", "Jordan"),
        ("Syria", "Syria"),
    ]


def test_blocked_phrases():
    text = "The Washington Post and Voice of America covered Latin America and Washington."
    assert _pairs(text) == [("Washington", "United States")]


def test_demonyms_plurals_labels():
    m = mentions("Iranians and Iraqis blamed the Zionist regime and Tehran.")
    assert m["actor"].tolist() == ["Iran", "Iraq", "Israel", "Iran"]
    assert m["label_type"].tolist() == ["demonym", "demonym", "state_media", "capital"]


def test_organisations_have_country():
    m = mentions("Hezbollah, the IRGC and the UN Security Council.")
    assert m["actor"].tolist() == ["Hezbollah", "Islamic Revolutionary Guard Corps",
                                   "UN Security Council"]
    assert m["country"].fillna("").tolist() == ["LB", "IR", ""]
    assert m["actor_type"].tolist() == ["armed_group", "armed_group", "organisation"]


def test_in_quote():
    text = 'He said: “Iraq is safe.” Then "Iran" and Syria.'
    m = mentions(text)
    assert dict(zip(m["surface"], m["in_quote"], strict=True)) == {
        "Iraq": True, "Iran": True, "Syria": False}


def test_offices_opt_in():
    text = "Iraqi Interior Minister Othman Al-Araji"
    assert "office" not in set(mentions(text)["actor_type"])
    m = mentions(text, offices=True, persons=False)
    assert m[["surface", "actor"]].values.tolist() == [
        ["Iraqi", "Iraq"], ["Interior Minister", "Interior Minister"]]


def test_user_gazetteer_file(tmp_path):
    f = tmp_path / "mine.csv"
    f.write_text("alias,actor,actor_type,country\nAxis of Resistance,Axis of Resistance,"
                 "organisation,\nJordan,Jordan River,block,\n", encoding="utf-8")
    m = mentions("The Axis of Resistance and Jordan.", gazetteer=f)
    assert m["actor"].tolist() == ["Axis of Resistance"]
    assert m["label_type"].tolist() == ["user"]


def test_user_gazetteer_bad_file(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text("alias,actor,actor_type\nX,Y,planet\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="line 2"):
        load_gazetteer(f)
    f.write_text("name,actor\nX,Y\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="alias"):
        load_gazetteer(f)


def test_gazetteer_has_no_conflicting_aliases():
    g = load_gazetteer()
    assert not g["alias"].duplicated().any()
    assert set(g["actor_type"]) <= {"state", "territory", "organisation", "armed_group",
                                    "office", "block"}
    states = g[g["actor_type"] == "state"]
    assert states["country"].notna().all()


def test_corpus_frame_input():
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Qatar.", "Oman and Egypt."]})
    m = mentions(corpus)
    assert m["doc_id"].tolist() == ["a", "b", "b"]


def test_abbreviation_defined_in_text():
    text = "The Supreme Military Council (SMC) met. Later the SMC split. Turkey (AP) said so. AP"
    m = mentions(text)
    smc = m[m["surface"] == "SMC"]
    assert len(smc) == 2 and (smc["actor"] == "Supreme Military Council").all()
    assert (smc["label_type"] == "abbreviation").all()
    # "AP" is not the initials of "Turkey": not an abbreviation of it
    assert "AP" not in set(m["surface"])


def test_names_of_non_actors_and_persons():
    text = ("A report by the Syrian Center for Policy Research, Kabul University and "
            "David French; Syrian forces left Kabul.")
    assert _pairs(text) == [("Syrian", "Syria"), ("Kabul", "Afghanistan")]


def test_headlines_in_capitals_and_title_case():
    assert _pairs("BEIRUT, Lebanon — TURKEY'S ROLE") == [
        ("BEIRUT", "Lebanon"), ("Lebanon", "Lebanon"), ("TURKEY", "Turkey")]
    assert _pairs("Truce Reached: Israel And Hamas Agree") == [
        ("Israel", "Israel"), ("Hamas", "Hamas")]
    assert _pairs("Kerry flew to London Tuesday.") == [("London", "United Kingdom")]


def test_every_data_file_is_documented():
    from importlib import resources

    folder = resources.files("toolkit").joinpath("data/actors")
    readme = folder.joinpath("README.md").read_text(encoding="utf-8")
    files = [f.name for f in folder.iterdir() if f.name.endswith((".csv", ".txt"))]
    assert len(files) >= 7
    for name in files:
        assert f"`{name}`" in readme, f"{name} is not described in data/actors/README.md"


@pytest.mark.parametrize("text", [
    "He said «Iran will not yield» and Syria agreed.",
    "He said ``Iran will not yield'' and Syria agreed.",
    "He said “Iran will not yield” and Syria agreed.",
    'He said "Iran will not yield" and Syria agreed.',
    "He said “Iran will not yield, and Syria agreed.\n\nIraq left.",
    "Iraq and Syria met.",
])
def test_in_quote_is_where_the_one_pairer_finds_quotations(text):
    from toolkit.annotate import annotate

    ac = annotate(text, cache=False)
    spans = [(r.start, r.end) for r in ac.quote_marks.itertuples()]
    for m in (mentions(text), mentions(ac)):
        expected = [any(s <= start < e for s, e in spans) for start in m["start"]]
        assert m["in_quote"].tolist() == expected
        assert m.set_index("surface")["in_quote"].to_dict()["Syria"] == ("\n" in text)
    assert mentions(text).equals(mentions(ac))
    assert bool(spans) == ("Iran" in text)  # every quotation style is found
    if spans:
        assert m.set_index("surface")["in_quote"]["Iran"]


def test_person_rows_agree_with_resolve_people_and_leave_no_overlap():
    # mentions reads the people finder's rows without a frame per document: same persons as
    # resolve_people, and no gazetteer match inside a person span ("Israel Katz")
    from toolkit.people import resolve_people

    docs = ["Iranian Foreign Minister Abbas Araghchi met Israel Katz in Oman. Araghchi said no.",
            "Delegates of several Nordic states met. Mr. Brandt left for Iraq."]
    found = mentions(pd.DataFrame({"doc_id": ["a", "b"], "text": docs}))
    for doc_id, text in zip(["a", "b"], docs, strict=True):
        mine = found[(found["doc_id"] == doc_id) & (found["actor_type"] == "person")]
        ref = resolve_people(text, doc_id=doc_id, titles=False)
        assert mine[["start", "end", "surface"]].values.tolist() == \
            ref[["start", "end", "surface"]].values.tolist()
        assert mine["actor"].tolist() == ref["name"].tolist()
        assert mine["affiliation"].tolist() == ref["affiliation"].tolist()
        rest = found[(found["doc_id"] == doc_id) & (found["actor_type"] != "person")]
        for s, e in zip(ref["start"], ref["end"], strict=True):
            assert not ((rest["start"] < e) & (rest["end"] > s)).any()
    assert found.loc[found["actor_type"] == "person", "surface"].tolist() == [
        "Abbas Araghchi", "Israel Katz", "Araghchi", "Brandt"]
