"""Hostile files (issue #10): a clear error naming file and line, or a reject; never a raw
Python error, never a record lost. Every file is made here, in ``tmp_path``."""

import gzip
import json
import os

import pandas as pd
import pytest

import toolkit.corpus as tc
import toolkit.corpus._readers as readers
from toolkit.errors import DuplicateIdError, InputError, SchemaError


def _jsonl(rows):
    return "".join(json.dumps(r) + "\n" for r in rows)


def _rows(n):
    # Varied text so that gzip cannot squeeze it into a few bytes.
    return [{"id": f"d{i}", "text": f"Article {i}: " + " ".join(str(i * k) for k in range(60))}
            for i in range(n)]


def _collect(path, **kwargs):
    corpus = tc.load(path, errors="collect", **kwargs)
    rejects = tc.rejects(corpus)
    return corpus, rejects


# --- raw Python errors become InputErrors naming file and line ----------------------------


def test_truncated_gzip(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress(_jsonl(_rows(400)).encode())
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(InputError) as err:
        tc.load(path)
    assert "cut.jsonl.gz" in str(err.value) and "truncated" in str(err.value)
    corpus, rejects = _collect(path)
    assert 0 < len(corpus) < 400 and len(rejects) == 1
    assert corpus["doc_id"].tolist() == [f"d{i}" for i in range(len(corpus))]
    assert rejects["source_line"].iloc[0] == len(corpus) + 1
    assert f"line {len(corpus) + 1} on" in rejects["error"].iloc[0]
    assert err.value.line == len(corpus) + 1


def test_gz_that_is_not_gzip(tmp_path):
    path = tmp_path / "plain.csv.gz"
    path.write_text("id,text\n1,Hello\n")
    with pytest.raises(InputError) as err:
        tc.load(path)
    assert "plain.csv.gz" in str(err.value) and "not a gzip file" in str(err.value)
    corpus, rejects = _collect(path)
    assert len(corpus) == 0 and rejects["source_file"].tolist() == [str(path)]


def test_deeply_nested_json_line(tmp_path):
    path = tmp_path / "deep.jsonl"
    deep = '{"id": "x", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path.write_text(_jsonl([{"id": "a", "text": "ok"}]) + deep + "\n" + _jsonl([{"text": "b"}]))
    with pytest.raises(InputError) as err:
        tc.load(path)
    assert err.value.line == 2 and "nested too deeply" in str(err.value)
    corpus, rejects = _collect(path)
    assert corpus["doc_id"].tolist() == ["a", "deep:3"]
    assert rejects["source_line"].tolist() == [2]
    whole = tmp_path / "deep.json"
    whole.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputError, match="deep.json.*nested too deeply"):
        tc.load(whole)


def test_integer_id_of_5000_digits(tmp_path):
    digits = "7" * 5000
    path = tmp_path / "bigint.jsonl"
    path.write_text('{"id": ' + digits + ', "text": "t", "count": ' + digits + "}\n")
    corpus = tc.load(path)
    assert corpus["doc_id"].tolist() == [digits]
    assert corpus["count"].tolist() == [digits]


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.jsonl"
    path.write_text(_jsonl([{"text": "a"}]))
    path.chmod(0)
    if os.access(path, os.R_OK):  # running as root: permissions are not enforced
        real_open = open

        def forbidden(file, *args, **kwargs):
            if os.fspath(file) == str(path):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(readers, "open", forbidden, raising=False)
    try:
        with pytest.raises(InputError) as err:
            tc.load(path)
        assert "secret.jsonl" in str(err.value) and "permission denied" in str(err.value)
        corpus, rejects = _collect(path)
        assert len(corpus) == 0 and "permission denied" in rejects["error"].iloc[0]
    finally:
        path.chmod(0o644)


def test_lone_surrogate_with_collect(tmp_path):
    path = tmp_path / "sur.jsonl"
    path.write_text('{"id": "a", "title": "T \\udc80", "text": "x \\ud800 y", "tag": "\\udfff"}\n'
                    '{"id": "b", "text": "fine"}\n')
    corpus, rejects = _collect(path)
    assert len(corpus) == 2 and len(rejects) == 0
    row = corpus.iloc[0]
    assert row["text"] == "x \ufffd y" and row["title"] == "T \ufffd" and row["tag"] == "\ufffd"
    assert "replacement_chars" in row["notes"]
    corpus.to_csv(tmp_path / "out.csv", encoding="utf-8")  # raised UnicodeEncodeError before


# --- records that were lost without a trace -------------------------------------------


