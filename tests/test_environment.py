"""environment.yml (conda) and pyproject.toml list the same dependencies."""

import re
import tomllib
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def _name(spec: str) -> str:
    return re.split(r"[<>=!~ \[]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject() -> set[str]:
    data = tomllib.loads((REPO / "pyproject.toml").read_text())
    project = data["project"]
    names = {_name(d) for d in project["dependencies"]}
    names |= {_name(d) for d in project["optional-dependencies"]["dev"]}
    return names


def _environment() -> set[str]:
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    names: set[str] = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            names |= {_name(d) for d in dep.get("pip", []) if not d.startswith("-")}
        elif _name(dep) not in {"python", "pip"}:
            names.add(_name(dep))
    return names


def test_same_dependencies():
    assert _pyproject() == _environment()


def test_same_minimum_versions():
    data = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    specs = {_name(d): d.replace(" ", "") for d in data["dependencies"]}
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    flat = [d for d in env["dependencies"] if isinstance(d, str)]
    flat += next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    for dep in flat:
        if _name(dep) in specs:
            assert specs[_name(dep)] == dep.replace(" ", ""), dep
