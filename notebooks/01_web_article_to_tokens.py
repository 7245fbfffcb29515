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
# # 01 From one web article to tokens
#
# How does an article copied from a news web page become text we can count, with every
# sentence and word traceable to the exact characters it came from?
#
# Researchers often collect articles by copying or scraping web pages. Such a page holds more
# than the article: a title, a byline, an "Original Source" line, an author biography, a
# comment form. This notebook takes one such page and walks through the three steps that
# every later analysis stands on:
#
# 1. **cleaning**: split the page into title, article text and page furniture (boilerplate),
#    keeping the furniture instead of throwing it away;
# 2. **sentences**: find sentence boundaries in the article text;
# 3. **tokens**: split sentences into words and punctuation.
#
# Every sentence and token is stored as a pair of *character offsets* `(start, end)` into the
# cleaned text, so that `text[start:end]` gives back exactly the item. That is what lets a
# reader check any count, keyword or quote later on against the article itself.

# %% tags=["parameters"]
# Parameters (the report runner may override these in a cell inserted below this one).
CORPUS = "news"  # not used here: this notebook reads a single page
SUBSET = None
# A web page saved as plain text. None: the project's seed article when ../shared is present,
# otherwise a short illustrative page written for this notebook.
PAGE_PATH = None

# %%
# ruff: noqa: E402, B018  (notebook style: imports after the parameters, tables shown last)
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from toolkit import plot, report
from toolkit.corpus import read_article
from toolkit.tokenize import paragraph_spans, sentence_spans, stem, stopwords, token_spans, tokenize

plt.rcParams.update({"figure.figsize": (8, 4), "figure.dpi": 100, "axes.titlesize": 13})
pd.set_option("display.max_colwidth", 90)

# %% [markdown]
# ## The page
#
# We use the article this project started from (an Iran-Iraq diplomacy report republished
# by a news site) when the read-only `shared/` folder sits beside the repository. On a machine
# without it, the notebook falls back to a short page written for this tutorial, with the
# same kinds of furniture. It is illustrative, not real news.

# %%
ILLUSTRATIVE_PAGE = "\n\n".join(
    [
        "Jordan and Egypt Sign Energy Corridor Deal at Amman Talks",
        "Jordan and Egypt agreed on Monday to link their power grids and expand gas trade, "
        "officials said after a day of talks in Amman.",
        "Jordanian Foreign Minister Layla Haddad met her Egyptian counterpart, Karim Mansour, "
        "at the Foreign Ministry. “Our two countries share one sea of problems and one shore "
        "of solutions,” Haddad told reporters. She said the U.N. and the World Bank would help "
        "finance the first 300-km line.",
        "Mansour stressed that Cairo sees Jordan’s stability as part of its own security. The "
        "ministers also discussed Gaza, Syria and the 2.5 million refugees hosted in Jordan, "
        "according to a joint statement.",
        "Original Source: example-news.org",
        "About Sam Writer",
        "Sam Writer is a fictional correspondent created for this tutorial. Sam covers energy "
        "and diplomacy in the Levant.",
        "View all posts by Sam Writer →",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ]
)

shared = Path(os.environ.get("DCT_SHARED", "../../shared"))
seed = shared / "seeds" / "000_af3e30dc651e5e02.txt"
if PAGE_PATH is not None:
    raw, source = Path(PAGE_PATH).read_text(encoding="utf-8"), str(PAGE_PATH)
elif seed.exists():
    raw, source = seed.read_text(encoding="utf-8"), "seed article (shared/seeds)"
else:
    raw, source = ILLUSTRATIVE_PAGE, "illustrative page written for this notebook"
print(f"{source}: {len(raw):,} characters, {raw.count(chr(10) * 2) + 1} blank-line blocks")
print(raw[:600], "...")

# %% [markdown]
# ## Step 1: cleaning, with `read_article`
#
# `toolkit.corpus.read_article` normalises the text (Unicode NFC, broken encodings repaired
# where detectable; curly quotes are kept because quote extraction needs them), takes the
# first line as the title when it looks like one, and cuts the trailing furniture from the
# first line that looks like page furniture ("Original Source:", "About ...", "View all posts
# by ...", "Leave a Reply"). The author and the original source are read from those lines.
#
# *Choice*: the furniture is **kept** in its own column (`boilerplate`), never dropped, so a
# researcher can check what was removed. *Limit*: it works on patterns seen in news pages; an
# unusual site layout may leave a line of furniture in the text or, more rarely, cut a last
# paragraph that starts like furniture. Look at the `boilerplate` of a few articles of each
# site you collect.

