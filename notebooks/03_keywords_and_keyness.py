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
# What is the coverage of Middle East diplomacy about, how do Al Jazeera's and TASS's
# vocabularies differ, and what did the news follow week by week?
#
# It analyses the **diplomacy subset** of notebook 02 (`actors.about_diplomacy`: held-out
# precision about 0.7, recall about 0.9 on the project's hand codes), not the whole corpus.
# It answers the question at five levels, each traceable to the text:
#
# 1. **Keyphrases per article** (`keywords.extract`): the few phrases that best summarise
#    each article, counted over the corpus;
# 2. **Frequencies and collocations** (`keywords.frequencies`, `keywords.collocations`):
#    the most frequent words per outlet, and word pairs that occur together far more often
#    than chance (names, fixed phrases);
# 3. **Keyness** (`keywords.keyness`): words over- or under-represented in one outlet (or
#    period) against another, as quanteda's `textstat_keyness`;
# 4. **Events week by week** (`keywords.trend`): the share of articles naming Aleppo, the
#    Astana talks, resolution 2334, the travel ban, Iran's missile test and sanctions;
# 5. **Concordances** (`keywords.kwic`): every occurrence of a term with its context and
#    offsets, to read what the numbers point at.

# %% tags=["parameters"]
# Parameters (the report runner may override these in a cell inserted below this one).
CORPUS = "news"  # "news" (default corpus), "sample" (tiny offline sample) or a path/glob
SUBSET = None  # a number of articles for a quick, reproducible random subset
LOAD_OPTIONS = {}  # options of toolkit.corpus.load for a path, e.g. {"dayfirst": True}
DIPLOMACY_THRESHOLD = 2.5  # score an article needs to be in the diplomacy subset (notebook 02)
OUTLET_A, OUTLET_B = "Al Jazeera", "TASS"  # the two outlets whose vocabularies are compared
MIN_OUTLET_ARTICLES = 20  # fewer articles than this in either outlet: no comparison
SPLIT_DATE = None  # "YYYY-MM-DD" splitting two periods; None: the median date
KWIC_PATTERN = "Iran*"  # a word, a phrase, or a glob such as "negotiat*"
MIN_DOCS_PER_WEEK = 10  # weeks with fewer articles are left out of the trend plot
EVENT_TERMS = {  # label -> pattern (glob, multiword allowed), counted per week
    "Aleppo": "Aleppo",
    "Astana": "Astana",
    "resolution 2334": "2334",
    "travel ban": "travel ban*",
    "missile": "missile*",
    "sanctions": "sanction*",
}

# %%
# ruff: noqa: E402, B018  (notebook style: imports after the parameters, tables shown last)

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from toolkit import actors, cache, keywords, plot, report, tokenize

plt.rcParams.update({"figure.figsize": (8, 4.5), "figure.dpi": 100, "axes.titlesize": 13})
pd.set_option("display.max_colwidth", 60)

corpus = report.load_corpus(CORPUS, subset=SUBSET, **LOAD_OPTIONS)
DEFAULT = report.is_default_corpus(CORPUS, SUBSET)  # the corpus the prose describes
articles = actors.about_diplomacy(corpus, threshold=DIPLOMACY_THRESHOLD)
outlet_known = articles["outlet"].notna()
articles["outlet"] = articles["outlet"].fillna("(no outlet)")
print(f"{len(articles):,} of {len(corpus):,} articles are in the diplomacy subset (notebook 02)")

# Tokenising once and passing the tokens to every function below saves time; it runs in
# chunks with a progress bar (`report.progress_map`) and the token table is cached on disk.
tokens = cache.cached(report.progress_map)(tokenize.tokenize, articles, desc="tokens")
print(f"{len(tokens):,} tokens")

# %% [markdown]
# ## Keyphrases per article
#
# The default method (`newsrank2`, see `toolkit.keywords`) ranks the names and noun phrases
# of each article, favouring those named early and often and weighting words by how rare
# they are across the articles given (inverse document frequency), so a country or a leader
# named again and again comes out as one keyphrase. We keep each article's top 5 and count
# in how many articles a phrase is among them: a map of the topics, article by article.
#
# *Limits*: keyphrases are chosen within one article; a name common to many articles
# (a country at war) is key in many of them, so the count says "often central", not "new".
# `benchmarks/README.md` gives the agreement with keyphrases chosen by people (F1@10 about
# 0.3 on DUC-2001, an in-sample figure; typical for the task).

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
# of the outlet) make outlets of different sizes comparable. An outlet with a handful of
# articles in the subset would show the words of those few stories, so only outlets with at
# least `MIN_OUTLET_ARTICLES` articles are shown (the cell names the others).

