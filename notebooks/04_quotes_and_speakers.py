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
# # 04 Quotes and speakers
#
# Who gets to speak in coverage of the Middle East: which officials are quoted, from which
# country, directly or in paraphrase, and does that differ between outlets?
#
# Quotation is how journalists hand the microphone to someone. Whose words an outlet
# reports, and whether it lets them speak in their own words (a **direct** quote, in
# quotation marks), in part (**mixed**: a quoted fragment inside the journalist's sentence)
# or only in paraphrase (**indirect**: "stressed that ...", "according to ..."), is a classic
# measure of voice and sourcing in coverage studies.
#
# **Method.** `toolkit.quotes.extract` finds every attribution with transparent rules: a
# quotation or a clause after a speech or stance verb ("said", "stressed that", "called
# for", "according to"), the cue verb, and the speaker mention next to it. The speaker is
# resolved to the fullest earlier mention of the same person ("he" and "Araghchi" become
# "Abbas Araghchi"), and a role ("Foreign Minister") and an affiliation (a country or an
# organisation, from the title, an apposition or the actor gazetteer) are read where the text
# gives them. Every row keeps `doc_id` and the offsets of the quote, the cue and the speaker.

# %% tags=["parameters"]
# Parameters (the report runner may override these in a cell inserted below this one).
CORPUS = "news"  # "news" (default corpus), "sample" (tiny offline sample) or a path/glob
SUBSET = None  # a number of articles for a quick, reproducible random subset
LOAD_OPTIONS = {}  # options of toolkit.corpus.load for a path, e.g. {"dayfirst": True}
MIN_REGION_MENTIONS = 3  # keep articles with at least this many Middle East actor mentions
TOP_SPEAKERS = 20

# %%
# ruff: noqa: E402, B018  (notebook style: imports after the parameters, tables shown last)

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from toolkit import actors, cache, plot, quotes, report

plt.rcParams.update({"figure.figsize": (8, 4.5), "figure.dpi": 100, "axes.titlesize": 13})
pd.set_option("display.max_colwidth", 80)

corpus = report.load_corpus(CORPUS, subset=SUBSET, **LOAD_OPTIONS)
outlet_known = corpus["outlet"].notna()
corpus["outlet"] = corpus["outlet"].fillna("(no outlet)")

# %% [markdown]
# ## Articles about the region
#
# As in notebook 02, an article counts as being about the Middle East and North Africa when
# the actor gazetteer finds at least `MIN_REGION_MENTIONS` mentions of states, territories or
# organisations of the region in it. This keeps US domestic politics and European elections
# out of the "who speaks on the Middle East" question.

# %%
articles = actors.about_region(corpus, region="MENA", min_mentions=MIN_REGION_MENTIONS)
print(f"{len(articles):,} of {len(corpus):,} articles are about the region")

# %% [markdown]
# Quotation marks damaged in the source (the default corpus replaced ’ ” and — with `"?`)
# were restored by the loader from context (note `quotes_repaired`): a repaired mark can be
# wrong, and a wrong mark moves a quote's boundaries. How many of the articles analysed here
# were repaired:

# %%
repaired = articles["notes"].fillna("").str.contains(r"(?:^|;)\s*quotes_repaired", regex=True)
print(
    f"{int(repaired.sum()):,} of {len(articles):,} articles had damaged quotation marks "
    "repaired (note quotes_repaired)"
)

# %% [markdown]
# Quote extraction over the corpus takes a while: `report.progress_map` runs it in chunks
# of articles with a progress bar, and `toolkit.cache` stores the result on disk, so a
# second run with the same articles and the same toolkit reads it back at once.

# %%
if articles.empty:
    print("No articles: no quotes to extract (none about the region).")
    found_quotes = pd.DataFrame()  # nothing for the sections below
else:
    cached_map = cache.cached(report.progress_map)
    found_quotes = cached_map(quotes.extract, articles, desc="quotes", warn=False)
    found_quotes = found_quotes.merge(articles[["doc_id", "outlet"]], on="doc_id", how="left")
    print(f"{len(found_quotes):,} attributions in {found_quotes['doc_id'].nunique():,} articles")
    shown = ["doc_id", "start", "end", "kind", "quote", "cue", "speaker_name"]
    display(found_quotes[shown].head(8))

