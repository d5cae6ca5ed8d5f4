"""Demo suppliers: realistic but fictional UK wedding businesses made from a seed.

Draft ``n`` depends only on ``n`` and the seed, so the same arguments always give
the same drafts and a longer run extends a shorter one. E-mail domains use the
reserved ``example`` top-level domain (RFC 2606) and phone numbers come from the
ranges Ofcom reserves for TV and radio drama (01632 960000-960999 and
07700 900000-900999), so no demo record can reach a real business or person.
Prices are exact ``Decimal`` pounds and no value is a float, so the documents
serialise with ``jsondoc.dumps``.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate
from typing import TYPE_CHECKING, Any, TypeVar

from wedsync_desktop import demo_catalogue as catalogue
from wedsync_desktop.categories import CATEGORIES, PRICE_RANGES
from wedsync_desktop.store.records import SupplierDraft

if TYPE_CHECKING:
    from wedsync_desktop.store.service import WorkspaceService

log = logging.getLogger(__name__)

DEFAULT_SEED = 359
IMPORT_KEY_PREFIX = "demo:"
EMAIL_DOMAIN_SUFFIX = ".example"
LANDLINE_PREFIX = "01632 960"
MOBILE_PREFIX = "07700 900"

JsonObject = dict[str, Any]
T = TypeVar("T")


def generate_drafts(count: int, seed: int = DEFAULT_SEED) -> Iterator[SupplierDraft]:
    """Yield ``count`` demo drafts with import keys ``demo:1`` to ``demo:<count>``.

    Drafts 1 to 14 cover every category once, so any run of 14 or more contains
    all of them. Later drafts follow realistic category weights.
    """
    if count < 0:
        raise ValueError(f"Demo supplier count must be 0 or more, got {count}.")
    for n in range(1, count + 1):
        yield _draft(n, seed)


def populate(
    service: WorkspaceService,
    count: int,
    seed: int = DEFAULT_SEED,
    should_cancel: Callable[[], bool] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``count`` demo suppliers in one transaction and count the new ones.

    Returns the number of suppliers created. A later run matches earlier demo
    suppliers by their import key ``demo:<n>``, whatever the seed, and updates
    them instead of adding more. ``should_cancel`` returning True rolls
    everything back and raises ImportCancelledError.
    """
    outcomes = service.upsert_drafts(
        enumerate(generate_drafts(count, seed), start=1),
        should_cancel=should_cancel,
        on_progress=on_progress,
    )
    created = sum(1 for outcome in outcomes if outcome.action == "created")
    skipped = [outcome for outcome in outcomes if outcome.action == "skipped"]
    for outcome in skipped:
        log.warning("Demo supplier %s was skipped: %s", outcome.line, outcome.reason)
    log.info(
        "Wrote demo suppliers with seed %s: %s created, %s updated, %s skipped",
        seed,
        created,
        len(outcomes) - created - len(skipped),
        len(skipped),
    )
    return created


# Tables derived from the catalogue once, on import.


def _past_wedding_dates() -> tuple[str, ...]:
    """Return 2023-2026 wedding dates, Saturdays and summer repeated by weight."""
    dates: list[str] = []
    day = date(2023, 1, 1)
    while day.year < 2027:
        copies = {4: 1, 5: 3}.get(day.weekday(), 0)  # Friday 1, Saturday 3
        if 5 <= day.month <= 9:
            copies *= 2
        dates.extend([day.isoformat()] * copies)
        day += timedelta(days=1)
    return tuple(dates)


