"""Settings survive restarts and a damaged file, and stay private."""

from __future__ import annotations

import stat
from pathlib import Path

from wedsync_desktop.settings import Settings


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings" / "settings.json"
    settings = Settings(path)
    settings.set("window/last_supplier", "abc")
    settings.save()
    assert Settings(path).get("window/last_supplier") == "abc"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_second_save_keeps_backup(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.set("n", 1)
    settings.save()
    settings.set("n", 2)
    settings.save()
    assert Settings(path).get("n") == 2
    assert '"n": 1' in path.with_suffix(".json.bak").read_text()
    assert list(tmp_path.glob(".settings-*")) == []


def test_damaged_settings_fall_back(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.set("n", 1)
    settings.save()
    settings.set("n", 2)
    settings.save()
    path.write_text('{"n": 3', encoding="utf-8")
    assert Settings(path).get("n") == 1


def test_missing_settings_empty(tmp_path: Path) -> None:
    assert Settings(tmp_path / "nothing.json").get("n", "default") == "default"
