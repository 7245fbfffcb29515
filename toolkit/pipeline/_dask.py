"""The Dask backend: the same chunks as tasks on ``dask.distributed``.

The driver streams the source and submits each chunk's records (never the whole corpus) as
one task; at most two tasks per worker are in flight, so the driver holds a few chunks at a
time. Each worker annotates its chunk, runs the steps and writes the chunk's Parquet files
itself (the output folder must be on a file system all workers see, as on a cluster's
shared disk). Lexicons are loaded once per worker: a worker plugin loads them when the
worker starts, into the module-level cache of :func:`toolkit.pipeline._steps.resources`.

>>> callable(run_dask)
True
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, wait
from distributed.diagnostics.plugin import WorkerPlugin

from ._chunk import process_chunk
from ._run import advance
from ._steps import resources


class LexiconPlugin(WorkerPlugin):
    """Load every step's lexicons when a worker starts (once per worker process)."""

    name = "toolkit-pipeline-lexicons"

    def __init__(self, steps: Mapping[str, Mapping[str, Any]]):
        self.steps = {name: dict(config) for name, config in steps.items()}

    def setup(self, worker: Any) -> None:  # noqa: D401 - Dask's hook
        for name, config in self.steps.items():
            resources(name, config)


def connect(*, scheduler: str | None = None, n_workers: int | None = None,
            ) -> tuple[Client, LocalCluster | None]:
    """A client of ``scheduler``, or of a new ``LocalCluster`` of single-thread processes."""
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=n_workers or 2, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def run_dask(chunks: Iterable[tuple[int, Any, Any]], done: Mapping[int, Mapping[str, Any]], *,
             out: Path, steps: Mapping[str, Any], key: str, bar: Any,
             scheduler: str | None = None, n_workers: int | None = None,
             ) -> dict[int, dict[str, Any]]:
    """Run the chunks not yet ``done`` on Dask; every chunk's status by index."""
    client, cluster = connect(scheduler=scheduler, n_workers=n_workers)
    statuses: dict[int, dict[str, Any]] = {}
    try:
        client.register_plugin(LexiconPlugin(steps))
        workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
        limit = 2 * workers
        pending: set[Any] = set()

        def collect(finished: Iterable[Any]) -> None:
            for future in finished:
                status = future.result()
                statuses[status["chunk"]] = status
                advance(bar, status)
                future.release()

        for index, chunk, rejects in chunks:
            if index in done:
                statuses[index] = dict(done[index])
                advance(bar, statuses[index], skipped=True)
                continue
            pending.add(client.submit(process_chunk, chunk, rejects, index, out=str(out),
                                      steps=steps, run_id=key, pure=False))
            if len(pending) >= limit:
                finished = wait(pending, return_when="FIRST_COMPLETED")
                pending = set(finished.not_done)
                collect(finished.done)
        if pending:
            collect(wait(pending).done)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return statuses
