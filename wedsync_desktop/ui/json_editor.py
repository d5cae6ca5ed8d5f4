"""Plain-text editor for one JSON document: a feature config or a data payload.

The editor validates while the user types and marks the first problem: a
background on its line, a wavy underline at its column and a dot in the line
number gutter. It does not save. The editor pane reads ``document_text()``,
stores it and then calls ``mark_saved()``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Final

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QTextEdit,
    QToolTip,
    QWidget,
)

from wedsync_desktop.jsondoc import (
    MAX_DOCUMENT_BYTES,
    JsonDocumentError,
    JsonProblem,
    decode_bytes,
    format_document,
    validate_document,
)
from wedsync_desktop.ui.json_highlighter import (
    HIGHLIGHT_MAX_CHARS,
    JsonHighlighter,
    blend,
    is_dark,
    readable_color,
)
from wedsync_desktop.ui.json_text import (
    LONG_LINE_CHARS,
    escape_block_characters,
    megabytes,
    normalize_line_breaks,
    pretty_print_within_limit,
    utf8_size,
)
from wedsync_desktop.ui.json_validation import BackgroundValidator

logger = logging.getLogger(__name__)

VALIDATION_DELAY_MS: Final = 300
# Texts up to this many characters are validated on the GUI thread. Measured on
# a 2-core machine, jsondoc takes about 0.45 s for a valid 10 MB document and
# 2.7 s for an invalid one, so this limit costs about 10 ms or 55 ms.
INLINE_VALIDATION_MAX_CHARS: Final = 200_000
_ERROR_HUE: Final = 0
_INDENTATION_RE: Final = re.compile(r"[ \t]*")
_UNDERLINED_TOKEN_RE: Final = re.compile(
    r'\\u[0-9a-fA-F]{4}|\\.|"(?:[^"\\]|\\.)*"?|[A-Za-z0-9_.+-]+|.'
)


class FormatResult(StrEnum):
    """Outcome of JsonEditor.format_document()."""

    FORMATTED = "formatted"
    ALREADY_FORMATTED = "already_formatted"
    READ_ONLY = "read_only"
    INVALID = "invalid"
    TOO_LARGE = "too_large"


class JsonEditor(QPlainTextEdit):
    """Editor for one JSON document with highlighting and validation while typing.

    Text that comes from outside is shown in the editor's form, which parses
    to the same value:

    - Each literal U+2028, U+2029, U+FDD0 and U+FDD1 is written as its JSON
      escape, such as ``\\u2029``, because QTextDocument would show it as a
      line break or turn it into one. Valid JSON has these characters only
      inside strings, where the escape has the same value. Invalid text is
      escaped the same way, so no character is lost. This applies to
      set_document_text, mark_saved, load_file, format_document, paste and
      drop.
    - set_document_text, mark_saved and load_file pretty-print a document with
      a line over LONG_LINE_CHARS, such as minified JSON, when it is valid and
      the result fits MAX_DOCUMENT_BYTES. The indent is 2, or else one item
      per line without indentation. ``loaded_reformatted`` is then True. The
      server stores JSONB, which keeps no whitespace, so the layout is lost
      there anyway.

    The shown form of the loaded or saved text counts as unmodified, and
    document_text() returns the shown form, so that is what gets saved.

    The font is the system's fixed-pitch family at the point size that the
    editor inherits from its parent or the application, and follows changes
    of that size.

    Signals:
        problem_changed(object): the first problem (JsonProblem) or None.
        modified_changed(bool): whether the text differs from the loaded text.
    """

    problem_changed = Signal(object)
    modified_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved_text = ""
        self._saved_source = ""
        self._loaded_reformatted = False
        self._last_format_result: FormatResult | None = None
        self._last_format_message = ""
        self._modified = False
        self._problem: JsonProblem | None = None
        self._problem_cursor: QTextCursor | None = None
        self._read_only_reason: str | None = None
        self._highlighting_enabled = True
        self._switching_highlighter = False

        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._colors = _EditorColors.from_palette(self.palette())
        self._gutter = _LineNumberGutter(self)
        self.setFont(_fixed_pitch_font())
        self._highlighter = JsonHighlighter(self.document(), self.palette())
        self._validator = BackgroundValidator(self)
        self._validator.finished.connect(self._apply_problem)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATION_DELAY_MS)
        self._timer.timeout.connect(self._validate_now)

        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._update_gutter)
        self.cursorPositionChanged.connect(self._refresh_marks)
        self.textChanged.connect(self._on_text_changed)
        self.document().modificationChanged.connect(self._on_modification_changed)
        self._update_gutter_width()
        self._refresh_marks()

    # Loading and reading the text

    def set_document_text(self, text: str) -> None:
        """Load stored text: clear the undo stack, mark the text saved, validate.

        The text is shown in the editor's form, described in the class docstring.
        """
        display_text, reformatted = _text_for_display(text)
        self._update_highlighting(len(display_text))
        self.setPlainText(display_text)
        self._saved_source = text
        self._saved_text = self.document_text()
        self._loaded_reformatted = reformatted
        self.document().setModified(False)
        self._set_modified(False)
        self._validate_now()

    def document_text(self) -> str:
        """Return the text with ``\\n`` line breaks and every character as typed.

        QPlainTextEdit.toPlainText() would turn no-break spaces into spaces.
        """
        return self.document().toRawText().replace("\u2029", "\n")

    def mark_saved(self, text: str) -> None:
        """Record text as the stored version, after the editor pane saved it.

        The editor's form of the text becomes the saved text. Text equal to the
        one loaded or saved before keeps its form, so a document shown
        pretty-printed is not formatted again.
        """
        if text != self._saved_source:
            self._saved_source = text
            self._saved_text, self._loaded_reformatted = self._saved_form(text)
        if self.document_text() == self._saved_text:
            self.document().setModified(False)
        self._set_modified(self.is_modified())

    def is_modified(self) -> bool:
        """Return whether the text differs from the last loaded or saved text."""
        if not self.document().isModified():
            return False
        return self.document_text() != self._saved_text

    def load_file(self, path: str | Path) -> None:
        """Replace the text with a UTF-8 file, as one step that Ctrl+Z undoes.

        A leading BOM is dropped. Raises OSError when the file cannot be read,
        JsonDocumentError when it is not UTF-8 and PermissionError when the
        editor is read-only. The text is unchanged after any of these errors.
        """
        if self.isReadOnly():
            raise PermissionError(self._read_only_reason or "The editor is read-only.")
        text = decode_bytes(Path(path).read_bytes())
        logger.info("Loaded %s into the JSON editor (%d characters)", path, len(text))
        display_text, reformatted = _text_for_display(text)
        self._replace_all(display_text)
        self._loaded_reformatted = reformatted

    # Edit commands

    def format_document(self) -> bool:
        """Pretty-print the document as one undoable step.

        Returns True when the document is formatted afterwards. Returns False
        without changing the text when the editor is read-only, the document is
        invalid (the problem is then shown) or the formatted text would be over
        MAX_DOCUMENT_BYTES. ``last_format_result`` and ``last_format_message``
        then tell which.
        """
        result, message = self._format()
        self._last_format_result = result
        self._last_format_message = message
        return result in (FormatResult.FORMATTED, FormatResult.ALREADY_FORMATTED)

    @property
    def last_format_result(self) -> FormatResult | None:
        """Outcome of the last format_document() call, or None before the first."""
        return self._last_format_result

    @property
    def last_format_message(self) -> str:
        """Sentence for the user on why the last format_document() failed.

        Empty when the last call formatted the document or found it formatted.
        """
        return self._last_format_message

    def revert(self) -> None:
        """Replace the text with the last loaded or saved text, as one undo step."""
        if self.document_text() != self._saved_text:
            self._replace_all(self._saved_text)
            # Clear a stale error mark at once instead of after the debounce.
            self._validate_now()

    def set_read_only(self, read_only: bool, reason: str | None = None) -> None:
        """Block or allow editing, with the reason shown as the tooltip."""
        self.setReadOnly(read_only)
        self._read_only_reason = reason if read_only else None
        self.setToolTip(self._read_only_reason or "")
        self._refresh_marks()

    def read_only_reason(self) -> str | None:
        return self._read_only_reason

    # Problems

    def problem(self) -> JsonProblem | None:
        return self._problem

    def jump_to_problem(self) -> bool:
        """Move the cursor to the current problem; return False when there is none."""
        if self._problem_cursor is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._problem_cursor.selectionStart())
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    @property
    def loaded_reformatted(self) -> bool:
        """Whether the last loaded or saved text is shown pretty-printed.

        True when set_document_text, mark_saved or load_file received a document
        with a line over LONG_LINE_CHARS and showed it formatted. The window can
        then tell the user why the layout changed.
        """
        return self._loaded_reformatted

    @property
    def highlighting_enabled(self) -> bool:
        """Whether syntax highlighting is on (off above HIGHLIGHT_MAX_CHARS)."""
        return self._highlighting_enabled

    @property
    def validation_pending(self) -> bool:
        """Whether a validation is scheduled or running for the current text."""
        return self._timer.isActive() or self._validator.busy

    def gutter_width(self) -> int:
        """Return the width of the line number gutter in device-independent pixels."""
        metrics = self.fontMetrics()
        digits = max(2, len(str(self.blockCount())))
        return (
            self._marker_size()
            + metrics.horizontalAdvance("9") * digits
            + 3 * _gutter_padding(metrics.height())
        )

    # Qt event handlers

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colors = _EditorColors.from_palette(self.palette())
            self._highlighter.set_palette(self.palette())
            self._refresh_marks()
            self._gutter.update()
        elif event.type() == QEvent.Type.FontChange:
            self._update_gutter_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_gutter(self.gutter_width())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.isReadOnly() or event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        ):
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._insert_line_break()
        elif key == Qt.Key.Key_Tab:
            self.textCursor().insertText("  ")  # a tab inside a string is invalid
        else:
            super().keyPressEvent(event)

    def _insert_line_break(self) -> None:
        """Start a new line with the indentation of the current one.

        This also handles Shift+Enter, which would otherwise insert U+2028, a
        character that JSON rejects outside strings.
        """
        cursor = self.textCursor()
        indentation = _INDENTATION_RE.match(cursor.block().text())
        cursor.insertBlock()
        cursor.insertText(indentation.group() if indentation else "")
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def insertFromMimeData(self, source: QMimeData) -> None:
        pasted = source.text() if source.hasText() else ""
        escaped = escape_block_characters(pasted)
        if escaped != pasted:
            source = QMimeData()
            source.setText(escaped)
        self._update_highlighting(self.document().characterCount() + len(escaped))
        super().insertFromMimeData(source)

    def viewportEvent(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ToolTip
            and isinstance(event, QHelpEvent)
            and self._show_problem_tooltip(event.pos(), event.globalPos())
        ):
            return True
        return super().viewportEvent(event)

    # Text changes and validation

    def _on_text_changed(self) -> None:
        if self._switching_highlighter:
            return  # only the highlighting formats changed
        self._update_highlighting(self.document().characterCount())
        self._validator.discard_running()
        self._timer.start()

    def _validate_now(self) -> None:
        self._timer.stop()
        text = self.document_text()
        self._reconcile_modified(text)
        if len(text) <= INLINE_VALIDATION_MAX_CHARS:
            self._validator.discard_running()
            self._apply_problem(validate_document(text))
        else:
            self._validator.start(text)

    def _apply_problem(self, problem: JsonProblem | None) -> None:
        previous = self._problem
        self._problem = problem
        self._problem_cursor = None if problem is None else self._cursor_at(problem)
        self._refresh_marks()
        self._gutter.update()
        if problem != previous:
            self.problem_changed.emit(problem)

    def _cursor_at(self, problem: JsonProblem) -> QTextCursor:
        """Return a cursor that selects the token where the problem is."""
        block = self.document().findBlockByNumber(problem.line - 1)
        if not block.isValid():
            block = self.document().lastBlock()
        line = block.text()
        column = min(max(problem.column - 1, 0), len(line))
        token = _UNDERLINED_TOKEN_RE.match(line, column)
        start = block.position() + _utf16_length(line[:column])
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        if token is not None:
            length = _utf16_length(token.group())
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        elif column > 0:
            cursor.setPosition(start - 1, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _format(self) -> tuple[FormatResult, str]:
        if self.isReadOnly():
            reason = self._read_only_reason or "The editor is read-only."
            return FormatResult.READ_ONLY, f"Not formatted: {reason}"
        text = self.document_text()
        # NOTE: formatting runs on the GUI thread and takes a few seconds for a
        # document of several MB, so a wait cursor is shown meanwhile.
        with _wait_cursor(len(text) > INLINE_VALIDATION_MAX_CHARS):
            try:
                formatted = escape_block_characters(format_document(text))
            except JsonDocumentError as error:
                self._apply_problem(error.problem)
                message = f"Not formatted: {error.problem.describe()}"
                return FormatResult.INVALID, message

            size = utf8_size(formatted)
            if size > MAX_DOCUMENT_BYTES:
                logger.warning(
                    "Formatting not applied: %d bytes would exceed %d bytes",
                    size,
                    MAX_DOCUMENT_BYTES,
                )
                message = (
                    f"Not formatted: the formatted document would be "
                    f"{megabytes(size)}, over the {megabytes(MAX_DOCUMENT_BYTES)} "
                    "limit for a stored document."
                )
                return FormatResult.TOO_LARGE, message

            if formatted == text:
                return FormatResult.ALREADY_FORMATTED, ""
            self._replace_all(formatted)
        return FormatResult.FORMATTED, ""

    def _saved_form(self, text: str) -> tuple[str, bool]:
        """Return the editor's form of a saved text and whether it is reformatted.

        The shown text is kept when it is the saved text with escapes only.
        """
        escaped = escape_block_characters(normalize_line_breaks(text))
        if escaped == self.document_text():
            return escaped, False
        return _text_for_display(text)

    def _replace_all(self, text: str) -> None:
        """Replace the whole text in one undo step and keep the cursor's line."""
        self._update_highlighting(len(text))
        line = self.textCursor().blockNumber()
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)
        cursor.endEditBlock()
        block = self.document().findBlockByNumber(min(line, self.blockCount() - 1))
        self.setTextCursor(QTextCursor(block))
        self._reconcile_modified(self.document_text())

    def _update_highlighting(self, length: int) -> None:
        enabled = length <= HIGHLIGHT_MAX_CHARS
        if enabled == self._highlighting_enabled or self._switching_highlighter:
            return
        self._highlighting_enabled = enabled
        # QSyntaxHighlighter.setDocument clears the old formats in an edit block,
        # which emits textChanged. Switching again from that signal would leave
        # the highlighter connected to the document while holding no document,
        # and Qt 6.11 and 6.12 then crash on the next edit.
        self._switching_highlighter = True
        try:
            self._highlighter.setDocument(self.document() if enabled else None)
        finally:
            self._switching_highlighter = False
        logger.debug("JSON highlighting %s at %d characters", enabled, length)

    # Modified state

    def _reconcile_modified(self, text: str) -> None:
        """Clear the modified flag when edits have brought back the saved text."""
        if self.document().isModified() and text == self._saved_text:
            self.document().setModified(False)

    def _on_modification_changed(self, modified: bool) -> None:
        self._set_modified(modified and self.is_modified())

    def _set_modified(self, modified: bool) -> None:
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    # Painting

    def _refresh_marks(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        if not self.isReadOnly():
            selections.append(self._line_selection(self.textCursor(), "current"))
        if self._problem_cursor is not None:
            selections.append(self._line_selection(self._problem_cursor, "error"))
            selections.append(self._underline_selection(self._problem_cursor))
        self.setExtraSelections(selections)

    def _line_selection(
        self, cursor: QTextCursor, kind: str
    ) -> QTextEdit.ExtraSelection:
        text_format = QTextCharFormat()
        color = self._colors.error_line if kind == "error" else self._colors.current
        text_format.setBackground(color)
        text_format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        line_cursor = QTextCursor(cursor)
        line_cursor.clearSelection()
        return _extra_selection(line_cursor, text_format)

    def _underline_selection(self, cursor: QTextCursor) -> QTextEdit.ExtraSelection:
        text_format = QTextCharFormat()
        text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        text_format.setUnderlineColor(self._colors.error)
        text_format.setBackground(self._colors.error_token)
        return _extra_selection(QTextCursor(cursor), text_format)

    def _marker_size(self) -> int:
        return max(6, round(self.fontMetrics().height() * 0.55))

    def _update_gutter_width(self) -> None:
        width = self.gutter_width()
        self.setViewportMargins(width, 0, 0, 0)
        self._place_gutter(width)

    def _place_gutter(self, width: int) -> None:
        rect = self.contentsRect()
        self._gutter.setGeometry(QRect(rect.left(), rect.top(), width, rect.height()))

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_gutter_width()

    def _paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), self._colors.gutter_background)
        metrics = self.fontMetrics()
        padding = _gutter_padding(metrics.height())
        number_right = self._gutter.width() - padding
        error_block = -1
        if self._problem_cursor is not None:
            error_block = self._problem_cursor.blockNumber()
        current_block = self.textCursor().blockNumber()

        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        top = self.blockBoundingGeometry(block).translated(offset).top()
        while block.isValid() and top <= event.rect().bottom():
            height = self.blockBoundingRect(block).height()
            number = block.blockNumber()
            if block.isVisible() and top + height >= event.rect().top():
                line_rect = QRectF(0, top, number_right, metrics.height())
                painter.setPen(
                    self._colors.gutter_current
                    if number == current_block
                    else self._colors.gutter_text
                )
                painter.drawText(
                    line_rect,
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    str(number + 1),
                )
                if number == error_block:
                    self._paint_marker(painter, top, metrics.height(), padding)
            top += height
            block = block.next()
        painter.end()

    def _paint_marker(
        self, painter: QPainter, top: float, line_height: int, padding: int
    ) -> None:
        size = self._marker_size()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colors.error)
        painter.drawEllipse(QRectF(padding, top + (line_height - size) / 2, size, size))

    def _show_problem_tooltip(self, position: QPoint, global_position: QPoint) -> bool:
        """Show the problem as a tooltip when the position is on its line."""
        if self._problem is None or self._problem_cursor is None:
            return False
        block_number = self.cursorForPosition(QPoint(0, position.y())).blockNumber()
        if block_number != self._problem_cursor.blockNumber():
            return False
        QToolTip.showText(global_position, self._problem.describe(), self)
        return True


