"""Page furniture across a corpus: lines and runs that repeat over an outlet's articles.

Share buttons, "JUST WATCHED" video boxes, photo galleries and their captions, credits and
newsletter notices are not what an outlet wrote about a topic, yet they repeat in hundreds of
its articles and so top every count (collocations, keyness). :func:`remove_furniture` finds
them by repetition within an outlet (and by the shipped seed patterns), cuts them from
``text`` and keeps them in ``boilerplate``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd
import yaml

from toolkit.corpus._article import lede_of, load_furniture

_LINE = re.compile(r"[^\n]+")
_TOKEN = re.compile(r"\S+")
_URL = re.compile(r"(?:https?://|www\.)\S*")
_DIGIT = re.compile(r"\d")
_GROUP = re.compile(r"\(\?P<\w+>")
_SEPARATOR = "\n\n"
# A line naming a source: one to four capitalised words, a comma, then an outlet of capitalised
# words (small joining words allowed): "Jane Q. Roe, The Example Post".
_CAP = r"[A-Z][\w.'’&-]*"
_SOURCE_LINE = re.compile(
    rf"[—–-]*\s*(?:{_CAP}\s+){{0,3}}{_CAP},\s+(?:[Tt]he\s+)?{_CAP}"
    rf"(?:\s+(?:{_CAP}|\d[\w.-]*|of|for|on|and|the|in|at|&)){{0,6}}\.?"
)
_QUOTE_MARK = re.compile("[\"“”«»]")
_SEED_FILE = "data/corpus/page_furniture.yaml"
_NOTE = "furniture_removed"
# Anchored runs are looked for among the first and last this many tokens of a unit.
_EDGE_TOKENS = 24
# A line of running text (this many words or more, ending as a sentence) is furniture by
# repetition only when found in at least this share of its group's documents.
_PROSE_WORDS = 25
_PROSE_SHARE = 0.5
# Whole-line seed patterns are tried on lines of at most this many characters (the shipped
# ones match shorter lines; the long galleries are inline entries).
_SEED_CHARS = 1000
# A section label (one to n - 1 words opening a story) must be found this many times as often
# (documents and share of the group) as a line or a longer run.
_LABEL_FACTOR = 4
# Seed patterns of kind "head" (bylines, datelines) apply to the first units of a text only.
_HEAD_UNITS = 3


def _units(text: str) -> list[tuple[int, int]]:
    """Lines of ``text`` (stripped spans); sentences when the text is one line."""
    spans = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        spans.append((start, start + len(stripped)))
    if len(spans) == 1:
        from toolkit.tokenize import sentence_spans

        spans = [(s, e) for s, e in sentence_spans(text) if e > s]
    return spans


def _seed_rules(furniture: str | None) -> tuple[re.Pattern[str], re.Pattern[str], list]:
    """The seed list as (any-line regex, head-line regex, inline patterns)."""
    rules = load_furniture(furniture)

    def combined(wheres: tuple[str, ...]) -> re.Pattern[str]:
        parts = [_GROUP.sub("(?:", p.pattern) for _, w, p in rules if w in wheres]
        return re.compile("|".join(f"(?:{p})" for p in parts) or r"(?!)", re.IGNORECASE)

    inline = [
        (re.compile(e["pattern"], re.IGNORECASE | re.MULTILINE), tuple(e.get("needs") or ()))
        for e in _entries(furniture)
        if e["where"] == "inline"
    ]
    return combined(("any", "tail")), combined(("any", "tail", "head")), inline


@lru_cache(maxsize=8)
def _entries_cached(furniture: str | None) -> tuple[dict, ...]:
    if furniture is None:
        source = resources.files("toolkit").joinpath(_SEED_FILE).read_text(encoding="utf-8")
    else:
        source = Path(furniture).read_text(encoding="utf-8")
    return tuple(yaml.safe_load(source) or [])


def _entries(furniture: str | None) -> tuple[dict, ...]:
    return _entries_cached(None if furniture is None else str(furniture))


def remove_furniture(
    corpus: pd.DataFrame,
    *,
    by: str | None = "outlet",
    min_docs: int = 5,
    min_share: float = 0.05,
    n: int = 4,
    furniture: str | None = None,
) -> pd.DataFrame:
    """Move page furniture repeated across an outlet's articles from ``text`` to ``boilerplate``.

    Each text is split into lines (a text that is one long line into sentences, with
    :func:`toolkit.tokenize.sentence_spans`), and each line is normalised (lower case, digits
    as ``0``, web addresses as one token, white space collapsed). Furniture is:

    - a whole line found in at least ``min_docs`` documents and ``min_share`` of the
      documents of the same ``by`` group (the whole corpus when there is no such column);
    - a run of at least ``n + 1`` tokens at the start or at the end of a line whose token
      ``n``-grams, at the same position counted from that edge, pass the same thresholds
      and are found almost only there (at least 90% of their occurrences): share-button
      runs glued into a sentence ("Send Facebook Twitter ..."); a phrase that also occurs
      inside sentences ("Russian President Vladimir Putin") is not furniture;
    - a section label of one to ``n - 1`` words that opens the first line of many of a
      group's documents, glued to the story ("Story highlights ..."), found (almost) only
      there and in four times the thresholds (``4 * min_docs`` documents and
      ``4 * min_share`` of the group: a few words are weaker evidence than a run); it ends
      where the documents stop going on alike (the story's first word is not part of it);
    - a line matching the shipped seed list ``toolkit/data/corpus/page_furniture.yaml``
      (entries ``any``, ``tail``, and ``head`` among the first three lines) or a span
      matching one of its ``inline`` entries, even when seen in only one document.

    The cut pieces are appended to ``boilerplate`` (joined by blank lines, after what was
    there), so ``text`` and ``boilerplate`` together still hold every character of the input
    apart from separating white space; ``notes`` gains ``furniture_removed=<pieces>``.
    Where a document had a ``lede`` (the loader sets one for pages it splits, see
    :func:`read_article`) and lost furniture, the lede is set again from the new ``text`` the
    way the loader sets it (:func:`lede_of`): a lede that was furniture is replaced by the
    first paragraph left.
    Offsets computed afterwards refer to the new ``text``: run this before any analysis.
    A sentence an outlet repeats in only a few articles (a background paragraph on one topic)
    stays: a line of running text (25 words or more, ending as a sentence ends) is
    furniture by repetition only when found in at least half of its group's documents.
    Quotes and their sources stay too: a line naming a person and an outlet ("Jane Roe,
    The Example Post") found once in a document is content however many documents repeat it,
    and so is the running text with quotation marks right before or after it.

    Parameters
    ----------
    corpus : pandas.DataFrame
        A corpus (:data:`toolkit.corpus.SCHEMA`); ``doc_id`` and ``text`` are needed.
    by : str or None, default "outlet"
        The document variable within whose groups lines are counted; ``None`` or a missing
        column counts over the whole corpus. Documents with no value form one group.
    min_docs : int, default 5
        A line or run is furniture when found in at least this many documents of its group ...
    min_share : float, default 0.05
        ... and in at least this share of the group's documents.
    n : int, default 4
        Token n-gram length of the anchored runs.
    furniture : str, optional
        Path to a YAML file of seed patterns replacing the shipped list.

    Returns
    -------
    pandas.DataFrame
        A copy of ``corpus`` with ``text``, ``boilerplate``, ``notes`` (and ``lede``, see
        above) updated.

    Examples
    --------
    >>> import pandas as pd
    >>> places = ["Doha", "Muscat", "Cairo", "Amman", "Beirut", "Riyadh"]
    >>> texts = [f"Talks in {p} went on.\\nShare on Facebook" for p in places]
    >>> c = pd.DataFrame({"doc_id": places, "outlet": "X", "text": texts})
    >>> out = remove_furniture(c)
    >>> out.text[0], out.boilerplate[0], out.notes[0]
    ('Talks in Doha went on.', 'Share on Facebook', 'furniture_removed=1')
    """
    out = corpus.copy()
    if out.empty:
        return out
    originals = out["text"].tolist()
    texts = ["" if not isinstance(t, str) else t for t in originals]
    if by is not None and by in out.columns:
        groups = ["\x00none" if pd.isna(g) else str(g) for g in out[by].tolist()]
    else:
        groups = ["\x00all"] * len(texts)
    any_line, head_line, inline_rules = _seed_rules(furniture)
    n_group = Counter(groups)

    # Pass 1: units and their normalised keys; document frequency of each line per group.
    doc_units: list[list[tuple[int, int, str, list[str]]]] = []
    line_df: Counter = Counter()
    for text, group in zip(texts, groups, strict=True):
        low = _normalise(text)
        units = []
        for s, e in _units(text):
            words = _URL.sub("<url>", low[s:e]).split()
            units.append((s, e, " ".join(words), words))
        doc_units.append(units)
        line_df.update((group, key) for key in {u[2] for u in units})

    def frequent(df: int, group: str) -> bool:
        return df >= min_docs and df >= min_share * n_group[group]

    furniture_lines = {
        gk
        for gk, df in line_df.items()
        if frequent(df, gk[0]) and (not _is_prose(gk[1]) or df >= _PROSE_SHARE * n_group[gk[0]])
    }
    runs = _anchored_runs(doc_units, groups, furniture_lines, frequent, n)
    def frequent_label(df: int, group: str) -> bool:  # a few words: stronger evidence asked
        return df >= _LABEL_FACTOR * min_docs and df >= _LABEL_FACTOR * min_share * n_group[group]

    for d, label in _lead_labels(doc_units, groups, furniture_lines, frequent_label, n).items():
        head, tail = runs.get((d, 0), (0, 0))
        runs[(d, 0)] = (max(head, label), tail)

    # Pass 2: cut.
    new_texts, new_boiler, counts = [], [], []
    for d, (text, group, units) in enumerate(zip(texts, groups, doc_units, strict=True)):
        cuts: list[tuple[int, int]] = []
        content = _quote_sources(text, units, group, furniture_lines)
        for index, (start, end, key, _) in enumerate(units):
            seed = head_line if index < _HEAD_UNITS else any_line
            if ((group, key) in furniture_lines and index not in content) or (
                end - start <= _SEED_CHARS and seed.fullmatch(" ".join(text[start:end].split()))
            ):
                cuts.append((start, end))
                continue
            head, tail = runs.get((d, index), (0, 0))
            if head or tail:
                cuts.extend(_token_cuts(text, start, end, head, tail))
        lower = text.lower()
        for pattern, needs in inline_rules:  # within one line: "." stops at a line break
            if not needs or any(word in lower for word in needs):
                cuts.extend(m.span() for m in pattern.finditer(text) if m.end() > m.start())
        new_text, pieces = _apply(text, cuts)
        new_texts.append(new_text if pieces else originals[d])
        new_boiler.append(pieces)
        counts.append(len(pieces))
    out["text"] = pd.Series(new_texts, index=out.index, dtype=out["text"].dtype)
    old_boiler = out["boilerplate"].tolist() if "boilerplate" in out.columns else [""] * len(out)
    old_notes = out["notes"].tolist() if "notes" in out.columns else [""] * len(out)
    boiler, notes = [], []
    for old, pieces, note, k in zip(old_boiler, new_boiler, old_notes, counts, strict=True):
        if k:
            old = old if isinstance(old, str) else ""
            note = note if isinstance(note, str) else ""
            boiler.append(_SEPARATOR.join([p for p in [old] if p] + pieces))
            notes.append(";".join([x for x in note.split(";") if x] + [f"{_NOTE}={k}"]))
        else:
            boiler.append("" if old is None or old is pd.NA else old)
            notes.append("" if note is None or note is pd.NA else note)
    out["boilerplate"] = boiler
    out["notes"] = notes
    if "lede" in out.columns:
        ledes = [
            lede_of(text) if k and isinstance(lede, str) and lede else lede
            for lede, text, k in zip(out["lede"].tolist(), new_texts, counts, strict=True)
        ]
        out["lede"] = pd.Series(ledes, index=out.index, dtype=out["lede"].dtype)
    return out


def _quote_sources(text: str, units, group: str, furniture_lines: set) -> set[int]:
    """Units that repeat across a group's documents yet are content: quotes and their sources.

    A source line names a person and an outlet ("Jane Roe, The Example Post"); found once in
    a document it is content however many documents quote the same commentary, and so is the
    running text with quotation marks right before or after it (the quote it attributes).
    A source line repeated within one document (a photo credit under each picture) is not
    spared.
    """
    repeated = [i for i, u in enumerate(units) if (group, u[2]) in furniture_lines]
    if not repeated:
        return set()
    per_doc = Counter(u[2] for u in units)
    spared: set[int] = set()
    for i in repeated:
        start, end, key, _ = units[i]
        if per_doc[key] != 1 or not _SOURCE_LINE.fullmatch(" ".join(text[start:end].split())):
            continue
        spared.add(i)
        for j in (i - 1, i + 1):
            if (
                0 <= j < len(units)
                and _is_prose(units[j][2])
                and _QUOTE_MARK.search(text, units[j][0], units[j][1])
            ):
                spared.add(j)
    return spared


def _is_prose(key: str) -> bool:
    """A line of running text: many words, ending as a sentence ends."""
    return key.count(" ") + 1 >= _PROSE_WORDS and key.rstrip("\"'”’)").endswith((".", "!", "?"))


def _normalise(text: str) -> str:
    """Lower case with digits as 0, same length as ``text`` (offsets stay valid)."""
    low = text.lower()
    if len(low) != len(text):  # a few characters lower-case to two
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _DIGIT.sub("0", low)


def _anchored_runs(doc_units, groups, furniture_lines, frequent, n: int) -> dict:
    """(doc, unit) -> (tokens cut at the start, tokens cut at the end).

    Grows runs from each edge one ``n``-gram at a time: the ``n``-gram at offset ``i`` from
    the edge counts only in units whose ``n``-grams at offsets ``0 .. i - 1`` were furniture.
    An ``n``-gram also found elsewhere in the group's documents (under 90% of its
    occurrences at the edge) ends the run.
    """
    found: dict[tuple[int, int], list[int]] = {}
    for side in (0, 1):
        # (doc, unit, words from this edge, documents of the run's first n-gram)
        alive = [
            (d, u, words[:_EDGE_TOKENS] if side == 0 else words[-_EDGE_TOKENS:][::-1], 0)
            for d, (units, group) in enumerate(zip(doc_units, groups, strict=True))
            for u, (_, _, key, words) in enumerate(units)
            if len(words) > n and (group, key) not in furniture_lines
        ]
        offset = 0
        while alive and offset < _EDGE_TOKENS - n + 1:
            grams = {}
            for d, u, words, _ in alive:
                if offset + n <= len(words):
                    grams[(d, u)] = " ".join(words[offset : offset + n])
            # Documents (not units) count: distinct (doc, gram) pairs, then per group.
            per_doc = {(d, groups[d], g) for (d, _), g in grams.items()}
            df = Counter((grp, g) for _, grp, g in per_doc)
            keep = {k for k, v in df.items() if frequent(v, k[0])}
            at_edge = Counter((groups[d], g) for (d, _), g in grams.items())
            keep = _specific(keep, at_edge, doc_units, groups, side)
            next_alive = []
            for d, u, words, base in alive:
                key = (groups[d], grams.get((d, u)))
                # The run goes on while (nearly) all of its documents go on alike: a word
                # that follows it in only some of them (the next sentence's "The") is not part.
                if key in keep and df[key] >= 0.9 * base:
                    found.setdefault((d, u), [0, 0])[side] = offset + n
                    next_alive.append((d, u, words, base or df[key]))
            alive = next_alive
            offset += 1
    # A run is at least two n-grams long: one n-gram ("the White House said.") is too
    # often an ordinary way to begin or end a sentence.
    runs = {k: tuple(x if x > n else 0 for x in v) for k, v in found.items()}
    return {k: v for k, v in runs.items() if any(v)}


def _lead_labels(doc_units, groups, furniture_lines, frequent, n: int) -> dict[int, int]:
    """doc -> number of words of a section label that opens its first line ("Story highlights").

    A label is one to ``n - 1`` words (letters only) at the start of a document's first line,
    found there in a frequent number of the group's documents, and found (almost) only
    there: at least 90% of its occurrences in the group open a document. It grows word by
    word while (nearly) all documents that open with its first word go on alike, so the
    words after it ("Story highlights Iran ...") are not part of it; a longer repeated opening
    is an anchored run (:func:`_anchored_runs`).
    """
    firsts = {
        d: units[0][3][: n - 1]
        for d, units in enumerate(doc_units)
        if units and len(units[0][3]) > 1 and (groups[d], units[0][2]) not in furniture_lines
    }
    labels: dict[int, int] = {}
    base: dict[int, int] = {}
    for k in range(1, n):
        grams = {
            d: " ".join(words[:k]) for d, words in firsts.items()
            if len(words) > k or (len(words) == k and len(doc_units[d][0][3]) > k)
        }
        df = Counter((groups[d], g) for d, g in grams.items())
        candidates = {
            key for key, v in df.items()
            if frequent(v, key[0]) and all(w.isalpha() for w in key[1].split())
        }
        alive = {}
        for d, g in grams.items():
            key = (groups[d], g)
            if key in candidates and df[key] >= 0.9 * base.get(d, df[key]):
                base.setdefault(d, df[key])
                alive[d] = g
        if not alive:
            break
        at_start = Counter((groups[d], g) for d, g in alive.items())
        specific = _specific(set(at_start), at_start, doc_units, groups, 0)
        for d, g in alive.items():
            if (groups[d], g) in specific:
                labels[d] = k
        firsts = {d: firsts[d] for d in alive}
    return labels


def _specific(keep: set, at_edge: Counter, doc_units, groups, side: int) -> set:
    """The kept ``n``-grams of which at least 90% of all occurrences are at the edge.

    ``at_edge`` counts the occurrences (units) at the edge position.
    """
    if not keep:
        return keep
    wanted: dict[str, list[str]] = defaultdict(list)
    for group, gram in keep:
        wanted[group].append(gram if side == 0 else " ".join(gram.split()[::-1]))
    anywhere: Counter = Counter()
    for units, group in zip(doc_units, groups, strict=True):
        grams = wanted.get(group)
        if not grams:
            continue
        joined = " " + " \n ".join(u[2] for u in units) + " "
        for gram in grams:
            anywhere[(group, gram)] += joined.count(f" {gram} ")
    result = set()
    for group, gram in keep:
        plain = gram if side == 0 else " ".join(gram.split()[::-1])
        if at_edge[(group, gram)] >= 0.9 * anywhere[(group, plain)]:
            result.add((group, gram))
    return result


def _token_cuts(text: str, start: int, end: int, head: int, tail: int) -> list[tuple[int, int]]:
    """Character spans of the first ``head`` and last ``tail`` tokens of ``text[start:end]``."""
    spans = [m.span() for m in _TOKEN.finditer(text, start, end)]
    cuts = []
    if head:
        cuts.append((spans[0][0], spans[min(head, len(spans)) - 1][1]))
    if tail:
        cuts.append((spans[max(len(spans) - tail, 0)][0], spans[-1][1]))
    return cuts


def _apply(text: str, cuts: list[tuple[int, int]]) -> tuple[str, list[str]]:
    """Remove ``cuts`` from ``text``; return the new text and the removed pieces in order."""
    if not cuts:
        return text, []
    merged: list[list[int]] = []
    for s, e in sorted(cuts):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    keep, pieces, pos = [], [], 0
    for s, e in merged:
        keep.append(text[pos:s])
        pieces.append(text[s:e])
        pos = e
    keep.append(text[pos:])
    new = keep[0]
    for part in keep[1:]:
        new = _join(new, part)
    return new.strip(), pieces


def _join(left: str, right: str) -> str:
    """Join two remaining parts: keep a line break where one was, else one space."""
    lstrip, rstrip = left.rstrip(" \t"), right.lstrip(" \t")
    if not lstrip or not rstrip:
        return lstrip + rstrip
    if lstrip.endswith("\n") or rstrip.startswith("\n"):
        return lstrip.rstrip() + _gap(left, right) + rstrip.lstrip()
    return lstrip + " " + rstrip


def _gap(left: str, right: str) -> str:
    around = left[len(left.rstrip()):] + right[: len(right) - len(right.lstrip())]
    return "\n\n" if around.count("\n") >= 2 else "\n"
