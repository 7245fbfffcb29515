"""Corpora past one machine: the analyses over chunks, to partitioned Parquet, on Dask.

:func:`run` streams any source the loaders read (file, glob, folder, DataFrame) in chunks of
``chunk_size`` articles, annotates each chunk once (``toolkit.annotate``), runs the chosen
steps (:data:`STEPS`: ``keyphrases``, ``quotes``, ``people``, ``actors``, ``dictionary``,
``tone``, each a plain callable with a JSON config recorded in the manifest) and writes one
Parquet table per step, plus ``documents`` and ``rejects``, partitioned by chunk::

    DIR/manifest.json                       inputs + sha256, parameters, versions, rows
    DIR/documents/chunk=00000/part.parquet  the corpus minus text, lede and boilerplate,
                                            plus n_chars (re-read texts from the source)
    DIR/rejects/chunk=00000/part.parquet    records left out and why
    DIR/<step>/chunk=00000/part.parquet     the analysis' own frame (keyphrase spans as JSON)
    DIR/_chunks/chunk=00000.json            a finished chunk's row counts

Every file is written atomically, and a chunk counts as finished only when its status file
is there; a run killed at any point and started again skips the finished chunks and gives
the same tables. A run whose inputs (sha256 of the files, or of the DataFrame) or
parameters differ from the manifest's is refused (``rebuild=True`` / ``--rebuild``
replaces the output). Every record read is a ``documents`` row or a ``rejects`` row; the
manifest records the check.

:func:`query` runs DuckDB SQL over the tables (views named after them);
:func:`article_counts`, :func:`top_speakers`, :func:`top_people` and :func:`actor_pairs` are
the common
aggregates; :func:`read_table` loads a small table into pandas.

From the shell (one ``error:`` line and exit code 2 on bad options)::

    python -m toolkit.pipeline data/raw/*.jsonl.gz --out results/ --chunk-size 1000
    python -m toolkit.pipeline corpus.jsonl --out results/ --backend dask --workers 4
    python -m toolkit.pipeline corpus.jsonl --out results/ --steps actors,tone --rebuild

**Dask.** ``backend="dask"`` runs the chunks as tasks on ``dask.distributed``: by default a
``LocalCluster`` of ``n_workers`` processes with one thread each; ``scheduler=ADDRESS`` uses
any running scheduler. The driver streams the source and sends each task one chunk's
records; workers load the lexicons once (a worker plugin) and write their chunk's files
themselves, so ``out`` must be a folder every worker sees. On a SLURM (or PBS) cluster,
start the workers with dask-jobqueue and pass the scheduler's address (this example cannot
run here; ``pip install dask-jobqueue`` on the cluster)::

    from dask_jobqueue import SLURMCluster        # or PBSCluster, same arguments
    cluster = SLURMCluster(cores=1, processes=1, memory="2GB", walltime="02:00:00",
                           job_extra_directives=["--partition=standard"])
    cluster.scale(jobs=64)                        # 64 single-core workers
    toolkit.pipeline.run("/shared/corpus/*.jsonl.gz", out="/shared/results",
                         backend="dask", scheduler=cluster.scheduler_address)

or from the shell: ``python -m toolkit.pipeline ... --backend dask --scheduler
tcp://10.0.0.1:8786``.

>>> import tempfile
>>> from toolkit.datasets import load_sample
>>> out = tempfile.mkdtemp()
>>> manifest = run(load_sample(), steps=["actors", "dictionary"], out=out, chunk_size=4,
...                progress=False)
>>> manifest["rows_check"]
'8 records read = 8 documents + 0 rejects'
>>> query(out, "SELECT count(DISTINCT doc_id) AS n_docs FROM dictionary")["n_docs"].tolist()
[8]
"""

from ._errors import PipelineOptionError, StaleOutputError
from ._query import actor_pairs, article_counts, connect, query, top_people, top_speakers
from ._run import run
from ._steps import STEPS
from ._store import read_table

__all__ = [
    "STEPS",
    "PipelineOptionError",
    "StaleOutputError",
    "actor_pairs",
    "article_counts",
    "connect",
    "query",
    "read_table",
    "run",
    "top_people",
    "top_speakers",
]
