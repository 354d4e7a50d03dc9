"""Least privilege on PostgreSQL: the hall server connects as a role that may only read and
write rows. It owns nothing, so it cannot alter or drop a table, disable a trigger (the
audit log's guard) or TRUNCATE; it may only add to the audit log and read alembic's
revision. Migrations run as the owner role (`hallq init` with the owner's URL)."""

from __future__ import annotations

import re

from sqlalchemy import inspect, text

from shared.errors import Rejected
from shared.store.database import Store

ROLE = re.compile(r"[a-z_][a-z0-9_]{0,62}")
# Tables whose rows are never changed once written, or belong to the migrations.
APPEND_ONLY = {"audit_log"}
READ_ONLY = {"alembic_version"}


def grant_server_role(store: Store, role: str) -> list[str]:
    """Grant `role` (which must exist: the operator creates it with its password) row access
    to every table of the store and nothing more; returns the statements run."""
    if store.is_sqlite:
        raise Rejected("roles are PostgreSQL's: a SQLite store is guarded by its file's owner")
    if not ROLE.fullmatch(role):
        raise Rejected(f"{role!r} is not a plain role name (lowercase letters, digits, _)")
    with store.engine.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}
        ).first()
        if exists is None:
            raise Rejected(f"no role {role}: CREATE ROLE {role} LOGIN PASSWORD '…' first")
        database = connection.execute(text("SELECT current_database()")).scalar_one()
    statements = [
        f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC',
        f'GRANT CONNECT ON DATABASE "{database}" TO {role}',
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}",
    ]
    for table in sorted(inspect(store.engine).get_table_names()):
        if table in READ_ONLY:
            rights = "SELECT"
        elif table in APPEND_ONLY:
            rights = "SELECT, INSERT"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        statements.append(f'GRANT {rights} ON TABLE "{table}" TO {role}')
    statements.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    with store.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))
    return statements
