"""No module of the package over about 500 lines (issue #11): one job per module.

The limit is 550 lines (about 500, with room for a docstring to grow); a module past it is split
by job behind the same public API. The test names every offender with its line count.
"""

from __future__ import annotations

from pathlib import Path

import toolkit

MAX_LINES = 550
ROOT = Path(toolkit.__file__).resolve().parent


def _line_counts() -> dict[str, int]:
    return {
        path.relative_to(ROOT.parent).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(ROOT.rglob("*.py"))
    }


def test_the_walk_reaches_the_modules() -> None:
    counts = _line_counts()
    assert "toolkit/corpus/_load.py" in counts and "toolkit/tokenize/_frame.py" in counts
    assert len(counts) > 50 and all(n >= 0 for n in counts.values())


def test_no_module_over_the_limit() -> None:
    over = {name: n for name, n in _line_counts().items() if n > MAX_LINES}
    listing = ", ".join(f"{name} ({n:,} lines)" for name, n in sorted(over.items()))
    assert not over, f"modules over {MAX_LINES} lines, split them by job: {listing}"
