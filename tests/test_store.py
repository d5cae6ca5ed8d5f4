"""The service layer over a real SQLite file."""

from __future__ import annotations

import json
import sqlite3
import stat

import pytest
from sqlalchemy import text

from wedsync_desktop import jsondoc
from wedsync_desktop.paths import WorkspacePaths
from wedsync_desktop.store.errors import (
    DocumentInvalidError,
    DraftInvalidError,
    ImportCancelledError,
    PermissionDeniedError,
    StaleRecordError,
    SupplierNotFoundError,
)
from wedsync_desktop.store.integrity import check_workspace
from wedsync_desktop.store.permissions import Account
from wedsync_desktop.store.records import SupplierDraft
from wedsync_desktop.store.service import WorkspaceService
from wedsync_desktop.store.workspace import Workspace


def add(service: WorkspaceService, name: str, **fields: object) -> str:
    return service.create_supplier(SupplierDraft(business_name=name, **fields))  # type: ignore[arg-type]


def outbox(service: WorkspaceService) -> list[tuple[str, str]]:
    with service.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT operation, body FROM local_outbox ORDER BY id")
        )
        return [(row[0], row[1]) for row in rows]


def test_database_pragmas(workspace: Workspace) -> None:
    with workspace.service.engine.connect() as connection:
        assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
        assert connection.scalar(text("PRAGMA foreign_keys")) == 1
        assert connection.scalar(text("PRAGMA busy_timeout")) == 5000
        assert connection.scalar(text("PRAGMA synchronous")) == 2


def test_files_private_to_user(workspace: Workspace) -> None:
    paths = workspace.paths
    assert stat.S_IMODE(paths.data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.database.stat().st_mode) == 0o600


def test_server_column_names(workspace: Workspace) -> None:
    with workspace.service.engine.connect() as connection:
        columns = [
            row[1]
            for row in connection.execute(text("PRAGMA table_info(feature_359_data)"))
        ]
    assert columns == [
        "id",
        "supplier_id",
        "feature_config",
        "data_payload",
        "is_active",
        "created_at",
        "updated_at",
    ]


def test_create_and_read_supplier(service: WorkspaceService) -> None:
    supplier_id = add(
        service,
        "  Fleur d'Été Floristry ",
        primary_category="florist",
        email="hello@fleur-ete.example",
        city="Harrogate",
        price_range="££",
    )
    detail = service.get_supplier(supplier_id)
    assert detail.business_name == "Fleur d'Été Floristry"
    assert detail.primary_category == "florist"
    assert detail.feature_config == "{}"
    assert detail.data_payload == "{}"
    assert detail.is_active is True
    assert detail.updated_at.endswith("Z")
    assert service.count_suppliers() == 1


def test_invalid_draft_rejected(service: WorkspaceService) -> None:
    with pytest.raises(DraftInvalidError, match="Business name is missing"):
        add(service, "   ")
    with pytest.raises(DraftInvalidError, match="not one of"):
        add(service, "Bad", primary_category="juggler")
    with pytest.raises(DraftInvalidError, match="Price range"):
        add(service, "Bad", price_range="$$$")
    with pytest.raises(DraftInvalidError, match="not a valid address"):
        add(service, "Bad", email="not-an-email")
    assert service.count_suppliers() == 0


def test_search_folds_case_and_accents(service: WorkspaceService) -> None:
    lukasz = add(service, "Łukasz Nowak Photography", primary_category="photographer")
    fleur = add(service, "Fleur d'Été", primary_category="florist", city="Harrogate")
    granary = add(
        service, "The Old Granary", primary_category="venue", email="ev@granary.example"
    )
    assert service.query_supplier_ids("lukasz") == [lukasz]
    assert service.query_supplier_ids("ETE") == [fleur]
    assert service.query_supplier_ids("harrogate") == [fleur]
    assert service.query_supplier_ids("granary.example") == [granary]
    assert service.query_supplier_ids("Venue") == [granary]
    assert service.query_supplier_ids("100%") == []
    assert service.query_supplier_ids("", category="florist") == [fleur]
    assert service.query_supplier_ids("old", category="florist") == []


