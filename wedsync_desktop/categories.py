"""Supplier categories and price ranges as the WedSync server defines them."""

from __future__ import annotations

CATEGORIES: tuple[str, ...] = (
    "photographer",
    "videographer",
    "venue",
    "caterer",
    "florist",
    "dj",
    "band",
    "planner",
    "coordinator",
    "hair_makeup",
    "cake",
    "stationery",
    "transport",
    "other",
)

CATEGORY_LABELS: dict[str, str] = {
    "photographer": "Photographer",
    "videographer": "Videographer",
    "venue": "Venue",
    "caterer": "Caterer",
    "florist": "Florist",
    "dj": "DJ",
    "band": "Band",
    "planner": "Planner",
    "coordinator": "Coordinator",
    "hair_makeup": "Hair & make-up",
    "cake": "Cake",
    "stationery": "Stationery",
    "transport": "Transport",
    "other": "Other",
}

PRICE_RANGES: tuple[str, ...] = ("£", "££", "£££", "££££")

ROLES: tuple[str, ...] = ("OWNER", "ADMIN", "MEMBER", "VIEWER")


def category_label(category: str) -> str:
    """Return the display name of a category code, or the code itself."""
    return CATEGORY_LABELS.get(category, category)
