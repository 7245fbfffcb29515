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
# the text: the overview and the diplomacy subset of 02, keyphrases, collocations, keyness
# and term trends of 03, quotes and speakers of 04, actors, co-occurrence, frames and tone
# of 05. A section your corpus cannot feed (no dates, one group, no quotes) prints a
# `Skipped: ...` line saying why. Run it headless, with its figures and tables saved, with
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
DIPLOMACY_ONLY = False  # True: analyse only the articles actors.about_diplomacy keeps
KEYNESS_TARGET = None  # the group compared with the others; None: the largest group
TOP_K = 15  # rows shown in the tables of speakers, keyphrases, pairs

# %%
# ruff: noqa: E402, B018  (notebook style: imports after the parameters, tables shown last)
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from toolkit import actors, cache, dictionary, keywords, plot, quotes, report, tokenize, tone
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
mentions = cache.cached(report.progress_map)(actors.mentions, docs, desc="actors")
relevant = actors.about_diplomacy(docs, mentions=mentions)
print(f"{len(relevant):,} of {len(docs):,} articles are about the region's diplomacy "
      "(actors.about_diplomacy; notebook 02 measures it on the default corpus)")
if DIPLOMACY_ONLY:
    docs = relevant
    mentions = mentions[mentions["doc_id"].isin(docs["doc_id"])].reset_index(drop=True)
tokens = cache.cached(report.progress_map)(tokenize.tokenize, docs, desc="tokens")
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
overview["diplomacy"] = overview[GROUP_BY].map(
    docs[docs["doc_id"].isin(relevant["doc_id"])].groupby(GROUP_BY).size()
).fillna(0).astype(int)
report.save_table(overview, "overview")
print(f"{len(docs):,} articles selected")
groups_known = docs.loc[docs[GROUP_BY] != "(none)", GROUP_BY]
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
    sparse = trend["period"].nunique() - shown["period"].nunique()
    print(f"{sparse} of {trend['period'].nunique()} period(s) have fewer than "
          f"{MIN_DOCS_PER_PERIOD} articles and are not plotted")
    if shown.empty:
        print(f"Skipped: the trend plot (no {PERIOD} has {MIN_DOCS_PER_PERIOD} or more articles; "
              "lower MIN_DOCS_PER_PERIOD or choose a longer PERIOD)")
    elif shown["period"].nunique() > 1:
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
# ## Keyphrases, collocations and keyness (notebook 03)
#
# Each article's five keyphrases (`keywords.extract`), counted over the corpus; word pairs
# that occur together far more often than chance; and the words over- or under-represented
# in one group (`KEYNESS_TARGET`, by default the largest) against the others (G2, signed).

# %%
if docs.empty:
    print("No articles: no keyphrases.")
else:
    phrases = cache.cached(keywords.extract)(docs, top_k=5)
    top_phrases = (
        phrases.assign(phrase=phrases["phrase"].str.lower())
        .groupby("phrase")
        .agg(articles=("doc_id", "nunique"), mean_rank=("rank", "mean"))
        .reset_index()
        .sort_values(["articles", "mean_rank", "phrase"], ascending=[False, True, True])
        .head(TOP_K)
        .reset_index(drop=True)
    )
    report.save_table(top_phrases, "top_keyphrases")
    display(top_phrases)
    colloc = keywords.collocations(docs, tokens=tokens, min_count=3)
    colloc = colloc.sort_values(["g2", "collocation"], ascending=[False, True], ignore_index=True)
    report.save_table(colloc.head(100), "collocations")
    display(colloc.head(TOP_K)[["collocation", "count", "g2", "pmi"]])

# %%
if report.has_values(
    pd.DataFrame({GROUP_BY: groups_known}), GROUP_BY, section="Keyness between groups",
    min_count=2,
):
    target = KEYNESS_TARGET if KEYNESS_TARGET is not None else groups_known.value_counts().index[0]
    key = keywords.keyness(docs, str(target), by=GROUP_BY, tokens=tokens, min_count=3)
    report.save_table(key, "keyness_group")
    ax = plot.keyness_bars(
        key, top_k=15, labels=(str(target), "the other groups"),
        title=f"Keyness: {target} against the other groups (G2)",
    )
    report.save_figure(ax.figure, "keyness_group")
    plt.show()

# %% [markdown]
# ## Quotes and speakers (notebook 04)
#
# Every attribution (direct, mixed, indirect) with its cue and speaker; the speaker's
# resolved name, person (`person_id`, when the people lexicon knows them), role and
# affiliation; the share of each kind by group and the most quoted named speakers.

# %%
found_quotes = cache.cached(report.progress_map)(quotes.extract, docs, desc="quotes", warn=False)
if found_quotes.empty:
    print("Skipped: Quotes and speakers needs quotations or reported speech, and none was "
          "found in this corpus.")
