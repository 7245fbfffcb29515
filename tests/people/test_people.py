"""Person mentions, in-document resolution, the registry and leaders fill (issue #12).

Constructed texts only (no gold article text)."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import actors, people
from toolkit.errors import InputError


def _rows(text: str, **kw) -> list[tuple]:
    m = people.resolve_people(text, **kw)
    for r in m.itertuples():
        assert text[r.start : r.end] == r.surface
    return list(zip(m["surface"], m["name"], m["role"], m["affiliation"], m["kind"],
                    strict=True))


def test_pre_modifier_gives_role_and_affiliation():
    text = "Iranian Foreign Minister Mohammad Javad Zarif arrived on Monday."
    assert _rows(text, leaders=False) == [
        ("Mohammad Javad Zarif", "Mohammad Javad Zarif", "Foreign Minister", "Iran", "name")]
    m = people.resolve_people(text, leaders=False)
    assert m["affiliation_source"].tolist() == ["text"] and m["country"].tolist() == ["IR"]


def test_possessive_pre_modifier_and_multiword_title():
    text = "Iraq's Secretary of State Nadia Koury spoke; Nadia Koury left."
    rows = _rows(text, leaders=False)
    assert rows[0] == ("Nadia Koury", "Nadia Koury", "Secretary of State", "Iraq", "name")
    assert len(rows) == 2 and rows[1][0] == "Nadia Koury"


def test_apposition_after_and_before():
    after = "Karim Taleb, Lebanon's foreign minister, said the talks went well."
    assert _rows(after, leaders=False) == [
        ("Karim Taleb", "Karim Taleb", "foreign minister", "Lebanon", "name")]
    before = "The head of the AEOI, Reza Mirzaei, confirmed the shipment."
    ((surface, _, role, aff, _),) = _rows(before, leaders=False)
    assert surface == "Reza Mirzaei" and role == "head of the AEOI"
    assert aff == "Atomic Energy Organization of Iran"


def test_surname_and_title_alone_resolve_to_the_full_name():
    text = ("Omani Foreign Minister Salim Harthi met envoys. Harthi said the minister "
            "would travel. Later the minister spoke again.")
    m = people.resolve_people(text, leaders=False)
    assert m["kind"].tolist() == ["name", "surname", "title", "title"]
    assert m["person_id"].nunique() == 1
    assert set(m["name"]) == {"Salim Harthi"} and set(m["affiliation"]) == {"Oman"}
    assert m.loc[m["kind"] == "title", "surface"].tolist() == ["the minister"] * 2
    assert people.resolve_people(text, leaders=False, titles=False)["kind"].tolist() == [
        "name", "surname"]


def test_title_alone_needs_a_fitting_role():
    text = "Syrian President Amal Darwish met Karim Taleb. Then the minister left."
    assert "title" not in set(people.resolve_people(text, leaders=False)["kind"])


def test_no_resolution_into_quoted_content():
    text = ('The spokesman said: "Egyptian Foreign Minister Hany Saleh is wrong." '
            "The minister did not answer.")
    m = people.resolve_people(text, leaders=False)
    assert m["surface"].tolist() == ["Hany Saleh"] and m["in_quote"].tolist() == [True]


def test_news_outlet_is_not_a_person():
    text = "In remarks to Al Bayan newspaper, he said the border would open. Sami Aziz agreed."
    assert [r[0] for r in _rows(text, leaders=False)] == ["Sami Aziz"]


def test_places_organisations_and_headlines_are_not_persons():
    text = ("Latin America Watches Closely\n\nThe Supreme National Security Council met in "
            "Central Asia with the Center for Policy Studies. He said so.")
    assert _rows(text, leaders=False) == []


def _surfaces(text: str, **kw) -> list[str]:
    return [r[0] for r in _rows(text, **kw)]


@pytest.mark.parametrize("text", [
    "Delegates met at the Aurora Summit and marked Unity Day with the Lumen Foundation.",
    "She read the Harbor Privacy Policy twice.",
    "The envoy came in from Fort Base Millard on Tuesday.",
    "Leaders of several Nordic states met.",
    "Delegates of the 12th Baltic meeting left.",
    "Image copyright Nexa Lumen\n\nThe talks went on.",
    "toggle caption Nexa/Landor Wire\n\nThe talks went on.",
    "A report entitled Eliminating Corruption was read.",
    "\"God revealed the truth,\" he said.",
    "Delegates of Western states met in Rome.",  # "states": a plural noun, not a speech verb
    "Forty-three Omani sailors and Rival Yemeni groups left.",
    "The Tarsa-Oman trade volume rose.",
    "The Saudi daily Al-Nahar reported the deal.",
    "Officials of the Tarsa Chamber of Commerce met.",
    "Shells hit the northern town of Beit Karam on Monday.",
    "Iranian-made Zolfa rockets and Saudi-led Qara forces were seen.",
    "Reuters reported the strike, Xinhua said.",
    "Despite the plea, Instead nothing changed.",
    "Former Nevada Gov. and New York Rep. visits ended.",
])
def test_capitalised_non_names_are_not_persons(text):
    assert _rows(text, leaders=False) == []


def test_name_shape_keeps_persons_in_the_same_contexts():
    assert _surfaces("A letter from John Miller arrived.", leaders=False) == ["John Miller"]
    assert _surfaces("Image copyright John Miller\n\nHe left.", leaders=False) == [
        "John Miller"]
    assert _surfaces("TEHRAN- Hamid Rostami, an official at the port, said so.",
                     leaders=False) == ["Hamid Rostami"]
    assert _surfaces("Minister of Economy and Technology Werner Albers said no.",
                     leaders=False) == ["Werner Albers"]
    # "the Obama administration": a person; "in The Hague": a place, not William Hague
    assert _surfaces("Talks in The Hague over the deal ended.") == []
    assert _surfaces("Officials of the Obama administration said no.") == ["Obama"]
    # a surname that is a demonym, a person named with "of" and a state, a capital after "to"
    assert _surfaces("Zuhoor Afghan, an adviser, said no.", leaders=False) == ["Zuhoor Afghan"]
    assert _surfaces("King Abdullah of Jordan arrived.", leaders=False) == ["Abdullah"]
    assert _surfaces("He met the ambassador to Beirut Karim Sayed on Monday.",
                     leaders=False) == ["Karim Sayed"]
    # a party tag or "State Party" apposition is no name; the senator is
    assert _surfaces("Sen. Rand Cole, Kentucky Republican, said no. Rep. Ann Lee (R-Ohio) "
                     "agreed.", leaders=False) == ["Rand Cole", "Ann Lee"]
    assert _surfaces("Like Obama, Zarif wasted no time.") == ["Obama", "Zarif"]
    assert _surfaces("Despite Mr. Brandt's plea, nothing changed.", leaders=False) == [
        "Brandt"]
    # an apostrophe inside a transliterated name; not a contraction or a possessive
    assert _surfaces("Minister Ja'far Tabesh said no. Tabesh's aide and Sa’id Nouri left. "
                     "I've said it.", leaders=False) == ["Ja'far Tabesh", "Tabesh", "Sa’id Nouri"]
    # a place, a refinery, a district: the lower-case noun after the run says so
    assert _surfaces("Fire hit the Ras Kanar oil refinery and the Bab Tuma district.",
                     leaders=False) == []


def test_registry_keeps_two_people_with_one_surname_apart():
    docs = ["Speaker Ali Varzi spoke.", "Sadegh Varzi spoke.", "Varzi said no.",
            "Emad Talebi said yes.", "Talebi left."]
    m = people.person_mentions(docs, registry="corpus", leaders=False)
    names = dict(zip(m["doc_id"], m["name"], strict=True))
    assert names["doc2"] == "Varzi"  # two Varzis in the corpus: the bare name stays bare
    assert names["doc4"] == "Emad Talebi"  # one Talebi: the bare name is him
    reg = people.person_registry(people.person_mentions(docs, leaders=False))
    assert sorted(reg["name"]) == ["Ali Varzi", "Emad Talebi", "Sadegh Varzi", "Varzi"]


def test_leaders_fill_is_date_aware():
    text = "Zarif said the talks would go on."
    ((_, name, role, aff, kind),) = _rows(text, date="2015-07-14")
    assert (name, role, aff, kind) == ("Mohammad Javad Zarif", "Foreign Minister", "Iran",
                                       "surname")
    m = people.resolve_people(text, date="2015-07-14")
    assert m["affiliation_source"].tolist() == ["leaders"]
    assert m["person_id"].tolist() == ["iran-zarif-mohammad-javad"]
    later = people.resolve_people(text, date="2023-01-10")  # no longer in office
    assert later["affiliation"].tolist() == [""] and later["name"].tolist() == ["Zarif"]
    # the text's own statement wins over the leaders table
    own = people.resolve_people("Zarif, Iraq's envoy, said no.", date="2015-07-14")
    assert own["affiliation"].tolist() == ["Iraq"]
    assert own["affiliation_source"].tolist() == ["text"]


def test_undated_leader_gets_only_what_all_terms_agree_on(tmp_path):
    # one person, two offices of one state, and a second person with offices of two bodies
    table = pd.DataFrame({
        "person_id": ["x-roe", "x-roe", "x-poe", "x-poe", "x-lee"],
        "name": ["Ann Roe", "Ann Roe", "Bo Poe", "Bo Poe", "Cy Lee"],
        "aliases": ["Roe", "Roe", "Poe", "Poe", "Lee"],
        "country_or_org": ["Iraq", "Iraq", "Iraq", "United Nations", "Oman"],
        "role": ["defence_minister", "foreign_minister", "un_ambassador",
                 "secretary_general", "head_of_state"],
        "role_title": ["Defence Minister", "Foreign Minister", "Ambassador to the UN",
                       "Secretary-General", "Sultan"],
        "start": ["2001", "2005", "2001", "2006", "2001"],
        "end": ["2004", "2008", "2005", "2010", ""],
        "acting": ["false"] * 5, "source": ["test"] * 5, "notes": [""] * 5,
    })
    table.to_csv(tmp_path / "leaders.csv", index=False)
    leaders = actors.load_leaders(tmp_path / "leaders.csv")
    text = "Roe said yes. Poe said no. Lee said maybe."
    undated = people.resolve_people(text, leaders=leaders)
    assert undated["role"].tolist() == ["", "", "Sultan"]
    assert undated["affiliation"].tolist() == ["Iraq", "", "Oman"]
    assert undated["name"].tolist() == ["Ann Roe", "Bo Poe", "Cy Lee"]
    dated = people.resolve_people(text, leaders=leaders, date="2007-06-01")
    assert dated["role"].tolist() == ["Foreign Minister", "Secretary-General", "Sultan"]
    assert dated["affiliation"].tolist() == ["Iraq", "United Nations", "Oman"]
    # the shipped table: Hammond was Defence, then Foreign Secretary
    hammond = people.resolve_people("Hammond said the deal was good.")
    assert hammond[["role", "affiliation"]].values.tolist() == [["", "United Kingdom"]]
    on_day = people.resolve_people("Hammond said the deal was good.", date="2015-03-01")
    assert on_day["role"].tolist() == ["Foreign Secretary"]
    found = actors.mentions("Hammond said the deal was good.")
    assert found.loc[found["actor_type"] == "person", "affiliation"].tolist() == [
        "United Kingdom"]


def test_registry_merges_variants_across_documents_and_resolves_bare_names():
    corpus = pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "date": pd.to_datetime(["2019-01-02", "2019-03-04", "2019-05-06"]),
        "text": ["Qatari Foreign Minister Hamad Nasser al-Kuwari met envoys.",
                 "Hamad al-Kuwari, Qatar's top diplomat, left.",
                 "Kuwari said the talks had failed."],
    })
    m = people.person_mentions(corpus, leaders=False)
    assert m["doc_id"].tolist() == ["a", "b", "c"]
    reg = people.person_registry(m, corpus=corpus)
    assert len(reg) == 1
    row = reg.iloc[0]
    assert row["name"] == "Hamad Nasser al-Kuwari" and row["affiliation"] == "Qatar"
    assert row["n_docs"] == 3 and row["affiliation_count"] == 2
    assert {"Hamad al-Kuwari", "Kuwari"} <= set(row["variants"].split(";"))
    assert row["roles"].startswith("Foreign Minister (2019-01-02..2019-01-02)")
    assert (row["first_date"], row["last_date"]) == ("2019-01-02", "2019-05-06")
    # the bare surname of document c takes the registry's person and affiliation
    again = people.person_mentions(corpus, registry=reg, leaders=False)
    c = again[again["doc_id"] == "c"].iloc[0]
    assert (c["name"], c["affiliation"], c["affiliation_source"]) == (
        "Hamad Nasser al-Kuwari", "Qatar", "registry")
    assert c["person_id"] == row["person_id"]
    same = people.person_mentions(corpus, registry="corpus", leaders=False)
    assert same.equals(again)


def test_registry_csv_round_trip_with_a_correction(tmp_path):
    docs = ["Bahraini envoy Yusuf Malik met reporters.", "Malik said no."]
    reg = people.person_registry(people.person_mentions(docs, leaders=False))
    path = tmp_path / "people.csv"
    reg.to_csv(path, index=False)
    back = people.read_registry(path)
    assert back.equals(reg)
    fixed = back.copy()
    fixed.loc[0, "affiliation"] = "Kuwait"  # the researcher's correction
    fixed.to_csv(path, index=False)
    m = people.person_mentions(["Malik said no."], registry=path, leaders=False)
    assert m["affiliation"].tolist() == ["Kuwait"]
    assert m["affiliation_source"].tolist() == ["registry"]


def test_registry_errors_name_the_file(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("person_id,name\nx,Ali\n,Reza\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        people.read_registry(bad)
    bad.write_text("id,name\nx,Ali\n", encoding="utf-8")
    with pytest.raises(InputError, match="person_id"):
        people.read_registry(bad)
    with pytest.raises(InputError, match="no such person registry"):
        people.read_registry(tmp_path / "missing.csv")


def test_empty_inputs_keep_the_schema():
    empty = people.person_mentions([])
    assert list(empty.columns) == people.PERSON_COLUMNS and len(empty) == 0
    reg = people.person_registry(empty)
    assert list(reg.columns) == people.REGISTRY_COLUMNS
    assert people.resolve_people("").dtypes.astype(str).tolist() == [
        str(pd.api.types.pandas_dtype(t)) for t in people.PERSON_DTYPES.values()]


def test_actors_include_persons_and_fold_them_at_state_level():
    text = ("Kuwaiti Foreign Minister Sabah Khaled met Iraq's envoy. Khaled praised Egypt.")
    m = actors.mentions(text, leaders=False)
    persons = m[m["actor_type"] == "person"]
    assert persons["surface"].tolist() == ["Sabah Khaled", "Khaled"]
    assert set(persons["actor"]) == {"Sabah Khaled"} and set(persons["country"]) == {"KW"}
    assert set(persons["affiliation"]) == {"Kuwait"}
    edges = actors.cooccurrence(m, corpus=text)
    assert ("Egypt", "Sabah Khaled") in set(zip(edges["actor_a"], edges["actor_b"],
                                                strict=True))
    state = actors.cooccurrence(m, corpus=text, level="state")
    pairs = set(zip(state["actor_a"], state["actor_b"], strict=True))
    assert ("Egypt", "Kuwait") in pairs and "Sabah Khaled" not in set(state["actor_a"])
    assert actors.mentions(text, persons=False)["actor_type"].isin(["state"]).all()


def test_capitals_as_datelines_and_places_are_marked_and_left_out():
    text = ("BAGHDAD (AP) - Talks in Vienna resumed on Sunday, and Iraq and Iran "
            "joined.\n\nTEHRAN - Tehran rejected the plan after a visit to Baghdad.")
    m = actors.mentions(text)
    got = list(zip(m["surface"], m["actor_type"], m["label_type"], strict=True))
    assert ("BAGHDAD", "place", "dateline") in got and ("TEHRAN", "place", "dateline") in got
    assert ("Vienna", "place", "place") in got
    assert got.count(("Baghdad", "place", "place")) == 1
    assert ("Tehran", "state", "capital") in got  # the government
    nodes = set(actors.cooccurrence(m, corpus=text)[["actor_a", "actor_b"]].stack())
    assert "Austria" not in nodes
    kept = actors.cooccurrence(m, corpus=text, places=True)
    assert "Austria" in set(kept[["actor_a", "actor_b"]].stack())
    old = actors.mentions(text, places=False)
    assert "place" not in set(old["actor_type"])


def test_context_decides_jordan_and_washington():
    text = ("Rep. Jordan criticised the deal. Jordan closed its border. Washington imposed "
            "sanctions. Officials in Washington state disagreed.")
    m = actors.mentions(text, leaders=False)
    got = list(zip(m["surface"], m["actor_type"], strict=True))
    assert got[0] == ("Jordan", "person")
    assert ("Jordan", "state") in got and ("Washington", "state") in got
    # the US state is no mention of the United States (a place or not marked at all)
    assert [t for s, t in got if s == "Washington"] in (["state"], ["state", "place"])


def test_occupied_palestine_is_a_loaded_label_for_israel():
    m = actors.mentions("Tehran called for the liberation of occupied Palestine.")
    row = m[m["surface"] == "occupied Palestine"].iloc[0]
    assert (row["actor"], row["label_type"]) == ("Israel", "loaded")


def test_annotated_corpus_has_a_persons_frame():
    from toolkit.annotate import annotate

    corpus = pd.DataFrame({"doc_id": ["x"], "date": pd.to_datetime(["2015-07-14"]),
                           "text": ["Iranian Foreign Minister Javad Zarif met reporters."]})
    ac = annotate(corpus, cache=False)
    got = ac.persons
    assert list(got.columns) == people.PERSON_COLUMNS
    assert got[["surface", "name", "affiliation"]].values.tolist() == [
        ["Javad Zarif", "Mohammad Javad Zarif", "Iran"]]
    assert got.equals(people.person_mentions(corpus))


def test_lineage_words_do_not_split_a_person() -> None:
    from toolkit import people

    docs = ["Movement leader Sayyed Hamid Qarawi spoke on Monday.",
            "Hamid Qarawi said the talks would go on.",
            "Seyed Nima Dastani met aides of Hamid Qarawi."]
    found = people.person_mentions(docs, leaders=False)
    ids = found.groupby("surface")["person_id"].first()
    assert ids["Sayyed Hamid Qarawi"] == ids["Hamid Qarawi"]  # one person across articles
    assert ids["Seyed Nima Dastani"] != ids["Hamid Qarawi"]
    assert "Sayyed Hamid Qarawi" in set(found["surface"])  # the name as written stays
