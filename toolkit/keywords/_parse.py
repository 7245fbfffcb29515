"""Shared per-document parse for keyphrase extraction: tokens, tags, sentences, candidates.

Kept free of pandas so that it runs at a few milliseconds per news article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache

from toolkit.keywords._pos import tag
from toolkit.tokenize import stem as _snowball

_NOALPHA = re.compile(r"^[\W\d_]+$")
NOUN = frozenset({"NN", "NNS", "NNP", "NNPS"})
ADJ = frozenset({"JJ", "JJR", "JJS"})
PROPER = frozenset({"NNP", "NNPS"})
COMMON = frozenset({"NN", "NNS"})
_NOUN_ADJ = NOUN | ADJ

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


@lru_cache(maxsize=1)
def _stem_table() -> dict[str, str]:
    """Word -> stem ("=": the word itself) of the 100,000 most frequent English words, as
    :func:`toolkit.tokenize.stem` gives them (lexicon ``stems``, built by
    ``benchmarks/build_background_df.py``): one dict lookup instead of the pure-Python
    stemmer for most words of a fresh process."""
    import gzip
    from importlib import resources

    path = resources.files("toolkit.data").joinpath("keywords/stems_en.tsv.gz")
    fields = iter(gzip.decompress(path.read_bytes()).decode("utf-8").split("\n", 1)[1].split())
    return dict(zip(fields, fields, strict=False))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Lower-cased stem of one word: the toolkit's one stemmer,
    :func:`toolkit.tokenize.stem` (Snowball English), looked up in its precomputed table
    for frequent words.

    >>> stem("Negotiations"), stem("Hezbollah")
    ('negoti', 'hezbollah')
    """
    low = word.casefold()
    st = _stem_table().get(low)
    if st is None or "'" in low or "’" in low:
        return _snowball(word)
    return low if st == "=" else st


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
    for i in [i for i, w in enumerate(words) if len(w) > 3 and w.isalpha()]:
        k = sent[i]
        longw[k] += 1
        if words[i][0].isupper():
            caps[k] += 1
    titles = {k for k in range(n_sent) if longw[k] >= 3 and caps[k] >= 0.8 * longw[k]}
    if not titles:
        return None
    return [i for i, k in enumerate(sent) if k in titles]


def parse(text: str) -> Doc:
    """Tokens, sentences and tags of ``text`` from the toolkit's one tokenizer.

    Tokens are :func:`toolkit.tokenize.token_spans` and sentences
    :func:`toolkit.tokenize.sentence_spans` (a line break ends a sentence, except in
    hard-wrapped text, most lines short and not ending a sentence, where only blank lines
    do), as in the :mod:`toolkit.annotate` layer; words the tokenizer splits at an inner
    hyphen or ampersand ("wildlife-rich", "AT&T") are joined again from the offsets
    (:func:`join_words`), then tagged by the shipped tagger.

    >>> doc = parse("The U.S.-led talks on the wildlife-rich coast ended.")
    >>> doc.words
    ['The', 'U.S.', '-', 'led', 'talks', 'on', 'the', 'wildlife-rich', 'coast', 'ended', '.']
    """
    from toolkit.tokenize._spans import sentence_spans, token_spans

    spans = token_spans(text)
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    newlines = "space" if _hard_wrapped(text) else "break"
    sent = sentence_ids(starts, sentence_spans(text, newlines=newlines))
    words = [text[s:e] for s, e in spans]
    return _build(text, words, starts, ends, sent)


def sentence_ids(starts: list[int], sents: list[tuple[int, int]]) -> list[int]:
    """Sentence index of each token start (both lists sorted).

    >>> sentence_ids([0, 3, 8, 12], [(0, 5), (8, 14)])
    [0, 0, 1, 1]
    """
    firsts = [a for a, _ in sents]
    if not firsts:
        return [0] * len(starts)
    firsts[0] = -1  # anything before the first sentence belongs to it
    return [bisect_right(firsts, s) - 1 for s in starts]


