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
# # 07 A large corpus: the pipeline to Parquet, queried with DuckDB
#
# How do we run the analyses of notebooks 02-05 on a corpus that does not fit in memory
# (hundreds of thousands of articles), and still get the counts by outlet and week, the most
# quoted speakers and the actors reported together?
#
# `toolkit.pipeline.run` reads the corpus in **chunks** (a thousand articles by default),
# annotates each chunk once, runs the analyses on it and writes every result table as
# **Parquet files, one per chunk**, with a `manifest.json` recording the inputs (and their
# sha256), the parameters, the versions and the row counts. Nothing but one chunk is ever in
# memory. A run that is interrupted resumes where it stopped: finished chunks are skipped.
# With `backend="dask"` the chunks run on several processes or a cluster (see
# `help(toolkit.pipeline)`, which shows a SLURM example).
#
# The results are then **queried where they lie**: DuckDB reads the Parquet files and only
# the small answer comes back as a DataFrame, so a million-article result never has to fit in
# pandas.
#
# This notebook runs the pipeline on a slice of the corpus (`LIMIT` articles) so that it takes
# about a minute; on your own large corpus, pass the file, glob or folder itself as `SOURCE`
# (it is then streamed, never loaded whole) and run from the shell:
#
# ```
# python -m toolkit.pipeline "data/raw/*.jsonl.gz" --out results/ --backend dask --workers 4
# ```

# %% tags=["parameters"]
# Parameters (the report runner may override these in a cell inserted below this one).
CORPUS = "news"  # "news" (default corpus), "sample" (tiny offline sample) or a path/glob
SUBSET = None  # a number of articles for a quick, reproducible random subset
LOAD_OPTIONS = {}  # toolkit.corpus.load options for a path, e.g. {"duplicates": "drop_identical"}
LIMIT = 300  # articles of CORPUS sent through the pipeline when SUBSET is not given
SOURCE = None  # a file, glob or folder to stream instead of CORPUS (your large corpus)
OUT = None  # output folder to keep; None: a temporary folder, removed at the end
CHUNK_SIZE = 100  # articles per chunk
BACKEND = "local"  # "local" (this process) or "dask" (a local cluster of worker processes)
TOP_K = 15

# %%
# ruff: noqa: E402, B018  (notebook style: imports after the parameters, tables shown last)

import tempfile

import matplotlib.pyplot as plt

from toolkit import pipeline, plot, report

plt.rcParams.update({"figure.figsize": (8, 4.5), "figure.dpi": 100, "axes.titlesize": 13})

if SOURCE is None:
    source = report.load_corpus(CORPUS, subset=SUBSET or LIMIT, **LOAD_OPTIONS)
    print(f"{len(source):,} articles of {CORPUS!r} sent through the pipeline")
else:
    source = SOURCE  # streamed chunk by chunk
scratch = tempfile.TemporaryDirectory(prefix="pipeline-")  # removed when the kernel ends
out = OUT or scratch.name

# %% [markdown]
# ## Run the pipeline
#
# Every step is on by default: keyphrases, quotes, person mentions (with role and
# affiliation), actor mentions, dictionary counts (the framing dictionary of notebook 05) and
# tone. Running the same cell again skips the finished
# chunks; changing the corpus or a parameter with the same `out` is refused unless
# `rebuild=True`, so stale results are never mixed with new ones.

# %%
# a streamed SOURCE is read by the pipeline itself, with the loader options it takes
stream_options = {k: v for k, v in LOAD_OPTIONS.items() if k in ("duplicates", "columns")}
manifest = pipeline.run(source, out=out, chunk_size=CHUNK_SIZE, backend=BACKEND,
                        progress=False, **(stream_options if SOURCE is not None else {}))
print(manifest["rows_check"], f"in {manifest['chunks']} chunks, {manifest['seconds']:.0f} s")
print("rows per table:", manifest["rows"])
print("output folder:", out)

# %% [markdown]
# The output is one folder per table, one Parquet file per chunk. Any tool that reads Parquet
# (DuckDB, pyarrow, Polars, Spark, R's `arrow`) reads it; the `documents` table holds the
# metadata of every article (not its text: offsets refer to the text in the source).

