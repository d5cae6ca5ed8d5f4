"""The JSON Schemas in resources/schemas against the demo suppliers' documents."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from wedsync_desktop import jsondoc
from wedsync_desktop.demo import generate_drafts
from wedsync_desktop.paths import resources_dir

jsonschema = pytest.importorskip("jsonschema")

DOCUMENTS = ("feature_config", "data_payload")


def load_validator(document: str) -> Any:
    path = resources_dir() / "schemas" / f"{document}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    validator_class = jsonschema.Draft202012Validator
    return validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)


def stored_form(document: dict[str, Any]) -> Any:
    """Return the document as read back from its JSON text, numbers exact."""
    return json.loads(jsondoc.dumps(document), parse_float=Decimal)


def error_messages(validator: Any, instance: Any) -> list[str]:
    return [
        f"{error.json_path}: {error.message}"
        for error in validator.iter_errors(instance)
    ]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_schema_is_draft_2020_12(document: str) -> None:
    validator = load_validator(document)
    assert validator.schema["$schema"].endswith("/draft/2020-12/schema")
    jsonschema.Draft202012Validator.check_schema(validator.schema)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_demo_documents_validate(document: str) -> None:
    validator = load_validator(document)
    for draft in generate_drafts(400):
        value = getattr(draft, document)
        assert isinstance(value, dict)
        errors = error_messages(validator, stored_form(value))
        assert errors == [], f"{draft.import_key} {draft.business_name}"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_unknown_keys_allowed(document: str) -> None:
    validator = load_validator(document)
    draft = next(generate_drafts(1))
    value = stored_form(getattr(draft, document))
    value["vendor_extra"] = {"anything": [1, "two", None]}
    assert error_messages(validator, value) == []
    assert error_messages(validator, {}) == []


def test_price_must_be_number() -> None:
    validator = load_validator("feature_config")
    document = {"packages": [{"name": "Full Day", "price": "cheap"}]}
    assert error_messages(validator, document)


def test_percentage_deposit_needs_percent() -> None:
    validator = load_validator("feature_config")
    assert error_messages(validator, {"deposit": {"type": "percentage"}})
    assert not error_messages(
        validator, {"deposit": {"type": "percentage", "percent": 25}}
    )


def test_opening_hours_need_times() -> None:
    validator = load_validator("feature_config")
    closed = {"business_hours": {"sunday": None}}
    wrong = {"business_hours": {"monday": {"open": "9am", "close": "5pm"}}}
    assert not error_messages(validator, closed)
    assert error_messages(validator, wrong)


def test_testimonial_rating_range() -> None:
    validator = load_validator("data_payload")
    document = {"testimonials": [{"quote": "Lovely.", "rating": 6}]}
    assert error_messages(validator, document)
