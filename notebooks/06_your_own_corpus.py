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
# # 06 Your own corpus
#
# How do you run the analyses of notebooks 02 to 05 on articles you collected yourself?
#
# Edit the **parameters cell** below and run the notebook from the top: where your files
# are, which of their columns hold the text, outlet and date, how to group the articles,
# which dates to keep and which terms you care about. Every table below is then computed on
# your corpus, and each result keeps `doc_id` and character offsets so you can go back to
# the text. Run it headless, with its figures and tables saved, with
#
#     python -m toolkit.report --only 06 -p PATH='"data/my_articles/*.txt"'
#
# from the repository root (a relative `PATH` or `--corpus` is read from the folder you run
# the command in; interactively, from the `notebooks/` folder, hence `../data/...` below).
#
# Supported inputs (`toolkit.corpus.load`): a folder or glob of plain-text articles (one
# article a file, page furniture split off as in notebook 01), CSV or TSV with a column
# mapping, JSON and JSON Lines (also gzipped), saved HTML pages, or a pandas DataFrame.

# %% tags=["parameters"]
# Parameters: edit these (the report runner may override them in a cell inserted below).
CORPUS = "news"  # used when PATH is None: "news" (default corpus) or "sample"
SUBSET = None  # a number of articles for a quick, reproducible random subset
PATH = None  # your files, e.g. "../data/my_articles/*.txt" or "../data/articles.csv"
COLUMNS = None  # schema column -> your column, e.g. {"text": "body", "date": "published"}
LOAD_OPTIONS = {}  # more options of toolkit.corpus.load, e.g. {"dayfirst": True}
GROUP_BY = "outlet"  # a column to compare groups by (outlet, or one of your own columns)
DATE_FROM = None  # "YYYY-MM-DD" or None
DATE_TO = None  # "YYYY-MM-DD" or None (inclusive)
TERMS = {"Iran": "Iran*", "Syria": "Syria*", "talks": "talk*", "sanctions": "sanction*"}
PERIOD = "week"  # time unit of the term trends: "day", "week", "month", "quarter", "year"
MIN_DOCS_PER_PERIOD = 5  # periods with fewer articles are left out of the trend plot

# %%
# ruff: noqa: E402, B018  (notebook style: imports after the parameters, tables shown last)
import matplotlib.pyplot as plt
import pandas as pd

from toolkit import actors, dictionary, keywords, plot, report, tokenize
from toolkit import corpus as corpus_io

plt.rcParams.update({"figure.figsize": (8, 4.5), "figure.dpi": 100, "axes.titlesize": 13})
pd.set_option("display.max_colwidth", 70)

# %% [markdown]
# ## Load
#
# With `errors="collect"` nothing stops the load: records that cannot be read (malformed
# JSON, a missing text column, undecodable bytes that could not be repaired) go to a
# **rejects** table that names the file and line, so you can fix or ignore them knowingly.

# %%
if PATH is not None:
    options = {"columns": COLUMNS, "errors": "collect", **LOAD_OPTIONS}
    loaded = corpus_io.load(PATH, **options)
    rejects = corpus_io.rejects(loaded)
    loaded = report.subset_corpus(loaded, SUBSET)
    report.record_input(loaded, label=str(PATH), subset=SUBSET)
else:
    loaded = report.load_corpus(CORPUS, subset=SUBSET, **LOAD_OPTIONS)
    rejects = corpus_io.rejects(loaded)
print(f"{len(loaded):,} articles loaded, {len(rejects):,} rejected")
rejects.head(10) if len(rejects) else "no rejects"

# %% [markdown]
# Repairs and flags the loader made (e.g. `quotes_repaired`, a detected encoding, an empty
# text) are listed in the `notes` column; the articles are kept.

# %%
notes = loaded["notes"].fillna("").astype(str).str.split(";").explode().str.strip()
notes = notes[notes != ""].str.split("=").str[0].value_counts().rename_axis("note")
notes.rename("articles").reset_index()

# %% [markdown]
# ## Select
#
# Keep the dates you asked for; articles without a date are kept only when no date range
# is set (say so in your write-up if that matters).

# %%
docs = loaded.copy()
if GROUP_BY not in docs.columns:
    raise KeyError(f"GROUP_BY={GROUP_BY!r} is not a column; columns are {list(docs.columns)}")
docs[GROUP_BY] = docs[GROUP_BY].fillna("(none)").astype(str)
if DATE_FROM is not None:
    docs = docs[docs["date"] >= pd.Timestamp(DATE_FROM)]
if DATE_TO is not None:
    docs = docs[docs["date"] < pd.Timestamp(DATE_TO) + pd.Timedelta(days=1)]
docs = docs.reset_index(drop=True)
tokens = tokenize.tokenize(docs)
words = tokens[~tokens["is_punct"]].groupby("doc_id").size()
docs["words"] = docs["doc_id"].map(words).fillna(0).astype(int)