# %%
pipeline.query(out, "SELECT table_name FROM information_schema.tables ORDER BY table_name")

# %% [markdown]
# ## Articles by outlet and week
#
# `pipeline.article_counts` is one `GROUP BY` in DuckDB over the `documents` table.

# %%
counts = pipeline.article_counts(out, by="outlet", period="week")
if counts.dropna(subset=["date"]).empty:
    print("No dated articles: no weekly counts to show.")
else:
    weekly = (counts.dropna(subset=["date"])
              .pivot_table(index="date", columns="outlet", values="n_docs", fill_value=0)
              .sort_index())
    weekly.index = weekly.index.strftime("%Y-%m-%d")
    ax = plot.table_lines(weekly, top_k=8, title="Articles per week, by outlet",
                          xlabel="week", ylabel="articles", legend_title="outlet")
    report.save_figure(ax.figure, "articles_per_week")
    plt.show()
report.save_table(counts.sort_values(["date", "outlet"]), "articles_per_week")

# %% [markdown]
# ## Any question in SQL
#
# The views are named after the tables. Here: which frames of the dictionary weigh most in
# each outlet (words of the frame per 1,000 words), computed without loading the table.

# %%
frames = pipeline.query(out, """
    SELECT d.outlet, c.category, 1000.0 * sum(c.count) / sum(c.n_words) AS per_1000
    FROM dictionary c JOIN documents d USING (doc_id)
    GROUP BY ALL ORDER BY d.outlet, per_1000 DESC, c.category
""")
report.save_table(frames, "frames_by_outlet")
frames.head(TOP_K)

# %% [markdown]
# ## The most quoted people
#
# Attributions to a person (a `person_id`: states, organisations and unnamed officials left
# out), counted over every chunk in DuckDB; the name is the fullest one the person is given
# and the affiliation the one given most often. `pipeline.top_speakers` gives the same counts
# split by country.

# %%
speakers = pipeline.query(out, f"""
    SELECT person_id, arg_max(speaker_name, length(speaker_name)) AS speaker_name,
           coalesce(mode(nullif(speaker_affiliation, '')), '') AS affiliation,
           count(*) AS quotes, count(DISTINCT doc_id) AS n_docs
    FROM quotes WHERE person_id IS NOT NULL AND person_id <> ''
    GROUP BY person_id ORDER BY quotes DESC, speaker_name LIMIT {int(TOP_K)}
""")
if speakers.empty:
    print("No quotes with a person as speaker: no speakers to show.")
else:
    labels = speakers["speaker_name"] + speakers["affiliation"].map(
        lambda a: f" ({a})" if a else "")
    ax = plot.count_bars(speakers.assign(label=labels), label="label", value="quotes",
                         top_k=TOP_K, other=False, title="Most quoted people",
                         xlabel="attributions")
    report.save_figure(ax.figure, "top_speakers")
    plt.show()
report.save_table(speakers, "top_speakers")
speakers

# %% [markdown]
# ## The people most mentioned
#
# Person mentions of every chunk, folded by `person_id` in DuckDB: a name the leaders table
# knows gets its canonical form and office; an affiliation is the one the texts state most.

# %%
persons = pipeline.top_people(out, top_k=TOP_K)
report.save_table(persons, "top_people")
if persons.empty:
    print("No person mentioned: no people to show.")
persons

# %% [markdown]
# ## Actors reported together
#
# Pairs of actors mentioned in the same article, counted by a self-join in DuckDB.

# %%
pairs = pipeline.actor_pairs(out, top_k=TOP_K)
report.save_table(pairs, "actor_pairs")
if pairs.empty:
    print("No actor mentioned with another: no pairs to show.")
pairs

# %% [markdown]
# ## What the manifest records
#
# Inputs with their sha256, the parameters of every step, the package versions and the row
# counts: enough to tell later exactly what produced these tables.

# %%
{key: manifest[key] for key in ("inputs", "parameters", "versions", "rows")}
