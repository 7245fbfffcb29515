"""A plain (non-editable) install carries everything the toolkit reads at run time."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHECK = """
import toolkit, sys
from toolkit.datasets import load_sample
import toolkit.actors, toolkit.dictionary, toolkit.keywords, toolkit.quotes, toolkit.tokenize
assert toolkit.__file__.startswith(sys.argv[1]), toolkit.__file__
corpus = load_sample()
assert len(toolkit.tokenize.tokenize(corpus, mwe=True)) > 0
assert len(toolkit.actors.mentions(corpus)) > 0
assert len(toolkit.quotes.extract(corpus)) > 0
assert len(toolkit.keywords.extract(corpus)) > 0
assert len(toolkit.dictionary.count(corpus, "framing")) > 0
print("ok")
"""


def test_wheel_install_works_outside_the_repository(tmp_path):
    # Build from a copy of the sources, so no build/ folder is left in the repository.
    source, wheels, target = tmp_path / "src", tmp_path / "wheels", tmp_path / "site"
    shutil.copytree(REPO / "toolkit", source / "toolkit",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
             "--no-index", "--quiet", "-w", str(wheels), str(source)]
    subprocess.run(build, check=True, capture_output=True, cwd=tmp_path)
    (wheel,) = wheels.glob("*.whl")
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet",
               "--target", str(target), str(wheel)]
    subprocess.run(install, check=True, capture_output=True, cwd=tmp_path)
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run([sys.executable, "-c", CHECK, str(target)], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert done.stdout.strip().endswith("ok"), done.stderr[-2000:]
