"""Page furniture across a corpus (issue #14, point 3): toolkit.corpus.remove_furniture."""

from __future__ import annotations

import random
import re
from collections import Counter

import pandas as pd
import pytest

import toolkit.corpus as tc
import toolkit.keywords as kw
import toolkit.tokenize as tt

# Words of web-page furniture (share buttons, video boxes, captions, credits, notices): a
# general list written for this test, not taken from any corpus.
FURNITURE_TERMS = frozenset(
    " ".join(
        [
            "facebook twitter reddit digg linkedin stumbleupon stumble whatsapp tumblr",
            "pinterest newsvine permalink google+ email share caption captions photo photos",
            "hide replay watched playback toggle enlarge getty images copyright reprint",
            "newsletter newsletters subscribe advertisement credit",
        ]
    ).split()
)

_WORDS = (  # noqa: SIM905
    "talks envoy ceasefire border minister council sanctions aid convoy refugees summit "
    "delegation treaty parliament vote militia port strait pipeline embassy statement "
    "negotiators accord truce observers monitors province capital coalition"
).split(" ")


def _sentence(rng: random.Random) -> str:
    words = rng.sample(_WORDS, 7)
    return f"{words[0].title()} {words[1]} met the {words[2]} on {words[3]} about {words[4]}."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(3))


NOTICE = "Get our {} morning briefing straight to your inbox every weekday"
SHARE_RUN = "Send Facebook Twitter Whatsapp Tumblr Digg reddit Newsvine Permalink http://ex.am/p/{}"
BACKGROUND = "The dispute over the strait has flared up repeatedly since the treaty of 1975."


def _corpus(seed: int = 0) -> pd.DataFrame:
    """Outlet A: a notice line in every article; B: share runs glued into one-line texts."""
    rng = random.Random(seed)
    rows = []
    for i in range(20):
        lines = [_paragraph(rng), NOTICE.format(i % 9 + 1), _paragraph(rng)]
        if i < 2:  # a real line this outlet repeats in two articles only
            lines.insert(1, BACKGROUND)
        rows.append(("A", "\n\n".join(lines)))
    for i in range(20):
        token = "".join(rng.choice("abcdefgh12345") for _ in range(5))
        text = f"{_paragraph(rng)} {SHARE_RUN.format(token)} {_paragraph(rng)}"
        if i == 0:  # B has the notice once: a line is counted within its own outlet
            text += " " + NOTICE.format(4) + "."
        rows.append(("B", text))
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(rows))],
            "outlet": [o for o, _ in rows],
            "text": [t for _, t in rows],
            "boilerplate": "",
            "notes": "",
        }
    )


def _chars(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace())


def test_furniture_lines_of_one_outlet_move_to_boilerplate():
    corpus = _corpus()
    out = tc.remove_furniture(corpus)
    a = out[out.outlet == "A"]
    assert not a.text.str.contains("morning briefing").any()
    assert a.boilerplate.str.contains("morning briefing").all()
    assert a.notes.str.contains("furniture_removed=1").all()
    # The same line once in outlet B is not furniture there.
    assert out.text.iloc[20].count("morning briefing") == 1


def test_real_line_repeated_in_two_documents_is_kept():
    out = tc.remove_furniture(_corpus())
    assert out.text.str.contains(BACKGROUND, regex=False).sum() == 2
    assert not out.boilerplate.str.contains("dispute over the strait").any()


def test_share_button_run_inside_one_line_texts_is_cut():
    corpus = _corpus()
    out = tc.remove_furniture(corpus)
    b = out[out.outlet == "B"]
    assert not b.text.str.contains("Facebook|Newsvine|Permalink|http://ex.am").any()
    assert b.boilerplate.str.startswith("Send Facebook Twitter").all()
    # The sentences around the run are all still there.
    for before, after in zip(corpus[corpus.outlet == "B"].text, b.text, strict=True):
        run = before[before.index("Send") : before.index(" ", before.index("/p/"))]
        kept = before.replace(run, "")
        assert " ".join(kept.split()) == after


