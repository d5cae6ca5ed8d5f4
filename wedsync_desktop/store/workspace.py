"""Opening a workspace: folders, database, migrations and the service."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from wedsync_desktop.paths import WorkspacePaths
from wedsync_desktop.store.database import open_database, verify_database
from wedsync_desktop.store.service import WorkspaceService

log = logging.getLogger(__name__)


@dataclass
class Workspace:
    """An open workspace: where its files are and the service over its database."""

    paths: WorkspacePaths
    service: WorkspaceService

    def close(self) -> None:
        self.service.close()
        log.info("Closed workspace %s", self.paths.database)


def open_workspace(paths: WorkspacePaths, verify: bool = False) -> Workspace:
    """Create the folders and open (creating or migrating) the database.

    With ``verify`` every page is checked first (see verify_database). Raises
    WorkspaceError with a message for the user when the file cannot be used;
    the file is then left untouched.
    """
    paths.ensure()
    if verify and paths.database.is_file():
        verify_database(paths.database)
    engine = open_database(paths.database, paths.backup_dir)
    log.info("Opened workspace %s", paths.database)
    return Workspace(paths=paths, service=WorkspaceService(engine))