@dataclass(frozen=True)
class _EditorColors:
    """Colours of the editor's marks, derived from its palette."""

    current: QColor
    error: QColor
    error_line: QColor
    error_token: QColor
    gutter_background: QColor
    gutter_text: QColor
    gutter_current: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> _EditorColors:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = is_dark(base)
        error = readable_color(_ERROR_HUE, 0.85, base, 4.5)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        return cls(
            current=blend(base, highlight, 0.16 if dark else 0.10),
            error=error,
            error_line=blend(base, error, 0.28 if dark else 0.16),
            error_token=blend(base, error, 0.45 if dark else 0.32),
            gutter_background=palette.color(QPalette.ColorRole.Window),
            gutter_text=blend(text, palette.color(QPalette.ColorRole.Window), 0.45),
            gutter_current=text,
        )


class _LineNumberGutter(QWidget):
    """Line numbers and the problem marker, painted by the editor."""

    def __init__(self, editor: JsonEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._editor._paint_gutter(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            if self._editor._show_problem_tooltip(event.pos(), event.globalPos()):
                return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)


def _text_for_display(text: str) -> tuple[str, bool]:
    """Return the editor's form of a text and whether it was pretty-printed.

    The form is described in the JsonEditor docstring. CR LF and CR become
    LF, as document_text() returns them.
    """
    display_text = escape_block_characters(normalize_line_breaks(text))
    if len(display_text) <= LONG_LINE_CHARS:
        return display_text, False
    longest_line = max(map(len, display_text.split("\n")))
    if longest_line <= LONG_LINE_CHARS:
        return display_text, False

    with _wait_cursor(len(display_text) > INLINE_VALIDATION_MAX_CHARS):
        formatted = pretty_print_within_limit(display_text, longest_line)
    if formatted is None:
        return display_text, False
    return formatted, True


def _fixed_pitch_font() -> QFont:
    """Return the system's fixed-pitch family with every other attribute unset.

    A widget given this font inherits the point size from its parent or the
    application, also when that size changes later.
    """
    system_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font = QFont()
    font.setFamilies(system_font.families() or [system_font.family()])
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setFixedPitch(True)
    return font


def _extra_selection(
    cursor: QTextCursor, text_format: QTextCharFormat
) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    selection.format = text_format
    return selection


@contextmanager
def _wait_cursor(show: bool) -> Iterator[None]:
    if not show:
        yield
        return
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _gutter_padding(line_height: int) -> int:
    return max(2, line_height // 4)
