"""Query the Parquet tables with DuckDB, without loading them into pandas.

Each table of a run is a view named after it (``documents``, ``rejects``, ``keyphrases``,
``quotes``, ``people``, ``actors``, ``dictionary``, ``tone``) with its chunk number as
``chunk``; DuckDB reads only the columns and row groups a query needs, so a million-article
result never has to fit in memory. Only the (small) answer comes back as a DataFrame.

>>> import tempfile
>>> from toolkit.datasets import load_sample
>>> from toolkit.pipeline import run
>>> out = tempfile.mkdtemp()
>>> _ = run(load_sample(), steps=["actors"], out=out, chunk_size=4, progress=False)
>>> query(out, "SELECT count(*) AS n_docs FROM documents")["n_docs"].tolist()
[8]
>>> int(actor_pairs(out, top_k=1)["n_docs"].iloc[0]) >= 2
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd

from toolkit.errors import MESSAGES

from ._errors import PipelineOptionError
from ._store import MANIFEST, PART, read_json, table_files

_PERIODS = ("year", "quarter", "month", "week", "day")


def connect(out: str | os.PathLike) -> Any:
    """An in-memory DuckDB connection with one view per table of the run in ``out``."""
    import duckdb

    out = Path(out)
    if not (out / MANIFEST).exists():
        raise PipelineOptionError("out", out, MESSAGES["pipeline_no_output"].format(out=out))
    tables = read_json(out / MANIFEST).get("tables", [])
    con = duckdb.connect()
    for table in tables:
        if not table_files(out, table):
            continue
        pattern = (out / table).resolve().as_posix().replace("'", "''") + f"/chunk=*/{PART}"
        con.execute(f'CREATE VIEW "{table}" AS SELECT * REPLACE (CAST(chunk AS BIGINT) AS chunk) '
                    f"FROM read_parquet('{pattern}', hive_partitioning = true, "
                    "union_by_name = true)")
    return con


def query(out: str | os.PathLike, sql: str) -> pd.DataFrame:
    """The result of the DuckDB query ``sql`` over the tables in ``out``, as a DataFrame."""
    con = connect(out)
    try:
        return con.execute(sql).df()
    finally:
        con.close()


def article_counts(out: str | os.PathLike, *, by: str = "outlet",
                   period: str = "week") -> pd.DataFrame:
    """Articles per ``by`` value and ``period`` (``date``: the period's first day).

    >>> import tempfile
    >>> from toolkit.datasets import load_sample
    >>> from toolkit.pipeline import run
    >>> out = tempfile.mkdtemp()
    >>> _ = run(load_sample(), steps=["tone"], out=out, progress=False)
    >>> int(article_counts(out)["n_docs"].sum())
    8
    """
    if period not in _PERIODS:
        raise PipelineOptionError("period", period, f"must be one of {', '.join(_PERIODS)}")
    if not by.isidentifier():
        raise PipelineOptionError("by", by, "must be a column name of the documents table")
    return query(out, f'SELECT "{by}", date_trunc(\'{period}\', date) AS date, '
                      f"count(*) AS n_docs FROM documents GROUP BY ALL "
                      f'ORDER BY date NULLS LAST, "{by}" NULLS LAST')


def top_speakers(out: str | os.PathLike, *, top_k: int = 10) -> pd.DataFrame:
    """The most quoted speakers of each country: ``country, speaker_name, count, n_docs``.

    A speaker's country is their ``speaker_affiliation`` when the actor gazetteer
    (:func:`toolkit.actors.load_gazetteer`) knows it as a state or one of its names, capitals
    or demonyms; otherwise ``country`` is missing. Quotes without a resolved name are left
    out.
    """
    from toolkit import actors

    gazetteer = actors.load_gazetteer()
    lookup = (gazetteer.assign(alias=gazetteer["alias"].str.lower())
              .dropna(subset=["country"])
              .drop_duplicates("alias")[["alias", "country"]])
    con = connect(out)
    try:
        con.register("gazetteer_countries", lookup)
        return con.execute(
            "WITH q AS (SELECT g.country, q.speaker_name, count(*) AS count, "
            "count(DISTINCT q.doc_id) AS n_docs FROM quotes q "
            "LEFT JOIN gazetteer_countries g ON lower(q.speaker_affiliation) = g.alias "
            "WHERE q.speaker_name IS NOT NULL GROUP BY ALL) "
            "SELECT * FROM q QUALIFY row_number() OVER (PARTITION BY country "
            "ORDER BY count DESC, speaker_name) <= ? "
            "ORDER BY country NULLS LAST, count DESC, speaker_name", [int(top_k)]).df()
    finally:
        con.close()


def actor_pairs(out: str | os.PathLike, *, top_k: int = 20) -> pd.DataFrame:
    """Pairs of actors mentioned in the same article: ``actor_a, actor_b, n_docs``, most first."""
    return query(out, "WITH d AS (SELECT DISTINCT doc_id, actor FROM actors) "
                      "SELECT a.actor AS actor_a, b.actor AS actor_b, count(*) AS n_docs "
                      "FROM d a JOIN d b ON a.doc_id = b.doc_id AND a.actor < b.actor "
                      f"GROUP BY ALL ORDER BY n_docs DESC, actor_a, actor_b LIMIT {int(top_k)}")


def top_people(out: str | os.PathLike, *, top_k: int = 20) -> pd.DataFrame:
    """The most mentioned persons of a run, across chunks: one row per ``person_id``.

    Columns ``person_id, name, affiliation, n_mentions, n_docs``: ``name`` is the longest
    name given to the person (texts or leaders table), ``affiliation`` the one stated most
    often (ties: the first in alphabetical order). Titles alone ("the minister") are not
    counted. A registry built per chunk cannot link a bare surname in one chunk to a full
    name in another; pass a corrected registry (:func:`toolkit.people.person_registry`) as
    the ``people`` step's ``registry`` to do that.

    >>> import tempfile
    >>> from toolkit.pipeline import run
    >>> out = tempfile.mkdtemp()
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": [
    ...     "Iranian Foreign Minister Javad Zarif spoke.", "Javad Zarif left Vienna."]})
    >>> _ = run(docs, steps=["people"], out=out, progress=False)
    >>> top_people(out)[["name", "affiliation", "n_docs"]].values.tolist()
    [['Mohammad Javad Zarif', 'Iran', 2]]
    """
    return query(out, "WITH p AS (SELECT * FROM people WHERE kind <> 'title'), "
                      "a AS (SELECT person_id, affiliation, count(*) AS k FROM p "
                      "WHERE affiliation <> '' GROUP BY person_id, affiliation "
                      "QUALIFY row_number() OVER (PARTITION BY person_id "
                      "ORDER BY k DESC, affiliation) = 1) "
                      "SELECT p.person_id, arg_max(p.name, length(p.name)) AS name, "
                      "coalesce(any_value(a.affiliation), '') AS affiliation, "
                      "count(*) AS n_mentions, count(DISTINCT p.doc_id) AS n_docs "
                      "FROM p LEFT JOIN a USING (person_id) GROUP BY p.person_id "
                      f"ORDER BY n_mentions DESC, name LIMIT {int(top_k)}")
