"""Load the actor gazetteer (CSV files under ``toolkit/data/actors``) into one long table.

The shipped files are wide and easy to edit (one row per country, territory, organisation,
office); :func:`load_gazetteer` turns them into one row per surface form (``alias``). Users add
their own entries with a CSV in the long format (see ``LONG_COLUMNS``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from toolkit.errors import SchemaError

#: Columns of the long gazetteer table (and of a user's extra CSV file).
LONG_COLUMNS = ["alias", "actor", "actor_type", "label_type", "country", "guard"]

#: The actor types :func:`load_gazetteer` produces.
ACTOR_TYPES = ("state", "territory", "organisation", "armed_group", "office", "block")

#: Shipped file -> its name in :mod:`toolkit.lexicons`.
_LEXICON_OF = {"countries.csv": "countries", "territories.csv": "territories",
               "organisations.csv": "organisations", "labels.csv": "actor_labels",
               "offices.csv": "offices", "blocklist.csv": "actor_blocklist"}


def _read_csv(name: str) -> list[dict[str, str]]:
    from toolkit import lexicons

    return lexicons.load(_LEXICON_OF[name]).to_dict("records")


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _plural(demonym: str) -> list[str]:
    """Demonyms ending in -an or -i take an -s plural (Iranians, Iraqis)."""
    if demonym.endswith(("an", "i")) and " " not in demonym:
        return [demonym, demonym + "s"]
    return [demonym]


def _builtin_rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []

    def add(alias, actor, actor_type, label_type, country, guards, *, upper=True):
        # Datelines and headlines write names in capitals (BEIRUT, IRAN): add that form too.
        if upper and len(alias) >= 4 and alias.upper() != alias and actor_type != "office":
            # capitals carry no case information: no person-name guard on TURKEY, JORDAN
            add(alias.upper(), actor, actor_type, label_type, country, (), upper=False)
            rows[-1]["_variant"] = True
        rows.append(
            {
                "alias": alias,
                "actor": actor,
                "actor_type": actor_type,
                "label_type": label_type,
                "country": country or None,
                "guard": alias in guards,
            }
        )

    for r in _read_csv("countries.csv"):
        guards = set(_split(r["guard"]))
        if f"-{r['actor']}" not in guards:
            add(r["actor"], r["actor"], "state", "name", r["iso2"], guards)
        for a in _split(r["alt_names"]):
            kind = "abbreviation" if a.replace(".", "").isupper() else "alt_name"
            add(a, r["actor"], "state", kind, r["iso2"], guards)
        for d in _split(r["demonyms"]):
            for form in _plural(d):
                add(form, r["actor"], "state", "demonym", r["iso2"], guards)
        for c in _split(r["capitals"]):
            add(c, r["actor"], "state", "capital", r["iso2"], guards)
        for s in _split(r["seats"]):
            add(s, r["actor"], "state", "seat", r["iso2"], guards)
    iso_of = {r["actor"]: r["iso2"] for r in _read_csv("countries.csv")}
    for r in _read_csv("territories.csv"):
        guards = set(_split(r["guard"]))
        add(r["actor"], r["actor"], "territory", "name", r["country"], guards)
        for a in _split(r["aliases"]):
            if a == r["actor"]:
                continue
            add(a, r["actor"], "territory", "alt_name", r["country"], guards)
        for d in _split(r["demonyms"]):
            for form in _plural(d):
                add(form, r["actor"], "territory", "demonym", r["country"], guards)
    territory_country = {r["actor"]: r["country"] for r in _read_csv("territories.csv")}
    for r in _read_csv("organisations.csv"):
        guards = set(_split(r["guard"]))
        add(r["actor"], r["actor"], r["actor_type"], "name", r["country"], guards)
        for a in _split(r["aliases"]):
            if a == r["actor"]:
                continue
            kind = "abbreviation" if a.replace(".", "").replace("-", "").isupper() else "alt_name"
            add(a, r["actor"], r["actor_type"], kind, r["country"], guards)
    for r in _read_csv("labels.csv"):
        actor = r["actor"]
        if actor in iso_of:
            add(r["label"], actor, "state", r["label_type"], iso_of[actor], ())
        else:
            add(r["label"], actor, "territory", r["label_type"], territory_country.get(actor), ())
    for r in _read_csv("offices.csv"):
        for a in _split(r["aliases"]):
            add(a, r["office"], "office", "title", None, ())
    for r in _read_csv("blocklist.csv"):
        add(r["phrase"], r["phrase"], "block", "block", None, ())
        if r["phrase"].endswith(("an", "i")):  # Iranian-Americans, Arab-Americans
            add(r["phrase"] + "s", r["phrase"], "block", "block", None, ())
    return rows


def _read_extra(source: str | Path | pd.DataFrame) -> pd.DataFrame:
    from toolkit import lexicons

    frame = lexicons.resolve(source, kind="gazetteer")
    path = frame.attrs.get("source", "DataFrame")
    frame = frame.fillna("").astype(str)
    missing = {"alias", "actor", "actor_type"} - set(frame.columns)
    if missing:
        raise SchemaError(
            f"gazetteer file lacks column(s) {sorted(missing)}; needs {LONG_COLUMNS[:3]} "
            f"(optional: {LONG_COLUMNS[3:]})",
            source=str(path),
        )
    bad = ~frame["actor_type"].isin(ACTOR_TYPES)
    if bad.any():
        i = int(bad.to_numpy().nonzero()[0][0])
        raise SchemaError(
            f"unknown actor_type {frame['actor_type'].iloc[i]!r}; use one of {ACTOR_TYPES}",
            source=str(path),
            line=i + 2,
        )
    empty = frame["alias"].str.strip() == ""
    if empty.any():
        i = int(empty.to_numpy().nonzero()[0][0])
        raise SchemaError("empty alias", source=str(path), line=i + 2)
    if "label_type" not in frame:
        frame["label_type"] = "user"
    if "country" not in frame:
        frame["country"] = ""
    if "guard" not in frame:
        frame["guard"] = ""
    frame["label_type"] = frame["label_type"].replace("", "user")
    frame["country"] = frame["country"].replace("", None)
    frame["guard"] = frame["guard"].str.lower().isin(["1", "true", "yes", "y"])
    return frame[LONG_COLUMNS]


def load_gazetteer(
    extra: Iterable[str | Path | pd.DataFrame] | str | Path | pd.DataFrame | None = None,
    *,
    builtin: bool = True,
) -> pd.DataFrame:
    """Return the gazetteer as one row per surface form.

    Parameters
    ----------
    extra : path, DataFrame or a list of them, optional
        Your own CSV file(s) or DataFrame(s) with columns ``alias, actor, actor_type`` and
        optionally ``label_type, country, guard`` (read by :func:`toolkit.lexicons.resolve`,
        kind ``gazetteer``). A later entry for the same ``alias`` replaces an
        earlier one, so your file can correct the shipped lists. ``actor_type`` ``block``
        makes a phrase a non-mention (e.g. ``Washington Post``).
    builtin : bool, default True
        Include the shipped files (``toolkit/data/actors/*.csv``, documented in the README there).

    Returns
    -------
    pandas.DataFrame
        Columns ``alias`` (the exact, case-sensitive surface form), ``actor`` (canonical name),
        ``actor_type`` (one of ``ACTOR_TYPES``), ``label_type`` (name, alt_name, abbreviation,
        demonym, capital, seat, state_media, loaded, historical, metonym, official_term, title,
        block, user), ``country`` (ISO 3166-1 alpha-2 of the state the actor is or belongs to,
        None if none) and ``guard`` (True: reject the match when it looks like part of a
        personal or longer proper name, e.g. "Jim Jordan", "Washington Post").

    Examples
    --------
    >>> g = load_gazetteer()
    >>> g.loc[g["alias"] == "Zionist regime", ["actor", "label_type"]].iloc[0].tolist()
    ['Israel', 'state_media']
    """
    frames = []
    if builtin:
        shipped = pd.DataFrame(_builtin_rows())
        # an upper-case variant (IRAN) never replaces an entry written in the files (ISIS)
        variant = shipped["_variant"].eq(True) & shipped["alias"].duplicated(keep=False)
        frames.append(shipped.loc[~variant, LONG_COLUMNS])
    if extra is not None:
        paths = [extra] if isinstance(extra, str | Path | pd.DataFrame) else list(extra)
        frames.extend(_read_extra(p) for p in paths)
    if not frames:
        return pd.DataFrame(columns=LONG_COLUMNS)
    table = pd.concat(frames, ignore_index=True)
    table = table.drop_duplicates("alias", keep="last").reset_index(drop=True)
    return table
