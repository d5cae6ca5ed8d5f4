"""Opening the workspace database: pragmas, checks, backups and migrations."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from wedsync_desktop.paths import make_private_file
from wedsync_desktop.store.migrations import HEAD_REVISION, KNOWN_REVISIONS

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
SQLITE_HEADER = b"SQLite format 3\x00"


class WorkspaceError(Exception):
    """The workspace cannot be opened. The message gives the cause and the fix."""


class WorkspaceCorruptError(WorkspaceError):
    """The database file is not a readable SQLite database."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(
            f"The workspace database {path} is damaged or is not a WedSync "
            f"workspace ({detail}). The file was left as it is. Restore a copy "
            f"from the backups folder, move the file aside to start a new "
            f"workspace, or open another one with --data-dir."
        )


class WorkspaceTooNewError(WorkspaceError):
    """The database was migrated by a newer release of the program."""


def create_workspace_engine(database: Path) -> Engine:
    """Return an engine whose connections use WAL, foreign keys and a busy timeout.

    ``synchronous=FULL`` makes each commit durable across power loss, not only
    across a crash of the process.
    """
    engine = create_engine(
        f"sqlite:///{database}",
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )
    event.listen(engine, "connect", _configure_connection)
    return engine


def open_database(database: Path, backup_dir: Path) -> Engine:
    """Open (creating or migrating as needed) the workspace at ``database``."""
    old_umask = os.umask(0o077)
    try:
        _check_header(database)
        revision = read_revision(database)
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise WorkspaceTooNewError(
                f"The workspace {database} was last opened by a newer release of "
                f"WedSync Desktop (schema {revision}). Install that release, or "
                f"open another workspace with --data-dir."
            )
        if revision != HEAD_REVISION:
            if revision is not None:
                backup_database(database, backup_dir, reason=f"before-{HEAD_REVISION}")
            migrate(database)
        engine = create_workspace_engine(database)
        for suffix in ("", "-wal", "-shm"):
            make_private_file(Path(f"{database}{suffix}"))
        return engine
    finally:
        os.umask(old_umask)


def verify_database(database: Path) -> None:
    """Raise WorkspaceCorruptError unless SQLite's quick check passes.

    This reads every page, so it costs up to a second on a large workspace
    with a cold disk cache. Commands that write run it first; the window
    does not.
    """
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA quick_check(1)").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise WorkspaceCorruptError(database, str(error)) from error
    if result is None or result[0] != "ok":
        detail = "no result" if result is None else str(result[0])
        raise WorkspaceCorruptError(database, f"SQLite quick check: {detail}")


def read_revision(database: Path) -> str | None:
    """Return the Alembic revision stored in ``database``, or None when empty.

    This reads the version table with plain sqlite3 so that a start-up with an
    up-to-date workspace never imports Alembic.
    """
    if not database.exists() or database.stat().st_size == 0:
        return None
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            if "alembic_version" not in tables:
                if tables:
                    raise WorkspaceCorruptError(
                        database, "it has tables but no schema version"
                    )
                return None
            row = connection.execute(
                "SELECT version_num FROM alembic_version"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise WorkspaceCorruptError(database, str(error)) from error
    return None if row is None else str(row[0])


def migrate(database: Path, revision: str = "head") -> None:
    """Apply the pending Alembic migrations to ``database``, up to ``revision``."""
    from alembic import command
    from alembic.config import Config

    log.info("Migrating workspace %s to schema %s", database, revision)
    config = Config()
    config.set_main_option("script_location", "wedsync_desktop.store:migrations")
    engine = create_workspace_engine(database)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()


def backup_database(database: Path, backup_dir: Path, reason: str) -> Path:
    """Copy ``database`` into ``backup_dir`` with SQLite's online backup API."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{database.stem}-{stamp}-{reason}.sqlite3"
    source = sqlite3.connect(database)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    make_private_file(target)
    log.info("Backed up workspace %s to %s", database, target)
    return target


def _check_header(database: Path) -> None:
    if database.is_dir():
        raise WorkspaceError(
            f"{database} is a folder, but the workspace database must be a file. "
            f"Rename that folder, or open another workspace with --data-dir."
        )
    if not database.exists() or database.stat().st_size == 0:
        return
    with database.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise WorkspaceCorruptError(database, "the file is not an SQLite database")


def _configure_connection(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()
