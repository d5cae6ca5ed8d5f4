"""File locations of the workspace, settings, logs and backups."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from wedsync_desktop import APP_ID

DATABASE_FILENAME = "wedsync.sqlite3"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


@dataclass(frozen=True)
class WorkspacePaths:
    """Folders of one profile: the default platformdirs one or a --data-dir."""

    data_dir: Path
    config_dir: Path
    log_dir: Path
    backup_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_FILENAME

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "wedsync-desktop.log"

    def ensure(self) -> None:
        """Create every folder, readable by the user alone."""
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.backup_dir):
            make_private_dir(folder)


def default_paths() -> WorkspacePaths:
    """Return the per-user platformdirs folders."""
    dirs = platformdirs.PlatformDirs(APP_ID, appauthor=False)
    data_dir = Path(dirs.user_data_dir)
    return WorkspacePaths(
        data_dir=data_dir,
        config_dir=Path(dirs.user_config_dir),
        log_dir=Path(dirs.user_log_dir),
        backup_dir=data_dir / "backups",
    )


def portable_paths(data_dir: Path) -> WorkspacePaths:
    """Return a self-contained profile below one folder (``--data-dir``)."""
    data_dir = data_dir.expanduser().resolve()
    return WorkspacePaths(
        data_dir=data_dir,
        config_dir=data_dir / "settings",
        log_dir=data_dir / "logs",
        backup_dir=data_dir / "backups",
    )


def make_private_dir(folder: Path) -> None:
    """Create ``folder``, readable by the current user alone, if it is missing.

    An existing folder keeps its permissions: ``--data-dir`` may name a folder
    the user shares or a home folder, which the program must not lock down.
    The workspace files inside are private either way.
    """
    if folder.is_dir():
        return
    if folder.exists():
        raise NotADirectoryError(
            f"{folder} is a file, not a folder. Choose a folder for --data-dir."
        )
    folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True)
    if os.name == "posix":
        os.chmod(folder, PRIVATE_DIR_MODE)


def make_private_file(path: Path) -> None:
    """Restrict an existing file to the current user."""
    if os.name == "posix" and path.exists():
        os.chmod(path, PRIVATE_FILE_MODE)


def resources_dir() -> Path:
    """Return the folder of icons, styles and schemas, installed or in a checkout."""
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    from importlib.resources import files

    return Path(str(files("wedsync_desktop.resources")))
