"""``mentions``: actor mentions with offsets."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import pandas as pd

from toolkit._docs import TextOrCorpus, iter_docs
from toolkit._frames import conform
from toolkit.actors._gazetteer import load_gazetteer
from toolkit.actors._match import Matcher, in_spans
from toolkit.actors._places import place_label
from toolkit.annotate import AnnotatedCorpus

_AND = re.compile(r"[ \t]*(?:,[ \t]*)?(?:and|or)[ \t]+")

#: Column -> dtype of the frame :func:`mentions` returns (rows or no rows).
MENTION_DTYPES: dict[str, str] = {
    "doc_id": "str",
    "start": "int64",
    "end": "int64",
    "surface": "str",
    "actor": "str",
    "actor_type": "str",
    "label_type": "str",
    "country": "str",
    "in_quote": "bool",
    "affiliation": "str",
}
#: Columns of the frame :func:`mentions` returns.
MENTION_COLUMNS = list(MENTION_DTYPES)


@lru_cache(maxsize=1)
def _default_matcher() -> Matcher:
    return Matcher(load_gazetteer())


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotations of ``text`` (closed and unclosed) from the one quotation-mark pairer, the one
    the annotate layer stores as ``quote_marks``."""
    from toolkit.tokenize._marks import pair_marks

    return [(q.start, q.end) for q in pair_marks(text)[0]]


def _outside(found: list[tuple], people: list[tuple]) -> list[tuple]:
    """The gazetteer matches ``found`` that overlap no person span (``people`` rows in start
    order): a match overlaps one iff the largest end of the persons starting before it ends
    lies past its start."""
    starts = [r[1] for r in people]
    reach = list(accumulate((r[2] for r in people), max))
    out = []
    for f in found:
        k = bisect_left(starts, f[1])
        if k == 0 or reach[k - 1] <= f[0]:
            out.append(f)
    return out


def _docs_and_quotes(text_or_corpus) -> Iterator[tuple[str, str, object, object]]:
    """``(doc_id, text, quotes, date)``: ``quotes`` is the layer's spans for an annotated
    corpus, else a function computing them (called only for documents with a mention);
    ``date`` from the corpus ``date`` column (None without)."""
    if isinstance(text_or_corpus, AnnotatedCorpus):
        frame = text_or_corpus.corpus
        dates = frame["date"].tolist() if "date" in frame.columns else None
        for i, d in enumerate(text_or_corpus.docs):
            yield (d.doc_id, d.text, [tuple(q) for q in d.quote_spans[:, :2].tolist()],
                   dates[i] if dates is not None else None)
        return
    dates = (text_or_corpus["date"].tolist() if isinstance(text_or_corpus, pd.DataFrame)
             and "date" in text_or_corpus.columns else None)
    for i, (doc_id, text) in enumerate(iter_docs(text_or_corpus)):
        yield doc_id, text, _quote_spans, dates[i] if dates is not None else None