def from_annotated(adoc) -> Doc:
    """The parse of one document of an :class:`~toolkit.annotate.AnnotatedCorpus`, read from
    its layer (tokens, sentences, part of speech: the same tokenizer and tagger as
    :func:`parse`) instead of re-tokenizing; words split at inner hyphens are joined again
    and Title Case sentences (headlines) tagged again from their lower-case forms, as
    :func:`parse` does. In hard-wrapped text, whose layer ends a sentence at every line
    break, sentences are taken again from :func:`toolkit.tokenize.sentence_spans` with
    ``newlines="space"`` (the tokens stay the layer's)."""
    vocab = adoc.words
    words = [vocab[c] for c in adoc.word.tolist()]
    starts, ends = adoc.start.tolist(), adoc.end.tolist()
    if _hard_wrapped(adoc.text):
        from toolkit.tokenize._spans import sentence_spans

        sent = sentence_ids(starts, sentence_spans(adoc.text, newlines="space"))
        return _build(adoc.text, words, starts, ends, sent)
    return _build(adoc.text, words, starts, ends, adoc.sent.tolist(), adoc)


def _build(text, words, starts, ends, sent, adoc=None) -> Doc:
    """A :class:`Doc` from tokens and sentence ids: words joined, tagged, content marked.
    The tags of ``adoc`` (an annotated document with the same tokens and sentences) are
    used when no word was joined and no sentence is in Title Case."""
    doc = Doc(text)
    joined = join_words(words, starts, ends, sent)
    doc.words, doc.starts, doc.ends, doc.sent = words, starts, ends, sent = joined[:4]
    title = _title_case(words, sent)
    if adoc is not None and not title and not joined[4]:
        doc.tags = adoc.pos_
    else:
        initial = [True] + [a != b for a, b in zip(sent, sent[1:], strict=False)]
        doc.tags = tag(words, initial=initial[: len(words)], title=title,
                       context_rules=CONTEXT)
    return _content(doc)


_JOINERS = frozenset({"-", "&"})


def join_words(words, starts, ends, sent):
    """Tokens with inner hyphens or ampersands ("wildlife-rich", "108-mile", "AT&T"), which
    the one tokenizer splits, joined into one word where they touch (no space between);
    the fifth value tells whether any was.

    >>> join_words(["AT", "&", "T", "-", "led"], [0, 2, 3, 5, 7], [2, 3, 4, 6, 10], [0] * 5)
    (['AT&T', '-', 'led'], [0, 5, 7], [4, 6, 10], [0, 0, 0], True)
    """
    n = len(words)
    # a joiner between two touching tokens that start and end with a letter or digit
    at = [i for i, w in enumerate(words) if (w == "-" or w == "&") and 0 < i < n - 1
          and ends[i - 1] == starts[i] and ends[i] == starts[i + 1]
          and words[i - 1][:1].isalnum() and words[i - 1][-1:].isalnum()
          and words[i + 1][:1].isalnum()]
    if not at:
        return words, starts, ends, sent, False
    out_w: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    out_k: list[int] = []
    prev = 0  # first token not yet copied
    k = 0
    while k < len(at):
        i = at[k] - 1  # the run starts at the token before the first joiner
        j = at[k] + 1
        while k + 1 < len(at) and at[k + 1] == j + 1:  # chained: "state-of-the-art"
            k += 1
            j = at[k] + 1
        out_w += words[prev:i]
        out_s += starts[prev:i]
        out_e += ends[prev:i]
        out_k += sent[prev:i]
        out_w.append("".join(words[i : j + 1]))
        out_s.append(starts[i])
        out_e.append(ends[j])
        out_k.append(sent[i])
        prev = j + 1
        k += 1
    out_w += words[prev:]
    out_s += starts[prev:]
    out_e += ends[prev:]
    out_k += sent[prev:]
    return out_w, out_s, out_e, out_k, True


def _content(doc: Doc) -> Doc:
    """Content-word flags and stems of a tagged document."""
    words, tags = doc.words, doc.tags
    sw = stopwords()
    doc.content = content = [
        t in _NOUN_ADJ and w.lower() not in sw and not _NOALPHA.match(w)
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
    words = doc.words
    # visit the content words only: a run starts at one that does not follow the last run
    nxt = 0
    for i in [i for i, c in enumerate(content) if c]:
        if i < nxt:
            continue
        j = i + 1
        while j < n and content[j] and sent[j] == sent[i] and not (
            split_names and tags[j] in PROPER and tags[j - 1] in COMMON
            and words[j - 1].islower()
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
        nxt = j
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
