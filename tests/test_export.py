"""Exporting suppliers to JSON Lines and CSV, and importing the export again."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from wedsync_desktop import jsondoc
from wedsync_desktop.importers.errors import ExportError
from wedsync_desktop.importers.export import EXPORT_COLUMNS, export_csv, export_jsonl
from wedsync_desktop.importers.runner import ImportReport, plan_import, run_import
from wedsync_desktop.paths import portable_paths
from wedsync_desktop.store.records import SupplierDetail, SupplierDraft
from wedsync_desktop.store.service import WorkspaceService
from wedsync_desktop.store.workspace import Workspace, open_workspace

CASES = Path(__file__).parent / "cases" / "import"
BIG_INT = "12345678901234567890123"
FEATURE_CONFIG = (
    '{\n  "packages": [{"name": "Gold", "price": 1250.50}],\n'
    f'  "counter": {BIG_INT},\n  "tiny": 1e-7,\n  "huge": 1e400,\n'
    '  "emoji": "💍🌸", "markup": "<b>bold</b>"\n}\n'
)
TIMESTAMPS = ("created_at", "updated_at")


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Workspace]:
    workspace = open_workspace(portable_paths(tmp_path / "fresh"))
    yield workspace
    workspace.close()


@pytest.fixture
def filled(service: WorkspaceService) -> WorkspaceService:
    """A workspace with imported suppliers, exact numbers and an inactive one."""
    for name in ("suppliers_excel.csv", "directory.jsonl"):
        import_file(service, CASES / name)
    supplier_id = service.create_supplier(
        SupplierDraft(
            business_name="Exact Numbers Ltd",
            primary_category="planner",
            email="plan@exact.example",
            feature_config=FEATURE_CONFIG,
            data_payload='{"notes": [], "nested": {"deep": [[1.0, -0.0]]}}',
        )
    )
    service.set_active(supplier_id, False)
    return service


def import_file(service: WorkspaceService, path: Path) -> ImportReport:
    plan = plan_import(path)
    return run_import(service, plan, plan.mapping)


def without_timestamps(path: Path) -> list[str]:
    """Return each exported line re-serialised without the store's timestamps."""
    lines = []
    for text in path.read_text(encoding="utf-8").splitlines():
        exported = jsondoc.parse_document(text)
        for name in TIMESTAMPS:
            exported.pop(name)
        lines.append(jsondoc.dumps(exported))
    return lines


def details_without_times(service: WorkspaceService) -> list[tuple[object, ...]]:
    """Return every supplier's values, documents compacted, timestamps left out."""
    return [
        (
            d.id,
            d.business_name,
            d.primary_category,
            d.email,
            d.phone,
            d.city,
            d.postcode,
            d.price_range,
            d.is_active,
            _compact(d.feature_config),
            _compact(d.data_payload),
        )
        for d in service.iter_suppliers()
    ]


# JSON Lines


def test_jsonl_export_objects(filled: WorkspaceService, tmp_path: Path) -> None:
    path = tmp_path / "suppliers.jsonl"
    assert export_jsonl(filled, path) == 9
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 9
    first = jsondoc.parse_document(lines[0])
    assert tuple(first) == EXPORT_COLUMNS
    exact = next(line for line in lines if "Exact Numbers" in line)
    assert f'"counter":{BIG_INT}' in exact
    assert '"price":1250.50' in exact
    assert '"huge":1e400' in exact
    assert '"tiny":1e-7' in exact
    assert '"is_active":false' in exact
    assert "💍🌸" in exact
    assert "Łukasz Nowak Photography" in path.read_text(encoding="utf-8")


def test_jsonl_round_trip_is_exact(
    filled: WorkspaceService, fresh: Workspace, tmp_path: Path
) -> None:
    first = tmp_path / "first.jsonl"
    second = tmp_path / "second.jsonl"
    export_jsonl(filled, first)
    report = import_file(fresh.service, first)
    assert report.created == 9
    assert report.skipped == ()
    export_jsonl(fresh.service, second)
    assert without_timestamps(second) == without_timestamps(first)
    assert details_without_times(fresh.service) == details_without_times(filled)
    assert BIG_INT in second.read_text(encoding="utf-8")


