"""Alembic environment: runs on the connection that the caller passes in."""

from alembic import context

from wedsync_desktop.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Run migrations through wedsync_desktop.store.database.migrate(), "
        "which passes the workspace connection."
    )
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
