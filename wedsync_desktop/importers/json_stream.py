"""Streaming JSON rows: one object per JSON Lines line, or per JSON array element.

Each object is parsed with ``jsondoc.parse_document``, so numbers keep their
exact text and duplicate keys, NaN and ``\\u0000`` are rejected per row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from wedsync_desktop import jsondoc


@dataclass(frozen=True)
class SourceRow:
    """One row of a source file: the line where it starts and its values by column."""

    line: int
    values: dict[str, Any]


@dataclass(frozen=True)
class SourceSkip:
    """A source row that cannot be read, with the line where it starts and why."""

    line: int
    reason: str


SourceItem = SourceRow | SourceSkip

_KIND_BY_FIRST_CHAR = {"[": "an array", '"': "a string", "t": "true", "f": "false"}


def parse_object(line: int, text: str) -> SourceItem:
    """Parse the text of one JSON object that starts on ``line`` of the file."""
    stripped = text.strip()
    if not stripped.startswith("{"):
        return SourceSkip(
            line,
            f"expected a JSON object in braces {{...}}, found {_kind(stripped)}.",
        )
    try:
        return SourceRow(line, jsondoc.parse_document(stripped))
    except jsondoc.JsonDocumentError as error:
        problem = error.problem
        where = f"column {problem.column}: " if problem.line == 1 else ""
        return SourceSkip(
            line + problem.line - 1, f"{where}{problem.message} {problem.hint}"
        )


def iter_json_lines(lines: Iterable[str]) -> Iterator[SourceItem]:
    """Yield one item per non-blank line of a JSON Lines text."""
    for number, text in enumerate(lines, start=1):
        if text.strip():
            yield parse_object(number, text)


def iter_json_array(chunks: Iterable[str]) -> Iterator[SourceItem]:
    """Yield one item per element of a top-level JSON array read in chunks."""
    splitter = ArraySplitter()
    for chunk in chunks:
        for line, text in splitter.feed(chunk):
            yield parse_object(line, text)
    for line, text in splitter.finish():
        yield parse_object(line, text)
    if splitter.trailing_line is not None:
        yield SourceSkip(
            splitter.trailing_line,
            "text after the closing ] of the JSON array was not read. Remove it, "
            "or move those suppliers into the array.",
        )


def _kind(text: str) -> str:
    if not text:
        return "nothing"
    if text[0] in _KIND_BY_FIRST_CHAR:
        return _KIND_BY_FIRST_CHAR[text[0]]
    if text[0] == "-" or text[0].isdigit():
        return "a number"
    if text.startswith("null"):
        return "null"
    return f"text starting with {text[:20]!r}"


_BEFORE, _BETWEEN, _ELEMENT, _AFTER = range(4)
_NON_SPACE = re.compile(r"[^ \t\r\n\ufeff]")
_SPECIAL_IN_STRING = re.compile(r'["\\]')
_SPECIAL_AT_TOP = re.compile(r'["{}\[\],]')
_SPECIAL_NESTED = re.compile(r'["{}\[\]]')
# The rest of a string after its opening quote, through the closing quote.
_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)


class ArraySplitter:
    """Cut the text of a top-level JSON array into the texts of its elements.

    ``feed`` takes the text chunk by chunk and returns ``(line, text)`` for
    each element that ended in the chunk, where ``line`` is the 1-based line
    of the element's first character. The splitter looks only at quotes,
    backslashes, brackets, commas and line breaks. The elements are parsed
    afterwards, so a broken element costs that element only.
    """

    def __init__(self) -> None:
        self.line = 1
        self.trailing_line: int | None = None
        self._state = _BEFORE
        self._depth = 0
        self._in_string = False
        self._escaped = False
        self._parts: list[str] = []
        self._element_line = 0

    def feed(self, chunk: str) -> list[tuple[int, str]]:
        elements: list[tuple[int, str]] = []
        position = 0
        while position < len(chunk):
            if self._state == _ELEMENT:
                position = self._scan_element(chunk, position, elements)
            else:
                position = self._scan_outside(chunk, position)
        return elements

    def finish(self) -> list[tuple[int, str]]:
        """Return the element cut short by the end of the file, if any."""
        if self._state != _ELEMENT:
            return []
        self._state = _AFTER
        return [(self._element_line, "".join(self._parts))]

    def _scan_outside(self, chunk: str, position: int) -> int:
        found = _NON_SPACE.search(chunk, position)
        end = len(chunk) if found is None else found.start()
        self.line += chunk.count("\n", position, end)
        if found is None:
            return end
        char = chunk[end]
        if self._state == _BEFORE:
            if char != "[":
                raise ValueError(f"expected [ on line {self.line}, found {char!r}")
            self._state = _BETWEEN
            return end + 1
        if self._state == _AFTER:
            if self.trailing_line is None:
                self.trailing_line = self.line
            self.line += chunk.count("\n", end)
            return len(chunk)
        if char == ",":
            return end + 1
        if char == "]":
            self._state = _AFTER
            return end + 1
        self._start_element()
        return end

    def _start_element(self) -> None:
        self._state = _ELEMENT
        self._element_line = self.line
        self._depth = 0
        self._in_string = False
        self._parts = []

    def _scan_element(
        self, chunk: str, position: int, elements: list[tuple[int, str]]
    ) -> int:
        start = position
        if self._escaped:
            self._escaped = False
            position += 1
        while True:
            found = self._special().search(chunk, position)
            if found is None:
                self._consume(chunk, start, len(chunk))
                return len(chunk)
            position = found.start()
            if self._in_string:
                position = self._step_in_string(chunk, position)
                continue
            char = chunk[position]
            if char == '"':
                position = self._skip_string(chunk, position + 1)
                continue
            if self._step_structure(char):
                self._consume(chunk, start, position)
                elements.append((self._element_line, "".join(self._parts)))
                self._parts = []
                return position + 1
            position += 1

    def _consume(self, chunk: str, start: int, end: int) -> None:
        self._parts.append(chunk[start:end])
        self.line += chunk.count("\n", start, end)

    def _special(self) -> re.Pattern[str]:
        if self._in_string:
            return _SPECIAL_IN_STRING
        return _SPECIAL_AT_TOP if self._depth == 0 else _SPECIAL_NESTED

    def _skip_string(self, chunk: str, position: int) -> int:
        """Return the position after a string whose opening quote was just read."""
        found = _STRING_REST.match(chunk, position)
        if found is not None:
            return found.end()
        self._in_string = True  # the string goes on in the next chunk
        return position

    def _step_in_string(self, chunk: str, position: int) -> int:
        if chunk[position] == '"':
            self._in_string = False
            return position + 1
        # A backslash: the next character is escaped, perhaps in the next chunk.
        if position + 1 == len(chunk):
            self._escaped = True
            return position + 1
        return position + 2

    def _step_structure(self, char: str) -> bool:
        """Apply one bracket or comma and return whether the element ended."""
        if char in "{[":
            self._depth += 1
        elif self._depth > 0:
            self._depth -= char in "}]"
        elif char in ",]":
            self._state = _AFTER if char == "]" else _BETWEEN
            return True
        return False
