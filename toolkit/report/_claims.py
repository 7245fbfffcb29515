"""Prose that cannot drift: check each claim a notebook's text makes against its own output.

A markdown cell that says "TASS quotes Russian officials most" states something the data
could stop showing (another corpus version, a changed filter). The code cell under it checks
it with :func:`claim`. Inside the report (and the tests, which run the report) a claim that
does not hold fails the notebook, and ``index.html`` shows the claim; run interactively it
prints a visible warning and the notebook goes on.

Claims about one corpus (the default corpus, as the prose describes it) take
``when=report.is_default_corpus(CORPUS, SUBSET)``: on any other corpus they are not checked.

>>> claim(2 + 2 == 4, "two and two make four")
True
>>> claim(True, "only true of the default corpus", when=False) is None
True
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

from toolkit.errors import MESSAGES, ToolkitWarning
from toolkit.report._output import report_dir


def _message(statement: str, detail: object) -> str:
    shown = "" if detail is None else f" ({detail})"
    return MESSAGES["claim_failed"].format(statement=statement, detail=shown)


class ClaimError(AssertionError):
    """A statement of a notebook's prose that its own output contradicts (inside the report)."""

    def __init__(self, statement: str, detail: object = None):
        self.statement, self.detail = statement, detail
        super().__init__(_message(statement, detail))


class ClaimWarning(ToolkitWarning):
    """A statement of a notebook's prose that its own output contradicts (interactive use)."""

    def __init__(self, statement: str, detail: object = None):
        self.statement, self.detail = statement, detail
        super().__init__(_message(statement, detail))


def claim(
    condition: bool | Callable[[], bool],
    statement: str,
    *,
    when: bool = True,
    detail: object = None,
) -> bool | None:
    """Check that ``statement``, as the prose says it, holds for this output.

    Parameters
    ----------
    condition : bool or callable
        The check, computed from the notebook's results (a callable is called only when the
        claim is checked, so it may fail on a corpus where ``when`` is False).
    statement : str
        What the prose says, in the reader's words; it names the failed claim.
    when : bool, default True
        Whether the claim applies here; pass ``is_default_corpus(CORPUS, SUBSET)`` for a
        statement about the default corpus. False: not checked, returns ``None``.
    detail : object, optional
        What the output shows instead (a value, a ranking), added to the message.

    Returns
    -------
    bool or None
        True when the claim holds, False when it does not (interactive use), None when not
        checked.

    Raises
    ------
    ClaimError
        Inside the report (``python -m toolkit.report``, the notebook tests) when the claim
        does not hold: the notebook fails and the index shows the claim.

    Examples
    --------
    >>> import os, warnings
    >>> os.environ.pop("DCT_REPORT_DIR", None) and None
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     claim(3 > 4, "three exceeds four", detail="3 <= 4")
    False
    >>> str(caught[0].message)
    "the prose says 'three exceeds four', but the output does not show it (3 <= 4)"
    """
    if not when:
        return None
    holds = condition() if callable(condition) else condition
    if bool(holds):
        return True
    if report_dir() is not None:
        raise ClaimError(statement, detail)
    warnings.warn(ClaimWarning(statement, detail), stacklevel=2)
    return False


def is_default_corpus(corpus: object, subset: int | None = None) -> bool:
    """Whether a notebook analyses the whole default corpus (``CORPUS="news"``, no subset).

    The prose of notebooks 02-05 describes that corpus; pass the result as ``when=`` of
    :func:`claim` so that the claims are checked there and only there.

    >>> is_default_corpus("news"), is_default_corpus("news", 300), is_default_corpus("x.csv")
    (True, False, False)
    """
    return corpus == "news" and subset is None
