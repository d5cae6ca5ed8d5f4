"""Limits, the number type and the problem types shared by the jsondoc modules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

MAX_DOCUMENT_BYTES: Final = 10 * 1024 * 1024
MAX_DEPTH: Final = 512

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
        """Return the exact value, whatever the context's precision and Emax.

        An exponent beyond about 10**18, the range of the decimal module, raises
        decimal.InvalidOperation, or returns NaN in a context that does not trap
        it. parse_document rejects such numbers.
        """
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


def _number_from_token(token: str) -> JsonNumber:
    number = JsonNumber.__new__(JsonNumber)
    number._text = token
    return number