def test_sort_by_each_column(service: WorkspaceService) -> None:
    banjo = add(service, "banjo band", primary_category="band", city="York")
    acorn = add(service, "Acorn Cakes", primary_category="cake", city="Bath")
    zest = add(service, "Zest Catering", primary_category="caterer", city="Leeds")
    assert service.query_supplier_ids() == [acorn, banjo, zest]
    assert service.query_supplier_ids(descending=True) == [zest, banjo, acorn]
    assert service.query_supplier_ids(sort="city") == [acorn, zest, banjo]
    assert service.query_supplier_ids(sort="primary_category") == [banjo, acorn, zest]
    service.set_active(banjo, False)
    assert service.query_supplier_ids(sort="is_active")[0] == banjo
    assert service.query_supplier_ids(sort="updated_at", descending=True)[0] == banjo


def test_save_documents_queues_request(service: WorkspaceService) -> None:
    supplier_id = add(service, "Harbour Light Photography")
    config = '{\n  "booking_ref": 9007199254740993,\n  "price_from": 1250.50\n}'
    detail = service.save_documents(supplier_id, feature_config=config)
    assert detail.feature_config == config
    assert service.get_supplier(supplier_id).feature_config == config
    operation, body = outbox(service)[-1]
    assert operation == "upsert"
    request = jsondoc.parse_document(body)
    assert request["supplier_id"] == supplier_id
    assert request["config"]["booking_ref"].text == "9007199254740993"
    assert request["config"]["price_from"].text == "1250.50"
    assert request["data"] == {}


def test_save_strips_bom(service: WorkspaceService) -> None:
    supplier_id = add(service, "Petals & Co")
    service.save_documents(supplier_id, data_payload='\ufeff{"a": 1}')
    assert service.get_supplier(supplier_id).data_payload == '{"a": 1}'


def test_invalid_document_changes_nothing(service: WorkspaceService) -> None:
    supplier_id = add(service, "Petals & Co")
    before = service.get_supplier(supplier_id)
    queued = len(outbox(service))
    with pytest.raises(DocumentInvalidError) as caught:
        service.save_documents(
            supplier_id, feature_config='{"ok": 1}', data_payload='{"a": NaN}'
        )
    assert caught.value.document == "data_payload"
    assert caught.value.problem.line == 1
    assert "Data payload was not saved" in str(caught.value)
    after = service.get_supplier(supplier_id)
    assert after == before
    assert len(outbox(service)) == queued


def test_stale_record_detected(service: WorkspaceService) -> None:
    supplier_id = add(service, "Petals & Co")
    loaded = service.get_supplier(supplier_id)
    service.save_documents(supplier_id, feature_config='{"v": 1}')
    with pytest.raises(StaleRecordError):
        service.save_documents(
            supplier_id,
            feature_config='{"v": 2}',
            expected_updated_at=loaded.updated_at,
        )
    assert service.get_supplier(supplier_id).feature_config == '{"v": 1}'


def test_deactivate_and_delete(service: WorkspaceService) -> None:
    supplier_id = add(service, "Petals & Co")
    service.set_active(supplier_id, False)
    assert service.get_supplier(supplier_id).is_active is False
    assert service.load_rows([supplier_id])[supplier_id].is_active is False
    service.set_active(supplier_id, True)
    assert service.get_supplier(supplier_id).is_active is True
    service.delete_supplier(supplier_id)
    with pytest.raises(SupplierNotFoundError):
        service.get_supplier(supplier_id)
    operations = [operation for operation, _body in outbox(service)]
    assert operations == ["upsert", "set_active", "set_active", "delete"]
    assert check_workspace(service.engine).ok


def test_roles_limit_changes(service: WorkspaceService) -> None:
    own = add(service, "Own Supplier")
    other = add(service, "Other Supplier")
    service.set_account(Account(profile_id=own, organization_id=None, role="MEMBER"))
    assert service.permission(own).can_edit is True
    assert service.permission(own).can_activate is False
    assert service.permission(other).can_edit is False
    service.save_documents(own, feature_config='{"mine": true}')
    with pytest.raises(PermissionDeniedError, match="only their own"):
        service.save_documents(other, feature_config='{"x": 1}')
    with pytest.raises(PermissionDeniedError):
        service.set_active(own, False)
    service.set_account(Account(profile_id=own, organization_id=None, role="VIEWER"))
    with pytest.raises(PermissionDeniedError, match="Viewers"):
        service.save_documents(own, feature_config='{"x": 1}')
    assert service.can_create_suppliers() is False
    service.set_account(Account(profile_id="x", organization_id="org-2", role="ADMIN"))
    assert "another organisation" in (service.permission(own).reason or "")
    service.set_account(None)
    assert service.permission(other).can_delete is True