def test_nothing_is_lost():
    corpus = _corpus()
    corpus.loc[3, "boilerplate"] = "Earlier furniture"
    out = tc.remove_furniture(corpus)
    for (_, old), (_, new) in zip(corpus.iterrows(), out.iterrows(), strict=True):
        before = _chars(old.text) + _chars(old.boilerplate)
        assert before == _chars(new.text) + _chars(new.boilerplate)
    assert out.boilerplate[3].startswith("Earlier furniture\n\n")


def test_offsets_of_analyses_refer_to_the_new_text():
    out = tc.remove_furniture(_corpus())
    tokens = tt.tokenize(out)
    texts = dict(zip(out.doc_id, out.text, strict=True))
    assert all(
        texts[d][s:e] == t
        for d, s, e, t in zip(tokens.doc_id, tokens.start, tokens.end, tokens.token, strict=True)
    )
    in_a = tokens.doc_id.isin(out.doc_id[out.outlet == "A"])
    assert not set(tokens.norm) & {"facebook", "newsvine", "permalink"}
    assert "briefing" not in set(tokens.norm[in_a])


def test_deterministic_and_independent_of_row_order():
    corpus = _corpus()
    first = tc.remove_furniture(corpus)
    pd.testing.assert_frame_equal(first, tc.remove_furniture(corpus))
    shuffled = corpus.sample(frac=1, random_state=3)
    again = tc.remove_furniture(shuffled).set_index("doc_id").loc[first.doc_id].reset_index()
    pd.testing.assert_frame_equal(first.reset_index(drop=True), again[first.columns])


def test_seed_list_line_in_one_document_and_no_outlet_column():
    corpus = pd.DataFrame(
        {"doc_id": ["x", "y"], "text": ["Talks resumed.\n\nAdvertisement\n\nThey ended.", "Calm."]}
    )
    out = tc.remove_furniture(corpus)
    assert out.text[0] == "Talks resumed.\n\nThey ended."
    assert out.boilerplate.tolist() == ["Advertisement", ""]
    assert out.notes.tolist() == ["furniture_removed=1", ""]


def test_phrase_also_inside_sentences_is_not_an_edge_run():
    """A phrase that opens many sentences but also occurs inside them is content."""
    rng = random.Random(5)
    texts = []
    for i in range(20):
        body = _paragraph(rng)
        texts.append(
            f"Foreign Minister Ali Baba said the {_WORDS[i]} would go on. {body} "
            f"Later, Foreign Minister Ali Baba said the {_WORDS[-i]} had ended."
        )
    corpus = pd.DataFrame({"doc_id": [str(i) for i in range(20)], "outlet": "C", "text": texts})
    out = tc.remove_furniture(corpus)
    assert out.text.tolist() == texts


@pytest.fixture(scope="module")
def allsides(shared_file) -> pd.DataFrame:
    path = shared_file("corpora", "allsides_middle_east.jsonl.gz")
    return tc.remove_furniture(tc.load(path))


def _furniture_in(terms) -> list[str]:
    return [t for t in terms if set(str(t).split()) & FURNITURE_TERMS]


def test_allsides_no_furniture_in_top_collocations_or_keyness(allsides):
    assert allsides.notes.str.contains("furniture_removed=").sum() > 100
    tokens = tt.tokenize(allsides)
    top = kw.collocations(allsides, tokens=tokens).head(100)
    assert _furniture_in(top.collocation) == []
    counts = allsides.outlet.value_counts()
    found = {}
    for outlet in counts[counts >= 10].index:
        key = kw.keyness(allsides, outlet, by="outlet", tokens=tokens).head(100)
        texts = allsides.loc[allsides.outlet == outlet, "text"]
        furniture = [t for t in _furniture_in(key.term) if _used_as_furniture(t, texts)]
        if furniture:
            found[outlet] = furniture
    assert found == {}


