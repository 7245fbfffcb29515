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
    """Each run in .ci/run is the README's test command, with only environment variables set."""
    test_command = next(c for c in _readme_commands() if c.endswith(" test"))
    ci = [line.strip() for line in (REPO / ".ci" / "run").read_text().splitlines()]
    runs = [line for line in ci if "tasks.py" in line and not line.startswith(("#", "echo "))]
    others = [line for line in ci if line and line not in runs]
    assert all(re.match(r"(#|set |cd |echo |\w+=)", line) for line in others), others
    assert runs, "no test run in .ci/run"
    env_prefix = r"(?:\w+=\S+ )*"
    for line in runs:
        assert re.fullmatch(env_prefix + re.escape(test_command), line), line
    # one run as a fresh clone has it (no ../shared), one that requires ../shared
    assert any("DCT_SHARED=" in line and "DCT_REQUIRE_SHARED" not in line for line in runs)
    assert any("DCT_REQUIRE_SHARED=1" in line for line in runs)
