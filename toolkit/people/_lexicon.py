"""The word lists and tables the person finder reads, loaded once (lazily: no import cycle)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

#: Lower-case particles that may sit inside a personal name ("Mohammed bin Salman").
PARTICLES = frozenset({"bin", "ibn", "bint", "abu", "al", "el", "de", "da", "di", "van", "von",
                       "der", "den", "du", "la", "le", "ben", "ould", "ul"})


@dataclass(frozen=True)
class Lexicon:
    """Everything :func:`toolkit.people.resolve_people` looks words up in."""

    titles: frozenset[str]  # role words, lower case ("minister", "foreign")
    heads: frozenset[str]  # role heads ("minister", "spokesman")
    honorifics: dict[str, str]  # "mr." -> "m"
    not_names: frozenset[str]
    not_person: frozenset[str]  # lower case; with the gazetteer's non-actor heads (hotel)
    speaker_nouns: frozenset[str]
    speech_forms: frozenset[str]  # "said", "told", ...
    aliases: dict[str, tuple[str, str, str]]  # alias -> (actor, actor_type, ISO country or "")
    guarded: frozenset[str]  # aliases that may be a personal name ("Jordan", "Israel")
    places: frozenset[str]  # unguarded state and territory names, place words ("America")
    pronouns: frozenset[str]
    alias_regex: re.Pattern  # any alias at a position (longest first)
    given_names: frozenset[str]  # lower case (data/people/given_names.txt)
    context: dict[str, frozenset[str]]  # sections of data/people/name_context.txt
    speech_after_name: frozenset[str]  # speech forms that show a name before them is a
    # person: no base form ("say") and no form that is also a plural noun ("states")
    state_aliases: frozenset[str]  # names of states and territories ("Iran" of "Iran-Iraq")
    demonyms: frozenset[str]  # gazetteer demonyms ("Egyptian" of "Egyptian-American")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon (quotes word lists, actor gazetteer)."""
    from toolkit import lexicons
    from toolkit.actors._gazetteer import load_gazetteer

    titles = lexicons.load("titles")
    words = {str(w).lower() for w in titles["word"]}
    heads = {str(w).lower() for w, k in zip(titles["word"], titles["kind"], strict=True)
             if k in ("head", "rank")}  # ranks (admiral, colonel) head a title too
    words -= {"the", "of"}
    hon = lexicons.load("honorifics")
    honorifics = {str(w).lower(): str(g) for w, g in zip(hon["word"], hon["gender"], strict=True)}
    cues = lexicons.load("cue_verbs")
    speech = {f for forms, cls in zip(cues["forms"], cues["class"], strict=True)
              if cls in ("speech", "stance") for f in str(forms).split("|") if " " not in f}
    gaz = load_gazetteer()
    gaz = gaz[~gaz["actor_type"].isin(["block", "office"])]
    aliases = {a: (act, typ, "" if pd.isna(c) else str(c))
               for a, act, typ, c in zip(gaz["alias"], gaz["actor"], gaz["actor_type"],
                                         gaz["country"], strict=True)}
    from toolkit.actors._match import _WORDS, _trie_regex

    alias_regex = re.compile(r"(?:" + _trie_regex(aliases) + r")(?![\w])")
    context = {k: frozenset(v) for k, v in lexicons.load("name_context").items()}
    lemmas = {str(w).lower() for w in cues["lemma"]}
    return Lexicon(
        titles=frozenset(words), heads=frozenset(heads), honorifics=honorifics,
        not_names=frozenset(lexicons.load("not_names")) | context["function_words"],
        not_person=frozenset(lexicons.load("not_person_words"))
        | {w.lower() for w in _WORDS.get("non_actor_heads", ())},
        speaker_nouns=frozenset(lexicons.load("speaker_nouns")),
        speech_forms=frozenset(speech), aliases=aliases,
        guarded=frozenset(gaz.loc[gaz["guard"].astype(bool), "alias"]),
        places=frozenset(
            set(gaz.loc[gaz["actor_type"].isin(["state", "territory"])
                        & gaz["label_type"].isin(["name", "alt_name", "capital"])
                        & ~gaz["guard"].astype(bool), "alias"])
            | _WORDS.get("place_words", frozenset())),
        pronouns=frozenset(str(w) for w in lexicons.load("pronouns")["pronoun"]),
        alias_regex=alias_regex,
        given_names=frozenset(lexicons.load("given_names")),
        context=context,
        speech_after_name=frozenset(f for f in speech - lemmas - context["noun_forms"]
                                    if not f.endswith("ing")),  # "Douma suggesting ..."
        demonyms=frozenset(gaz.loc[gaz["label_type"] == "demonym", "alias"]),
        state_aliases=frozenset(gaz.loc[gaz["actor_type"].isin(["state", "territory"])
                                        & gaz["label_type"].isin(["name", "alt_name"]),
                                        "alias"]),
    )


