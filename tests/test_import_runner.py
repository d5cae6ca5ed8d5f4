"""Importing whole files into a real workspace: case files, re-import, size, cancel."""

from __future__ import annotations

import csv
import io
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from wedsync_desktop import jsondoc
from wedsync_desktop.importers.errors import ImportFileError, ImportMappingError
from wedsync_desktop.importers.runner import (
    ImportProgress,
    ImportReport,
    plan_import,
    preview_rows,
    run_import,
)
from wedsync_desktop.store.errors import ImportCancelledError
from wedsync_desktop.store.records import SupplierDetail
from wedsync_desktop.store.service import WorkspaceService

CASES = Path(__file__).parent / "cases" / "import"


def import_file(service: WorkspaceService, path: Path) -> ImportReport:
    plan = plan_import(path)
    return run_import(service, plan, plan.mapping)


def suppliers_by_name(service: WorkspaceService) -> dict[str, SupplierDetail]:
    return {detail.business_name: detail for detail in service.iter_suppliers()}


def import_block(detail: SupplierDetail) -> dict[str, Any]:
    block = jsondoc.parse_document(detail.data_payload)["import"]
    assert isinstance(block, dict)
    return block


def assert_nothing_lost(report: ImportReport) -> None:
    assert report.created + report.updated + len(report.skipped) == report.total_rows


# suppliers_excel.csv


def test_excel_csv_imports_every_row(service: WorkspaceService) -> None:
    plan = plan_import(CASES / "suppliers_excel.csv")
    assert plan.headers[0] == "Business Name"
    assert not plan.headers[0].startswith("\ufeff")
    report = run_import(service, plan, plan.mapping)
    assert report.created == 5
    assert report.updated == 0
    assert report.skipped == ()
    assert report.total_rows == 5
    assert service.count_suppliers() == 5


def test_excel_csv_values(service: WorkspaceService) -> None:
    import_file(service, CASES / "suppliers_excel.csv")
    suppliers = suppliers_by_name(service)

    granary = suppliers["The Old Granary"]
    assert granary.primary_category == "venue"
    assert granary.price_range == "££££"
    assert granary.city == "Ludlow"
    assert granary.postcode == "SY8 1AB"
    block = import_block(granary)
    assert block["category_text"] == "Wedding Venue"
    assert block["fields"]["Notes"] == "Capacity 120,\nexclusive use at weekends"
    assert block["source"] == "suppliers_excel.csv"
    assert block["line"] == jsondoc.JsonNumber("3")

    lukasz = suppliers["Łukasz Nowak Photography"]
    assert lukasz.email is None
    assert lukasz.price_range == "£££"
    assert lukasz.primary_category == "photographer"

    fleur = suppliers["Fleur d'Été Floristry"]
    assert fleur.price_range == "££"
    assert fleur.primary_category == "florist"
    notes = import_block(fleur)["fields"]["Notes"]
    assert notes == 'Peonies in season; "no plastic" policy'

    cakes = suppliers["Sugar & Spice Cakes"]
    assert cakes.primary_category == "cake"
    assert cakes.postcode is None
    assert cakes.price_range == "£"

    dj = suppliers["DJ Mo"]
    assert dj.primary_category == "dj"
    assert dj.phone == "+44 1632 960005"
    assert import_block(dj)["fields"]["Notes"] == "<b>Best</b> party DJ"


def test_cp1252_csv_values(service: WorkspaceService) -> None:
    plan = plan_import(CASES / "suppliers_cp1252_semicolon.csv")
    assert plan.encoding == "cp1252"
    assert plan.delimiter == ";"
    report = run_import(service, plan, plan.mapping)
    assert report.created == 2
    suppliers = suppliers_by_name(service)
    cafe = suppliers["Café Crème Catering"]
    assert cafe.primary_category == "caterer"
    assert cafe.price_range == "£££"
    assert import_block(cafe)["fields"]["Notes"] == "Menus from £45 per head; canapés"
    assert suppliers["Fleur d'Été Floristry"].price_range == "££"