def mentions(
    text_or_corpus: TextOrCorpus | AnnotatedCorpus,
    *,
    gazetteer: pd.DataFrame | str | Path | None = None,
    offices: bool = False,
    persons: bool = True,
    places: bool = True,
    registry: pd.DataFrame | str | Path | None = None,
    leaders: pd.DataFrame | bool | None = True,
) -> pd.DataFrame:
    """Find mentions of states, territories, organisations and armed groups.

    Matching is case-sensitive against the gazetteer (``load_gazetteer``): "turkey" the bird
    and "us" the pronoun do not match; names also match in capitals (BEIRUT, IRAN). At each
    position the longest alias wins ("Kurdistan Region of Iraq" over "Iraq"; "Washington
    Post" is a blocked phrase). A possessive is left out of the span ("Iran's" gives "Iran").
    Aliases marked ``guard`` (Jordan, Washington, Chad, Israel, capitals, ...) are dropped
    when they look like part of a personal or longer proper name: after a capitalised word
    or a title ("Jim Jordan", "Rep. Jordan") or before one ("Jordan Peterson", "Israel
    Katz"); weekdays, months and common headline words may follow ("London Tuesday",
    "Israel And Hamas Agree"). A demonym after a first name is a surname ("David French").
    A state's name followed by a capitalised name ending in University, Center, Times,
    Airlines, ... is part of a non-actor's name ("Kabul University"). An abbreviation the
    text defines after a mention, made of its initials ("Supreme Military Council (SMC)"),
    then matches in the whole document (``label_type`` ``abbreviation``). The word lists
    behind these rules are in ``toolkit/data/actors/guard_words.txt``; the annotation
    guideline and measured precision/recall in ``toolkit/data/actors/README.md`` and
    ``benchmarks/README.md``.

    Parameters
    ----------
    text_or_corpus : str, list of str, Series, corpus DataFrame or AnnotatedCorpus
        See :func:`toolkit._docs.iter_docs`; an annotated corpus (:func:`toolkit.annotate.annotate`)
        gives its stored quotations.
    gazetteer : DataFrame or path, optional
        A table from :func:`load_gazetteer` (e.g. with your own file added), or the path of an
        extra CSV to add to the shipped gazetteer. Default: the shipped gazetteer.
    offices : bool, default False
        Also return offices and titles ("Foreign Minister", "ambassador") with
        ``actor_type`` ``"office"``.
    persons : bool, default True
        Also return people (:func:`toolkit.people.resolve_people`): ``actor_type`` ``person``,
        ``actor`` the canonical full name, ``label_type`` ``name`` or ``surname``,
        ``affiliation`` the state or organisation they speak for (from the text, the
        registry or the leaders table on the corpus ``date``; undated, only what all of a
        leader's terms agree on) and ``country`` its ISO code.
        A gazetteer match inside a person's name is dropped.
    places : bool, default True
        Mark capitals and seats used as a dateline ("TEHRAN (Reuters) -") or a location
        ("talks in Vienna", "a visit to Tehran") with ``actor_type`` ``place`` and
        ``label_type`` ``dateline`` or ``place`` (``actor`` stays the state the city is the
        capital of); :func:`cooccurrence` leaves them out unless ``places=True``. False: every
        capital is the state, as before issue #12.
    registry : DataFrame, path or "corpus", optional
        Person registry for ``persons`` (:func:`toolkit.people.person_registry`).
    leaders : DataFrame or bool, default True
        Leaders table for ``persons`` (False: none).

    Returns
    -------
    pandas.DataFrame
        One row per mention, in document order: ``doc_id``, ``start``, ``end`` (so that
        ``text[start:end] == surface``), ``surface``, ``actor`` (canonical name),
        ``actor_type`` (state, territory, organisation, armed_group, office), ``label_type``
        (how the actor is named: name, alt_name, abbreviation, demonym, capital, seat,
        state_media, loaded, historical, metonym, official_term, title, user; a capital is
        marked also where it is just a place, so filter out ``capital`` to keep states named
        as such), ``country`` (ISO 3166-1 alpha-2 of the state the actor is or belongs to;
        missing (NaN) if none) and ``in_quote`` (True inside a quotation the layer's pairer
        finds, closed or unclosed: the ``quote_marks`` of :func:`toolkit.annotate.annotate`
        and the quotations of ``quotes.check_marks``; «...», ``...'', curly and straight).
        ``affiliation`` (who the mention speaks for: a person's state or organisation, the
        actor itself for states, territories, organisations and armed groups, empty for
        places and offices). Offsets are int64, ``in_quote`` bool, the rest str, with or
        without rows (:data:`MENTION_DTYPES`).

    Examples
    --------
    >>> m = mentions("Tehran said the Zionist regime’s strikes on Gaza must stop.")
    >>> m[["surface", "actor", "label_type"]].values.tolist()
    [['Tehran', 'Iran', 'capital'], ['Zionist regime', 'Israel', 'state_media'], \
['Gaza', 'Gaza Strip', 'alt_name']]
    """
    if gazetteer is None:
        matcher = _default_matcher()
    elif isinstance(gazetteer, pd.DataFrame):
        matcher = Matcher(gazetteer)
    else:
        matcher = Matcher(load_gazetteer(gazetteer))
    table = matcher.table
    actor = table["actor"].tolist()
    actor_type = table["actor_type"].tolist()
    label_type = table["label_type"].tolist()
    country = table["country"].tolist()
    setup = None
    if persons:
        from toolkit.people._find import _day, _resolve_rows, _setup
        from toolkit.people._registry import resolve_registry

        setup = _setup(resolve_registry(registry, text_or_corpus, leaders=leaders), leaders)
    rows: list[tuple] = []
    for doc_id, text, quotes, date in _docs_and_quotes(text_or_corpus):
        found = [f for f in matcher.find(text) if offices or actor_type[f[2]] != "office"]
        people: list[tuple] = []
        if setup is not None and text:
            spans = quotes(text) if callable(quotes) else quotes
            quotes = spans
            people = _resolve_rows(setup, text, doc_id=str(doc_id), day=_day(date),
                                   quote_spans=spans, titles=False)
        if not found and not people:
            continue
        spans = quotes(text) if callable(quotes) else quotes
        doc_rows = []
        if people:
            found = _outside(found, people)
            for r in people:  # PERSON_COLUMNS order
                doc_rows.append((str(doc_id), r[1], r[2], r[3], r[5], "person", r[10],
                                 r[9] or None, r[11], r[7]))
        quoted = in_spans([f[0] for f in found], spans)
        last_place = -1  # end of the last place, for "visits to Tehran and Tokyo"
        for (s, e, i, label), q in zip(found, quoted, strict=True):
            typ, lab, aff = actor_type[i], label or label_type[i], actor[i]
            if places and lab in ("capital", "seat", "metonym"):
                where = place_label(text, s, e)
                if not where and last_place >= 0 and _AND.fullmatch(text, last_place, s):
                    where = "place"
                if where:
                    typ, lab, aff = "place", where, ""
                    last_place = e
            if typ == "office":
                aff = ""
            doc_rows.append((doc_id, s, e, text[s:e], actor[i], typ, lab, country[i], q, aff))
        doc_rows.sort(key=lambda r: (r[1], r[2]))
        rows.extend(doc_rows)
    return conform(pd.DataFrame(rows, columns=MENTION_COLUMNS), MENTION_DTYPES)
