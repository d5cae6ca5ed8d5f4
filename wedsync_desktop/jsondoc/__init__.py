"""Strict JSON for the feature config and data payload documents.

The server stores both documents as PostgreSQL JSONB, so this module rejects
what JSONB cannot store or would silently change. That is NaN and Infinity,
``\\u0000``, unpaired UTF-16 surrogates and duplicate keys (JSONB keeps the last
one). It also rejects numbers outside the range of PostgreSQL's numeric type
(see _numeric_range), nesting deeper than MAX_DEPTH, documents over
MAX_DOCUMENT_BYTES and a top-level value that is not an object. Numbers stay in
their source text (JsonNumber), so no digit is lost to float rounding.

Parsing runs the C scanner of the standard ``json`` module first. Only when it
fails, or a check on its result fails, does a pure-Python scanner read the text
again to find the line, column, key path and a plain message for the first
problem. A RecursionError from the C scanner, raised for deep nesting or for a
caller that is already deep in the stack, also hands the text to the Python
scanner, which is iterative.

Line numbers count ``\\n`` only, and columns and offsets count characters (code
points) of the text as passed in, including a leading byte order mark.
"""

from __future__ import annotations

import codecs
from typing import Any, Final

from wedsync_desktop.jsondoc._fast import _FastPathFailed, _parse_fast, _parse_slow
from wedsync_desktop.jsondoc._problems import (
    _check_size,
    _raise_empty,
    _skip_whitespace,
    _undecodable_problem,
)
from wedsync_desktop.jsondoc._scanner_messages import format_path
from wedsync_desktop.jsondoc._types import (
    MAX_DEPTH,
    MAX_DOCUMENT_BYTES,
    JsonDocumentError,
    JsonNumber,
    JsonProblem,
)
from wedsync_desktop.jsondoc._writer import _Writer

__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENT_BYTES",
    "JsonDocumentError",
    "JsonNumber",
    "JsonProblem",
    "decode_bytes",
    "dumps",
    "format_document",
    "format_path",
    "parse_document",
    "strip_bom",
    "validate_document",
]

_BOM: Final = "\ufeff"


def parse_document(text: str) -> dict[str, Any]:
    """Parse a feature config or data payload document.

    Returns a dict whose values are dict, list, str, bool, None and JsonNumber.
    A leading byte order mark is skipped. Raises JsonDocumentError for the first
    problem found.
    """
    _check_size(text)
    start = _skip_whitespace(text, len(_BOM) if text.startswith(_BOM) else 0)
    if start == len(text):
        _raise_empty(text)
    try:
        return _parse_fast(text, start)
    except _FastPathFailed as failure:
        return _parse_slow(text, start, failure.cause)


def validate_document(text: str) -> JsonProblem | None:
    """Return the first problem of the document, or None when it can be stored."""
    try:
        parse_document(text)
    except JsonDocumentError as error:
        return error.problem
    return None


def format_document(text: str) -> str:
    """Return the document pretty-printed with an indent of 2 and a final newline.

    Key order and number texts are kept. Raises JsonDocumentError when invalid.
    """
    return dumps(parse_document(text), indent=2) + "\n"


def strip_bom(text: str) -> str:
    return text[len(_BOM) :] if text.startswith(_BOM) else text


def decode_bytes(raw: bytes) -> str:
    """Decode the bytes of a document file as UTF-8 and drop a leading BOM.

    Raises JsonDocumentError naming the byte offset of the first byte that is not
    valid UTF-8.
    """
    bom_length = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    body = raw[bom_length:]
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise JsonDocumentError(_undecodable_problem(raw, body, error)) from error


def dumps(value: Any, *, indent: int | None = None, sort_keys: bool = False) -> str:
    """Serialize a value as JSON text without changing any number.

    Accepts dict with str keys, list, tuple, str, bool, None, JsonNumber (written
    as its text), int and finite Decimal. Raises TypeError for float, because a
    float may already have lost digits, and for any other type. Raises ValueError
    for a NaN or infinite Decimal and for a container that contains itself.
    Strings are written as given (no ASCII escaping) without the checks of
    parse_document. Without indent the output has no spaces between tokens.
    """
    return _Writer(indent, sort_keys).write(value)
