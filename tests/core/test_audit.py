"""The audit log keeps what it is given and the store refuses to change or delete it."""

import os
import pwd
import subprocess
import sys

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from shared.services import audit
from shared.store.database import open_store
from shared.store.lookup import find_hall
from shared.store.models import AuditEntry


def test_an_audit_entry_commits_with_its_act_and_reads_back(store, clock):
    with store.write() as session:
        hall = find_hall(session, "demo")
        audit.record(session, hall.id, "export", at=clock.now(), source="cli", file="day.pdf")
    with store.read() as session:
        (entry,) = audit.entries(session, find_hall(session, "demo").id)
    assert (entry.action, entry.source, entry.detail) == ("export", "cli", {"file": "day.pdf"})


@pytest.mark.parametrize(
    "change",
    [update(AuditEntry).values(action="nothing"), delete(AuditEntry)],
    ids=["update", "delete"],
)
def test_the_store_refuses_to_change_the_audit_log(store, clock, change):
    with store.write() as session:
        audit.record(session, find_hall(session, "demo").id, "purge", at=clock.now())
    with pytest.raises(DBAPIError, match="audit log cannot be changed"), store.write() as session:
        session.execute(change)
    with store.read() as session:
        assert [
            entry.action for entry in audit.entries(session, find_hall(session, "demo").id)
        ] == ["purge"]


def test_a_command_on_the_store_file_is_audited_as_the_os_account_not_logname(
    store_target: str,
) -> None:
    """LOGNAME and USER are anyone's to set; the account the process runs as is not."""
    environment = {**os.environ, "LOGNAME": "M001", "USER": "M001"}
    done = subprocess.run(
        [sys.executable, "-m", "shared.cli", "--db", store_target, "settings", "alert_level1=3"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    store = open_store(store_target, create=False)
    with store.read() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "settings_changed")
        ).one()
    store.close()
    account = pwd.getpwuid(os.getuid()).pw_name
    assert entry.detail["user"] == f"{account} (uid {os.getuid()})"
    assert "M001" not in str(entry.detail)
