"""Killed at a random point and started again: the same tables as an uninterrupted run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from tests.pipeline.conftest import TABLES, corpus_frame, sorted_table, write_jsonl
from toolkit import pipeline

REPO = Path(__file__).resolve().parents[2]


def _command(source: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "toolkit.pipeline", str(source), "--out", str(out),
            "--chunk-size", "4", "--no-progress"]


@pytest.mark.parametrize("seed", [15, 3])
def test_kill_and_restart_gives_the_uninterrupted_tables(tmp_path: Path, seed: int) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus_frame(5))  # 40 articles, 10 chunks
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    reference = tmp_path / "reference"
    pipeline.run(source, out=reference, chunk_size=4, progress=False)

    out = tmp_path / "killed"
    rng = random.Random(seed)
    proc = subprocess.Popen(_command(source, out), cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # kill at a random point: after a random number of finished chunks (1-7 of 10), plus a
    # random moment inside the next chunk, whatever the speed of the machine
    target = rng.randint(1, 7)
    deadline = time.time() + 120
    while len(list((out / "_chunks").glob("*.json"))) < target and proc.poll() is None:
        assert time.time() < deadline
        time.sleep(0.005)
    time.sleep(rng.uniform(0.0, 0.05))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    finished = len(list((out / "_chunks").glob("*.json")))
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert 1 <= finished < 10

    again = subprocess.run(_command(source, out), cwd=REPO, env=env, capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"({finished} done before)" in again.stdout
    for table in TABLES:
        pd.testing.assert_frame_equal(sorted_table(out, table), sorted_table(reference, table))
    leftovers = [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    assert not leftovers


def test_a_finished_run_is_skipped_and_left_alone(tmp_path: Path) -> None:
    frame = corpus_frame(1)
    out = tmp_path / "o"
    first = pipeline.run(frame, steps=["tone"], out=out, chunk_size=3, progress=False)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("part.parquet")}
    second = pipeline.run(frame, steps=["tone"], out=out, chunk_size=3, progress=False)
    assert second["skipped"] == first["chunks"] == 3
    assert second["rows"] == first["rows"]
    assert {p: p.stat().st_mtime_ns for p in out.rglob("part.parquet")} == stamps


def test_a_chunk_without_status_is_computed_again(tmp_path: Path) -> None:
    frame = corpus_frame(1)
    out = tmp_path / "o"
    pipeline.run(frame, steps=["actors"], out=out, chunk_size=3, progress=False)
    before = sorted_table(out, "actors")
    # as if killed after the chunk's tables but before its status: a damaged table file
    (out / "_chunks" / "chunk=00001.json").unlink()
    (out / "actors" / "chunk=00001" / "part.parquet").write_bytes(b"half a file")
    again = pipeline.run(frame, steps=["actors"], out=out, chunk_size=3, progress=False)
    assert again["skipped"] == 2
    pd.testing.assert_frame_equal(sorted_table(out, "actors"), before)


def test_temporary_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    frame = corpus_frame(1)
    pipeline.run(frame, steps=["tone"], out=tmp_path, chunk_size=4, progress=False)
    partial = tmp_path / "tone" / "chunk=00001" / ".part.parquet.999.abcd1234.tmp"
    partial.write_bytes(b"half")
    pipeline.run(frame, steps=["tone"], out=tmp_path, chunk_size=4, progress=False)
    assert not partial.exists()
    assert len(pipeline.read_table(tmp_path, "tone")) == len(frame)
