"""Hypothesis profiles of the fuzz suite.

``fuzz-default`` (the normal test run): 200 examples a property (fewer for the slow entry
points, never under 50), derandomized so that CI is reproducible. ``fuzz`` (``DCT_FUZZ=1``,
which ``python3 tasks.py fuzz`` sets): 10,000 random examples a property.

The normal profile is not called ``default``: that is Hypothesis's own active profile, and
registering over it would change the settings of every other property test in the session.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

# The shared strategies and checks live beside this file (tests are not a package).
sys.path.insert(0, str(Path(__file__).resolve().parent))

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "fuzz-default", max_examples=200, deadline=None, derandomize=True, database=None,
    suppress_health_check=_QUIET,
)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, print_blob=True, suppress_health_check=_QUIET,
)
# The profile is chosen from DCT_FUZZ and applied per test by ``fuzz_strategies.budget``
# rather than with ``settings.load_profile``, so the rest of the suite keeps its own settings.
