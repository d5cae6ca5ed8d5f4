"""Validating large JSON texts on a worker thread for the editor."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from wedsync_desktop.jsondoc import JsonProblem, validate_document

logger = logging.getLogger(__name__)


class _ValidationSignals(QObject):
    finished = Signal(int, object)  # generation, JsonProblem | None


class _ValidationTask(QRunnable):
    """Runs validate_document on a worker thread and reports with a signal."""

    def __init__(self, text: str, generation: int, signals: _ValidationSignals):
        super().__init__()
        self._text = text
        self._generation = generation
        self._signals = signals

    def run(self) -> None:
        problem = validate_document(self._text)
        try:
            self._signals.finished.emit(self._generation, problem)
        except RuntimeError:
            logger.debug("JSON editor closed before validation %d", self._generation)


class BackgroundValidator(QObject):
    """Validates large texts on one worker thread and drops stale results.

    Each started validation gets a generation number. A result whose
    generation is no longer the latest is dropped, and a text that arrives
    while a validation runs waits for it, so at most one runs at a time.
    """

    finished = Signal(object)  # JsonProblem | None

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        # Destroying the editor destroys this pool, which waits for a running
        # validation to finish before the signals object below goes away.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _ValidationSignals(self)
        self._signals.finished.connect(self._on_task_finished)
        self._generation = 0
        self._running = False
        self._waiting_text: str | None = None

    @property
    def busy(self) -> bool:
        return self._running or self._waiting_text is not None

    def start(self, text: str) -> None:
        self._generation += 1
        if self._running:
            self._waiting_text = text
            return
        self._running = True
        logger.debug("Validating %d characters off the GUI thread", len(text))
        self._pool.start(_ValidationTask(text, self._generation, self._signals))

    def discard_running(self) -> None:
        """Drop the result of the running validation and any waiting text."""
        self._generation += 1
        self._waiting_text = None

    def _on_task_finished(self, generation: int, problem: JsonProblem | None) -> None:
        self._running = False
        if generation == self._generation:
            self.finished.emit(problem)
        if self._waiting_text is not None:
            text, self._waiting_text = self._waiting_text, None
            self.start(text)
