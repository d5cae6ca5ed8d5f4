"""Free-text categories and price levels mapped onto WedSync's codes."""

from __future__ import annotations

import pytest

from wedsync_desktop.categories import CATEGORIES, CATEGORY_LABELS
from wedsync_desktop.importers.category_map import map_category, map_price_range


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wedding Venue", "venue"),
        ("Venues", "venue"),
        ("Florists", "florist"),
        ("Florist", "florist"),
        ("Cakes", "cake"),
        ("dj", "dj"),
        ("DJs", "dj"),
        ("Disc jockey", "dj"),
        ("Caterers", "caterer"),
        ("Catering", "caterer"),
        ("Musicians", "band"),
        ("Live band", "band"),
        ("Photographer", "photographer"),
        ("Photographers", "photographer"),
        ("Photography", "photographer"),
        ("Videography", "videographer"),
        ("Event Planning & Services", "planner"),
        ("Wedding planner", "planner"),
        ("Wedding co-ordinator", "coordinator"),
        ("Hair & Makeup", "hair_makeup"),
        ("Hair & make-up", "hair_makeup"),
        ("Bridal hair", "hair_makeup"),
        ("Stationery", "stationery"),
        ("Invitations", "stationery"),
        ("Wedding cars", "transport"),
        ("Transport", "transport"),
        ("  FLORISTS  ", "florist"),
    ],
)
def test_category_text_maps_to_code(text: str, expected: str) -> None:
    assert map_category(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Florists, Event Planning & Services", "florist"),
        ("Caterers, Event Planning & Services", "caterer"),
        ("Musicians, Party & Event Planning", "band"),
        ("Party Supplies, Cakes", "cake"),
        ("Shopping, Bridal, Wedding Venue", "venue"),
    ],
)
def test_category_list_takes_first_that_maps(text: str, expected: str) -> None:
    assert map_category(text) == expected


@pytest.mark.parametrize("text", ["", "Pet grooming", "Party Supplies, Shopping", "?"])
def test_category_unknown_is_other(text: str) -> None:
    assert map_category(text) == "other"


@pytest.mark.parametrize("code", CATEGORIES)
def test_category_code_and_label_map_to_themselves(code: str) -> None:
    assert map_category(code) == code
    assert map_category(CATEGORY_LABELS[code]) == code


def test_category_word_inside_longer_word_does_not_match() -> None:
    # "car" is transport only as a whole word, not inside "Caravan" or "Cardiff".
    assert map_category("Caravan hire") == "other"
    assert map_category("Cardiff Caterers") == "caterer"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("£", "£"),
        ("££", "££"),
        ("£££", "£££"),
        ("££££", "££££"),
        (" ££ ", "££"),
        ("$$", "££"),
        ("€€", "££"),
        ("$$$$", "££££"),
        ("2", "££"),
        ("4", "££££"),
    ],
)
def test_price_range_maps_to_pounds(text: str, expected: str) -> None:
    assert map_price_range(text) == expected


@pytest.mark.parametrize(
    "text", ["", "£££££", "5", "0", "cheap", "£100-£200", "$£", "££ to £££"]
)
def test_price_range_other_text_is_none(text: str) -> None:
    assert map_price_range(text) is None
