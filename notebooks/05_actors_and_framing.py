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
# # 05 Actors and framing
#
# Which states and organisations appear together in coverage of Middle East diplomacy,
# which pairs do Al Jazeera and TASS report, in which frames (security, economy,
# humanitarian, diplomacy, conflict) is that coverage written, and in what tone are the main
# actors mentioned? Like notebooks 03 and 04 it analyses the diplomacy subset of notebook 02.
#
# Three classic measures of coverage studies, each with a deliberately simple and transparent
# method:
#
# 1. **Actors and co-occurrence.** `toolkit.actors.mentions` finds names of states,
#    territories, organisations and armed groups from an editable gazetteer (with capitals
#    used as metonyms, "Tehran" for Iran, and demonyms, "Iranian"). Two actors co-occur when
#    they are mentioned in the same sentence; the network shows who is reported together.
# 2. **Framing dictionary.** `toolkit.dictionary.count` counts words and phrases of five
#    frames (the shipped `framing` dictionary) per 1,000 tokens, per week and per outlet.
# 3. **Tone.** `toolkit.tone` scores sentences with VADER; we average the scores of the
#    sentences in which each actor is mentioned.

# %% tags=["parameters"]
# Parameters (the report runner may override these in a cell inserted below this one).
CORPUS = "news"  # "news" (default corpus), "sample" (tiny offline sample) or a path/glob
SUBSET = None  # a number of articles for a quick, reproducible random subset
LOAD_OPTIONS = {}  # options of toolkit.corpus.load for a path, e.g. {"dayfirst": True}
DIPLOMACY_THRESHOLD = 2.5  # score an article needs to be in the diplomacy subset (notebook 02)
OUTLET_A, OUTLET_B = "Al Jazeera", "TASS"  # the two outlets whose actor pairs are compared
MIN_OUTLET_ARTICLES = 20  # fewer articles than this in either outlet: no comparison
TOP_ACTORS = 20
MIN_DOCS_PER_WEEK = 10  # weeks with fewer articles are left out of the time series

# %%
# ruff: noqa: E402, B018  (notebook style: imports after the parameters, tables shown last)

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display

from toolkit import actors, cache, dictionary, plot, report, tone

plt.rcParams.update({"figure.figsize": (8, 4.5), "figure.dpi": 100, "axes.titlesize": 13})

corpus = report.load_corpus(CORPUS, subset=SUBSET, **LOAD_OPTIONS)
DEFAULT = report.is_default_corpus(CORPUS, SUBSET)  # the corpus the prose describes
outlet_known = corpus["outlet"].notna()
corpus["outlet"] = corpus["outlet"].fillna("(no outlet)")
all_mentions = actors.mentions(corpus)
articles = actors.about_diplomacy(corpus, threshold=DIPLOMACY_THRESHOLD, mentions=all_mentions)
found = all_mentions[all_mentions["doc_id"].isin(articles["doc_id"])].reset_index(drop=True)
print(f"{len(articles):,} articles in the diplomacy subset (as in notebooks 02 to 04)")
print(f"{len(found):,} actor mentions of {found['actor'].nunique()} actors")

# %% [markdown]
# ## Who is mentioned
#
# Counting *articles* that mention an actor, not mentions, keeps one long article about
# Syria from outweighing ten short ones. All actors count here, outside powers and people
# included: coverage of the region is to a large part coverage of what Washington, Moscow or
# Brussels do there (on the default corpus Russia and the United States are among the five
# actors named in most articles of the subset; the cell checks it). A capital used as a
# dateline or a place ("TEHRAN -", "talks in Vienna") is not counted as its state.

# %%
if found.empty:
    print("No actor mentions: no actors to list.")
else:
    # a capital used as a dateline or a place ("TEHRAN -", "talks in Vienna") is no mention
    # of the state (actor_type "place"); the co-occurrence below leaves it out the same way
    named = found[found["actor_type"] != "place"]
    top_actors = (
        named.groupby(["actor", "actor_type"])
        .agg(articles=("doc_id", "nunique"), mentions=("doc_id", "size"))
        .reset_index()
        .sort_values(["articles", "mentions", "actor"], ascending=[False, False, True])
        .head(TOP_ACTORS)
        .reset_index(drop=True)
    )
    labels = named.pivot_table(
        index=["actor", "actor_type"], columns="label_type", values="doc_id", aggfunc="size",
        fill_value=0,
    )
    top_actors = top_actors.merge(labels.add_prefix("as_").reset_index(),
                                  on=["actor", "actor_type"], how="left")
    as_columns = [c for c in top_actors.columns if c.startswith("as_")]
    top_actors[as_columns] = top_actors[as_columns].fillna(0).astype(int)
    # every mention is named in exactly one way: the as_ columns add up to the mentions
    report.claim(bool((top_actors[as_columns].sum(axis=1) == top_actors["mentions"]).all()),
                 "the as_ columns split each actor's mentions")
    report.save_table(top_actors, "top_actors")
    display(top_actors)
    five = top_actors["actor"].head(5).tolist()
    report.claim({"Russia", "United States"} <= set(five), "Russia and the US in the top five",
                 when=DEFAULT, detail=five)