# %%
article = read_article(raw)
parts = pd.DataFrame(
    [
        {
            "part": key,
            "characters": len(value or ""),
            "preview": (value or "").replace("\n", " ")[:80],
        }
        for key, value in article.items()
    ]
)
report.save_table(parts, "article_parts")
parts

# %%
text = article["text"]
DOC_ID = "page"
page = pd.DataFrame([{"doc_id": DOC_ID, "title": article["title"], "text": text}])
report.record_input(page, label=source)  # the report's manifest notes what was analysed
print("TITLE:          ", article["title"])
print("AUTHOR:         ", article["author"])
print("ORIGINAL SOURCE:", article["original_source"])
print("\nREMOVED AS BOILERPLATE:\n" + article["boilerplate"])

# %% [markdown]
# Where did the characters of the page go? The bar below splits the page into title,
# article text and boilerplate (the rest is blank lines between blocks).

# %%
sizes = {
    "title": len(article["title"] or ""),
    "article text": len(text),
    "boilerplate": len(article["boilerplate"] or ""),
}
parts = pd.DataFrame({f"{label} ({size:,})": [size] for label, size in sizes.items()},
                     index=["page"])
ax = plot.stacked_bars(
    parts,
    colors=["#4c72b0", "#55a868", "#c44e52"],
    title="Parts of the web page after cleaning",
    xlabel="characters",
    ylabel="page",
)
report.save_figure(ax.figure, "page_parts")
plt.show()

# %% [markdown]
# ## Step 2: paragraphs and sentences
#
# `toolkit.tokenize.sentence_spans(text)` returns `(start, end)` pairs. A blank line (a
# paragraph break) always ends a sentence; inside a paragraph, NLTK's Punkt model (its
# English parameters, shipped as data) decides whether a full stop ends a sentence or
# belongs to an abbreviation (U.N., Gen., Jan.), an initial or a number, with extra rules
# for news text (quotes that close a sentence, ellipses, dashes). News paragraphs are short
# and meaningful units, so we keep their numbers too (`paragraph_spans`).
#
# *Limit*: sentence splitting is a guess at the writer's intent. Headlines without final
# punctuation, lists, and quotes running over several sentences are where it errs; the
# benchmark in `benchmarks/` reports how often on standard test sets.

# %%
paragraphs = paragraph_spans(text)
sentences = pd.DataFrame(
    [
        {
            "doc_id": DOC_ID,
            "para_id": next(i for i, (ps, pe) in enumerate(paragraphs) if ps <= start < pe),
            "sent_id": sent_id,
            "start": start,
            "end": end,
            "sentence": text[start:end],
        }
        for sent_id, (start, end) in enumerate(sentence_spans(text))
    ]
)
print(f"{len(paragraphs)} paragraphs, {len(sentences)} sentences")
sentences.head(8)

# %% [markdown]
# ## Step 3: tokens, with `tokenize`
#
# `toolkit.tokenize.tokenize` gives one row per token with its paragraph, sentence and
# offsets, a case-folded form (`norm`), a Snowball stem (`stem`, from
# `toolkit.tokenize.stem`, the toolkit's one stemmer) and flags: stopword, punctuation,
# alphabetic, number. Possessives split off (Iran’s becomes Iran + ’s) and so do the hyphens
# of compounds, as in the Universal Dependencies treebanks the tokenizer is scored on
# (Iran-backed becomes Iran + - + backed, so that `Iran*` counts it), while a hyphenated name
# such as Al-Araji stays one token; abbreviations and numbers stay whole (U.N., U.S., 2.5,
# 10,080,000). The cell below tokenizes these examples and checks each statement of this
# paragraph (`report.claim`: in the report a statement its output contradicts fails the
# notebook; interactively it prints a warning).
#
# *Choices*: stopwords are English function words plus a short list of reporting words
# ("said", "told", "also") that fill news text without saying what it is about; both lists
# are plain text files users can extend (`extra_stopwords=`). Stems conflate "talks" and
# "talk" for counting, at the price of some odd forms ("strategi"); the token itself is always
# kept. With `mwe=True`, names from a multiword lexicon ("Deputy Foreign Minister",
# "Kurdistan Region") become single tokens, still with their offsets.
#
# The check after it is the contract the whole toolkit keeps: every offset gives back
# exactly its item.