# %% [markdown]
# ## Direct, mixed or paraphrased, by outlet
#
# The count of attributions per article depends on article length, so we compare the
# *shares* of the three kinds within each outlet, and give the number per article beside them.

# %%
if found_quotes.empty:
    print("No quotes: none to count by kind.")
elif report.has_values(corpus[outlet_known], "outlet", section="Quote kinds by outlet"):
    KINDS = ["direct", "mixed", "indirect"]
    by_kind = (
        found_quotes.groupby(["outlet", "kind"])
        .size()
        .unstack("kind", fill_value=0)
        .reindex(columns=KINDS, fill_value=0)
    )
    per_article = articles.groupby("outlet").size()
    kinds = by_kind.div(by_kind.sum(axis=1), axis=0).add_prefix("share_")
    kinds.insert(0, "articles", per_article.reindex(kinds.index).fillna(0).astype(int))
    kinds.insert(1, "attributions", by_kind.sum(axis=1))
    kinds.insert(2, "per_article", kinds["attributions"] / kinds["articles"])
    kinds = kinds.sort_values("share_direct", ascending=False).reset_index()
    report.save_table(kinds, "quote_kinds_by_outlet")
    display(kinds)

# %%
if found_quotes.empty or not outlet_known.any():
    print("No quotes or no outlets: nothing to plot.")
else:
    ax = plot.stacked_bars(
        by_kind.reindex(kinds["outlet"]),
        parts=KINDS,
        percent=True,
        colors=["#2171b5", "#6baed6", "#bdd7e7"],
        title="Direct, mixed and indirect quotes by outlet",
        xlabel="% of the outlet's attributions",
        ylabel="outlet",
    )
    report.save_figure(ax.figure, "quote_kinds_by_outlet")
    plt.show()

# %% [markdown]
# ## Who is quoted
#
# Speakers are grouped by their resolved name. A speaker that stays a pronoun ("he", "they")
# could not be resolved to an earlier mention; one that is a description ("the report",
# "officials") is an anonymous or institutional source. We mark these kinds so that the
# table of named speakers is not mistaken for all of the sourcing.

# %%
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us"}


def speaker_kind(name: object) -> str:
    """'pronoun', 'named' (two or more capitalised words) or 'other' (descriptions)."""
    if not isinstance(name, str) or not name.strip():
        return "none"
    words = name.split()
    if name.lower() in PRONOUNS:
        return "pronoun"
    if name.isupper():  # page furniture such as "READ MORE" caught as a speaker
        return "other"
    capitalised = [w for w in words if w[:1].isupper()]
    return "named" if len(capitalised) >= 2 and len(capitalised) == len(words) else "other"


if found_quotes.empty:
    print("No quotes: no sourcing to show.")
else:
    found_quotes["speaker_kind"] = found_quotes["speaker_name"].map(speaker_kind)
    sourcing = (
        found_quotes.groupby("speaker_kind")
        .size()
        .rename("attributions")
        .reset_index()
        .sort_values(["attributions", "speaker_kind"], ascending=[False, True], ignore_index=True)
    )
    sourcing["share"] = sourcing["attributions"] / sourcing["attributions"].sum()
    display(sourcing)


# %%
def most_common(values: pd.Series) -> object:
    values = values.dropna()
    return values.value_counts().sort_index().idxmax() if len(values) else None


if found_quotes.empty:
    print("No quotes: no speakers to list.")
else:
    named = found_quotes[found_quotes["speaker_kind"] == "named"]
    speakers = (
        named.groupby("speaker_name")
        .agg(
            attributions=("quote_id", "size"),
            direct=("kind", lambda k: int((k != "indirect").sum())),
            articles=("doc_id", "nunique"),
            outlets=("outlet", "nunique"),
            role=("speaker_role", most_common),
            affiliation=("speaker_affiliation", most_common),
        )
        .reset_index()
        .sort_values(["attributions", "speaker_name"], ascending=[False, True], ignore_index=True)
    )
    top = speakers.head(TOP_SPEAKERS)
    report.save_table(speakers, "speakers")
    display(top)

