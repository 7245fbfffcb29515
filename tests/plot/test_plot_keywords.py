"""toolkit.plot keyword figures: keyness bars, top terms by group, term trend, dispersion."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from toolkit import keywords, plot  # noqa: E402
from toolkit.errors import SchemaError  # noqa: E402

CORPUS = pd.DataFrame({
    "doc_id": list("abcdef"),
    "outlet": ["X", "X", "X", "Y", "Y", "Y"],
    "date": pd.to_datetime(["2024-01-05", "2024-02-02", "2024-03-03", "2024-01-09",
                            "2024-02-11", "2024-03-30"]),
    "text": [
        "Sanctions on Iran tighten. Sanctions target oil exports and banks.",
        "Iran rejects sanctions. Oil exports fall as sanctions bite banks.",
        "Sanctions relief talks with Iran. Oil exports may recover.",
        "Gaza ceasefire holds. Ceasefire talks continue in Cairo with hostages.",
        "Gaza ceasefire talks stall. Hostage talks resume in Doha.",
        "The ceasefire in Gaza is fragile; hostage families wait.",
    ],
})


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_keyness_plot_two_sided_bars() -> None:
    k = keywords.keyness(CORPUS, "X", by="outlet", min_count=2)
    ax = plot.keyness_bars(k, top_k=3, labels=("X", "Y"))
    assert isinstance(ax, Axes)
    assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
    widths = [p.get_width() for p in ax.patches]
    assert sum(w > 0 for w in widths) == 3 and sum(w < 0 for w in widths) == 3
    labels = {t.get_text() for t in ax.texts}
    assert k.term.iloc[0] in labels and k.term.iloc[-1] in labels
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["X", "Y"]


def test_keyness_plot_log_ratio_and_bad_frame() -> None:
    k = keywords.keyness(CORPUS, "X", by="outlet", min_count=2)
    ax = plot.keyness_bars(k, measure="log_ratio", top_k=2)
    assert "Log ratio" in ax.get_xlabel()
    with pytest.raises(SchemaError):
        plot.keyness_bars(keywords.frequencies(CORPUS))


def test_top_terms_one_panel_per_group() -> None:
    f = keywords.frequencies(CORPUS, by="outlet")
    axes = plot.top_terms_bars(f, top_k=4)
    assert all(isinstance(ax, Axes) for ax in axes)
    fig = axes[0].figure
    assert [ax.get_title() for ax in axes] == ["X", "Y"]
    assert all(len(ax.patches) == 4 for ax in axes)
    assert all(ax.get_xlabel() and ax.get_ylabel() for ax in axes)
    assert fig._suptitle.get_text() == "Top 4 terms by outlet"
    top_x = f[f.outlet == "X"].nlargest(1, "count").term.item()
    assert top_x in [t.get_text() for t in axes[0].get_yticklabels()]
    single = plot.top_terms_bars(keywords.frequencies(CORPUS), top_k=3)
    assert len(single) == 1 and single[0].get_title() == "all documents"


def test_top_terms_on_given_axes_and_capped_groups() -> None:
    f = keywords.frequencies(CORPUS, by="doc_id")
    fig, grid = plt.subplots(1, 2)
    axes = plot.top_terms_bars(f, top_k=2, max_panels=2, axes=grid)
    assert list(axes) == list(grid) and axes[0].figure is fig
    assert "4 smaller groups not shown" in fig._suptitle.get_text()
    with pytest.raises(ValueError, match="axes"):
        plot.top_terms_bars(f, top_k=2, max_panels=3, axes=grid)


def test_term_trend_lines() -> None:
    t = keywords.trend(CORPUS, ["sanctions", "ceasefire"], period="month")
    ax = plot.term_trend_lines(t)
    assert isinstance(ax, Axes)
    assert len(ax.lines) == 2
    assert ax.get_title() == "Term frequency over time"
    assert "1,000 words" in ax.get_ylabel() and ax.get_xlabel() == "period"
    ys = dict(zip([ln.get_label() for ln in ax.lines],
                  [list(ln.get_ydata()) for ln in ax.lines], strict=True))
    expected = t[t.term == "sanctions"].sort_values("period")["per_1000"].tolist()
    assert ys["sanctions"] == pytest.approx(expected)
    by = keywords.trend(CORPUS, ["talks"], period="month", by="outlet")
    assert len(plot.term_trend_lines(by, value="count").lines) == 2


def test_dispersion_xray() -> None:
    d = keywords.dispersion(CORPUS, "ceasefire")
    ax = plot.dispersion_plot(d)
    assert isinstance(ax, Axes)
    shown = [t.get_text() for t in ax.get_yticklabels()]
    assert shown == d[d["count"] > 0].sort_values("count", ascending=False,
                                                  kind="stable").doc_id.tolist()
    assert len(ax.collections) == len(shown)
    assert ax.get_xlabel() and ax.get_ylabel() and "matches" in ax.get_title()
    every = plot.dispersion_plot(d, only_matches=False)
    assert len(every.get_yticklabels()) == len(CORPUS)
