"""Starting the GUI: damaged workspaces and the application object."""

from __future__ import annotations

from gui_helpers import answer_next_box

from wedsync_desktop.paths import WorkspacePaths
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.ui.app import move_aside, open_workspace_interactively

GARBAGE = b"PK\x03\x04 a spreadsheet saved under the wrong name" * 30


def test_damaged_workspace_moved_aside(qtbot, profile: WorkspacePaths) -> None:  # type: ignore[no-untyped-def]
    profile.ensure()
    profile.database.write_bytes(GARBAGE)
    asked: list[str] = []
    answer_next_box("Move it aside and start a new workspace", asked)
    workspace = open_workspace_interactively(profile)
    assert workspace is not None
    try:
        assert "is damaged or is not a WedSync workspace" in asked[0]
        assert workspace.service.count_suppliers() == 0
        workspace.service.create_supplier(SupplierDraft("Fresh Start Florals"))
    finally:
        workspace.close()
    moved = list(profile.data_dir.glob("wedsync.sqlite3.damaged-*"))
    assert len(moved) == 1
    assert moved[0].read_bytes() == GARBAGE


def test_damaged_workspace_quit_keeps_file(qtbot, profile: WorkspacePaths) -> None:  # type: ignore[no-untyped-def]
    profile.ensure()
    profile.database.write_bytes(GARBAGE)
    answer_next_box("Quit")
    assert open_workspace_interactively(profile) is None
    assert profile.database.read_bytes() == GARBAGE
    assert list(profile.data_dir.glob("*.damaged-*")) == []


def test_move_aside_takes_wal_files(profile: WorkspacePaths) -> None:
    profile.ensure()
    profile.database.write_bytes(b"main")
    wal = profile.data_dir / "wedsync.sqlite3-wal"
    wal.write_bytes(b"wal")
    target = move_aside(profile.database)
    assert target.read_bytes() == b"main"
    assert (target.parent / f"{target.name}-wal").read_bytes() == b"wal"
    assert not profile.database.exists()
    assert not wal.exists()


def _damage_inner_pages(profile: WorkspacePaths, table: str | None = None) -> None:
    """Fill a demo workspace, then overwrite pages after the first with 0xFF.

    With ``table``, only that table's root page is overwritten.
    """
    from wedsync_desktop.demo import populate
    from wedsync_desktop.store.workspace import open_workspace

    workspace = open_workspace(profile)
    populate(workspace.service, 150)
    workspace.close()
    data = bytearray(profile.database.read_bytes())
    page = 4096
    if table is not None:
        import sqlite3

        connection = sqlite3.connect(profile.database)
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()
        connection.close()
        data[(root - 1) * page : root * page] = b"\xff" * page
        profile.database.write_bytes(bytes(data))
        return
    pages = len(data) // page
    # Pages in the middle hold table rows; the schema and the version table
    # stay readable, as after a partial disk failure.
    start, end = page * (pages * 2 // 5), page * (pages * 3 // 5)
    data[start:end] = b"\xff" * (end - start)
    profile.database.write_bytes(bytes(data))


def test_inner_damage_found_by_verify(profile: WorkspacePaths) -> None:
    import pytest

    from wedsync_desktop.store.database import WorkspaceCorruptError
    from wedsync_desktop.store.workspace import open_workspace

    _damage_inner_pages(profile)
    damaged = profile.database.read_bytes()
    with pytest.raises(WorkspaceCorruptError):
        open_workspace(profile, verify=True)
    assert profile.database.read_bytes() == damaged


def test_inner_damage_reported_by_check(profile: WorkspacePaths) -> None:
    from wedsync_desktop.store.integrity import check_workspace
    from wedsync_desktop.store.workspace import open_workspace

    _damage_inner_pages(profile)
    workspace = open_workspace(profile)
    try:
        report = check_workspace(workspace.service.engine)
    finally:
        workspace.close()
    assert not report.ok
    assert any(
        "malformed" in problem or "SQLite" in problem for problem in report.problems
    )


def test_inner_damage_offered_move_aside(qtbot, profile: WorkspacePaths) -> None:  # type: ignore[no-untyped-def]
    from wedsync_desktop.ui.app import open_window

    _damage_inner_pages(profile, table="local_supplier_search")
    damaged = profile.database.read_bytes()
    asked: list[str] = []
    answer_next_box("Move it aside and start a new workspace", asked)
    window = open_window(profile)
    assert window is not None
    try:
        assert "is damaged" in asked[0]
        assert window.pages.currentWidget() is window.welcome
    finally:
        window.close()
        window.workspace.close()
    moved = list(profile.data_dir.glob("wedsync.sqlite3.damaged-*"))
    assert [path.read_bytes() for path in moved if "-wal" not in path.name] == [damaged]
