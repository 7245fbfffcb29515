"""Plots for the frames of :mod:`toolkit.keywords`: keyness, top terms, trends, dispersion.

Each function takes the DataFrame that the matching analysis returns, draws with matplotlib
(titles and labelled axes by default, all overridable) and returns the matplotlib object
(an ``Axes`` or a ``Figure``), so it can be refined or saved: ``ax.figure.savefig("k.png")``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> from toolkit import keywords, plot
>>> c = pd.DataFrame({"doc_id": list("ab"), "outlet": ["X", "Y"],
...                   "text": ["Sanctions on Iran, sanctions again.", "Gaza truce, truce."]})
>>> ax = plot.keyness(keywords.keyness(c, "X", by="outlet", min_count=1))
>>> ax.get_title()
'Keyness: target vs reference (g2)'
"""

from __future__ import annotations

from toolkit.plot._keywords import dispersion, keyness, term_trend, top_terms

__all__ = ["dispersion", "keyness", "term_trend", "top_terms"]
