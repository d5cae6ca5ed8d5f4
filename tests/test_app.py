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
