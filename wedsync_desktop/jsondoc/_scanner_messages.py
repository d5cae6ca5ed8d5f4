"""Problem reports of the Python scanner, and the wording of their messages."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Final, NoReturn

from wedsync_desktop.jsondoc._problems import _line_and_column, _problem_at
from wedsync_desktop.jsondoc._types import JsonDocumentError

_WORD_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IDENTIFIER_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
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


class _ScannerMessages:
    """Problem reports and wording for _Scanner, which sets these attributes."""

    _text: str
    _pos: int
    _frames: list[_Frame]
    _reading_key: bool

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
