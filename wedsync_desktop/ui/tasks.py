"""Running slow work off the GUI thread, with results delivered back to it."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    progress = Signal(int)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    """Runs ``work(report_progress, is_cancelled)`` on the global thread pool.

    The signals are queued to the receiver's thread, so connected slots on
    widgets run on the GUI thread.
    """

    def __init__(
        self, work: Callable[[Callable[[int], None], Callable[[], bool]], Any]
    ):
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self._work = work
        self._cancelled = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit, self.is_cancelled)
        except Exception as error:  # reported to the GUI, which shows it
            log.exception("Background task failed")
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)
        finally:
            self.done.set()

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)
