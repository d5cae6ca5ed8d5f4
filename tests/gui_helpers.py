"""Helpers for driving real dialogs from pytest-qt tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

Button = QMessageBox.StandardButton
POLL_MS = 10
MAX_POLLS = 500


def answer_next_box(answer: Button | str, seen: list[str] | None = None) -> None:
    """Click ``answer`` in the next modal message box, once it is open.

    ``answer`` is a standard button or the text of a custom button. The box's
    text is appended to ``seen`` so the test can check what was asked.
    """
    polls = 0

    def attempt() -> None:
        nonlocal polls
        polls += 1
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            if seen is not None:
                seen.append(box.text())
            _button(box, answer).click()
        elif polls < MAX_POLLS:
            QTimer.singleShot(POLL_MS, attempt)

    QTimer.singleShot(0, attempt)


def act_in_next_dialog(kind: type[QWidget], action: Callable[[QWidget], None]) -> None:
    """Run ``action`` on the next modal dialog of type ``kind``."""
    polls = 0

    def attempt() -> None:
        nonlocal polls
        polls += 1
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            action(dialog)
        elif polls < MAX_POLLS:
            QTimer.singleShot(POLL_MS, attempt)

    QTimer.singleShot(0, attempt)


def _button(box: QMessageBox, answer: Button | str) -> QWidget:
    if isinstance(answer, str):
        for button in box.buttons():
            if button.text().replace("&", "") == answer:
                return button
        raise AssertionError(f"No button {answer!r} in message box {box.text()!r}")
    button = box.button(answer)
    if button is None:
        raise AssertionError(f"No button {answer!r} in message box {box.text()!r}")
    return button


def type_lines(qtbot: object, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``, pressing Return for each line break.

    QTest cannot type "\\n" as a character. The JSON editor keeps the current
    line's indentation after Return, so type continuation lines unindented
    when the indentation should not grow.
    """
    from PySide6.QtCore import Qt

    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)  # type: ignore[attr-defined]
        if line:
            qtbot.keyClicks(widget, line)  # type: ignore[attr-defined]
