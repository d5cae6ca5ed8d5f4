"""Text transformations between stored JSON and the editor's display form.

These are plain functions without widgets, so the rules stay testable on
their own: how line breaks and block-separator characters are written, and
when a document on one long line is shown pretty-printed.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from typing import Any, Final

from wedsync_desktop.jsondoc import (
    MAX_DOCUMENT_BYTES,
    JsonDocumentError,
    dumps,
    parse_document,
    strip_bom,
)

logger = logging.getLogger(__name__)

_INDENTATION_AFTER_BREAK_RE: Final = re.compile(r"\n +")
# A loaded document with a line longer than this is shown pretty-printed,
# because QTextDocument lays out and highlights a whole line at once. Measured
# on a 2-core machine, offscreen, with PySide6 6.11.3: a keystroke in a document
# on one line took 40 ms at 20,000 characters, 0.86 s at 300,000 and 4.2 s at
# 900,000. Above HIGHLIGHT_MAX_CHARS, without highlighting, it took 3.6 s at 8 MB.
LONG_LINE_CHARS: Final = 20_000

# QTextDocument turns U+2029, U+FDD0 and U+FDD1 into block separators, which
# document_text() returns as "\n", and it shows U+2028 as a line break. The
# editor shows these characters as JSON escapes instead. Checked by loading
# every code point with PySide6 6.11.3: apart from "\r", no other one changes.
_ESCAPED_CHARACTERS: Final = {
    character: f"\\u{ord(character):04x}"
    for character in ("\u2028", "\u2029", "\ufdd0", "\ufdd1")
}


def pretty_print_within_limit(text: str, longest_line: int) -> str | None:
    """Return the document with one item per line, or None when that fails.

    An indent of 2 is tried first, then no indentation. None means the text is
    invalid or both forms are over MAX_DOCUMENT_BYTES.
    """
    started = time.perf_counter()
    value = parse_if_valid(text)
    if value is None:
        logger.info(
            "Showing %d characters as loaded: a line has %d characters, "
            "but the document is invalid",
            len(text),
            longest_line,
        )
        return None

    formatted = escape_block_characters(dumps(value, indent=2) + "\n")
    indent = 2
    if utf8_size(formatted) > MAX_DOCUMENT_BYTES:
        # This equals dumps(value, indent=0) and takes a third of its time. A
        # JSON string has no raw line break, so spaces after one are indentation.
        formatted = _INDENTATION_AFTER_BREAK_RE.sub("\n", formatted)
        indent = 0

    seconds = time.perf_counter() - started
    if utf8_size(formatted) > MAX_DOCUMENT_BYTES:
        logger.info(
            "Showing %d characters as loaded: a line has %d characters, but "
            "pretty-printed the document would be over %d bytes (%.2f s)",
            len(text),
            longest_line,
            MAX_DOCUMENT_BYTES,
            seconds,
        )
        return None
    logger.info(
        "Showing %d characters pretty-printed with indent %d because a line "
        "has %d characters (%.2f s)",
        len(text),
        indent,
        longest_line,
        seconds,
    )
    return formatted


def parse_if_valid(text: str) -> dict[str, Any] | None:
    """Parse the document, or return None when it is invalid.

    The json module's C scanner checks the text first, because parse_document
    takes seconds to locate the problem in an invalid text of several MB (2.3 s
    for 8 MB) and the scanner rejects most invalid texts in about 0.1 s. The
    scanner accepts some texts that parse_document rejects, such as NaN and
    duplicate keys.
    """
    try:
        json.loads(strip_bom(text))
    except json.JSONDecodeError:
        return None
    except (ValueError, RecursionError):
        # An integer over sys.get_int_max_str_digits() digits, or deep nesting.
        # parse_document has neither limit, so it decides.
        pass
    try:
        return parse_document(text)
    except JsonDocumentError:
        return None


def escape_block_characters(text: str) -> str:
    """Write the characters that QTextDocument changes as JSON escapes."""
    for character, escape in _ESCAPED_CHARACTERS.items():
        text = text.replace(character, escape)
    # NOTE: an invalid escape, a backslash just before such a character, then
    # escapes the backslash of the inserted escape. The text becomes valid JSON
    # whose string contains the six characters \u2029 in place of U+2029.
    return text


def normalize_line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def megabytes(size: int) -> str:
    """Return a byte count in MB (2**20 bytes), rounded up to one decimal."""
    megabytes = math.ceil(size * 10 / 2**20) / 10
    return f"{megabytes:g} MB"
