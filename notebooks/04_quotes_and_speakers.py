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
# Who gets to speak in coverage of Middle East diplomacy: which officials are quoted, from
# which country, directly or in paraphrase, and whose voices did each outlet quote on Syria?
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
# gives them. A named speaker is identified as a person (`person_id`) when the people
# lexicon knows them, so "Lavrov" and "Sergey Lavrov" count as one. Every row keeps `doc_id`
# and the offsets of the quote, the cue and the speaker.

# %% tags=["parameters"]
# Parameters (the report runner may override these in a cell inserted below this one).
CORPUS = "news"  # "news" (default corpus), "sample" (tiny offline sample) or a path/glob
SUBSET = None  # a number of articles for a quick, reproducible random subset
LOAD_OPTIONS = {}  # options of toolkit.corpus.load for a path, e.g. {"dayfirst": True}
DIPLOMACY_THRESHOLD = 2.5  # score an article needs to be in the diplomacy subset (notebook 02)
TOP_SPEAKERS = 20
TOPIC_ACTOR = "Syria"  # whose voices each outlet quoted in the articles naming this actor
TOP_PER_OUTLET = 6  # speakers listed per outlet
MIN_OUTLET_QUOTES = 50  # outlets with fewer attributions on the topic are listed apart

# %%
# ruff: noqa: E402, B018  (notebook style: imports after the parameters, tables shown last)

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from toolkit import actors, cache, plot, quotes, report

plt.rcParams.update({"figure.figsize": (8, 4.5), "figure.dpi": 100, "axes.titlesize": 13})
pd.set_option("display.max_colwidth", 80)

corpus = report.load_corpus(CORPUS, subset=SUBSET, **LOAD_OPTIONS)
DEFAULT = report.is_default_corpus(CORPUS, SUBSET)  # the corpus the prose describes
outlet_known = corpus["outlet"].notna()
corpus["outlet"] = corpus["outlet"].fillna("(no outlet)")

# %% [markdown]
# ## The diplomacy subset
#
# As in notebooks 02 and 03, the articles analysed are those `actors.about_diplomacy` keeps:
# the region's actors and diplomatic vocabulary together (held-out precision about 0.7,
# recall about 0.9). The filter is not perfect, so about one article in three is not about
# the region's diplomacy, and speakers from outside the region appear for good reasons too:
# Washington and Moscow are parties to the region's diplomacy. The table of speakers below
# says, with each speaker's affiliation, how much of the sourcing comes from the region.

# %%
all_mentions = actors.mentions(corpus)
articles = actors.about_diplomacy(corpus, threshold=DIPLOMACY_THRESHOLD, mentions=all_mentions)
print(f"{len(articles):,} of {len(corpus):,} articles are in the diplomacy subset")

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
    # each bar says how many articles it stands on: a share from 2 articles is not one from 50
    shown = by_kind.reindex(kinds["outlet"])
    shown.index = [f"{o} (n={n})" for o, n in zip(kinds["outlet"], kinds["articles"],
                                                   strict=True)]
    ax = plot.stacked_bars(
        shown,
        parts=KINDS,
        percent=True,
        colors=["#2171b5", "#6baed6", "#bdd7e7"],
        title="Direct, mixed and indirect quotes by outlet (n = articles)",
        xlabel="% of the outlet's attributions",
        ylabel="outlet",
    )
    report.save_figure(ax.figure, "quote_kinds_by_outlet")
    plt.show()

