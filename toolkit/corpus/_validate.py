"""Check that a DataFrame is a corpus in the documented schema."""

from __future__ import annotations

import pandas as pd

from toolkit.corpus._schema import SCHEMA
from toolkit.errors import MESSAGES, DuplicateIdError, SchemaError


def validate(corpus: pd.DataFrame) -> pd.DataFrame:
    """Raise if ``corpus`` breaks the schema; return it unchanged otherwise.

    Checks: every schema column present, ``doc_id`` unique strings, ``text`` strings,
    ``date`` a datetime column.

    >>> import toolkit.corpus as tc, pandas as pd
    >>> len(validate(tc.load(pd.DataFrame({"text": ["x"]}))))
    1
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
    if not pd.api.types.is_datetime64_any_dtype(corpus["date"]):
        raise SchemaError("date must be a datetime64 column", source="DataFrame")
    return corpus
