"""The leaders table (issue #12, point 3): shipped data, its loader and the date-aware lookup."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from toolkit import actors, lexicons
from toolkit.actors._leaders import _norm
from toolkit.errors import InputError

STATES = ["Iran", "Iraq", "Syria", "Lebanon", "Israel", "Palestine", "Jordan", "Egypt",
          "Saudi Arabia", "United Arab Emirates", "Qatar", "Bahrain", "Kuwait", "Oman", "Yemen",
          "Turkey", "United States", "United Kingdom", "France", "Russia", "China"]
STATE_ROLES = ["head_of_state", "head_of_government", "foreign_minister", "defence_minister",
               "un_ambassador"]
ORG_HEADS = {"United Nations": "secretary_general",
             "International Atomic Energy Agency": "director_general",
             "European Union": "high_representative",
             "Arab League": "secretary_general",
             "Gulf Cooperation Council": "secretary_general"}
# The Palestinian Authority has no defence ministry (security is under the interior minister).
NO_SUCH_OFFICE = {("Palestine", "defence_minister")}
# Offices left vacant for a while (notes of the neighbouring rows say so): (place, role) -> days.
VACANCIES = {("Iraq", "defence_minister"): ("2016-08-25", "2017-01-30"),
             ("Lebanon", "head_of_state"): ("2022-10-31", "2025-01-09")}
SAMPLE_DATES = ["2005-06-01", "2013-06-01", "2017-01-15", "2021-03-01", "2024-06-01"]


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return actors.load_leaders()


def test_schema_and_dtypes(table):
    assert list(table.columns) == actors.LEADER_COLUMNS
    dtypes = table.dtypes.astype(str).to_dict()
    assert dtypes["start_date"] == dtypes["end_date"] == "datetime64[ns]"
    assert dtypes["acting"] == "bool"
    assert set(table["role"]) <= set(actors.LEADER_ROLES)
    assert set(table["start_precision"]) <= {"day", "month", "year"}
    assert set(table["end_precision"]) <= {"day", "month", "year", ""}
    assert table["start_date"].notna().all()
    assert (table["end_date"].isna() == (table["end_precision"] == "")).all()
    ended = table[table["end_date"].notna()]
    assert (ended["end_date"] >= ended["start_date"]).all()
    assert table["person_id"].str.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+").all()
    # the same person keeps one name (person_id -> name is a function)
    assert (table.groupby("person_id")["name"].nunique() == 1).all()
    assert len(table) > 600


def test_file_columns_and_registry():
    raw = lexicons.load("leaders")
    assert list(raw.columns) == ["person_id", "name", "aliases", "country_or_org", "role",
                                 "role_title", "start", "end", "acting", "source", "notes"]
    assert set(raw["acting"]) <= {"true", "false"}
    assert raw["start"].str.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?").all()
    assert raw["end"].str.fullmatch(r"(\d{4}(-\d{2}(-\d{2})?)?)?").all()


def test_every_row_has_a_source_and_open_terms_say_as_of_when(table):
    assert (table["source"].str.strip().str.len() > 10).all()
    open_rows = table[table["end_date"].isna()]
    assert open_rows["notes"].str.contains("in office as of").all()


def test_country_and_org_names_are_the_gazetteers(table):
    names = set(lexicons.load("countries")["actor"]) | set(lexicons.load("organisations")["actor"])
    assert set(table["country_or_org"]) <= names
    assert set(STATES) | set(ORG_HEADS) == set(table["country_or_org"])


def test_date_rounding_takes_the_widest_reading():
    rows = actors.load_leaders()
    year = rows[(rows["start_precision"] == "year")].iloc[0]
    assert (year["start_date"].month, year["start_date"].day) == (1, 1)
    ends = rows[rows["end_precision"] == "year"]["end_date"]
    assert ((ends.dt.month == 12) & (ends.dt.day == 31)).all()
    month_ends = rows[rows["end_precision"] == "month"]["end_date"]
    assert (month_ends + pd.Timedelta(days=1)).dt.day.eq(1).all()


def _rival_or_acting(row: pd.Series) -> bool:
    return bool(row["acting"]) or "rival government" in row["notes"]


def test_no_overlapping_terms_in_a_single_holder_office(table):
    """Terms of one office of one country do not overlap (beyond imprecise dates), except
    acting holders and rival governments, which are marked as such."""
    problems = []
    for (_, _), group in table.groupby(["country_or_org", "role"]):
        rows = [r for _, r in group.iterrows()]
        for a, b in itertools.combinations(rows, 2):
            if a["person_id"] == b["person_id"] or _rival_or_acting(a) or _rival_or_acting(b):
                continue
            first, second = sorted((a, b), key=lambda r: r["start_date"])
            # an imprecise bound is read as narrowly as possible: overlap is certain only if
            # the later start (its last possible day) precedes the earlier end (its first)
            later_start = second["start_date"]
            if second["start_precision"] == "year":
                later_start = later_start + pd.offsets.YearEnd(0)
            elif second["start_precision"] == "month":
                later_start = later_start + pd.offsets.MonthEnd(0)
            earlier_end = first["end_date"]
            if pd.isna(earlier_end):
                earlier_end = pd.Timestamp.max
            elif first["end_precision"] == "year":
                earlier_end = earlier_end - pd.offsets.YearBegin(1)
            elif first["end_precision"] == "month":
                earlier_end = earlier_end - pd.offsets.MonthBegin(1)
            if later_start < earlier_end:
                problems.append((first["country_or_org"], first["role"], first["name"],
                                 second["name"]))
    assert not problems, problems


@pytest.mark.parametrize("day", SAMPLE_DATES)
def test_every_office_has_a_holder_at_sample_dates(table, day):
    on = actors.leaders_on(day, leaders=table)
    held = set(zip(on["country_or_org"], on["role"], strict=True))
    wanted = {(s, r) for s in STATES for r in STATE_ROLES} - NO_SUCH_OFFICE
    wanted |= set(ORG_HEADS.items())
    wanted -= {k for k, (a, b) in VACANCIES.items() if a < day < b}
    assert not sorted(wanted - held)


def test_rival_governments_are_both_listed(table):
    on = actors.leaders_on("2019-06-01", leaders=table)
    yemen = on[(on["country_or_org"] == "Yemen") & (on["role"] == "head_of_state")]
    assert len(yemen) == 2 and yemen["notes"].str.contains("rival government").sum() == 1
    gaza = actors.leaders_on("2010-01-01", leaders=table)
    pal = gaza[(gaza["country_or_org"] == "Palestine") & (gaza["role"] == "head_of_government")]
    assert set(pal["name"]) == {"Salam Fayyad", "Ismail Haniyeh"}


def test_lookup_by_surname_at_a_date(table):
    kerry = actors.lookup_leader("Kerry", "2015-07-14", leaders=table)
    assert kerry[["name", "country_or_org", "role"]].values.tolist() == [
        ["John Kerry", "United States", "foreign_minister"]]
    # the same surname names another person at another date
    assert actors.lookup_leader("Clinton", "1999-06-01")["name"].unique().tolist() == [
        "Bill Clinton"]
    assert actors.lookup_leader("Clinton", "2011-06-01")["name"].unique().tolist() == [
        "Hillary Clinton"]
    # out of office that day: nothing
    assert actors.lookup_leader("Kerry", "2019-01-01").empty


def test_surname_only_when_unambiguous_that_day():
    # Ibrahim al-Jaafari (Iraq) and Bashar Jaafari (Syria) both held office in 2015
    assert actors.lookup_leader("Jaafari", "2015-01-01").empty
    assert actors.lookup_leader("Jaafari", "2009-01-01")["name"].unique().tolist() == [
        "Bashar Jaafari"]
    # full names still match when a surname is shared
    assert actors.lookup_leader("Bashar Jaafari", "2015-01-01")["country_or_org"].tolist() == [
        "Syria"]


def test_lookup_folds_case_accents_and_spelling_variants():
    for written in ("erdogan", "ERDOĞAN", "Recep Tayyip Erdogan", "Tayyip Erdoğan"):
        found = actors.lookup_leader(written, "2020-01-01")
        assert set(found["person_id"]) == {"turkey-erdogan-recep-tayyip"}, written
    assert actors.lookup_leader("Rowhani", "2015-01-01")["name"].tolist() == ["Hassan Rouhani"]
    assert actors.lookup_leader("george w bush", "2003-03-20")["name"].unique().tolist() == [
        "George W. Bush"]
    # whole names only: a part of a name is no match
    assert actors.lookup_leader("Javad", "2015-01-01").empty


def test_one_person_across_offices():
    zarif = actors.lookup_leader("Zarif")
    assert set(zarif["role"]) == {"foreign_minister", "un_ambassador"}
    assert zarif["person_id"].nunique() == 1
    gheit = actors.lookup_leader("Aboul Gheit")
    assert set(gheit["country_or_org"]) == {"Egypt", "Arab League"}
    assert gheit["person_id"].nunique() == 1


@pytest.mark.parametrize("day", SAMPLE_DATES)
def test_aliases_unique_within_an_office_date(table, day):
    on = actors.leaders_on(day, leaders=table)
    clashes = []
    for (place, role), group in on.groupby(["country_or_org", "role"]):
        owner: dict[str, str] = {}
        for _, row in group.iterrows():
            forms = [row["name"], *filter(None, row["aliases"].split(";"))]
            for form in {_norm(f) for f in forms}:
                if owner.setdefault(form, row["person_id"]) != row["person_id"]:
                    clashes.append((place, role, form))
    assert not clashes


def test_leaders_on_with_name_is_lookup():
    assert actors.leaders_on("2016-01-01", name="Lavrov")["role"].tolist() == [
        "foreign_minister"]


def test_user_table_and_its_errors(tmp_path):
    good = tmp_path / "leaders.csv"
    good.write_text(
        "person_id,name,aliases,country_or_org,role,role_title,start,end,acting,source,notes\n"
        "x-doe-jane,Jane Doe,Doe,Iran,foreign_minister,Foreign Minister,2001,2003-05,false,"
        "my notes,\n", encoding="utf-8")
    mine = actors.load_leaders(good)
    assert mine.loc[0, "start_date"] == pd.Timestamp("2001-01-01")
    assert mine.loc[0, "end_date"] == pd.Timestamp("2003-05-31")
    assert actors.lookup_leader("doe", "2002-02-02", leaders=mine)["name"].tolist() == [
        "Jane Doe"]
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text(encoding="utf-8").replace("foreign_minister", "vizier"),
                   encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.csv, line 2: .*vizier"):
        actors.load_leaders(bad)
    bad.write_text(good.read_text(encoding="utf-8").replace("2003-05", "May 2003"),
                   encoding="utf-8")
    with pytest.raises(InputError, match=r"line 2: .*May 2003"):
        actors.load_leaders(bad)
    with pytest.raises(InputError, match="no such leaders table"):
        actors.load_leaders(tmp_path / "missing.csv")
