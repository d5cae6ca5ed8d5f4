"""Logging to a rotating file in the profile's log folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from wedsync_desktop.paths import make_private_file

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_LOG_BYTES = 2 * 1024 * 1024
LOG_BACKUPS = 5


def configure_logging(log_file: Path, level: int = logging.INFO) -> None:
    """Send the program's log records to ``log_file``, rotated at 2 MB, 5 kept."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root = logging.getLogger()
    for existing in list(root.handlers):
        if isinstance(existing, logging.handlers.RotatingFileHandler):
            root.removeHandler(existing)
            existing.close()
    root.addHandler(handler)
    root.setLevel(level)
    make_private_file(log_file)
