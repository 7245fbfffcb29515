"""Shared per-document parse for keyphrase extraction: tokens, tags, sentences, candidates.

Kept free of pandas so that it runs at a few milliseconds per news article.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from toolkit.keywords._pos import tag
from toolkit.tokenize import stem as _snowball

# Abbreviations with dots (U.S.), words with inner hyphens/apostrophes/ampersands, or one symbol.
_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|['’][sS]\b|\w+(?:[-&]\w+)*(?:['’](?![sS]\b)\w+(?:[-&]\w+)*)*|\n|\S"
)
_SENT_END = {".", "!", "?"}
_NOALPHA = re.compile(r"^[\W\d_]+$")
NOUN = frozenset({"NN", "NNS", "NNP", "NNPS"})
ADJ = frozenset({"JJ", "JJR", "JJS"})
PROPER = frozenset({"NNP", "NNPS"})
COMMON = frozenset({"NN", "NNS"})

CONTEXT = False
#: A user's stopword list for the ``extract`` call under way (``extract(stopwords=...)``).
USER_STOPWORDS: ContextVar[frozenset[str] | None] = ContextVar("keyword_stopwords", default=None)


@lru_cache(maxsize=1)
def _shipped_stopwords() -> frozenset[str]:
    from toolkit import lexicons

    words = lexicons.resolve("stopwords+stopwords_news", kind="stopwords")
    return frozenset(w.lower() for w in words)


def stopwords() -> frozenset[str]:
    """The stopwords no keyphrase starts or ends with: the toolkit's one stopword family
    (lexicons ``stopwords`` + ``stopwords_news``), or the user's list of the current call."""
    user = USER_STOPWORDS.get()
    return _shipped_stopwords() if user is None else user


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Lower-cased stem of one word: the toolkit's one stemmer,
    :func:`toolkit.tokenize.stem` (Snowball English)."""
    return _snowball(word)


@dataclass
class Doc:
    """One parsed document."""

    text: str
    words: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)  # sentence index of each token
    stems: list[str] = field(default_factory=list)  # lower-cased Snowball stem of each token
    content: list[bool] = field(default_factory=list)  # noun/adjective, not a stopword


def _hard_wrapped(text: str) -> bool:
    """True for text wrapped at a fixed width: most lines short and not ending a sentence."""
    if text.count("\n") < 4:
        return False
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    if len(lines) < 5:
        return False
    open_ended = sum(not ln.endswith((".", "!", "?", '"', "'", "”", "’", ":")) for ln in lines)
    lengths = sorted(len(ln) for ln in lines)
    return open_ended > 0.5 * len(lines) and lengths[len(lengths) // 2] <= 100


def _title_case(words: list[str], sent: list[int]) -> list[int] | None:
    """Indices of the words of Title Case Sentences (headlines), whose lower-case form the
    tagger should look up first ("Did Obama Withdraw From Iraq")."""
    if not words:
        return None
    n_sent = sent[-1] + 1
    longw = [0] * n_sent
    caps = [0] * n_sent
    for w, k in zip(words, sent, strict=True):
        if len(w) > 3 and w.isalpha():
            longw[k] += 1
            if w[0].isupper():
                caps[k] += 1
    titles = {k for k in range(n_sent) if longw[k] >= 3 and caps[k] >= 0.8 * longw[k]}
    if not titles:
        return None
    return [i for i, k in enumerate(sent) if k in titles]


def parse(text: str) -> Doc:
    """Tokenize, split sentences and tag ``text``.

    Sentences end at . ! ? and at line breaks; in hard-wrapped text (most lines short and not
    ending a sentence) only blank lines count as breaks.
    """
    doc = Doc(text)
    # a newline token marks a sentence break and is dropped
    brk = [False]
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    wrapped = _hard_wrapped(text)
    last_nl = False
    for m in _TOKEN.finditer(text):
        w = m.group()
        if w == "\n":
            # a line break ends a sentence, except inside a paragraph of hard-wrapped text
            if not wrapped or last_nl:
                brk[-1] = True
            last_nl = True
            continue
        last_nl = False
        words.append(w)
        s, e = m.span()
        starts.append(s)
        ends.append(e)
        brk.append(w in _SENT_END)
    initial = brk[: len(words)]
    doc.words, doc.starts, doc.ends = words, starts, ends
    doc.sent = list(accumulate(initial, initial=-1))[1:] if words else []
    if doc.sent and doc.sent[0] < 0:  # the first token always opens sentence 0
        doc.sent = [k + 1 for k in doc.sent]
    title = _title_case(words, doc.sent)
    doc.tags = tag(words, initial=initial, title=title, context_rules=CONTEXT)
    return _content(doc)


def from_annotated(adoc) -> Doc:
    """The parse of one document of an :class:`~toolkit.annotate.AnnotatedCorpus`, read from
    its layer (tokens, sentences, part of speech: the same tagger) instead of re-tokenizing
    and re-tagging; only sentences in Title Case (headlines) are tagged again, as
    :func:`parse` does, from their lower-case forms. Hard-wrapped text, whose layer ends a
    sentence at every line break, is parsed again (:func:`parse` joins its lines)."""
    if _hard_wrapped(adoc.text):
        return parse(adoc.text)
    doc = Doc(adoc.text)
    vocab = adoc.words
    words = [vocab[c] for c in adoc.word.tolist()]
    starts, ends = adoc.start.tolist(), adoc.end.tolist()
    sent = adoc.sent.tolist()
    joined = _join_hyphens(words, starts, ends, sent)
    doc.words, doc.starts, doc.ends, doc.sent = words, starts, ends, sent = joined[:4]
    title = _title_case(words, sent)
    if title or joined[4]:
        initial = [True] + [a != b for a, b in zip(sent, sent[1:], strict=False)]
        doc.tags = tag(words, initial=initial[: len(words)], title=title,
                       context_rules=CONTEXT)
    else:
        doc.tags = adoc.pos_
    return _content(doc)


def _join_hyphens(words, starts, ends, sent):
    """Tokens with inner hyphens ("wildlife-rich", "108-mile"), which the annotate layer
    splits, joined again as :func:`parse` keeps them; the fifth value tells whether any was."""
    out_w: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    out_k: list[int] = []
    n = len(words)
    i = 0
    joined = False
    while i < n:
        j = i
        while (j + 2 < n and words[j + 1] == "-" and ends[j] == starts[j + 1]
               and ends[j + 1] == starts[j + 2] and words[j][-1:].isalnum()
               and words[j + 2][:1].isalnum()):
            j += 2
        if j > i:
            joined = True
            out_w.append("".join(words[i : j + 1]))
        else:
            out_w.append(words[i])
        out_s.append(starts[i])
        out_e.append(ends[j])
        out_k.append(sent[i])
        i = j + 1
    if not joined:
        return words, starts, ends, sent, False
    return out_w, out_s, out_e, out_k, True


def _content(doc: Doc) -> Doc:
    """Content-word flags and stems of a tagged document."""
    words, tags = doc.words, doc.tags
    sw = stopwords()
    doc.content = content = [
        (t in NOUN or t in ADJ) and w.lower() not in sw and not _NOALPHA.match(w)
        for w, t in zip(words, tags, strict=True)
    ]
    # only content words need stemming (the rest never enter a noun-phrase key)
    doc.stems = [stem(w) if c else w.lower() for w, c in zip(words, content, strict=True)]
    return doc


@dataclass
class Candidate:
    key: tuple[str, ...]  # stems
    text: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)
    first: int = 0  # token index of first occurrence
    positions: list[int] = field(default_factory=list)  # token index of each occurrence

    @property
    def tf(self) -> int:
        return len(self.spans)

    def phrase(self) -> str:
        """Most frequent surface form; lower-case beats sentence-initial capitals on ties."""
        counts: dict[str, int] = {}
        for s, e in self.spans:
            surface = " ".join(self.text[s:e].split())
            counts[surface] = counts.get(surface, 0) + 1
        return max(counts.items(), key=lambda kv: (kv[1], kv[0].islower()))[0]


def noun_phrases(
    doc: Doc,
    *,
    max_words: int = 5,
    max_name_words: int = 5,
    strip: frozenset[str] = frozenset(),
    split_names: bool = True,
) -> dict[tuple[str, ...], Candidate]:
    """Maximal runs of adjectives and nouns that end in a noun, without stopword edges.

    Runs are maximal, so a proper name (a run of NNP) is never cut in half; runs longer than
    ``max_words`` (``max_name_words`` for runs of proper nouns only, such as "Islamic
    Revolutionary Guard Corps") are dropped rather than truncated. Leading words tagged with a
    tag in
    ``strip`` (e.g. superlatives ``JJS``) are removed first. Candidates are grouped by their
    lower-cased Snowball-stemmed words (so case and plural variants are one candidate). With
    ``split_names`` a run is cut where a lower-case common noun meets a proper noun ("the
    lesson Obama learned", "to question Iran"): English compounds rarely end in a name.
    """
    tags, content, sent = doc.tags, doc.content, doc.sent
    stems, starts, ends, text = doc.stems, doc.starts, doc.ends, doc.text
    cands: dict[tuple[str, ...], Candidate] = {}
    n = len(tags)
    i = 0
    while i < n:
        if not content[i]:
            i += 1
            continue
        j = i + 1
        while j < n and content[j] and sent[j] == sent[i] and not (
            split_names and tags[j] in PROPER and tags[j - 1] in COMMON
            and doc.words[j - 1].islower()
        ):
            j += 1
        e = j
        while e > i and tags[e - 1] not in NOUN:
            e -= 1
        b = i
        while b < e and tags[b] in strip:
            b += 1
        if e > b and (e - b <= max_words or (
            e - b <= max_name_words and all(t in PROPER for t in tags[b:e])
        )):
            key = tuple(stems[b:e])
            c = cands.get(key)
            if c is None:
                c = cands[key] = Candidate(key, text, first=b)
            c.spans.append((starts[b], ends[e - 1]))
            c.positions.append(b)
        i = j
    return cands


def _is_np_word(w: str, t: str, sw: frozenset[str]) -> bool:
    return (t in NOUN or t in ADJ) and w.lower() not in sw and any(c.isalpha() for c in w)


def _add(doc: Doc, cands: dict, i: int, e: int) -> None:
    key = tuple(doc.stems[i:e])
    c = cands.get(key)
    if c is None:
        c = cands[key] = Candidate(key, doc.text, first=i)
    c.spans.append((doc.starts[i], doc.ends[e - 1]))
    c.positions.append(i)


def ngram_candidates(
    doc: Doc, *, max_words: int = 3
) -> dict[tuple[str, ...], Candidate]:
    """Word n-grams (1..max_words) inside a sentence, no punctuation, no stopword at an edge."""
    sw = stopwords()
    words = doc.words
    ok = [any(c.isalnum() for c in w) and not w.isdigit() for w in words]
    stop = [w.lower() in sw for w in words]
    cands: dict[tuple[str, ...], Candidate] = {}
    n = len(words)
    for i in range(n):
        if not ok[i] or stop[i]:
            continue
        for e in range(i + 1, min(n, i + max_words) + 1):
            if not ok[e - 1] or doc.sent[e - 1] != doc.sent[i]:
                break
            if stop[e - 1]:
                continue
            _add(doc, cands, i, e)
    return cands