# %% [markdown]
# The `as_...` columns say *how* the actor was named: by its name, an abbreviation or
# alternative name, its capital or seat of government used as a metonym ("Moscow", "the
# White House"), a demonym ("Syrian"), a historical name, or a loaded or state-media label.
# Loaded labels are how outlets position themselves; they are listed, with what they are, in
# the gazetteer's `labels.csv`.

# %% [markdown]
# ## Who is mentioned with whom
#
# Two actors co-occur when both are mentioned in one sentence. Raw counts favour actors that
# are mentioned everywhere (the United States, Russia); the association score **NPMI** (normalised
# pointwise mutual information, from -1 to 1) says how much more often two actors share a
# sentence than their separate frequencies would predict. We draw the network with counts
# as edge widths and list both measures. In the heatmap red means "together more often than
# chance", blue "less often"; a white cell off the diagonal can also mean "never together".

# %%
if found.empty:
    print("No actor mentions: no co-occurrences.")
else:
    edges = actors.cooccurrence(found, unit="sentence", corpus=articles)
    edges = edges.sort_values(
        ["count", "actor_a", "actor_b"], ascending=[False, True, True], ignore_index=True
    )
    report.save_table(edges, "cooccurrence_sentence")
    display(edges.head(15))

# %%
if found.empty:
    print("No actor mentions: no network to draw.")
else:
    strongest = edges.head(60)  # the 60 most frequent pairs keep the picture readable
    fig, ax = plt.subplots(figsize=(9, 7))
    plot.actor_network(
        strongest,
        weight="count",
        top_k=25,
        seed=0,
        title=f"Actors mentioned in the same sentence ({len(strongest)} most frequent pairs)",
        ax=ax,
    )
    report.save_figure(ax.figure, "cooccurrence_network")
    plt.show()

# %%
if found.empty:
    print("No actor mentions: no heatmap to draw.")
else:
    leading = set(top_actors["actor"].head(15))
    among = edges[edges["actor_a"].isin(leading) & edges["actor_b"].isin(leading)]
    fig, ax = plt.subplots(figsize=(9, 7.5))
    plot.actor_heatmap(
        among,
        value="npmi",
        top_k=15,
        cmap="RdBu_r",
        symmetric=True,  # white = 0: as often together as chance predicts
        title="NPMI of the 15 most mentioned actors (same sentence)",
        ax=ax,
    )
    report.save_figure(ax.figure, "cooccurrence_heatmap")
    plt.show()

# %% [markdown]
# ## Which pairs Al Jazeera and TASS report
#
# The same sentence co-occurrence, counted separately in each outlet's articles of the
# subset: for each outlet the pairs it reports most often, and each pair's share of the
# outlet's co-occurring sentences, so that the larger outlet does not win by volume. A pair
# much more frequent in one outlet than the other says which relations each follows.

# %%
counts = articles.loc[outlet_known.reindex(articles.index, fill_value=True), "outlet"]
counts = counts.value_counts()
pair_outlets = [o for o in (OUTLET_A, OUTLET_B) if counts.get(o, 0) >= MIN_OUTLET_ARTICLES]
if found.empty:
    print("No actor mentions: no pairs by outlet.")
elif len(pair_outlets) < 2:
    have = {o: int(counts.get(o, 0)) for o in (OUTLET_A, OUTLET_B)}
    print(
        f"Skipped: Pairs by outlet needs at least {MIN_OUTLET_ARTICLES} articles of {OUTLET_A} "
        f"and of {OUTLET_B} in the subset; this corpus has {have}."
    )
