"""The report command survives faults: bad options, Ctrl-C, lone surrogates, stale folders.

Bad options end in one ``error: ...`` line and exit code 2 before anything runs; Ctrl-C ends
in one line and exit code 130, leaving a folder that says "interrupted"; the next run
completes.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import nbformat
import pandas as pd
import pytest

from toolkit import report
from toolkit.report import _runner
from toolkit.report.__main__ import main

REPO = Path(__file__).resolve().parents[2]

NOTEBOOK = """\
# %% [markdown]
# # Pausing notebook
# It waits so that it can be interrupted.

# %% tags=["parameters"]
CORPUS = "sample"
SUBSET = None
PAUSE = 0

# %%
import time
import pandas as pd
from toolkit import report
report.save_table(pd.DataFrame({"x": [1, 2]}), "numbers")
report.record_input(pd.DataFrame({"doc_id": ["d"], "text": ["x"]}), label="tiny")
time.sleep(PAUSE)
"""


def _notebooks(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(jupytext.reads(NOTEBOOK, fmt="py:percent"), folder / "01_pause.ipynb")
    return folder


def _exit_code(argv: list[str]) -> int:
    try:
        return main(argv)
    except SystemExit as exc:  # argparse's own errors
        return int(exc.code)


@pytest.fixture
def nbs(tmp_path: Path) -> Path:
    return _notebooks(tmp_path / "nbs")


BAD = {
    "unknown-only": (["--only", "99"], "--only 99: no notebook"),
    "empty-only": (["--only"], "--only: expected at least one argument"),
    "missing-notebooks": (["--notebooks", "{tmp}/nowhere"], "no such folder"),
    "notebooks-a-file": (["--notebooks", "{tmp}/file.txt"], "is a file, not a folder"),
    "notebooks-empty": (["--notebooks", "{tmp}/empty"], "holds no .ipynb notebook"),
    "out-a-file": (["--out", "{tmp}/file.txt"], "is a file, not a folder"),
    "out-under-a-file": (["--out", "{tmp}/file.txt/sub/out"], "file.txt is a file"),
    "param-no-equals": (["-p", "PAUSE"], "expected NAME=VALUE"),
    "param-bad-name": (["-p", "1x=2"], "expected NAME=VALUE"),
    "param-keyword": (["-p", "class=2"], "expected NAME=VALUE"),
    "param-not-a-literal": (["-p", "PAUSE=NaN"], "cannot be written as a Python literal"),
    "subset-zero": (["--subset", "0"], "--subset: must be at least 1"),
    "subset-negative": (["--subset", "-5"], "--subset: must be at least 1"),
    "subset-text": (["--subset", "many"], "expected a whole number"),
    "timeout-zero": (["--timeout", "0"], "--timeout: must be at least 1"),
    "corpus-missing": (["--corpus", "{tmp}/none/*.jsonl"], "no such file, folder or match"),
    "unknown-option": (["--colour"], "unrecognized arguments: --colour"),
}


@pytest.mark.parametrize("case", list(BAD), ids=list(BAD))
def test_bad_option_is_one_line_and_exit_two(case, nbs: Path, tmp_path: Path, capsys) -> None:
    args, expected = BAD[case]
    (tmp_path / "file.txt").write_text("not a folder")
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out"
    argv = ["--notebooks", str(nbs), "--out", str(out), "--corpus", "sample", "--no-progress"]
    argv += [a.format(tmp=tmp_path) for a in args]
    code = _exit_code(argv)
    captured = capsys.readouterr()
    assert code == 2, captured
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), captured.err
    assert expected in lines[0]
    assert "Traceback" not in captured.err + captured.out
    assert not out.exists() or case == "unknown-only", "options are checked before running"


def test_unwritable_out_is_one_line(nbs: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    """An --out where no file can be created (simulated, as root may write anywhere)."""
    from toolkit.report import _options

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(_options.tempfile, "mkstemp", refuse)
    code = main(["--notebooks", str(nbs), "--out", str(tmp_path / "out"), "--no-progress"])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith("error: --out ") and err.endswith(
        "cannot write there (Permission denied)"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_out_folder_is_one_line(nbs: Path, tmp_path: Path, capsys) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code = main(["--notebooks", str(nbs), "--out", str(locked / "out"), "--no-progress"])
    finally:
        locked.chmod(0o700)
    assert code == 2 and "cannot write there" in capsys.readouterr().err


def test_real_command_bad_option_has_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "toolkit.report", "--only", "99", "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith("error: --only 99: no notebook")


def test_interrupted_run_marks_the_folder_and_never_claims_ok(
    nbs: Path, tmp_path: Path, monkeypatch
) -> None:
    """In process: the old manifest is replaced before tables go; Ctrl-C leaves 'interrupted'."""
    out = tmp_path / "out"
    first = report.run(out=out, notebooks=nbs, corpus="sample", progress=False)
    assert first["state"] == "complete" and first["notebooks"][0]["status"] == "ok"
    seen = []

    def interrupted(path, out, params, *, timeout):
        seen.append(json.loads((out / "manifest.json").read_text())["state"])
        seen.append((out / "index.html").read_text(encoding="utf-8"))
        raise KeyboardInterrupt

    monkeypatch.setattr(_runner, "run_notebook", interrupted)
    with pytest.raises(KeyboardInterrupt):
        report.run(out=out, notebooks=nbs, corpus="sample", progress=False)
    assert seen[0] == "running", "the old manifest still claimed a complete report"
    assert "being written" in seen[1]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["state"] == "interrupted"
    assert [nb["status"] for nb in manifest["notebooks"]] == ["interrupted"]
    assert manifest["notebooks"][0]["tables"] == {}
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "interrupted" in index and '<td class="ok">' not in index
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")], "temporary files left"


def _command(nbs: Path, out: Path, pause: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "toolkit.report",
        "--notebooks",
        str(nbs),
        "--corpus",
        "sample",
        "--out",
        str(out),
        "--no-progress",
        "-p",
        f"PAUSE={pause}",
    ]


def test_ctrl_c_on_the_real_command_then_rerun_completes(nbs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "DCT_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(_command(nbs, out, 0), capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads((out / "manifest.json").read_text())["state"] == "complete"

    running = subprocess.Popen(
        _command(nbs, out, 120),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    recorded = out / "_inputs" / "01_pause.json"  # removed at the start, written by the kernel
    deadline = time.time() + 120
    while time.time() < deadline and running.poll() is None:
        if recorded.exists() and (out / "tables" / "01_pause" / "numbers.csv").exists():
            manifest = json.loads((out / "manifest.json").read_text())
            if manifest["state"] == "running":
                break
        time.sleep(0.1)
    else:
        running.kill()
        pytest.fail(f"the notebook never started: {running.communicate()}")
    time.sleep(0.5)
    running.send_signal(signal.SIGINT)
    stdout, stderr = running.communicate(timeout=60)
    assert running.returncode == 130, stderr
    assert stderr.strip().splitlines() == [stderr.strip()], stderr
    assert stderr.startswith("error: interrupted") and "Traceback" not in stderr + stdout
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["state"] == "interrupted"
    assert [nb["status"] for nb in manifest["notebooks"]] == ["interrupted"]
    assert "interrupted" in (out / "index.html").read_text(encoding="utf-8")

    again = subprocess.run(_command(nbs, out, 0), capture_output=True, text=True, env=env)
    assert again.returncode == 0, again.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["state"] == "complete"
    assert [nb["status"] for nb in manifest["notebooks"]] == ["ok"]
    assert list(manifest["notebooks"][0]["tables"]) == ["tables/01_pause/numbers.csv"]


def test_lone_surrogate_does_not_crash_the_report(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "lone.jsonl"
    path.write_text(
        '{"doc_id": "a", "text": "Talks in Muscat \\ud800 ended."}\n'
        '{"doc_id": "b", "text": "Talks in Muscat ended."}\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("DCT_REPORT_DIR", str(tmp_path / "out"))
    monkeypatch.setenv("DCT_REPORT_NOTEBOOK", "nb")
    corpus = report.load_corpus(str(path))  # the loader may repair it; either way no crash
    assert len(corpus) == 2
    # object columns: pandas' pyarrow-backed strings cannot hold a lone surrogate at all
    lone = pd.DataFrame({"doc_id": ["a"], "text": ["Talks \ud800 ended."]}, dtype=object)
    report.record_input(lone, label="lone")  # hashes the surrogate itself
    recorded = json.loads((tmp_path / "out" / "_inputs" / "nb.json").read_text())
    assert [r["documents"] for r in recorded] == [2, 1]
    assert all(len(r["sha256"]) == 64 for r in recorded)
    clean = lone.assign(text=pd.Series(["Talks \ufffd ended."], dtype=object))
    assert report.corpus_fingerprint(lone) != report.corpus_fingerprint(clean)
    saved = report.save_table(pd.DataFrame({"text": ["a \ud800 b"]}, dtype=object), "lone")
    assert saved.read_text(encoding="utf-8") == "text\na \ufffd b\n"
