"""The audit log keeps what it is given and the store refuses to change or delete it."""

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DBAPIError

from shared.services import audit
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
