"""The README's two commands exist, and .ci/run runs exactly the test command."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _readme_commands() -> list[str]:
    readme = (REPO / "README.md").read_text()
    section = readme.split("## Two commands", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in section.strip().splitlines()]


def test_readme_gives_exactly_two_commands():
    commands = _readme_commands()
    assert len(commands) == 2
    assert all(re.fullmatch(r"python3 tasks\.py (report|test)", c) for c in commands)


def test_ci_runs_the_readme_test_command():
    test_command = next(c for c in _readme_commands() if c.endswith(" test"))
    ci = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    runs = [line for line in ci if line and not line.startswith(("#", "set ", "cd "))]
    assert runs == [test_command]