# %%
EXAMPLES = "Iran’s Iran-backed Al-Araji U.N. U.S. 2.5 10,080,000"
split = [EXAMPLES[s:e] for s, e in token_spans(EXAMPLES)]
print(split)
report.claim(split[:2] == ["Iran", "’s"], "possessives split off: Iran’s is Iran + ’s")
report.claim(split[2:5] == ["Iran", "-", "backed"], "Iran-backed is Iran + - + backed")
report.claim("Al-Araji" in split, "the name Al-Araji stays one token", detail=split)
whole = ["U.N.", "U.S.", "2.5", "10,080,000"]
report.claim(all(w in split for w in whole), "abbreviations and numbers stay whole")
report.claim(stem("talks") == stem("talk"), "stems conflate talks and talk")
report.claim(stem("strategy") == "strategi", "odd stem forms such as strategi")
report.claim({"said", "told", "also"} <= stopwords(), "said, told, also are stopwords")
names = "The Deputy Foreign Minister visited the Kurdistan Region."
as_one = tokenize(pd.DataFrame({"doc_id": ["x"], "text": [names]}), mwe=True)["token"]
report.claim(
    {"Deputy Foreign Minister", "Kurdistan Region"} <= set(as_one),
    "with mwe=True, Deputy Foreign Minister and Kurdistan Region are single tokens",
    detail=as_one.tolist(),
)
print({w: stem(w) for w in ["talks", "talk", "strategic", "strategy"]})

# %%
tokens = tokenize(page)
for table, column in [(tokens, "token"), (sentences, "sentence")]:
    spans = zip(table["start"], table["end"], table[column], strict=True)
    assert all(text[start:end] == item for start, end, item in spans)
words = tokens[~tokens["is_punct"]]
print(
    f"{len(tokens)} tokens: {len(words)} words, of which {int(words['is_stop'].sum())} "
    f"stopwords; {int(tokens['is_punct'].sum())} punctuation marks"
)
tokens.head(12)

# %% [markdown]
# Tokens that are easy to get wrong in news text, each shown in its context
# (`text[start - 12:end + 12]`), and what the tokenizer made of them:

# %%
hard = tokens["token"].str.contains(r"^[’'-]|\w\.\w|\d[.,]\d", regex=True)
tricky = tokens[hard].drop_duplicates("token").head(12).copy()
tricky["context"] = [
    text[max(start - 12, 0) : end + 12].replace("\n", " ")
    for start, end in zip(tricky["start"], tricky["end"], strict=True)
]
tricky[["start", "end", "token", "norm", "context"]]

# %%
merged = tokenize(page, mwe=True)
merged.loc[merged["token"].str.contains(" "), ["start", "end", "token"]].drop_duplicates("token")

# %%
sentences["tokens"] = tokens.groupby("sent_id").size().reindex(sentences["sent_id"]).to_numpy()
sentences["words"] = words.groupby("sent_id").size().reindex(sentences["sent_id"], fill_value=0)
sentences["words"] = sentences["words"].to_numpy()
report.save_table(sentences, "sentences")
report.save_table(tokens, "tokens")

ax = plot.sentence_length_bars(sentences, value="words")
report.save_figure(ax.figure, "sentence_lengths")
plt.show()

# %% [markdown]
# And the words that carry the content: the most frequent non-stopword forms.

# %%
content = words[~words["is_stop"]]
top_words = (
    content.groupby("norm")
    .agg(count=("tok_id", "size"), first_start=("start", "min"))
    .reset_index()
    .sort_values(["count", "first_start"], ascending=[False, True], ignore_index=True)
    .head(15)
)
report.save_table(top_words, "top_words")

ax = plot.count_bars(
    top_words,
    label="norm",
    value="count",
    color="#55a868",
    title="Most frequent words after removing stopwords",
    xlabel="occurrences in the article",
    ylabel="word (case-folded)",
)
report.save_figure(ax.figure, "top_words")
plt.show()

# %% [markdown]
# ## What to take away
#
# - The article text, not the page, is what every later notebook analyses; the furniture is
#   kept beside it and can be inspected.
# - Sentences and tokens are offsets into that text, so every count in the report can be
#   traced back: `text[start:end]`.
# - The same steps run over a whole corpus: `toolkit.corpus.load(...)` reads a folder of
#   such pages (calling `read_article` on each) and `tokenize(corpus)` gives one token table
#   for all of them, each row with its `doc_id`.