# %%
if articles.empty:
    print("No articles: no word frequencies.")
elif report.has_values(articles[outlet_known], "outlet", section="Frequent words by outlet"):
    sizes = articles[outlet_known]["outlet"].value_counts()
    small = sizes[sizes < MIN_OUTLET_ARTICLES]
    if len(small):
        print(f"Left out (fewer than {MIN_OUTLET_ARTICLES} articles):", small.to_dict())
    large = sizes[sizes >= MIN_OUTLET_ARTICLES].index
    if large.empty:
        large = sizes.index  # a small corpus: show what there is
    shown_docs = articles[articles["outlet"].isin(large)]
    freq = keywords.frequencies(
        shown_docs, by="outlet", tokens=tokens[tokens["doc_id"].isin(shown_docs["doc_id"])],
        top_k=10,
    )
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
# names and fixed expressions, which is why multiword expressions matter for counting:
# "united" and "nations" alone mean little. On the default corpus's subset the top ten hold
# an outlet's own name ("al jazeera"), places ("middle east", "west bank", "saudi arabia"),
# titles and organisations ("prime minister", "islamic state", "united nations") and
# "de mistura", the surname of the UN envoy for Syria (his title is read from the
# concordance below the table).

# %%
if articles.empty:
    print("No articles: no collocations.")
else:
    colloc = keywords.collocations(articles, tokens=tokens, min_count=5)
    colloc = colloc.sort_values(["g2", "collocation"], ascending=[False, True], ignore_index=True)
    report.save_table(colloc.head(100), "collocations")
    display(colloc.head(15))
    ten = set(colloc["collocation"].head(10))
    named = {"al jazeera", "middle east", "west bank", "saudi arabia", "prime minister",
             "islamic state", "united nations", "de mistura"}
    report.claim(named <= ten, "the top ten hold the pairs named", when=DEFAULT,
                 detail=sorted(named - ten))
    if DEFAULT:  # the prose's example; another corpus has its own names
        envoy = keywords.kwic(articles, "de Mistura", window=4)
        titled = envoy["left"].str.contains("envoy", case=False)
        print(f"'de Mistura' {len(envoy)} times, {int(titled.sum())} after 'envoy':")
        display(envoy.loc[titled, ["doc_id", "left", "match"]].head(3))
        report.claim(titled.any(), "de Mistura is the UN envoy")

# %% [markdown]
# ## Keyness: Al Jazeera against TASS
#
# For every word, a 2 x 2 table (this word / all other words; Al Jazeera / TASS) gives the
# log-likelihood **G2** (signed: negative when the word is rarer in Al Jazeera, i.e. key for
# TASS) with its p-value, and the **log ratio** effect size (log2 of the ratio of relative
# frequencies: 1 means twice as frequent). With tens of thousands of words, p-values are tiny
# for small differences; rank by G2 and read the effect size. Comparing the two outlets
# directly, not each against the rest, shows what separates them on the same news.
#
# Keyness shows what is *distinctive*: house style and sources as much as framing (an
# outlet's own name, its datelines, its spelling of names, whose words it reports).

# %%
counts = articles[outlet_known]["outlet"].value_counts()
pair = [o for o in (OUTLET_A, OUTLET_B) if counts.get(o, 0) >= MIN_OUTLET_ARTICLES]
if len(pair) < 2:
    have = {o: int(counts.get(o, 0)) for o in (OUTLET_A, OUTLET_B)}
    print(
        f"Skipped: Keyness between outlets needs at least {MIN_OUTLET_ARTICLES} articles of "
        f"{OUTLET_A} and of {OUTLET_B} in the subset; this corpus has {have}."
    )
    key_outlet = None
