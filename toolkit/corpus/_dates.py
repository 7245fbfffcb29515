"""One date parser for every loader: strings, numbers and datetimes to naive-UTC ``datetime64[ns]``.

:func:`parse_dates` never raises on a value. What it could not read, or read with a doubt,
is said in a note per row (joined by ``;``):

- ``bad_date``: unparseable, partial (``'5 Jan'``: no year; a lone ``'2017'``), or outside the
  range pandas can hold (years 1677-2262; ``'9999-12-31'``, ``'1500-06-01'``, ``'-1'``).
- ``ambiguous_date``: ``05/01/2017`` could be 5 January or 1 May, and nothing in the same file
  settled it (see *Day and month* below).
- ``calendar=solar_hijri``, ``calendar=lunar_hijri``: the date was written in the Iranian
  (Solar Hijri) or Islamic (lunar Hijri, Umm al-Qura) calendar and converted to Gregorian with
  ``jdatetime`` or ``hijridate``.

What is read:

- ISO 8601 (fast path), anything ``pandas.to_datetime`` reads (``'Thu, 05 Jan 2017 10:00:00
  GMT'``, ``'January 5, 2017 10:30 AM EST'``; common zone abbreviations are in
  ``toolkit/data/corpus/timezones.csv``). Time zones are converted to UTC, then dropped.
- Unix timestamps: all-digit values of 9-10 digits (seconds) or 12-13 digits (milliseconds),
  and numbers in those ranges.
- Persian (U+06F0-06F9) and Arabic-Indic (U+0660-0669) digits, read as ASCII digits.
- Solar Hijri: a numeric date whose four-digit year is 1300-1499 (``'1395-10-16'``,
  ``'۱۳۹۵/۱۰/۱۶'``: Iranian outlets print these; Gregorian dates in those years cannot be held
  anyway), a Persian month name (``'16 Dey 1395'``, ``'۱۶ دی ۱۳۹۵'``) or a marker (``SH``,
  ``ه.ش``).
- Lunar Hijri: a Hijri month name (``'7 Rabi al-Thani 1438'``, ``'٧ ربيع الآخر ١٤٣٨ هـ'``) or a
  marker (``AH``, ``هـ``) after a numeric date. Month names and markers are data files:
  ``toolkit/data/corpus/hijri_months.csv`` and ``calendar_markers.csv``.

Day and month: for values like ``05/01/2017`` the order is decided per file (per ``groups``
value) from the values themselves. A first field over 12 means day-first, a second field over
12 means month-first. If only one kind occurs, the file is settled. If neither occurs the
default is month-first; if both occur, each value over 12 is read its own way and the others the
way most values are. In those two cases every value that reads both ways (day and month both
12 or less and different) is noted ``ambiguous_date``. ``dayfirst=True`` or ``False`` forces the
order (no notes; a value that does not fit is a ``bad_date``).

>>> import pandas as pd
>>> dates, notes = parse_dates(pd.Series(["2017-01-05", "25/12/2016", "1395-10-16", "5 Jan"]))
>>> dates.dt.strftime("%Y-%m-%d").tolist()
['2017-01-05', '2016-12-25', '2017-01-05', nan]
>>> notes.tolist()
['', '', 'calendar=solar_hijri', 'bad_date']
"""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any

import numpy as np
import pandas as pd
from pandas.tseries.api import guess_datetime_format

from toolkit.corpus._calendars import (
    _FOLD,
    SOLAR,
    _calendar_words,
    _convert,
    _named,
    _time_of,
    _zones,
)
from toolkit.errors import MESSAGES

BAD = "bad_date"
AMBIGUOUS = "ambiguous_date"

_LOW = pd.Timestamp.min
_HIGH = pd.Timestamp.max
_MISSING_WORDS = {"nan", "nat", "none", "null", "na", "n/a"}

_ISO = r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$"
_YMD = r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?![\d])(?:(?:[T\s]|,\s*)(.*))?$"
_DMY = (r"^(?:[^\W\d_]+\.?,?\s+)?(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?![\d])"
        r"(?:(?:[T\s]|,\s*)(.*))?$")
_UNIX = r"^(?:\d{9,10}|\d{12,13})(?:\.\d+)?$"


