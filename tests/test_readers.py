"""Readers: every input kind to ``{"id", "text"}`` records, and bad input as InputError naming the place."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from newsclean import InputError, read_documents
from newsclean.readers import expand_inputs


def read(*inputs, **kwargs) -> list[dict[str, str]]:
    return list(read_documents([str(p) for p in inputs], **kwargs))


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# -- .txt files and folders ----------------------------------------------------
def test_single_txt_is_one_record_with_its_name_as_id_and_text_unchanged(tmp_path):
    raw = "Headline\r\n\r\n  Body with \u201cquotes\u201d and\u00a0NBSP.\n\n"
    (tmp_path / "story.txt").write_bytes(raw.encode("utf-8"))
    assert read(tmp_path / "story.txt") == [{"id": "story.txt", "text": raw}]


def test_folder_of_txt_files_ids_are_relative_paths_in_sorted_order(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / ".git").mkdir()
    files = {
        "z.txt": "last",
        "a.txt": "first",
        "sub/c.txt": "in a subfolder",
        "sub/deeper/b.txt": "two levels down",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    # not articles: unsupported suffixes, hidden files and hidden folders
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (folder / ".git" / "HEAD.txt").write_text("hidden folder", encoding="utf-8")

    records = read(folder)
    assert [r["id"] for r in records] == ["a.txt", "sub/c.txt", "sub/deeper/b.txt", "z.txt"]
    assert {r["id"]: r["text"] for r in records} == files


def test_several_inputs_are_read_in_the_order_given(tmp_path):
    (tmp_path / "b.txt").write_text("bee", encoding="utf-8")
    (tmp_path / "a.txt").write_text("ay", encoding="utf-8")
    assert [r["text"] for r in read(tmp_path / "b.txt", tmp_path / "a.txt")] == ["bee", "ay"]


def test_a_single_path_string_is_accepted_not_iterated(tmp_path):
    (tmp_path / "one.txt").write_text("only", encoding="utf-8")
    assert list(read_documents(str(tmp_path / "one.txt"))) == [{"id": "one.txt", "text": "only"}]


def test_folder_with_record_files_prefixes_default_ids_with_the_relative_path(tmp_path):
    (tmp_path / "feeds").mkdir()
    write_jsonl(tmp_path / "feeds" / "day1.jsonl", [{"text": "one"}, {"text": "two", "id": "given"}])
    records = read(tmp_path)
    assert records == [{"id": "feeds/day1.jsonl:1", "text": "one"}, {"id": "given", "text": "two"}]


def test_utf8_bom_is_dropped(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfHello")
    (tmp_path / "bom.jsonl").write_bytes(b'\xef\xbb\xbf{"text": "from jsonl"}\n')
    (tmp_path / "bom.csv").write_bytes(b"\xef\xbb\xbftext,id\nfrom csv,c1\n")
    records = read(tmp_path / "bom.txt", tmp_path / "bom.jsonl", tmp_path / "bom.csv")
    assert records == [
        {"id": "bom.txt", "text": "Hello"},
        {"id": "bom.jsonl:1", "text": "from jsonl"},
        {"id": "c1", "text": "from csv"},
    ]
    assert all("\ufeff" not in r["text"] for r in records)


def test_encoding_errors_replace_decodes_with_replacement_character(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"abc\xa3def")
    (tmp_path / "bad.jsonl").write_bytes(b'{"text": "x\xffy"}\n')
    (tmp_path / "bad.csv").write_bytes(b"text\ncaf\xe9\n")
    records = read(tmp_path / "bad.txt", tmp_path / "bad.jsonl", tmp_path / "bad.csv", encoding_errors="replace")
    assert [r["text"] for r in records] == ["abc\ufffddef", "x\ufffdy", "caf\ufffd"]


# -- .jsonl ----------------------------------------------------------------------
def test_jsonl_ids_from_the_id_field_else_file_and_line_blank_lines_skipped(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"id": "r1", "text": "first"}\n'
        "\n"
        '{"text": "no id, line 3"}\n'
        "   \n"
        '{"id": 7, "text": "numeric id"}\r\n'
        '{"id": "", "text": "empty id, line 6"}\n'
        '{"id": null, "text": "null id, line 7", "extra": [1, 2]}',  # no final newline
        encoding="utf-8",
    )
    assert read(path) == [
        {"id": "r1", "text": "first"},
        {"id": "news.jsonl:3", "text": "no id, line 3"},
        {"id": "7", "text": "numeric id"},
        {"id": "news.jsonl:6", "text": "empty id, line 6"},
        {"id": "news.jsonl:7", "text": "null id, line 7"},
    ]


def test_jsonl_text_keeps_unicode_line_separators_and_escaped_newlines(tmp_path):
    # U+2028/U+0085 are line breaks to str.splitlines but not to JSON Lines: one record.
    text = "para one\u2028still one\u0085and\nmore \u201cquoted\u201d"
    path = write_jsonl(tmp_path / "odd.jsonl", [{"id": "a", "text": text}, {"id": "b", "text": "next"}])
    assert read(path) == [{"id": "a", "text": text}, {"id": "b", "text": "next"}]


# -- .csv ------------------------------------------------------------------------
def test_csv_quoted_field_with_embedded_newlines_is_one_record(tmp_path):
    path = tmp_path / "news.csv"
    rows = [
        {"id": "c1", "text": "Headline\n\nFirst paragraph, with a comma.\nSecond line \"quoted\".", "url": "u1"},
        {"id": "", "text": "no id here", "url": "u2"},
        {"id": "c3", "text": "\u201ccurly\u201d\r\nCRLF inside", "url": "u3"},
    ]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "text", "url"])
        writer.writeheader()
        writer.writerows(rows)
    assert read(path) == [
        {"id": "c1", "text": rows[0]["text"]},
        {"id": "news.csv:2", "text": "no id here"},
        {"id": "c3", "text": rows[2]["text"]},
    ]


# -- .parquet --------------------------------------------------------------------
def test_parquet_rows_with_ids_and_default_ids(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "news.parquet"
    table = pa.table({"id": ["p1", None, "p3"], "text": ["one \u201cq\u201d", "two", "three"], "n": [1, 2, 3]})
    pq.write_table(table, path, row_group_size=2)  # several row groups: row numbers run on
    assert read(path) == [
        {"id": "p1", "text": "one \u201cq\u201d"},
        {"id": "news.parquet:2", "text": "two"},
        {"id": "p3", "text": "three"},
    ]


# -- saved datasets ---------------------------------------------------------------
def test_folder_written_by_save_to_disk_is_read_as_a_dataset(tmp_path):
    from datasets import Dataset

    Dataset.from_dict({"id": ["d1", "d2"], "text": ["alpha", "beta"], "x": [1, 2]}).save_to_disk(str(tmp_path / "saved"))
    Dataset.from_dict({"text": ["no ids", "here"]}).save_to_disk(str(tmp_path / "noid"))
    assert read(tmp_path / "saved") == [{"id": "d1", "text": "alpha"}, {"id": "d2", "text": "beta"}]
    assert read(tmp_path / "noid") == [{"id": "noid:0", "text": "no ids"}, {"id": "noid:1", "text": "here"}]


# -- custom text_field / id_field ---------------------------------------------------
def _write_custom(kind: str, folder: Path) -> Path:
    rows = [{"key": "k1", "body": "body one", "text": "NOT THIS"}, {"key": "k2", "body": "body two", "text": "NOR THIS"}]
    if kind == "jsonl":
        return write_jsonl(folder / "custom.jsonl", rows)
    if kind == "csv":
        path = folder / "custom.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=["key", "body", "text"])
            writer.writeheader()
            writer.writerows(rows)
        return path
    if kind == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = folder / "custom.parquet"
        pq.write_table(pa.Table.from_pylist(rows), path)
        return path
    from datasets import Dataset

    path = folder / "custom_ds"
    Dataset.from_list(rows).save_to_disk(str(path))
    return path


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet", "saved"])
def test_custom_text_and_id_fields(tmp_path, kind):
    path = _write_custom(kind, tmp_path)
    assert read(path, text_field="body", id_field="key") == [
        {"id": "k1", "text": "body one"},
        {"id": "k2", "text": "body two"},
    ]


# -- bad input -------------------------------------------------------------------------
def assert_input_error(excinfo, *parts: str) -> str:
    message = str(excinfo.value)
    for part in parts:
        assert part in message, f"{part!r} not in {message!r}"
    return message


def test_invalid_utf8_in_txt_names_file_and_byte_offset(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"abc\xa3def")
    with pytest.raises(InputError) as excinfo:
        read(path)
    assert_input_error(excinfo, "latin1.txt", "byte 3")


def test_invalid_utf8_offset_counts_the_bom_and_names_the_line(tmp_path):
    path = tmp_path / "bom_then_bad.txt"
    path.write_bytes(b"\xef\xbb\xbfline one\nab\xa3")  # the bad byte is byte 14 of the file, on line 2
    with pytest.raises(InputError) as excinfo:
        read(path)
    message = assert_input_error(excinfo, "bom_then_bad.txt", "byte 14", "line 2")
    assert "byte 11" not in message


def test_invalid_utf8_in_jsonl_names_file_line_and_byte(tmp_path):
    path = tmp_path / "bad.jsonl"
    first = b'{"text": "fine"}\n'
    path.write_bytes(first + b'{"text": "bad \xe9 byte"}\n' + b'{"text": "never read"}\n')
    with pytest.raises(InputError) as excinfo:
        read(path)
    bad_at = len(first) + first.index(b"f") + len("bad ")  # offset of \xe9 in the file
    assert_input_error(excinfo, "bad.jsonl", "line 2", f"byte {bad_at}")


def test_invalid_utf8_on_first_jsonl_line_after_a_bom(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "\xff"}\n')
    with pytest.raises(InputError) as excinfo:
        read(path)
    assert_input_error(excinfo, "bom.jsonl", "line 1", "byte 13")


def test_malformed_json_line_names_the_line(tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text('{"text": "ok"}\n\n{"text": "unterminated}\n{"text": "after"}\n', encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read(path)
    message = assert_input_error(excinfo, "broken.jsonl", "line 3", "malformed JSON")
    assert "line 4" not in message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"body": "no text field", "id": "x"}', ["no 'text' field", "body"]),
        ('{"text": 42}', ["'text'", "int"]),
        ('{"text": null}', ["'text'", "NoneType"]),
        ('["text", "a list"]', ["list"]),
    ],
    ids=["missing", "int", "null", "not-an-object"],
)
def test_jsonl_record_without_a_string_text_names_file_and_line(tmp_path, line, expected):
    path = tmp_path / "records.jsonl"
    path.write_text('{"text": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read(path)
    assert_input_error(excinfo, "records.jsonl", "line 2", *expected)


def test_missing_text_field_uses_the_custom_field_name_in_the_message(tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", [{"text": "has text but no body"}])
    with pytest.raises(InputError) as excinfo:
        read(path, text_field="body")
    assert_input_error(excinfo, "r.jsonl", "line 1", "'body'")


def test_csv_row_with_too_many_fields_names_file_and_row(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text('id,text\na,"fine,\nmultiline"\nb,too,many\n', encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read(path)
    assert_input_error(excinfo, "wide.csv", "row 2", "more fields")


def test_csv_without_the_text_column_names_the_columns(tmp_path):
    path = tmp_path / "cols.csv"
    path.write_text("id,body\na,hello\n", encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read(path)
    assert_input_error(excinfo, "cols.csv", "row 1", "'text'", "body")


def test_invalid_utf8_in_csv_names_the_right_line_and_byte(tmp_path):
    # The bad byte sits far into the file: the error must name where it is, not where parsing was.
    good = "".join(f"r{i},line {i}\n" for i in range(300)).encode()
    path = tmp_path / "late.csv"
    path.write_bytes(b"id,text\n" + good + b"bad,caf\xe9\n")
    with pytest.raises(InputError) as excinfo:
        read(path)
    bad_at = len(b"id,text\n" + good) + len(b"bad,caf")
    assert_input_error(excinfo, "late.csv", f"byte {bad_at}", "line 302")


def test_parquet_without_the_text_column_names_the_row(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "p.parquet"
    pq.write_table(pa.table({"body": ["x"]}), path)
    with pytest.raises(InputError) as excinfo:
        read(path)
    assert_input_error(excinfo, "p.parquet", "row 1", "'text'")


def test_file_named_parquet_that_is_not_parquet(tmp_path):
    path = tmp_path / "fake.parquet"
    path.write_text("just text", encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read(path)
    assert_input_error(excinfo, "fake.parquet", "Parquet")


def test_saved_dataset_without_the_text_column_names_it(tmp_path):
    from datasets import Dataset

    Dataset.from_dict({"body": ["x"]}).save_to_disk(str(tmp_path / "saved"))
    with pytest.raises(InputError) as excinfo:
        read(tmp_path / "saved")
    assert_input_error(excinfo, "saved", "'text'", "body")


def test_empty_folder_is_an_error_naming_it(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError) as excinfo:
        read(tmp_path / "empty")
    assert_input_error(excinfo, "empty", "no supported file")


def test_folder_with_only_unsupported_or_hidden_files_is_an_error(tmp_path):
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "a.docx").write_bytes(b"PK")
    (folder / ".b.txt").write_text("hidden", encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read(folder)
    assert_input_error(excinfo, "junk")


def test_nonexistent_path_is_an_error_naming_it(tmp_path):
    with pytest.raises(InputError) as excinfo:
        read(tmp_path / "nowhere.txt")
    assert_input_error(excinfo, "nowhere.txt", "does not exist")


def test_unsupported_suffix_is_an_error_naming_it(tmp_path):
    path = tmp_path / "story.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError) as excinfo:
        read(path)
    assert_input_error(excinfo, "story.docx", ".docx")


def test_expand_inputs_fails_before_reading_anything(tmp_path):
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    with pytest.raises(InputError, match="missing"):
        expand_inputs([tmp_path / "ok.txt", tmp_path / "missing"])


def test_a_bad_record_after_good_ones_is_not_skipped(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "one"}\n{"text": "two"}\nnot json\n', encoding="utf-8")
    reader = read_documents([str(path)])
    assert next(reader)["text"] == "one"
    assert next(reader)["text"] == "two"
    with pytest.raises(InputError, match="line 3"):
        next(reader)
