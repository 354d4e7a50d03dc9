"""On PostgreSQL the hall server connects as a role that may read and write rows and
nothing more (`hallq grant-server`): it serves the hall, but cannot disable the audit
log's triggers, alter or truncate a table, or rewrite the audit log."""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from shared.services.devices import enrol_device
from shared.services.hall import HallService
from shared.store.database import open_store
from tests.integration.hall_server import REPO, running_server

pytestmark = [pytest.mark.integration]


def hallq(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shared.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def server_role(fresh_postgres_url: str) -> Iterator[tuple[str, str]]:
    """The owner's URL of a new hall store, and the URL of a row-only role granted on it."""
    assert hallq("--db", fresh_postgres_url, "init", "--demo").returncode == 0
    role = f"hallq_server_{uuid.uuid4().hex[:8]}"
    owner = create_engine(fresh_postgres_url, isolation_level="AUTOCOMMIT")
    with owner.connect() as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN"))
    try:
        granted = hallq("--db", fresh_postgres_url, "grant-server", role)
        assert granted.returncode == 0, granted.stderr
        yield (
            fresh_postgres_url,
            make_url(fresh_postgres_url).set(username=role).render_as_string(hide_password=False),
        )
    finally:
        with owner.connect() as connection:
            connection.execute(text(f"DROP OWNED BY {role}"))
            connection.execute(text(f"DROP ROLE {role}"))
        owner.dispose()


@pytest.mark.parametrize(
    "statement",
    [
        "ALTER TABLE audit_log DISABLE TRIGGER USER",
        "ALTER TABLE tickets ADD COLUMN x integer",
        "TRUNCATE tickets CASCADE",
        "DROP TRIGGER audit_log_no_change ON audit_log",
        "UPDATE audit_log SET action = 'nothing'",
        "DELETE FROM audit_log",
        "CREATE TABLE copy_of_clerks AS SELECT * FROM clerks",
    ],
)
def test_the_server_role_cannot_change_the_schema_or_the_audit_log(server_role, statement) -> None:
    _, role_url = server_role
    engine = create_engine(role_url)
    try:
        with (
            pytest.raises(ProgrammingError, match=r"permission denied|must be owner"),
            engine.begin() as connection,
        ):
            connection.execute(text(statement))
    finally:
        engine.dispose()


def test_the_server_serves_the_hall_as_the_row_only_role(server_role, tmp_path: Path) -> None:
    owner_url, role_url = server_role
    store = open_store(role_url, create=False)
    try:
        issued = HallService(store).issue("topup")
        assert issued.ticket == "A001"
    finally:
        store.close()
    owner = open_store(owner_url, create=False)
    kiosk = enrol_device(owner, None, None, "kiosk-1", "kiosk")
    owner.close()
    with running_server(role_url, tmp_path) as server:
        answer = server.request("POST", "/api/kiosk/tickets", kiosk, {"business": "topup"})
        assert answer.status == 201 and answer.body["ticket"] == "A002"
        clerk = server.sign_in("E003", "1234", 3)  # a sign-in writes the audit log
        assert server.request("POST", "/api/counters/3/open", clerk, {}).status == 200
        assert server.tracebacks() == 0


def test_a_sqlite_store_has_no_roles_to_grant(tmp_path: Path) -> None:
    target = str(tmp_path / "hall.sqlite3")
    assert hallq("--db", target, "init", "--demo").returncode == 0
    refused = hallq("--db", target, "grant-server", "hallq_server")
    assert refused.returncode == 1 and "PostgreSQL" in refused.stderr
