"""Guessing column mappings and turning source rows into supplier drafts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wedsync_desktop import jsondoc
from wedsync_desktop.importers.errors import ImportMappingError
from wedsync_desktop.importers.mapping import (
    IGNORE,
    KEEP,
    PreparedRow,
    check_mapping,
    guess_mapping,
    prepare_row,
)
from wedsync_desktop.importers.readers import SourceRow, SourceSkip


def prepared(values: dict[str, Any], mapping: dict[str, str | None]) -> PreparedRow:
    result = prepare_row(SourceRow(7, values), mapping, "list.csv")
    assert isinstance(result, PreparedRow), result
    return result


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Business Name", "business_name"),
        ("business_name", "business_name"),
        ("name", "business_name"),
        ("Company", "business_name"),
        ("Category", "primary_category"),
        ("categories", "primary_category"),
        ("Type", "primary_category"),
        ("Contact Email", "email"),
        ("E-mail", "email"),
        ("Phone", "phone"),
        ("Telephone", "phone"),
        ("Tel.", "phone"),
        ("Town", "city"),
        ("City", "city"),
        ("Town/City", "city"),
        ("Postcode", "postcode"),
        ("Post code", "postcode"),
        ("ZIP", "postcode"),
        ("Price Range", "price_range"),
        ("price", "price_range"),
        ("business_id", "source_id"),
        ("id", "source_id"),
        ("Notes", KEEP),
        ("attributes", KEEP),
    ],
)
def test_guess_mapping_by_header(header: str, field: str | None) -> None:
    assert guess_mapping([header]) == {header: field}


def test_guess_mapping_first_column_wins() -> None:
    mapping = guess_mapping(["Name", "Company", "City", "Town"])
    assert mapping == {
        "Name": "business_name",
        "Company": KEEP,
        "City": "city",
        "Town": KEEP,
    }


def test_guess_mapping_of_export() -> None:
    headers = ["id", "business_name", "is_active", "created_at", "updated_at"]
    mapping = guess_mapping([*headers, "feature_config", "data_payload"])
    assert mapping["id"] == "supplier_id"
    assert mapping["is_active"] == "is_active"
    assert mapping["created_at"] == IGNORE
    assert mapping["updated_at"] == IGNORE
    assert mapping["feature_config"] == "feature_config"
    assert mapping["data_payload"] == "data_payload"


def test_check_mapping_needs_business_name(tmp_path: Path) -> None:
    with pytest.raises(ImportMappingError, match="business name"):
        check_mapping(tmp_path / "a.csv", {"Town": "city", "Notes": KEEP})


def test_check_mapping_rejects_repeated_field(tmp_path: Path) -> None:
    mapping = {"Name": "business_name", "Town": "city", "City": "city"}
    with pytest.raises(ImportMappingError, match="'Town' and 'City'"):
        check_mapping(tmp_path / "a.csv", mapping)


def test_check_mapping_rejects_unknown_field(tmp_path: Path) -> None:
    with pytest.raises(ImportMappingError, match="unknown field"):
        check_mapping(tmp_path / "a.csv", {"Name": "business_name", "X": "colour"})


def test_prepare_row_builds_draft_and_import_block() -> None:
    values = {
        "Business Name": "  The Old Granary ",
        "Category": "Wedding Venue",
        "Email": "",
        "Town": "Ludlow",
        "Postcode": "SY8 1AB",
        "Price": "££££",
        "Notes": "Capacity 120,\nexclusive use",
        "Skip me": "gone",
    }
    mapping = guess_mapping(list(values))
    mapping["Skip me"] = IGNORE
    row = prepared(values, mapping)
    draft = row.draft
    assert draft.business_name == "The Old Granary"
    assert draft.primary_category == "venue"
    assert draft.email is None
    assert draft.price_range == "££££"
    assert draft.merge_documents is True
    assert draft.import_key == "name:the old granary|sy81ab"
    assert draft.data_payload == {
        "import": {
            "source": "list.csv",
            "line": 7,
            "category_text": "Wedding Venue",
            "fields": {"Notes": "Capacity 120,\nexclusive use"},
        }
    }


def test_prepare_row_keeps_unknown_price_text() -> None:
    values = {"Name": "A", "Price": "from £900"}
    draft = prepared(values, guess_mapping(list(values))).draft
    assert draft.price_range is None
    assert isinstance(draft.data_payload, dict)
    assert draft.data_payload["import"]["fields"] == {"Price": "from £900"}


def test_prepare_row_import_key_from_source_id() -> None:
    values = {"business_id": "b-001", "name": "Petals & Co"}
    draft = prepared(values, guess_mapping(list(values))).draft
    assert draft.import_key == "id:b-001"
    assert draft.supplier_id is None


def test_prepare_row_import_key_folds_name_and_city() -> None:
    first = {"Name": "Łukasz  Nowak", "Town": "Kraków"}
    second = {"Name": "LUKASZ NOWAK", "Town": "krakow"}
    key = prepared(first, guess_mapping(list(first))).draft.import_key
    assert key == prepared(second, guess_mapping(list(second))).draft.import_key
    assert key == "name:lukasz nowak|krakow"


def test_prepare_row_blank_name_is_skipped() -> None:
    result = prepare_row(
        SourceRow(12, {"Name": "  ", "Town": "York"}),
        {"Name": "business_name", "Town": "city"},
        "list.csv",
    )
    assert isinstance(result, SourceSkip)
    assert result.line == 12
    assert result.reason.startswith("business name is missing")


def test_prepare_row_json_values_kept_exactly() -> None:
    text = (
        '{"name": "A", "categories": "Cakes", "stars": 4.50, "hours": null, '
        '"attributes": {"x": [1, 2e3]}}'
    )
    values = jsondoc.parse_document(text)
    draft = prepared(values, guess_mapping(list(values))).draft
    assert isinstance(draft.data_payload, dict)
    block = draft.data_payload["import"]
    assert block["category_text"] == "Cakes"
    assert jsondoc.dumps(block["fields"]) == (
        '{"stars":4.50,"hours":null,"attributes":{"x":[1,2e3]}}'
    )


def test_prepare_row_of_export_replaces_documents() -> None:
    values = {
        "id": "5B8C3C1E-9F6A-4D2B-8C1D-2A3B4C5D6E7F",
        "business_name": "A",
        "primary_category": "venue",
        "is_active": "false",
        "created_at": "2026-01-01T00:00:00.000000Z",
        "feature_config": '{"n": 12345678901234567890123}',
        "data_payload": "{}",
    }
    draft = prepared(values, guess_mapping(list(values))).draft
    assert draft.supplier_id == "5b8c3c1e-9f6a-4d2b-8c1d-2a3b4c5d6e7f"
    assert draft.import_key is None
    assert draft.is_active is False
    assert draft.merge_documents is False
    assert draft.feature_config == {"n": jsondoc.JsonNumber("12345678901234567890123")}
    assert draft.data_payload == {}


def test_prepare_row_export_extra_column() -> None:
    values = {"business_name": "A", "data_payload": '{"k": 1}', "Notes": "x"}
    draft = prepared(values, guess_mapping(list(values))).draft
    assert draft.merge_documents is False
    assert isinstance(draft.data_payload, dict)
    assert draft.data_payload["k"] == jsondoc.JsonNumber("1")
    assert draft.data_payload["import"]["fields"] == {"Notes": "x"}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"business_name": "A", "data_payload": "{oops"}, "is not a valid JSON object"),
        ({"business_name": "A", "data_payload": "[1]"}, "is not a valid JSON object"),
        ({"business_name": "A", "is_active": "maybe"}, "not true or false"),
        ({"business_name": "A", "id": "abc", "data_payload": "{}"}, "not a WedSync"),
    ],
)
def test_prepare_row_bad_values_are_skipped(
    values: dict[str, Any], expected: str
) -> None:
    mapping = guess_mapping(list(values))
    if "id" in mapping:
        mapping["id"] = "supplier_id"
    result = prepare_row(SourceRow(3, values), mapping, "export.csv")
    assert isinstance(result, SourceSkip)
    assert result.line == 3
    assert expected in result.reason