def _used_as_furniture(term: str, texts) -> bool:
    """Most occurrences of ``term`` sit in a short line or next to another furniture word.

    A word of the list that is also an ordinary word ("the email was leaked") is content
    where it runs in sentences.
    """
    pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.IGNORECASE)
    as_furniture = total = 0
    for text in texts:
        for line in text.splitlines():
            words = [w.strip(".,:;()\"“”'’").lower() for w in line.split()]
            for i, word in enumerate(words):
                if not pattern.fullmatch(word):
                    continue
                total += 1
                near = set(words[max(i - 1, 0) : i] + words[i + 1 : i + 2])
                as_furniture += len(words) <= 10 or bool(near & FURNITURE_TERMS)
    return total > 0 and as_furniture >= total / 2


def _pages(lead: str, n: int = 8) -> pd.DataFrame:
    """Pages as the loader splits them (title, lede, body): the same ``lead`` paragraph first."""
    rng = random.Random(3)
    raw = [f"Talks of week {i}\n\n{lead}\n\n{_paragraph(rng)}\n\n{_paragraph(rng)}"
           for i in range(n)]
    return tc.load(pd.DataFrame({"doc_id": [f"p{i}" for i in range(n)], "outlet": "C",
                                 "text": raw}), parse_pages=True)


def test_a_lede_that_was_furniture_is_set_again_from_the_cleaned_text():
    lead = "Watch the video report from our correspondent above"
    corpus = _pages(lead)
    assert (corpus["lede"] == lead).all()  # the loader took the repeated line as the lede
    out = tc.remove_furniture(corpus)
    assert not out["text"].str.contains(lead).any() and out["boilerplate"].str.contains(lead).all()
    for text, lede in zip(out["text"], out["lede"], strict=True):
        first = text.split("\n\n")[0]
        assert lede == first and lede != lead and len(lede.split()) > 10
    assert out["lede"].dtype == corpus["lede"].dtype


def test_ledes_stay_where_nothing_was_cut_or_none_was_set():
    lead = "A paragraph that opens only this one article and no other one"
    corpus = _pages(lead, n=1)
    out = tc.remove_furniture(corpus)
    assert out["lede"].tolist() == corpus["lede"].tolist() == [lead]
    plain = _corpus()  # no lede set (a plain corpus): furniture cut, still no lede invented
    plain["lede"] = ""
    out = tc.remove_furniture(plain)
    assert out["notes"].str.contains("furniture_removed").any() and (out["lede"] == "").all()


def test_template_placeholders_move_to_boilerplate():
    texts = [
        "The envoys met on Tuesday.\n\n{storyGUID}\n\nThey agreed to meet again.",
        "Talks went on {{ byline_name }} into the night.",
        "A set of {three, four} options stayed on the table.",  # not a placeholder: kept
        "Pilgrims visited the tomb of the imam {AS} in the spring.",  # an honorific: kept
    ]
    c = pd.DataFrame({"doc_id": list("abcd"), "outlet": list("WXYZ"), "text": texts})
    out = tc.remove_furniture(c)
    assert out.text[0] == "The envoys met on Tuesday.\n\nThey agreed to meet again."
    assert out.boilerplate[0] == "{storyGUID}" and out.notes[0] == "furniture_removed=1"
    assert out.text[1] == "Talks went on into the night."
    assert out.boilerplate[1] == "{{ byline_name }}"
    assert out.text[2] == texts[2] and out.notes[2] == ""
    assert out.text[3] == texts[3] and out.notes[3] == ""
    for old, new, boiler in zip(texts, out.text, out.boilerplate, strict=True):
        assert _chars(new + boiler) == _chars(old)


