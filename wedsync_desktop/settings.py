"""User settings in a JSON file, written atomically with a backup copy."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from wedsync_desktop.paths import PRIVATE_FILE_MODE

log = logging.getLogger(__name__)


class Settings:
    """A small key-value store for window geometry and preferences.

    Secrets never go here; they belong in the system keyring.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = self._load()

    def get(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def get_str(self, key: str, default: str = "") -> str:
        """Return a text setting, or ``default`` when it is missing or not text.

        The file is user-editable, so a value of the wrong type is logged and
        ignored rather than trusted.
        """
        value = self._values.get(key, default)
        if isinstance(value, str):
            return value
        log.warning("Ignored setting %s: expected text, found %r", key, value)
        return default

    def set(self, key: str, value: Any) -> None:
        self._values[key] = value

    def save(self) -> None:
        """Write the settings: temporary file, fsync, keep ``.bak``, rename."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(self._values, indent=2, sort_keys=True).encode("utf-8")
        handle, temporary = tempfile.mkstemp(
            prefix=".settings-", suffix=".tmp", dir=self.path.parent
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, PRIVATE_FILE_MODE)
            if self.path.exists():
                os.replace(self.path, self._backup_path())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _backup_path(self) -> Path:
        return self.path.with_suffix(self.path.suffix + ".bak")

    def _load(self) -> dict[str, Any]:
        for candidate in (self.path, self._backup_path()):
            try:
                values = json.loads(candidate.read_text(encoding="utf-8"))
            except FileNotFoundError:
                continue
            except (OSError, ValueError) as error:
                log.warning("Ignored unreadable settings file %s: %s", candidate, error)
                continue
            if isinstance(values, dict):
                return values
            log.warning("Ignored settings file %s: not a JSON object", candidate)
        return {}
