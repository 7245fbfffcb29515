"""Check that a DataFrame is a corpus in the documented schema; read its dates safely."""

from __future__ import annotations

import pandas as pd

from toolkit.corpus._dates import parse_dates
from toolkit.corpus._schema import SCHEMA
from toolkit.errors import MESSAGES, DuplicateIdError, SchemaError


def corpus_dates(corpus: pd.DataFrame, *, dayfirst: bool | None = None) -> tuple[pd.Series,
                                                                                   pd.Series]:
    """The ``date`` column of a user's DataFrame as naive-UTC ``datetime64[ns]``, never raising.

    Strings, Unix timestamps, Hijri dates and datetimes of any unit or zone are read with the
    loaders' parser (``toolkit.corpus._dates``); what cannot be held (``'9999-12-31'``, an
    unreadable string) is ``NaT``. Returns the dates and the per-row date notes
    (``bad_date``, ``ambiguous_date``, ``calendar=...``; ``""`` when fine). A frame without a
    ``date`` column gives all ``NaT`` and no notes.

    >>> import pandas as pd
    >>> dates, notes = corpus_dates(pd.DataFrame({"date": ["2017-01-05", "9999-12-31"]}))
    >>> dates.isna().tolist(), notes.tolist()
    ([False, True], ['', 'bad_date'])
    """
    if "date" not in corpus.columns:
        return (pd.Series(pd.NaT, index=corpus.index, dtype="datetime64[ns]", name="date"),
                pd.Series("", index=corpus.index, dtype=object, name="notes"))
    return parse_dates(corpus["date"], dayfirst=dayfirst)


def _is_clean_dates(values: pd.Series) -> bool:
    return str(values.dtype) == "datetime64[ns]"


def validate(corpus: pd.DataFrame, *, dayfirst: bool | None = None) -> pd.DataFrame:
    """Raise if ``corpus`` breaks the schema; return it (with its dates made safe) otherwise.

    Checks: every schema column present, ``doc_id`` unique strings, ``text`` strings.
    The ``date`` column never raises: if it is not already naive ``datetime64[ns]`` (strings,
    numbers, out-of-range years such as ``'9999-12-31'``, time zones, other units) a copy of
    the corpus is returned with ``date`` parsed as :func:`toolkit.corpus.load` does and the
    date notes (``bad_date``, ``ambiguous_date``, ``calendar=...``) added to ``notes``.
    ``dayfirst`` is as in :func:`toolkit.corpus.load`.

    >>> import toolkit.corpus as tc, pandas as pd
    >>> len(validate(tc.load(pd.DataFrame({"text": ["x"]}))))
    1
    >>> corpus = tc.load(pd.DataFrame({"text": ["x"]})).assign(date="9999-12-31")
    >>> validate(corpus).loc[0, ["date", "notes"]].tolist()
    [NaT, 'bad_date']
    """
    missing = [c for c in SCHEMA if c not in corpus.columns]
    if missing:
        raise SchemaError(f"missing schema column(s) {missing}", source="DataFrame")
    ids = corpus["doc_id"]
    if not ids.map(lambda v: isinstance(v, str)).all():
        raise SchemaError("doc_id must hold strings", source="DataFrame")
    dup = ids[ids.duplicated(keep=False)]
    if len(dup):
        first = dup.index[0]
        second = dup.index[(dup == dup.iloc[0]).to_numpy()][1]
        raise DuplicateIdError(
            MESSAGES["duplicate_id"].format(doc_id=dup.iloc[0], first=f"row {first}",
                                            second=f"row {second}"),
            source="DataFrame",
        )
    if not corpus["text"].map(lambda v: isinstance(v, str)).all():
        raise SchemaError("text must hold strings", source="DataFrame")
    if _is_clean_dates(corpus["date"]) and dayfirst is None:
        return corpus
    dates, notes = corpus_dates(corpus, dayfirst=dayfirst)
    out = corpus.copy()
    out["date"] = dates
    noted = notes != ""
    if noted.any():
        old = out["notes"].fillna("").astype(str)
        out["notes"] = [
            ";".join(dict.fromkeys(p for p in f"{o};{n}".split(";") if p)) if n else o
            for o, n in zip(old, notes, strict=True)
        ]
    return out
