"""Strict JSON for the feature config and data payload documents.

The server stores both documents as PostgreSQL JSONB, so this module rejects
what JSONB cannot store or would silently change. That is NaN and Infinity,
``\\u0000``, unpaired UTF-16 surrogates and duplicate keys (JSONB keeps the last
one). It also rejects nesting deeper than MAX_DEPTH, documents over
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
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import accumulate
from json.encoder import encode_basestring as _encode_string
from typing import Any, Final, NoReturn

logger = logging.getLogger(__name__)

MAX_DOCUMENT_BYTES: Final = 10 * 1024 * 1024
MAX_DEPTH: Final = 512

_BOM: Final = "\ufeff"
_NUMBER_RE: Final = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


class JsonNumber:
    """A JSON number kept as its exact source text, such as ``1250.50`` or ``1e400``.

    Equality and hashing use the text, so ``1.0`` and ``1`` are different numbers
    here. Compare ``to_decimal()`` results to compare values.
    """

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        if not isinstance(text, str) or _NUMBER_RE.fullmatch(text) is None:
            raise ValueError(f"Invalid JSON number text: {text!r}.")
        self._text = text

    @property
    def text(self) -> str:
        return self._text

    def to_decimal(self) -> Decimal:
        return Decimal(self._text)

    def __repr__(self) -> str:
        return f"JsonNumber({self._text!r})"

    def __str__(self) -> str:
        return self._text

    def __eq__(self, other: object) -> bool:
        if isinstance(other, JsonNumber):
            return self._text == other._text
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._text)


@dataclass(frozen=True)
class JsonProblem:
    """The first problem found in a document, with its position and a fix."""

    message: str
    hint: str
    line: int
    column: int
    offset: int
    path: tuple[str | int, ...] = ()

    def describe(self) -> str:
        return f"Line {self.line}, column {self.column}: {self.message} {self.hint}"


class JsonDocumentError(ValueError):
    """Raised for a document that cannot be stored, with the first ``problem``."""

    def __init__(self, problem: JsonProblem) -> None:
        super().__init__(problem.describe())
        self.problem = problem


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


# Fast path: the C scanner of the json module.


class _FastPathFailed(Exception):
    def __init__(self, cause: BaseException | None) -> None:
        super().__init__(cause)
        self.cause = cause


class _RejectedByHook(Exception):
    pass


def _number_from_token(token: str) -> JsonNumber:
    number = JsonNumber.__new__(JsonNumber)
    number._text = token
    return number


def _object_from_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _RejectedByHook("duplicate key")
    return result


def _reject_constant(name: str) -> NoReturn:
    raise _RejectedByHook(name)


_STRING_TOKEN_RE: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET_RE: Final = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP: Final = {"{": 1, "[": 1, "}": -1, "]": -1}
_UNSTORABLE_CHAR_RE: Final = re.compile("[\x00\ud800-\udfff]")


def _parse_fast(text: str, start: int) -> dict[str, Any]:
    if text[start] != "{":
        raise _FastPathFailed(None)
    decoder = json.JSONDecoder(
        object_pairs_hook=_object_from_pairs,
        parse_float=_number_from_token,
        parse_int=_number_from_token,
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
            "Check the document for a duplicate key, NaN or Infinity.",
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


# Problems found before scanning.


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


# Slow path: an iterative scanner that reports where and why a document fails.

_EXPECT_VALUE: Final = 0
_EXPECT_FIRST_MEMBER: Final = 1
_EXPECT_SEPARATOR: Final = 2

_SIMPLE_STRING_RE: Final = re.compile('"[^"\\\\\x00-\x1f\ud800-\udfff]*"')
_STRING_CHUNK_RE: Final = re.compile('[^"\\\\\x00-\x1f\ud800-\udfff]*')
_HEX4_RE: Final = re.compile(r"[0-9a-fA-F]{4}")
_NUMBER_LIKE_RE: Final = re.compile(r"[-+.0-9][-+.0-9A-Za-z]*")
_WORD_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IDENTIFIER_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_LITERALS: Final = {"true": True, "false": False, "null": None}
_SIMPLE_ESCAPES: Final = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}
_VALUE_KINDS: Final = (
    "text in double quotes, a number, true, false, null, an object or an array"
)


@dataclass
class _Frame:
    """An array or object that the scanner has opened and not yet closed."""

    container: dict[str, Any] | list[Any]
    opener_offset: int
    member: str | int | None = None
    key_offsets: dict[str, int] = field(default_factory=dict)

    @property
    def is_object(self) -> bool:
        return isinstance(self.container, dict)

    @property
    def closer(self) -> str:
        return "}" if self.is_object else "]"


class _Scanner:
    """Iterative JSON scanner that raises JsonDocumentError at the first problem."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0
        self._frames: list[_Frame] = []
        self._result: dict[str, Any] | None = None
        self._reading_key = False

    def parse(self, start: int) -> dict[str, Any]:
        self._pos = start
        self._check_top_level()
        state = _EXPECT_VALUE
        while self._result is None:
            self._pos = _skip_whitespace(self._text, self._pos)
            if state == _EXPECT_VALUE:
                state = self._read_value()
            elif state == _EXPECT_FIRST_MEMBER:
                state = self._read_first_member()
            else:
                state = self._read_separator()
        self._check_end()
        return self._result

    # Structure

    def _check_top_level(self) -> None:
        char = self._text[self._pos]
        if char == "{":
            return
        found = {"[": "an array", '"': "a string"}.get(char, "")
        if not found and _NUMBER_LIKE_RE.match(self._text, self._pos):
            found = "a number"
        if not found:
            found = _describe_token(self._text, self._pos)
        self._fail(
            f"The document must be a JSON object, but it starts with {found}.",
            'Put the content inside { } as named members, for example {"packages": '
            "[...]}.",
        )

    def _read_value(self) -> int:
        char = self._peek()
        if char in ("{", "["):
            self._open(char)
            return _EXPECT_FIRST_MEMBER
        if char == '"':
            value: Any = self._read_string()
        elif char in "-+.0123456789":
            value = self._read_number()
        elif char.isalpha() or char == "_":
            value = self._read_literal()
        else:
            self._fail_missing_value(char)
        self._attach(value)
        return _EXPECT_SEPARATOR

    def _read_first_member(self) -> int:
        frame = self._frames[-1]
        if self._peek() == frame.closer:
            self._close()
            return _EXPECT_SEPARATOR
        if frame.is_object:
            self._read_key()
        else:
            frame.member = 0
        return _EXPECT_VALUE

    def _read_separator(self) -> int:
        frame = self._frames[-1]
        char = self._peek()
        if char == frame.closer:
            self._close()
            return _EXPECT_SEPARATOR
        if char == ",":
            self._read_comma(frame)
            return _EXPECT_VALUE
        if char == "":
            self._fail_unclosed()
        if char in ("}", "]"):
            self._fail_wrong_closer(char)
        if char == "/":
            self._fail_comment()
        self._fail(
            f"A comma is missing after {self._value_phrase()}.",
            "Add a comma (,) between the two items.",
        )

    def _read_comma(self, frame: _Frame) -> None:
        comma_offset = self._pos
        self._pos = _skip_whitespace(self._text, self._pos + 1)
        if self._peek() == frame.closer:
            member = "member" if frame.is_object else "item"
            self._fail(
                f"Trailing comma after the last {member} of "
                f"{self._container_phrase()}.",
                f"Remove the comma before the {frame.closer}.",
                offset=comma_offset,
                path=self._path(include_member=False),
            )
        if frame.is_object:
            self._read_key()
        else:
            assert isinstance(frame.member, int)
            frame.member += 1

    def _open(self, char: str) -> None:
        if len(self._frames) >= MAX_DEPTH:
            self._fail(
                f"The nesting depth of arrays and objects exceeds the limit of "
                f"{MAX_DEPTH} levels.",
                "Flatten the structure, for example by moving inner objects to "
                "top-level keys.",
            )
        container: dict[str, Any] | list[Any] = {} if char == "{" else []
        self._frames.append(_Frame(container, self._pos))
        self._pos += 1

    def _close(self) -> None:
        frame = self._frames.pop()
        self._pos += 1
        if self._frames:
            self._attach(frame.container)
        else:
            assert isinstance(frame.container, dict)
            self._result = frame.container

    def _attach(self, value: Any) -> None:
        frame = self._frames[-1]
        if isinstance(frame.container, dict):
            assert isinstance(frame.member, str)
            frame.container[frame.member] = value
        else:
            frame.container.append(value)

    def _check_end(self) -> None:
        self._pos = _skip_whitespace(self._text, self._pos)
        if self._pos == len(self._text):
            return
        if self._peek() == "/":
            self._fail_comment()
        self._fail(
            "There is more text after the closing } of the top-level object.",
            "Remove it, or move it inside the object as another member.",
        )

    # Keys and scalar values

    def _read_key(self) -> None:
        frame = self._frames[-1]
        key_offset = self._pos
        frame.member = None
        if self._peek() != '"':
            self._fail_missing_key()
        self._reading_key = True
        key = self._read_string()
        self._reading_key = False
        frame.member = key
        self._pos = _skip_whitespace(self._text, self._pos)
        if self._peek() != ":":
            self._fail(
                f'The key "{key}" is not followed by a colon (:).',
                'Add a colon between the key and its value, for example "name": '
                '"Gold".',
            )
        self._pos += 1
        first_offset = frame.key_offsets.get(key)
        if first_offset is not None:
            self._fail_duplicate_key(key, first_offset, key_offset)
        frame.key_offsets[key] = key_offset

    def _read_number(self) -> JsonNumber:
        if self._text.startswith("-Infinity", self._pos):
            self._fail_constant("-Infinity")
        loose = _NUMBER_LIKE_RE.match(self._text, self._pos)
        strict = _NUMBER_RE.match(self._text, self._pos)
        assert loose is not None
        if strict is None or strict.end() != loose.end():
            self._fail(
                f"{_capitalize(self._value_phrase())} is the invalid number "
                f"{loose.group()}.",
                "Write numbers like 12, -3.5 or 1.2e6, without leading zeros. Put "
                "other text in double quotes.",
            )
        self._pos = strict.end()
        return _number_from_token(strict.group())

    def _read_literal(self) -> bool | None:
        match = _WORD_RE.match(self._text, self._pos)
        word = match.group() if match else self._text[self._pos]
        if word in _LITERALS:
            self._pos += len(word)
            return _LITERALS[word]
        if word in ("NaN", "Infinity"):
            self._fail_constant(word)
        subject = _capitalize(self._value_phrase())
        if word.lower() in _LITERALS or word == "None":
            fixed = "null" if word == "None" else word.lower()
            self._fail(
                f"{subject} is {word}, which is not valid JSON.",
                f"Write {fixed} in lower case.",
            )
        self._fail(
            f"{subject} is the unquoted text {word}.",
            f'Put text in double quotes ("{word}"), or use true, false or null.',
        )

    def _read_string(self) -> str:
        match = _SIMPLE_STRING_RE.match(self._text, self._pos)
        if match is not None:
            self._pos = match.end()
            return match.group()[1:-1]
        return self._read_string_with_escapes()

    def _read_string_with_escapes(self) -> str:
        text = self._text
        start = self._pos
        parts: list[str] = []
        self._pos += 1
        while True:
            chunk = _STRING_CHUNK_RE.match(text, self._pos)
            assert chunk is not None
            parts.append(chunk.group())
            self._pos = chunk.end()
            char = self._peek()
            if char == '"':
                self._pos += 1
                return "".join(parts)
            if char == "\\":
                parts.append(self._read_escape(start))
            else:
                self._fail_string_character(char, start)

    def _read_escape(self, string_start: int) -> str:
        text = self._text
        escape = text[self._pos + 1 : self._pos + 2]
        if escape == "":
            self._fail_unterminated_string(string_start)
        if escape in _SIMPLE_ESCAPES:
            self._pos += 2
            return _SIMPLE_ESCAPES[escape]
        if escape != "u":
            self._fail(
                f"{_capitalize(self._string_phrase())} contains the invalid escape "
                f"\\{escape}.",
                'Write a backslash as \\\\. JSON has only the escapes \\", \\\\, '
                "\\/, \\b, \\f, \\n, \\r, \\t and \\u followed by four hex digits.",
            )
        code = self._read_hex4(self._pos + 2)
        if code == 0:
            self._fail_nul()
        if 0xD800 <= code <= 0xDBFF:
            return self._read_surrogate_pair(code)
        if 0xDC00 <= code <= 0xDFFF:
            self._fail_lone_surrogate(f"\\u{text[self._pos + 2 : self._pos + 6]}")
        self._pos += 6
        return chr(code)

    def _read_surrogate_pair(self, high: int) -> str:
        text = self._text
        after = self._pos + 6
        if text.startswith("\\u", after) and _HEX4_RE.match(text, after + 2):
            low = int(text[after + 2 : after + 6], 16)
            if 0xDC00 <= low <= 0xDFFF:
                self._pos = after + 6
                return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        self._fail_lone_surrogate(f"\\u{text[self._pos + 2 : after]}")

    def _read_hex4(self, offset: int) -> int:
        if _HEX4_RE.match(self._text, offset) is None:
            self._fail(
                f"{_capitalize(self._string_phrase())} contains a \\u escape "
                "without four hex digits.",
                "Write \\u followed by exactly four hex digits, for example \\u00e9.",
            )
        return int(self._text[offset : offset + 4], 16)

    # Problems

    def _fail(
        self,
        message: str,
        hint: str,
        *,
        offset: int | None = None,
        path: tuple[str | int, ...] | None = None,
    ) -> NoReturn:
        problem = _problem_at(
            self._text,
            self._pos if offset is None else offset,
            message,
            hint,
            self._path() if path is None else path,
        )
        raise JsonDocumentError(problem)

    def _fail_missing_value(self, char: str) -> NoReturn:
        subject = _capitalize(self._value_phrase())
        if char == "":
            self._fail_unclosed()
        if char == "/":
            self._fail_comment()
        if char == "'":
            self._fail(
                f"{subject} starts with a single quote, but JSON strings use "
                "double quotes.",
                "Replace the single quotes with double quotes.",
            )
        if char in "}],:":
            self._fail(f"{subject} is missing.", f"Enter a value: {_VALUE_KINDS}.")
        self._fail(
            f"Unexpected {_describe_character(char)} where {self._value_phrase()} "
            "should start.",
            _hint_for_character(char, f"Enter a value: {_VALUE_KINDS}."),
        )

    def _fail_missing_key(self) -> NoReturn:
        char = self._peek()
        place = self._container_phrase()
        path = self._path(include_member=False)
        if char == "":
            self._fail_unclosed()
        if char == "/":
            self._fail_comment()
        word = _WORD_RE.match(self._text, self._pos)
        if char == "'":
            message = f"A key in {place} uses single quotes."
            hint = "Replace the single quotes with double quotes."
        elif word is not None:
            message = f"The key {word.group()} in {place} is not in double quotes."
            hint = f'Write it as "{word.group()}".'
        else:
            message = f"Expected a key in double quotes in {place}, but found "
            message += f"{_describe_character(char)}."
            hint = 'Each member is a key, a colon and a value, like "name": "Gold".'
        self._fail(message, hint, path=path)

    def _fail_duplicate_key(
        self, key: str, first_offset: int, key_offset: int
    ) -> NoReturn:
        first_line, _ = _line_and_column(self._text, first_offset)
        place = "" if len(self._frames) == 1 else f" in {self._container_phrase()}"
        self._fail(
            f'Duplicate key "{key}"{place} (first defined on line {first_line}).',
            "Remove or rename one of the two keys.",
            offset=key_offset,
        )

    def _fail_constant(self, word: str) -> NoReturn:
        self._fail(
            f"{_capitalize(self._value_phrase())} is {word}, which JSON does not "
            "allow.",
            "Use a number, or null if there is no value.",
        )

    def _fail_nul(self) -> NoReturn:
        self._fail(
            f"{_capitalize(self._string_phrase())} contains the character U+0000 "
            "(\\u0000), which PostgreSQL JSONB cannot store.",
            "Remove the \\u0000.",
        )

    def _fail_lone_surrogate(self, written: str) -> NoReturn:
        self._fail(
            f"{_capitalize(self._string_phrase())} contains {written}, half of a "
            "UTF-16 surrogate pair without its other half.",
            "Type the character itself, or write both halves, for example "
            "\\ud83d\\udc8d for 💍.",
        )

    def _fail_string_character(self, char: str, string_start: int) -> NoReturn:
        if char == "":
            self._fail_unterminated_string(string_start)
        if char == "\x00":
            self._fail_nul()
        if "\ud800" <= char <= "\udfff":
            self._fail_lone_surrogate(f"the character U+{ord(char):04X}")
        if char in "\n\r":
            line, column = _line_and_column(self._text, string_start)
            self._fail(
                f"The text that starts on line {line}, column {column} is not "
                "closed before the end of the line.",
                'Add the closing double quote ("). Write a line break inside a text '
                "as \\n.",
            )
        escape = "\\t" if char == "\t" else f"\\u{ord(char):04x}"
        self._fail(
            f"{_capitalize(self._string_phrase())} contains "
            f"{_describe_character(char)}, which JSON allows only as an escape.",
            f"Write it as {escape}.",
        )

    def _fail_unterminated_string(self, string_start: int) -> NoReturn:
        self._fail(
            f"The text that starts here ({self._string_phrase()}) is not closed.",
            'Add the closing double quote (").',
            offset=string_start,
        )

    def _fail_unclosed(self) -> NoReturn:
        frame = self._frames[-1]
        kind = "object" if frame.is_object else "array"
        line, column = _line_and_column(self._text, frame.opener_offset)
        self._fail(
            f"The document ends before the {kind} that starts on line {line}, "
            f"column {column} is closed.",
            f"Complete the {kind} and close it with {frame.closer}.",
        )

    def _fail_wrong_closer(self, char: str) -> NoReturn:
        frame = self._frames[-1]
        kind = "object" if frame.is_object else "array"
        line, column = _line_and_column(self._text, frame.opener_offset)
        self._fail(
            f"Found {char}, but the {kind} that starts on line {line}, column "
            f"{column} is still open.",
            f"Close the {kind} with {frame.closer} first, or remove the {char}.",
            path=self._path(include_member=False),
        )

    def _fail_comment(self) -> NoReturn:
        self._fail(
            "JSON does not allow comments.",
            'Remove the comment, or keep the note as a value, like "note": "...".',
        )

    # Positions and wording

    def _peek(self) -> str:
        return self._text[self._pos : self._pos + 1]

    def _path(self, include_member: bool = True) -> tuple[str | int, ...]:
        """Return the key path of the member being read, or of its container."""
        frames = self._frames if include_member else self._frames[:-1]
        return tuple(f.member for f in frames if f.member is not None)

    def _value_phrase(self) -> str:
        return _value_phrase(self._path())

    def _string_phrase(self) -> str:
        if self._reading_key:
            return f"a key in {self._container_phrase()}"
        return self._value_phrase()

    def _container_phrase(self) -> str:
        path = self._path(include_member=False)
        if not path:
            return "the top-level object"
        kind = "object" if self._frames[-1].is_object else "array"
        return f"the {kind} at {format_path(path)}"


