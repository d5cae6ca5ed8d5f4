"""Reading import files: format, encoding, delimiter, line numbers, bad files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from wedsync_desktop import jsondoc
from wedsync_desktop.importers.json_stream import ArraySplitter
from wedsync_desktop.importers.readers import (
    FORMAT_CSV,
    FORMAT_JSON,
    FORMAT_JSONL,
    ImportFileError,
    SourceFile,
    SourceItem,
    SourceRow,
    SourceSkip,
    detect_layout,
)

CASES = Path(__file__).parent / "cases" / "import"


def read_all(path: Path) -> tuple[tuple[str, ...], list[SourceItem]]:
    layout = detect_layout(path)
    with SourceFile(path, layout) as source:
        return source.headers, list(source.items())


def rows_of(items: list[SourceItem]) -> list[SourceRow]:
    return [item for item in items if isinstance(item, SourceRow)]


def skips_of(items: list[SourceItem]) -> list[SourceSkip]:
    return [item for item in items if isinstance(item, SourceSkip)]


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


# The handed case files


def test_excel_csv_layout() -> None:
    layout = detect_layout(CASES / "suppliers_excel.csv")
    assert layout.file_format == FORMAT_CSV
    assert layout.encoding == "utf-8-sig"
    assert layout.delimiter == ","


def test_excel_csv_rows_and_lines() -> None:
    headers, items = read_all(CASES / "suppliers_excel.csv")
    assert headers[0] == "Business Name"
    assert len(headers) == 8
    rows = rows_of(items)
    assert [row.line for row in rows] == [2, 3, 5, 6, 7]
    assert rows[1].values["Notes"] == "Capacity 120,\nexclusive use at weekends"
    assert rows[0].values["Notes"] == 'Peonies in season; "no plastic" policy'
    assert rows[2].values["Business Name"] == "Łukasz Nowak Photography"
    assert rows[2].values["Contact Email"] == ""


def test_cp1252_csv_layout_and_text() -> None:
    layout = detect_layout(CASES / "suppliers_cp1252_semicolon.csv")
    assert layout.encoding == "cp1252"
    assert layout.delimiter == ";"
    _headers, items = read_all(CASES / "suppliers_cp1252_semicolon.csv")
    rows = rows_of(items)
    assert rows[0].values["Business Name"] == "Fleur d'Été Floristry"
    assert rows[1].values["Business Name"] == "Café Crème Catering"
    assert rows[1].values["Notes"] == "Menus from £45 per head; canapés"
    assert rows[0].values["Price Range"] == "££"


def test_directory_jsonl_rows() -> None:
    layout = detect_layout(CASES / "directory.jsonl")
    assert layout.file_format == FORMAT_JSONL
    headers, items = read_all(CASES / "directory.jsonl")
    assert headers == ()
    rows = rows_of(items)
    assert [row.line for row in rows] == [1, 2, 3]
    assert rows[0].values["stars"] == jsondoc.JsonNumber("4.5")
    assert rows[0].values["hours"] is None
    assert rows[1].values["city"] == "Überlingen"
    assert rows[2].values["city"] == "Tromsø"


# CSV details


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_delimiter_detected(tmp_path: Path, delimiter: str) -> None:
    lines = [
        ["Business Name", "Category", "Town", "Notes"],
        ["Petals, Ltd", "Florist", "York", "Roses; peonies | tulips"],
        ["Barn Owl", "Venue", "Ripon", "Seats 80"],
    ]
    text = "\r\n".join(
        delimiter.join(
            f'"{cell}"' if any(d in cell for d in ",;|") else cell for cell in line
        )
        for line in lines
    )
    path = write(tmp_path, "list.csv", text.encode())
    assert detect_layout(path).delimiter == delimiter
    headers, items = read_all(path)
    assert headers == ("Business Name", "Category", "Town", "Notes")
    assert rows_of(items)[0].values["Business Name"] == "Petals, Ltd"


def test_csv_sep_line_sets_delimiter(tmp_path: Path) -> None:
    path = write(tmp_path, "excel.csv", b"sep=;\r\nName;Town\r\nA, B;York\r\n")
    layout = detect_layout(path)
    assert layout.delimiter == ";"
    headers, items = read_all(path)
    assert headers == ("Name", "Town")
    assert rows_of(items)[0].line == 3
    assert rows_of(items)[0].values == {"Name": "A, B", "Town": "York"}


def test_csv_lines_after_multiline_field(tmp_path: Path) -> None:
    content = (
        "Name,Notes\r\n"
        'One,"first\r\nsecond\r\nthird"\r\n'
        "\r\n"
        "Two,plain\r\n"
        ",,\r\n"
        'Three,"a\nb"\r\n'
        "Four,end"
    )
    path = write(tmp_path, "multi.csv", content.encode())
    _headers, items = read_all(path)
    rows = rows_of(items)
    assert [row.line for row in rows] == [2, 6, 8, 10]
    assert rows[0].values["Notes"] == "first\r\nsecond\r\nthird"
    assert rows[3].values["Name"] == "Four"


def test_csv_blank_and_repeated_headers(tmp_path: Path) -> None:
    path = write(tmp_path, "dupes.csv", b"Name,,Notes,Notes\r\nA,x,n1,n2,extra\r\n")
    headers, items = read_all(path)
    assert headers == ("Name", "column 2", "Notes", "Notes (2)")
    assert rows_of(items)[0].values == {
        "Name": "A",
        "column 2": "x",
        "Notes": "n1",
        "Notes (2)": "n2",
        "column 5": "extra",
    }


def test_csv_short_row_keeps_present_values(tmp_path: Path) -> None:
    path = write(tmp_path, "short.csv", b"Name,Town,Postcode\nA,York\n")
    _headers, items = read_all(path)
    assert rows_of(items)[0].values == {"Name": "A", "Town": "York"}


def test_csv_unclosed_quote_names_line(tmp_path: Path) -> None:
    path = write(tmp_path, "open.csv", b'Name,Notes\nA,ok\nB,"never closed\nC,x\n')
    layout = detect_layout(path)
    with SourceFile(path, layout) as source, pytest.raises(ImportFileError) as caught:
        list(source.items())
    message = str(caught.value)
    assert "open.csv" in message
    assert "line 3" in message
    assert "not closed" in message


def test_csv_utf16_tab_file(tmp_path: Path) -> None:
    text = "Business Name\tTown\r\nŁukasz Foto\tKraków\r\n"
    path = write(
        tmp_path, "unicode.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    )
    layout = detect_layout(path)
    assert layout.encoding == "utf-16"
    assert layout.delimiter == "\t"
    _headers, items = read_all(path)
    assert rows_of(items)[0].values == {
        "Business Name": "Łukasz Foto",
        "Town": "Kraków",
    }


def test_csv_single_column(tmp_path: Path) -> None:
    path = write(tmp_path, "names.csv", b"Business Name\nAlpha\nBeta\n")
    headers, items = read_all(path)
    assert headers == ("Business Name",)
    assert [row.values["Business Name"] for row in rows_of(items)] == ["Alpha", "Beta"]


# JSON details


def test_json_array_lines_of_elements(tmp_path: Path) -> None:
    content = (
        "[\n"
        '  {"name": "A",\n'
        '   "note": "has } and ] and \\" inside"},\n'
        '  {"name": "B", "n": 12345678901234567890123},\n'
        "  42,\n"
        '  {"name": "C", "name": "dup"},\n'
        '\n  {\n    "name": "D"\n  }\n'
        "]\n"
    )
    path = write(tmp_path, "list.json", content.encode())
    assert detect_layout(path).file_format == FORMAT_JSON
    _headers, items = read_all(path)
    rows = rows_of(items)
    assert [(row.line, row.values["name"]) for row in rows] == [
        (2, "A"),
        (4, "B"),
        (8, "D"),
    ]
    assert rows[0].values["note"] == 'has } and ] and " inside'
    assert rows[1].values["n"] == jsondoc.JsonNumber("12345678901234567890123")
    skips = skips_of(items)
    assert [skip.line for skip in skips] == [5, 6]
    assert "a number" in skips[0].reason
    assert "name" in skips[1].reason


def test_json_array_split_is_independent_of_chunks() -> None:
    text = (
        '[{"a": "x\\\\", "b": [1, {"c": "]"}]},\n'
        ' {"d": "line\\nbreak \\"q\\" \\u005d"}, "s", [1,2] ,\n'
        "{}]"
    )
    whole = ArraySplitter().feed(text)
    splitter = ArraySplitter()
    pieces = [part for char in text for part in splitter.feed(char)]
    assert pieces == whole
    assert [line for line, _text in whole] == [1, 2, 2, 2, 3]
    assert whole[0][1] == '{"a": "x\\\\", "b": [1, {"c": "]"}]}'


def test_json_array_cut_short(tmp_path: Path) -> None:
    path = write(tmp_path, "cut.json", b'[{"name": "A"},\n{"name": "B", "to')
    _headers, items = read_all(path)
    assert [row.values["name"] for row in rows_of(items)] == ["A"]
    skips = skips_of(items)
    assert len(skips) == 1
    assert skips[0].line == 2


def test_json_array_trailing_text_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "extra.json", b'[{"name": "A"}]\n\n{"name": "B"}\n')
    _headers, items = read_all(path)
    assert len(rows_of(items)) == 1
    assert skips_of(items)[0].line == 3


def test_jsonl_bad_lines_are_skipped_with_line(tmp_path: Path) -> None:
    content = (
        '{"name": "A"}\n'
        '{"name": "B", }\n'
        "\n"
        '["not", "an", "object"]\n'
        '{"name": "C", "score": NaN}\n'
        '{"name": "D"}\r\n'
    )
    path = write(tmp_path, "dir.jsonl", content.encode())
    _headers, items = read_all(path)
    assert [(row.line, row.values["name"]) for row in rows_of(items)] == [
        (1, "A"),
        (6, "D"),
    ]
    skips = skips_of(items)
    assert [skip.line for skip in skips] == [2, 4, 5]
    assert "column" in skips[0].reason
    assert "an array" in skips[1].reason
    assert "NaN" in skips[2].reason


def test_json_object_over_several_lines_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "one.json", b'{\n  "suppliers": []\n}\n')
    with pytest.raises(ImportFileError, match=r"one\.json.*JSON array"):
        detect_layout(path)


# Files that cannot be imported


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.csv", b"", "empty"),
        ("blank.csv", b"\r\n  \r\n", "only blank lines"),
        ("bom_only.csv", codecs.BOM_UTF8 + b"\n", "only blank lines"),
        ("binary.csv", b"Name,Town\n\x00\x01\x02\x03binary", "binary data"),
        ("later_nul.csv", b"Name\n" + b"A\n" * 40000 + b"B\x00\n", "line 40002"),
        ("book.xlsx", b"PK\x03\x04rest of a zip", "Excel"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1....", ".xls"),
        ("report.csv", b"%PDF-1.7 ...", "PDF"),
        ("controls.csv", bytes(range(1, 9)) * 20, "binary data"),
    ],
)
def test_unreadable_file_is_rejected(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(ImportFileError) as caught:
        detect_layout(path)
    message = str(caught.value)
    assert message.startswith(f"{name} cannot be imported:")
    assert expected in message


def test_bytes_neither_utf8_nor_cp1252_are_rejected(tmp_path: Path) -> None:
    # 0xE9 is invalid UTF-8 here, and cp1252 leaves 0x81 undefined.
    content = b"Name,Town\r\nCaf\xe9,Bath\r\nBad\x81Byte,York\r\n"
    path = write(tmp_path, "mixed.csv", content)
    with pytest.raises(ImportFileError) as caught:
        detect_layout(path)
    message = str(caught.value)
    assert "0xE9 on line 2 is not valid UTF-8" in message
    assert "0x81 on line 3 is not valid Windows-1252" in message
    assert "CSV UTF-8" in message


def test_bom_with_invalid_utf8_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.csv", codecs.BOM_UTF8 + b"Name\nCaf\xe9\n")
    with pytest.raises(ImportFileError, match=r"byte order mark.*line 2"):
        detect_layout(path)


def test_invalid_utf8_across_chunk_boundary_is_cp1252(tmp_path: Path) -> None:
    # A valid UTF-8 prefix larger than one read chunk, then a cp1252 byte.
    content = b"Name\n" + ("Zoë\n" * 300_000).encode() + b"Caf\xe9\n"
    path = write(tmp_path, "late.csv", content)
    assert detect_layout(path).encoding == "cp1252"


def test_header_without_rows_reads_no_items(tmp_path: Path) -> None:
    path = write(tmp_path, "header.csv", b"Business Name,Town\r\n")
    headers, items = read_all(path)
    assert headers == ("Business Name", "Town")
    assert items == []


def test_csv_without_header_row_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, "commas.csv", b",,\r\n,,\r\n")
    with pytest.raises(ImportFileError, match="no header row"):
        SourceFile(path, detect_layout(path))
