"""Reading inputs: every good input read, every bad one named with its reason."""

import codecs
import io
import json
import os

import pytest

from natoiraq.reading.decoding import decode
from natoiraq.reading.inputs import filename_date, read_inputs
from natoiraq.reading.records import InputFailure, InputWarning, Record

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def items(*paths, stdin=None):
    return list(read_inputs([str(p) for p in paths], stdin=stdin))


def failures(found):
    return [str(i) for i in found if isinstance(i, InputFailure) and not isinstance(i, InputWarning)]


def records(found):
    return [i for i in found if isinstance(i, Record)]


@pytest.mark.parametrize("data, expected", [
    (b"NATO", "NATO"),
    (codecs.BOM_UTF8 + b"NATO", "NATO"),
    (codecs.BOM_UTF16_LE + "NATO \u2013 Irak".encode("utf-16-le"), "NATO \u2013 Irak"),
    (codecs.BOM_UTF16_BE + "NATO".encode("utf-16-be"), "NATO"),
    (b"line\r\nline\rline", "line\r\nline\rline"),
])
def test_decode(data, expected):
    assert decode(data) == (expected, None)


def test_decode_refuses_binary_and_replaces_bad_bytes():
    assert decode(PNG)[0] is None and "binary" in decode(PNG)[1]
    text, problem = decode(b"NATO \xff troops")
    assert text == "NATO \ufffd troops" and "invalid UTF-8 at byte 5" in problem


def test_bad_files_are_named_and_good_ones_still_read(tmp_path):
    (tmp_path / "good.txt").write_text("NATO has 500 trainers in Iraq.")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n")
    (tmp_path / "image.txt").write_bytes(PNG)
    (tmp_path / "ignored.csv").write_text("not an article")
    found = items(tmp_path, tmp_path / "missing.txt")
    assert [r.id for r in records(found)] == ["good.txt"]
    assert sorted(failures(found)) == sorted([
        f"{tmp_path}/blank.txt: file holds only whitespace",
        f"{tmp_path}/empty.txt: empty file",
        f"{tmp_path}/image.txt: binary file, not text (NUL bytes)",
        f"{tmp_path}/missing.txt: no such file or directory",
    ])


def test_invalid_utf8_is_read_with_a_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("NATO sent 300 soldats à Bagdad.".encode("latin-1"))
    found = items(path)
    assert len(records(found)) == 1
    assert [type(i) for i in found] == [InputWarning, Record]


def test_line_endings_are_kept_so_offsets_index_the_file(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title\r\n\r\nNATO has 500 trainers.\r\n")
    (record,) = records(items(path))
    assert record.text == "Title\r\n\r\nNATO has 500 trainers.\r\n"


def test_empty_directory_is_a_clear_failure(tmp_path):
    (message,) = failures(items(tmp_path))
    assert message.startswith(f"{tmp_path}: no articles found (looked for .txt, .md")
    assert all(suffix in message for suffix in (".html", ".rss", ".atom", ".jsonl"))


def test_symlink_loop_is_reported_not_followed_forever(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "article.txt").write_text("NATO has 500 trainers.")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    found = items(tmp_path)
    assert [r.id for r in records(found)] == ["a/article.txt"]
    assert any("symbolic link loop" in f for f in failures(found))


def test_names_with_spaces_and_non_ascii(tmp_path):
    path = tmp_path / "Bagdad déploiement 2021-02-16.txt"
    path.write_text("NATO has 500 trainers.")
    (record,) = records(items(tmp_path))
    assert record.id == "Bagdad déploiement 2021-02-16.txt"
    assert record.filename_date == "2021-02-16"


@pytest.mark.parametrize("name, expected", [
    ("2021-02-16-nato.txt", "2021-02-16"), ("nato_2015-06-23.md", "2015-06-23"),
    ("2021-02-30-nato.txt", None), ("nato.txt", None), ("120210-02-16.txt", None),
])
def test_filename_date(name, expected):
    assert filename_date(name) == expected


def test_jsonl_bad_lines_are_named_and_the_rest_is_read(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "NATO has 500 trainers.", "date": "2020-01-24", "source_site": "x"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "text": 42}),
        json.dumps({"id": "d", "text": "ok", "date": "last Tuesday"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"text": "Denmark will send 100 trainers.", "date": "2021-02-16T09:00:00Z"}),
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n")
    found = items(path)
    good = records(found)
    # no id: the path as given, and the line
    # an unreadable date costs the record its date, not its facts
    assert [(r.id, r.date) for r in good] == [("a", "2020-01-24"), ("d", None), (f"{path}:8", "2021-02-16")]
    assert good[0].meta == {"source_site": "x"}
    assert good[1].meta == {"date": "last Tuesday"}
    reasons = failures(found)
    assert reasons[0].startswith(f"{path}:2: malformed JSON")
    assert reasons[1:] == [
        f"{path}:3: record has no 'text' field",
        f"{path}:4: 'text' must be a string, got int",
        f"{path}:6: expected a JSON object per line, got list",
    ]
    (warning,) = [str(i) for i in found if isinstance(i, InputWarning)]
    assert warning.startswith(f"{path}:5: 'date': not a date") and "'last Tuesday'" in warning


def test_stdin_is_jsonl_when_it_is_jsonl_and_text_otherwise():
    jsonl = io.BytesIO(b'{"id": "x", "text": "NATO has 500 trainers."}\n')
    assert [r.id for r in records(items("-", stdin=jsonl))] == ["x"]
    text = io.BytesIO(b"{Braces} open this article about NATO.")
    (record,) = records(items("-", stdin=text))
    assert record.id == "stdin" and record.text.startswith("{Braces}")
