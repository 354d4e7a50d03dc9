"""Alembic environment: runs on the connection hallq hands over (see shared/store/migrate.py)."""

from alembic import context

from shared.store.models import Base

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
