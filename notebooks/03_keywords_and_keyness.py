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
# # 03 Keywords, collocations and keyness
#
# What is the Middle East coverage about, and how does one outlet's vocabulary differ from
# the others', and one period's from another's?
#
# This notebook answers the question at four levels, each traceable to the text:
#
# 1. **Keyphrases per article** (`keywords.extract`): the few phrases that best summarise
#    each article, counted over the corpus;
# 2. **Frequencies and collocations** (`keywords.frequencies`, `keywords.collocations`):
#    the most frequent words per outlet, and word pairs that occur together far more often
#    than chance (names, fixed phrases);
# 3. **Keyness** (`keywords.keyness`): words over- or under-represented in one outlet (or
#    period) against the rest, as quanteda's `textstat_keyness`;
# 4. **Concordances** (`keywords.kwic`): every occurrence of a term with its context and
#    offsets, to read what the numbers point at.

# %% tags=["parameters"]
# Parameters (the report runner may override these in a cell inserted below this one).
CORPUS = "news"  # "news" (default corpus), "sample" (tiny offline sample) or a path/glob
SUBSET = None  # a number of articles for a quick, reproducible random subset
LOAD_OPTIONS = {}  # options of toolkit.corpus.load for a path, e.g. {"dayfirst": True}
MIN_REGION_MENTIONS = 3  # keep articles with at least this many Middle East actor mentions
TARGET_OUTLET = "TASS"  # the outlet compared with all others (falls back to the largest)
SPLIT_DATE = None  # "YYYY-MM-DD" splitting two periods; None: the median date
KWIC_PATTERN = "Iran*"  # a word, a phrase, or a glob such as "negotiat*"
MIN_DOCS_PER_WEEK = 10  # weeks with fewer articles are left out of the trend plot
TREND_TERMS = {"Iran": "Iran*", "Syria": "Syria*", "Israel": "Israel*", "Yemen": "Yemen*"}

# %%
# ruff: noqa: E402, B018  (notebook style: imports after the parameters, tables shown last)

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from toolkit import actors, cache, keywords, plot, report, tokenize

plt.rcParams.update({"figure.figsize": (8, 4.5), "figure.dpi": 100, "axes.titlesize": 13})
pd.set_option("display.max_colwidth", 60)

corpus = report.load_corpus(CORPUS, subset=SUBSET, **LOAD_OPTIONS)
articles = actors.about_region(corpus, region="MENA", min_mentions=MIN_REGION_MENTIONS)
outlet_known = articles["outlet"].notna()
articles["outlet"] = articles["outlet"].fillna("(no outlet)")
print(f"{len(articles):,} of {len(corpus):,} articles are about the region (as in notebook 02)")

# Tokenising once and passing the tokens to every function below saves time; it runs in
# chunks with a progress bar (`report.progress_map`) and the token table is cached on disk.
tokens = cache.cached(report.progress_map)(tokenize.tokenize, articles, desc="tokens")
print(f"{len(tokens):,} tokens")

# %% [markdown]
# ## Keyphrases per article
#
# The default method (`newsrank`, a PositionRank variant) ranks noun phrases by a
# PageRank over word co-occurrences, favouring words that appear early in the article, as
# news puts the essentials first. We keep each article's top 5 and count in how many articles
# a phrase is among them: a map of the topics, article by article.
#
# *Limits*: the position bias also favours **datelines**: wire reports open with
# "MOSCOW, February 7. /TASS/", so the city becomes a keyphrase of many TASS articles. And
# keyphrases are chosen within one article; a phrase common to all articles
# (e.g. "security council") may be key in many of them. The benchmark in `benchmarks/` gives
# its agreement with human keyphrases (F1 about 0.3, which is typical for this task).

# %%
if articles.empty:
    print("No articles: no keyphrases to show (none about the region).")
else:
    phrases = cache.cached(keywords.extract)(articles, top_k=5)
    display(phrases[["doc_id", "rank", "phrase", "score"]].head(10))

# %%
if articles.empty:
    print("No articles: no keyphrases to count.")
else:
    topics = (
        phrases.assign(phrase=phrases["phrase"].str.lower())
        .groupby("phrase")
        .agg(articles=("doc_id", "nunique"), mean_rank=("rank", "mean"))
        .reset_index()
        .sort_values(["articles", "mean_rank", "phrase"], ascending=[False, True, True])
        .head(20)
        .reset_index(drop=True)
    )
    report.save_table(topics, "top_keyphrases")

    ax = plot.count_bars(
        topics,
        label="phrase",
        value="articles",
        other=False,
        title="The most frequent keyphrases of Middle East articles",
        xlabel="articles with the phrase among their top 5 keyphrases",
        ylabel="keyphrase",
    )
    report.save_figure(ax.figure, "top_keyphrases")
    plt.show()

# %% [markdown]
# ## Frequent words by outlet
#
# Frequencies of case-folded words without stopwords (English function words plus news
# reporting words such as "said"). Shares (`share`: the word's share of all counted words
# of the outlet) make outlets of different sizes comparable.

# %%
if articles.empty:
    print("No articles: no word frequencies.")
elif report.has_values(articles[outlet_known], "outlet", section="Frequent words by outlet"):
    freq = keywords.frequencies(articles, by="outlet", tokens=tokens, top_k=10)
    report.save_table(
        freq.sort_values(["outlet", "rank"], ignore_index=True), "top_terms_by_outlet"
    )
    axes = plot.top_terms_bars(
        freq,
        top_k=10,
        by="outlet",
        value="share",
        ncols=3,
        title="Most frequent words by outlet (share of the outlet's words)",
    )
    report.save_figure(axes[0].figure, "top_terms_by_outlet")
    plt.show()

