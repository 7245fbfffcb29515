"""Tone with VADER (Hutto & Gilbert 2014) through NLTK, per sentence and per document.

>>> from toolkit import tone
>>> bool(tone.sentences("Iran and Iraq praised the excellent talks.")["compound"].iloc[0] > 0)
True

What VADER is not good at (read before using it on news):

- It was built and validated on social-media text, movie and product reviews, and opinion
  news snippets; hard news is mostly neutral and VADER's scores there track the **valence of
  the events** (war, killed, attack, crisis are negative words) rather than the journalist's
  stance or the outlet's framing of an actor.
- Negation is handled only within three words before a lexicon word ("not good"); negation
  across clauses ("No one can say the talks failed") and contrast beyond "but" are missed.
- Sarcasm, irony, diplomatic understatement ("frank exchange of views") and loaded labels
  ("Zionist regime", "Assad regime") carry no score: the words are not in the lexicon.
- Domain words are scored by their everyday sense: "strike" (labour or air strike),
  "sanctions", "resistance", "martyr" may be missing or mis-signed for this domain.
- Quoted speech is scored as if it were the writer's.
- The whole-text compound saturates towards -1 or +1 for long texts; ``documents`` therefore
  averages sentence scores by default (``method="text"`` gives the whole-text score).
- Scores are comparable across documents only in aggregate; validate on a hand-coded sample.

The lexicon is the ``vader_lexicon.txt`` shipped by the vaderSentiment package; it is copied
into a toolkit-managed ``nltk_data`` folder (``$DCT_NLTK_DATA`` or the dataset cache) that is
appended to ``nltk.data.path``. Nothing is downloaded.
"""

from __future__ import annotations

from toolkit.tone._vader import (
    DOCUMENT_COLUMNS,
    SENTENCE_COLUMNS,
    analyzer,
    documents,
    install_lexicon,
    nltk_data_dir,
    sentences,
)

__all__ = [
    "DOCUMENT_COLUMNS",
    "SENTENCE_COLUMNS",
    "analyzer",
    "documents",
    "install_lexicon",
    "nltk_data_dir",
    "sentences",
]
