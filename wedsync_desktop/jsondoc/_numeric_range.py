"""The range of PostgreSQL's numeric type, which JSONB uses for every number.

JSONB stores the number's value and its display scale, not its text. PostgreSQL
15 (numeric.c: set_var_from_str and make_result_opt_error) counts both as
follows, and fails with "value overflows numeric format" when a count is too
large:

- Digits before the decimal point: those of the value in plain notation, so
  ``1e400`` has 401 and ``0.5`` has none. The limit is 131,072 because the
  weight of the leading base-10000 digit is an int16.
- Digits after the decimal point (the display scale): the fraction digits as
  written minus the exponent, and at least 0, so trailing zeros count. ``1.500``
  has 3, ``1e-7`` has 7 and ``100e-2`` has 2. The limit is 16,383 because the
  display scale has 14 bits.
- The exponent as written must lie strictly between -(INT_MAX / 2) and
  INT_MAX / 2. That check alone rejects a zero such as ``0e1073741823``, whose
  digit counts are both 0.

The limits match PostgreSQL's documentation (Numeric Types, table 8.2). Every
boundary in this module was also checked by inserting numbers into a JSONB
column of PostgreSQL 15.18.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

MAX_DIGITS_BEFORE_POINT: Final = 131_072
MAX_DIGITS_AFTER_POINT: Final = 16_383
_INT_MAX: Final = 2**31 - 1
MAX_EXPONENT: Final = _INT_MAX // 2 - 1

# A token without an exponent has fewer digits on each side of the point than
# characters, so only a longer one can exceed MAX_DIGITS_AFTER_POINT, which is
# the smaller limit.
MAX_PLAIN_TOKEN_LENGTH: Final = MAX_DIGITS_AFTER_POINT

_NUMBER_PARTS_RE: Final = re.compile(
    r"-?(?P<integer>[0-9]+)(?:\.(?P<fraction>[0-9]+))?"
    r"(?:[eE](?P<exponent>[-+]?[0-9]+))?"
)


class NumericRangeProblem(NamedTuple):
    """A reason that PostgreSQL numeric cannot store a number, and a fix."""

    reason: str  # the end of a message that starts 'The value of "n" is a number'
    hint: str


def numeric_range_problem(token: str) -> NumericRangeProblem | None:
    """Check a JSON number token against the range of PostgreSQL numeric.

    Returns None when the number fits. Raises ValueError for a token that is not
    valid JSON number text.
    """
    match = _NUMBER_PARTS_RE.fullmatch(token)
    if match is None:
        raise ValueError(f"Invalid JSON number text: {token[:40]!r}.")
    integer = match["integer"]
    fraction = match["fraction"] or ""
    exponent_text = match["exponent"] or "0"
    exponent = _parse_exponent(exponent_text)
    if exponent is None or abs(exponent) > MAX_EXPONENT:
        return _exponent_problem(exponent_text, exponent)

    digits = integer + fraction
    leading_zeros = len(digits) - len(digits.lstrip("0"))
    if leading_zeros < len(digits):
        # Equals Decimal(token).adjusted() + 1, which is 0 or less below 1.
        digits_before = len(integer) + exponent - leading_zeros
        if digits_before > MAX_DIGITS_BEFORE_POINT:
            return NumericRangeProblem(
                f"with {digits_before:,} digits before the decimal point, but "
                f"PostgreSQL stores at most {MAX_DIGITS_BEFORE_POINT:,}",
                "Use a smaller number, or store it as a string.",
            )

    # -Decimal(token).as_tuple().exponent. PostgreSQL stores a negative count as 0.
    digits_after = len(fraction) - exponent
    if digits_after > MAX_DIGITS_AFTER_POINT:
        return NumericRangeProblem(
            f"with {digits_after:,} digits after the decimal point, but "
            f"PostgreSQL stores at most {MAX_DIGITS_AFTER_POINT:,}",
            "Round it, or store it as a string.",
        )
    return None


def _parse_exponent(text: str) -> int | None:
    """Return the exponent's value, or None when it has over 18 digits.

    Stripping leading zeros first keeps int() within Python's limit on the
    digits of a string it converts.
    """
    sign = "-" if text.startswith("-") else ""
    digits = text.lstrip("+-").lstrip("0")
    if len(digits) > 18:
        return None
    return int(sign + (digits or "0"))


def _exponent_problem(exponent_text: str, exponent: int | None) -> NumericRangeProblem:
    if exponent is None:
        digit_count = len(exponent_text.lstrip("+-").lstrip("0"))
        written = f"an exponent of {digit_count:,} digits"
    else:
        written = f"the exponent {exponent:,}"
    return NumericRangeProblem(
        f"with {written}, but PostgreSQL accepts exponents only from "
        f"{-MAX_EXPONENT:,} to {MAX_EXPONENT:,}",
        "Use a smaller exponent, or store it as a string.",
    )
