"""read_article on the seed web page and on small pages."""

import re

from toolkit.corpus import read_article


def _paragraphs(raw: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", raw) if p.strip()]


def _furniture_start(paras: list[str]) -> int:
    """Index of the "Original Source" paragraph: everything from it on is page furniture."""
    return next(i for i, p in enumerate(paras) if p.startswith("Original Source:"))


def test_page_parts(seed_raw):
    art = read_article(seed_raw)
    paras = _paragraphs(seed_raw)
    furniture = paras[_furniture_start(paras):]
    assert art["title"] == paras[0]
    assert art["original_source"] == furniture[0].removeprefix("Original Source:").strip()
    about = next(p for p in furniture if p.startswith("About "))
    assert art["author"] == about.removeprefix("About ")
    assert art["author"] and art["original_source"]


def test_page_furniture_out_of_text_but_kept(seed_raw):
    art = read_article(seed_raw)
    paras = _paragraphs(seed_raw)
    cut = _furniture_start(paras)
    flat_text = " ".join(art["text"].split())
    flat_boilerplate = " ".join(art["boilerplate"].split())
    for furniture in paras[cut:]:  # source line, bio, "View all posts", comment form
        assert furniture not in flat_text
        assert furniture in flat_boilerplate
    assert art["title"] not in art["text"]
    # The lede opens the text; every body paragraph, the last one too, is still there.
    assert art["text"].startswith(art["lede"])
    assert " ".join(art["lede"].split()) == paras[1]
    for body in paras[1:cut]:
        assert body in flat_text


def test_page_keeps_curly_quotes(seed_raw):
    art = read_article(seed_raw)
    quoted = re.findall(r"“[^”]*”", seed_raw)
    apostrophes = re.findall(r"\w+’\w+", seed_raw.split("Original Source:")[0])
    assert quoted and apostrophes
    for item in quoted + apostrophes:
        assert item in art["text"]


def test_mojibake_repaired_and_nfc():
    page = "Talks\n\nThe minister\u00e2\u20ac\u2122s visit to Tehran\u0301 ended."
    art = read_article(page)
    assert "minister’s" in art["text"]
    assert "mojibake_repaired" in art["notes"]
    import unicodedata

    assert unicodedata.is_normalized("NFC", art["text"])


def test_single_paragraph_is_not_a_title():
    art = read_article("Just one paragraph without a headline")
    assert art["title"] == ""
    assert art["text"] == "Just one paragraph without a headline"


def test_empty_page():
    art = read_article("   \n\n  ")
    assert art["text"] == "" and art["title"] == ""


def test_advertisement_inside_body_goes_to_boilerplate():
    page = "Headline here\n\nFirst paragraph.\n\nAdvertisement\n\nSecond paragraph."
    art = read_article(page)
    assert art["text"] == "First paragraph.\n\nSecond paragraph."
    assert art["boilerplate"] == "Advertisement"


def _built_page(title: str) -> tuple[str, list[str]]:
    """A page written for this test: title, share line, body with an advertisement, footer."""
    body = [
        "Envoys of four states met in a lakeside town on Tuesday to talk about river water.",
        "They agreed to meet again after the harvest, an official of the host state said.",
    ]
    page = "\n\n".join(
        [title, "Share this article", body[0], "Advertisement", body[1],
         "Copyright 2031 Example Wire Ltd. All rights reserved.", "Share this article"]
    )
    return page, body


def test_share_line_after_title_and_footer_go_to_boilerplate():
    page, body = _built_page("Envoys meet over river water")
    art = read_article(page)
    assert art["title"] == "Envoys meet over river water"
    assert art["text"] == "\n\n".join(body)
    assert art["lede"] == body[0]
    assert "Share this article" not in art["text"]
    pieces = art["boilerplate"].split("\n\n")
    assert pieces.count("Share this article") == 2
    assert "Advertisement" in pieces and any(p.startswith("Copyright") for p in pieces)


def test_title_of_two_sentences_ending_in_a_full_stop():
    title = "Envoys meet over river water. No deal yet."
    page, body = _built_page(title)
    art = read_article(page)
    assert art["title"] == title
    assert art["text"] == "\n\n".join(body)
    # Without the share line the longer lede after it still marks the title.
    art = read_article(page.replace("Share this article\n\n", "", 1))
    assert art["title"] == title and art["lede"] == body[0]


def test_title_case_headline_with_full_stop_then_byline():
    art = read_article("Envoys Meet Over River Water.\n\nBy Jane Roe\n\nThey met.\n\nThey left.")
    assert art["title"] == "Envoys Meet Over River Water." and art["author"] == "Jane Roe"


def test_one_sentence_first_paragraph_ending_in_full_stop_is_a_lede():
    for page in ("The talks began.\n\nThey ended.",
                 "The envoys met on Tuesday.\n\nThey agreed to meet again after the harvest."):
        art = read_article(page)
        assert art["title"] == ""
        assert art["text"] == page


def test_folder_of_pages_loads_without_the_share_lines(tmp_path):
    from toolkit.corpus import load

    page, body = _built_page("Envoys meet over river water. No deal yet.")
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    corpus = load(tmp_path)
    assert corpus["title"].tolist() == ["Envoys meet over river water. No deal yet."]
    assert corpus["text"].tolist() == ["\n\n".join(body)]
    assert "Share this article" not in corpus["text"][0]