# %% [markdown]
# ## Collocations
#
# Word pairs ranked by the log-likelihood G2 of their co-occurrence as neighbours; PMI
# favours rare, exclusive pairs, the t-score frequent ones. High-scoring pairs are mostly
# names and fixed expressions ("security council", "peace talks"), which is why multiword
# expressions matter for counting: "united" and "nations" alone mean little.

# %%
if articles.empty:
    print("No articles: no collocations.")
else:
    colloc = keywords.collocations(articles, tokens=tokens, min_count=5)
    colloc = colloc.sort_values(["g2", "collocation"], ascending=[False, True], ignore_index=True)
    report.save_table(colloc.head(100), "collocations")
    display(colloc.head(15))

# %% [markdown]
# ## Keyness: one outlet against the others
#
# For every word, a 2 x 2 table (this word / all other words; target outlet / other
# outlets) gives the log-likelihood **G2** (signed: negative when the word is rarer in the
# target) with its p-value, and the **log ratio** effect size (log2 of the ratio of
# relative frequencies: 1 means twice as frequent). With hundreds of thousands of words,
# p-values are tiny for small differences; rank by G2 and read the effect size.
#
# Keyness against the rest of the corpus shows what is *distinctive* of an outlet: its
# house style and its sources as much as its framing (an outlet's own name, its reporters'
# bylines, its preferred spelling of names).

# %%
if articles.empty:
    print("No articles: no outlet to compare.")
elif report.has_values(
    articles[outlet_known], "outlet", section="Keyness between outlets", min_count=2
):
    outlets = articles[outlet_known]["outlet"].value_counts()
    target = TARGET_OUTLET if TARGET_OUTLET in outlets.index else outlets.index[0]
    key_outlet = keywords.keyness(articles, target, by="outlet", tokens=tokens, min_count=5)
    report.save_table(key_outlet, "keyness_outlet")
    ax = plot.keyness_bars(
        key_outlet,
        top_k=15,
        labels=(target, "other outlets"),
        title=f"Keyness: {target} against the other outlets (G2)",
    )
    report.save_figure(ax.figure, "keyness_outlet")
    plt.show()

# %% [markdown]
# ## Keyness: one period against another
#
# The same test between two periods, split at `SPLIT_DATE` (by default the median date, so
# both halves hold about the same number of articles). Over-represented words of the later
# period point to events that entered the news.

# %%
if report.has_values(articles, "date", section="Keyness between periods"):
    dated = articles[articles["date"].notna()].reset_index(drop=True)
    split = pd.Timestamp(SPLIT_DATE) if SPLIT_DATE else dated["date"].median().normalize()
    later = dated["date"] >= split
    dated_tokens = tokens[tokens["doc_id"].isin(dated["doc_id"])]
    if later.all() or not later.any():
        print(f"all dated articles fall on one side of {split.date()}; no period comparison")
    else:
        key_period = keywords.keyness(dated, later, tokens=dated_tokens, min_count=5)
        report.save_table(key_period, "keyness_period")
        ax = plot.keyness_bars(
            key_period,
            top_k=15,
            labels=(f"from {split.date()}", f"before {split.date()}"),
            title=f"Keyness: articles from {split.date()} against those before (G2)",
        )
        report.save_figure(ax.figure, "keyness_period")
        plt.show()

# %% [markdown]
# ## Terms over time
#
# Matches per 1,000 words per week for a few country names (glob patterns, so that
# "Iranian" counts for Iran). Weeks with fewer than `MIN_DOCS_PER_WEEK` articles give jumpy
# rates and are left out of the plot (the table keeps them); notebook 02 shows how many
# articles each week holds.

# %%
if report.has_values(articles, "date", section="Terms over time"):
    trend = keywords.trend(articles[articles["date"].notna()], TREND_TERMS, period="week")
    trend = trend.sort_values(["period", "term"], ignore_index=True)
    report.save_table(trend, "term_trend")
    shown = trend[trend["n_docs"] >= MIN_DOCS_PER_WEEK]
    ax = plot.term_trend_lines(
        shown if len(shown) else trend,
        title="Country names per week (per 1,000 words)",
        xlabel="week",
    )
    report.save_figure(ax.figure, "term_trend")
    plt.show()

# %% [markdown]
# ## Concordance: reading the words in context
#
# `kwic` lists every match of a pattern with a window of words either side and the
# character offsets of the match, so `text[start:end]` is the match. Sorting by the right
# context groups the constructions in which a term is used ("Iran's nuclear", "Iran and").

# %%
if articles.empty:
    print("No articles: no concordance.")
else:
    concordance = keywords.kwic(articles, KWIC_PATTERN, window=7)
    concordance = concordance.merge(articles[["doc_id", "outlet"]], on="doc_id")
    concordance = concordance.sort_values(["right", "doc_id", "start"], ignore_index=True)
    text_of = articles.set_index("doc_id")["text"]
    spans = ["doc_id", "start", "end", "match"]
    assert all(text_of[d][s:e] == m for d, s, e, m in concordance[spans].itertuples(index=False))
    report.save_table(concordance, "kwic")
    n_docs = concordance["doc_id"].nunique()
    print(f"{len(concordance):,} matches of {KWIC_PATTERN!r} in {n_docs} articles")
    display(concordance[["doc_id", "outlet", "left", "match", "right"]].head(20))

# %% [markdown]
# ## Limits
#
# - Word counts ignore meaning: "Iran" in "Iran denied" and in "sanctions on Iran" count the
#   same. Concordances are the check.
# - Keyness compares vocabularies, and vocabularies differ for many reasons (house style,
#   topics chosen, sources quoted); it shows where to look, not why.
# - The region filter, the stopword lists and the minimum counts are choices; change the
#   parameters and see how robust a finding is.