def test_directory_jsonl_values(service: WorkspaceService) -> None:
    report = import_file(service, CASES / "directory.jsonl")
    assert report.created == 3
    suppliers = suppliers_by_name(service)

    petals = suppliers["Petals & Co"]
    assert petals.primary_category == "florist"
    assert petals.city == "Saint-Malo"
    block = import_block(petals)
    assert block["category_text"] == "Florists, Event Planning & Services"
    assert block["fields"]["attributes"] == {
        "ByAppointmentOnly": "True",
        "BusinessParking": "{'garage': False, 'street': True}",
    }
    assert block["fields"]["hours"] is None
    assert "hours" in block["fields"]
    assert block["fields"]["stars"] == jsondoc.JsonNumber("4.5")
    assert "business_id" not in block["fields"]

    haus = suppliers["Haus am See Catering"]
    assert haus.primary_category == "caterer"
    assert haus.city == "Überlingen"
    haus_fields = import_block(haus)["fields"]
    assert haus_fields["attributes"] is None
    assert haus_fields["hours"] == {"Monday": "9:0-17:0", "Saturday": "10:0-22:0"}
    assert haus_fields["stars"] == jsondoc.JsonNumber("5.0")

    band = suppliers["Northern Lights Band"]
    assert band.primary_category == "band"
    assert band.city == "Tromsø"
    assert import_block(band)["fields"]["hours"] == {}
    assert '"stars": 3.5' in band.data_payload


# Re-import


@pytest.mark.parametrize(
    "name", ["suppliers_excel.csv", "suppliers_cp1252_semicolon.csv", "directory.jsonl"]
)
def test_reimport_updates_instead_of_duplicating(
    service: WorkspaceService, name: str
) -> None:
    first = import_file(service, CASES / name)
    count = service.count_suppliers()
    outbox = service.pending_outbox_count()
    second = import_file(service, CASES / name)
    assert second.created == 0
    assert second.updated == first.created
    assert service.count_suppliers() == count
    assert service.pending_outbox_count() == outbox  # unchanged documents


def test_reimport_keeps_other_payload_keys(service: WorkspaceService) -> None:
    import_file(service, CASES / "directory.jsonl")
    petals = suppliers_by_name(service)["Petals & Co"]
    payload = jsondoc.parse_document(petals.data_payload)
    payload["portfolio"] = [{"title": "Spring"}]
    service.save_documents(petals.id, data_payload=jsondoc.dumps(payload))
    import_file(service, CASES / "directory.jsonl")
    reloaded = jsondoc.parse_document(service.get_supplier(petals.id).data_payload)
    assert reloaded["portfolio"] == [{"title": "Spring"}]
    assert reloaded["import"]["source"] == "directory.jsonl"


# Line numbers and skips


def test_skipped_rows_carry_their_lines(
    service: WorkspaceService, tmp_path: Path
) -> None:
    content = (
        "Business Name,Category,Contact Email,Notes\r\n"
        'Alpha,Florist,a@alpha.example,"line one\r\nline two\r\nline three"\r\n'
        ",Florist,nobody@example.example,no name\r\n"
        'Beta,Venue,not-an-email,"x\ny"\r\n'
        "Gamma,Cakes,,fine\r\n"
        '  ,dj,,"blank, after\nmultiline"\r\n'
    )
    path = tmp_path / "skips.csv"
    path.write_text(content, encoding="utf-8")
    report = import_file(service, path)
    assert report.created == 2
    assert [skip.line for skip in report.skipped] == [5, 6, 9]
    assert report.skipped[0].reason.startswith("business name is missing")
    assert "not-an-email" in report.skipped[1].reason
    assert report.skipped[2].describe().startswith("line 9: business name is missing")
    assert_nothing_lost(report)


def test_broken_jsonl_lines_are_listed(
    service: WorkspaceService, tmp_path: Path
) -> None:
    path = tmp_path / "broken.jsonl"
    shutil.copy(CASES / "directory.jsonl", path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"business_id": "b-004", "name": "Half\n')
        handle.write('{"business_id": "b-005", "name": "Last One", "x": [1]}\n')
    report = import_file(service, path)
    assert report.created == 4
    assert [skip.line for skip in report.skipped] == [4]
    assert "not closed" in report.skipped[0].reason
    assert_nothing_lost(report)


# A large, realistic file


TOWNS = ["York", "Bath", "Ludlow", "Kendal", "Leeds", "Harrogate", "Truro", "Ely"]
CATEGORY_TEXTS = [
    "Wedding Venue",
    "Florists",
    "Cakes",
    "DJs",
    "Catering",
    "Live band",
    "Photography",
    "Videography",
    "Wedding planner",
    "Hair & Makeup",
    "Invitations",
    "Wedding cars",
    "Pet sitting",
]
PRICES = ["£", "££", "£££", "££££", "$$", "", "from £900"]


def write_large_csv(path: Path, rows: int, seed: int = 7) -> tuple[int, list[int]]:
    """Write ``rows`` supplier rows; return the repeat count and blank-name lines.

    Every 500th row repeats the row before it with other notes (an update), and
    a few rows have a blank business name (skipped).
    """
    rng = random.Random(seed)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "Business Name",
            "Category",
            "Email",
            "Phone",
            "Town",
            "Postcode",
            "Price",
            "Notes",
            "Instagram",
        ]
    )
    line = 2
    blank_lines: list[int] = []
    repeats = 0
    previous: list[str] = []
    for number in range(rows):
        prefix = rng.choice(["Rose", "Oak", "Łąka", "Café", "Hill"])
        record = [
            f"{prefix} & Co {number}",
            rng.choice(CATEGORY_TEXTS),
            f"hello{number}@supplier.example" if number % 3 else "",
            f"01632 {960000 + number % 1000:06d}",
            rng.choice(TOWNS),
            f"YO{number % 90 + 1} {number % 9}AB",
            rng.choice(PRICES),
            rng.choice(["", "Seats 120, dogs welcome", "Line one\nLine two", '"Q"']),
            f"@supplier{number}",
        ]
        if number % 500 == 499:
            record[:7] = previous[:7]
            repeats += 1
        if number % 997 == 13:
            record[0] = "   "
            blank_lines.append(line)
        writer.writerow(record)
        previous = record
        line += 1 + sum(field.count("\n") for field in record)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return repeats, blank_lines