else:
    outlet_of = articles.set_index("doc_id")["outlet"]
    per_outlet = []
    for outlet in pair_outlets:
        docs = articles[articles["outlet"] == outlet]
        e = actors.cooccurrence(found[found["doc_id"].isin(docs["doc_id"])], corpus=docs)
        per_outlet.append(e.assign(outlet=outlet, share=e["count"] / e["count"].sum()))
    pairs = pd.concat(per_outlet, ignore_index=True)
    wide = pairs.pivot_table(
        index=["actor_a", "actor_b"], columns="outlet", values="share", fill_value=0
    ).reindex(columns=pair_outlets, fill_value=0)
    wide["log_ratio"] = np.log2((wide[OUTLET_A] + 1e-3) / (wide[OUTLET_B] + 1e-3))
    wide = wide.reset_index()
    wide["pair"] = wide["actor_a"] + " – " + wide["actor_b"]
    top_pairs = {
        o: pairs[pairs["outlet"] == o].sort_values(
            ["count", "actor_a", "actor_b"], ascending=[False, True, True]
        ).head(10)
        for o in pair_outlets
    }
    table = pd.DataFrame(
        {o: (t["actor_a"] + " – " + t["actor_b"] + " (" + t["count"].astype(str) + ")").to_numpy()
         for o, t in top_pairs.items()}
    )
    report.save_table(
        wide.sort_values(["log_ratio", "pair"], ascending=[False, True], ignore_index=True),
        "pairs_by_outlet",
    )
    print("The ten pairs each outlet reports most often (sentences):")
    display(table)
    frequent = wide[(wide[OUTLET_A] + wide[OUTLET_B]) >= 0.01]
    lean = frequent.sort_values(["log_ratio", "pair"], ascending=[False, True])
    print(f"pairs much more frequent in {OUTLET_A}:", lean["pair"].head(6).tolist())
    print(f"pairs much more frequent in {OUTLET_B}:", lean["pair"].tail(6).tolist()[::-1])
    top_sets = {o: set(zip(t["actor_a"], t["actor_b"], strict=True)) for o, t in top_pairs.items()}
    pair_rule = DEFAULT and (OUTLET_A, OUTLET_B) == ("Al Jazeera", "TASS")
    aj_words = " ".join(lean["pair"].head(6))
    tass_words = " ".join(lean["pair"].tail(6))
    report.claim(lambda: "Israel" in aj_words and "Palestine" in aj_words,
                 "Israel-Palestine pairs lean to Al Jazeera", when=pair_rule, detail=aj_words)
    report.claim(lambda: "Russia" in tass_words, "Russia's pairs lean to TASS", when=pair_rule,
                 detail=tass_words)
    ip = wide.loc[wide["pair"] == "Israel – Palestine", ["pair", *pair_outlets, "log_ratio"]]
    display(ip)
    report.claim(lambda: ip["log_ratio"].iloc[0] >= 2, "Israel-Palestine: TASS far less often",
                 when=pair_rule, detail=ip.to_dict("records"))
    report.claim(lambda: ("Russia", "Syria") in top_sets["TASS"] or ("Syria", "Russia") in
                 top_sets["TASS"], "Russia-Syria among TASS's top ten", when=pair_rule)

# %% [markdown]
# **What the pairs show** (default corpus; the lists above). TASS reports the region
# through Russia: Russia's pairs lean to TASS, and Russia with Syria is one of its most
# frequent pairs. The pairs that lean to Al Jazeera are led by Israel and Palestine, a pair
# at least four times as frequent, as a share of each outlet's pairs, in Al Jazeera as in
# TASS (`log_ratio` of 2 or more, in the row shown above). With the keyness of notebook 03 and
# the voices of notebook 04 this is one picture: TASS covers Syria's diplomacy as Russian
# diplomacy, Al Jazeera covers the region's conflicts, Israel and Palestine first.

# %% [markdown]
# ## Frames over time and by outlet
#
# The `framing` dictionary lists words and glob patterns for five frames (e.g. `secur*`,
# `terror*` for security; `humanitarian`, `refugee*` for humanitarian). A frame's rate is its
# matches per 1,000 tokens of the articles of a week or an outlet.
#
# *Limits*: the dictionary is an illustrative starting point, not a validated instrument;
# words are counted regardless of context ("security" in "social security" counts). Validate
# on a hand-coded sample, and extend the YAML file for your question
# (`toolkit/data/dictionaries/framing.yaml`).

# %%
count_frames = cache.cached(dictionary.count)
if report.has_values(articles, "date", section="Frames over time"):
    dated = articles[articles["date"].notna()].copy()
    week = dated["date"].dt.to_period("W-SUN").dt.start_time
    dated["week"] = week.dt.strftime("%Y-%m-%d")
    by_week = count_frames(dated, "framing", by="week")
    busy = by_week.groupby("week")["n_docs"].first()
    weeks = sorted(busy[busy >= MIN_DOCS_PER_WEEK].index) or sorted(busy.index)
    by_week = by_week[by_week["week"].isin(weeks)].sort_values(["week", "category"])
    report.save_table(by_week.reset_index(drop=True), "frames_by_week")
    rates = by_week.pivot(index="week", columns="category", values="per_1000")

    ax = plot.table_lines(
        rates,
        title=f"Frames per week (weeks with at least {MIN_DOCS_PER_WEEK} articles)",
        xlabel="week (starting)",
        ylabel="matches per 1,000 tokens",
        legend_title="frame",
    )
    report.save_figure(ax.figure, "frames_by_week")
    plt.show()

