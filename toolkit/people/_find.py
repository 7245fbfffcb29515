"""Person mentions of one document: names, roles and affiliations, resolved inside the text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import pandas as pd

from toolkit._frames import conform
from toolkit.people._lexicon import (
    PARTICLES,
    LeaderIndex,
    Lexicon,
    find_leader,
    leader_index,
    lexicon,
    norm_name,
)

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

_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_WORD = (rf"(?:[{_UP}]\.(?:[{_UP}]\.)*"
         rf"|(?:(?:al|el|ad|as|ash|an|at|az|abu|bin|ibn|bani)[-‐])?[{_UP}][\w‐-]*"
         rf"(?:['’][{_UP}][\w‐-]*)?)")
_SEP = r"[ \t\xa0]+"
_RUN = re.compile(rf"(?<![\w'’.-]){_WORD}(?:{_SEP}(?:(?:{'|'.join(sorted(PARTICLES))}){_SEP})*"
                  rf"{_WORD})*")
_TOKEN = re.compile(rf"{_WORD}|\S+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")
_PREV_WORD = re.compile(r"(\S+)[ \t\xa0]+$")
_APPOS_END = re.compile(r"\s*(?:[,;:)—–]|\.(?:\s|$)|\s(?:said|says|told|added)\b)")
_OUTLET = re.compile(r"[ \t]+(?:newspaper|daily|news agency|agency|TV|television|channel|"
                     r"website|radio|magazine|weekly)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_PLACE_PREP = re.compile(r"\b(?:in|at|near|inside|outside|across)[ \t]+$")
_URL_TAIL = re.compile(r"\.[a-z]{2,4}\b")
_LONGER_NAME = re.compile(r"[A-Z][\w'’-]*[ \t]+(?:for|of|on|de|du|des)[ \t]+$")
_TITLE_ALONE_DET = re.compile(r"\b([Tt]he)[ \t]+")
_QUOTE_OPEN = "\"“”„«»"


@dataclass(eq=False)  # compared by identity ("m in accepted" stays cheap)
class _Mention:
    start: int
    end: int
    tokens: list[str]
    role: str = ""
    affiliation: str = ""
    country: str = ""
    source: str = ""
    evidence: bool = False
    in_quote: bool = False
    entity: int = -1
    kind: str = "name"
    head: str = ""
    place_like: bool = False


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


def _is_head(lex: Lexicon, word: str) -> bool:
    low = word.lower().strip(",")
    return low in lex.heads or low.rstrip(".") in lex.heads or low in lex.honorifics


def _is_title_word(lex: Lexicon, word: str) -> bool:
    low = word.lower()
    return low in lex.titles or low.rstrip(".") in lex.titles or low in lex.honorifics


def _alias_at(lex: Lexicon, text: str, pos: int, limit: int) -> tuple[int, str] | None:
    """``(end, alias)`` of a gazetteer alias starting at ``pos`` and ending by ``limit``."""
    m = lex.alias_regex.match(text, pos)
    if m and m.end() <= limit:
        return m.end(), m.group()
    return None


def _alias_ending(lex: Lexicon, text: str, end: int) -> tuple[int, str] | None:
    """``(start, alias)`` of a gazetteer alias that ends at ``end`` (a possessive allowed)."""
    stop = end
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix, 0, end):
            stop = end - len(suffix)
            break
    pos = stop
    best = None
    for _ in range(5):  # up to five words back
        m = _PREV_WORD.search(text, max(0, pos - 60), pos) if pos < stop else None
        if pos == stop:
            m2 = re.search(r"(\S+)$", text[max(0, pos - 60):pos])
            start = pos - len(m2.group(1)) if m2 else pos
        elif m:
            start = m.start(1)
        else:
            break
        start = max(start, 0)
        while start < stop and not text[start].isalnum():
            start += 1
        hit = lex.alias_regex.match(text, start)
        if hit and hit.end() == stop and lex.aliases[hit.group()][1] != "block":
            best = (start, hit.group())
        pos = start
        if pos <= 0:
            break
    return best


def _affil(lex: Lexicon, alias: str) -> tuple[str, str]:
    actor, _typ, country = lex.aliases[alias]
    return actor, country


def _role_before(lex: Lexicon, text: str, start: int) -> tuple[str, str, str, int]:
    """Role words and an affiliation alias right before ``start``: ``(role, affiliation,
    country, phrase start)`` ("Iranian Foreign Minister |Zarif", "Iran's top diplomat |")."""
    pos = start
    role_start = role_end = None
    affiliation = country = ""
    while True:
        m = _PREV_WORD.search(text, max(0, pos - 40), pos)
        if not m:
            break
        word = m.group(1)
        if word == "of" and role_start is not None:
            prev = _PREV_WORD.search(text, max(0, m.start(1) - 40), m.start(1))
            if prev and prev.group(1).lower() in lex.heads:
                pos = m.start(1)
                continue
        if _is_title_word(lex, word) and word.lower() not in ("of", "the"):
            if lex.honorifics.get(word.lower()) is None:
                role_start = m.start(1)
                role_end = role_end or m.end(1)
            pos = m.start(1)
            continue
        hit = _alias_ending(lex, text, m.end(1))
        if hit:
            affiliation, country = _affil(lex, hit[1])
            pos = hit[0]
        break
    role = text[role_start:role_end] if role_start is not None else ""
    return role, affiliation, country, pos


def _parse_role_phrase(lex: Lexicon, text: str, start: int, end: int
                       ) -> tuple[str, str, str] | None:
    """A role phrase filling ``text[start:end]`` ("Iran's foreign minister", "the head of the
    AEOI", "a spokesman for the UN"): ``(role, affiliation, country)``; None if it is not one."""
    phrase = text[start:end]
    words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", phrase)]
    if not words or len(words) > 12:
        return None
    i = 0
    affiliation = country = ""
    if words[i][2].lower() in ("the", "a", "an", "his", "her", "its", "their"):
        i += 1
    if i < len(words) and words[i][2].lower() == "former":
        i += 1
    if i < len(words) and not _is_title_word(lex, words[i][2]):
        hit = _alias_at(lex, text, words[i][0], end)
        if not hit:
            return None
        affiliation, country = _affil(lex, hit[1])
        i0 = i
        while i < len(words) and words[i][1] <= hit[0] + 2:
            i += 1
        if i == i0:
            return None
    r0 = i
    has_head = False
    while i < len(words) and _is_title_word(lex, words[i][2].strip(",")):
        has_head = has_head or words[i][2].lower().strip(",") in lex.heads
        i += 1
    if not has_head or i == r0:
        return None
    role_end = words[i - 1][1]
    if i < len(words) and words[i][2].lower() in ("of", "for", "to", "at"):
        j = i + 1
        if j < len(words) and words[j][2].lower() == "the":
            j += 1
        if j >= len(words):
            return None
        hit = _alias_at(lex, text, words[j][0], end)
        if hit and hit[0] == end:
            if not affiliation:
                affiliation, country = _affil(lex, hit[1])
            role_end = end
            i = len(words)
        elif all(w[2][:1].isupper() or w[2].lower() in ("of", "and", "the", "for")
                 for w in words[j:]):
            role_end = end
            i = len(words)
        else:
            return None
    if i != len(words):
        return None
    return text[words[r0][0]:role_end], affiliation, country


def _apposition_after(lex: Lexicon, text: str, end: int) -> tuple[str, str, str] | None:
    if not text.startswith(", ", end):
        return None
    start = end + 2
    m = _APPOS_END.search(text, start, min(len(text), start + 120))
    if not m:
        return None
    return _parse_role_phrase(lex, text, start, m.start())


def _apposition_before(lex: Lexicon, text: str, start: int) -> tuple[str, str, str] | None:
    if not text.endswith(", ", 0, start):
        return None
    stop = start - 2
    left = max(0, stop - 120)
    window = text[left:stop]
    cut = max(window.rfind(c) for c in ".,;:(\n\"“”—")
    p0 = left + cut + 1
    while p0 < stop and text[p0].isspace():
        p0 += 1
    return _parse_role_phrase(lex, text, p0, stop)


def _quote_spans(text: str) -> list[tuple[int, int]]:
    from toolkit.tokenize._marks import pair_marks

    return [(q.start, q.end) for q in pair_marks(text)[0]]


def _inside(spans: list[tuple[int, int]], lefts: list[int], pos: int) -> bool:
    i = bisect_right(lefts, pos) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


def _candidates(lex: Lexicon, text: str) -> list[_Mention]:
    """Name runs with the role and affiliation words around them."""
    out = []
    for run in _RUN.finditer(text):
        toks = [(m.start() + run.start(), m.end() + run.start(), m.group())
                for m in _TOKEN.finditer(run.group())]
        # peel titles, honorifics, gazetteer aliases and non-name words off the front
        i, limit = 0, run.end()
        honorific = False
        before = _PREV_WORD.search(text, max(0, run.start() - 30), run.start())
        titled = bool(before) and _is_title_word(lex, before.group(1))
        while i < len(toks):
            s, e, w = toks[i]
            low = w.lower()
            if _is_title_word(lex, w) or low in lex.not_names:
                honorific = honorific or low in lex.honorifics
                titled = _is_title_word(lex, w)
                i += 1
                continue
            hit = _alias_at(lex, text, s, limit)
            if hit and titled and hit[1] in lex.guarded:
                break  # "Rep. Jordan", "Senator Chad ...": a name after a title
            if hit and hit[1] in lex.guarded and i + 1 < len(toks) and hit[0] == e:
                nxt = toks[i + 1][2]
                if not (_is_title_word(lex, nxt) or nxt.lower() in lex.not_names
                        or _alias_at(lex, text, toks[i + 1][0], limit)):
                    break  # "Jordan Peterson", "Israel Katz": a first name
            if hit and hit[0] >= e:
                while i < len(toks) and toks[i][1] <= hit[0]:
                    i += 1
                continue
            break
        # a role with words the titles list lacks ("Energy Minister X", "Despite President
        # X"): the name starts after the last title head of the run
        heads = [k for k in range(i, len(toks) - 1) if _is_head(lex, toks[k][2])]
        if heads and heads[-1] >= i:
            i = heads[-1] + 1
            titled = True
            while i < len(toks) - 1 and _is_title_word(lex, toks[i][2]):
                i += 1
        rest = toks[i:]
        after_the = (i == 0 and _THE_BEFORE.search(text, max(0, run.start() - 5), run.start())
                     ) or (i > 0 and toks[i - 1][2] in ("The", "the") and not titled)
        if after_the and (len(toks) - i > 1
                          or not re.match(r"[ \t]+[a-z]", text[run.end():run.end() + 3])):
            continue  # "the Hansell Memorandum", "The Hague"; not "the Obama administration"
        if i == 0 and _PLACE_PREP.search(text, max(0, run.start() - 8), run.start()):
            place_like = True
        else:
            place_like = False
        if i == 0 and _LONGER_NAME.search(text, max(0, run.start() - 40), run.start()):
            continue  # the tail of a longer name ("Center for Policy Research")
        # cut at the first non-name word after the start ("Rouhani Tuesday")
        for k in range(1, len(rest)):
            low = rest[k][2].lower()
            if (low in lex.not_names or (low in lex.titles and low not in PARTICLES)
                    or low in lex.speech_forms):
                rest = rest[:k]
                break
        if not rest:
            continue
        words = [w for _, _, w in rest if w.lower() not in PARTICLES]
        lows = [w.lower() for w in words]
        if not words or any(w in lex.not_person for w in lows):
            continue
        if len(words) == 1 and (lows[0] in lex.pronouns or lows[0] in lex.not_names):
            continue
        if words[-1] in lex.places:
            continue  # "Latin America", "Greater Syria": a place
        if any(len(w) > 1 and w.isupper() and not w.endswith(".") for w in words):
            continue  # acronyms, datelines ("TEHRAN", "IRNA")
        if any(w.endswith(".") for w in words[-1:]) and len(words[-1]) > 2:
            continue
        s0, e0 = rest[0][0], rest[-1][1]
        if text[s0:e0] in lex.aliases and not (titled and text[s0:e0] in lex.guarded):
            continue
        if len(words) == 1 and (lows[0] in lex.speaker_nouns or lows[0] in lex.titles):
            continue
        if _OUTLET.match(text, e0) or _URL_TAIL.match(text, e0):
            continue
        mention = _Mention(s0, e0, [t[2] for t in rest], evidence=honorific)
        role, aff, country, _ = _role_before(lex, text, s0)
        if role or aff:
            mention.role, mention.affiliation, mention.country = role, aff, country
            mention.source = "text" if aff else ""
            mention.evidence = mention.evidence or any(_is_head(lex, w) for w in role.split())
        mention.place_like = place_like
        appos = _apposition_after(lex, text, e0) or _apposition_before(lex, text, s0)
        if appos:
            mention.role = mention.role or appos[0]
            if appos[1] and not mention.affiliation:
                mention.affiliation, mention.country, mention.source = appos[1], appos[2], "text"
            mention.evidence = True
        if mention.role and not mention.affiliation:  # "King Abdullah of Jordan"
            of = re.match(r"[ \t]+of[ \t]+(?:the[ \t]+)?", text[e0:e0 + 12])
            hit = _alias_at(lex, text, e0 + of.end(), len(text)) if of else None
            if hit:
                mention.affiliation, mention.country = _affil(lex, hit[1])
                mention.source = "text"
        after = re.match(r"[ \t]+(\w+)", text[e0:e0 + 30])
        if after and after.group(1) in lex.speech_forms:
            mention.evidence = True
        out.append(mention)
    return out


def _same_person(a: list[str], b: list[str]) -> bool:
    """Whether name ``b`` (shorter or equal) can be name ``a``: same last word, and the other
    words of ``b`` among those of ``a``."""
    if not a or not b:
        return False
    na, nb = norm_name(" ".join(a)).split(), norm_name(" ".join(b)).split()
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
    (:func:`toolkit.actors.lookup_leader`, on ``date``). With ``titles=True`` a title alone
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
        The article's date: the leaders table and the registry's roles are read on that day.
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
    lex = lexicon()
    idx = leader_index(leaders)
    day = None if date is None or (not isinstance(date, str) and pd.isna(date)) \
        else pd.Timestamp(date).tz_localize(None) if pd.Timestamp(date).tzinfo \
        else pd.Timestamp(date)
    spans = sorted(_quote_spans(text) if quote_spans is None else quote_spans)
    lefts = [s for s, _ in spans]
    cands = _candidates(lex, text)
    lower_words = set(_LOWER_WORD.findall(text)) if cands else set()
    reg = _registry_index(registry) if registry is not None and len(registry) else {}
    ents: list[_Entity] = []
    accepted: list[_Mention] = []
    # pass 1: multi-word names (and single words with evidence of a title or apposition)
    for m in cands:
        m.in_quote = _inside(spans, lefts, m.start)
        words = [w for w in m.tokens if w.lower() not in PARTICLES]
        common = any(w.lower() in lower_words for w in words) or _in_headline(text, m.start)
        if len(words) >= 2 and (not (common or m.place_like) or m.evidence):
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
        linked = [e for e in ents if _same_person(e.tokens, words)]
        if linked:
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
    return conform(pd.DataFrame(rows, columns=PERSON_COLUMNS), PERSON_DTYPES)


def _in_headline(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a line written in title case ("Israel And Hamas Agree To
    Truce"): most of its words of four letters or more are capitalised."""
    left = text.rfind("\n", 0, pos) + 1
    right = text.find("\n", pos)
    line = text[left:right if right >= 0 else len(text)]
    if len(line) > 200:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) >= 4]
    if len(words) < 3:
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps >= 0.8 * len(words) and not line.rstrip().endswith((".", '"', "”"))


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
        row = idx.table.iloc[pos]
        if hit is None:
            e.person_id = row["person_id"]
        if len(e.tokens) == 1 or _same_person(row["name"].split(), e.tokens):
            e.name = row["name"]  # "Javad Zarif" -> "Mohammad Javad Zarif"
        if not e.role:
            e.role = row["role_title"]
        if not e.affiliation:
            e.affiliation, e.source = row["country_or_org"], "leaders"
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
            w = re.match(r"([\w.-]+)[ \t]*", text[j:j + 40])
            if not w:
                break
            word = w.group(1)
            if _is_title_word(lex, word) and word.lower() not in ("of", "the"):
                role_words.append((j, j + len(word), word))
                j += w.end()
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
        nxt = re.match(r"[ \t]*(\S+)", text[last[1]:last[1] + 40])
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
