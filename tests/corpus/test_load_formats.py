"""Every supported source loads into the documented schema."""

import gzip
import json

import pandas as pd
import pytest

import toolkit.corpus as tc


def _check_schema(corpus):
    assert list(corpus.columns[: len(tc.SCHEMA)]) == list(tc.SCHEMA)
    tc.validate(corpus)


def test_allsides_corpus(shared_file):
    corpus = tc.load(shared_file("corpora", "allsides_middle_east.jsonl.gz"))
    _check_schema(corpus)
    assert len(corpus) == 1024
    assert corpus["doc_id"].is_unique
    # 97 articles lack a date in the source; every other one is parsed.
    assert corpus["date"].notna().sum() == 1024 - 97
    assert corpus["outlet"].notna().all()
    assert corpus["source_line"].tolist() == list(range(1, 1025))


def test_jsonl_plain_and_gz(tmp_path):
    rows = [{"id": "a", "title": "T", "text": "Iran.", "date": "2024-01-02", "topic": "x"},
            {"id": "b", "title": "U", "text": "Iraq.", "date": None, "topic": "y"}]
    body = "\n".join(json.dumps(r) for r in rows) + "\n"
    (tmp_path / "a.jsonl").write_text(body)
    with gzip.open(tmp_path / "b.jsonl.gz", "wt") as f:
        f.write(body.replace('"a"', '"c"').replace('"b"', '"d"'))
    corpus = tc.load(tmp_path / "*.jsonl*")
    _check_schema(corpus)
    assert corpus["doc_id"].tolist() == ["a", "b", "c", "d"]
    assert corpus["topic"].tolist() == ["x", "y", "x", "y"]  # user column kept
    assert corpus["date"].iloc[0] == pd.Timestamp("2024-01-02")
    assert pd.isna(corpus["date"].iloc[1])


def test_csv_with_column_mapping_and_tsv(tmp_path):
    pd.DataFrame({"art": ["1", "2"], "body": ["One.", "Two."], "when": ["2020-05-01", "x"]}).to_csv(
        tmp_path / "a.csv", index=False
    )
    corpus = tc.load(tmp_path / "a.csv", columns={"doc_id": "art", "date": "when"})
    assert corpus["doc_id"].tolist() == ["1", "2"]
    assert corpus["text"].tolist() == ["One.", "Two."]
    assert corpus["notes"].iloc[1] == "bad_date"  # unparseable date flagged, not hidden
    (tmp_path / "b.tsv").write_text("id\ttext\nx\tHello there.\n")
    assert tc.load(tmp_path / "b.tsv")["text"].tolist() == ["Hello there."]


def test_json_array_and_wrapped(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"id": "1", "text": "A."}]))
    (tmp_path / "b.json").write_text(json.dumps({"articles": [{"id": "2", "content": "B."}]}))
    corpus = tc.load([tmp_path / "a.json", tmp_path / "b.json"])
    assert corpus["text"].tolist() == ["A.", "B."]


def test_folder_of_text_pages(tmp_path, seed_raw):
    (tmp_path / "seed.txt").write_text(seed_raw, encoding="utf-8")
    (tmp_path / "other.txt").write_text("Short title\n\nBody text here.", encoding="utf-8")
    corpus = tc.load(tmp_path)
    _check_schema(corpus)
    seed = corpus.set_index("doc_id").loc["seed"]
    assert seed["author"] == tc.read_article(seed_raw)["author"]
    assert seed["author"] and seed["author"] in seed["boilerplate"]
    assert "Leave a Reply" in seed["boilerplate"] and "Leave a Reply" not in seed["text"]


def test_html_page(tmp_path):
    paragraph = "Iranian and Iraqi officials met in Baghdad to discuss border security. " * 4
    html = f"""<html><head><title>Border talks | Example News</title>
    <meta name="author" content="Jane Roe"><meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2024-02-03"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Border talks</h1>
    <p>{paragraph}</p><p>{paragraph}</p></article>
    <footer>Copyright Example News. All rights reserved.</footer></body></html>"""
    (tmp_path / "page.html").write_text(html)
    corpus = tc.load(tmp_path / "page.html")
    row = corpus.iloc[0]
    assert "officials met in Baghdad" in row["text"]
    assert "All rights reserved" not in row["text"]
    assert row["author"] == "Jane Roe"
    assert row["date"] == pd.Timestamp("2024-02-03")
    assert "html_extracted" in row["notes"]


def test_dataframe_passed_in_is_validated():
    frame = pd.DataFrame({"id": [1, 2], "body": ["a", None]})
    corpus = tc.load(frame)
    assert corpus["doc_id"].tolist() == ["1", "2"]
    assert corpus["notes"].tolist() == ["", "empty"]
    with pytest.raises(tc.SchemaError if hasattr(tc, "SchemaError") else ValueError):
        tc.load(pd.DataFrame({"headline": ["x"]}))


def test_iter_load_streams_in_chunks(shared_file):
    sizes = [len(c) for c in tc.iter_load(shared_file("corpora", "allsides_middle_east.jsonl.gz"),
                                          chunk_size=300)]
    assert sizes == [300, 300, 300, 124]