def test_large_file_loses_no_row(service: WorkspaceService, tmp_path: Path) -> None:
    path = tmp_path / "large.csv"
    rows = 3000
    repeats, blank_lines = write_large_csv(path, rows)
    progress: list[ImportProgress] = []
    plan = plan_import(path)
    report = run_import(service, plan, plan.mapping, on_progress=progress.append)
    assert report.total_rows == rows
    assert_nothing_lost(report)
    assert [skip.line for skip in report.skipped] == blank_lines
    assert report.updated == repeats
    assert report.created == rows - repeats - len(blank_lines)
    assert service.count_suppliers() == report.created
    assert progress[-1].rows_read == rows
    assert progress[-1].fraction == 1.0
    assert [p.rows_read for p in progress] == sorted(p.rows_read for p in progress)


def test_large_file_reimport_updates_all(
    service: WorkspaceService, tmp_path: Path
) -> None:
    path = tmp_path / "large.csv"
    write_large_csv(path, 1000)
    first = import_file(service, path)
    second = import_file(service, path)
    assert second.created == 0
    assert second.updated == first.created + first.updated
    assert service.count_suppliers() == first.created


# Cancel and errors


def test_cancel_rolls_back(service: WorkspaceService, tmp_path: Path) -> None:
    import_file(service, CASES / "suppliers_excel.csv")
    outbox = service.pending_outbox_count()
    path = tmp_path / "large.csv"
    write_large_csv(path, 600)
    plan = plan_import(path)
    checks: list[int] = []

    def should_cancel() -> bool:
        checks.append(1)
        return len(checks) >= 5

    with pytest.raises(ImportCancelledError, match="nothing was imported"):
        run_import(service, plan, plan.mapping, should_cancel=should_cancel)
    assert service.count_suppliers() == 5
    assert service.pending_outbox_count() == outbox


def test_mapping_without_name_is_rejected(
    service: WorkspaceService,
) -> None:
    plan = plan_import(CASES / "suppliers_excel.csv")
    mapping = dict(plan.mapping, **{"Business Name": None})
    with pytest.raises(ImportMappingError, match="business name"):
        run_import(service, plan, mapping)
    assert service.count_suppliers() == 0


def test_header_only_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "header.csv"
    path.write_bytes(b"\xef\xbb\xbfBusiness Name,Town\r\n")
    with pytest.raises(ImportFileError, match=r"header\.csv.*no supplier rows"):
        plan_import(path)


def test_empty_json_array_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "none.json"
    path.write_text("[ ]\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="no supplier rows"):
        plan_import(path)


def test_json_without_objects_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "numbers.json"
    path.write_text("[1, 2, 3]\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="none of the first 3 rows"):
        plan_import(path)


def test_file_changed_after_plan_is_rejected(
    service: WorkspaceService, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Name,Town\nA,York\n", encoding="utf-8")
    plan = plan_import(path)
    path.write_text("Title,Town\nA,York\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="changed since it was opened"):
        run_import(service, plan, plan.mapping)


def test_preview_shows_mapped_rows_and_problems(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Name,Type,Email\nA,Wedding Venue,a@a.example\n,Cakes,\nB,dj,bad\n",
        encoding="utf-8",
    )
    plan = plan_import(path)
    rows = preview_rows(plan, plan.mapping)
    assert [row.line for row in rows] == [2, 3, 4]
    assert rows[0].primary_category == "venue"
    assert rows[0].category_text == "Wedding Venue"
    assert rows[0].problem is None
    assert rows[1].problem is not None
    assert rows[1].problem.startswith("business name is missing")
    assert rows[2].problem is not None
    assert "not a valid address" in rows[2].problem
