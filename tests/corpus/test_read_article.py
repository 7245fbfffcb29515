"""read_article on the seed web page and on small pages."""

from toolkit.corpus import read_article


def test_seed_parts(seed_raw):
    art = read_article(seed_raw)
    title = "Iran and Iraq Strengthen Ties, Emphasize Shared Security and Cooperation"
    assert art["title"] == title
    assert art["original_source"] == "en.mehrnews.com"
    assert art["author"] == "Allegra Nguyen"


def test_seed_furniture_out_of_text_but_kept(seed_raw):
    art = read_article(seed_raw)
    for furniture in ("View all posts by", "Leave a Reply", "is an accomplished journalist",
                      "Original Source"):
        assert furniture not in art["text"]
        assert furniture in art["boilerplate"]
    assert art["title"] not in art["text"]
    # The lede opens the text; the body's last paragraph is still there.
    assert art["text"].startswith(art["lede"])
    assert art["lede"].startswith("Iran and Iraq reaffirmed")
    assert "shared responsibility towards the peace" in art["text"]


def test_seed_keeps_curly_quotes(seed_raw):
    art = read_article(seed_raw)
    assert "“The relations between the two countries" in art["text"]
    assert "Iran’s security" in art["text"]


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
