"""Speakers as people: canonical name, ``person_id``, role and affiliation from
:func:`toolkit.people.resolve_people`, and state or organisation names for other speakers.

The rules find a speaker span ("Obama", "he", "the Russian diplomat", "Tehran"); this pass,
run once per document after them, reads the document's person mentions (names, surnames and
titles alone, resolved inside the document, with leaders' roles on the article's date) and
gives the row the person's fullest name, id, role and affiliation. A pronoun the rules
resolved to a person takes that person's mention before it. A speaker that is no person keeps
its words without a leading article, or the gazetteer's name when the span is one actor
mention ("Tehran" -> "Iran").

>>> t = "Iranian Foreign Minister Javad Zarif spoke. Zarif said talks would go on."
>>> ppl = people_spans(t, quote_spans=[])
>>> row = {"speaker_start": 44, "speaker_end": 49, "speaker_name": "Zarif",
...        "speaker_role": None, "speaker_affiliation": None, "_pronoun": False,
...        "_person": True, "_coordinated": False}
>>> attach_people([row], ppl, t, [])[0]["speaker_name"]
'Mohammad Javad Zarif'
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

_DETS = ("the ", "The ")


@dataclass(slots=True, frozen=True)
class PersonSpan:
    """One person mention of :func:`toolkit.people.resolve_people` (``surname``: the last word
    of the name, lower case, for matching)."""

    start: int
    end: int
    person_id: str
    name: str
    role: str
    affiliation: str
    kind: str
    in_quote: bool
    surname: str
    surface: str = ""


def _s(value) -> str:
    return value if isinstance(value, str) else ""


class PeopleReader:
    """Person mentions per document, the people setup (lexicon, leaders index) read once.

    Reads :func:`toolkit.people.resolve_people`'s rows without building a frame per document
    (the rows of its ``_resolve_rows``, as :func:`toolkit.actors.mentions` does); falls back on
    the public function if that is gone.
    """

    def __init__(self) -> None:
        from toolkit.people import PERSON_COLUMNS

        self._cols = [PERSON_COLUMNS.index(c) for c in (
            "start", "end", "person_id", "name", "role", "affiliation", "kind", "in_quote")]
        try:
            from toolkit.people._find import _day, _resolve_rows, _setup

            self._fast = (_setup(None, True), _resolve_rows, _day)
        except ImportError:  # pragma: no cover - the people package changed its insides
            self._fast = None

    def __call__(self, text: str, *, doc_id: str = "doc0", date=None,
                 quote_spans: list[tuple[int, int]] | None = None) -> list[PersonSpan]:
        if self._fast is not None:
            setup, resolve_rows, day = self._fast
            rows = resolve_rows(setup, text, doc_id=doc_id, day=day(date),
                                quote_spans=quote_spans, titles=True)
        else:  # pragma: no cover
            from toolkit.people import resolve_people

            rows = resolve_people(text, doc_id=doc_id, date=date, quote_spans=quote_spans,
                                  titles=True).itertuples(index=False)
        out = []
        for row in rows:
            s, e, pid, n, r, a, k, q = (row[c] for c in self._cols)
            name = _s(n)
            out.append(PersonSpan(int(s), int(e), _s(pid), name, _s(r), _s(a), _s(k), bool(q),
                                  _surname(name), text[int(s):int(e)]))
        return out


def people_spans(text: str, *, doc_id: str = "doc0", date=None,
                 quote_spans: list[tuple[int, int]] | None = None) -> list[PersonSpan]:
    """The person mentions of ``text`` (names, surnames and titles alone), in text order."""
    return PeopleReader()(text, doc_id=doc_id, date=date, quote_spans=quote_spans)


def _surname(name: str) -> str:
    words = name.replace("’s", "").replace("'s", "").split()
    return words[-1].lower() if words else ""


def _by_name(people: list[PersonSpan], starts: list[int], name: str,
             before: int) -> PersonSpan | None:
    """The mention of the person called ``name`` (same surname) last before ``before``, else the
    first after it."""
    sur = _surname(name)
    if not sur:
        return None
    k = bisect_left(starts, before)
    for p in reversed(people[:k]):
        if p.surname == sur and not p.in_quote and p.kind != "title":
            return p
    return next((p for p in people[k:] if p.surname == sur and p.kind != "title"
                 and not p.in_quote), None)


def _overlapping(people: list[PersonSpan], starts: list[int], s: int,
                 e: int) -> PersonSpan | None:
    """The person mention inside the speaker span ``[s, e)``: the first name or surname, else a
    title alone."""
    hits = [p for p in people[max(bisect_left(starts, s) - 1, 0):bisect_left(starts, e)]
            if p.start < e and p.end > s and not p.in_quote]
    named = [p for p in hits if p.kind != "title"]
    return (named or hits or [None])[0]


def _actor_name(text: str, s: int, e: int, actor_spans: dict[int, tuple[int, str]]) -> str:
    """The actor's name when ``text[s:e]`` (without a leading article) is one actor mention."""
    if text.startswith(_DETS, s):
        s += 4
    hit = actor_spans.get(s)
    if hit is not None and hit[0] >= e - 2 and not text[hit[0]:e].strip(" ’'s"):
        return hit[1]
    return ""