def test_upsert_matches_import_key(service: WorkspaceService) -> None:
    drafts = [
        (2, SupplierDraft("Petals & Co", import_key="id:b-001")),
        (3, SupplierDraft("", import_key="id:b-002")),
        (4, SupplierDraft("Petals and Co", import_key="id:b-001")),
    ]
    outcomes = service.upsert_drafts(drafts)
    assert [o.action for o in outcomes] == ["created", "skipped", "updated"]
    assert outcomes[1].line == 3
    assert "Business name is missing" in (outcomes[1].reason or "")
    assert outcomes[0].supplier_id == outcomes[2].supplier_id
    again = service.upsert_drafts([(2, SupplierDraft("Petals", import_key="id:b-001"))])
    assert again[0].action == "updated"
    assert service.count_suppliers() == 1


def test_upsert_merges_documents(service: WorkspaceService) -> None:
    supplier_id = add(service, "Petals & Co", import_key="id:p")
    service.save_documents(supplier_id, data_payload='{"notes": "keep", "import": 1}')
    service.upsert_drafts(
        [
            (
                1,
                SupplierDraft(
                    "Petals & Co",
                    import_key="id:p",
                    data_payload={"import": {"line": 2}},
                    merge_documents=True,
                ),
            )
        ]
    )
    payload = jsondoc.parse_document(service.get_supplier(supplier_id).data_payload)
    assert payload["notes"] == "keep"
    assert payload["import"]["line"].text == "2"


def test_upsert_cancel_rolls_back(service: WorkspaceService) -> None:
    drafts = ((n, SupplierDraft(f"Supplier {n}")) for n in range(1, 500))
    with pytest.raises(ImportCancelledError):
        service.upsert_drafts(drafts, should_cancel=lambda: True)
    assert service.count_suppliers() == 0


def test_integrity_check_finds_bad_json(workspace: Workspace) -> None:
    service = workspace.service
    supplier_id = add(service, "Petals & Co")
    with service.engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE feature_359_data SET data_payload = '[1]' "
                "WHERE supplier_id = :s"
            ),
            {"s": supplier_id},
        )
    report = check_workspace(service.engine)
    assert report.suppliers == 1
    assert len(report.problems) == 1
    assert "data_payload" in report.problems[0]
    assert "JSON object" in report.problems[0]


def test_outbox_body_is_exact_json(service: WorkspaceService) -> None:
    supplier_id = add(service, "Big Numbers Ltd")
    big = '{"guest_budget_pence": 12345678901234567890123, "huge": 1e400}'
    service.save_documents(supplier_id, feature_config=big)
    _operation, body = outbox(service)[-1]
    assert "12345678901234567890123" in body
    assert "1e400" in body
    assert json.loads(body, parse_float=str, parse_int=str)["config"]["huge"] == "1e400"


def test_reopen_keeps_data(profile: WorkspacePaths) -> None:
    from wedsync_desktop.store.workspace import open_workspace

    first = open_workspace(profile)
    supplier_id = add(first.service, "Petals & Co")
    first.service.save_documents(supplier_id, feature_config='{"a": 1}')
    first.close()
    second = open_workspace(profile)
    assert second.service.get_supplier(supplier_id).feature_config == '{"a": 1}'
    second.close()
    assert list(profile.backup_dir.iterdir()) == []


def test_sqlite_file_readable_by_sqlite3(workspace: Workspace) -> None:
    add(workspace.service, "Petals & Co")
    connection = sqlite3.connect(workspace.paths.database)
    try:
        assert connection.execute("SELECT count(*) FROM suppliers").fetchone() == (1,)
    finally:
        connection.close()
