"""Which articles are about a region: counted from actor mentions, not from keywords."""

from __future__ import annotations

import pandas as pd

from toolkit.actors._gazetteer import _read_csv
from toolkit.actors._mentions import mentions as find_mentions


def region_countries(region: str = "MENA") -> set[str]:
    """ISO 3166-1 alpha-2 codes of the states the gazetteer puts in ``region``.

    >>> {"IR", "IQ"} <= region_countries("MENA")
    True
    """
    rows = _read_csv("countries.csv")
    codes = {r["iso2"] for r in rows if r["region"] == region}
    if not codes:
        known = sorted({r["region"] for r in rows})
        raise ValueError(f"no country of region {region!r} in the gazetteer; regions: {known}")
    return codes


def region_mentions(mentions: pd.DataFrame, *, region: str = "MENA") -> pd.Series:
    """Number of mentions per ``doc_id`` of states, territories and organisations of ``region``.

    ``mentions`` is the frame :func:`toolkit.actors.mentions` returns; an actor counts when its
    ``country`` is a state of the region. Documents without such a mention are absent.

    >>> from toolkit import actors
    >>> region_mentions(actors.mentions("Iran and Iraq met in Baghdad.")).tolist()
    [3]
    """
    codes = region_countries(region)
    if "actor_type" in mentions.columns:  # people (issue #12) are not counted here
        mentions = mentions[mentions["actor_type"] != "person"]
    return mentions[mentions["country"].isin(codes)].groupby("doc_id").size()


def about_region(
    corpus: pd.DataFrame,
    *,
    region: str = "MENA",
    min_mentions: int = 3,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The articles of ``corpus`` with at least ``min_mentions`` mentions of ``region``'s actors.

    Parameters
    ----------
    corpus : DataFrame
        A corpus (``doc_id`` and ``text`` at least).
    region : str, default "MENA"
        A value of the ``region`` column of the gazetteer's ``countries.csv``.
    min_mentions : int, default 3
        Fewer mentions than this and an article is taken to be about something else (a US
        election story that names Iran once).
    mentions : DataFrame, optional
        Mentions already found for ``corpus`` (saves finding them again).

    Returns
    -------
    DataFrame
        The matching rows of ``corpus``, in their order, with a fresh index.

    Examples
    --------
    >>> import pandas as pd
    >>> corpus = pd.DataFrame({"doc_id": ["a", "b"],
    ...                        "text": ["Iran, Iraq and Syria met in Tehran.", "Rain in Oslo."]})
    >>> about_region(corpus)["doc_id"].tolist()
    ['a']
    """
    found = find_mentions(corpus) if mentions is None else mentions
    counts = region_mentions(found, region=region)
    keep = counts[counts >= min_mentions].index
    return corpus[corpus["doc_id"].isin(keep)].reset_index(drop=True)