else:
    two = articles[articles["outlet"].isin(pair)].reset_index(drop=True)
    two_tokens = tokens[tokens["doc_id"].isin(two["doc_id"])]
    key_outlet = keywords.keyness(two, OUTLET_A, by="outlet", tokens=two_tokens, min_count=5)
    report.save_table(key_outlet, "keyness_outlet")
    print(f"{counts[OUTLET_A]} {OUTLET_A} and {counts[OUTLET_B]} {OUTLET_B} articles")
    ax = plot.keyness_bars(
        key_outlet,
        top_k=15,
        labels=(OUTLET_A, OUTLET_B),
        title=f"Keyness: {OUTLET_A} against {OUTLET_B} (G2)",
    )
    report.save_figure(ax.figure, "keyness_outlet")
    plt.show()
    top_a = key_outlet.head(15)["term"].tolist()
    top_b = key_outlet.tail(15)["term"].tolist()[::-1]
    print(f"key for {OUTLET_A}:", ", ".join(top_a))
    print(f"key for {OUTLET_B}:", ", ".join(top_b))
    for outlet, top, words in [
        (OUTLET_A, top_a, {"israel", "israeli", "palestinian", "gaza", "war", "rights"}),
        (OUTLET_B, top_b, {"russia", "moscow", "lavrov", "astana", "ceasefire", "talks"}),
    ]:
        report.claim(
            words <= set(top), f"{sorted(words)} are among the 15 key words of {outlet}",
            when=DEFAULT and OUTLET_A == "Al Jazeera" and OUTLET_B == "TASS",
            detail=sorted(words - set(top)),
        )

# %% [markdown]
# **What the two vocabularies show** (default corpus; the words are those printed above).
# On the same weeks of news, Al Jazeera's distinctive words are those of the
# Israeli-Palestinian conflict ("israel", "palestinian", "gaza") and of war and rights
# ("war", "rights"): it covers the region's diplomacy through its conflicts and their
# victims. TASS's distinctive words are those of diplomacy itself, seen from Moscow:
# "russia", "moscow", "lavrov" (the foreign minister), "astana", "ceasefire", "talks". Part
# of each list is house style (each outlet's own name, TASS's Moscow datelines), which is
# why a concordance of a word (`keywords.kwic`, last section), not the list, is the
# evidence for what it stands for.

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
# ## The events, week by week
#
# Which weeks did the subset follow which story? For each pattern of `EVENT_TERMS` the cell
# counts the articles of each week that match it (`doc_freq`) and divides by the week's
# articles (`n_docs`): a share, so that a week in which more articles were *collected* does
# not look like a week of more news. Weeks with fewer than `MIN_DOCS_PER_WEEK` articles are
# left out of the plot and of the peaks (the table keeps them; notebook 02 shows how unevenly
# the corpus was collected). The week is named by its Monday.

