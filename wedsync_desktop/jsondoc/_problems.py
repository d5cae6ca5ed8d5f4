"""Problems found before scanning, and the line and column of an offset."""

from __future__ import annotations

import codecs
import re
from typing import Final, NoReturn

from wedsync_desktop.jsondoc._types import (
    MAX_DOCUMENT_BYTES,
    JsonDocumentError,
    JsonProblem,
)


def _check_size(text: str) -> None:
    if len(text) * 4 <= MAX_DOCUMENT_BYTES:
        return  # a character takes at most 4 bytes of UTF-8
    size = len(text.encode("utf-8", "surrogatepass"))
    if size <= MAX_DOCUMENT_BYTES:
        return
    message = (
        f"The document is too large: {size / 2**20:.1f} MB ({size:,} bytes of "
        f"UTF-8), over the limit of {MAX_DOCUMENT_BYTES / 2**20:g} MB "
        f"({MAX_DOCUMENT_BYTES:,} bytes)."
    )
    hint = "Remove data until the document is under the limit."
    raise JsonDocumentError(_problem_at(text, 0, message, hint))


def _raise_empty(text: str) -> NoReturn:
    hint = "Enter {} for a document with no settings."
    raise JsonDocumentError(_problem_at(text, 0, "The document is empty.", hint))


def _undecodable_problem(
    raw: bytes, body: bytes, error: UnicodeDecodeError
) -> JsonProblem:
    prefix = body[: error.start].decode("utf-8")
    byte_offset = len(raw) - len(body) + error.start
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        message = "The file is encoded in UTF-16, not UTF-8."
    else:
        message = (
            f"The file is not valid UTF-8: byte 0x{body[error.start]:02X} at byte "
            f"offset {byte_offset} cannot be decoded."
        )
    hint = "Save the file with UTF-8 encoding and open it again."
    return _problem_at(prefix, len(prefix), message, hint)


def _problem_at(
    text: str,
    offset: int,
    message: str,
    hint: str,
    path: tuple[str | int, ...] = (),
) -> JsonProblem:
    line, column = _line_and_column(text, offset)
    return JsonProblem(message, hint, line, column, offset, path)


def _line_and_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    return line, column


_WHITESPACE_RE: Final = re.compile(r"[ \t\n\r]*")


def _skip_whitespace(text: str, offset: int) -> int:
    match = _WHITESPACE_RE.match(text, offset)
    assert match is not None  # the pattern also matches the empty string
    return match.end()