@dataclass(frozen=True)
class LeaderIndex:
    """The leaders table with a name index (see :func:`toolkit.actors.lookup_leader`)."""

    table: pd.DataFrame
    index: dict[str, list[tuple[int, bool]]]
    start: list
    end: list
    records: list[dict]  # the table's rows as dicts (read per mention without pandas)
    terms: dict[str, list[int]]  # person_id -> row positions of all the person's terms


@lru_cache(maxsize=4)
def _leader_index_cached(key: int) -> LeaderIndex:
    from toolkit.actors._leaders import load_leaders

    return build_leader_index(load_leaders())


def build_leader_index(table: pd.DataFrame) -> LeaderIndex:
    from toolkit.actors._leaders import _index

    table = table.reset_index(drop=True)
    terms: dict[str, list[int]] = {}
    for pos, pid in enumerate(table["person_id"].tolist()):
        terms.setdefault(pid, []).append(pos)
    return LeaderIndex(table=table, index=_index(table), start=table["start_date"].tolist(),
                       end=table["end_date"].tolist(), records=table.to_dict("records"),
                       terms=terms)


def leader_index(leaders: pd.DataFrame | bool | None) -> LeaderIndex | None:
    """``True``/``None`` -> the shipped table's index; ``False`` -> None; a frame -> its index."""
    if leaders is False:
        return None
    if leaders is None or leaders is True:
        return _leader_index_cached(0)
    return build_leader_index(leaders)


@lru_cache(maxsize=65536)
def norm_name(text: str) -> str:
    """The folded form of a name used for matching ('Erdoğan' -> 'erdogan')."""
    from toolkit.actors._leaders import _norm

    return _norm(text)


def find_leader(idx: LeaderIndex, name: str, date: pd.Timestamp | None) -> int | None:
    """Row position of the one leader ``name`` (full name or surname) points to, on ``date``
    when given (the latest term when several rows of one person match); None if none or
    ambiguous."""
    hits = idx.index.get(norm_name(name), [])
    if not hits:
        return None
    if date is not None and not pd.isna(date):
        hits = [(p, s) for p, s in hits
                if idx.start[p] <= date and (pd.isna(idx.end[p]) or idx.end[p] >= date)]
    if not hits:
        return None
    full = [p for p, short in hits if not short]
    chosen = full or [p for p, _ in hits]
    if len({idx.records[p]["person_id"] for p in chosen}) > 1:
        return None
    return max(chosen, key=lambda p: idx.start[p])


def leader_facts(idx: LeaderIndex, pos: int, date: pd.Timestamp | None) -> tuple[str, str]:
    """``(role_title, country_or_org)`` the leaders table gives for row ``pos``: on a date,
    that term's; without one, each only when all the person's terms agree (else empty), so
    an undated "Hammond" gets the United Kingdom but no role (Defence, then Foreign
    Secretary), and an undated "Zarif" Iran but no role (UN ambassador, then minister)."""
    row = idx.records[pos]
    if date is not None and not pd.isna(date):
        return row["role_title"], row["country_or_org"]
    terms = [idx.records[p] for p in idx.terms.get(row["person_id"], [pos])]
    role = row["role_title"] if len({t["role_title"] for t in terms}) == 1 else ""
    where = row["country_or_org"] if len({t["country_or_org"] for t in terms}) == 1 else ""
    return role, where
