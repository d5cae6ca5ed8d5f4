"""Folding text for search and sort, so "lukasz" finds "Łukasz"."""

from __future__ import annotations

import unicodedata

from wedsync_desktop.categories import category_label

# Letters that Unicode decomposition leaves alone but a searcher types plainly.
_PLAIN_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)


def fold(text: str) -> str:
    """Return ``text`` case-folded, with accents removed and spaces collapsed.

    Invisible format characters (zero-width spaces, direction marks) are
    dropped too, so "ZeroWidth" finds a name typed with one inside.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(
        char
        for char in decomposed
        if not unicodedata.combining(char) and unicodedata.category(char) != "Cf"
    )
    return " ".join(stripped.translate(_PLAIN_LETTERS).split())


def search_text(
    business_name: str,
    primary_category: str,
    city: str | None,
    email: str | None,
    postcode: str | None,
) -> str:
    """Return the folded text that a list search matches against."""
    parts = [
        business_name,
        primary_category,
        category_label(primary_category),
        city or "",
        email or "",
        postcode or "",
    ]
    return fold(" | ".join(parts))


def like_pattern(query: str) -> str:
    """Return a LIKE pattern (escape character ``\\``) matching folded ``query``."""
    escaped = fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