# %%
if articles.empty:
    print("No articles: no frames by outlet.")
elif report.has_values(corpus[outlet_known], "outlet", section="Frames by outlet"):
    by_outlet = count_frames(articles, "framing", by="outlet")
    by_outlet = by_outlet.sort_values(["outlet", "category"], ignore_index=True)
    report.save_table(by_outlet, "frames_by_outlet")
    table = by_outlet.pivot(index="outlet", columns="category", values="per_1000")

    ax = plot.table_heatmap(
        table,
        annotate="{:.1f}",
        cmap="Blues",
        colorbar="per 1,000 tokens",
        title="Frames by outlet (matches per 1,000 tokens)",
        xlabel="frame",
        ylabel="outlet",
    )
    report.save_figure(ax.figure, "frames_by_outlet")
    plt.show()

# %% [markdown]
# ## Tone of the sentences that mention each actor
#
# VADER gives each sentence a *compound* score from -1 (negative) to +1 (positive). For each
# of the most mentioned actors we average the scores of the sentences that mention it, with
# a 95% interval (±1.96 standard errors), against the average of all sentences.
#
# *Limits* (read before citing these numbers): VADER was built for social media and
# reviews. In hard news it mostly measures the valence of the **events** reported (attack,
# killed, crisis) rather than the writer's stance toward the actor; diplomatic
# understatement and loaded labels carry no score; quoted speech is scored as the writer's;
# negation is handled only within a few words. Differences between actors say "this actor
# appears in more negative news", not "this outlet is hostile to this actor".

# %%
if found.empty:
    print("No actor mentions: no tone by actor.")
else:
    # Scoring every sentence takes a while: in chunks with a progress bar, cached on disk.
    sentences = cache.cached(report.progress_map)(tone.sentences, articles, desc="tone")
    sentences = sentences.sort_values(["start", "doc_id"])
    located = pd.merge_asof(
        found.sort_values(["start", "doc_id"]),
        sentences[["doc_id", "sent_id", "start", "end", "compound"]].rename(
            columns={"start": "sent_start", "end": "sent_end"}
        ),
        left_on="start",
        right_on="sent_start",
        by="doc_id",
    )
    located = located[located["start"] < located["sent_end"]]
    per_actor = located.drop_duplicates(["actor", "doc_id", "sent_id"])
    actor_tone = (
        per_actor[per_actor["actor"].isin(top_actors["actor"].head(12))]
        .groupby("actor")["compound"]
        .agg(sentences="size", mean="mean", sd="std")
        .reset_index()
    )
    actor_tone["ci95"] = 1.96 * actor_tone["sd"].fillna(0) / np.sqrt(actor_tone["sentences"])
    actor_tone = actor_tone.sort_values(["mean", "actor"], ignore_index=True)
    report.save_table(actor_tone, "tone_by_actor")
    overall = sentences["compound"].mean()

    ax = plot.tone_bars(
        actor_tone,
        label="actor",
        value="mean",
        error="ci95",
        reference=overall,
        title="Tone of sentences mentioning each actor (95% intervals)",
        xlabel="mean VADER compound score of sentences mentioning the actor",
    )
    report.save_figure(ax.figure, "tone_by_actor")
    plt.show()
    display(actor_tone)
    least = actor_tone["actor"].tail(5).tolist()
    report.claim(actor_tone["actor"].iloc[0] == "Islamic State", "Islamic State most negative",
                 when=DEFAULT, detail=actor_tone["actor"].iloc[0])
    report.claim({"Russia", "United Nations", "European Union"} <= set(least),
                 "Russia, the UN and the EU among the five least negative", when=DEFAULT,
                 detail=least)

# %% [markdown]
# On the default corpus's subset the sentences naming the Islamic State are the most
# negative (the war against it), while those naming Russia, the UN and the EU, the
# diplomats of these weeks, are among the five least negative: as the limits above say,
# VADER reads the events an actor appears in (strikes, talks), not an outlet's stance.

# %% [markdown]
# ## What to take away
#
# - The network and the actor table show the cast of the coverage; NPMI points to pairs
#   reported together more than chance (often one conflict or one negotiation).
# - Frame rates and tone are *descriptive* measures from word lists: use them to find
#   where to read, then read (every match and mention keeps `doc_id` and offsets:
#   `dictionary.matches` and `actors.mentions` list them).
