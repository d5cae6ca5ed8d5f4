"""The command line, run as a separate process like a user or script would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from wedsync_desktop import __version__

REPOSITORY = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases" / "import"


def run(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "wedsync_desktop", *map(str, arguments)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPOSITORY,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_help_lists_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("import", "export", "demo", "check", "--data-dir"):
        assert command in result.stdout


def test_version_printed() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"wedsync-desktop {__version__}"


def test_demo_check_export_import(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    demo = run("--data-dir", profile, "demo", "--suppliers", "25")
    assert demo.returncode == 0, demo.stderr
    assert "Added 25 demo suppliers" in demo.stdout

    check = run("check", "--data-dir", profile)
    assert check.returncode == 0, check.stdout
    assert "Checked 25 suppliers" in check.stdout
    assert "No problems found." in check.stdout

    exported = tmp_path / "suppliers.jsonl"
    export = run("--data-dir", profile, "export", exported)
    assert export.returncode == 0, export.stderr
    lines = exported.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 25
    assert json.loads(lines[0])["feature_config"]

    fresh = tmp_path / "fresh"
    imported = run("--data-dir", fresh, "import", exported)
    assert imported.returncode == 0, imported.stderr
    again = tmp_path / "again.jsonl"
    assert run("--data-dir", fresh, "export", again).returncode == 0
    first = [_without_times(line) for line in lines]
    second = [_without_times(line) for line in again.read_text().splitlines()]
    assert second == first


def test_import_case_file_reports(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    result = run("--data-dir", profile, "import", CASES / "suppliers_excel.csv")
    assert result.returncode == 0, result.stderr
    assert "5" in result.stdout
    again = run("--data-dir", profile, "import", CASES / "suppliers_excel.csv")
    assert again.returncode == 0
    check = run("--data-dir", profile, "check")
    assert "Checked 5 suppliers" in check.stdout


def test_missing_import_file(tmp_path: Path) -> None:
    result = run("--data-dir", tmp_path, "import", tmp_path / "nothing.csv")
    assert result.returncode == 1
    assert "nothing.csv" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_supplier_count(tmp_path: Path) -> None:
    result = run("--data-dir", tmp_path, "demo", "--suppliers", "0")
    assert result.returncode == 2
    assert "0 is not between 1 and 100,000" in result.stderr


def test_check_reports_damaged_file(tmp_path: Path) -> None:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "wedsync.sqlite3").write_bytes(b"not a database at all" * 50)
    result = run("--data-dir", tmp_path, "check")
    assert result.returncode == 1
    assert "is damaged or is not a WedSync workspace" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "wedsync.sqlite3").read_bytes() == b"not a database at all" * 50


def test_log_file_written(tmp_path: Path) -> None:
    run("--data-dir", tmp_path, "demo", "--suppliers", "1")
    log = (tmp_path / "logs" / "wedsync-desktop.log").read_text(encoding="utf-8")
    assert "Starting WedSync Desktop" in log
    assert "Opened workspace" in log
    assert (tmp_path / "logs" / "wedsync-desktop.log").stat().st_mode & 0o077 == 0


def _without_times(line: str) -> dict[str, object]:
    # Numbers stay text, so a changed digit or notation fails the comparison.
    value = json.loads(line, parse_float=str, parse_int=str)
    value.pop("created_at")
    value.pop("updated_at")
    return value