# %%
if found_quotes.empty:
    print("No quotes: nothing to plot.")
else:
    ax = plot.stacked_bars(
        top.assign(indirect=top["attributions"] - top["direct"]).rename(
            columns={"direct": "direct or mixed"}
        ),
        label="speaker_name",
        parts=["direct or mixed", "indirect"],
        top_k=None,
        colors=["#2171b5", "#bdd7e7"],
        title=f"The {len(top)} most quoted named speakers",
        xlabel="attributions",
        ylabel="speaker (resolved name)",
    )
    report.save_figure(ax.figure, "top_speakers")
    plt.show()

# %% [markdown]
# ## From which country or organisation
#
# The affiliation is known only when the text says it near the speaker (a title such as
# "Iranian Foreign Minister", an apposition such as "Al-Araji, Iraq's interior minister") or
# the speaker's name is in the gazetteer. The share of attributions with **no known
# affiliation** is reported per outlet, as it limits what the rest of the chart can say.

# %%
if found_quotes.empty:
    print("No quotes: no affiliations to count.")
elif report.has_values(corpus[outlet_known], "outlet", section="Affiliations by outlet"):
    TOP_AFFILIATIONS = 8
    affiliation = found_quotes["speaker_affiliation"].fillna("unknown")
    leading = affiliation[affiliation != "unknown"].value_counts()
    leading = sorted(leading.index[:TOP_AFFILIATIONS], key=lambda a: (-leading[a], a))
    found_quotes["affiliation_group"] = affiliation.where(
        affiliation.isin([*leading, "unknown"]), "other"
    )
    groups = [*leading, "other", "unknown"]
    aff = (
        found_quotes.groupby(["outlet", "affiliation_group"])
        .size()
        .unstack("affiliation_group", fill_value=0)
        .reindex(columns=groups, fill_value=0)
    )
    aff_share = aff.div(aff.sum(axis=1), axis=0)
    aff_long = (
        aff.stack()
        .rename("attributions")
        .reset_index()
        .merge(aff_share.stack().rename("share").reset_index(), on=["outlet", "affiliation_group"])
        .sort_values(["outlet", "affiliation_group"], ignore_index=True)
    )
    report.save_table(aff_long, "speaker_affiliation_by_outlet")
    display((aff_share * 100).round(1))

# %%
if found_quotes.empty or not outlet_known.any():
    print("No quotes or no outlets: nothing to plot.")
else:
    ax = plot.stacked_bars(
        aff,
        parts=groups,
        percent=True,
        colors={"other": "#999999", "unknown": "#dddddd"},
        title="Affiliation of quoted speakers by outlet",
        xlabel="% of the outlet's attributions",
        ylabel="outlet",
    )
    report.save_figure(ax.figure, "speaker_affiliation_by_outlet")
    plt.show()

# %% [markdown]
# ## Reading the quotes themselves
#
# Counts invite questions that only the text answers. Every attribution carries its
# offsets, so the quotes of any speaker can be listed and checked against the article:
# here those of the most quoted speaker.

# %%
if not found_quotes.empty and len(top):
    who = top["speaker_name"].iloc[0]
    sample = named[named["speaker_name"] == who].sort_values(["doc_id", "start"]).head(8)
    text_of = articles.set_index("doc_id")["text"]
    rows = zip(sample["doc_id"], sample["start"], sample["end"], sample["quote"], strict=True)
    assert all(text_of[doc][start:end] == quote for doc, start, end, quote in rows)
    print(who)
    display(sample[["doc_id", "outlet", "start", "end", "kind", "cue", "quote"]])

# %% [markdown]
# ## Limits
#
# - Rules, not understanding: quotes without a speech verb nearby, speakers far from their
#   quote, and unusual constructions are missed or mis-attributed. The evaluation on the
#   PolNeAR corpus in `benchmarks/README.md` gives precision, recall and speaker accuracy;
#   read the counts here with those error rates in mind.
# - Pronouns are resolved to the nearest fitting earlier name; where none fits, the pronoun
#   stays (see the sourcing table), and a wrong resolution moves a quote between speakers.
# - Affiliation is only as good as the text and the gazetteer: many speakers have none.
# - The default corpus is general news from early 2017; the region filter is a proxy.
