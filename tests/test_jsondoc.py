"""Tests of the strict JSON layer: case files, hard cases and serialization."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTEST_QT_API", "pyside6")

import codecs
import json
import logging
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

from wedsync_desktop.jsondoc import (
    MAX_DEPTH,
    MAX_DOCUMENT_BYTES,
    JsonDocumentError,
    JsonNumber,
    JsonProblem,
    decode_bytes,
    dumps,
    format_document,
    format_path,
    parse_document,
    strip_bom,
    validate_document,
)
from wedsync_desktop.jsondoc._fast import (
    _FastPathFailed,
    _parse_fast,
    _problem_from_decode_error,
)

CASES = Path(__file__).parent / "cases" / "json"


def case_text(name: str) -> str:
    return decode_bytes((CASES / name).read_bytes())


def problem_of(text: str) -> JsonProblem:
    problem = validate_document(text)
    assert problem is not None, "expected the document to be rejected"
    return problem


def make_realistic_document(target_bytes: int) -> str:
    """Return a data payload of about target_bytes: portfolio entries, one a line.

    Each entry has exact decimals, a 23-digit integer, non-ASCII text, an emoji,
    escapes and a nested array of objects, like the web app's portfolio data.
    """
    entries: list[str] = []
    size = 0
    while size < target_bytes:
        index = len(entries)
        entry = (
            f'{{"id": "c0a8{index:028x}", "title": "Hall {index} – café & garden '
            f'💍", "price_from": {1000 + index % 997}.50, "deposit_rate": 0.1, '
            f'"guests": {index % 300}, "booked": {str(index % 2 == 0).lower()}, '
            f'"ref": 12345678901234567890{index % 1000:03d}, "notes": null, '
            f'"tags": ["outdoor", "summer", "\\u00e9t\\u00e9"], "slots": [{{"day": '
            f'"2027-06-{index % 28 + 1:02d}", "from": "09:00", "to": "17:00"}}]}}'
        )
        entries.append(entry)
        size += len(entry.encode("utf-8")) + 2
    return '{"portfolio": [\n' + ",\n".join(entries) + '\n], "version": 1}\n'


# The case files


def test_big_int_keeps_every_digit() -> None:
    text = case_text("big_int.json")
    value = parse_document(text)
    assert value["guest_budget_pence"] == JsonNumber("12345678901234567890123")
    assert value["booking_ref"] == JsonNumber("9007199254740993")
    assert value["booking_ref"].to_decimal() == Decimal(9007199254740993)
    assert format_document(text) == text
    assert "12345678901234567890123" in dumps(value)


def test_exact_decimal_keeps_number_text() -> None:
    text = case_text("exact_decimal.json")
    value = parse_document(text)
    texts = {key: number.text for key, number in value.items()}
    assert texts == {
        "deposit_rate": "0.1",
        "price_from": "1250.50",
        "tiny": "1e-7",
        "huge": "1e400",
    }
    assert value["huge"].to_decimal() == Decimal(10) ** 400
    assert value["tiny"].to_decimal() == Decimal("0.0000001")
    assert format_document(text) == text
    assert "Infinity" not in dumps(value)


def test_duplicate_key_points_at_second() -> None:
    problem = problem_of(case_text("duplicate_key.json"))
    assert 'Duplicate key "packages"' in problem.message
    assert "line 2" in problem.message
    assert problem.line == 4
    assert problem.column == 3
    assert problem.path == ("packages",)
    assert "Remove or rename" in problem.hint


def test_nan_rejected_at_its_position() -> None:
    problem = problem_of(case_text("nan.json"))
    assert "NaN" in problem.message
    assert (problem.line, problem.column) == (2, 22)
    assert problem.path == ("commission_rate",)
    assert "null" in problem.hint


def test_nul_char_names_the_key() -> None:
    problem = problem_of(case_text("nul_char.json"))
    assert '"notes"' in problem.message
    assert "\\u0000" in problem.message
    assert "PostgreSQL" in problem.message
    assert (problem.line, problem.column) == (2, 25)
    assert problem.path == ("notes",)


def test_lone_surrogate_rejected() -> None:
    problem = problem_of(case_text("lone_surrogate.json"))
    assert "\\ud83d" in problem.message
    assert "surrogate" in problem.message
    assert (problem.line, problem.column) == (2, 21)
    assert problem.path == ("tagline",)


def test_surrogate_pair_decodes_to_emoji() -> None:
    value = parse_document(case_text("surrogate_pair.json"))
    assert value == {"tagline": "rings 💍 and flowers 🌸"}
    assert dumps(value) == '{"tagline":"rings 💍 and flowers 🌸"}'


def test_top_level_array_rejected() -> None:
    problem = problem_of(case_text("top_level_array.json"))
    assert "must be a JSON object" in problem.message
    assert "array" in problem.message
    assert (problem.line, problem.column, problem.offset) == (1, 1, 0)
    assert problem.path == ()


def test_trailing_comma_points_at_comma() -> None:
    text = case_text("trailing_comma.json")
    problem = problem_of(text)
    assert "Trailing comma" in problem.message
    assert (problem.line, problem.column) == (2, 38)
    assert text[problem.offset] == ","
    assert problem.path == ("features",)
    assert "Remove the comma" in problem.hint


def test_empty_document_hints_at_braces() -> None:
    problem = problem_of(case_text("empty.json"))
    assert "empty" in problem.message
    assert "{}" in problem.hint
    assert "no settings" in problem.hint
    assert problem_of(" \n\t ").message == problem.message


def test_bom_is_not_part_of_value() -> None:
    raw = (CASES / "bom.json").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    text = decode_bytes(raw)
    assert not text.startswith("\ufeff")
    expected = {"availability": {"2027-06-12": "booked"}}
    assert parse_document(text) == expected
    assert parse_document(raw.decode("utf-8")) == expected
    assert strip_bom(raw.decode("utf-8")) == text


def test_deep_nesting_rejected_without_crash() -> None:
    text = case_text("deep_nesting.json")
    problem = problem_of(text)
    assert "nesting depth" in problem.message
    assert str(MAX_DEPTH) in problem.message
    assert text[problem.offset] == "["
    assert text[: problem.offset].count("[") + 1 == MAX_DEPTH  # the root is "{"
    assert problem.path[0] == "a"
    assert len(problem.path) == MAX_DEPTH


# Numbers


@pytest.mark.parametrize(
    "number",
    ["-0", "0", "1E+2", "1e-2", "0.10", "-1.5e-10", "1e400", "9" * 5000],
)
def test_number_text_round_trips(number: str) -> None:
    value = parse_document(f'{{"n": {number}}}')
    assert value["n"] == JsonNumber(number)
    assert dumps(value) == f'{{"n":{number}}}'


@pytest.mark.parametrize("number", ["01", "1.", ".5", "+1", "1.5.6", "-", "12abc"])
def test_invalid_number_rejected(number: str) -> None:
    problem = problem_of(f'{{"n": {number}}}')
    assert f"invalid number {number}" in problem.message
    assert problem.path == ("n",)
    assert problem.column == 7


def test_json_number_equality_by_text() -> None:
    assert JsonNumber("1.0") == JsonNumber("1.0")
    assert JsonNumber("1.0") != JsonNumber("1")
    assert JsonNumber("1.0").to_decimal() == JsonNumber("1").to_decimal()
    assert len({JsonNumber("2"), JsonNumber("2")}) == 1
    assert repr(JsonNumber("2")) == "JsonNumber('2')"
    with pytest.raises(ValueError):
        JsonNumber("NaN")


def test_int_digit_limit_does_not_apply() -> None:
    digits = "7" * (sys.get_int_max_str_digits() + 100)
    value = parse_document(f'{{"n": {digits}}}')
    assert value["n"].text == digits
    assert dumps({"n": int(digits[:4000]) * 10**1000}).startswith('{"n":7777')


# PostgreSQL numeric range

# Each case was inserted into a JSONB column of PostgreSQL 15.18, which stored
# the first group and failed with "value overflows numeric format" on the second.
NUMBERS_POSTGRESQL_STORES = [
    ("1e131071", "1e131071"),
    ("9.99e131071", "9.99e131071"),
    ("-1e131071", "-1e131071"),
    ("10e131070", "10e131070"),
    ("0.0001e131075", "0.0001e131075"),
    ("123456.789e131066", "123456.789e131066"),
    ("131072 nines", "9" * 131_072),
    ("131072 nines and a fraction", "9" * 131_072 + ".5"),
    ("131072 nines, 16383 after", "9" * 131_072 + "." + "9" * 16_383),
    ("1e-16383", "1e-16383"),
    ("1.5e-16382", "1.5e-16382"),
    ("0e-16383", "0e-16383"),
    ("0.00e-16381", "0.00e-16381"),
    ("16383 zeros after the point", "0." + "0" * 16_383),
    ("16383 digits after the point", "1." + "1" * 16_383),
    ("16384 fraction digits, e1", "1." + "1" * 16_384 + "e1"),
    ("16383 zeros, e-16383", "1" + "0" * 16_383 + "e-16383"),
    ("0e131072", "0e131072"),
    ("0e1073741822", "0e1073741822"),
    ("-0.0e+1073741822", "-0.0e+1073741822"),
    ("exponent with leading zeros", "1e0000000000005"),
    ("100e-2", "100e-2"),
]
NUMBERS_POSTGRESQL_REJECTS = [
    ("1e131072", "1e131072"),
    ("1E131072", "1E131072"),
    ("-1e131072", "-1e131072"),
    ("10e131071", "10e131071"),
    ("0.0001e131076", "0.0001e131076"),
    ("123456.789e131067", "123456.789e131067"),
    ("131073 nines", "9" * 131_073),
    ("1 and 131072 zeros", "1" + "0" * 131_072),
    ("131072 nines, 16384 after", "9" * 131_072 + "." + "9" * 16_384),
    ("1e-16384", "1e-16384"),
    ("-1e-16384", "-1e-16384"),
    ("1.5e-16383", "1.5e-16383"),
    ("1.50e-16382", "1.50e-16382"),
    ("1.0e-16383", "1.0e-16383"),
    ("0e-16384", "0e-16384"),
    ("0.00e-16382", "0.00e-16382"),
    ("16384 zeros after the point", "0." + "0" * 16_384),
    ("16384 digits after the point", "1." + "1" * 16_384),
    ("16384 zeros, e-16384", "1" + "0" * 16_384 + "e-16384"),
    ("1e-20000", "1e-20000"),
    ("0e1073741823", "0e1073741823"),
    ("0.0e1073741823", "0.0e1073741823"),
    ("0e-1073741822", "0e-1073741822"),
    ("0e-1073741823", "0e-1073741823"),
    ("0e99999999999999999999", "0e99999999999999999999"),
    ("exponent with leading zeros", "0e000000000000000000001073741823"),
    ("1e1073741822", "1e1073741822"),
]


@pytest.mark.parametrize(
    "number",
    [n for _, n in NUMBERS_POSTGRESQL_STORES],
    ids=[i for i, _ in NUMBERS_POSTGRESQL_STORES],
)
def test_numeric_range_accepts_storable(number: str) -> None:
    value = parse_document(f'{{"n": {number}}}')
    assert value["n"] == JsonNumber(number)


@pytest.mark.parametrize(
    "number",
    [n for _, n in NUMBERS_POSTGRESQL_REJECTS],
    ids=[i for i, _ in NUMBERS_POSTGRESQL_REJECTS],
)
def test_numeric_range_rejects_overflow(number: str) -> None:
    problem = problem_of(f'{{"n": {number}}}')
    assert problem.message.startswith('The value of "n" is a number with ')
    assert "PostgreSQL" in problem.message
    assert "store it as a string" in problem.hint
    assert (problem.line, problem.column, problem.offset) == (1, 7, 6)
    assert problem.path == ("n",)


def test_digits_before_point_limit() -> None:
    assert parse_document('{"n": 1e131071}')["n"] == JsonNumber("1e131071")
    problem = problem_of('{"n": 1e131072}')
    assert problem.message == (
        'The value of "n" is a number with 131,073 digits before the decimal '
        "point, but PostgreSQL stores at most 131,072."
    )
    assert problem.hint == "Use a smaller number, or store it as a string."


def test_long_integer_limit() -> None:
    digits = "9" * 131_072
    assert parse_document(f'{{"n": {digits}}}')["n"].text == digits
    assert parse_document(f'{{"n": -{digits}}}')["n"].text == "-" + digits
    problem = problem_of(f'{{"n": {digits}9}}')
    assert "131,073 digits before the decimal point" in problem.message
    assert problem.column == 7


def test_digits_after_point_limit() -> None:
    assert parse_document('{"n": 1e-16383}')["n"] == JsonNumber("1e-16383")
    problem = problem_of('{"n": 1e-16384}')
    assert problem.message == (
        'The value of "n" is a number with 16,384 digits after the decimal '
        "point, but PostgreSQL stores at most 16,383."
    )
    assert problem.hint == "Round it, or store it as a string."


def test_trailing_zeros_count_after_point() -> None:
    assert parse_document('{"n": 1.5e-16382}')
    problem = problem_of('{"n": 1.50e-16382}')
    assert "16,384 digits after the decimal point" in problem.message


def test_long_fraction_located() -> None:
    text = (
        '{\n  "name": "Gold",\n  "price": 0.'
        + "3" * 17_000
        + ',\n  "currency": "GBP"\n}'
    )
    problem = problem_of(text)
    assert problem.message == (
        'The value of "price" is a number with 17,000 digits after the decimal '
        "point, but PostgreSQL stores at most 16,383."
    )
    assert (problem.line, problem.column) == (3, 12)
    assert text[problem.offset : problem.offset + 3] == "0.3"
    assert problem.path == ("price",)


def test_nested_overflow_names_path() -> None:
    packages = '[{"price": 1}, {"price": 2.5}, {"name": "Gold", "price": 1e-20000}]'
    problem = problem_of(f'{{"packages": {packages}}}')
    assert problem.message.startswith(
        "The value at packages[2].price is a number with 20,000 digits after"
    )
    assert problem.path == ("packages", 2, "price")
    assert problem.column == 71


def test_overflow_in_array_item() -> None:
    problem = problem_of('{"rates": [0.1,\n  1e131072]}')
    assert problem.message.startswith("The value at rates[1] is a number with")
    assert (problem.line, problem.column) == (2, 3)
    assert problem.path == ("rates", 1)


def test_zero_exponent_limit() -> None:
    assert parse_document('{"n": 0e1073741822}')
    problem = problem_of('{"n": 0e1073741823}')
    assert problem.message == (
        'The value of "n" is a number with the exponent 1,073,741,823, but '
        "PostgreSQL accepts exponents only from -1,073,741,822 to 1,073,741,822."
    )
    assert "smaller exponent" in problem.hint


def test_exponent_too_long_to_convert() -> None:
    exponent = "1" * (sys.get_int_max_str_digits() + 100)
    problem = problem_of(f'{{"n": 0e{exponent}}}')
    assert f"an exponent of {len(exponent):,} digits" in problem.message


def test_first_problem_in_text_order() -> None:
    assert "NaN" in problem_of('{"a": NaN, "b": 1e-20000}').message
    assert "20,000 digits" in problem_of('{"a": 1e-20000, "b": NaN}').message


def test_overflow_caught_by_fast_path() -> None:
    text = '{"n": 1e-20000}'
    with pytest.raises(_FastPathFailed):
        _parse_fast(text, 0)


def test_scanners_agree_on_overflow(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        problem_of('{"a": [1.5, 2e131072]}')
    assert caplog.records == []


@pytest.mark.parametrize(
    "number",
    [
        "0",
        "-0",
        "12",
        "1007.50",
        "0.1",
        "-1.5e-10",
        "1E+2",
        "1e-7",
        "1e400",
        "9" * 20000,
    ],
)
def test_ordinary_numbers_keep_text(number: str) -> None:
    value = parse_document(f'{{"n": {number}, "list": [{number}]}}')
    assert value["n"].text == number
    assert value["list"][0].text == number


def test_to_decimal_of_huge_exponents() -> None:
    assert JsonNumber("1e131072").to_decimal().adjusted() == 131_072
    assert JsonNumber("1e-20000").to_decimal().as_tuple().exponent == -20_000
    assert JsonNumber("1e1073741823").to_decimal() == Decimal("1E+1073741823")
    assert JsonNumber("1.50").to_decimal().as_tuple().exponent == -2


def test_to_decimal_beyond_decimal_range() -> None:
    with pytest.raises(InvalidOperation):
        JsonNumber("1e" + "9" * 20).to_decimal()


# Strings


def test_string_escapes_decoded() -> None:
    text = r'{"s": "q\"b\\s\/ \b\f\n\r\t \u00e9 \ud83d\udc8d \u2028"}'
    assert parse_document(text) == {"s": 'q"b\\s/ \b\f\n\r\t é 💍 \u2028'}
    assert parse_document(dumps(parse_document(text))) == parse_document(text)


def test_invalid_escape_rejected() -> None:
    problem = problem_of(r'{"path": "C:\Users\anna"}')
    assert "invalid escape \\U" in problem.message
    assert '"path"' in problem.message
    assert "\\\\" in problem.hint
    assert problem.column == 13


def test_short_unicode_escape_rejected() -> None:
    problem = problem_of(r'{"s": "\u12"}')
    assert "four hex digits" in problem.message
    assert problem.column == 8


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ('{"s": "a\\udc8d"}', 9),
        ('{"s": "a\\ud83d\\u0041"}', 9),
        ('{"s": "a\\ud83d"}', 9),
        ('{"s": "a\ud83d"}', 9),
    ],
)
def test_lone_surrogates_rejected(text: str, column: int) -> None:
    problem = problem_of(text)
    assert "surrogate" in problem.message
    assert problem.column == column
    assert problem.path == ("s",)


def test_literal_nul_rejected() -> None:
    problem = problem_of('{"s": "a\x00b"}')
    assert "U+0000" in problem.message
    assert problem.column == 9


def test_nul_in_key_names_container() -> None:
    problem = problem_of('{"a": {"x": 1, "k\\u0000": 1}}')
    assert problem.message.startswith("A key in the object at a contains")
    assert problem.path == ("a",)


def test_literal_tab_in_string_rejected() -> None:
    problem = problem_of('{"s": "a\tb"}')
    assert "U+0009 (tab)" in problem.message
    assert "\\t" in problem.hint


def test_unclosed_string_at_line_end() -> None:
    problem = problem_of('{"a": "open\n}')
    assert "line 1, column 7" in problem.message
    assert "not closed" in problem.message
    assert (problem.line, problem.column) == (1, 12)


def test_unterminated_string_at_end() -> None:
    problem = problem_of('{"a": "open')
    assert "not closed" in problem.message
    assert problem.column == 7


# Structure and syntax


def test_nested_duplicate_has_path() -> None:
    text = '{"a": {"b": [\n  {"c": 1,\n   "c": 2}\n]}}'
    problem = problem_of(text)
    assert 'Duplicate key "c" in the object at a.b[0]' in problem.message
    assert "line 2" in problem.message
    assert (problem.line, problem.column) == (3, 4)
    assert problem.path == ("a", "b", 0, "c")


def test_same_key_in_sibling_objects_accepted() -> None:
    value = parse_document('{"a": {"x": 1}, "b": {"x": 1}}')
    assert value == {"a": {"x": JsonNumber("1")}, "b": {"x": JsonNumber("1")}}


@pytest.mark.parametrize(
    ("text", "message", "line", "column", "path"),
    [
        ('{"a": 1 "b": 2}', "A comma is missing after", 1, 9, ("a",)),
        ('{"a" 1}', 'The key "a" is not followed by a colon', 1, 6, ("a",)),
        ("{'a': 1}", "uses single quotes", 1, 2, ()),
        ("{a: 1}", "The key a in the top-level object", 1, 2, ()),
        ('{"a": }', 'The value of "a" is missing', 1, 7, ("a",)),
        ('{"a": [1, 2}', "Found }, but the array", 1, 12, ("a",)),
        ('{"a": 1', "ends before the object that starts on line 1", 1, 8, ("a",)),
        ('{"a": 1} x', "more text after the closing }", 1, 10, ()),
        ('{"a": True}', "True, which is not valid JSON", 1, 7, ("a",)),
        ('{"a": yes}', "unquoted text yes", 1, 7, ("a",)),
        ('{"a": 1, // note\n}', "JSON does not allow comments", 1, 10, ()),
        ('{"a":\u00a01}', "U+00A0 (no-break space)", 1, 6, ("a",)),
        ('{"a": [1,,2]}', "The value at a[1] is missing", 1, 10, ("a", 1)),
        ('{"a": -Infinity}', "-Infinity", 1, 7, ("a",)),
        ('{"a": [1,\n ]}', "last item of the array at a", 1, 9, ("a",)),
        ('{"a": 1,}', "last member of the top-level object", 1, 8, ()),
        ('"text"', "must be a JSON object, but it starts with a string", 1, 1, ()),
        ("  42", "must be a JSON object, but it starts with a number", 1, 3, ()),
    ],
)
def test_syntax_errors_in_plain_words(
    text: str, message: str, line: int, column: int, path: tuple[Any, ...]
) -> None:
    problem = problem_of(text)
    assert message in problem.message
    assert (problem.line, problem.column) == (line, column)
    assert problem.path == path
    assert problem.hint


def test_describe_gives_position_and_fix() -> None:
    problem = problem_of('{"a": 1,}')
    assert problem.describe() == (
        "Line 1, column 8: Trailing comma after the last member of the top-level "
        "object. Remove the comma before the }."
    )
    with pytest.raises(JsonDocumentError) as raised:
        parse_document('{"a": 1,}')
    assert raised.value.problem == problem
    assert str(raised.value) == problem.describe()


def test_offsets_count_leading_bom() -> None:
    problem = problem_of('\ufeff{"a": NaN}')
    assert problem.offset == 7
    assert problem.column == 8


def test_columns_count_characters() -> None:
    problem = problem_of('{"💍": "é", "b": NaN}')
    assert problem.column == 17


def nested(depth: int) -> str:
    """Return a document whose arrays and objects nest depth levels deep."""
    inner = depth - 1
    return '{"a": ' + "[" * inner + "]" * inner + "}"


def test_depth_limit_is_inclusive() -> None:
    assert parse_document(nested(MAX_DEPTH))
    problem = problem_of(nested(MAX_DEPTH + 1))
    assert "nesting depth" in problem.message
    assert problem.column == 6 + MAX_DEPTH


def test_deep_objects_rejected() -> None:
    levels = MAX_DEPTH + 1
    assert parse_document('{"a": ' * (levels - 1) + "1" + "}" * (levels - 1))
    problem = problem_of('{"a": ' * levels + "1" + "}" * levels)
    assert "nesting depth" in problem.message
    assert problem.path == ("a",) * MAX_DEPTH


def test_brackets_in_strings_do_not_nest() -> None:
    text = '{"s": "' + "[{" * MAX_DEPTH + '", "t": ["]]]"]}'
    assert parse_document(text)["t"] == ["]]]"]


def test_valid_document_parsed_when_caller_is_deep() -> None:
    text = nested(MAX_DEPTH)

    def parse_at(depth: int) -> dict[str, Any]:
        return parse_at(depth - 1) if depth else parse_document(text)

    # Leave less Python stack than the C scanner needs for MAX_DEPTH levels.
    value = parse_at(sys.getrecursionlimit() - MAX_DEPTH // 2)
    assert list(value) == ["a"]


# Size limit


def test_size_limit_is_inclusive() -> None:
    filler = MAX_DOCUMENT_BYTES - len('{"s": ""}')
    assert parse_document('{"s": "' + "a" * filler + '"}')
    problem = problem_of('{"s": "' + "a" * (filler + 1) + '"}')
    assert "10.0 MB" in problem.message
    assert f"{MAX_DOCUMENT_BYTES + 1:,} bytes" in problem.message
    assert "limit of 10 MB" in problem.message


def test_size_counts_utf8_bytes() -> None:
    characters = MAX_DOCUMENT_BYTES // 2
    problem = problem_of('{"s": "' + "é" * characters + '"}')
    assert "too large" in problem.message


def test_ten_megabyte_document_parses() -> None:
    text = make_realistic_document(MAX_DOCUMENT_BYTES - 4096)
    value = parse_document(text)
    assert len(text.encode("utf-8")) <= MAX_DOCUMENT_BYTES
    assert value["portfolio"][7]["ref"] == JsonNumber("12345678901234567890007")
    assert value["portfolio"][7]["price_from"] == JsonNumber("1007.50")
    assert value["portfolio"][0]["tags"][2] == "été"


@pytest.mark.slow
def test_error_at_end_of_large_document() -> None:
    text = make_realistic_document(2 * 1024 * 1024)
    broken = text.replace('"version": 1', '"version": NaN')
    problem = problem_of(broken)
    assert problem.path == ("version",)
    assert problem.line == broken.count("\n")


# Decoding bytes


def test_decode_bytes_names_byte_offset() -> None:
    with pytest.raises(JsonDocumentError) as raised:
        decode_bytes(b'{"a": "caf\xe9"}')
    problem = raised.value.problem
    assert "byte 0xE9 at byte offset 10" in problem.message
    assert (problem.line, problem.column, problem.offset) == (1, 11, 10)
    assert "UTF-8" in problem.hint


def test_decode_bytes_offset_after_bom() -> None:
    with pytest.raises(JsonDocumentError) as raised:
        decode_bytes(codecs.BOM_UTF8 + '{\n  "é": "'.encode() + b"\xff")
    problem = raised.value.problem
    assert "byte offset 14" in problem.message
    assert (problem.line, problem.column) == (2, 9)


def test_decode_bytes_detects_utf16() -> None:
    with pytest.raises(JsonDocumentError) as raised:
        decode_bytes('{"a": 1}'.encode("utf-16"))
    assert "UTF-16" in raised.value.problem.message


def test_decode_bytes_rejects_encoded_surrogate() -> None:
    with pytest.raises(JsonDocumentError):
        decode_bytes(b'{"a": "\xed\xa0\xbd"}')


# Writing


PLAIN_VALUE = {
    "name": 'Café "Rose" \\ 💍',
    "empty_object": {},
    "empty_list": [],
    "nested": {"list": [True, False, None, "x", {"k": []}]},
    "b": "last",
}


def test_dumps_matches_json_layout() -> None:
    assert dumps(PLAIN_VALUE, indent=2) == json.dumps(
        PLAIN_VALUE, indent=2, ensure_ascii=False
    )
    assert dumps(PLAIN_VALUE) == json.dumps(
        PLAIN_VALUE, separators=(",", ":"), ensure_ascii=False
    )
    assert dumps(PLAIN_VALUE, sort_keys=True) == json.dumps(
        PLAIN_VALUE, separators=(",", ":"), ensure_ascii=False, sort_keys=True
    )


def test_dumps_exact_number_types() -> None:
    value = {"n": JsonNumber("1.50"), "i": 12, "d": Decimal("0.10"), "t": (1, 2)}
    assert dumps(value) == '{"n":1.50,"i":12,"d":0.10,"t":[1,2]}'
    assert dumps(True) == "true"
    assert dumps(Decimal("1E+2")) == "1E+2"


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ({"price": 1.5}, TypeError),
        ({1: "a"}, TypeError),
        ({"when": object()}, TypeError),
        ({"d": Decimal("NaN")}, ValueError),
        ({"d": Decimal("-Infinity")}, ValueError),
    ],
)
def test_dumps_rejects_lossy_values(value: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        dumps(value)


def test_dumps_rejects_circular_value() -> None:
    looped: list[Any] = []
    looped.append(looped)
    with pytest.raises(ValueError):
        dumps(looped)


def test_dumps_shared_value_twice() -> None:
    shared = [1]
    assert dumps({"a": shared, "b": shared}) == '{"a":[1],"b":[1]}'


def test_dumps_deep_value_without_recursion() -> None:
    value: Any = []
    for _ in range(20_000):
        value = [value]
    assert dumps(value) == "[" * 20_001 + "]" * 20_001


def test_format_document_round_trip() -> None:
    text = '{"b":1.50,"a":[1e400,{"x":null}],"e":{},"s":"💍\\n"}'
    formatted = format_document(text)
    assert formatted == (
        '{\n  "b": 1.50,\n  "a": [\n    1e400,\n    {\n      "x": null\n    }\n'
        '  ],\n  "e": {},\n  "s": "💍\\n"\n}\n'
    )
    assert format_document(formatted) == formatted
    assert parse_document(formatted) == parse_document(text)


def test_format_document_rejects_invalid() -> None:
    with pytest.raises(JsonDocumentError):
        format_document('{"a": NaN}')


def test_format_path_notation() -> None:
    assert format_path(("packages", 0, "name")) == "packages[0].name"
    assert format_path(("opening hours", "mon")) == '["opening hours"].mon'
    assert format_path(()) == ""


@pytest.mark.parametrize(
    "text",
    ["{", '{"a" 1}', '{"a": 1 "b"}', '{"a": "x', '{"a": "\\x"}', '{"a": 1}x', "{a}"],
)
def test_python_json_messages_translated(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as raised:
        json.loads(text)
    problem = _problem_from_decode_error(text, raised.value)
    assert not problem.message.startswith("Invalid JSON:")
    assert problem.offset == raised.value.pos
    assert (problem.line, problem.column) == (raised.value.lineno, raised.value.colno)
