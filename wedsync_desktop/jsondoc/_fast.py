"""Fast path: the C scanner of the json module, and the checks on its result.

When the C scanner or a check fails, _parse_slow reads the text again with the
Python scanner to locate the problem.
"""

from __future__ import annotations

import json
import logging
import re
from itertools import accumulate
from typing import Any, Final, NoReturn

from wedsync_desktop.jsondoc._numeric_range import (
    MAX_PLAIN_TOKEN_LENGTH,
    numeric_range_problem,
)
from wedsync_desktop.jsondoc._problems import _problem_at, _skip_whitespace
from wedsync_desktop.jsondoc._scanner import _Scanner
from wedsync_desktop.jsondoc._types import (
    MAX_DEPTH,
    JsonDocumentError,
    JsonNumber,
    JsonProblem,
)

logger = logging.getLogger(__name__)


class _FastPathFailed(Exception):
    def __init__(self, cause: BaseException | None) -> None:
        super().__init__(cause)
        self.cause = cause


class _RejectedByHook(Exception):
    pass


def _object_from_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _RejectedByHook("duplicate key")
    return result


def _reject_constant(name: str) -> NoReturn:
    raise _RejectedByHook(name)


# The number hooks run once per number in the document, so they build the
# JsonNumber inline instead of calling _number_from_token.


def _number_from_int_token(token: str) -> JsonNumber:
    if len(token) > MAX_PLAIN_TOKEN_LENGTH and numeric_range_problem(token):
        raise _RejectedByHook("number out of PostgreSQL numeric range")
    number = JsonNumber.__new__(JsonNumber)
    number._text = token
    return number


def _number_from_float_token(token: str) -> JsonNumber:
    if (
        len(token) > MAX_PLAIN_TOKEN_LENGTH or "e" in token or "E" in token
    ) and numeric_range_problem(token):
        raise _RejectedByHook("number out of PostgreSQL numeric range")
    number = JsonNumber.__new__(JsonNumber)
    number._text = token
    return number


_STRING_TOKEN_RE: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET_RE: Final = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP: Final = {"{": 1, "[": 1, "}": -1, "]": -1}
_UNSTORABLE_CHAR_RE: Final = re.compile("[\x00\ud800-\udfff]")


def _parse_fast(text: str, start: int) -> dict[str, Any]:
    if text[start] != "{":
        raise _FastPathFailed(None)
    decoder = json.JSONDecoder(
        object_pairs_hook=_object_from_pairs,
        parse_float=_number_from_float_token,
        parse_int=_number_from_int_token,
        parse_constant=_reject_constant,
    )
    try:
        value, end = decoder.raw_decode(text, start)
    except (ValueError, RecursionError, _RejectedByHook) as error:
        raise _FastPathFailed(error) from error

    if _skip_whitespace(text, end) != len(text):
        raise _FastPathFailed(None)
    if _nesting_exceeds_limit(text):
        raise _FastPathFailed(None)
    if _may_contain_unstorable_string(text) and _contains_unstorable_string(value):
        raise _FastPathFailed(None)
    return value


def _nesting_exceeds_limit(text: str) -> bool:
    """Return whether a text that the C scanner accepted nests too deep."""
    if text.count("{") + text.count("[") <= MAX_DEPTH:
        return False
    brackets = _NOT_BRACKET_RE.sub("", _STRING_TOKEN_RE.sub("", text))
    return max(accumulate(map(_DEPTH_STEP.__getitem__, brackets))) > MAX_DEPTH


def _may_contain_unstorable_string(text: str) -> bool:
    """Return False when no string of the text can contain U+0000 or a surrogate.

    The C scanner rejects a literal U+0000 but decodes ``\\u0000`` and lone
    surrogates, whether escaped or literal, without complaint.
    """
    if "\\u0000" in text or "\\ud" in text or "\\uD" in text:
        return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True  # only surrogates fail to encode
    return False


def _contains_unstorable_string(root: Any) -> bool:
    """Return whether a key or string contains U+0000 or a lone surrogate."""
    pending = [root]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            if any(_UNSTORABLE_CHAR_RE.search(key) for key in item):
                return True
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, str) and _UNSTORABLE_CHAR_RE.search(item):
            return True
    return False


def _parse_slow(text: str, start: int, cause: BaseException | None) -> dict[str, Any]:
    """Parse with the Python scanner, which raises a located JsonDocumentError."""
    value = _Scanner(text).parse(start)
    if cause is None or isinstance(cause, RecursionError):
        # The Python scanner has the final word on the checks made after the C
        # scanner, and on text that ran the C scanner out of Python stack.
        return value
    logger.warning("The C and Python JSON scanners disagree: %r", cause)
    if isinstance(cause, json.JSONDecodeError):
        raise JsonDocumentError(_problem_from_decode_error(text, cause)) from cause
    raise JsonDocumentError(
        _problem_at(
            text,
            0,
            "The document could not be read as JSON.",
            "Check the document for a duplicate key, NaN, Infinity or a number "
            "that PostgreSQL cannot store.",
        )
    ) from cause


# Python's messages, for the case where only the C scanner rejects the text.
_DECODE_ERROR_WORDING: Final = (
    ("Expecting value", "A value is missing or invalid.", "Enter a value."),
    (
        "Expecting property name",
        "A key is missing or not in double quotes.",
        'Write each key in double quotes, for example "name": "Gold".',
    ),
    ("Expecting ':'", "A colon is missing after a key.", "Add a colon (:)."),
    ("Expecting ','", "A comma is missing between two items.", "Add a comma (,)."),
    ("Unterminated string", "A string is not closed.", 'Add the closing ".'),
    (
        "Invalid control character",
        "A string contains a control character such as a tab or a line break.",
        "Write it as an escape such as \\t or \\n.",
    ),
    (
        "Invalid \\u",
        "A \\u escape does not have four hex digits.",
        "Write it as \\u followed by four hex digits.",
    ),
    ("Invalid \\", "A string contains an invalid escape.", "Write \\\\ for \\."),
    ("Extra data", "There is text after the end of the document.", "Remove it."),
)


def _problem_from_decode_error(text: str, error: json.JSONDecodeError) -> JsonProblem:
    for prefix, message, hint in _DECODE_ERROR_WORDING:
        if error.msg.startswith(prefix):
            return _problem_at(text, error.pos, message, hint)
    return _problem_at(text, error.pos, f"Invalid JSON: {error.msg}.", "Fix the text.")