def _settle(parsed: pd.Series) -> pd.Series:
    """Datetimes (aware or naive, any unit) to naive-UTC ``datetime64[ns]``; NaT if out of range."""
    index = parsed.index
    if not pd.api.types.is_datetime64_any_dtype(parsed):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                parsed = pd.to_datetime(parsed, errors="coerce", utc=True)
            except (ValueError, TypeError, OverflowError):
                parsed = pd.Series([_one_timestamp(v) for v in parsed], index=index, dtype=object)
                parsed = pd.to_datetime(parsed, errors="coerce", utc=True)
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    ok = parsed.notna() & (parsed >= _LOW) & (parsed <= _HIGH)
    return parsed.where(ok).astype("datetime64[ns]")


def _one_timestamp(value: Any) -> Any:
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        return pd.NaT
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp if _LOW <= stamp <= _HIGH else pd.NaT


def _nat(index: pd.Index) -> pd.Series:
    return pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")


def _unix(numbers: pd.Series) -> pd.Series:
    """Seconds (9-10 digits) or milliseconds (12-13 digits) since 1970 to dates; else NaT."""
    v = pd.to_numeric(numbers, errors="coerce").astype("float64")
    seconds = np.where((v >= 1e8) & (v < 1e10), v, np.where((v >= 1e11) & (v < 1e13), v / 1000,
                                                            np.nan))
    parsed = pd.to_datetime(pd.Series(seconds, index=numbers.index), unit="s", errors="coerce")
    return _settle(parsed)


def _to_datetime(strings: pd.Series, **kwargs: Any) -> pd.Series:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return _settle(pd.to_datetime(strings, errors="coerce", utc=True, **kwargs))
        except (ValueError, TypeError, OverflowError):
            if kwargs.get("format") != "mixed":
                return _nat(strings.index)
            return _settle(pd.Series([_one_string(s, kwargs.get("dayfirst", False))
                                      for s in strings], index=strings.index, dtype=object))


def _one_string(text: str, dayfirst: bool) -> Any:
    try:
        return pd.to_datetime(text, utc=True, dayfirst=dayfirst)
    except (ValueError, TypeError, OverflowError):
        return pd.NaT


def _gregorian(strings: pd.Series, *, dayfirst: bool) -> pd.Series:
    """Gregorian date strings to dates: ISO 8601 first, then one inferred format, then any."""
    out = _nat(strings.index)
    if strings.empty:
        return out
    iso = strings.str.match(_ISO)
    if iso.any():
        out[iso] = _to_datetime(strings[iso], format="ISO8601")
    rest = strings[~iso]
    rest = rest[rest.str.contains(r"(?<!\d)\d{4}(?!\d)") & ~rest.str.match(r"^\d+$")]
    if rest.empty:
        return out
    unique = pd.Series(rest.unique())
    zones, offsets = _zones()
    unique_text = unique.str.replace(zones, lambda m: offsets[m.group()], regex=True)
    parsed = _nat(unique.index)
    todo = pd.Series(True, index=unique.index)
    leftover = pd.Series(False, index=unique.index)
    # One format per round, guessed from the first value left and applied to all (vectorised):
    # a few rounds cover files that mix formats; dateutil reads whatever is still left.
    for _ in range(8):
        if not todo.any():
            break
        first = todo.idxmax()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fmt = guess_datetime_format(unique_text[first], dayfirst=dayfirst)
        if fmt is not None:
            parsed[todo] = _to_datetime(unique_text[todo], format=fmt)
        if fmt is None or pd.isna(parsed[first]):
            leftover[first] = True
        todo &= parsed.isna() & ~leftover
    todo |= leftover
    if todo.any():
        parsed[todo] = _to_datetime(unique_text[todo], format="mixed", dayfirst=dayfirst)
    lookup = pd.Series(parsed.to_numpy(), index=unique.to_numpy())
    out[rest.index] = lookup.reindex(rest.to_numpy()).to_numpy()
    return out


def _iso_strings(year: pd.Series, month: pd.Series, day: pd.Series, rest: pd.Series) -> pd.Series:
    text = (year.astype(str).str.zfill(4) + "-" + month.astype(str).str.zfill(2) + "-"
            + day.astype(str).str.zfill(2))
    rest = rest.fillna("").str.strip()
    return text.where(rest == "", text + " " + rest)


