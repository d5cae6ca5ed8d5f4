"""Demo suppliers: determinism, fictional contact details, documents and populate."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from wedsync_desktop import jsondoc
from wedsync_desktop.categories import CATEGORIES, PRICE_RANGES
from wedsync_desktop.demo import generate_drafts, populate
from wedsync_desktop.demo_catalogue import NAME_PATTERNS, OTHER_KINDS, PACKAGES, TOWNS
from wedsync_desktop.store.errors import ImportCancelledError
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.store.service import WorkspaceService

# Ofcom's numbers for TV and radio drama, and RFC 2606's reserved domain.
DRAMA_PHONE = re.compile(r"(01632 960|07700 900)\d{3}")
EXAMPLE_EMAIL = re.compile(r"[a-z0-9]+@[a-z0-9]+\.example")
POSTCODE = re.compile(r"([A-Z]{1,2}[0-9]{1,2}) [0-9][A-Z]{2}")
PRICE_TEXT = re.compile(r"[0-9]+\.[0-9]{2}")
DAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday"]
DAY_NAMES += ["saturday", "sunday"]


@pytest.fixture(scope="module")
def drafts() -> list[SupplierDraft]:
    return list(generate_drafts(400))


def documents(draft: SupplierDraft) -> tuple[dict[str, Any], dict[str, Any]]:
    assert isinstance(draft.feature_config, dict)
    assert isinstance(draft.data_payload, dict)
    return draft.feature_config, draft.data_payload


def test_same_seed_same_drafts() -> None:
    assert list(generate_drafts(60, seed=7)) == list(generate_drafts(60, seed=7))


def test_other_seed_other_drafts() -> None:
    first = [d.business_name for d in generate_drafts(60, seed=7)]
    second = [d.business_name for d in generate_drafts(60, seed=8)]
    assert first != second


def test_longer_run_extends_shorter() -> None:
    assert list(generate_drafts(80))[:30] == list(generate_drafts(30))


def test_zero_drafts() -> None:
    assert list(generate_drafts(0)) == []


def test_negative_count_rejected() -> None:
    with pytest.raises(ValueError, match="-1"):
        list(generate_drafts(-1))


def test_import_keys_numbered_from_one(drafts: list[SupplierDraft]) -> None:
    keys = [draft.import_key for draft in drafts]
    assert keys == [f"demo:{n}" for n in range(1, len(drafts) + 1)]


def test_first_fourteen_cover_categories() -> None:
    categories = [draft.primary_category for draft in generate_drafts(14)]
    assert sorted(categories) == sorted(CATEGORIES)


@pytest.mark.parametrize("seed", [359, 1, 2026])
def test_all_categories_present(seed: int) -> None:
    categories = {draft.primary_category for draft in generate_drafts(200, seed)}
    assert categories == set(CATEGORIES)


def test_category_weights_realistic() -> None:
    counts = {category: 0 for category in CATEGORIES}
    for draft in generate_drafts(3000):
        counts[draft.primary_category] += 1
    assert max(counts, key=counts.__getitem__) == "photographer"
    assert counts["venue"] > counts["coordinator"] * 3
    assert min(counts.values()) > 30


def test_catalogue_covers_every_kind() -> None:
    kinds = {*CATEGORIES, *OTHER_KINDS} - {"other"}
    assert set(NAME_PATTERNS) == kinds
    assert set(PACKAGES) == kinds
    assert all(len(packages) >= 2 for packages in PACKAGES.values())


def test_name_patterns_format() -> None:
    fields = {
        "nature": "Willow",
        "nature2": "Thistle",
        "first": "Amy",
        "surname": "Smith",
        "town": "Bath",
        "evocative": "Harbour Light",
        "building": "Granary",
        "adjective": "Midnight",
        "noun": "Magpies",
    }
    for kind, patterns in NAME_PATTERNS.items():
        for pattern in patterns:
            assert "{" not in pattern.format(**fields), (kind, pattern)


def test_emails_on_example_domain(drafts: list[SupplierDraft]) -> None:
    for draft in drafts:
        assert draft.email is not None
        assert EXAMPLE_EMAIL.fullmatch(draft.email), draft.email


def test_phones_in_drama_ranges(drafts: list[SupplierDraft]) -> None:
    phones = [draft.phone for draft in drafts if draft.phone is not None]
    assert len(phones) > len(drafts) * 0.9
    for phone in phones:
        assert DRAMA_PHONE.fullmatch(phone), phone


def test_postcodes_match_towns(drafts: list[SupplierDraft]) -> None:
    districts = {town.name: town.postcode_districts for town in TOWNS}
    for draft in drafts:
        assert draft.city in districts
        assert draft.postcode is not None
        match = POSTCODE.fullmatch(draft.postcode)
        assert match, draft.postcode
        assert match.group(1) in districts[draft.city], draft.postcode


def test_price_ranges_valid(drafts: list[SupplierDraft]) -> None:
    ranges = {draft.price_range for draft in drafts}
    assert ranges <= {*PRICE_RANGES, None}
    assert set(PRICE_RANGES) <= ranges


def test_business_names_varied(drafts: list[SupplierDraft]) -> None:
    names = [draft.business_name for draft in drafts]
    assert all(name.strip() == name and name for name in names)
    assert len(set(names)) > len(names) * 0.8


def test_documents_round_trip(drafts: list[SupplierDraft]) -> None:
    for draft in drafts:
        for document in documents(draft):
            text = jsondoc.dumps(document, indent=2)
            assert jsondoc.validate_document(text) is None
            parsed = jsondoc.parse_document(text)
            assert jsondoc.dumps(parsed, indent=2) == text


def test_prices_exact_after_round_trip(drafts: list[SupplierDraft]) -> None:
    for draft in drafts:
        feature_config, _ = documents(draft)
        parsed = jsondoc.parse_document(jsondoc.dumps(feature_config))
        for package, stored in zip(
            feature_config["packages"], parsed["packages"], strict=True
        ):
            price = package["price"]
            assert isinstance(price, Decimal)
            assert price > 0
            assert isinstance(stored["price"], jsondoc.JsonNumber)
            assert PRICE_TEXT.fullmatch(stored["price"].text), stored["price"]
            assert stored["price"].to_decimal() == price


def test_feature_config_sections(drafts: list[SupplierDraft]) -> None:
    for draft in drafts:
        feature_config, _ = documents(draft)
        assert list(feature_config["business_hours"]) == DAY_NAMES
        assert len(feature_config["packages"]) >= 2
        assert feature_config["deposit"]["type"] in ("percentage", "fixed")
        availability = feature_config["availability"]
        assert availability["max_weddings_per_day"] >= 1
        blackout = availability["blackout_dates"]
        assert blackout == sorted(set(blackout))
        assert all(day.startswith("2027-") for day in blackout)
        assert isinstance(feature_config["booking"]["instant_booking"], bool)
        assert all(
            isinstance(flag, bool) for flag in feature_config["features"].values()
        )


def test_venues_have_capacity(drafts: list[SupplierDraft]) -> None:
    venues = [draft for draft in drafts if draft.primary_category == "venue"]
    assert venues
    for venue in venues:
        capacity = documents(venue)[0]["category_details"]["capacity"]
        assert capacity["evening"] > capacity["seated"] > 0


def test_data_payload_sections(drafts: list[SupplierDraft]) -> None:
    for draft in drafts:
        _, data_payload = documents(draft)
        assert set(data_payload) == {
            "portfolio",
            "enquiry_templates",
            "notes",
            "testimonials",
        }
        for entry in data_payload["portfolio"]:
            assert entry["title"]
            assert entry["date"] < "2027-01-01"
            assert entry["tags"]
        assert data_payload["enquiry_templates"]
        for template in data_payload["enquiry_templates"]:
            assert "{{" in template["subject"]
            assert "{{couple_names}}" in template["body"]


def test_populate_creates_suppliers(service: WorkspaceService) -> None:
    assert populate(service, 120) == 120
    assert service.count_suppliers() == 120


def test_populate_again_updates(service: WorkspaceService) -> None:
    populate(service, 120)
    outbox_before = service.pending_outbox_count()
    assert populate(service, 120) == 0
    assert service.count_suppliers() == 120
    assert service.pending_outbox_count() == outbox_before


def test_populate_more_adds_only_new(service: WorkspaceService) -> None:
    populate(service, 40)
    assert populate(service, 100) == 60
    assert service.count_suppliers() == 100


def test_populate_other_seed_replaces(service: WorkspaceService) -> None:
    # Import keys do not contain the seed, so demo:n is rewritten in place.
    populate(service, 30, seed=1)
    assert populate(service, 30, seed=2) == 0
    names = sorted(detail.business_name for detail in service.iter_suppliers())
    assert names == sorted(draft.business_name for draft in generate_drafts(30, 2))


def test_populate_stores_exact_prices(service: WorkspaceService) -> None:
    populate(service, 30)
    details = list(service.iter_suppliers())
    assert len(details) == 30
    for detail in details:
        feature_config = jsondoc.parse_document(detail.feature_config)
        for package in feature_config["packages"]:
            assert PRICE_TEXT.fullmatch(package["price"].text), package["price"]
        assert detail.email is not None
        assert detail.email.endswith(".example")


def test_populate_reports_progress(service: WorkspaceService) -> None:
    progress: list[int] = []
    populate(service, 200, on_progress=progress.append)
    assert progress
    assert progress == sorted(progress)
    assert progress[-1] <= 200


def test_populate_cancel_keeps_nothing(service: WorkspaceService) -> None:
    with pytest.raises(ImportCancelledError):
        populate(service, 200, should_cancel=lambda: True)
    assert service.count_suppliers() == 0