def test_jsonl_with_cr_only_and_mixed_line_ends(tmp_path):
    path = tmp_path / "cr.jsonl"
    path.write_bytes(b'{"id": "a", "text": "1"}\r{"id": "b", "text": "2"}\r'
                     b'{"id": "c", "text": "3"}\r')
    corpus = tc.load(path)
    assert corpus["doc_id"].tolist() == ["a", "b", "c"]
    assert corpus["source_line"].tolist() == [1, 2, 3]
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(b'{"text": "1"}\r\n{"text": "2"}\r{"text": "3"}\n\r{"text": }\r\n')
    corpus, rejects = _collect(mixed)
    assert corpus["source_line"].tolist() == [1, 2, 3]
    assert rejects["source_line"].tolist() == [5]


def test_csv_with_unclosed_quote(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('id,text\n1,fine\n2,also fine\n3,"broken\n4,lost\n5,lost\n')
    with pytest.raises(InputError) as err:
        tc.load(path)
    assert "quote.csv" in str(err.value) and err.value.line == 4
    assert "unclosed quote" in str(err.value)
    corpus, rejects = _collect(path)
    assert corpus["doc_id"].tolist() == ["1", "2"]
    assert rejects["source_line"].tolist() == [4]
    assert "line 4" in rejects["error"].iloc[0] and "4,lost" in rejects["raw"].iloc[0]


def test_semicolon_and_pipe_separated_csv(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("id;title;text\n1;A, B;Iran, Iraq and Syria.\n2;C;Gaza.\n")
    corpus = tc.load(path)
    assert corpus["doc_id"].tolist() == ["1", "2"]
    assert corpus["title"].tolist() == ["A, B", "C"]
    assert corpus["text"].tolist() == ["Iran, Iraq and Syria.", "Gaza."]
    pipe = tmp_path / "pipe.csv"
    pipe.write_text("id|text\n1|Hello, there.\n")
    assert tc.load(pipe)["text"].tolist() == ["Hello, there."]
    forced = tc.rejects(tc.load(path, delimiter=",", errors="collect"))
    assert len(forced) == 1 and "delimiter=" in forced["error"].iloc[0]


def test_one_column_csv_error_says_which_option(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("id:headline:body\n1:A:B\n")
    with pytest.raises(SchemaError, match="delimiter="):
        tc.load(path)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_csv_without_bom(tmp_path, codec):
    path = tmp_path / "wide.csv"
    path.write_bytes("id,text\n1,Iran’s minister\n2,Genève talks\n".encode(codec))
    corpus = tc.load(path)
    assert corpus["text"].tolist() == ["Iran’s minister", "Genève talks"]
    assert corpus["encoding"].tolist() == [codec, codec]


def test_tsv_with_quote_characters(tmp_path):
    path = tmp_path / "quotes.tsv"
    path.write_text('id\ttext\n1\t"Yes," he said.\n2\tHe said "no.\n3\t"Fine\n')
    corpus, rejects = _collect(path)
    assert corpus["text"].tolist() == ['"Yes," he said.', 'He said "no.', '"Fine']
    assert corpus["source_line"].tolist() == [2, 3, 4] and len(rejects) == 0
    quoted = tmp_path / "quoted.tsv"  # a TSV written with CSV quoting stays readable
    pd.DataFrame({"id": ["a"], "text": ['He said "hi"\nthen left']}).to_csv(
        quoted, sep="\t", index=False)
    assert tc.load(quoted)["text"].tolist() == ['He said "hi"\nthen left']


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 7])
def test_iter_load_gives_what_load_gives(tmp_path, chunk_size):
    frame = pd.DataFrame({"id": [1, None, 3, None, 1, None, 7],
                          "text": ["a", "b", "c", "d", "dup", "f", "g"]})
    corpus = tc.load(frame, errors="collect")
    rejects = tc.rejects(corpus)
    pairs = list(tc.iter_load(frame, chunk_size=chunk_size, errors="collect"))
    chunks = pd.concat(pairs, ignore_index=True)
    chunk_rejects = pd.concat([tc.rejects(c) for c in pairs], ignore_index=True)
    pd.testing.assert_frame_equal(chunks, corpus)
    pd.testing.assert_frame_equal(chunk_rejects, rejects)
    assert len(corpus) + len(rejects) == len(frame)
    assert rejects["source_line"].tolist() == [5]
    clean = frame.drop(index=4)
    pd.testing.assert_frame_equal(
        pd.concat(tc.iter_load(clean, chunk_size=chunk_size), ignore_index=True), tc.load(clean))


# --- text misread without a note ------------------------------------------------------


def test_utf16_text_without_bom(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Title\n\nThe minister’s visit to Genève.".encode("utf-16-le"))
    row = tc.load(path).iloc[0]
    assert row["text"] == "The minister’s visit to Genève."
    assert row["encoding"] == "utf-16-le" and "encoding=utf-16-le" in row["notes"]


def test_koi8r_text(tmp_path):
    body = "Министр иностранных дел России прибыл в Тегеран для переговоров о ядерной сделке."
    path = tmp_path / "ru.txt"
    path.write_bytes(("Заголовок\n\n" + body).encode("koi8_r"))
    row = tc.load(path).iloc[0]
    assert row["text"] == body and row["encoding"] == "koi8_r"
    short = tmp_path / "short.txt"  # too short to tell: decoded, but said to be uncertain
    short.write_bytes("Тегеран.".encode("koi8_r"))
    row = tc.load(short, parse_pages=False).iloc[0]
    assert "encoding_uncertain" in row["notes"]
    assert tc.load(short, parse_pages=False, encoding="koi8_r")["text"].iloc[0] == "Тегеран."


# --- ids ------------------------------------------------------------------------------


def test_missing_ids_are_generated_from_file_and_line(tmp_path):
    path = tmp_path / "noid.jsonl"
    path.write_text(_jsonl([{"text": "a"}, {"id": None, "text": "b"}, {"id": "", "text": "c"},
                            {"id": "k", "text": "d"}]))
    corpus = tc.load(path)
    assert corpus["doc_id"].tolist() == ["noid:1", "noid:2", "noid:3", "k"]
    csv_path = tmp_path / "noid.csv"
    csv_path.write_text("id,text\n,a\n,b\n")
    assert tc.load(csv_path)["doc_id"].tolist() == ["noid:2", "noid:3"]
    frame = tc.load(pd.DataFrame({"id": [float("nan"), None], "text": ["a", "b"]}))
    assert "nan" not in frame["doc_id"].tolist() and frame["doc_id"].is_unique


def test_integer_ids_stay_integers_next_to_missing(tmp_path):
    frame = pd.DataFrame({"id": [1, None, 30], "text": ["a", "b", "c"]})
    assert tc.load(frame)["doc_id"].tolist() == ["1", "row:2", "30"]
    path = tmp_path / "ids.csv"
    path.write_text("id,text\n007,a\n,b\n1.0,c\n")
    assert tc.load(path)["doc_id"].tolist() == ["007", "ids:3", "1.0"]  # CSV ids are text


def test_json_number_and_string_ids_are_the_same_id(tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text('{"id": 1, "text": "a"}\n{"id": "1", "text": "b"}\n')
    with pytest.raises(DuplicateIdError) as err:
        tc.load(path)
    assert "line 1" in str(err.value) and "line 2" in str(err.value)


@pytest.mark.parametrize("chunk_size", [1, 2, 5])
def test_rows_in_equal_rows_out_plus_rejects_for_files(tmp_path, chunk_size):
    (tmp_path / "a.csv").write_text('id,text\n1,ok\n2,"too",many\n,no id\n4,"open\n5,lost\n')
    (tmp_path / "b.jsonl").write_bytes(b'{"text": "x"}\r{"text": }\r\n{"id": "1", "text": "y"}\n')
    whole = gzip.compress(_jsonl(_rows(300)).encode())
    (tmp_path / "c.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    corpus = tc.load(tmp_path, errors="collect")
    rejects = tc.rejects(corpus)
    pairs = list(tc.iter_load(tmp_path, chunk_size=chunk_size, errors="collect"))
    pd.testing.assert_frame_equal(pd.concat(pairs, ignore_index=True), corpus)
    chunk_rejects = pd.concat([tc.rejects(c) for c in pairs], ignore_index=True)
    pd.testing.assert_frame_equal(chunk_rejects, rejects)
    # a.csv: 5 records (2 rows, a field-count reject, an unclosed-quote reject for the rest);
    # b.jsonl: 3 records (1 row, 1 malformed, 1 duplicate of a.csv's "1"); c: rows + 1 reject.
    per_file = corpus.groupby("source_file").size().add(
        rejects.groupby("source_file").size(), fill_value=0)
    assert per_file[str(tmp_path / "a.csv")] == 4 and per_file[str(tmp_path / "b.jsonl")] == 3
    assert rejects["source_line"].notna().all()
    assert len(corpus[corpus["source_file"].str.endswith("c.jsonl.gz")]) > 0


def test_short_csv_row_is_kept_and_noted(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("id,text,author\n1,Hello,Ann\n2,Bye\n")
    corpus = tc.load(path)
    assert corpus["text"].tolist() == ["Hello", "Bye"]
    assert corpus["notes"].tolist() == ["", "missing_fields"]
    assert corpus["author"].iloc[0] == "Ann" and pd.isna(corpus["author"].iloc[1])


def test_unknown_encoding_option_names_file(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,text\n1,a\n")
    with pytest.raises(InputError, match="x.csv.*unknown encoding 'nope'"):
        tc.load(path, encoding="nope")