def _day_first(first: pd.Series, second: pd.Series, groups: pd.Series,
               dayfirst: bool | None) -> tuple[pd.Series, pd.Series]:
    """Per row: is the first field the day? And is the row ambiguous (see module docs)?"""
    if dayfirst is not None:
        return pd.Series(dayfirst, index=first.index), pd.Series(False, index=first.index)
    evidence = pd.DataFrame({"g": groups.to_numpy(), "day": (first > 12).to_numpy(),
                             "month": (second > 12).to_numpy()}, index=first.index)
    counts = evidence.groupby("g", sort=False, dropna=False)[["day", "month"]].transform("sum")
    n_day, n_month = counts["day"], counts["month"]
    majority_day = n_day > n_month
    is_day = (first > 12) | ((second <= 12) & majority_day)
    unsettled = (n_day > 0) == (n_month > 0)
    ambiguous = unsettled & (first <= 12) & (second <= 12) & (first != second)
    return is_day, ambiguous


def parse_dates(
    values: pd.Series,
    *,
    dayfirst: bool | None = None,
    groups: pd.Series | None = None,
) -> tuple[pd.Series, pd.Series]:
    """Parse one column of dates; never raises on a value.

    Parameters
    ----------
    values : Series
        Strings, numbers (Unix timestamps), datetimes (any unit, aware or naive) or a mix;
        ``None``, ``NaN``, ``NaT``, ``""`` and ``"nan"``/``"null"`` are missing (NaT, no note).
    dayfirst : bool, optional
        Force ``dd/mm/yyyy`` (True) or ``mm/dd/yyyy`` (False) for values like ``05/01/2017``.
        Default: decided from the values of each group (see the module docs).
    groups : Series, optional
        One label per value (the source file); day/month order is decided per label.
        Default: all values form one group.

    Returns
    -------
    dates : Series of ``datetime64[ns]``
        Naive UTC; NaT where missing or unreadable. Same index as ``values``.
    notes : Series of str
        Per row ``""`` or notes joined by ``;``: ``bad_date``, ``ambiguous_date``,
        ``calendar=solar_hijri``, ``calendar=lunar_hijri``.

    Examples
    --------
    >>> import pandas as pd
    >>> dates, notes = parse_dates(pd.Series(["05/01/2017", "1 Muharram 1438 AH", 1488326400]))
    >>> dates.dt.strftime("%Y-%m-%d").tolist()
    ['2017-05-01', '2016-10-02', '2017-03-01']
    >>> notes.tolist()
    ['ambiguous_date', 'calendar=lunar_hijri', '']
    >>> parse_dates(pd.Series(["05/01/2017"]), dayfirst=True)[0].dt.month.tolist()
    [1]
    """
    if dayfirst not in (None, True, False):
        raise TypeError(MESSAGES["bad_dayfirst"].format(value=dayfirst))
    index = values.index
    n = len(values)
    values = values.reset_index(drop=True)
    labels = (pd.Series(0, index=values.index) if groups is None
              else pd.Series(np.asarray(groups, dtype=object)).fillna("<none>"))
    out = _nat(values.index)
    calendars = pd.Series("", index=values.index, dtype=object)
    ambiguous = pd.Series(False, index=values.index)
    known = pd.Series(True, index=values.index)  # False: missing, no note

    if n == 0:
        pass
    elif pd.api.types.is_datetime64_any_dtype(values):
        out = _settle(values)
        known = values.notna()
    elif pd.api.types.is_bool_dtype(values):
        known = values.notna()
    elif pd.api.types.is_numeric_dtype(values):
        out = _unix(values)
        known = values.notna()
    else:
        obj = values.astype(object)
        known = ~obj.isna()
        if pd.api.types.infer_dtype(obj, skipna=True) in ("string", "empty"):
            is_str, is_num, is_when = known, ~known, ~known
        else:
            is_str = obj.map(lambda v: isinstance(v, str))
            is_num = obj.map(lambda v: isinstance(v, (int, float, np.integer, np.floating))
                             and not isinstance(v, (bool, np.bool_)))
            is_when = obj.map(lambda v: isinstance(v, (dt.date, np.datetime64)))
        if (is_num & known).any():
            out[is_num & known] = _unix(obj[is_num & known])
        if (is_when & known).any():
            out[is_when & known] = _settle(obj[is_when & known])
        other = known & ~is_str & ~is_num & ~is_when
        strings = obj[is_str & known].astype(str)
        if other.any():
            strings = pd.concat([strings, obj[other].map(str)]).sort_index()
        found, cal, amb, empty = _parse_strings(strings, labels[strings.index], dayfirst)
        out[found.index] = found
        calendars[cal.index] = cal
        ambiguous[amb.index] = amb
        known[empty[empty].index] = False

    bad = known & out.isna()
    notes = [
        ";".join(p for p in (f"calendar={c}" if c else "", AMBIGUOUS if a else "", BAD if b else "")
                 if p)
        for c, a, b in zip(calendars, ambiguous, bad, strict=True)
    ]
    return (pd.Series(out.to_numpy(), index=index, name=getattr(values, "name", None)),
            pd.Series(notes, index=index, dtype=object, name="notes"))


