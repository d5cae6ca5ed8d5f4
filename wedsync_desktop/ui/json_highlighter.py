"""JSON syntax highlighting with colours derived from the widget palette.

Each colour is picked for a WCAG contrast ratio of at least 4.5:1 with the
palette's base colour (3:1 for punctuation), in light and dark themes alike.
Black, white or the text colour is the fallback when no shade of a hue is enough.
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum
from typing import Final

from PySide6.QtGui import (
    QColor,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

logger = logging.getLogger(__name__)

# NOTE: above this many characters the editor detaches the highlighter, because
# highlightBlock runs Python for every line. Loading 1 MB with highlighting took
# 0.46 s on a 2-core machine, so a 10 MB document would stall the GUI for seconds.
HIGHLIGHT_MAX_CHARS: Final = 1024 * 1024

TEXT_CONTRAST: Final = 4.5
PUNCTUATION_CONTRAST: Final = 3.0


class TokenKind(StrEnum):
    KEY = "key"
    STRING = "string"
    NUMBER = "number"
    LITERAL = "literal"
    PUNCTUATION = "punctuation"


_TOKEN_RE: Final = re.compile(
    r'(?P<key>"[^"\\]*(?:\\.[^"\\]*)*"(?=\s*:))'
    r'|(?P<string>"[^"\\]*(?:\\.[^"\\]*)*"?)'
    r"|(?P<number>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)"
    r"|(?P<literal>\b(?:true|false|null)\b)"
    r"|(?P<punctuation>[{}\[\],:])"
)
_ASTRAL_RE: Final = re.compile("[\U00010000-\U0010ffff]")

# Hue (degrees on the HSL colour wheel) and saturation of each token colour.
_TOKEN_HUES: Final = {
    TokenKind.KEY: (212, 0.75),
    TokenKind.STRING: (130, 0.60),
    TokenKind.NUMBER: (28, 0.85),
    TokenKind.LITERAL: (285, 0.60),
}


class JsonHighlighter(QSyntaxHighlighter):
    """Colours keys, strings, numbers, true/false/null and punctuation."""

    def __init__(self, document: QTextDocument, palette: QPalette) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self._colors: dict[TokenKind, QColor] = {}
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        """Pick token colours for the palette and highlight the document again."""
        self._colors = token_colors(palette)
        self._formats = {}
        for kind, color in self._colors.items():
            text_format = QTextCharFormat()
            text_format.setForeground(color)
            self._formats[kind.value] = text_format
        if self.document() is not None:
            self.rehighlight()

    def color(self, kind: TokenKind) -> QColor:
        return QColor(self._colors[kind])

    def highlightBlock(self, text: str) -> None:
        document = self.document()
        if document is None or document.characterCount() > HIGHLIGHT_MAX_CHARS:
            return
        utf16_offsets = _utf16_offsets(text)
        for match in _TOKEN_RE.finditer(text):
            start, end = match.span()
            if utf16_offsets is not None:
                start, end = utf16_offsets[start], utf16_offsets[end]
            self.setFormat(start, end - start, self._formats[match.lastgroup or ""])


def token_colors(palette: QPalette) -> dict[TokenKind, QColor]:
    """Return a readable colour for each token kind on the palette's base colour."""
    base = palette.color(QPalette.ColorRole.Base)
    colors = {
        kind: readable_color(hue, saturation, base, TEXT_CONTRAST)
        for kind, (hue, saturation) in _TOKEN_HUES.items()
    }
    text = palette.color(QPalette.ColorRole.Text)
    punctuation = blend(text, base, 0.35)
    if contrast_ratio(punctuation, base) < PUNCTUATION_CONTRAST:
        punctuation = text
    colors[TokenKind.PUNCTUATION] = punctuation
    return colors


def readable_color(
    hue: int, saturation: float, background: QColor, minimum_ratio: float
) -> QColor:
    """Return the colour of a hue whose contrast with the background is enough.

    The lightness starts at a moderate value and moves away from the background
    (darker on a light background, lighter on a dark one) until the contrast
    ratio reaches minimum_ratio. Black or white is the last resort.
    """
    dark_background = is_dark(background)
    lightness = 0.70 if dark_background else 0.38
    step = 0.02 if dark_background else -0.02
    while 0.0 < lightness < 1.0:
        color = QColor.fromHslF(hue / 360, saturation, lightness)
        if contrast_ratio(color, background) >= minimum_ratio:
            return color
        lightness += step
    return QColor("white") if dark_background else QColor("black")


def is_dark(color: QColor) -> bool:
    return relative_luminance(color) < 0.18


def blend(color: QColor, other: QColor, amount: float) -> QColor:
    """Return color moved by amount (0 to 1) towards other, in RGB."""
    return QColor.fromRgbF(
        color.redF() + (other.redF() - color.redF()) * amount,
        color.greenF() + (other.greenF() - color.greenF()) * amount,
        color.blueF() + (other.blueF() - color.blueF()) * amount,
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """Return the WCAG 2 contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted(
        (relative_luminance(first), relative_luminance(second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def relative_luminance(color: QColor) -> float:
    """Return the WCAG 2 relative luminance of an sRGB colour, from 0 to 1."""

    def linear(channel: float) -> float:
        if channel <= 0.04045:
            return channel / 12.92
        return float(((channel + 0.055) / 1.055) ** 2.4)

    return (
        0.2126 * linear(color.redF())
        + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF())
    )


def _utf16_offsets(text: str) -> list[int] | None:
    """Map code point offsets to UTF-16 offsets, or None when they are equal.

    QSyntaxHighlighter.setFormat counts UTF-16 code units, so each character
    outside the Basic Multilingual Plane (most emoji) shifts later offsets by 1.
    """
    if text.isascii() or _ASTRAL_RE.search(text) is None:
        return None
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + (2 if ord(char) > 0xFFFF else 1))
    return offsets
