"""Word lists, towns and price tables that the demo suppliers are built from.

Towns and their postcode districts are real. Business names are made up by
combining the word lists with the patterns below, and none is meant to be a
real business. Tables are kept as text, one row a line, and parsed once on import.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


class Town(NamedTuple):
    name: str
    postcode_districts: tuple[str, ...]
    weight: int


class Package(NamedTuple):
    name: str
    base_pence: int  # price for the "££" range
    unit: str


def split_words(text: str, separator: str | None = None) -> tuple[str, ...]:
    """Split a word list written as one string."""
    return tuple(text.split(separator))


NATURE_WORDS = split_words(
    "Willow Thistle Bramble Hawthorn Meadow Heather Juniper Rowan Fern Foxglove "
    "Clover Elder Hazel Ivy Sorrel Wren Kestrel Skylark Linden Birch Sloe Primrose "
    "Bluebell Poppy Cornflower Yarrow Larch Aspen Moss Saffron Sage Marigold "
    "Damson Quince Alder Holly Myrtle Lark Swallow Heron"
)
EVOCATIVE_WORDS = split_words(
    "Harbour Light|Golden Hour|Northern Light|Blue Hour|Hedgerow|Salt & Pine|"
    "Wildflower|Little Wren|Paper Moon|Silver Birch|Honey & Oak|Lantern|Tidewater|"
    "Old Orchard|Fox & Feather|Morning Dew|Stone & Sky|Field & Fold|Sea Glass|"
    "Hearth & Home|Twelfth Night|Half Moon|Wild Rose|Oak & Acorn|Meadowsweet|"
    "Kingfisher|Saltwater|Evergreen|Bramble Lane|Lavender Hill|Driftwood|"
    "Sunday Best|Something Blue|Moonrise|Firefly|Hollyhock|Bay Tree|Wildwood",
    "|",
)
FIRST_NAMES = split_words(
    "Amy Tom Olivia Jack Emily Harry Sophie George Isla Oliver Grace Noah Chloe "
    "Leo Hannah Oscar Lucy Alfie Ella Arthur Ruby Freddie Megan Callum Priya Arjun "
    "Aisha Omar Zara Kwame Niamh Ciaran Eilidh Rhys Cerys Dylan Fatima Hamza Mei "
    "Daniel Rosie Sam Jess Ben Holly Josh Katie Ryan Anna Luke Siobhan Ewan"
)
SURNAMES = split_words(
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Wright Robinson "
    "Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Hughes "
    "Edwards Turner Hill Moore Cooper Ward Morris King Harrison Morgan Baker "
    "Fletcher Shah Khan Ali Campbell Stewart MacLeod Murray Reid Kelly O'Neill "
    "Quinn Lewis Price Rees Ashworth Pemberton Fairfax Hartley Whitmore Kingsley"
)
BUILDINGS = split_words(
    "Granary|Rectory|Dairy|Mill|Vicarage|Tithe Barn|Coach House|Boathouse|Forge|"
    "Maltings|Schoolhouse|Brewery|Stables|Priory|Cider Barn|Chapel|Orangery|"
    "Sawmill|Hop Kiln",
    "|",
)
BAND_ADJECTIVES = split_words(
    "Midnight Velvet Electric Silver Golden Crimson Northern Lucky Brass"
)
BAND_NOUNS = split_words(
    "Magpies Foxes Skylarks Ravens Lanterns Sparrows Hearts Comets"
)

# Letters that Royal Mail uses in the last two characters of a postcode.
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# town | postcode districts | relative number of suppliers
_TOWN_TABLE = """
London|SW11 SE1 N1 E8 W4 NW3 SW19 SE22|10
Bath|BA1 BA2|3
Bristol|BS1 BS6 BS8|4
Cheltenham|GL50 GL52 GL53|2
Cirencester|GL7|1
Stow-on-the-Wold|GL54|1
Oxford|OX1 OX2 OX4|3
Cambridge|CB1 CB2 CB4|3
York|YO1 YO10 YO24 YO31|3
Harrogate|HG1 HG2|2
Whitby|YO21 YO22|1
Leeds|LS1 LS6 LS17|3
Sheffield|S1 S10 S11|2
Manchester|M1 M4 M20|4
Liverpool|L1 L3 L17|3
Chester|CH1 CH2 CH3|2
Birmingham|B1 B3 B15|4
Leamington Spa|CV31 CV32|1
Stratford-upon-Avon|CV37|2
Nottingham|NG1 NG7|2
Derby|DE1 DE22|1
Matlock|DE4|1
Bakewell|DE45|1
Buxton|SK17|1
Lincoln|LN1 LN2|1
Stamford|PE9|1
Norwich|NR1 NR2|2
Ipswich|IP1 IP4|1
Bury St Edmunds|IP33|1
Aldeburgh|IP15|1
Southwold|IP18|1
Brighton|BN1 BN2|3
Lewes|BN7|1
Chichester|PO19|1
Canterbury|CT1 CT2|2
Whitstable|CT5|1
Tunbridge Wells|TN1 TN2 TN4|2
Rye|TN31|1
Guildford|GU1 GU2|2
Windsor|SL4|2
Henley-on-Thames|RG9|1
Winchester|SO22 SO23|2
Salisbury|SP1 SP2|1
Bournemouth|BH1 BH2|2
Dorchester|DT1|1
Lyme Regis|DT7|1
Wells|BA5|1
Frome|BA11|1
Exeter|EX1 EX2 EX4|2
Plymouth|PL1 PL4|1
Truro|TR1|1
Falmouth|TR11|1
St Ives|TR26|1
Hereford|HR1 HR2 HR4|1
Hay-on-Wye|HR3|1
Ludlow|SY8|1
Shrewsbury|SY1 SY2 SY3|1
Durham|DH1|1
Newcastle upon Tyne|NE1 NE2|3
Hexham|NE46|1
Alnwick|NE66|1
Keswick|CA12|1
Kendal|LA9|1
Windermere|LA23|1
Edinburgh|EH1 EH3 EH10|4
Glasgow|G1 G2 G12|3
St Andrews|KY16|1
Stirling|FK7 FK8|1
Perth|PH1 PH2|1
Dundee|DD1|1
Aberdeen|AB10 AB11|1
Inverness|IV1 IV2 IV3|1
Portree|IV51|1
Oban|PA34|1
Cardiff|CF10 CF11 CF24|3
Swansea|SA1 SA2|1
Tenby|SA70|1
Abergavenny|NP7|1
Llandudno|LL30|1
Belfast|BT1 BT7 BT9|2
Derry/Londonderry|BT48|1
"""

# Relative share of each category among suppliers.
CATEGORY_WEIGHTS = {
    "photographer": 18,
    "videographer": 6,
    "venue": 14,
    "caterer": 8,
    "florist": 9,
    "dj": 6,
    "band": 5,
    "planner": 4,
    "coordinator": 2,
    "hair_makeup": 9,
    "cake": 6,
    "stationery": 4,
    "transport": 4,
    "other": 5,
}

# Relative share of the price ranges £, ££, £££ and ££££ in a category, and
# the percentage of the "££" package prices that each range charges.
PRICE_RANGE_WEIGHTS = {
    "venue": (0, 2, 5, 3),
    "planner": (1, 3, 4, 2),
    "cake": (3, 5, 2, 1),
    "stationery": (3, 5, 2, 1),
    "dj": (3, 5, 2, 1),
}
DEFAULT_PRICE_RANGE_WEIGHTS = (2, 5, 4, 1)
PRICE_RANGE_PERCENT = (60, 100, 160, 250)

# Suppliers of category "other" are one of these kinds of business.
OTHER_KINDS = ("photo_booth", "celebrant", "marquee_hire", "prop_hire")

# kind | business name pattern (str.format fields: nature, nature2, first,
# surname, town, evocative, building, adjective, noun)
_NAME_PATTERN_TABLE = """
photographer|{nature} & {nature2} Photography
photographer|{first} {surname} Photography
photographer|{evocative} Photography
photographer|{first} {surname} Photographer
videographer|{evocative} Films
videographer|{first} {surname} Films
videographer|{nature} & {nature2} Wedding Films
videographer|{nature} Cinema Co.
venue|The Old {building}
venue|{surname} Hall
venue|{nature} Barn
venue|{nature} Farm Weddings
venue|{surname} Court
venue|{nature} House
venue|{nature} Manor
venue|The {building} at {surname} Park
caterer|{nature} & {nature2} Kitchen
caterer|{evocative} Catering
caterer|{first}'s Table
caterer|{surname} & Co. Catering
caterer|{town} Hog Roast Company
florist|{nature} & {nature2} Florals
florist|{nature} Flower Studio
florist|{first}'s Flowers
florist|{evocative} Flowers
florist|{first} {surname} Floral Design
dj|{first} {surname} DJ
dj|{evocative} Discos
dj|{nature} Sound
dj|{town} Wedding DJs
band|The {adjective} {noun}
band|The {surname} Collective
band|{nature} String Quartet
band|{evocative} Swing Band
band|{town} Ceilidh Band
planner|{nature} & {nature2} Weddings
planner|{first} {surname} Weddings & Events
planner|{evocative} Events
planner|{town} Wedding Company
coordinator|{first} {surname} Coordination
coordinator|{nature} On-the-Day Coordination
coordinator|{evocative} Day Coordinators
hair_makeup|{first} {surname} Bridal Hair & Make-up
hair_makeup|{nature} Bridal Beauty
hair_makeup|{evocative} Hair & Make-up
hair_makeup|{first}'s Bridal Studio
cake|{nature} Cake Company
cake|{first}'s Cakes
cake|{nature} & {nature2} Bakehouse
cake|{evocative} Cakes
cake|The {town} Cake Studio
stationery|{nature} Paper Co.
stationery|{nature} & {nature2} Press
stationery|{first} {surname} Calligraphy
stationery|{evocative} Stationery
transport|{town} Vintage Wedding Cars
transport|{surname} Classic Cars
transport|{nature} Carriages
transport|{evocative} Wedding Cars
photo_booth|{evocative} Photo Booths
photo_booth|{nature} Booth Co.
celebrant|{first} {surname}, Celebrant
celebrant|{nature} Ceremonies
marquee_hire|{town} Marquees
marquee_hire|{nature} Tipis
marquee_hire|{surname} Marquee Hire
prop_hire|{nature} Prop Hire
prop_hire|{evocative} Styling & Hire
"""

# kind | package name | price in pounds for the "££" range | unit
_PACKAGE_TABLE = """
photographer|Elopement|650|per_wedding
photographer|Half Day|1100|per_wedding
photographer|Full Day|1850|per_wedding
photographer|Full Day & Album|2400|per_wedding
photographer|Two Photographers|2750|per_wedding
photographer|Engagement Shoot|250|per_wedding
videographer|Highlights Film|950|per_wedding
videographer|Ceremony & Speeches|1400|per_wedding
videographer|Feature Film|2200|per_wedding
videographer|Documentary Edit|2900|per_wedding
videographer|Drone Footage|300|per_wedding
venue|Midweek Exclusive Use|6500|per_wedding
venue|Friday Exclusive Use|8500|per_wedding
venue|Saturday Exclusive Use|12500|per_wedding
venue|Winter Elopement|2500|per_wedding
venue|Ceremony Only|1500|per_wedding
caterer|Three-Course Wedding Breakfast|58|per_head
caterer|Sharing Platters|46|per_head
caterer|Hog Roast|24|per_head
caterer|Evening Pizza Oven|14|per_head
caterer|Canapé Reception|12.50|per_head
florist|Bridal Bouquet|180|per_item
florist|Buttonholes, set of 6|72|per_item
florist|Ceremony Arch|850|per_item
florist|Table Centrepieces, set of 10|600|per_item
florist|Full Wedding Flowers|2200|per_wedding
dj|Evening Set, 4 hours|550|per_wedding
dj|Ceremony to Close|1150|per_wedding
dj|Uplighting|150|per_wedding
dj|Ceremony PA|200|per_wedding
band|Two 45-minute Sets|1600|per_wedding
band|Three Sets & DJ Playlist|2100|per_wedding
band|Ceilidh Evening|1200|per_wedding
band|Acoustic Duo Drinks Reception|450|per_wedding
planner|Full Planning|4500|per_wedding
planner|Partial Planning|2200|per_wedding
planner|Venue Search|600|per_wedding
planner|Destination Planning|6500|per_wedding
coordinator|On-the-Day Coordination|850|per_wedding
coordinator|Month-of Coordination|1300|per_wedding
coordinator|Rehearsal|200|per_wedding
hair_makeup|Bridal Hair & Make-up|395|per_person
hair_makeup|Bridesmaid Hair & Make-up|95|per_person
hair_makeup|Bridal Trial|120|per_person
hair_makeup|Mother of the Bride|85|per_person
cake|Two-Tier Cake|350|per_item
cake|Three-Tier Cake|520|per_item
cake|Semi-Naked Cake|420|per_item
cake|Dessert Table|650|per_wedding
cake|Tasting Box|25|per_item
stationery|Save the Dates, 50 cards|95|per_item
stationery|Invitation Suite, 50 sets|420|per_item
stationery|On-the-Day Stationery|350|per_wedding
stationery|Calligraphy Place Card|2.50|per_item
transport|Vintage Car, Ceremony Only|395|per_wedding
transport|Vintage Car, Full Day|650|per_wedding
transport|Classic Bus for Guests|780|per_wedding
transport|Horse & Carriage|950|per_wedding
photo_booth|Photo Booth, 3 hours|495|per_wedding
photo_booth|Guest Book Album|60|per_item
celebrant|Celebrant-led Ceremony|650|per_wedding
celebrant|Vow Renewal|400|per_wedding
marquee_hire|Marquee for 100 Guests|4200|per_wedding
marquee_hire|Festoon Lighting|350|per_wedding
marquee_hire|Dance Floor|450|per_wedding
prop_hire|Welcome Sign|45|per_item
prop_hire|Table Styling, 10 tables|320|per_wedding
prop_hire|Flower Wall|380|per_item
"""

# Weddings a supplier of a category can take on one day: (minimum, maximum).
# Categories not listed take one.
MAX_WEDDINGS_PER_DAY = {
    "caterer": (1, 4),
    "florist": (1, 4),
    "dj": (1, 3),
    "hair_makeup": (1, 3),
    "cake": (2, 6),
    "stationery": (5, 20),
    "transport": (1, 5),
    "planner": (1, 2),
}

STYLE_TAGS = {
    "photographer": split_words(
        "documentary|fine art|candid|black and white|film", "|"
    ),
    "videographer": split_words("cinematic|documentary|drone|same-day edit", "|"),
    "venue": split_words("exclusive use|licensed|outdoor ceremony|accommodation", "|"),
    "caterer": split_words("seasonal|local produce|vegan menu|street food", "|"),
    "florist": split_words("seasonal|British-grown|dried flowers|meadow style", "|"),
    "band": split_words("swing soul indie ceilidh acoustic"),
    "dj": split_words("80s disco indie garage Bollywood"),
}
SETTING_TAGS = split_words(
    "barn coastal city garden woodland marquee church castle country-house "
    "elopement intimate festival"
)
# Season of each month, January first.
SEASONS = split_words(
    "winter winter spring spring spring summer summer summer autumn autumn autumn "
    "winter"
)
TRANSPORT_FLEET = (
    "1956 Rolls-Royce Silver Cloud",
    "1965 Austin Princess",
    "1960s Routemaster bus",
    "VW camper van",
)
DIETARY_OPTIONS = ("vegetarian", "vegan", "gluten_free", "halal", "nut_free")

# Enquiry templates: (name, subject, body). The {{...}} placeholders are filled
# in by the web app when a reply is sent.
ENQUIRY_TEMPLATES = (
    (
        "First reply",
        "Your wedding on {{wedding_date}}",
        "Hi {{couple_names}},\n\nThank you for getting in touch about your wedding "
        "at {{venue}}. Good news: {{wedding_date}} is still free. Our brochure "
        "with prices for {{guest_count}} guests is attached.\n\nWould a short "
        "call this week suit you?",
    ),
    (
        "Date not available",
        "{{wedding_date}} is already booked",
        "Hi {{couple_names}},\n\nThank you for thinking of {{business_name}}. "
        "Unfortunately {{wedding_date}} is already booked. If your date can move, "
        "we still have a few Fridays free next summer.",
    ),
    (
        "Booking confirmed",
        "You're booked for {{wedding_date}}",
        "Hi {{couple_names}},\n\nThank you for your deposit of {{deposit_amount}}. "
        "{{wedding_date}} at {{venue}} is now in our diary. The balance is due "
        "on {{balance_due_date}}.",
    ),
    (
        "Final details",
        "Final details for {{wedding_date}}",
        "Hi {{couple_names}},\n\nWith {{days_to_go}} days to go, please send the "
        "timings for the day, a contact number for the day and any changes to "
        "your guest numbers.",
    ),
)
SIGN_OFFS = ("Best wishes", "Kind regards", "Speak soon", "Warm wishes")
NOTES = (
    "Raise prices by 5% for bookings made after 1 January.",
    "Insurance renewal due in March; public liability cover is £5m.",
    "Ask the venue coordinator for load-in times before each booking.",
    "Couples keep asking about Sunday rates. Add a Sunday package?",
    "Brochure PDF needs the new package names.",
    "VAT registered from April: update the invoice template.",
    "Parking for one van behind the kitchen; ring ahead.",
    "Second pair of hands available most Saturdays in June and July.",
    "Deposit for the September wedding not received yet; chase on Monday.",
    "Wedding fair at the town hall on the first Sunday of February.",
    "Update the portfolio with last summer's weddings.",
    "Quote for a 150-guest wedding sent; follow up in a week.",
)
TESTIMONIAL_QUOTES = (
    "Everything was perfect and our guests are still talking about it.",
    "Calm, kind and so organised. We didn't have to worry about a thing.",
    "Worth every penny. We would book again tomorrow.",
    "They went above and beyond when the weather turned.",
    "Relaxed, friendly and brilliant with our families.",
    "The best decision we made for the whole day.",
    "Fantastic value and lovely to deal with from the first email.",
)
EMAIL_USERS = ("hello", "info", "bookings", "enquiries", "studio", "team")


def _rows(table: str) -> list[list[str]]:
    return [line.split("|") for line in table.strip().splitlines()]


def _grouped(rows: list[list[str]]) -> dict[str, list[list[str]]]:
    groups: dict[str, list[list[str]]] = {}
    for kind, *rest in rows:
        groups.setdefault(kind, []).append(rest)
    return groups


TOWNS = tuple(
    Town(name, tuple(districts.split()), int(weight))
    for name, districts, weight in _rows(_TOWN_TABLE)
)
NAME_PATTERNS = {
    kind: tuple(row[0] for row in rows)
    for kind, rows in _grouped(_rows(_NAME_PATTERN_TABLE)).items()
}
PACKAGES = {
    kind: tuple(
        Package(name, int(Decimal(pounds) * 100), unit) for name, pounds, unit in rows
    )
    for kind, rows in _grouped(_rows(_PACKAGE_TABLE)).items()
}
