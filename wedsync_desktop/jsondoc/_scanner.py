"""Slow path: an iterative scanner that reports where and why a document fails.

The problem reports and their wording are in _scanner_messages.
"""

from __future__ import annotations

import re
from typing import Any, Final

from wedsync_desktop.jsondoc._numeric_range import (
    MAX_PLAIN_TOKEN_LENGTH,
    numeric_range_problem,
)
from wedsync_desktop.jsondoc._problems import _skip_whitespace
from wedsync_desktop.jsondoc._scanner_messages import (
    _WORD_RE,
    _capitalize,
    _describe_token,
    _Frame,
    _ScannerMessages,
)
from wedsync_desktop.jsondoc._types import (
    _NUMBER_RE,
    MAX_DEPTH,
    JsonNumber,
    _number_from_token,
)

_EXPECT_VALUE: Final = 0
_EXPECT_FIRST_MEMBER: Final = 1
_EXPECT_SEPARATOR: Final = 2

_SIMPLE_STRING_RE: Final = re.compile('"[^"\\\\\x00-\x1f\ud800-\udfff]*"')
_STRING_CHUNK_RE: Final = re.compile('[^"\\\\\x00-\x1f\ud800-\udfff]*')
_HEX4_RE: Final = re.compile(r"[0-9a-fA-F]{4}")
_NUMBER_LIKE_RE: Final = re.compile(r"[-+.0-9][-+.0-9A-Za-z]*")
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


class _Scanner(_ScannerMessages):
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
        token = strict.group()
        if len(token) > MAX_PLAIN_TOKEN_LENGTH or "e" in token or "E" in token:
            self._check_numeric_range(token)
        self._pos = strict.end()
        return _number_from_token(token)

    def _check_numeric_range(self, token: str) -> None:
        problem = numeric_range_problem(token)
        if problem is not None:
            self._fail(
                f"{_capitalize(self._value_phrase())} is a number {problem.reason}.",
                problem.hint,
            )

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
