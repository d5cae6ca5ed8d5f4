"""Alembic migrations of the workspace schema.

``HEAD_REVISION`` lets start-up compare the stored revision without importing
Alembic; a test checks it against the scripts in ``versions/``.
"""

HEAD_REVISION = "0002"
KNOWN_REVISIONS = frozenset({"0001", "0002"})