overview = (
    docs.groupby(GROUP_BY)
    .agg(
        articles=("doc_id", "size"),
        words=("words", "sum"),
        median_words=("words", "median"),
        first_date=("date", "min"),
        last_date=("date", "max"),
    )
    .reset_index()
    .sort_values(["articles", GROUP_BY], ascending=[False, True], ignore_index=True)
)
report.save_table(overview, "overview")
print(f"{len(docs):,} articles selected")
overview

# %% [markdown]
# ## Your terms over time
#
# Matches of each pattern in `TERMS` per 1,000 words per period (glob patterns: `talk*`
# matches talk, talks, talked). Periods with fewer than `MIN_DOCS_PER_PERIOD` articles give
# jumpy rates and are left out of the plot (they stay in the table). A concordance of each
# term follows: read it before you trust the counts, as a pattern may match more (or less)
# than you meant.

# %%
if report.has_values(docs, "date", section="Your terms over time"):
    trend = keywords.trend(docs[docs["date"].notna()], TERMS, period=PERIOD)
    trend = trend.sort_values(["period", "term"], ignore_index=True)
    report.save_table(trend, "term_trend")
    shown = trend[trend["n_docs"] >= MIN_DOCS_PER_PERIOD]
    if shown.empty:
        shown = trend
    sparse = trend["period"].nunique() - shown["period"].nunique()
    print(f"{sparse} sparse period(s) not plotted")
    if shown["period"].nunique() > 1:
        ax = plot.term_trend_lines(
            shown, title=f"Your terms per {PERIOD} (per 1,000 words)", xlabel=PERIOD
        )
        report.save_figure(ax.figure, "term_trend")
        plt.show()
    else:
        print("all articles fall into one period; no trend to draw")

# %%
# Counted with the same pattern dialect as `kwic` and `trend`, over all articles (dated or not).
patterns = {label: [pattern] for label, pattern in TERMS.items()}
by_group = dictionary.count(docs, patterns, by=GROUP_BY).rename(columns={"category": "term"})
by_group = by_group.sort_values([GROUP_BY, "term"], ignore_index=True)
report.save_table(by_group, "terms_by_group")
table = by_group.pivot(index=GROUP_BY, columns="term", values="per_1000").fillna(0)

ax = plot.grouped_bars(
    table,
    title=f"Your terms by {GROUP_BY}",
    xlabel="matches per 1,000 words",
    ylabel=GROUP_BY,
    legend_title="term",
)
report.save_figure(ax.figure, "terms_by_group")
plt.show()

# %%
lines = []
for label, pattern in TERMS.items():
    found = keywords.kwic(docs, pattern, window=6)
    lines.append(found.sort_values(["doc_id", "start"]).head(5).assign(term=label))
concordance = pd.concat(lines, ignore_index=True)
report.save_table(concordance, "kwic_sample")
concordance[["term", "doc_id", "start", "end", "left", "match", "right"]]

# %% [markdown]
# ## Actors and frames by group
#
# The actor gazetteer and the framing dictionary of notebook 05, per group. Add your own
# actors with `actors.mentions(docs, gazetteer="my_actors.csv")` and your own dictionary
# with `dictionary.count(docs, "my_dictionary.yaml", by=...)`.

# %%
found_actors = actors.mentions(docs).merge(docs[["doc_id", GROUP_BY]], on="doc_id")
top_actors = found_actors.groupby("actor")["doc_id"].nunique().sort_values(ascending=False).head(10)
actor_table = (
    found_actors[found_actors["actor"].isin(top_actors.index)]
    .groupby([GROUP_BY, "actor"])["doc_id"]
    .nunique()
    .unstack("actor", fill_value=0)
    .reindex(columns=top_actors.index)
)
actor_share = actor_table.div(docs.groupby(GROUP_BY).size(), axis=0).fillna(0)
report.save_table(actor_share.round(6).reset_index(), "actor_share_by_group")
(actor_share * 100).round(1)

# %%
ax = plot.table_heatmap(
    actor_share * 100,
    cmap="Purples",
    vmin=0,
    colorbar="% of the group's articles",
    title=f"Share of articles mentioning each actor, by {GROUP_BY}",
    xlabel="actor (the 10 mentioned in most articles)",
    ylabel=GROUP_BY,
)
report.save_figure(ax.figure, "actor_share_by_group")
plt.show()

# %%
frames = dictionary.count(docs, "framing", by=GROUP_BY)
frames = frames.sort_values([GROUP_BY, "category"], ignore_index=True)
report.save_table(frames, "frames_by_group")
frames.pivot(index=GROUP_BY, columns="category", values="per_1000").round(2)

# %% [markdown]
# ## What next
#
# - Notebooks 03 to 05 run on your corpus too: run them with `CORPUS` set to your path
#   (`python -m toolkit.report --corpus "data/my_articles/*.txt"`) or copy their cells here.
# - Keep this notebook's parameters cell with your results: with the report's
#   `manifest.json` (corpus checksum, package versions) it is what makes them reproducible.
