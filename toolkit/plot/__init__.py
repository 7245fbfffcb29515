"""Figures: every plot of the toolkit, one function per figure, drawn with matplotlib.

Naming scheme: ``<what>_<chart>``, where the chart is ``bars``, ``lines``, ``boxes``,
``area``, ``heatmap``, ``network`` or ``plot``; no name repeats an analysis function
(``keywords.keyness`` is drawn by ``keyness_bars``, ``keywords.dispersion`` by
``dispersion_plot``).

Every function takes the analysis frame first, its options keyword-only after it, and
``ax=None`` (a new figure when None); it returns the Axes drawn on, so it can be refined or
saved: ``report.save_figure(ax.figure, "name")``. The one multi-panel figure,
``top_terms_bars``, takes ``axes=`` instead and returns the array of its Axes. Titles and
axis labels are set by default (all overridable); long category axes are capped to the
``top_k`` largest (the rest summed into ``"other (k)"`` where the values are counts, else
left out and the title says so); an empty frame draws an empty Axes whose title says "no data".

========================  =============================================================
family (module)           functions
========================  =============================================================
keywords (``_keywords``)  ``keyness_bars``, ``top_terms_bars``, ``term_trend_lines``,
                          ``dispersion_plot``
actors (``_actors``)      ``actor_network``, ``actor_heatmap``
categories (``_bars``)    ``count_bars``, ``stacked_bars``, ``grouped_bars``
tables (``_tables``)      ``table_heatmap``, ``table_lines``, ``stacked_area``
corpus (``_corpus``)      ``length_boxes``, ``sentence_length_bars``
tone (``_tone``)          ``tone_bars``
========================  =============================================================

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> from toolkit import keywords, plot
>>> c = pd.DataFrame({"doc_id": list("ab"), "outlet": ["X", "Y"],
...                   "text": ["Sanctions on Iran, sanctions again.", "Gaza truce, truce."]})
>>> ax = plot.keyness_bars(keywords.keyness(c, "X", by="outlet", min_count=1))
>>> ax.get_title()
'Keyness: target vs reference (g2)'
>>> plot.keyness_bars(pd.DataFrame()).get_title()
'Keyness: target vs reference (g2): no data'
"""

from __future__ import annotations

from toolkit.plot._actors import actor_heatmap, actor_network
from toolkit.plot._bars import count_bars, grouped_bars, stacked_bars
from toolkit.plot._corpus import length_boxes, sentence_length_bars
from toolkit.plot._keywords import dispersion_plot, keyness_bars, term_trend_lines, top_terms_bars
from toolkit.plot._tables import stacked_area, table_heatmap, table_lines
from toolkit.plot._tone import tone_bars

__all__ = [
    "actor_heatmap",
    "actor_network",
    "count_bars",
    "dispersion_plot",
    "grouped_bars",
    "keyness_bars",
    "length_boxes",
    "sentence_length_bars",
    "stacked_area",
    "stacked_bars",
    "table_heatmap",
    "table_lines",
    "term_trend_lines",
    "tone_bars",
    "top_terms_bars",
]
