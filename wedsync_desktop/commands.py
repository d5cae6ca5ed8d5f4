"""The command-line subcommands: import, export, demo and check."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TextIO

from wedsync_desktop.paths import WorkspacePaths
from wedsync_desktop.store.database import WorkspaceError
from wedsync_desktop.store.workspace import Workspace, open_workspace

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1


def run_import(paths: WorkspacePaths, arguments: argparse.Namespace) -> int:
    from wedsync_desktop.importers.readers import ImportFileError
    from wedsync_desktop.importers.runner import plan_import, run_import

    workspace = _open(paths)
    if workspace is None:
        return EXIT_FAILED
    try:
        plan = plan_import(arguments.file)
        print(f"Reading {arguments.file}: {plan.describe()}")
        report = run_import(workspace.service, plan, plan.mapping)
    except (ImportFileError, OSError) as error:
        _error(f"Import failed: {error}")
        return EXIT_FAILED
    finally:
        workspace.close()
    print(report.summary())
    for line, reason in report.skipped:
        print(f"  skipped line {line}: {reason}")
    return EXIT_OK


def run_export(paths: WorkspacePaths, arguments: argparse.Namespace) -> int:
    from wedsync_desktop.importers.errors import ExportError
    from wedsync_desktop.importers.export import export_csv, export_jsonl

    file_format = arguments.format or (
        "csv" if arguments.file.suffix.lower() == ".csv" else "jsonl"
    )
    writer = export_csv if file_format == "csv" else export_jsonl
    workspace = _open(paths)
    if workspace is None:
        return EXIT_FAILED
    try:
        count = writer(workspace.service, arguments.file)
    except (ExportError, OSError) as error:
        _error(f"Export to {arguments.file} failed: {error}")
        return EXIT_FAILED
    finally:
        workspace.close()
    noun = "supplier" if count == 1 else "suppliers"
    print(f"Exported {count:,} {noun} to {arguments.file} ({file_format}).")
    return EXIT_OK


def run_demo(paths: WorkspacePaths, arguments: argparse.Namespace) -> int:
    from wedsync_desktop.demo import populate

    workspace = _open(paths)
    if workspace is None:
        return EXIT_FAILED
    try:
        created = populate(workspace.service, arguments.suppliers, seed=arguments.seed)
        total = workspace.service.count_suppliers()
    finally:
        workspace.close()
    print(
        f"Added {created:,} demo suppliers; the workspace at {paths.data_dir} "
        f"now has {total:,}."
    )
    return EXIT_OK


def run_check(paths: WorkspacePaths, arguments: argparse.Namespace) -> int:
    from wedsync_desktop.store.integrity import check_workspace

    # No quick check first: check_workspace runs the full integrity check and
    # reports damage as problems.
    workspace = _open(paths, verify=False)
    if workspace is None:
        return EXIT_FAILED
    try:
        report = check_workspace(workspace.service.engine)
    finally:
        workspace.close()
    print(f"Workspace: {paths.database}")
    print(
        f"Checked {report.suppliers:,} suppliers, {report.records:,} records and "
        f"{report.outbox:,} changes waiting to sync."
    )
    if report.ok:
        print("No problems found.")
        return EXIT_OK
    print(f"{len(report.problems)} problems found:")
    for problem in report.problems:
        print(f"  {problem}")
    return EXIT_FAILED


def _open(paths: WorkspacePaths, verify: bool = True) -> Workspace | None:
    try:
        return open_workspace(paths, verify=verify)
    except WorkspaceError as error:
        _error(str(error))
        return None


def _error(message: str, stream: TextIO = sys.stderr) -> None:
    log.error("%s", message)
    print(message, file=stream)
