"""The stopword family: the shipped lists by short name, and a user's own words."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

#: Short names of the packaged stopword lists -> their names in :mod:`toolkit.lexicons`.
_STOP_SETS = {"en": "stopwords", "news": "stopwords_news"}


@cache
def _packaged_stopwords(name: str) -> frozenset[str]:
    from toolkit import lexicons

    return frozenset(w.lower() for w in lexicons.load(_STOP_SETS.get(name, name)))


def _user_stopwords(value: Iterable[str] | str | Path) -> frozenset[str]:
    """A user's stopword option (name, path, list, DataFrame) as lower-case words."""
    from toolkit import lexicons

    return frozenset(w.lower() for w in lexicons.resolve(value, kind="stopwords"))


def stopwords(
    lists: str = "en+news", *, extra: Iterable[str] | str | Path | None = None
) -> frozenset[str]:
    """The stopword set used by :func:`tokenize`.

    The lists hold lower-case words and the stop flag ignores case: a token is a stopword
    when its case-folded form (``norm``) is in the set. So an all-capitals abbreviation that
    spells a stopword is flagged too: "US" (the country) as "us", "WHO" as "who", "IT" as
    "it". This is the documented behaviour, kept because sentence-initial and headline
    capitals ("THE", "Us") must be flagged alike; the stop flag only marks closed-class words
    for counts and keyphrase edges (actor mentions find "US" through the gazetteer whatever
    the flag). To count "US" as a word, pass a set without ``"us"``:
    ``tokenize(corpus, stopwords=stopwords() - {"us"})``.

    Parameters
    ----------
    lists : str
        Packaged lists joined by ``+``: ``"en"`` (lexicon ``stopwords``: English closed-class
        words, including split clitics such as ``'s`` and ``n't``), ``"news"`` (lexicon
        ``stopwords_news``: reporting words, deictic time words, round quantities), or ``""``
        for none; names of :mod:`toolkit.lexicons` work too.
    extra : iterable of str, or path to a TXT/CSV/YAML file (one word a line, ``#`` comments)
        More words (anything :func:`toolkit.lexicons.resolve` takes); matching is on the
        lower-cased token.

    Examples
    --------
    >>> sw = stopwords("en", extra=["tehran"])
    >>> "the" in sw and "tehran" in sw and "said" not in sw
    True
    >>> from toolkit.tokenize import tokenize
    >>> tokenize("The US envoy met us.")["is_stop"].tolist()
    [True, True, False, False, True, False]
    >>> tokenize("The US envoy met us.", stopwords=stopwords() - {"us"})["is_stop"].tolist()
    [True, False, False, False, False, False]
    """
    words: set[str] = set()
    from toolkit import lexicons

    known = set(_STOP_SETS) | set(lexicons.available(kind="stopwords")["name"])
    for name in filter(None, (p.strip() for p in lists.split("+"))):
        if name not in known:
            raise ValueError(
                f"unknown stopword list {name!r}; choose from {sorted(known)} joined by '+'"
            )
        words |= _packaged_stopwords(name)
    if extra is not None:
        words |= _user_stopwords(extra)
    return frozenset(words)


_stopword_set = stopwords
