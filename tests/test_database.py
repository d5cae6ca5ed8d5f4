"""Opening, migrating, backing up and refusing damaged workspaces."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wedsync_desktop.paths import WorkspacePaths
from wedsync_desktop.store.database import (
    WorkspaceCorruptError,
    WorkspaceTooNewError,
    backup_database,
    read_revision,
)
from wedsync_desktop.store.migrations import HEAD_REVISION, KNOWN_REVISIONS
from wedsync_desktop.store.workspace import open_workspace


def test_head_revision_matches_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", "wedsync_desktop.store:migrations")
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_current_head() == HEAD_REVISION
    assert {script.revision for script in scripts.walk_revisions()} == KNOWN_REVISIONS


def test_new_workspace_at_head(profile: WorkspacePaths) -> None:
    open_workspace(profile).close()
    assert read_revision(profile.database) == HEAD_REVISION


def test_garbage_file_rejected_untouched(profile: WorkspacePaths) -> None:
    profile.ensure()
    garbage = b"this is a spreadsheet, not a database\n" * 20
    profile.database.write_bytes(garbage)
    with pytest.raises(WorkspaceCorruptError) as caught:
        open_workspace(profile)
    assert "not an SQLite database" in str(caught.value)
    assert str(profile.database) in str(caught.value)
    assert "backups folder" in str(caught.value)
    assert profile.database.read_bytes() == garbage


def test_damaged_pages_rejected(profile: WorkspacePaths) -> None:
    open_workspace(profile).close()
    data = bytearray(profile.database.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    profile.database.write_bytes(bytes(data))
    with pytest.raises(WorkspaceCorruptError):
        open_workspace(profile)


def test_foreign_database_rejected(profile: WorkspacePaths) -> None:
    profile.ensure()
    connection = sqlite3.connect(profile.database)
    connection.execute("CREATE TABLE photos (id INTEGER)")
    connection.commit()
    connection.close()
    with pytest.raises(WorkspaceCorruptError, match="no schema version"):
        open_workspace(profile)


def test_newer_schema_rejected(profile: WorkspacePaths) -> None:
    open_workspace(profile).close()
    connection = sqlite3.connect(profile.database)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(WorkspaceTooNewError, match="newer release"):
        open_workspace(profile)


def test_backup_copies_content(profile: WorkspacePaths, tmp_path: Path) -> None:
    workspace = open_workspace(profile)
    from wedsync_desktop.store.records import SupplierDraft

    workspace.service.create_supplier(SupplierDraft("Petals & Co"))
    workspace.close()
    copy = backup_database(profile.database, tmp_path / "backups", reason="test")
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT business_name FROM suppliers").fetchall() == [
            ("Petals & Co",)
        ]
    finally:
        connection.close()
    assert copy.stat().st_mode & 0o077 == 0


def test_migration_backs_up_and_backfills(profile: WorkspacePaths) -> None:
    from wedsync_desktop.store.database import migrate

    profile.ensure()
    migrate(profile.database, "0001")
    connection = sqlite3.connect(profile.database)
    connection.executescript(
        """
        INSERT INTO user_profiles (id, role, created_at, updated_at)
            VALUES ('p1', 'OWNER', 't', 't');
        INSERT INTO suppliers (id, business_name, primary_category, city,
                               created_at, updated_at)
            VALUES ('p1', 'Fleur d''Été', 'florist', 'Überlingen', 't', 't');
        INSERT INTO feature_359_data (id, supplier_id, feature_config,
                                      data_payload, is_active, created_at,
                                      updated_at)
            VALUES ('r1', 'p1', '{}', '{}', 0, 't', '2026-01-02T00:00:00.000000Z');
        INSERT INTO local_supplier_search (supplier_id, search_text, sort_name)
            VALUES ('p1', 'fleur d''ete', 'fleur d''ete');
        """
    )
    connection.commit()
    connection.close()
    assert read_revision(profile.database) == "0001"

    workspace = open_workspace(profile)
    try:
        service = workspace.service
        assert read_revision(profile.database) == HEAD_REVISION
        assert service.query_supplier_ids("", category="florist") == ["p1"]
        assert service.query_supplier_ids("", sort="city") == ["p1"]
        row = service.load_rows(["p1"])["p1"]
        assert row.is_active is False
        assert row.updated_at == "2026-01-02T00:00:00.000000Z"
    finally:
        workspace.close()
    backups = list(profile.backup_dir.iterdir())
    assert len(backups) == 1
    assert backups[0].name.endswith(f"before-{HEAD_REVISION}.sqlite3")
    copy = sqlite3.connect(backups[0])
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0001",
        )
    finally:
        copy.close()
    city = sqlite3.connect(profile.database).execute(
        "SELECT city_sort FROM local_supplier_search"
    )
    assert city.fetchone() == ("uberlingen",)
