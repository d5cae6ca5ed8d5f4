"""The ``check`` command: SQLite integrity plus the workspace's own rules."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError

from wedsync_desktop import jsondoc

log = logging.getLogger(__name__)

ORPHAN_CHECKS = {
    "suppliers without a feature_359_data record": (
        "SELECT s.id FROM suppliers s WHERE NOT EXISTS "
        "(SELECT 1 FROM feature_359_data f WHERE f.supplier_id = s.id)"
    ),
    "suppliers missing from the search index": (
        "SELECT s.id FROM suppliers s WHERE NOT EXISTS "
        "(SELECT 1 FROM local_supplier_search x WHERE x.supplier_id = s.id)"
    ),
    "suppliers with more than one active record": (
        "SELECT supplier_id FROM feature_359_data WHERE is_active = 1 "
        "GROUP BY supplier_id HAVING count(*) > 1"
    ),
}


@dataclass
class IntegrityReport:
    """Counts of what was checked and one line per problem found."""

    suppliers: int = 0
    records: int = 0
    outbox: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_workspace(engine: Engine) -> IntegrityReport:
    """Run every check and return the report; nothing is changed."""
    report = IntegrityReport()
    try:
        _run_checks(engine, report)
    except DatabaseError as error:
        report.problems.append(
            f"SQLite could not read the database: {error.orig or error}. Restore a "
            f"copy from the backups folder, or export what can still be read."
        )
    log.info(
        "Checked workspace: %s suppliers, %s records, %s problems",
        report.suppliers,
        report.records,
        len(report.problems),
    )
    return report


def _run_checks(engine: Engine, report: IntegrityReport) -> None:
    with engine.connect() as connection:
        for (message,) in connection.execute(text("PRAGMA integrity_check")):
            if message != "ok":
                report.problems.append(f"SQLite integrity: {message}")
        for row in connection.execute(text("PRAGMA foreign_key_check")):
            report.problems.append(
                f"Foreign key: row {row[1]} of table {row[0]} points to a missing "
                f"row of {row[2]}"
            )
        for description, query in ORPHAN_CHECKS.items():
            for (supplier_id,) in connection.execute(text(query)):
                report.problems.append(f"{description}: {supplier_id}")
        report.suppliers = connection.scalar(text("SELECT count(*) FROM suppliers"))
        report.outbox = connection.scalar(text("SELECT count(*) FROM local_outbox"))
        rows = connection.execute(
            text("SELECT id, feature_config, data_payload FROM feature_359_data")
        )
        for record_id, feature_config, data_payload in rows:
            report.records += 1
            _check_document(report, record_id, "feature_config", feature_config)
            _check_document(report, record_id, "data_payload", data_payload)


def _check_document(
    report: IntegrityReport, record_id: str, column: str, value: str
) -> None:
    problem = jsondoc.validate_document(value)
    if problem is not None:
        report.problems.append(f"Record {record_id} {column}: {problem.describe()}")
