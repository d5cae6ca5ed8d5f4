"""Mapping free-text categories and price levels onto WedSync's codes.

Directory files describe a business in their own words ("Wedding Venue",
"Florists, Event Planning & Services", "$$"). The importer keeps that text in
the data payload and stores the nearest code from ``wedsync_desktop.categories``.
"""

from __future__ import annotations

import re

from wedsync_desktop.categories import CATEGORIES, CATEGORY_LABELS, PRICE_RANGES
from wedsync_desktop.store.search import fold

OTHER = "other"

# Whole words, after folding, that name a category on their own.
_WORDS: dict[str, str] = {
    "dj": "dj",
    "djs": "dj",
    "deejay": "dj",
    "disco": "dj",
    "band": "band",
    "bands": "band",
    "singer": "band",
    "singers": "band",
    "quartet": "band",
    "choir": "band",
    "venue": "venue",
    "venues": "venue",
    "food": "caterer",
    "flowers": "florist",
    "floral": "florist",
    "film": "videographer",
    "films": "videographer",
    "hair": "hair_makeup",
    "makeup": "hair_makeup",
    "mua": "hair_makeup",
    "beauty": "hair_makeup",
    "cake": "cake",
    "cakes": "cake",
    "baker": "cake",
    "bakers": "cake",
    "bakery": "cake",
    "invites": "stationery",
    "car": "transport",
    "cars": "transport",
    "limo": "transport",
    "limos": "transport",
    "coach": "transport",
    "coaches": "transport",
}

# Word beginnings that cover a family of words ("photograph" covers
# photographer, photographers and photography).
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("photo", "photographer"),
    ("videograph", "videographer"),
    ("video", "videographer"),
    ("cinemat", "videographer"),
    ("florist", "florist"),
    ("flower", "florist"),
    ("cater", "caterer"),
    ("music", "band"),
    ("plann", "planner"),
    ("coordinat", "coordinator"),
    ("stationer", "stationery"),
    ("invitation", "stationery"),
    ("transport", "transport"),
    ("chauffeur", "transport"),
    ("limousine", "transport"),
    ("hairdress", "hair_makeup"),
    ("hairstyl", "hair_makeup"),
    ("patisser", "cake"),
)

_JOINED_WORDS = (
    (re.compile(r"\bmake[\s-]+up\b"), "makeup"),
    (re.compile(r"\bco-ordinat"), "coordinat"),
    (re.compile(r"\bdisc[\s-]+jockey"), "dj"),
)
_WORD = re.compile(r"[a-z0-9]+")
_CODES_BY_LABEL = {fold(label): code for code, label in CATEGORY_LABELS.items()}

_CURRENCY_SIGNS = frozenset("£$€¥")


def map_category(text: str) -> str:
    """Return the category code for free text, or ``other`` when nothing matches.

    A code or label ("hair_makeup", "Hair & make-up") maps to itself. Otherwise
    the words are read left to right and the first that names a category
    decides, so in a list such as "Florists, Event Planning & Services" the
    first entry that maps wins.
    """
    folded = fold(text)
    if folded in CATEGORIES:
        return folded
    if folded in _CODES_BY_LABEL:
        return _CODES_BY_LABEL[folded]
    for pattern, replacement in _JOINED_WORDS:
        folded = pattern.sub(replacement, folded)
    for word in _WORD.findall(folded):
        code = _category_of_word(word)
        if code is not None:
            return code
    return OTHER


def map_price_range(text: str) -> str | None:
    """Return ``£`` to ``££££`` for a price level, or None when it is not one.

    One to four repeats of a currency sign (``$$``, ``€€``) or a digit 1 to 4
    become that many ``£``. Any other text is not a price level.
    """
    value = text.strip()
    if value in PRICE_RANGES:
        return value
    if 1 <= len(value) <= len(PRICE_RANGES):
        if len(set(value)) == 1 and value[0] in _CURRENCY_SIGNS:
            return PRICE_RANGES[len(value) - 1]
        if value in ("1", "2", "3", "4"):
            return PRICE_RANGES[int(value) - 1]
    return None


def _category_of_word(word: str) -> str | None:
    if word in _WORDS:
        return _WORDS[word]
    for prefix, code in _PREFIXES:
        if word.startswith(prefix):
            return code
    return None
