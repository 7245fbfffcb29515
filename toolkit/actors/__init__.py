"""Actors: who is mentioned, with whom (co-occurrence), from an editable gazetteer.

>>> from toolkit import actors
>>> actors.mentions("Iran and Iraq signed a deal.")["actor"].tolist()
['Iran', 'Iraq']

The gazetteer is a set of CSV files under ``toolkit/data/actors`` (README there); add your own
with ``mentions(corpus, gazetteer="my_actors.csv")``. The network and heatmap of
co-occurrences are drawn by :func:`toolkit.plot.actor_network` and
:func:`toolkit.plot.actor_heatmap` (this package does not import matplotlib).
"""

from __future__ import annotations

from toolkit.actors._cooccur import EDGE_COLUMNS, LEVELS, UNITS, cooccurrence
from toolkit.actors._gazetteer import ACTOR_TYPES, LONG_COLUMNS, load_gazetteer
from toolkit.actors._leaders import (
    LEADER_COLUMNS,
    LEADER_ROLES,
    leaders_on,
    load_leaders,
    lookup_leader,
)
from toolkit.actors._mentions import MENTION_COLUMNS, mentions
from toolkit.actors._places import PLACE_LABELS
from toolkit.actors._region import about_region, region_countries, region_mentions
from toolkit.actors._relevance import RELEVANCE_COLUMNS, about_diplomacy, diplomacy_score

__all__ = [
    "ACTOR_TYPES",
    "EDGE_COLUMNS",
    "LEVELS",
    "LONG_COLUMNS",
    "MENTION_COLUMNS",
    "PLACE_LABELS",
    "UNITS",
    "about_region",
    "RELEVANCE_COLUMNS", "about_diplomacy", "diplomacy_score",
    "cooccurrence",
    "load_gazetteer",
    "LEADER_COLUMNS", "LEADER_ROLES", "leaders_on", "load_leaders", "lookup_leader",
    "mentions",
    "region_countries",
    "region_mentions",
]