def test_template_placeholder_paragraph_of_a_page_is_furniture():
    page = "Envoys meet again\n\nThe envoys met.\n\n{pageGUID}\n\nThey agreed to meet again."
    art = tc.read_article(page)
    assert art["text"] == "The envoys met.\n\nThey agreed to meet again."
    assert art["boilerplate"] == "{pageGUID}"


def _labelled(label: str, n_docs: int = 24) -> pd.DataFrame:
    """An outlet whose stories open with a section label glued to their first sentence."""
    rng = random.Random(3)
    texts = []
    for i in range(n_docs):
        opener = "Talks" if i % 2 else "Envoys"  # half the stories go on with the same word
        first = f"{label} {opener} {_sentence(rng)[0].lower()}{_sentence(rng)[1:]}"
        place = ["Doha", "Muscat", "Cairo", "Amman", "Beirut", "Riyadh"][i % 6]
        texts.append(f"{first}\n\n{_paragraph(rng)}\n\nTalks went on in {place}. Envoys left.")
    return pd.DataFrame({"doc_id": [f"s{i}" for i in range(n_docs)], "outlet": "L",
                         "text": texts})


def test_section_label_opening_an_outlets_stories_is_cut():
    c = _labelled("Top lines")
    out = tc.remove_furniture(c)
    for old, new, boiler in zip(c.text, out.text, out.boilerplate, strict=True):
        assert boiler == "Top lines"
        assert new == old.removeprefix("Top lines ")
    # The same opening in twelve stories only is not a label (a label asks for four times
    # min_docs: a few words are weak evidence, "Talks in" may open many stories).
    few = tc.remove_furniture(c.head(12))
    assert few.text.tolist() == c.text.head(12).tolist()


def test_opening_word_found_elsewhere_is_not_a_label():
    c = _labelled("Talks")  # "Talks" also opens sentences inside the stories
    out = tc.remove_furniture(c)
    assert out.text.tolist() == c.text.tolist()
    assert (out.boilerplate == "").all()


QUOTE = (
    "“The envoys have tried this road before, and every time the convoy reached the border "
    "the talks had already moved on to another capital, so the monitors were left waiting,” "
    "one columnist wrote."
)
SOURCE = "Jane Q. Roe, The Example Ledger"


def _commentary(n_docs: int = 8, shared: int = 5) -> pd.DataFrame:
    """A round-up outlet: each issue quotes commentators; ``shared`` issues quote the same one."""
    rng = random.Random(5)
    texts = []
    for i in range(n_docs):
        lines = ["From one side", _paragraph(rng)]
        if i < shared:
            lines += [QUOTE, SOURCE]
        lines += ["From the other side", _paragraph(rng), "Photo credit Ann Doe, Example Wire"]
        if i < shared:  # the same credit line twice in these issues: furniture
            lines.append("Photo credit Ann Doe, Example Wire")
        texts.append("\n\n".join(lines))
    return pd.DataFrame({"doc_id": [f"q{i}" for i in range(n_docs)], "outlet": "Q",
                         "text": texts})


def test_quote_and_its_source_line_repeated_across_issues_are_content():
    c = _commentary()
    out = tc.remove_furniture(c)
    for i in range(5):
        assert QUOTE in out.text[i] and SOURCE in out.text[i]
        assert QUOTE not in out.boilerplate[i] and SOURCE not in out.boilerplate[i]
    for text, boiler in zip(out.text, out.boilerplate, strict=True):
        # The repeated headings and the credit line (twice in some issues) are furniture.
        assert "From one side" not in text and "From the other side" not in text
        assert "Photo credit" not in text and "From one side" in boiler


def test_source_line_repeated_within_issues_is_furniture():
    c = _commentary()
    c["text"] = c["text"].str.replace(SOURCE, SOURCE + "\n\n" + SOURCE, regex=False)
    out = tc.remove_furniture(c)
    for i in range(5):
        assert SOURCE not in out.text[i] and SOURCE in out.boilerplate[i]
