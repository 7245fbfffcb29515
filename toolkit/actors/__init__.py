"""Actors: who is mentioned, with whom (co-occurrence), from an editable gazetteer.

>>> from toolkit import actors
>>> actors.mentions("Iran and Iraq signed a deal.")["actor"].tolist()
['Iran', 'Iraq']
"""

from __future__ import annotations

from toolkit.actors._gazetteer import ACTOR_TYPES, LONG_COLUMNS, load_gazetteer
from toolkit.actors._mentions import MENTION_COLUMNS, mentions

__all__ = ["ACTOR_TYPES", "LONG_COLUMNS", "MENTION_COLUMNS", "load_gazetteer", "mentions"]
