"""The keyphrase path stays light: no NLTK (and so no SciPy) is imported by ``extract``."""

from __future__ import annotations

import subprocess
import sys

from toolkit.tokenize import stem

_SCRIPT = """
import sys
import toolkit.keywords as kw
kw.extract(["Iran and Iraq signed a water agreement.", "The talks in Geneva ended."])
kw.extract("Negotiators met again.", method="tfidf")
print(sorted({m.split(".")[0] for m in sys.modules} & {"nltk", "scipy", "textblob"}))
"""


def test_extract_imports_no_nltk():
    out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_stem_is_snowball_english_with_curly_apostrophes_folded():
    # Snowball English (Porter2) results, including its exceptional forms
    assert [stem(w) for w in ("generously", "news", "skies", "dying", "Iran’s", "Iran's")] == [
        "generous", "news", "sky", "die", "iran", "iran"]
    # the published algorithm, where NLTK's implementation departs from it
    assert stem("realization") == "realiz"