def _strip_title(name: str, titles: frozenset[str]) -> str:
    """``name`` without leading title words ("Journalist Yashar Ali" -> "Yashar Ali")."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in titles:
        words.pop(0)
    return " ".join(words)


def _role(role: str, ranks: frozenset[str]) -> str:
    """``role`` unless it is only a rank ("Gen.", "Lt. Col.": a title, not a role)."""
    words = role.lower().split()
    return "" if all(w in ranks or w == "general" for w in words) else role


def _parts(name: str) -> int:
    return len(name.replace("-", " ").split())


def _fullest_names(people: list[PersonSpan], titles: frozenset[str]) -> dict[str, str]:
    """person_id -> the name to show: the fullest name the document writes ("Hossein Amir
    Abdollahian"), unless the canonical name (the leaders table's) has more parts ("Obama" ->
    "Barack Obama")."""
    best: dict[str, str] = {}
    for p in people:
        if p.kind != "name" or not p.person_id:
            continue
        surface = _strip_title(" ".join(p.surface.split()), titles)
        if _parts(surface) > _parts(best.get(p.person_id, "")):
            best[p.person_id] = surface
    canon = {p.person_id: _strip_title(p.name, titles) for p in people if p.person_id}
    return {pid: (name if _parts(name) >= _parts(canon[pid]) else canon[pid])
            for pid, name in best.items()}


def _last(people: list[PersonSpan], starts: list[int], before: int) -> PersonSpan | None:
    """The last person named (not in a quotation, no title alone) before ``before``."""
    for p in reversed(people[:bisect_left(starts, before)]):
        if p.kind != "title" and not p.in_quote:
            return p
    return None


def _definite(text: str, s: int, e: int, people: list[PersonSpan], starts: list[int],
              actors: dict[int, tuple[int, str]], nouns: frozenset[str]) -> PersonSpan | None:
    """"the (Russian) diplomat": the last person before it of that state (a demonym or state
    in the phrase) and, when it names a role word, with that word in the person's role."""
    words = text[s:e].split()
    if len(words) < 2 or words[0].lower() != "the" or words[-1].lower() not in nouns:
        return None
    head = words[-1].lower()
    affs = {a for a0, (a1, a) in actors.items() if s <= a0 < e}
    for p in reversed(people[:bisect_left(starts, s)]):
        if p.kind == "title" or p.in_quote:
            continue
        if affs and p.affiliation not in affs:
            continue
        if p.role and head in p.role.lower():
            return p
        if affs or len(words) == 2:
            return p  # "the official": the last person named
    return None


def _to_host(role: str, envoys: frozenset[str]) -> bool:
    """An envoy's role naming where it is sent ("Ambassador to the UN")."""
    words = role.lower().split()
    return any(w in envoys and n in {"to", "in", "at"}
               for w, n in zip(words, words[1:], strict=False))


def _person_id(name: str) -> str:
    """``p-`` and the folded name, as :func:`toolkit.people.resolve_people` makes ids."""
    from toolkit.people._lexicon import norm_name

    return "p-" + norm_name(name).replace("'", "").replace(" ", "-")