# %% [markdown]
# ## Who is quoted
#
# Speakers are grouped by person (`person_id` when the people lexicon knows them, else the
# resolved name). A speaker that stays a pronoun ("he", "they")
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
    if "person_id" in found_quotes:  # a person the people lexicon knows is named
        found_quotes.loc[found_quotes["person_id"].notna(), "speaker_kind"] = "named"
        found_quotes["person"] = found_quotes["person_id"].fillna(found_quotes["speaker_name"])
    else:
        found_quotes["person"] = found_quotes["speaker_name"]
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
        named.groupby("person")
        .agg(
            speaker_name=("speaker_name", most_common),
            attributions=("quote_id", "size"),
            direct=("kind", lambda k: int((k != "indirect").sum())),
            articles=("doc_id", "nunique"),
            outlets=("outlet", "nunique"),
            role=("speaker_role", most_common),
            affiliation=("speaker_affiliation", most_common),
        )
        .reset_index()
        .sort_values(["attributions", "person"], ascending=[False, True], ignore_index=True)
    )
    top = speakers.head(TOP_SPEAKERS)
    report.save_table(speakers, "speakers")
    display(top.drop(columns="person"))
    gazetteer = actors.load_gazetteer().drop_duplicates("actor")
    country_of = gazetteer.set_index("actor")["country"]
    mena = set(actors.region_countries("MENA"))


    def origin(affiliation: object) -> str:
        """'region', 'outside' (a known actor elsewhere) or 'unknown' affiliation."""
        if not isinstance(affiliation, str) or affiliation not in country_of.index:
            return "unknown"
        return "region" if country_of[affiliation] in mena else "outside"


    found_quotes["origin"] = found_quotes["speaker_affiliation"].map(origin)
    top_origin = top["affiliation"].map(origin).value_counts()
    print(f"affiliation of the {len(top)} most quoted:", top_origin.to_dict())
    leaders = top[top["affiliation"].map(origin) == "region"]["speaker_name"].head(2).tolist()
    print("the region's most quoted:", leaders)
    single = top.loc[top["articles"] == 1, "speaker_name"].tolist()
    print("quoted in one article only:", single)
    report.claim(top_origin.get("outside", 0) > top_origin.get("region", 0),
                 "most of the top speakers are from outside the region", when=DEFAULT,
                 detail=top_origin.to_dict())
    report.claim([n.split()[-1][:4] for n in leaders] == ["Erdo", "Neta"],  # any spelling
                 "Erdoğan and Netanyahu are the region's most quoted", when=DEFAULT, detail=leaders)
    report.claim(len(single) > 0, "some top speakers come from a single article", when=DEFAULT)

# %% [markdown]
# On the default corpus, most of the 20 most quoted named speakers are affiliated with
# states or organisations outside the region (the counts are printed above): the diplomacy of
# the region is reported largely through Washington, Moscow and the UN. The region's own
# most quoted voices are Turkey's president Erdoğan and Israel's prime minister Netanyahu.
# Read the table with its errors in mind: a speaker quoted many times in a single article
# (`articles` = 1, named above) can enter the list from a story the filter should have
# left out, the same person can appear twice under two spellings when the people lexicon
# does not link them, and a role read from the text can carry stray words.

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
# here those of the most quoted speaker. The `speaker` column is the mention the rule found
# next to the cue: where it is a pronoun ("he") or another person's title, the quote was
# given to this speaker by resolving the mention, which is where misattributions happen
# (the count below the table says how many rows are such); read those rows first.

# %%
if not found_quotes.empty and len(top):
    who = top["person"].iloc[0]
    sample = named[named["person"] == who].sort_values(["doc_id", "start"]).head(8)
    text_of = articles.set_index("doc_id")["text"]
    rows = zip(sample["doc_id"], sample["start"], sample["end"], sample["quote"], strict=True)
    assert all(text_of[doc][start:end] == quote for doc, start, end, quote in rows)
    print(top["speaker_name"].iloc[0])
    display(sample[["doc_id", "outlet", "kind", "speaker", "cue", "quote"]])
    resolved = ~sample["speaker"].astype(str).str.contains(
        str(top["speaker_name"].iloc[0]).split()[-1], regex=False
    )
    print(f"{int(resolved.sum())} of {len(sample)} rows name the speaker only through a "
          "pronoun or another mention (resolved): check them in the text")

# %% [markdown]
# ## Whose voices each outlet quoted on Syria
#
# The attributions of the subset's articles that name `TOPIC_ACTOR` (Syria, by the actor
# gazetteer: the country, Damascus as its metonym, "Syrian"), by outlet: each outlet's most
# quoted named speakers with their role and affiliation, and the share of its attributions
# whose speaker is affiliated with a state or organisation of the region, with one outside
# it, or with none known. Outlets with fewer than `MIN_OUTLET_QUOTES` attributions on the
# topic are left out of the tables (their counts are printed first): too few to compare.

# %%
topic_docs = set(all_mentions.loc[all_mentions["actor"] == TOPIC_ACTOR, "doc_id"])
on_topic = (
    found_quotes[found_quotes["doc_id"].isin(topic_docs)] if not found_quotes.empty
    else found_quotes
)
if on_topic.empty:
    print(f"No quotes: none in articles naming {TOPIC_ACTOR}.")