else:
    found_quotes = found_quotes.merge(docs[["doc_id", GROUP_BY]], on="doc_id", how="left")
    kinds = (
        found_quotes.groupby([GROUP_BY, "kind"]).size().unstack("kind", fill_value=0)
        .reindex(columns=["direct", "mixed", "indirect"], fill_value=0)
    )
    kinds = kinds.div(kinds.sum(axis=1), axis=0).round(3).reset_index()
    report.save_table(kinds, "quote_kinds_by_group")
    print(f"{len(found_quotes):,} attributions in {found_quotes['doc_id'].nunique():,} articles")
    display(kinds)
    person = found_quotes["speaker_name"]
    if "person_id" in found_quotes:
        person = found_quotes["person_id"].fillna(person)
    named = found_quotes.assign(person=person)
    named = named[named["person_id"].notna()] if "person_id" in named else named
    if named.empty:
        print("Skipped: Most quoted people needs speakers the people lexicon knows, and none "
              "of this corpus's speakers is one.")
    else:

        def first(values: pd.Series) -> object:
            """The most frequent value (ties: the first in sort order), or None."""
            values = values.dropna()
            return values.value_counts().sort_index().idxmax() if len(values) else None

        speakers = (
            named.groupby("person")
            .agg(
                speaker_name=("speaker_name", first),
                attributions=("quote_id", "size"),
                articles=("doc_id", "nunique"),
                role=("speaker_role", first),
                affiliation=("speaker_affiliation", first),
            )
            .reset_index()
            .sort_values(["attributions", "person"], ascending=[False, True], ignore_index=True)
        )
        report.save_table(speakers, "speakers")
        display(speakers.head(TOP_K).drop(columns="person"))

# %% [markdown]
# ## Actors and frames by group
#
# The actor gazetteer and the framing dictionary of notebook 05, per group. Add your own
# actors with `actors.mentions(docs, gazetteer="my_actors.csv")` and your own dictionary
# with `dictionary.count(docs, "my_dictionary.yaml", by=...)`.

# %%
found_actors = mentions.merge(docs[["doc_id", GROUP_BY]], on="doc_id")
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
# ## Who appears with whom, and in what tone (notebook 05)
#
# Actors mentioned in the same sentence (count and NPMI), and the VADER tone of the
# sentences that mention each of the most mentioned actors, against the mean of all
# sentences. Read notebook 05's limits of VADER before citing a tone figure.

# %%
if mentions.empty:
    print("Skipped: Who appears with whom needs actor mentions, and none was found.")
else:
    edges = actors.cooccurrence(mentions, unit="sentence", corpus=docs)
    edges = edges.sort_values(
        ["count", "actor_a", "actor_b"], ascending=[False, True, True], ignore_index=True
    )
    report.save_table(edges, "cooccurrence_sentence")
    display(edges.head(TOP_K)[["actor_a", "actor_b", "count", "npmi"]])
    if edges.empty:
        print("Skipped: the network needs two actors in one sentence, and none are.")
    else:
        fig, ax = plt.subplots(figsize=(8, 6.5))
        plot.actor_network(
            edges.head(60), weight="count", top_k=25, seed=0,
            title="Actors mentioned in the same sentence", ax=ax,
        )
        report.save_figure(ax.figure, "cooccurrence_network")
        plt.show()

# %%
sentences = cache.cached(report.progress_map)(tone.sentences, docs, desc="tone")
if sentences.empty or mentions.empty:
    print("Skipped: Tone by actor needs sentences with actor mentions, and there are none.")
else:
    by_group = (
        sentences.merge(docs[["doc_id", GROUP_BY]], on="doc_id")
        .groupby(GROUP_BY)["compound"].agg(sentences="size", mean="mean").reset_index()
    )
    report.save_table(by_group, "tone_by_group")
    display(by_group)
    sents = sentences.sort_values(["start", "doc_id"])
    located = pd.merge_asof(
        mentions.sort_values(["start", "doc_id"]),
        sents[["doc_id", "sent_id", "start", "end", "compound"]].rename(
            columns={"start": "sent_start", "end": "sent_end"}
        ),
        left_on="start", right_on="sent_start", by="doc_id",
    )
    located = located[located["start"] < located["sent_end"]]
    located = located.drop_duplicates(["actor", "doc_id", "sent_id"])
    leading = located.groupby("actor")["doc_id"].nunique().sort_values(ascending=False).head(10)
    actor_tone = (
        located[located["actor"].isin(leading.index)]
        .groupby("actor")["compound"].agg(sentences="size", mean="mean", sd="std")
        .reset_index()
    )
    actor_tone["ci95"] = 1.96 * actor_tone["sd"].fillna(0) / actor_tone["sentences"] ** 0.5
    actor_tone = actor_tone.sort_values(["mean", "actor"], ignore_index=True)
    report.save_table(actor_tone, "tone_by_actor")
    ax = plot.tone_bars(
        actor_tone, label="actor", value="mean", error="ci95",
        reference=sentences["compound"].mean(),
        title="Tone of sentences mentioning each actor (95% intervals)",
        xlabel="mean VADER compound score",
    )
    report.save_figure(ax.figure, "tone_by_actor")
    plt.show()

# %% [markdown]
# ## What next
#
# - Notebooks 02 to 05 run on your corpus too, with their figures at full size: run them
#   with `CORPUS` set to your path (`python -m toolkit.report --corpus
#   "data/my_articles/*.txt"`); their statements about the default corpus are then not
#   checked, and their numbers are yours to read.
# - Keep this notebook's parameters cell with your results: with the report's
#   `manifest.json` (corpus checksum, package versions) it is what makes them reproducible.