def format_path(path: tuple[str | int, ...]) -> str:
    """Return a key path as written in JavaScript, such as ``packages[0].name``."""
    parts: list[str] = []
    for member in path:
        if isinstance(member, int):
            parts.append(f"[{member}]")
        elif _IDENTIFIER_RE.match(member):
            parts.append(f".{member}" if parts else member)
        else:
            parts.append(f"[{json.dumps(member, ensure_ascii=False)}]")
    return "".join(parts)


def _value_phrase(path: tuple[str | int, ...]) -> str:
    if not path:
        return "the document"
    if len(path) == 1:
        return f'the value of "{path[0]}"'
    return f"the value at {format_path(path)}"


def _capitalize(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


_CONTROL_CHARACTER_NAMES: Final = {"\t": "tab", "\n": "line feed", "\r": "return"}


def _describe_character(char: str) -> str:
    if char.isprintable() and not char.isspace():
        return f"character {char}"
    name = _CONTROL_CHARACTER_NAMES.get(char, unicodedata.name(char, ""))
    return f"character U+{ord(char):04X} ({name.lower() or 'control character'})"


def _describe_token(text: str, offset: int) -> str:
    word = _WORD_RE.match(text, offset)
    if word is not None:
        return word.group()
    return _describe_character(text[offset])


def _hint_for_character(char: str, default: str) -> str:
    if unicodedata.category(char) in ("Zs", "Zl", "Zp", "Cf"):
        return "Remove it, or replace it with a normal space."
    return default


# Serialization


class _WriterFrame:
    __slots__ = ("closer", "count", "identity", "is_object", "items")

    def __init__(self, items: Iterator[Any], is_object: bool, identity: int) -> None:
        self.items = items
        self.is_object = is_object
        self.identity = identity
        self.closer = "}" if is_object else "]"
        self.count = 0


_END: Final = object()


class _Writer:
    """Iterative JSON serializer, so deep values cannot exhaust the Python stack."""

    def __init__(self, indent: int | None, sort_keys: bool) -> None:
        self._indent = None if indent is None else " " * indent
        self._key_separator = ":" if indent is None else ": "
        self._sort_keys = sort_keys
        self._parts: list[str] = []
        self._stack: list[_WriterFrame] = []
        self._open_ids: set[int] = set()

    def write(self, root: Any) -> str:
        parts = self._parts
        stack = self._stack
        self._write_value(root)
        while stack:
            frame = stack[-1]
            item: Any = next(frame.items, _END)
            if item is _END:
                stack.pop()
                self._close(frame)
                continue
            self._separate(frame)
            if frame.is_object:
                key, item = item
                if not isinstance(key, str):
                    raise TypeError(f"Object keys must be str, not {type(key)!r}.")
                parts.append(_encode_string(key))
                parts.append(self._key_separator)
            self._write_value(item)
        return "".join(parts)

    def _write_value(self, value: Any) -> None:
        if isinstance(value, str):
            self._parts.append(_encode_string(value))
        elif isinstance(value, JsonNumber):
            self._parts.append(value.text)
        elif value is None or isinstance(value, bool):
            self._parts.append({None: "null", True: "true", False: "false"}[value])
        elif isinstance(value, dict):
            items = sorted(value.items()) if self._sort_keys else value.items()
            self._open(value, iter(items), "{", is_object=True)
        elif isinstance(value, list | tuple):
            self._open(value, iter(value), "[", is_object=False)
        else:
            self._parts.append(_number_text(value))

    def _open(
        self, value: Any, items: Iterator[Any], opener: str, is_object: bool
    ) -> None:
        identity = id(value)
        if identity in self._open_ids:
            raise ValueError("The value contains itself, so it has no JSON text.")
        self._open_ids.add(identity)
        self._stack.append(_WriterFrame(items, is_object, identity))
        self._parts.append(opener)

    def _separate(self, frame: _WriterFrame) -> None:
        if frame.count:
            self._parts.append(",")
        if self._indent is not None:
            self._parts.append("\n" + self._indent * len(self._stack))
        frame.count += 1

    def _close(self, frame: _WriterFrame) -> None:
        self._open_ids.discard(frame.identity)
        if frame.count and self._indent is not None:
            self._parts.append("\n" + self._indent * len(self._stack))
        self._parts.append(frame.closer)


def _number_text(value: Any) -> str:
    if isinstance(value, float):
        raise TypeError(
            f"Float {value!r} rejected because it may have lost digits. Pass a "
            "JsonNumber, int or Decimal."
        )
    if isinstance(value, int):
        try:
            return int.__repr__(value)
        except ValueError:  # over sys.get_int_max_str_digits() digits
            return str(Decimal(value))
    if isinstance(value, Decimal):
        text = str(value)
        if not value.is_finite() or _NUMBER_RE.fullmatch(text) is None:
            raise ValueError(f"Decimal {text} has no JSON text.")
        return text
    raise TypeError(f"Type {type(value).__name__} cannot be written as JSON.")
