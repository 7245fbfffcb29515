"""keywords' parse reads the one tokenizer (toolkit.tokenize) and gives what the layer gives."""

from __future__ import annotations

from toolkit.annotate import annotate
from toolkit.keywords._parse import from_annotated, join_words, parse
from toolkit.tokenize import sentence_spans, token_spans

TEXT = ("AT&T and the U.S.-led coalition met on the wildlife-rich coast. Iran's envoy didn't "
        "come.\nTalks On The Water Agreement Resume\nDr. Smith said the 108-mile pipeline "
        "would open.")
WRAPPED = "\n".join([
    "The oil spill in Prince William Sound spread across a",
    "wildlife-rich stretch of ocean on Saturday and cleanup",
    "crews worked through the night to contain the slick",
    "while officials of the state and the company argued",
    "about who should pay for the cleanup of the coast",
    "",
    "The Coast Guard said the tanker had left its lane.",
])


def test_tokens_are_the_tokenizer_tokens_joined_where_they_touch():
    spans = token_spans(TEXT)
    doc = parse(TEXT)
    got = list(zip(doc.starts, doc.ends, strict=True))
    assert got != spans  # something was joined ...
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    for (s, e), word in zip(got, doc.words, strict=True):
        assert s in starts and e in ends and TEXT[s:e] == word
        # ... only across a hyphen or an ampersand between touching tokens
        inner = [t for t in spans if s <= t[0] and t[1] <= e]
        assert len(inner) % 2 == 1
        assert all(TEXT[a:b] in "-&" for a, b in inner[1::2])
    assert {"AT&T", "wildlife-rich", "108-mile", "U.S.", "n't", "'s"} <= set(doc.words)
    assert "U.S.-led" not in doc.words  # an abbreviation's dot is not a letter: not joined


def test_sentences_are_the_tokenizer_sentences():
    doc = parse(TEXT)
    sents = sentence_spans(TEXT)
    assert doc.sent[-1] + 1 == len(sents) == 4  # "Dr." does not end a sentence
    for k, s in zip(doc.sent, doc.starts, strict=True):
        assert sents[k][0] <= s < sents[k][1]


def test_hard_wrapped_text_ends_sentences_at_blank_lines_only():
    doc = parse(WRAPPED)
    assert doc.sent[-1] == 1
    assert [s for s, _ in sentence_spans(WRAPPED, newlines="space")] == [
        doc.starts[doc.sent.index(k)] for k in range(2)]


def test_layer_read_equals_parse():
    for text in (TEXT, WRAPPED):
        a, b = parse(text), from_annotated(annotate(text, cache=False).docs[0])
        assert (a.words, a.starts, a.sent, a.tags, a.stems) == (
            b.words, b.starts, b.sent, b.tags, b.stems)


def test_join_words_leaves_spaced_hyphens():
    words, starts, ends = ["Iran", "-", "Iraq"], [0, 5, 7], [4, 6, 11]
    assert join_words(words, starts, ends, [0, 0, 0])[4] is False
    assert join_words(words, [0, 4, 5], [4, 5, 9], [0, 0, 0])[0] == ["Iran-Iraq"]
