"""NLTK's VADER analyzer with a linear-time word splitter: same scores, about 10x faster.

NLTK's ``SentiText`` strips punctuation with a regular expression run under a timeout
(``nltk.redos``, about 1 ms per sentence) and builds, for every sentence, a dictionary of every
(punctuation mark, word) pair to strip the marks around words. :class:`Analyzer` does the same
per token: a token keeps its word when its leading (or trailing) run of ASCII punctuation is
one of NLTK's ``PUNC_LIST`` entries and the rest has no punctuation and more than one
character. Scoring itself is NLTK's, unchanged.
"""

from __future__ import annotations

import string

from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText

_PUNCT = frozenset(string.punctuation)  # what NLTK's REGEX_REMOVE_PUNCTUATION removes
_DELETE = str.maketrans("", "", string.punctuation)


class _SentiText(SentiText):
    """``SentiText`` whose words come from one pass over the tokens (same result)."""

    def __init__(self, text: str, punc_list: list[str]) -> None:  # noqa: D107
        self.text = text
        self.PUNC_LIST = punc_list
        self._punc = frozenset(punc_list)
        self.words_and_emoticons = self._words_and_emoticons()
        self.is_cap_diff = self.allcap_differential(self.words_and_emoticons)

    def _words_and_emoticons(self) -> list[str]:
        # NLTK maps "<mark><word>" and "<word><mark>" to the word, for every mark of PUNC_LIST
        # and every word (without punctuation, more than one character) of the sentence. Such a
        # token's mark is its whole leading (trailing) run of punctuation, and its word is then
        # a word of the sentence exactly when it has no punctuation and two characters or more
        # (the token itself, stripped, is that word).
        wes = [we for we in self.text.split() if len(we) > 1]
        punc = self._punc
        for i, we in enumerate(wes):
            if we[0] in _PUNCT:
                k = 1
                while k < len(we) and we[k] in _PUNCT:
                    k += 1
                mark, rest = we[:k], we[k:]
            elif we[-1] in _PUNCT:
                k = len(we) - 1
                while k > 0 and we[k - 1] in _PUNCT:
                    k -= 1
                mark, rest = we[k:], we[:k]
            else:
                continue
            if mark in punc and len(rest) > 1 and rest.translate(_DELETE) == rest:
                wes[i] = rest
        return wes


class Analyzer(SentimentIntensityAnalyzer):
    """``SentimentIntensityAnalyzer`` with :class:`_SentiText`; scores equal NLTK's.

    >>> from toolkit.tone import analyzer
    >>> sia = analyzer()
    >>> isinstance(sia, Analyzer), sia.polarity_scores("Not good, at all!!")["compound"] < 0
    (True, True)
    """

    def polarity_scores(self, text: str) -> dict[str, float]:
        """NLTK's ``polarity_scores`` (3.9+, first index of each token precomputed)."""
        if not isinstance(text, str):
            text = str(text.encode("utf-8"))
        sentitext = _SentiText(text, self.constants.PUNC_LIST)
        sentiments: list[float] = []
        words_and_emoticons = sentitext.words_and_emoticons
        first_index: dict[str, int] = {}
        for idx, token in enumerate(words_and_emoticons):
            if token not in first_index:
                first_index[token] = idx
        boosters = self.constants.BOOSTER_DICT
        last = len(words_and_emoticons) - 1
        for item in words_and_emoticons:
            i = first_index[item]
            if (
                i < last
                and item.lower() == "kind"
                and words_and_emoticons[i + 1].lower() == "of"
            ) or item.lower() in boosters:
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words_and_emoticons, sentiments)
        return self.score_valence(sentiments, text)