def _parse_strings(
    strings: pd.Series, groups: pd.Series, dayfirst: bool | None
) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """Dates, calendar names, ambiguity flags and emptiness for a Series of strings."""
    out = _nat(strings.index)
    calendars = pd.Series("", index=strings.index, dtype=object)
    ambiguous = pd.Series(False, index=strings.index)
    text = strings.str.strip()
    if text.str.contains(r"[^\x00-\x7f]").any():
        text = text.str.translate(_FOLD).str.strip()
    empty = (text == "") | text.str.lower().isin(_MISSING_WORDS)
    todo = ~empty

    # 1. ISO 8601 in the Gregorian range of years: the fast path.
    iso = todo & text.str.match(_ISO)
    iso_year = pd.to_numeric(text.str.slice(0, 4).where(iso), errors="coerce")
    iso &= ~iso_year.between(1300, 1499)
    if iso.any():
        out[iso] = _to_datetime(text[iso], format="ISO8601")
    todo &= ~iso

    # 2. Month names of the Hijri and Persian calendars, or a calendar marker.
    lettered = text[todo]
    lettered = lettered[lettered.str.contains(r"[^\W\d_]")]
    named = lettered[lettered.str.contains(_calendar_words())]
    if len(named):
        read = {value: _named(value) for value in named.unique()}
        calendars[named.index] = [read[v][0] for v in named]
        out[named.index] = [read[v][1] if read[v][1] is not None else pd.NaT for v in named]
        todo[named.index] = False

    # 3. Unix timestamps.
    unix = todo & text.str.match(_UNIX)
    if unix.any():
        out[unix] = _unix(text[unix])
    todo &= ~unix

    # 4. y-m-d and d-m-y / m-d-y numeric dates; years 1300-1499 are Solar Hijri.
    parts = []
    ymd = text[todo].str.extract(_YMD)
    ymd = ymd[ymd[0].notna()]
    if len(ymd):
        parts.append(pd.DataFrame({"year": ymd[0].astype(int), "month": ymd[1].astype(int),
                                   "day": ymd[2].astype(int), "rest": ymd[3]}))
        todo[ymd.index] = False
    dmy = text[todo].str.extract(_DMY)
    dmy = dmy[dmy[0].notna()]
    if len(dmy):
        first, second = dmy[0].astype(int), dmy[1].astype(int)
        year = dmy[2].astype(int)
        year = year.where(dmy[2].str.len() == 4, np.where(year < 69, 2000 + year, 1900 + year))
        is_day, amb = _day_first(first, second, groups[dmy.index], dayfirst)
        ambiguous[amb.index] = amb
        parts.append(pd.DataFrame({"year": year, "month": second.where(is_day, first),
                                   "day": first.where(is_day, second), "rest": dmy[3]}))
        todo[dmy.index] = False
    if parts:
        numeric = pd.concat(parts)
        solar = numeric["year"].between(1300, 1499)
        if (~solar).any():
            greg = numeric[~solar]
            canonical = _iso_strings(greg["year"], greg["month"], greg["day"], greg["rest"])
            out[canonical.index] = _gregorian(canonical, dayfirst=False)
        if solar.any():
            jalali = numeric[solar]
            keys = list(zip(jalali["year"], jalali["month"], jalali["day"],
                            jalali["rest"].fillna(""), strict=True))
            read = {}
            for y, m, d, rest in dict.fromkeys(keys):
                stamp = _convert(SOLAR, int(y), int(m), int(d))
                read[y, m, d, rest] = pd.NaT if stamp is None else stamp + _time_of(rest)
            calendars[jalali.index] = SOLAR
            out[jalali.index] = [read[k] for k in keys]

    # 5. Compact yyyymmdd, then anything else pandas can read (a four-digit year required).
    compact = todo & text.str.match(r"^\d{8}$")
    if compact.any():
        out[compact] = _to_datetime(text[compact], format="%Y%m%d")
    todo &= ~compact
    if todo.any():
        out[todo[todo].index] = _gregorian(text[todo], dayfirst=bool(dayfirst))
    return out, calendars, ambiguous, empty
