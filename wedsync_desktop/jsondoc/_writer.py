"""Serialization that keeps the text of every JsonNumber."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from json.encoder import encode_basestring as _encode_string
from typing import Any, Final

from wedsync_desktop.jsondoc._types import _NUMBER_RE, JsonNumber


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
