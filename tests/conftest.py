"""Shared fixtures: a real workspace on disk for every test that needs one."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTEST_QT_API", "pyside6")

from collections.abc import Iterator
from pathlib import Path

import pytest

from wedsync_desktop.paths import WorkspacePaths, portable_paths
from wedsync_desktop.store.service import WorkspaceService
from wedsync_desktop.store.workspace import Workspace, open_workspace

CASES = Path(__file__).parent / "cases"


@pytest.fixture
def profile(tmp_path: Path) -> WorkspacePaths:
    return portable_paths(tmp_path / "profile")


@pytest.fixture
def workspace(profile: WorkspacePaths) -> Iterator[Workspace]:
    opened = open_workspace(profile)
    yield opened
    opened.close()


@pytest.fixture
def service(workspace: Workspace) -> WorkspaceService:
    return workspace.service