def _head_noun(name: str, nouns: frozenset[str]) -> str:
    """The speaker noun heading a phrase ("senior Israeli officials" -> "officials")."""
    words = name.split()
    last = words[-1].lower() if words else ""
    return last if last in nouns else ""


def _consolidate(rows: list[dict]) -> None:
    """Rows of one person share a role and an affiliation: an empty one takes the first the
    document states for that person (an apposition read once, "he" later)."""
    first: dict[str, list[str]] = {}
    for r in rows:
        pid = r.get("person_id")
        if pid:
            got = first.setdefault(pid, ["", ""])
            got[0] = got[0] or r["speaker_role"] or ""
            got[1] = got[1] or r["speaker_affiliation"] or ""
    for r in rows:
        pid = r.get("person_id")
        if pid:
            r["speaker_role"] = r["speaker_role"] or first[pid][0] or None
            r["speaker_affiliation"] = r["speaker_affiliation"] or first[pid][1] or None


def attach_people(rows: list[dict], people: list[PersonSpan], text: str,
                  actor_spans: list[tuple], lex=None) -> list[dict]:
    """Fill ``speaker_name``, ``person_id``, ``speaker_role`` and ``speaker_affiliation`` of
    ``rows`` (in place; returned) from the document's person mentions and actor spans
    (``lex``: the quote lexicon, :func:`toolkit.quotes.load_lexicon` when None: titles are
    stripped from the front of a person's name, a rank alone is no role, a speaker noun heads
    the role of a speaker who is no person: "senior officials" -> "officials")."""
    if lex is None:
        from toolkit.quotes._lexicon import load_lexicon

        lex = load_lexicon()
    titles = lex.title_heads | lex.title_mods | lex.speaker_nouns
    ranks = lex.ranks
    starts = [p.start for p in people]
    actors = {a[0]: (a[1], a[2]) for a in actor_spans}  # the actor's own name
    fullest = _fullest_names(people, titles)
    person_nouns = getattr(lex.fw, "person_noun", frozenset())
    envoys = getattr(lex.fw, "envoy", frozenset())
    for r in rows:
        r.setdefault("person_id", None)
        s, e = r.get("speaker_start"), r.get("speaker_end")
        if s is None or r.get("_coordinated"):
            continue
        hit = None
        if r.get("_pronoun"):
            if r.get("speaker_name"):
                # the rules' antecedent if it is a person, else the last person named before
                hit = _by_name(people, starts, r["speaker_name"], s) or _last(people, starts, s)
        else:
            hit = _overlapping(people, starts, s, e)
            if (hit is None or hit.kind == "title") and r.get("_person") \
                    and r.get("speaker_name"):
                # a title alone the rules resolved themselves ("the Iraqi minister"): theirs
                # compares every role word, not only the head
                hit = _by_name(people, starts, r["speaker_name"], s) or hit
        if hit is None and not r.get("_person") and not r.get("_pronoun"):
            hit = _definite(text, s, e, people, starts, actors, person_nouns)
        if hit is not None:
            r["speaker_name"] = fullest.get(hit.person_id) or _strip_title(hit.name, titles) \
                or r["speaker_name"]
            r["person_id"] = hit.person_id or None
            own_role = r["speaker_role"] or ""
            r["speaker_role"] = _role(hit.role, ranks) or r["speaker_role"]
            # an envoy: the sending state the text gives before the people pass's, which may
            # be the host ("ambassador to the UN")
            envoy = _to_host(own_role or hit.role, envoys)
            r["speaker_affiliation"] = (r["speaker_affiliation"] or hit.affiliation or None) \
                if envoy else (hit.affiliation or r["speaker_affiliation"])
            continue
        if r.get("_person") or r.get("_pronoun"):
            if r.get("speaker_name"):  # a person the people pass does not know: same id scheme
                r["person_id"] = _person_id(r["speaker_name"])
            continue
        r["speaker_role"] = r["speaker_role"] or _head_noun(text[s:e], lex.speaker_nouns) or None
        name = _actor_name(text, s, e, actors)
        if name:
            r["speaker_name"] = name
            r["speaker_affiliation"] = r["speaker_affiliation"] or name
        elif r.get("speaker_name") and r["speaker_name"].startswith(_DETS):
            r["speaker_name"] = r["speaker_name"][4:]
    _consolidate(rows)
    return rows