_TOWN_CUMULATIVE = tuple(accumulate(town.weight for town in catalogue.TOWNS))
_CATEGORY_CUMULATIVE = tuple(
    accumulate(catalogue.CATEGORY_WEIGHTS[category] for category in CATEGORIES)
)
_PRICE_RANGE_CUMULATIVE = {
    category: tuple(
        accumulate(
            catalogue.PRICE_RANGE_WEIGHTS.get(
                category, catalogue.DEFAULT_PRICE_RANGE_WEIGHTS
            )
        )
    )
    for category in CATEGORIES
}
_WEDDING_DATES = _past_wedding_dates()
_DAYS_2027 = tuple(
    (date(2027, 1, 1) + timedelta(days=i)).isoformat() for i in range(365)
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
_PORTFOLIO_VENUES = (
    "The Old {building}",
    "{surname} Hall",
    "{nature} Barn",
    "{nature} House",
    "St Mary's Church",
    "the Register Office",
)
_PORTFOLIO_TITLES = (
    "{season} wedding at {venue}",
    "A {setting} wedding near {town}",
    "{season} in {town}",
)


# One supplier


def _draft(n: int, seed: int) -> SupplierDraft:
    rng = random.Random(f"wedsync-demo:{seed}:{n}")
    if n <= len(CATEGORIES):
        category = CATEGORIES[n - 1]
    else:
        category = rng.choices(CATEGORIES, cum_weights=_CATEGORY_CUMULATIVE)[0]
    kind = _pick(rng, catalogue.OTHER_KINDS) if category == "other" else category
    town = rng.choices(catalogue.TOWNS, cum_weights=_TOWN_CUMULATIVE)[0]
    tier = rng.choices(range(4), cum_weights=_PRICE_RANGE_CUMULATIVE[category])[0]
    first_name = _pick(rng, catalogue.FIRST_NAMES)
    name = _business_name(rng, kind, town.name, first_name)

    return SupplierDraft(
        business_name=name,
        primary_category=category,
        email=_email(rng, name, first_name),
        phone=_phone(rng),
        city=town.name,
        postcode=_postcode(rng, town.postcode_districts),
        price_range=None if rng.random() < 0.03 else PRICE_RANGES[tier],
        feature_config=_feature_config(rng, category, kind, tier),
        data_payload=_data_payload(rng, category, town.name, first_name),
        import_key=f"{IMPORT_KEY_PREFIX}{n}",
    )


def _business_name(rng: random.Random, kind: str, town: str, first_name: str) -> str:
    nature, nature2 = _sample(rng, catalogue.NATURE_WORDS, 2)
    return _pick(rng, catalogue.NAME_PATTERNS[kind]).format(
        nature=nature,
        nature2=nature2,
        first=first_name,
        surname=_pick(rng, catalogue.SURNAMES),
        town=town,
        evocative=_pick(rng, catalogue.EVOCATIVE_WORDS),
        building=_pick(rng, catalogue.BUILDINGS),
        adjective=_pick(rng, catalogue.BAND_ADJECTIVES),
        noun=_pick(rng, catalogue.BAND_NOUNS),
    )


def _email(rng: random.Random, business_name: str, first_name: str) -> str:
    """Return an address on a domain made of the first two words of the name."""
    words = [
        "".join(c for c in word.lower() if c.isascii() and c.isalnum())
        for word in business_name.split()
    ]
    words = [word for word in words if word and word not in ("the", "and", "co")]
    user = _pick(rng, (*catalogue.EMAIL_USERS, first_name.lower()))
    return f"{user}@{''.join(words[:2])}{EMAIL_DOMAIN_SUFFIX}"


def _phone(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.04:
        return None
    prefix = LANDLINE_PREFIX if roll < 0.45 else MOBILE_PREFIX
    return f"{prefix}{_between(rng, 0, 999):03d}"


def _postcode(rng: random.Random, districts: tuple[str, ...]) -> str:
    letters = catalogue.POSTCODE_LETTERS
    inward = f"{_between(rng, 0, 9)}{_pick(rng, letters)}{_pick(rng, letters)}"
    return f"{_pick(rng, districts)} {inward}"


def _pounds(pence: int) -> Decimal:
    """Return an amount as exact pounds with two decimal places."""
    return Decimal(pence).scaleb(-2)


def _price(rng: random.Random, base_pence: int, tier: int) -> Decimal:
    """Return a price for a price range, varied and rounded as vendors round."""
    percent = catalogue.PRICE_RANGE_PERCENT[tier] * _between(rng, 85, 120)
    pence = base_pence * percent // 10_000
    if pence >= 100_000:
        step = 5000  # £50 steps from £1,000
    elif pence >= 5000:
        step = 500  # £5 steps from £50
    else:
        step = 50  # 50p steps below £50
    return _pounds(max(step, (pence + step // 2) // step * step))


# feature_config


def _feature_config(
    rng: random.Random, category: str, kind: str, tier: int
) -> JsonObject:
    return {
        "currency": "GBP",
        "business_hours": _business_hours(rng, category),
        "packages": _packages(rng, kind, tier),
        "deposit": _deposit(rng, tier),
        "availability": _availability(rng, category),
        "booking": _booking(rng),
        "features": {
            "online_enquiries": rng.random() < 0.95,
            "show_prices": rng.random() < 0.6,
            "calendar_sync": rng.random() < 0.4,
            "reviews": rng.random() < 0.8,
            "instant_quote": rng.random() < 0.25,
        },
        "category_details": _category_details(rng, category, kind),
    }


def _business_hours(rng: random.Random, category: str) -> JsonObject:
    """Return opening hours per weekday, ``None`` for a closed day."""
    opening = {
        "open": _pick(rng, ("08:30", "09:00", "09:30", "10:00")),
        "close": _pick(rng, ("16:30", "17:00", "17:30", "18:00")),
    }
    hours: JsonObject = {day: dict(opening) for day in _WEEKDAYS}
    if rng.random() < 0.3:
        hours["monday"] = None
    viewings = category == "venue" or rng.random() < 0.4
    saturday = {"open": "10:00", "close": "14:00", "by_appointment": True}
    sunday = {"open": "11:00", "close": "15:00", "by_appointment": True}
    hours["saturday"] = saturday if viewings else None
    hours["sunday"] = sunday if viewings and rng.random() < 0.5 else None
    return hours


def _packages(rng: random.Random, kind: str, tier: int) -> list[JsonObject]:
    offered = catalogue.PACKAGES[kind]
    count = _between(rng, 2, len(offered))
    chosen = sorted(_sample(rng, range(len(offered)), count))
    popular = _pick(rng, chosen)
    return [
        {
            "id": f"pkg-{index + 1}",
            "name": offered[index].name,
            "price": _price(rng, offered[index].base_pence, tier),
            "unit": offered[index].unit,
            "vat_included": tier < 2 or rng.random() < 0.5,
            "popular": index == popular,
        }
        for index in chosen
    ]


def _deposit(rng: random.Random, tier: int) -> JsonObject:
    deposit: JsonObject
    if rng.random() < 0.6:
        deposit = {"type": "percentage", "percent": _pick(rng, (20, 25, 30, 50))}
    else:
        pounds = _pick(rng, (100, 150, 200, 250, 300, 500)) * (tier + 1)
        deposit = {"type": "fixed", "amount": _pounds(pounds * 100)}
    deposit["due_within_days"] = _pick(rng, (7, 14, 28))
    deposit["refundable"] = rng.random() < 0.15
    deposit["balance_due_days_before"] = _pick(rng, (28, 42, 56, 90))
    return deposit


def _availability(rng: random.Random, category: str) -> JsonObject:
    low, high = catalogue.MAX_WEDDINGS_PER_DAY.get(category, (1, 1))
    blackout = {_pick(rng, _DAYS_2027) for _ in range(_between(rng, 0, 8))}
    availability: JsonObject = {
        "max_weddings_per_day": _between(rng, low, high),
        "blackout_dates": sorted(blackout),
        "booking_window_months": _pick(rng, (12, 18, 24, 36)),
        "min_notice_days": _pick(rng, (14, 30, 60, 90)),
        "midweek_discount_percent": _pick(rng, (0, 0, 10, 15, 20)),
    }
    if category != "venue":
        availability["travel_radius_miles"] = _pick(rng, (25, 40, 50, 75, 100, 150))
    return availability


def _booking(rng: random.Random) -> JsonObject:
    channels = ("email", "phone", "web_form", "instagram")
    return {
        "instant_booking": rng.random() < 0.2,
        "consultation": {
            "required": rng.random() < 0.7,
            "minutes": _pick(rng, (20, 30, 45, 60)),
            "mode": _pick(rng, ("video", "phone", "in_person")),
        },
        "hold_date_days": _pick(rng, (3, 7, 14)),
        "contract_required": rng.random() < 0.9,
        "cancellation_policy": _pick(rng, ("standard", "flexible", "strict")),
        "enquiry_channels": sorted(_sample(rng, channels, _between(rng, 1, 4))),
    }


def _category_details(rng: random.Random, category: str, kind: str) -> JsonObject:
    """Return the settings that only one kind of supplier has."""
    if category == "venue":
        seated = 10 * _between(rng, 4, 22)
        return {
            "capacity": {
                "ceremony": seated + 10 * _between(rng, 0, 5),
                "seated": seated,
                "evening": seated + 10 * _between(rng, 2, 12),
            },
            "licensed_for_ceremonies": rng.random() < 0.85,
            "exclusive_use": rng.random() < 0.6,
            "accommodation_rooms": _pick(rng, (0, 0, 4, 8, 12, 20)),
            "curfew": _pick(rng, ("23:00", "23:30", "00:00", "01:00")),
            "in_house_catering": rng.random() < 0.5,
        }
    if category == "caterer":
        diets = catalogue.DIETARY_OPTIONS
        return {
            "dietary_options": sorted(_sample(rng, diets, _between(rng, 2, 5))),
            "minimum_guests": _pick(rng, (30, 40, 50, 60)),
        }
    if category in ("photographer", "videographer"):
        return {
            "second_shooter": rng.random() < 0.5,
            "delivery_weeks": _pick(rng, (4, 6, 8, 12)),
        }
    if category in ("band", "dj"):
        return {
            "set_minutes": _pick(rng, (45, 60, 90, 120)),
            "pa_included": rng.random() < 0.9,
            "power_sockets_needed": _between(rng, 1, 4),
        }
    if category == "transport":
        fleet = _sample(rng, catalogue.TRANSPORT_FLEET, _between(rng, 1, 3))
        return {"fleet": fleet, "ribbons": True}
    if category == "other":
        return {"service": kind}
    return {}


# data_payload


def _data_payload(
    rng: random.Random, category: str, town: str, first_name: str
) -> JsonObject:
    portfolio_size = _between(rng, 0, 6)
    notes = _sample(rng, catalogue.NOTES, _between(rng, 0, 3))
    quotes = _sample(rng, catalogue.TESTIMONIAL_QUOTES, _between(rng, 0, 3))
    return {
        "portfolio": [
            _portfolio_entry(rng, category, town, number)
            for number in range(1, portfolio_size + 1)
        ],
        "enquiry_templates": _enquiry_templates(rng, first_name),
        "notes": [_note(rng, text) for text in notes],
        "testimonials": [
            {
                "couple": _couple(rng),
                "wedding_date": _pick(rng, _WEDDING_DATES),
                "rating": _pick(rng, (4, 5, 5, 5)),
                "quote": quote,
            }
            for quote in quotes
        ],
    }


def _portfolio_entry(
    rng: random.Random, category: str, town: str, number: int
) -> JsonObject:
    wedding_date = _pick(rng, _WEDDING_DATES)
    season = catalogue.SEASONS[int(wedding_date[5:7]) - 1]
    venue = _pick(rng, _PORTFOLIO_VENUES).format(
        building=_pick(rng, catalogue.BUILDINGS),
        nature=_pick(rng, catalogue.NATURE_WORDS),
        surname=_pick(rng, catalogue.SURNAMES),
    )
    setting = _pick(rng, catalogue.SETTING_TAGS)
    styles = catalogue.STYLE_TAGS.get(category, ())
    style_count = min(len(styles), _between(rng, 0, 2))
    title = _pick(rng, _PORTFOLIO_TITLES).format(
        season=season.capitalize(), venue=venue, setting=setting, town=town
    )
    return {
        "id": f"portfolio-{number}",
        "title": title,
        "venue": f"{venue}, {town}",
        "date": wedding_date,
        "tags": [season, setting, *_sample(rng, styles, style_count)],
        "image_count": _between(rng, 8, 60),
        "featured": number == 1,
    }


def _enquiry_templates(rng: random.Random, first_name: str) -> list[JsonObject]:
    templates = catalogue.ENQUIRY_TEMPLATES
    count = _between(rng, 1, len(templates))
    chosen = sorted(_sample(rng, range(len(templates)), count))
    sign_off = _pick(rng, catalogue.SIGN_OFFS)
    return [
        {
            "id": f"template-{index + 1}",
            "name": templates[index][0],
            "subject": templates[index][1],
            "body": f"{templates[index][2]}\n\n{sign_off},\n{first_name}",
        }
        for index in chosen
    ]


def _note(rng: random.Random, text: str) -> JsonObject:
    day = date(2026, 1, 1) + timedelta(days=_between(rng, 0, 330))
    time = f"{_between(rng, 8, 20):02d}:{5 * _between(rng, 0, 11):02d}:00"
    return {"created_at": f"{day}T{time}Z", "text": text, "pinned": rng.random() < 0.2}


def _couple(rng: random.Random) -> str:
    first, second = _sample(rng, catalogue.FIRST_NAMES, 2)
    return f"{first} & {second}"


# Random helpers. They draw only from rng.random(), which is several times
# faster than Random.choice and Random.sample and keeps 10,000 drafts quick.


def _pick(rng: random.Random, options: Sequence[T]) -> T:
    return options[int(rng.random() * len(options))]


def _between(rng: random.Random, low: int, high: int) -> int:
    """Return a random integer from ``low`` to ``high``, both included."""
    return low + int(rng.random() * (high - low + 1))


def _sample(rng: random.Random, options: Sequence[T], count: int) -> list[T]:
    """Return ``count`` different items of ``options`` in random order."""
    size = len(options)
    if count > size:
        raise ValueError(f"Cannot take {count} different items from {size}.")
    chosen: list[int] = []
    while len(chosen) < count:
        index = int(rng.random() * size)
        if index not in chosen:
            chosen.append(index)
    return [options[index] for index in chosen]
