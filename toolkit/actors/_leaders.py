"""The leaders table: who held which office of a state or organisation, and when.

The shipped file ``toolkit/data/actors/leaders.csv`` (README there) lists heads of state and
government, foreign and defence ministers and UN ambassadors of the Middle East states and
the five permanent Security Council members, and the heads of the UN, the IAEA, EU foreign
policy, the Arab League and the GCC, 2000 onwards, each row with its source.
:func:`load_leaders` reads it (or your corrected copy) with parsed dates;
:func:`lookup_leader` finds who a bare name is on a given day; :func:`leaders_on` lists who
was in office on a day.

>>> lookup_leader("Zarif", "2015-07-14")[["name", "country_or_org", "role"]].values.tolist()
[['Mohammad Javad Zarif', 'Iran', 'foreign_minister']]
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

from toolkit._frames import conform
from toolkit.errors import MESSAGES, InputError, SchemaError

#: The roles of the leaders table (column ``role``); ``role_title`` gives the title as news
#: writes it ("Secretary of State" for a US foreign_minister).
LEADER_ROLES = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "un_ambassador",
    "secretary_general",
    "director_general",
    "high_representative",
)

#: Columns and dtypes of :func:`load_leaders` (the file's ``start`` / ``end`` strings become
#: ``start_date`` / ``end_date`` with their ``start_precision`` / ``end_precision``).
LEADER_DTYPES: dict[str, str] = {
    "person_id": "str",
    "name": "str",
    "aliases": "str",
    "country_or_org": "str",
    "role": "str",
    "role_title": "str",
    "start_date": "datetime64[ns]",
    "end_date": "datetime64[ns]",
    "start_precision": "str",
    "end_precision": "str",
    "acting": "bool",
    "source": "str",
    "notes": "str",
}
LEADER_COLUMNS = list(LEADER_DTYPES)

_FILE_FIELDS = ["person_id", "name", "aliases", "country_or_org", "role", "role_title",
                "start", "end", "acting", "source", "notes"]
_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_PRECISION = {1: "year", 2: "month", 3: "day"}


def _parse_date(value: str, *, bound: str) -> tuple[pd.Timestamp, str]:
    """``YYYY[-MM[-DD]]`` -> (the widest bound, precision); raises ValueError."""
    match = _DATE.fullmatch(value)
    if not match:
        raise ValueError(value)
    year, month, day = match.groups()
    parts = sum(p is not None for p in (year, month, day))
    y, m = int(year), int(month or (1 if bound == "start" else 12))
    last = calendar.monthrange(y, m)[1]
    d = int(day) if day is not None else (1 if bound == "start" else last)
    return pd.Timestamp(year=y, month=m, day=d), _PRECISION[parts]


def _read(path: str | Path | None) -> tuple[pd.DataFrame, str]:
    if path is None:
        from toolkit import lexicons

        frame = lexicons.load("leaders")
        return frame, frame.attrs["source"]
    from toolkit.errors import MissingFileError
    from toolkit.lexicons._readers import table

    path = Path(path)
    if not path.is_file():
        raise MissingFileError(MESSAGES["leaders_no_file"], source=str(path))
    return table(path.read_text(encoding="utf-8"), name=str(path)), str(path)


def _parse(frame: pd.DataFrame, source: str) -> pd.DataFrame:
    missing = [c for c in _FILE_FIELDS if c not in frame.columns]
    if missing:
        raise SchemaError(MESSAGES["leaders_columns"].format(missing=missing), source=source)
    rows = []
    for i, rec in enumerate(frame[_FILE_FIELDS].fillna("").to_dict("records")):
        line = i + 2  # header is line 1

        def bad(problem: str, *, line: int = line) -> InputError:
            return InputError(MESSAGES["leaders_row"].format(problem=problem),
                              source=source, line=line)

        for col in ("person_id", "name", "country_or_org", "role", "start", "source"):
            if not rec[col].strip():
                raise bad(f"empty {col}")
        if rec["role"] not in LEADER_ROLES:
            raise bad(f"role {rec['role']!r} is not one of {', '.join(LEADER_ROLES)}")
        acting = rec["acting"].strip().lower()
        if acting not in ("true", "false", ""):
            raise bad(f"acting {rec['acting']!r} is not true or false")
        try:
            start, start_precision = _parse_date(rec["start"].strip(), bound="start")
            end, end_precision = ((pd.NaT, "") if not rec["end"].strip()
                                  else _parse_date(rec["end"].strip(), bound="end"))
        except ValueError as err:
            raise bad(f"date {err.args[0]!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None
        if end is not pd.NaT and end < start:
            raise bad(f"end {rec['end']} before start {rec['start']}")
        rows.append({**rec, "start_date": start, "end_date": end,
                     "start_precision": start_precision, "end_precision": end_precision,
                     "acting": acting == "true"})
    out = pd.DataFrame(rows, columns=[*_FILE_FIELDS, *LEADER_COLUMNS[6:10]])
    out.attrs["source"] = source
    return conform(out, LEADER_DTYPES)


@lru_cache(maxsize=1)
def _shipped() -> pd.DataFrame:
    return _parse(*_read(None))


def load_leaders(path: str | Path | None = None) -> pd.DataFrame:
    """The leaders table with parsed dates: one row per person, office and term.

    Parameters
    ----------
    path : str or Path, optional
        A CSV with the columns of ``toolkit/data/actors/leaders.csv`` (your corrected copy);
        default the shipped file.

    Returns
    -------
    DataFrame
        ``LEADER_COLUMNS``: ``person_id, name, aliases`` (``;``-separated), ``country_or_org,
        role`` (one of ``LEADER_ROLES``), ``role_title``, ``start_date, end_date`` (the
        widest reading of the file's dates: a ``YYYY`` start is 1 January, a ``YYYY`` end
        31 December, a ``YYYY-MM`` start the 1st and end the last day of the month;
        ``end_date`` is NaT while in office), ``start_precision, end_precision`` (``day``,
        ``month``, ``year``; empty for an open end), ``acting`` (bool), ``source, notes``.

    Raises
    ------
    InputError
        A row with an unknown role, a malformed date or an empty required field; the
        message names the file and line.

    Examples
    --------
    >>> table = load_leaders()
    >>> table.loc[table["person_id"] == "iran-zarif-mohammad-javad", "role"].tolist()
    ['foreign_minister', 'un_ambassador']
    """
    return _shipped().copy() if path is None else _parse(*_read(path))


def _norm(text: str) -> str:
    """Case, accents, dots, apostrophe and hyphen variants folded: 'Erdoğan' -> 'erdogan'."""
    text = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("İ", "I"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[’‘`´]", "'", text).replace(".", " ")
    words = re.sub(r"[-‐‑–]", " ", text).split()
    if len(words) > 2:
        prefixes = _name_prefixes()  # 'Seyyed Ali X' folds to 'ali x' (data: name_prefixes)
        while len(words) > 2 and words[0] in prefixes:
            words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=1)
def _name_prefixes() -> frozenset[str]:
    """Lineage and courtesy words left out of a folded name (lexicon ``name_prefixes``)."""
    from toolkit import lexicons

    return frozenset(lexicons.load("name_prefixes"))


def _index(leaders: pd.DataFrame) -> dict[str, list[tuple[int, bool]]]:
    """Normalised name -> [(row position, is a one-word alias)]."""
    index: dict[str, list[tuple[int, bool]]] = {}
    for pos, (name, aliases) in enumerate(zip(leaders["name"], leaders["aliases"],
                                              strict=True)):
        forms = {name: False}
        for alias in str(aliases or "").split(";"):
            alias = alias.strip()
            if alias:
                forms.setdefault(alias, " " not in alias)
        seen = set()
        for form, short in forms.items():
            key = _norm(form)
            if key and key not in seen:
                seen.add(key)
                index.setdefault(key, []).append((pos, short))
    return index


def _in_office(leaders: pd.DataFrame, as_of: object) -> pd.Series:
    day = pd.Timestamp(as_of).normalize()
    return (leaders["start_date"] <= day) & (leaders["end_date"].isna()
                                            | (leaders["end_date"] >= day))


def lookup_leader(name: str, as_of: object = None, *,
                  leaders: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows of the leaders table whose name or an alias is ``name`` (in office on ``as_of``).

    A name matches a whole name or alias, ignoring case, accents, dots and hyphens ("erdogan",
    "Erdoğan"). A one-word alias (a surname: "Zarif", "Clinton") matches only when it points
    to a single person among the rows in office on ``as_of`` (or in the whole table without
    ``as_of``); several people give no rows. A full name or multi-word alias gives every
    row it matches.

    Without ``as_of`` the rows are every term of the person, which may differ in office and
    even state or organisation (Philip Hammond: Defence, then Foreign Secretary; Zarif: UN
    ambassador, then foreign minister): take the role of an undated mention only when all
    rows agree on it, and the ``country_or_org`` likewise, as :func:`toolkit.people.resolve_people`
    and :func:`toolkit.actors.mentions` do. With ``as_of`` the rows are the terms held that day.

    Parameters
    ----------
    name : str
        The name as written.
    as_of : date-like, optional
        The day (``"2015-07-14"``, a Timestamp); only rows in office that day
        (``start_date <= as_of <= end_date``, an open end counts as in office).
    leaders : DataFrame, optional
        A table from :func:`load_leaders` (your corrected copy); default the shipped one.

    Returns
    -------
    DataFrame
        ``LEADER_COLUMNS``; no rows when nothing (or nothing unambiguous) matches.

    Examples
    --------
    >>> lookup_leader("Clinton", "2010-06-01")["name"].tolist()
    ['Hillary Clinton']
    >>> lookup_leader("Clinton").empty    # Bill and Hillary: a bare surname is ambiguous
    True
    >>> lookup_leader("Hammond")["role_title"].tolist()    # undated: two offices, no one role
    ['Foreign Secretary', 'Defence Secretary']
    >>> lookup_leader("Hammond", "2013-01-01")["role_title"].tolist()
    ['Defence Secretary']
    """
    table = load_leaders() if leaders is None else leaders
    hits = _index(table).get(_norm(str(name)), [])
    if as_of is not None:
        live = _in_office(table, as_of).to_numpy()
        hits = [(pos, short) for pos, short in hits if live[pos]]
    full = sorted({pos for pos, short in hits if not short})
    if full:
        chosen = full
    else:
        chosen = sorted({pos for pos, _ in hits})
        if table["person_id"].iloc[chosen].nunique() > 1:
            chosen = []
    out = table.iloc[chosen].reset_index(drop=True)
    return conform(out, LEADER_DTYPES)


def leaders_on(as_of: object, *, name: str | None = None,
               leaders: pd.DataFrame | None = None) -> pd.DataFrame:
    """Everyone in office on ``as_of`` (or, with ``name``, :func:`lookup_leader` that day).

    Parameters
    ----------
    as_of : date-like
        The day.
    name : str, optional
        Only the rows this name or alias matches (surnames only when unambiguous that day).
    leaders : DataFrame, optional
        A table from :func:`load_leaders`; default the shipped one.

    Returns
    -------
    DataFrame
        ``LEADER_COLUMNS``.

    Examples
    --------
    >>> on = leaders_on("2013-06-01")
    >>> on.loc[(on["country_or_org"] == "United States")
    ...        & (on["role"] == "foreign_minister"), "name"].tolist()
    ['John Kerry']
    """
    table = load_leaders() if leaders is None else leaders
    if name is not None:
        return lookup_leader(name, as_of, leaders=table)
    out = table[_in_office(table, as_of)].reset_index(drop=True)
    return conform(out, LEADER_DTYPES)