# %%
if report.has_values(articles, "date", section="The events, week by week"):
    dated = articles[articles["date"].notna()]
    trend = keywords.trend(dated, EVENT_TERMS, period="week")
    trend["share"] = trend["doc_freq"] / trend["n_docs"]
    trend = trend.sort_values(["period", "term"], ignore_index=True)
    report.save_table(trend, "event_trend")
    busy = trend[trend["n_docs"] >= MIN_DOCS_PER_WEEK]
    if busy.empty:
        print(f"Skipped: the plot of shares per week (no week has {MIN_DOCS_PER_WEEK} or more "
              f"articles; weeks with articles: {trend['period'].nunique()}). No peaks either.")
    else:
        shares = busy.pivot(index="period", columns="term", values="share")
        shares.index = shares.index.strftime("%Y-%m-%d")
        ax = plot.table_lines(
            shares * 100,
            title="Articles of the subset naming each event, per week",
            xlabel="week (Monday)",
            ylabel="% of the week's articles",
            legend_title="pattern",
        )
        report.save_figure(ax.figure, "event_trend")
        plt.show()
    totals = trend.groupby("term")["doc_freq"].sum()
    peaks = (  # a pattern no article of a busy week names has no peak week
        busy[busy["doc_freq"] > 0].sort_values(["share", "period"], ascending=[False, True])
        .drop_duplicates("term")
        .set_index("term")
        .reindex(list(EVENT_TERMS))
    )
    events = pd.DataFrame(
        {
            "articles": totals.reindex(list(EVENT_TERMS)).fillna(0).astype(int),
            "peak_week": peaks["period"].dt.strftime("%Y-%m-%d"),
            "peak_share": peaks["share"].round(3),
            "weeks_named": trend[trend["doc_freq"] > 0].groupby("term").size(),
        }
    ).rename_axis("term").reset_index()
    report.save_table(events, "event_peaks")
    display(events)
    peak = events.set_index("term")["peak_week"]
    n_art = events.set_index("term")["articles"]
    first_week = busy["period"].min().strftime("%Y-%m-%d") if len(busy) else None
    print("first week with enough articles:", first_week)
    aleppo = set(keywords.kwic(dated, "Aleppo")["doc_id"])
    also = {
        label: len(aleppo & set(keywords.kwic(dated, pattern)["doc_id"]))
        for label, pattern in {"evacuat*": "evacuat*", "fight*": "fight*", "talks": "talks",
                               "ceasefire*": "ceasefire*"}.items()
    }
    if aleppo:
        print(f"of {len(aleppo)} articles naming Aleppo, so many also name:", also)
    rule = DEFAULT and EVENT_TERMS.get("Astana") == "Astana"
    report.claim(
        lambda: peak["missile"] == peak["sanctions"] == first_week,
        "missile and sanctions peak in the first week with enough articles",
        when=rule, detail=peak.to_dict(),
    )
    report.claim(lambda: peak["Astana"] == "2017-02-13", "Astana peaks in the week of 13 February",
                 when=rule, detail=peak.to_dict())
    weeks = events.set_index("term")["weeks_named"].sort_values(ascending=False)
    report.claim(lambda: weeks.index[:2].tolist() == ["sanctions", "Astana"],
                 "Astana: named in more weeks than any event but sanctions", when=rule,
                 detail=weeks.to_dict())
    report.claim(lambda: n_art["resolution 2334"] <= 3 and peak["resolution 2334"] >= "2017-03",
                 "resolution 2334: a couple of articles, in March", when=rule)
    report.claim(lambda: n_art["travel ban"] <= 15, "the travel ban: a few articles", when=rule)
    def docs_with(frame, pattern):
        return set(keywords.kwic(frame, pattern)["doc_id"]) if len(frame) else set()

    both = docs_with(dated, "missile*") & docs_with(dated, "sanction*")
    week_one = dated[dated["date"].dt.to_period("W-SUN").dt.start_time == busy["period"].min()]
    both_first = both & set(week_one["doc_id"])
    ban_sub = docs_with(dated, "travel ban*")
    ban_all = docs_with(corpus, "travel ban*") if rule else ban_sub  # whole corpus: only here
    res = docs_with(dated, "2334")
    print(f"missile and sanctions together: {len(both)} articles, {len(both_first)} in the "
          f"first week; 'travel ban' in {len(ban_all)} articles of the corpus, {len(ban_sub)} "
          f"of the subset; the 2334 articles naming settlements: "
          f"{len(res & docs_with(dated, 'settlement*'))} of {len(res)}")
    report.claim(len(both_first) > 0, "sanctions and the missile test in one story", when=rule)
    report.claim(len(ban_all) > 3 * len(ban_sub), "most travel-ban stories are outside",
                 when=rule, detail=(len(ban_all), len(ban_sub)))
    report.claim(res and res <= docs_with(dated, "settlement*"), "2334 in settlement stories",
                 when=rule)
    report.claim(
        lambda: also["evacuat*"] <= len(aleppo) / 4 < min(also["fight*"], also["talks"]),
        "few Aleppo articles name evacuation; more name fighting, talks", when=rule, detail=also,
    )

# %% [markdown]
# **What the weeks show** (default corpus; weeks and counts from the tables above). The
# subset begins in the week of 6 February 2017, when the sanctions that followed Iran's
# ballistic missile test were news: "missile" and "sanctions" both peak in that first
# week. The Astana talks on Syria are named in more weeks than any other event but
# sanctions, and peak in the week of 13 February (`keywords.kwic(dated, "Astana")` lists
# the sentences). The
# Aleppo evacuation of December 2016 lies before the collection: few of the articles that
# name Aleppo use a word of evacuation, more of them speak of fighting and of talks (the
# counts are printed above): Aleppo is recalled in stories of the fighting and the talks.
# UN Security Council resolution 2334 on Israeli settlements (December 2016) appears in a
# couple of articles, both in March, recalled in stories on settlements. The US travel ban
# is named in about ten articles of the subset and several times as many of the whole
# corpus (counts above): most stories on it were about US law and politics, which the
# diplomacy filter leaves out. A researcher of December and January
# needs another corpus: here those months hold almost no diplomacy articles (notebook 02).

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
# - The diplomacy filter, the stopword lists and the minimum counts are choices; change the
#   parameters and see how robust a finding is.
