"""One date parser for every loader (issue #10): toolkit.corpus._dates and its wiring."""

from __future__ import annotations

import csv
import datetime as dt
import json
import time

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit.corpus as tc
from toolkit.corpus._dates import parse_dates
from toolkit.corpus._validate import corpus_dates

PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _write_csv(path, dates):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "date", "text"])
        for i, date in enumerate(dates):
            writer.writerow([f"{path.stem}-{i}", date, f"Article {i}."])
    return path


def _days(start: dt.date, n: int, step: int = 3) -> list[dt.date]:
    return [start + dt.timedelta(days=step * i) for i in range(n)]


def _stamps(days) -> list[pd.Timestamp]:
    return [pd.Timestamp(d) for d in days]


# --- day-first vs month-first, decided per file --------------------------------------------


def test_ddmmyyyy_csv_is_read_day_first(tmp_path):
    days = _days(dt.date(2016, 12, 1), 60)  # 1 Dec 2016 .. end of May 2017: days 1-31
    path = _write_csv(tmp_path / "dm.csv", [d.strftime("%d/%m/%Y") for d in days])
    corpus = tc.load(path)
    assert corpus["date"].tolist() == _stamps(days)
    assert not corpus["notes"].str.contains("date").any()  # settled by values > 12: no notes
    assert str(corpus["date"].dtype) == "datetime64[ns]"


def test_mmddyyyy_csv_is_read_month_first(tmp_path):
    days = _days(dt.date(2016, 12, 1), 60)
    path = _write_csv(tmp_path / "md.csv", [d.strftime("%m/%d/%Y") for d in days])
    corpus = tc.load(path)
    assert corpus["date"].tolist() == _stamps(days)
    assert not corpus["notes"].str.contains("date").any()


def test_each_file_decides_its_own_order(tmp_path):
    days = _days(dt.date(2017, 1, 2), 20, step=2)
    a = _write_csv(tmp_path / "a.csv", [d.strftime("%d.%m.%Y") for d in days])
    b = _write_csv(tmp_path / "b.csv", [d.strftime("%m-%d-%Y") for d in days])
    corpus = tc.load([a, b])
    for name in ("a.csv", "b.csv"):
        part = corpus[corpus["source_file"].str.endswith(name)]
        assert part["date"].tolist() == _stamps(days), name


def test_unsettled_file_is_month_first_and_noted(tmp_path):
    values = ["05/01/2017", "03/03/2017", "12/11/2016", "01/02/2017"]
    corpus = tc.load(_write_csv(tmp_path / "amb.csv", values))
    assert corpus["date"].tolist() == _stamps(
        [dt.date(2017, 5, 1), dt.date(2017, 3, 3), dt.date(2016, 12, 11), dt.date(2017, 1, 2)])
    # 03/03 reads the same both ways: not ambiguous
    assert corpus["notes"].tolist() == ["ambiguous_date", "", "ambiguous_date", "ambiguous_date"]


def test_both_orders_in_one_file(tmp_path):
    values = ["25/12/2016", "12/26/2016", "05/01/2017", "27/12/2016"]
    dates, notes = parse_dates(pd.Series(values))
    assert dates.tolist()[:2] == _stamps([dt.date(2016, 12, 25), dt.date(2016, 12, 26)])
    assert dates[2] == pd.Timestamp(2017, 1, 5)  # read the way most settled values are: day-first
    assert notes.tolist() == ["", "", "ambiguous_date", ""]


@pytest.mark.parametrize("dayfirst, expected", [(True, dt.date(2017, 1, 5)),
                                                (False, dt.date(2017, 5, 1))])
def test_dayfirst_forces_the_order(tmp_path, dayfirst, expected):
    path = _write_csv(tmp_path / "f.csv", ["05/01/2017", "03/02/2017"])
    corpus = tc.load(path, dayfirst=dayfirst)
    assert corpus.loc[0, "date"] == pd.Timestamp(expected)
    assert corpus["notes"].tolist() == ["", ""]  # the caller decided: nothing to note
    chunks = list(tc.iter_load(path, dayfirst=dayfirst, chunk_size=1))
    assert chunks[0].loc[0, "date"] == pd.Timestamp(expected)


