"""python -m toolkit.pipeline: one ``error:`` line and exit code 2 on bad options."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pipeline.conftest import corpus_frame, write_jsonl
from toolkit.pipeline.__main__ import main


@pytest.mark.parametrize(("argv", "words"), [
    (["--chunk-size", "0"], "--chunk-size"),
    (["--backend", "spark"], "--backend"),
    (["--steps", "sentiment"], "no such step"),
    (["--workers", "2"], "--workers 2: needs --backend dask"),
    (["--workers", "two", "--backend", "dask"], "--workers"),
])
def test_bad_options_one_line_exit_2(tmp_path: Path, capsys, argv: list[str],
                                     words: str) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus_frame(1))
    try:  # argparse's own checks leave through SystemExit, ours return the code
        code = main([str(source), "--out", str(tmp_path / "o"), "--no-progress", *argv])
    except SystemExit as exc:
        code = exc.code
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and words in err
    assert "Traceback" not in err


def test_stale_output_exits_2_and_rebuild_runs(tmp_path: Path, capsys) -> None:
    source = write_jsonl(tmp_path / "c.jsonl", corpus_frame(1))
    base = [str(source), "--out", str(tmp_path / "o"), "--no-progress", "--steps", "tone"]
    assert main(base) == 0
    assert "8 records read = 8 documents + 0 rejects" in capsys.readouterr().out
    assert main([*base, "--chunk-size", "3"]) == 2
    assert "parameter chunk_size was 1000, now 3" in capsys.readouterr().err
    assert main([*base, "--chunk-size", "3", "--rebuild"]) == 0

