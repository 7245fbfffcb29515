"""Hijri and Persian calendars, and the data tables of the date parser.

Month names, calendar markers and time-zone abbreviations are read from
``toolkit/data/corpus/``; :func:`_named` reads a date written with a Hijri or Persian month
name or a calendar marker and converts it to Gregorian (``jdatetime``, ``hijridate``). Used by
:func:`toolkit.corpus._dates.parse_dates`.

>>> _named("1 Muharram 1438 AH")[0]
'lunar_hijri'
"""

from __future__ import annotations

import csv
import re
from functools import cache, lru_cache
from importlib import resources
from io import StringIO
from typing import Any

import pandas as pd

SOLAR = "solar_hijri"
LUNAR = "lunar_hijri"

# Persian and Arabic-Indic digits to ASCII; Arabic letter variants folded so that names match
# however they are spelt (hamza forms, Persian yeh/kaf, ta marbuta); diacritics, tatweel and
# direction marks removed; the zero-width non-joiner (Persian compounds) becomes a space.
_FOLD: dict[int, Any] = {0x06F0 + i: str(i) for i in range(10)}
_FOLD.update({0x0660 + i: str(i) for i in range(10)})
_FOLD.update({c: None for c in range(0x064B, 0x0660)})
_FOLD.update({0x0670: None, 0x0640: None, 0x200E: None, 0x200F: None, 0x200C: " ",
              0x060C: ",", 0x066B: ".", 0x066C: ","})
_FOLD.update({ord(c): "ا" for c in "أإآٱ"})
_FOLD.update({ord(c): "ي" for c in "ىی"})
_FOLD.update({ord("ک"): "ك", ord("ة"): "ه", ord("ۀ"): "ه"})

_TIME = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])")
_SEP = r"[\s\-'’‘ʿʾ`_.]*"


def _fold(text: str) -> str:
    return text.translate(_FOLD).casefold()


def _read_csv(name: str) -> list[dict[str, str]]:
    raw = resources.files("toolkit").joinpath(f"data/corpus/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader(StringIO(raw)))


def _alternation(words: list[str], sep: str) -> re.Pattern[str]:
    """One regex for many words, as a trie (fast on long columns); separators flexible."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for token in re.sub(r"[\s\-'’‘ʿʾ`_]+", "\0", word.casefold()):
            node = node.setdefault(token, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [(sep if t == "\0" else re.escape(t)) + build(child)
                for t, child in sorted(node.items()) if t]
        if not alts:
            return ""
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return re.compile(rf"(?<![^\W\d_]){build(trie)}(?![^\W\d_])", re.IGNORECASE)


@cache
def _months() -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    """Regex of every Hijri and Persian month name, and folded name -> (calendar, month)."""
    rows = _read_csv("hijri_months.csv")
    lookup = {_key(_fold(r["name"])): (r["calendar"], int(r["month"])) for r in rows}
    return _alternation([_fold(r["name"]) for r in rows], _SEP), lookup


@cache
def _markers() -> tuple[re.Pattern[str], dict[str, str]]:
    """Regex of the calendar markers (``AH``, ``هـ``, ``SH``, ...), and marker -> calendar."""
    rows = _read_csv("calendar_markers.csv")
    lookup = {_key(_fold(r["marker"])): r["calendar"] for r in rows}
    return _alternation([_fold(r["marker"]) for r in rows], r"\s*"), lookup


@cache
def _calendar_words() -> re.Pattern[str]:
    """Month names or markers of the Hijri calendars: one regex, to find candidate values."""
    return re.compile(f"{_months()[0].pattern}|{_markers()[0].pattern}", re.IGNORECASE)


@cache
def _zones() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = _read_csv("timezones.csv")
    offsets = {r["abbreviation"]: r["utc_offset"] for r in rows}
    names = "|".join(sorted(offsets, key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{names})(?![A-Za-z])"), offsets


def _key(text: str) -> str:
    return re.sub(r"[\s\-'’‘ʿʾ`_.]+", "", text.casefold())


@lru_cache(maxsize=65536)
def _convert(calendar: str, year: int, month: int, day: int) -> pd.Timestamp | None:
    """A Solar or lunar Hijri date as a Gregorian timestamp; None if there is no such date."""
    try:
        if calendar == SOLAR:
            import jdatetime

            greg = jdatetime.date(year, month, day).togregorian()
        else:
            from hijridate import Hijri

            greg = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError, TypeError):
        return None
    return pd.Timestamp(greg.year, greg.month, greg.day)


def _time_of(text: Any) -> pd.Timedelta:
    match = _TIME.search(text) if isinstance(text, str) else None
    if not match:
        return pd.Timedelta(0)
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    if hours > 23 or minutes > 59 or seconds > 59:
        return pd.Timedelta(0)
    return pd.Timedelta(hours=hours, minutes=minutes, seconds=seconds)


def _named(text: str) -> tuple[str, pd.Timestamp | None]:
    """A date with a Hijri/Persian month name or a calendar marker: (calendar, Gregorian date)."""
    names, months = _months()
    markers, calendars = _markers()
    marker = markers.search(text)
    calendar = calendars[_key(marker.group())] if marker else None
    found = names.search(text)
    if found:
        name_calendar, month = months[_key(found.group())]
        calendar = name_calendar  # the month name says which calendar, whatever the marker
        before, after = text[:found.start()], text[found.end():]
        day_before = re.search(r"(?<!\d)(\d{1,2})[\s,./\-]*$", before)
        year_after = re.match(r"^[\s,./\-]*(\d{3,4})(?!\d)", after)
        day_year_after = re.match(r"^[\s,./\-]*(\d{1,2})[\s,./\-]+(\d{3,4})(?!\d)", after)
        if day_before and year_after:
            day, year = int(day_before.group(1)), int(year_after.group(1))
        elif day_year_after:
            day, year = int(day_year_after.group(1)), int(day_year_after.group(2))
        else:
            return calendar, None
    else:
        stripped = text[:marker.start()] + " " + text[marker.end():] if marker else text
        ymd = re.search(r"(?<!\d)(\d{3,4})[/.\-](\d{1,2})[/.\-](\d{1,2})(?!\d)", stripped)
        dmy = re.search(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{3,4})(?!\d)", stripped)
        if ymd:
            year, month, day = (int(g) for g in ymd.groups())
        elif dmy:
            day, month, year = (int(g) for g in dmy.groups())
        else:
            return calendar or LUNAR, None
    converted = _convert(calendar or LUNAR, year, month, day)
    if converted is None:
        return calendar or LUNAR, None
    return calendar or LUNAR, converted + _time_of(text)
