"""A few hundred kills in the normal test run: nothing committed is lost or doubled, and a
counter's new life gets back the ticket its last life left called. The full run is
`python -m tests.integration.crash --kills 10000` (see docs/reliability.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from shared.store.database import open_store
from tests.integration.crash.check import Report, check
from tests.integration.crash.harness import Harness

pytestmark = [pytest.mark.integration, pytest.mark.slow]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgresql":
        return str(request.getfixturevalue("fresh_postgres_url"))
    return str(tmp_path / "hall.sqlite3")


def _meant_something(report: Report) -> bool:
    """Enough real work, even on a loaded machine, for a round to have meant something."""
    return (
        report.committed > 200
        and report.in_doubt > 50
        and report.tickets > 50
        and report.transactions > 20
        and report.ratings > 5
        and report.sign_ins_checked > 20
        and report.tickets_given_back > 5
    )


def test_killed_workers_lose_and_double_nothing_committed(target: str, tmp_path: Path) -> None:
    harness = Harness(target, tmp_path, seed=7, mean_gap_s=0.1)
    report = harness.run(kills=300)
    assert report.faults == [] and report.kills >= 300
    # A round that a stalled machine starved of work is checked too, then played again on
    # the same store: every round must lose nothing, and one must have done enough work.
    for _ in range(2):
        if _meant_something(report):
            break
        report = harness.run(kills=300)
        assert report.faults == [] and report.kills >= 300
    assert _meant_something(report), report


def test_the_check_finds_a_lost_rating_and_a_doubled_transaction(tmp_path: Path) -> None:
    target = str(tmp_path / "hall.sqlite3")
    harness = Harness(target, tmp_path, seed=3, mean_gap_s=0.1)
    report = harness.run(kills=60)
    for _ in range(4):  # a short round on a busy machine may end before any rating
        if report.ratings:
            break
        report = harness.run(kills=60)
    assert report.faults == [] and report.ratings > 0
    store = open_store(target)
    with store.write() as session:
        session.execute(text("DELETE FROM ratings WHERE id = (SELECT min(id) FROM ratings)"))
        session.execute(
            text(
                "INSERT INTO transactions (hall_id, ticket_id, business_id, clerk_id, counter_id,"
                " at, recommended, accepted, signed, notes) SELECT hall_id, ticket_id,"
                " business_id, clerk_id, counter_id, at, recommended, accepted, signed, notes"
                " FROM transactions WHERE id = (SELECT min(id) FROM transactions)"
            )
        )
    journals = [slot.journal for slot in harness.slots]
    faults = check(store, journals, harness.expectations).faults
    store.close()
    assert any("rated events" in fault for fault in faults)
    assert any("transactions" in fault for fault in faults)
