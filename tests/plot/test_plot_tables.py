"""toolkit.plot figures of small tables: count, stacked and grouped bars; heatmap, lines,
stacked area; length boxes and sentence lengths; tone bars. Capped axes and labels."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from toolkit import plot  # noqa: E402
from toolkit.errors import SchemaError  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _ticks(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def test_count_bars_cap_sums_the_rest_into_other() -> None:
    counts = pd.DataFrame({"outlet": [f"o{i}" for i in range(30)], "articles": range(30, 0, -1)})
    ax = plot.count_bars(counts, label="outlet", value="articles", top_k=5, annotate=True)
    assert _ticks(ax) == ["o0", "o1", "o2", "o3", "o4", "other (25)"]
    widths = [p.get_width() for p in ax.patches]
    assert widths[-1] == sum(range(25, 0, -1)) and sum(widths) == counts["articles"].sum()
    assert ax.texts[0].get_text().strip() == "30"
    assert ax.get_xlabel() == "articles" and ax.get_ylabel() == "outlet" and ax.get_title()


def test_count_bars_without_other_says_how_many_shown() -> None:
    counts = pd.DataFrame({"phrase": list("abcd"), "articles": [4, 3, 2, 1]})
    ax = plot.count_bars(counts, label="phrase", value="articles", top_k=2, other=False,
                         title="Phrases")
    assert _ticks(ax) == ["a", "b"] and ax.get_title() == "Phrases (top 2 of 4)"
    with pytest.raises(SchemaError, match="articles"):
        plot.count_bars(counts.drop(columns="articles"), label="phrase", value="articles")


def test_stacked_bars_percent_and_counts() -> None:
    kinds = pd.DataFrame({"outlet": ["A", "B"], "direct": [6, 1], "indirect": [2, 3]})
    ax = plot.stacked_bars(kinds, label="outlet", percent=True,
                           colors={"direct": "#000000"})
    assert [round(p.get_width()) for p in ax.patches] == [75, 25, 25, 75]
    assert ax.patches[0].get_facecolor()[:3] == (0.0, 0.0, 0.0)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["direct", "indirect"]
    assert ax.get_xlim() == (0, 100) and ax.get_ylabel() == "outlet"
    many = pd.DataFrame({"n": range(1, 31), "m": 1}, index=[f"s{i}" for i in range(30)])
    capped = plot.stacked_bars(many, top_k=3)
    assert _ticks(capped)[-1] == "other (27)"
    assert sum(p.get_width() for p in capped.patches) == many.to_numpy().sum()


def test_grouped_bars_leave_out_rates_and_say_so() -> None:
    rates = pd.DataFrame({"iran": [3.0, 2.0, 1.0], "gaza": [0.0, 1.0, 0.5]},
                         index=pd.Index(["A", "B", "C"], name="outlet"))
    ax = plot.grouped_bars(rates, top_k=2, legend_title="term")
    assert len(ax.patches) == 4 and "(top 2 of 3)" in ax.get_title()
    assert ax.get_ylabel() == "outlet" and ax.get_legend().get_title().get_text() == "term"


def test_table_heatmap_values_and_cap() -> None:
    table = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [5.0, 0.0, 9.0]}, index=["x", "y", "z"])
    ax = plot.table_heatmap(table, annotate="{:.1f}", top_k=2, colorbar="rate")
    assert _ticks(ax) == ["x", "z"] and "(top 2 of 3)" in ax.get_title()
    assert [t.get_text() for t in ax.texts] == ["1.0", "5.0", "3.0", "9.0"]
    assert ax.figure.axes[-1].get_ylabel() == "rate"


def test_table_lines_dates_from_strings() -> None:
    rates = pd.DataFrame({"security": [1.0, 2.0, 3.0], "economy": [2.0, 2.0, 2.0]},
                         index=pd.Index(["2024-01-01", "2024-01-08", "2024-01-15"], name="week"))
    ax = plot.table_lines(rates, ylabel="per 1,000 tokens", legend_title="frame")
    assert [ln.get_label() for ln in ax.lines] == ["security", "economy"]
    assert list(ax.lines[0].get_ydata()) == [1.0, 2.0, 3.0]
    assert ax.get_xlabel() == "week" and ax.get_ylabel() == "per 1,000 tokens"


def test_stacked_area_caps_columns() -> None:
    weeks = pd.to_datetime(["2024-01-01", "2024-01-08"])
    counts = pd.DataFrame({f"o{i}": [i, i + 1] for i in range(12)}, index=weeks)
    ax = plot.stacked_area(counts, top_k=3, legend_title="outlet")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels == ["o9", "o10", "o11", "other (9)"]
    assert len(ax.collections) == 4


def test_length_boxes_pool_other_groups() -> None:
    corpus = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 2 + ["C", "D"],
                           "words": [10, 20, 30, 5, 6, 100, 200]})
    ax = plot.length_boxes(corpus, top_k=2)
    assert _ticks(ax) == ["A", "B", "other (2)"]
    ax = plot.length_boxes(corpus, order=["D", "C", "B", "A"], top_k=None)
    assert _ticks(ax) == ["D", "C", "B", "A"]


def test_sentence_length_bars() -> None:
    s = pd.DataFrame({"sent_id": [0, 1, 2], "para_id": [0, 0, 1], "words": [12, 7, 20]})
    ax = plot.sentence_length_bars(s)
    assert [p.get_height() for p in ax.patches] == [12, 7, 20]
    assert ax.get_xlabel() == "sentence number" and ax.get_ylabel() == "words"


def test_tone_bars_reference_and_cap() -> None:
    scores = pd.DataFrame({"actor": ["Iran", "Iraq", "Syria"], "mean": [-0.3, 0.1, -0.05],
                           "ci95": [0.05, 0.1, None]})
    ax = plot.tone_bars(scores, reference=-0.1, top_k=2)
    assert _ticks(ax) == ["Iran", "Iraq"] and "(top 2 of 3)" in ax.get_title()
    assert "all sentences (-0.10)" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert [p.get_width() for p in ax.patches] == pytest.approx([-0.3, 0.1])