elif report.has_values(corpus[outlet_known], "outlet", section=f"Voices on {TOPIC_ACTOR}"):
    per_outlet = on_topic.groupby("outlet").size().sort_values(ascending=False)
    compared = per_outlet[per_outlet >= MIN_OUTLET_QUOTES].index.tolist()
    print(f"{len(on_topic):,} attributions in {on_topic['doc_id'].nunique()} articles "
          f"naming {TOPIC_ACTOR}; by outlet: {per_outlet.to_dict()}")
    if not compared:
        print(f"Skipped: no outlet has {MIN_OUTLET_QUOTES} attributions on {TOPIC_ACTOR}.")
    origins = (
        on_topic[on_topic["outlet"].isin(compared)]
        .groupby(["outlet", "origin"]).size().unstack("origin", fill_value=0)
        .reindex(columns=["region", "outside", "unknown"], fill_value=0)
    )
    origin_share = origins.div(origins.sum(axis=1), axis=0).round(3)
    report.save_table(origin_share.reset_index(), "syria_speaker_origin_by_outlet")
    display(origin_share)
    voices = (
        on_topic[on_topic["outlet"].isin(compared) & (on_topic["speaker_kind"] == "named")]
        .groupby(["outlet", "person"])
        .agg(
            speaker_name=("speaker_name", most_common),
            attributions=("quote_id", "size"),
            role=("speaker_role", most_common),
            affiliation=("speaker_affiliation", most_common),
        )
        .reset_index()
        .sort_values(["outlet", "attributions", "person"], ascending=[True, False, True])
        .groupby("outlet")
        .head(TOP_PER_OUTLET)
        .reset_index(drop=True)
    )
    report.save_table(voices, "syria_voices_by_outlet")
    display(voices.drop(columns="person"))
    pair = {"Al Jazeera", "TASS"} <= set(compared)
    if pair:
        tass_top = voices[voices["outlet"] == "TASS"].head(5)
        aj_first, aj_second = voices.loc[voices["outlet"] == "Al Jazeera", "speaker_name"][:2]
        print("TASS's five most quoted on Syria, affiliations:", tass_top["affiliation"].tolist())
        print("Al Jazeera's most quoted on Syria:", aj_first)
        report.claim(lambda: (tass_top["affiliation"] == "Russia").all(),
                     "TASS's five most quoted on Syria are Russian officials", when=DEFAULT)
        report.claim(aj_first == "Staffan de Mistura", "Al Jazeera quotes de Mistura most",
                     when=DEFAULT, detail=aj_first)
        report.claim(aj_second.startswith("Recep Tayyip Erdo"), "then Turkey's president",
                     when=DEFAULT, detail=aj_second)
        report.claim(
            lambda: origin_share["region"].idxmax() == "Al Jazeera"
            and origin_share.loc["TASS", "outside"] > origin_share.loc["Al Jazeera", "outside"],
            "Al Jazeera has the largest share of speakers from the region; TASS more outside",
            when=DEFAULT, detail=origin_share.to_dict(),
        )
    report.claim(lambda: (origin_share["unknown"] > 1 / 3).all(),
                 "no affiliation is known for over a third of each outlet's attributions",
                 when=DEFAULT, detail=origin_share["unknown"].to_dict())

# %% [markdown]
# **What the voices show** (default corpus; the tables above). On Syria, TASS hands the
# microphone to the Russian state: its five most quoted speakers are Russian officials (the
# foreign minister Lavrov, President Putin, the ambassador to Syria, the foreign ministry's
# spokeswoman, a deputy foreign minister). Al Jazeera quotes the UN envoy de Mistura most,
# then Turkey's president, and it has the largest share of attributions to speakers
# affiliated with the region, TASS a larger share than Al Jazeera from outside it. Both
# outlets also quote many people whose affiliation the text does not give near the quote
# (analysts, negotiators, residents): for more than a third of each outlet's attributions
# no affiliation is known, so the region and outside shares describe the rest.

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
# - The default corpus is general news from early 2017; the diplomacy filter keeps about
#   two relevant articles in three (notebook 02).
