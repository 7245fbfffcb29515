"""Bad input: a clear error naming file and line, or a rejects table. Nothing disappears."""

import json

import pandas as pd
import pytest

import toolkit.corpus as tc
from toolkit.errors import DuplicateIdError, InputError, SchemaError, ToolkitWarning


def test_malformed_json_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": "ok"}\n{"id": "b", "text": \n{"id": "c", "text": "ok"}\n')
    with pytest.raises(InputError) as err:
        tc.load(path)
    assert err.value.line == 2 and str(path) in str(err.value)
    corpus = tc.load(path, errors="collect")
    rejects = tc.rejects(corpus)
    assert corpus["doc_id"].tolist() == ["a", "c"]
    assert rejects[["source_line"]].iloc[0, 0] == 2
    assert "malformed JSON" in rejects["error"].iloc[0]


def test_malformed_json_file_names_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('[\n{"text": "a"},\n{"text": }\n]')
    with pytest.raises(InputError) as err:
        tc.load(path)
    assert err.value.line == 3


def test_duplicate_ids_name_both_places(tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": "t"}) for i in ["x", "y", "x"]))
    with pytest.raises(DuplicateIdError) as err:
        tc.load(path)
    message = str(err.value)
    assert "line 1" in message and "line 3" in message and "'x'" in message
    corpus = tc.load(path, errors="collect")
    rejects = tc.rejects(corpus)
    assert corpus["doc_id"].tolist() == ["x", "y"]
    assert rejects["doc_id"].tolist() == ["x"]


def test_duplicate_ids_in_dataframe_validate():
    frame = tc.load(pd.DataFrame({"text": ["a", "b"]}))
    frame.loc[1, "doc_id"] = frame.loc[0, "doc_id"]
    with pytest.raises(DuplicateIdError):
        tc.validate(frame)


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "notext.csv"
    path.write_text("id,headline\n1,Hello\n")
    with pytest.raises(SchemaError) as err:
        tc.load(path)
    assert "notext.csv" in str(err.value) and "headline" in str(err.value)
    corpus = tc.load(path, errors="collect")
    rejects = tc.rejects(corpus)
    assert len(corpus) == 0 and len(rejects) == 1


def test_malformed_csv_row(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('id,text\n1,"fine"\n2,"too",many,fields\n3,"fine"\n')
    with pytest.raises(InputError) as err:
        tc.load(path)
    assert "rows.csv" in str(err.value) and "line 3" in str(err.value)
    corpus = tc.load(path, errors="collect")
    rejects = tc.rejects(corpus)
    assert corpus["doc_id"].tolist() == ["1", "3"]
    assert len(rejects) == 1


def test_non_utf8_file_is_decoded_and_recorded(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Title\n\nThe minister’s visit to Genève — a “success”.".encode("cp1252"))
    row = tc.load(path).iloc[0]
    assert row["text"] == "The minister’s visit to Genève — a “success”."
    assert row["encoding"] == "cp1252" and "encoding=cp1252" in row["notes"]


def test_undecodable_bytes_in_utf8_jsonl(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "a", "text": "Iran’s talks"}, ensure_ascii=False).encode()
    bad = b'{"id": "b", "text": "Caf\xe9 in Gen\xe8ve"}'
    path.write_bytes(good + b"\n" + bad + b"\n")
    corpus = tc.load(path)
    assert corpus["text"].tolist() == ["Iran’s talks", "Café in Genève"]
    assert corpus["encoding"].tolist() == ["utf-8", "cp1252"]


def test_bom_is_removed_and_flagged(tmp_path):
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfid,text\n1,Hello\n")
    corpus = tc.load(path)
    assert corpus.columns[0] == "doc_id" and corpus["doc_id"].tolist() == ["1"]
    assert corpus["encoding"].iloc[0] == "utf-8-sig"
    jpath = tmp_path / "bom.jsonl"
    jpath.write_bytes(b'\xef\xbb\xbf{"id": "z", "text": "Hi"}\n')
    assert "bom" in tc.load(jpath)["notes"].iloc[0]


def test_empty_file_kept_and_flagged(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "full.txt").write_text("Title\n\nBody.")
    corpus = tc.load(tmp_path)
    empty = corpus.set_index("doc_id").loc["empty"]
    assert empty["text"] == "" and "empty" in empty["notes"]
    assert len(corpus) == 2


def test_enormous_document(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 10_000_000)  # 50 MB
    with pytest.raises(InputError) as err:
        tc.load(path)
    assert "huge.txt" in str(err.value) and "max_chars" in str(err.value)
    corpus = tc.load(path, errors="collect")
    rejects = tc.rejects(corpus)
    assert len(corpus) == 0 and "max_chars" in rejects["error"].iloc[0]
    assert len(tc.load(path, max_chars=None, parse_pages=False)["text"].iloc[0]) == 49_999_999


def test_missing_file_and_unknown_format(tmp_path):
    with pytest.raises(InputError):
        tc.load(tmp_path / "nope.jsonl")
    (tmp_path / "a.xyz").write_text("x")
    with pytest.raises(InputError):
        tc.load(tmp_path / "a.xyz")
    assert tc.load(tmp_path / "a.xyz", format="txt")["text"].tolist() == ["x"]


def test_record_that_is_not_an_object(tmp_path):
    path = tmp_path / "list.jsonl"
    path.write_text('{"text": "a"}\n[1, 2]\n')
    corpus = tc.load(path, errors="collect")
    rejects = tc.rejects(corpus)
    assert len(corpus) == 1 and rejects["source_line"].tolist() == [2]


def test_duplicate_policies(tmp_path):
    path = tmp_path / "rep.jsonl"
    rows = [{"id": "x", "text": "same"}, {"id": "x", "text": "same"}, {"id": "y", "text": "a"},
            {"id": "y", "text": "b"}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    with pytest.raises(DuplicateIdError) as err:  # "y" differs: still an error
        tc.load(path, duplicates="drop_identical")
    assert "line 3" in str(err.value) and "line 4" in str(err.value)
    corpus = tc.load(path, duplicates="drop_identical", errors="collect")
    rejects = tc.rejects(corpus)
    assert corpus["doc_id"].tolist() == ["x", "y"]
    assert rejects["source_line"].tolist() == [2, 4]
    assert "identical text" in rejects["error"].iloc[0]
    renamed = tc.load(path, duplicates="rename")
    assert renamed["doc_id"].tolist() == ["x", "x#2", "y", "y#2"]
    assert renamed["notes"].iloc[1] == "renamed_from=x"


def test_identical_repeat_dropped_with_warning(tmp_path):
    path = tmp_path / "rep.jsonl"
    path.write_text('{"id": "x", "text": "same"}\n{"id": "x", "text": "same"}\n')
    with pytest.warns(ToolkitWarning, match="line 2"):
        corpus = tc.load(path, duplicates="drop_identical")
    assert len(corpus) == 1
