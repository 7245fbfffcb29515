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
