"""Command line: opens the window, or runs import, export, demo and check."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from wedsync_desktop import APP_NAME, __version__
from wedsync_desktop.limits import MAX_DEMO_SUPPLIERS
from wedsync_desktop.paths import WorkspacePaths, default_paths, portable_paths

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program; return the process exit status."""
    started = time.perf_counter()
    arguments = build_parser().parse_args(argv)
    paths = _paths(arguments)
    try:
        paths.ensure()
    except OSError as error:
        print(f"Cannot use the data folder: {error}", file=sys.stderr)
        return EXIT_FAILED
    from wedsync_desktop.logging_setup import configure_logging

    configure_logging(
        paths.log_file, logging.DEBUG if arguments.verbose else logging.INFO
    )
    log.info(
        "Starting %s %s with data folder %s", APP_NAME, __version__, paths.data_dir
    )
    if arguments.command is None:
        from wedsync_desktop.ui.app import run_gui

        return run_gui(paths, started=started)
    from wedsync_desktop import commands

    handler = getattr(commands, f"run_{arguments.command}")
    try:
        status: int = handler(paths, arguments)
    except KeyboardInterrupt:
        log.warning("Command %s interrupted", arguments.command)
        print(
            "Interrupted. The workspace is as it was before this command.",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    return status


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=_folder_path,
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="keep the workspace, settings, logs and backups in PATH "
        "(a portable or test profile) instead of the per-user folders",
    )
    common.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="write debug messages to the log file",
    )
    parser = argparse.ArgumentParser(
        prog="wedsync-desktop",
        description=f"{APP_NAME}: browse and edit WedSync supplier records offline. "
        "With no command, opens the window.",
        parents=[common],
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    importer = commands.add_parser(
        "import",
        parents=[common],
        help="import a supplier directory (CSV, JSON Lines or JSON array)",
    )
    importer.add_argument("file", type=Path, metavar="FILE")

    exporter = commands.add_parser(
        "export", parents=[common], help="export every supplier to a file"
    )
    exporter.add_argument("file", type=Path, metavar="FILE")
    exporter.add_argument(
        "--format",
        choices=("jsonl", "csv"),
        help="file format (default: from the file name; .csv means CSV, "
        "anything else JSON Lines)",
    )

    demo = commands.add_parser(
        "demo", parents=[common], help="fill the workspace with demo suppliers"
    )
    demo.add_argument(
        "--suppliers",
        type=_demo_count,
        default=200,
        metavar="N",
        help=f"how many suppliers to create, 1 to {MAX_DEMO_SUPPLIERS:,} "
        "(default: 200)",
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=359,
        help="random seed; the same seed gives the same suppliers (default: 359)",
    )

    commands.add_parser(
        "check",
        parents=[common],
        help="check the workspace database for damage and broken records",
    )
    return parser


def _paths(arguments: argparse.Namespace) -> WorkspacePaths:
    if not hasattr(arguments, "verbose"):
        arguments.verbose = False
    data_dir = getattr(arguments, "data_dir", None)
    return portable_paths(data_dir) if data_dir else default_paths()


def _folder_path(value: str) -> Path:
    if not value.strip():
        raise argparse.ArgumentTypeError("the folder name is empty")
    return Path(value)


def _demo_count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= number <= MAX_DEMO_SUPPLIERS:
        raise argparse.ArgumentTypeError(
            f"{number} is not between 1 and {MAX_DEMO_SUPPLIERS:,}"
        )
    return number


if __name__ == "__main__":
    sys.exit(main())