def test_jsonl_reimport_into_same_workspace_updates(
    filled: WorkspaceService, tmp_path: Path
) -> None:
    path = tmp_path / "suppliers.jsonl"
    export_jsonl(filled, path)
    before = [(d.id, d.feature_config, d.data_payload) for d in filled.iter_suppliers()]
    report = import_file(filled, path)
    assert report.updated == 9
    assert report.created == 0
    assert filled.count_suppliers() == 9
    after = [(d.id, d.feature_config, d.data_payload) for d in filled.iter_suppliers()]
    assert [(i, _compact(c), _compact(p)) for i, c, p in after] == [
        (i, _compact(c), _compact(p)) for i, c, p in before
    ]


def test_jsonl_export_keeps_inactive_state(
    filled: WorkspaceService, fresh: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "suppliers.jsonl"
    export_jsonl(filled, path)
    import_file(fresh.service, path)
    states = {d.business_name: d.is_active for d in fresh.service.iter_suppliers()}
    assert states["Exact Numbers Ltd"] is False
    assert states["DJ Mo"] is True


# CSV


def test_csv_export_opens_with_csv_module(
    filled: WorkspaceService, tmp_path: Path
) -> None:
    path = tmp_path / "suppliers.csv"
    assert export_csv(filled, path) == 9
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,business_name,")
    assert b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 9
    assert tuple(rows[0]) == EXPORT_COLUMNS
    by_name = {row["business_name"]: row for row in rows}
    exact = by_name["Exact Numbers Ltd"]
    assert exact["is_active"] == "false"
    assert BIG_INT in exact["feature_config"]
    assert exact["phone"] == ""
    notes = jsondoc.parse_document(by_name["The Old Granary"]["data_payload"])
    assert (
        notes["import"]["fields"]["Notes"] == "Capacity 120,\nexclusive use at weekends"
    )


def test_csv_export_reimports_exactly(
    filled: WorkspaceService, fresh: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "suppliers.csv"
    export_csv(filled, path)
    report = import_file(fresh.service, path)
    assert report.created == 9
    assert report.skipped == ()
    first = tmp_path / "first.jsonl"
    second = tmp_path / "second.jsonl"
    export_jsonl(filled, first)
    export_jsonl(fresh.service, second)
    assert without_timestamps(second) == without_timestamps(first)


# Writing safely


def test_export_replaces_file_atomically(
    filled: WorkspaceService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "suppliers.jsonl"
    path.write_text("previous export\n", encoding="utf-8")

    stored = list(filled.iter_suppliers())

    def failing() -> Iterator[SupplierDetail]:
        yield from stored[:2]
        raise OSError("disk full")

    monkeypatch.setattr(filled, "iter_suppliers", failing)
    with pytest.raises(OSError, match="disk full"):
        export_jsonl(filled, path)
    assert path.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if "suppliers" in p.name) == [
        "suppliers.jsonl"
    ]


def test_export_of_empty_workspace(service: WorkspaceService, tmp_path: Path) -> None:
    assert export_jsonl(service, tmp_path / "none.jsonl") == 0
    assert (tmp_path / "none.jsonl").read_bytes() == b""
    assert export_csv(service, tmp_path / "none.csv") == 0
    header = (tmp_path / "none.csv").read_bytes().decode("utf-8-sig")
    assert header == ",".join(EXPORT_COLUMNS) + "\r\n"


def test_export_stops_on_invalid_stored_document(
    filled: WorkspaceService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    details = list(filled.iter_suppliers())
    broken = details[0].__class__(**{**details[0].__dict__, "data_payload": "{oops"})
    monkeypatch.setattr(filled, "iter_suppliers", lambda: iter([broken]))
    with pytest.raises(ExportError, match=f"supplier {broken.id}"):
        export_jsonl(filled, tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


def _compact(text: str) -> str:
    return jsondoc.dumps(jsondoc.parse_document(text))
