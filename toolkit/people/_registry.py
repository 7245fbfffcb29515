"""Person mentions of a corpus, and the person registry that links them across documents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from toolkit._docs import TextOrCorpus, iter_docs
from toolkit._frames import conform
from toolkit.people._find import PERSON_COLUMNS, PERSON_DTYPES, _day, _resolve_rows, _setup
from toolkit.people._lexicon import norm_name

#: Column -> dtype of :func:`person_registry` (rows or no rows).
REGISTRY_DTYPES: dict[str, str] = {
    "person_id": "str",
    "name": "str",
    "variants": "str",
    "role": "str",
    "roles": "str",
    "affiliation": "str",
    "country": "str",
    "affiliation_count": "int64",
    "n_mentions": "int64",
    "n_docs": "int64",
    "first_date": "str",
    "last_date": "str",
}
#: Columns of :func:`person_registry`.
REGISTRY_COLUMNS = list(REGISTRY_DTYPES)


def _docs_with_dates(text_or_corpus) -> Iterator[tuple[str, str, object, object]]:
    """``(doc_id, text, date, quote_spans or None)`` of a text, corpus or annotated corpus."""
    from toolkit.annotate import AnnotatedCorpus

    if isinstance(text_or_corpus, AnnotatedCorpus):
        frame = text_or_corpus.corpus
        dates = frame["date"].tolist() if "date" in frame.columns else [None] * len(frame)
        for d, date in zip(text_or_corpus.docs, dates, strict=True):
            yield d.doc_id, d.text, date, [tuple(q) for q in d.quote_spans[:, :2].tolist()]
        return
    if isinstance(text_or_corpus, pd.DataFrame) and "date" in text_or_corpus.columns:
        dates = text_or_corpus["date"].tolist()
    else:
        dates = None
    for i, (doc_id, text) in enumerate(iter_docs(text_or_corpus)):
        yield doc_id, text, (dates[i] if dates is not None else None), None


def read_registry(registry: pd.DataFrame | str | Path) -> pd.DataFrame:
    """A registry from a DataFrame or a CSV file you exported (and corrected).

    Raises :class:`toolkit.errors.InputError` (naming the file) when ``person_id`` or ``name``
    is missing, or a row has an empty ``person_id``.

    >>> read_registry(pd.DataFrame({"person_id": ["x"], "name": ["Ali Larijani"]}))["name"].tolist()
    ['Ali Larijani']
    """
    from toolkit.errors import MESSAGES, InputError, MissingFileError

    if isinstance(registry, pd.DataFrame):
        frame, source = registry, "DataFrame"
    else:
        path = Path(registry)
        if not path.is_file():
            raise MissingFileError(MESSAGES["registry_no_file"], source=str(path))
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        source = str(path)
    missing = [c for c in ("person_id", "name") if c not in frame.columns]
    if missing:
        raise InputError(MESSAGES["registry_columns"].format(missing=missing), source=source)
    ids = frame["person_id"].fillna("").astype(str).str.strip()
    if (ids == "").any():
        line = int((ids == "").to_numpy().argmax()) + 2
        raise InputError(MESSAGES["registry_row"].format(problem="empty person_id"),
                         source=source, line=line)
    out = frame.copy()
    for col in REGISTRY_COLUMNS:
        if col not in out.columns:
            out[col] = 0 if REGISTRY_DTYPES[col] == "int64" else ""
    out = out.fillna({c: "" for c in REGISTRY_COLUMNS if REGISTRY_DTYPES[c] == "str"})
    return conform(out[REGISTRY_COLUMNS].reset_index(drop=True), REGISTRY_DTYPES)


def resolve_registry(registry: pd.DataFrame | str | Path | None, text_or_corpus: TextOrCorpus,
                     *, leaders: pd.DataFrame | bool | None = True) -> pd.DataFrame | None:
    """The registry to resolve names with: None, one read (:func:`read_registry`), or, for
    ``"corpus"``, one built from ``text_or_corpus`` itself (:func:`person_registry`)."""
    if isinstance(registry, str) and registry == "corpus":
        return person_registry(person_mentions(text_or_corpus, leaders=leaders, titles=False),
                               corpus=text_or_corpus)
    return None if registry is None else read_registry(registry)


def person_mentions(
    text_or_corpus: TextOrCorpus,
    *,
    registry: pd.DataFrame | str | Path | None = None,
    leaders: pd.DataFrame | bool | None = True,
    titles: bool = False,
) -> pd.DataFrame:
    """Person mentions of a corpus (:func:`resolve_people` per document).

    With ``registry`` (a frame of :func:`person_registry`, your corrected CSV of it, or
    ``"corpus"`` to build one from this corpus first), a name the document leaves bare
    ("Zarif said") takes the person, role and affiliation another article stated ("Iranian
    Foreign Minister Zarif"). Dates come from the corpus ``date`` column when there is one.

    Parameters
    ----------
    text_or_corpus : str, list of str, Series, corpus DataFrame or AnnotatedCorpus
        The documents (an annotated corpus gives its stored quotations).
    registry : DataFrame, path or "corpus", optional
        The person registry to resolve names with.
    leaders : DataFrame or bool, default True
        The leaders table used for names without role or affiliation (False: none).
    titles : bool, default False
        Also return titles alone ("the minister") resolved to a person.

    Returns
    -------
    DataFrame
        :data:`toolkit.people.PERSON_COLUMNS`, in corpus and text order.

    Examples
    --------
    >>> docs = ["Iranian Foreign Minister Javad Zarif spoke.", "Zarif said no."]
    >>> person_mentions(docs, registry="corpus", leaders=False)[
    ...     ["doc_id", "name", "affiliation", "affiliation_source"]].values.tolist()
    [['doc0', 'Javad Zarif', 'Iran', 'text'], ['doc1', 'Javad Zarif', 'Iran', 'registry']]
    """
    setup = _setup(resolve_registry(registry, text_or_corpus, leaders=leaders), leaders)
    rows: list[tuple] = []
    for doc_id, text, date, quotes in _docs_with_dates(text_or_corpus):
        if text:
            rows.extend(_resolve_rows(setup, text, doc_id=doc_id, day=_day(date),
                                      quote_spans=quotes, titles=titles))
    return conform(pd.DataFrame(rows, columns=PERSON_COLUMNS), PERSON_DTYPES)


def _date_str(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    try:
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    except (ValueError, TypeError):
        return ""


def person_registry(mentions: pd.DataFrame, *, corpus: TextOrCorpus | None = None
                    ) -> pd.DataFrame:
    """One row per person over a corpus: name variants, roles over time, affiliation by evidence.

    Mentions are grouped by ``person_id`` (the leaders table's or the folded name); then a
    person known only by a shorter form ("Javad Zarif", "Zarif") joins the one longer name
    in the corpus that ends with it and contains its other words; a form two people could be
    stays apart. The affiliation is the one stated most often in the texts (then the
    registry's or the leaders table's); ``roles`` lists each role with the dates of the first
    and last article that gives it (``role (YYYY-MM-DD..YYYY-MM-DD)``, ``; ``-separated, most
    frequent first) when ``corpus`` has a ``date`` column. Export with ``to_csv``, correct the
    names, roles or affiliations, and pass the file as ``registry=`` to
    :func:`person_mentions` or :func:`resolve_people` (a variant in two rows is ignored).

    Parameters
    ----------
    mentions : DataFrame
        Output of :func:`person_mentions` (any subset of its rows).
    corpus : corpus DataFrame, optional
        The corpus, for the dates of the roles (its ``date`` column).

    Returns
    -------
    DataFrame
        :data:`REGISTRY_COLUMNS`: ``person_id, name, variants`` (``;``-separated surfaces),
        ``role`` (most frequent), ``roles``, ``affiliation, country, affiliation_count``
        (mentions stating it), ``n_mentions, n_docs, first_date, last_date``.

    Examples
    --------
    >>> m = person_mentions(["Iranian Foreign Minister Javad Zarif spoke.", "Javad Zarif left."],
    ...                     leaders=False)
    >>> person_registry(m)[["name", "variants", "affiliation", "n_docs"]].values.tolist()
    [['Javad Zarif', 'Javad Zarif', 'Iran', 2]]
    """
    cols = PERSON_COLUMNS
    if len(mentions) == 0:
        return conform(pd.DataFrame(columns=REGISTRY_COLUMNS), REGISTRY_DTYPES)
    m = mentions[mentions["kind"] != "title"] if "kind" in mentions else mentions
    m = m[[c for c in cols if c in m.columns]].copy()
    dates: dict[str, str] = {}
    if isinstance(corpus, pd.DataFrame) and "date" in corpus.columns:
        dates = {str(d): _date_str(v) for d, v in zip(corpus["doc_id"], corpus["date"],
                                                       strict=True)}
    m["date"] = m["doc_id"].astype(str).map(dates).fillna("") if dates else ""
    # merge ids: a shorter name joins the one longer name that contains it
    names = m.groupby("person_id", sort=False)["name"].agg(lambda s: max(s, key=len))
    words = {pid: norm_name(n).split() for pid, n in names.items()}
    target = {}
    for pid, ws in words.items():
        fits = [q for q, qs in words.items() if q != pid and len(qs) > len(ws) and ws
                and qs[-1] == ws[-1] and set(ws) <= set(qs)]
        roots = {q for q in fits if not any(q != r and set(words[q]) < set(words[r])
                                            for r in fits)}
        if len(roots) == 1:
            target[pid] = roots.pop()
    m["person_id"] = m["person_id"].map(lambda p: target.get(p, p))
    rows = []
    for pid, g in m.groupby("person_id", sort=False):
        name = max(g["name"], key=lambda n: (len(n.split()), len(n)))
        variants = sorted(set(g["surface"]) | set(g["name"]), key=lambda v: (-len(v), v))
        role_counts = Counter(r for r in g["role"] if r)
        roles = []
        for r, _ in role_counts.most_common():
            ds = sorted(d for d in g.loc[g["role"] == r, "date"] if d)
            roles.append(f"{r} ({ds[0]}..{ds[-1]})" if ds else r)
        text_aff = g[g["affiliation_source"] == "text"]
        pool = text_aff if len(text_aff) else g[g["affiliation"] != ""]
        aff_counts = Counter(zip(pool["affiliation"], pool["country"], strict=True))
        (aff, country), n_aff = aff_counts.most_common(1)[0] if aff_counts else (("", ""), 0)
        ds = sorted(d for d in g["date"] if d)
        rows.append({
            "person_id": pid, "name": name, "variants": ";".join(variants),
            "role": role_counts.most_common(1)[0][0] if role_counts else "",
            "roles": "; ".join(roles), "affiliation": aff, "country": country,
            "affiliation_count": n_aff, "n_mentions": len(g), "n_docs": g["doc_id"].nunique(),
            "first_date": ds[0] if ds else "", "last_date": ds[-1] if ds else "",
        })
    return conform(pd.DataFrame(rows, columns=REGISTRY_COLUMNS), REGISTRY_DTYPES)
