"""Person mentions of one document: names, roles and affiliations, resolved inside the text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from toolkit._frames import conform
from toolkit.people._candidates import _LOWER_WORD, _candidates, _in_headline, _Mention
from toolkit.people._lexicon import (
    PARTICLES,
    LeaderIndex,
    Lexicon,
    find_leader,
    leader_facts,
    leader_index,
    lexicon,
    norm_name,
)
from toolkit.people._roles import _alias_at, _is_title_word

#: Column -> dtype of a person-mention frame (rows or no rows).
PERSON_DTYPES: dict[str, str] = {
    "doc_id": "str",
    "start": "int64",
    "end": "int64",
    "surface": "str",
    "person_id": "str",
    "name": "str",
    "role": "str",
    "affiliation": "str",
    "affiliation_source": "str",
    "country": "str",
    "kind": "str",
    "in_quote": "bool",
}
#: Columns of a person-mention frame (:func:`resolve_people`, :func:`person_mentions`).
PERSON_COLUMNS = list(PERSON_DTYPES)
#: Values of ``kind``: a full or partial name, a surname (one word) or a title alone.
PERSON_KINDS = ("name", "surname", "title")
_TITLE_ALONE_DET = re.compile(r"\b([Tt]he)[ \t]+")
_ROLE_WORD = re.compile(r"([\w.-]+)[ \t]*")  # a word of a title alone, read 40 characters on
_NEXT_WORD = re.compile(r"[ \t]*(\S+)")


@dataclass
class _Entity:
    tokens: list[str]
    mentions: list[int] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliations: list[tuple[str, str]] = field(default_factory=list)
    name: str = ""
    person_id: str = ""
    role: str = ""
    affiliation: str = ""
    country: str = ""
    source: str = ""


def _slug(name: str) -> str:
    return "p-" + norm_name(name).replace("'", "").replace(" ", "-")

def _quote_spans(text: str) -> list[tuple[int, int]]:
    from toolkit.tokenize._marks import pair_marks

    return [(q.start, q.end) for q in pair_marks(text)[0]]


def _inside(spans: list[tuple[int, int]], lefts: list[int], pos: int) -> bool:
    i = bisect_right(lefts, pos) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]

def _same_person(a: list[str], b: list[str]) -> bool:
    """Whether name ``b`` (shorter or equal) can be name ``a``: same last word, and the other
    words of ``b`` among those of ``a``."""
    if not a or not b:
        return False
    return _same_folded(" ".join(a), " ".join(b))


@lru_cache(maxsize=65536)
def _same_folded(a: str, b: str) -> bool:
    na, nb = norm_name(a).split(), norm_name(b).split()
    if not na or not nb:
        return False
    if len(nb) == 1 and len(na) >= 3 and nb[0] in na[1:]:
        return True  # "Cabrisas" of "Ricardo Cabrisas Ruiz"
    return na[-1] == nb[-1] and set(nb) <= set(na)


def resolve_people(
    text: str,
    *,
    doc_id: str = "doc0",
    date: object = None,
    registry: pd.DataFrame | None = None,
    leaders: pd.DataFrame | bool | None = True,
    quote_spans: list[tuple[int, int]] | None = None,
    titles: bool = True,
) -> pd.DataFrame:
    """Person mentions of one text, with role and affiliation, resolved inside the text.

    Finds capitalised name runs ("Mohammad Javad Zarif", "Bashar al-Assad", "Thomas L.
    Friedman"), peels off titles and pre-modifiers ("Iranian Foreign Minister ...": role
    "Foreign Minister", affiliation Iran), reads appositions ("Zarif, Iran's foreign minister,";
    "the head of the AEOI, Mohammad Eslami,"), and links a surname or a shorter form to the
    full name given elsewhere in the text (one ``person_id``). Role and affiliation not given in
    the text come from ``registry`` (:func:`person_registry`) and then from the leaders table
    (:func:`toolkit.actors.lookup_leader`): on ``date``, the term held that day; without a
    date, the state or organisation only when all the person's terms agree on it and the role
    only when all terms have the same one (an undated "Hammond": United Kingdom, no role, as he
    was Defence and then Foreign Secretary). With ``titles=True`` a title alone
    ("the minister", "the foreign minister") is a mention of the last person before it whose
    role has the same head word, never of a name inside a quotation. Runs with a word of
    ``not_person_words`` (Ministry, Council, Times ...), acronyms, gazetteer names (states,
    organisations, capitals) and words written in lower case elsewhere in the text (common
    words in a headline) are not names unless a title, an apposition, a speech verb after it
    ("Kamalvandi said"), the registry or the leaders table say they are.

    This is the function :mod:`toolkit.quotes` calls for speakers; its output columns are
    stable (:data:`PERSON_DTYPES`).

    Parameters
    ----------
    text : str
        The document.
    doc_id : str, default "doc0"
        Written into the ``doc_id`` column.
    date : date-like, optional
        The article's date: the leaders table is read on that day (without it, only what all
        of a leader's terms agree on).
    registry : DataFrame, optional
        A person registry (:func:`person_registry`, possibly corrected by hand).
    leaders : DataFrame or bool, default True
        True: the shipped leaders table; a table of :func:`toolkit.actors.load_leaders`; False:
        none.
    quote_spans : list of (start, end), optional
        Quotations of the text (the annotate layer's ``quote_marks``); computed if not given.
    titles : bool, default True
        Also return titles alone ("the minister") resolved to a person (``kind`` "title").

    Returns
    -------
    DataFrame
        :data:`PERSON_COLUMNS`, one row per mention in text order: ``doc_id, start, end,
        surface`` (``text[start:end] == surface``; the name without title or possessive),
        ``person_id`` (the leaders table's id, the registry's, or ``p-`` + the folded name),
        ``name`` (canonical full name), ``role`` (as written, or the leaders' title),
        ``affiliation`` (canonical state or organisation of the gazetteer), ``affiliation_source``
        (``text``, ``registry``, ``leaders`` or empty), ``country`` (ISO code of the state the
        affiliation is or belongs to), ``kind`` (:data:`PERSON_KINDS`), ``in_quote``.

    Examples
    --------
    >>> t = ("Iranian Foreign Minister Mohammad Javad Zarif met reporters. "
    ...      "Zarif said the minister would return.")
    >>> resolve_people(t)[["surface", "name", "role", "affiliation", "kind"]].values.tolist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Mohammad Javad Zarif', 'Mohammad Javad Zarif', 'Foreign Minister', 'Iran', 'name'],
     ['Zarif', 'Mohammad Javad Zarif', 'Foreign Minister', 'Iran', 'surname'],
     ['the minister', 'Mohammad Javad Zarif', 'Foreign Minister', 'Iran', 'title']]
    """
    setup = _setup(registry, leaders)
    rows = _resolve_rows(setup, text, doc_id=doc_id, day=_day(date), quote_spans=quote_spans,
                         titles=titles)
    return conform(pd.DataFrame(rows, columns=PERSON_COLUMNS), PERSON_DTYPES)


def _day(date: object) -> pd.Timestamp | None:
    """An article's date as a naive Timestamp (None when missing)."""
    if date is None or (not isinstance(date, str) and pd.isna(date)):
        return None
    day = pd.Timestamp(date)
    return day.tz_localize(None) if day.tzinfo else day


def _setup(registry: pd.DataFrame | None, leaders) -> tuple:
    """What :func:`_resolve_rows` reads for every document: lexicon, registry index, leaders."""
    reg = _registry_index(registry) if registry is not None and len(registry) else {}
    return lexicon(), reg, leader_index(leaders)


def _resolve_rows(setup: tuple, text: str, *, doc_id: str, day, quote_spans, titles: bool
                  ) -> list[tuple]:
    """The rows of :func:`resolve_people` (tuples in :data:`PERSON_COLUMNS` order), no frame:
    what :func:`person_mentions` and :func:`toolkit.actors.mentions` call per document."""
    lex, reg, idx = setup
    cands = _candidates(lex, text)
    if not cands:
        return []
    spans = sorted(_quote_spans(text) if quote_spans is None else quote_spans)
    lefts = [s for s, _ in spans]
    lower_words = set(_LOWER_WORD.findall(text))
    ents: list[_Entity] = []
    accepted: list[_Mention] = []
    # pass 1: multi-word names (and single words with evidence of a title or apposition)
    for m in cands:
        m.in_quote = _inside(spans, lefts, m.start)
        words = [w for w in m.tokens if w.lower() not in PARTICLES]
        common = any(w.lower() in lower_words for w in words) or _in_headline(text, m.start)
        if len(words) >= 2 and (not (common or m.place_like or m.needs_given) or m.evidence):
            accepted.append(m)
    for m in accepted:
        _attach(ents, m, accepted)
    # pass 2: single words: a surname of a name above, else registry, leaders, evidence
    taken = {id(m) for m in accepted}
    for m in cands:
        if id(m) in taken:
            continue
        words = [w for w in m.tokens if w.lower() not in PARTICLES]
        if len(words) != 1 and not m.evidence:
            continue
        if any(_same_person(e.tokens, words) for e in ents):  # a form of a name above
            accepted.append(m)
            continue
        if (words[0].lower() in lower_words or m.place_like) and not m.evidence:
            continue
        key = norm_name(" ".join(words))
        if m.evidence or key in reg or (idx and find_leader(idx, key, day) is not None):
            accepted.append(m)
    accepted.sort(key=lambda m: m.start)
    ents = []
    for m in accepted:
        _attach(ents, m, accepted)
    for e in ents:
        _finish(e, accepted, reg, idx, day)
    rows = []
    for m in accepted:
        e = ents[m.entity]
        kind = "name" if len(m.tokens) > 1 else "surname"
        rows.append((doc_id, m.start, m.end, text[m.start:m.end], e.person_id, e.name, e.role,
                     e.affiliation, e.source, e.country, kind, m.in_quote))
    if titles and ents:
        rows.extend(_titles_alone(lex, text, doc_id, accepted, ents, spans, lefts))
        rows.sort(key=lambda r: r[1])
    return rows


def _attach(ents: list[_Entity], m: _Mention, accepted: list[_Mention]) -> None:
    """Put ``m`` in the entity of a fitting longer name (the latest one), else a new one."""
    words = [w for w in m.tokens if w.lower() not in PARTICLES]
    best = None
    for k in range(len(ents) - 1, -1, -1):
        e = ents[k]
        if _same_person(e.tokens, words) or _same_person(words, e.tokens):
            best = k
            break
    if best is None:
        ents.append(_Entity(tokens=list(m.tokens)))
        best = len(ents) - 1
    e = ents[best]
    if len(m.tokens) > len(e.tokens):
        e.tokens = list(m.tokens)
    e.mentions.append(len(e.mentions))
    m.entity = best
    if m.role:
        e.roles.append(m.role)
    if m.affiliation:
        e.affiliations.append((m.affiliation, m.country))


def _finish(e: _Entity, accepted: list[_Mention], reg: dict, idx: LeaderIndex | None,
            day) -> None:
    e.name = " ".join(e.tokens)
    e.role = e.roles[0] if e.roles else ""
    if e.affiliations:
        counts: dict[tuple[str, str], int] = {}
        for a in e.affiliations:
            counts[a] = counts.get(a, 0) + 1
        (e.affiliation, e.country) = max(counts, key=lambda a: counts[a])
        e.source = "text"
    key = norm_name(e.name)
    hit = reg.get(key)
    if hit is not None:
        e.person_id = hit["person_id"]
        if len(e.tokens) == 1 or len(hit["name"].split()) > len(e.tokens):
            e.name = hit["name"]
        if not e.role and hit["role"]:
            e.role = hit["role"]
        if not e.affiliation and hit["affiliation"]:
            e.affiliation, e.country, e.source = hit["affiliation"], hit["country"], "registry"
    pos = find_leader(idx, key, day) if idx is not None else None
    if pos is not None:
        row = idx.records[pos]
        if hit is None:
            e.person_id = row["person_id"]
        if len(e.tokens) == 1 or _same_person(row["name"].split(), e.tokens):
            e.name = row["name"]  # "Javad Zarif" -> "Mohammad Javad Zarif"
        role, where = leader_facts(idx, pos, day)
        if not e.role:
            e.role = role
        if not e.affiliation and where:
            e.affiliation, e.source = where, "leaders"
            e.country = _country_of(e.affiliation)
    if not e.person_id:
        e.person_id = _slug(e.name)


def _country_of(affiliation: str) -> str:
    lex = lexicon()
    hit = lex.aliases.get(affiliation)
    return hit[2] if hit else ""


def _titles_alone(lex: Lexicon, text: str, doc_id: str, accepted: list[_Mention],
                  ents: list[_Entity], spans, lefts) -> list[tuple]:
    """Rows for "the minister", "the Iranian foreign minister": the last fitting person."""
    rows = []
    starts = [m.start for m in accepted]
    for m in _TITLE_ALONE_DET.finditer(text):
        pos = m.end()
        role_words = []
        j = pos
        while True:
            w = _ROLE_WORD.match(text, j, j + 40)  # as matching text[j:j + 40]
            if not w:
                break
            word = w.group(1)
            if _is_title_word(lex, word) and word.lower() not in ("of", "the"):
                role_words.append((j, j + len(word), word))
                j = w.end()
                continue
            hit = None if role_words else _alias_at(lex, text, j, len(text))
            if hit:
                k = hit[0]
                if text.startswith(("'s", "’s"), k):
                    k += 2
                j = k + len(text[k:k + 5]) - len(text[k:k + 5].lstrip(" "))
                continue
            break
        if not role_words:
            continue
        last = role_words[-1]
        head = last[2].lower()
        if head not in lex.heads or lex.honorifics.get(head):
            continue
        nxt = _NEXT_WORD.match(text, last[1], last[1] + 40)
        if nxt and (nxt.group(1)[:1].isupper() or nxt.group(1).lower() in ("of", "for", "to")):
            continue  # a pre-modifier of a name, or a longer role ("the head of ...")
        if _inside(spans, lefts, m.start()):
            continue
        k = bisect_right(starts, m.start()) - 1
        target = None
        while k >= 0:
            cand = accepted[k]
            e = ents[cand.entity]
            if not cand.in_quote and head in e.role.lower().split():
                target = e
                break
            k -= 1
        if target is None:
            continue
        rows.append((doc_id, m.start(), last[1], text[m.start():last[1]], target.person_id,
                     target.name, target.role, target.affiliation, target.source,
                     target.country, "title", False))
    return rows


def _registry_index(registry: pd.DataFrame) -> dict[str, dict]:
    """Folded name variant -> registry row (variants shared by two people are left out)."""
    out: dict[str, dict] = {}
    clash: set[str] = set()
    for rec in registry.fillna("").to_dict("records"):
        forms = {str(rec.get("name", ""))} | {v.strip() for v in
                                               str(rec.get("variants", "")).split(";")}
        for f in forms:
            key = norm_name(f)
            if not key:
                continue
            if key in out and out[key]["person_id"] != rec["person_id"]:
                clash.add(key)
            out[key] = {k: str(rec.get(k, "") or "") for k in
                        ("person_id", "name", "role", "affiliation", "country")}
    for key in clash:
        out.pop(key, None)
    # a surname alone points to the one registry person whose name ends with it
    last: dict[str, set[str]] = {}
    rows = {}
    for rec in out.values():
        parts = norm_name(rec["name"]).split()
        if len(parts) > 1:
            last.setdefault(parts[-1], set()).add(rec["person_id"])
            rows[rec["person_id"]] = rec
    for key, ids in last.items():
        if len(ids) == 1 and key not in out and key not in clash:
            out[key] = rows[next(iter(ids))]
    return out