def test_dayfirst_false_overrides_the_evidence():
    dates, notes = parse_dates(pd.Series(["25/12/2016", "05/01/2017"]), dayfirst=False)
    assert pd.isna(dates[0]) and notes[0] == "bad_date"  # month 25 does not exist
    assert dates[1] == pd.Timestamp(2017, 5, 1)


def test_dayfirst_must_be_a_bool():
    with pytest.raises(TypeError, match="dayfirst"):
        parse_dates(pd.Series(["2017-01-01"]), dayfirst="yes")


# --- Solar and lunar Hijri ----------------------------------------------------------------


def _solar_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Independent check for 1396 only: 1 Farvardin 1396 = 21 March 2017 (Nowruz), months 1-6
    have 31 days, 7-11 have 30."""
    assert year == 1396
    offset = sum(31 if m <= 6 else 30 for m in range(1, month)) + day - 1
    return dt.date(2017, 3, 21) + dt.timedelta(days=offset)


def test_solar_hijri_jsonl_with_persian_digits(tmp_path):
    cases = [(1396, 1, 1), (1396, 7, 1), (1396, 10, 16), (1396, 12, 29)]
    path = tmp_path / "irna.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i, (y, m, d) in enumerate(cases):
            value = f"{y}/{m:02d}/{d:02d}".translate(PERSIAN)
            fh.write(json.dumps({"id": str(i), "text": "خبر", "date": value},
                                ensure_ascii=False) + "\n")
    corpus = tc.load(path)
    assert corpus["date"].tolist() == _stamps(_solar_to_gregorian(*c) for c in cases)
    assert (corpus["notes"] == "calendar=solar_hijri").all()


@pytest.mark.parametrize("value", ["1396-01-01", "۱۳۹۶-۰۱-۰۱", "1 Farvardin 1396",
                                   "۱ فروردین ۱۳۹۶", "1396/1/1 SH", "1396-01-01T00:00:00"])
def test_solar_hijri_forms(value):
    dates, notes = parse_dates(pd.Series([value]))
    assert dates[0] == pd.Timestamp(2017, 3, 21)
    assert notes[0] == "calendar=solar_hijri"


def test_issue_examples_solar():
    dates, notes = parse_dates(pd.Series(["1395-10-16", "۱۳۹۵/۱۰/۱۶", "16 Dey 1395"]))
    # 1 Dey 1395 = 21 December 2016, so 16 Dey = 5 January 2017
    assert (dates == pd.Timestamp(2017, 1, 5)).all()
    assert (notes == "calendar=solar_hijri").all()


@pytest.mark.parametrize("value, expected", [
    ("1 Muharram 1438 AH", dt.date(2016, 10, 2)),
    ("Muharram 1, 1438", dt.date(2016, 10, 2)),
    ("1438/01/01 AH", dt.date(2016, 10, 2)),
    ("1 محرم 1438 هـ".translate(ARABIC), dt.date(2016, 10, 2)),
    ("1 Ramadan 1438", dt.date(2017, 5, 27)),
    ("1 Shawwal 1438 AH", dt.date(2017, 6, 25)),
    ("10 Dhu al-Hijjah 1438", dt.date(2017, 9, 1)),
    ("الجمعة 1 شوال 1438 هـ", dt.date(2017, 6, 25)),
])
def test_lunar_hijri(value, expected):
    dates, notes = parse_dates(pd.Series([value]))
    assert dates[0] == pd.Timestamp(expected)
    assert notes[0] == "calendar=lunar_hijri"


def test_impossible_hijri_date_is_bad_and_says_which_calendar():
    dates, notes = parse_dates(pd.Series(["40 Muharram 1438", "1395/13/01"]))
    assert dates.isna().all()
    assert notes.tolist() == ["calendar=lunar_hijri;bad_date", "calendar=solar_hijri;bad_date"]


# --- Unix timestamps ------------------------------------------------------------------------


def test_unix_seconds_and_milliseconds():
    when = dt.datetime(2017, 3, 1, 12, 30, tzinfo=dt.UTC)
    seconds = int(when.timestamp())
    expected = pd.Timestamp(when.replace(tzinfo=None))
    for column in (pd.Series([str(seconds), str(seconds * 1000)]),
                   pd.Series([seconds, seconds * 1000]),
                   pd.Series([float(seconds), float(seconds * 1000)]),
                   pd.Series([seconds, str(seconds * 1000)], dtype=object)):
        dates, notes = parse_dates(column)
        assert dates.tolist() == [expected, expected]
        assert notes.tolist() == ["", ""]


def test_unix_timestamp_in_a_loaded_file(tmp_path):
    seconds = int(dt.datetime(2016, 12, 31, tzinfo=dt.UTC).timestamp())
    corpus = tc.load(_write_csv(tmp_path / "u.csv", [seconds, seconds * 1000 + 500]))
    assert corpus["date"].tolist() == [pd.Timestamp(2016, 12, 31),
                                       pd.Timestamp(2016, 12, 31, 0, 0, 0, 500_000)]


def test_other_digit_runs_are_bad_dates():
    dates, notes = parse_dates(pd.Series(["12345", "12345678901", "2017"]))
    assert dates.isna().all() and (notes == "bad_date").all()


# --- out of range, partial, odd: never raise --------------------------------------------------

ISSUE_VALUES = ["9999-12-31", "1500-06-01", "-1", "5 Jan"]


def test_issue_values_are_bad_dates_not_errors(tmp_path):
    corpus = tc.load(_write_csv(tmp_path / "bad.csv", [*ISSUE_VALUES, "2017-01-05"]))
    assert corpus["date"].isna().tolist() == [True] * 4 + [False]
    assert corpus["notes"].tolist() == ["bad_date"] * 4 + [""]
    frame = pd.DataFrame({"text": ["a", "b", "c", "d"], "date": ISSUE_VALUES})
    assert (tc.load(frame)["notes"] == "bad_date").all()


def test_out_of_range_datetimes_in_a_dataframe():
    wide = pd.Series(pd.to_datetime(["9999-12-31", "2017-01-05"]).as_unit("s"))
    dates, notes = parse_dates(wide)
    assert pd.isna(dates[0]) and dates[1] == pd.Timestamp(2017, 1, 5)
    assert notes.tolist() == ["bad_date", ""]
    assert str(dates.dtype) == "datetime64[ns]"
    objects = pd.Series([dt.datetime(9999, 12, 31), dt.date(2017, 1, 5), None], dtype=object)
    dates, notes = parse_dates(objects)
    assert pd.isna(dates[0]) and dates[1] == pd.Timestamp(2017, 1, 5) and pd.isna(dates[2])
    assert notes.tolist() == ["bad_date", "", ""]


def test_time_zones_become_naive_utc():
    values = ["2017-01-05T10:00:00+03:30", "Thu, 05 Jan 2017 10:00:00 GMT",
              "January 5, 2017 10:30 AM EST"]
    dates, notes = parse_dates(pd.Series(values))
    assert dates.tolist() == [pd.Timestamp(2017, 1, 5, 6, 30), pd.Timestamp(2017, 1, 5, 10),
                              pd.Timestamp(2017, 1, 5, 15, 30)]
    aware = pd.Series(pd.to_datetime(["2017-01-05 10:00"]).tz_localize("Asia/Tehran"))
    assert parse_dates(aware)[0][0] == pd.Timestamp(2017, 1, 5, 6, 30)


def test_missing_values_are_nat_without_a_note():
    dates, notes = parse_dates(pd.Series([None, "", "  ", float("nan"), pd.NaT], dtype=object))
    assert dates.isna().all() and (notes == "").all()


def test_index_is_kept():
    values = pd.Series(["2017-01-05", "05/01/2017"], index=[10, 3])
    dates, notes = parse_dates(values)
    assert list(dates.index) == [10, 3] and list(notes.index) == [10, 3]
    assert dates[10] == pd.Timestamp(2017, 1, 5)


def test_date_notes_join_other_notes():
    corpus = tc.load(pd.DataFrame({"text": ["", "x"], "date": ["9999-12-31", "1395-10-16"]}))
    assert corpus["notes"].tolist() == ["empty;bad_date", "calendar=solar_hijri"]


_DATEISH = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789/-.: ۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩TZ+", max_size=25),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["AH", "Muharram", "دی", "هـ", "SH", "EST", "5 Jan", "-1", None, True]),
    st.datetimes(),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_DATEISH, min_size=1, max_size=6), st.sampled_from([None, True, False]))
def test_never_raises(values, dayfirst):
    dates, notes = parse_dates(pd.Series(values, dtype=object), dayfirst=dayfirst)
    assert str(dates.dtype) == "datetime64[ns]" and len(dates) == len(values)
    allowed = {"bad_date", "ambiguous_date", "calendar=solar_hijri", "calendar=lunar_hijri"}
    for value, note, date in zip(values, notes, dates, strict=True):
        parts = [p for p in note.split(";") if p]
        assert set(parts) <= allowed
        assert ("bad_date" in parts) == pd.isna(date) or _missing(value)
        if _missing(value):
            assert pd.isna(date) and note == ""


def _missing(value) -> bool:
    if value is None or (isinstance(value, float) and value != value):
        return True
    return isinstance(value, str) and value.strip().lower() in {"", "nan", "nat", "none", "null",
                                                                "na", "n/a"}


# --- user DataFrames handed to analyses -----------------------------------------------------


def test_tokenize_on_a_dataframe_with_an_out_of_range_date():
    import toolkit.tokenize as tt

    frame = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Iran met Iraq.", "Talks resumed."],
                          "date": ["9999-12-31", "2017-01-05"]})
    tokens = tt.tokenize(frame)
    assert set(tokens["doc_id"]) == {"a", "b"}


def test_validate_makes_odd_dates_safe():
    corpus = tc.load(pd.DataFrame({"text": ["a", "b", "c"]}))
    corpus["date"] = ["9999-12-31", "25/12/2016", "1 Muharram 1438 AH"]
    checked = tc.validate(corpus)
    assert str(checked["date"].dtype) == "datetime64[ns]"
    assert checked["date"].tolist()[1:] == [pd.Timestamp(2016, 12, 25), pd.Timestamp(2016, 10, 2)]
    assert checked["notes"].tolist() == ["bad_date", "", "calendar=lunar_hijri"]
    assert corpus.loc[0, "date"] == "9999-12-31"  # the caller's frame is not changed
    wide = corpus.assign(date=pd.to_datetime(["9999-12-31", "2017-01-01", "2017-01-02"])
                         .as_unit("s"))
    assert tc.validate(wide)["date"].isna().tolist() == [True, False, False]


def test_validate_returns_a_clean_corpus_unchanged():
    corpus = tc.load(pd.DataFrame({"text": ["a"], "date": ["2017-01-05"]}))
    assert tc.validate(corpus) is corpus


def test_corpus_dates_without_a_date_column():
    dates, notes = corpus_dates(pd.DataFrame({"text": ["a"]}))
    assert dates.isna().all() and notes.tolist() == [""]


# --- speed ----------------------------------------------------------------------------------


def test_fast_on_100k_rows():
    rng = pd.date_range("2015-01-01", periods=100_000, freq="37min")
    iso = pd.Series(rng.strftime("%Y-%m-%dT%H:%M:%SZ"))
    dmy = pd.Series(rng.strftime("%d/%m/%Y %H:%M"))
    start = time.process_time()
    iso_dates, _ = parse_dates(iso)
    dmy_dates, _ = parse_dates(dmy)
    spent = time.process_time() - start
    expected = rng.as_unit("ns").to_numpy()
    assert (iso_dates.to_numpy() == expected).all() and (dmy_dates.to_numpy() == expected).all()
    assert spent < 10, f"{spent:.1f} s CPU for 2 x 100k dates"
