"""The service-form chain covers every field that matters (ticket, hall, counter, clerk,
customer, businesses and outcomes, signed or declined and why, times, the PDF), and every
chain end the audit log saw archived is checked: a chain rewritten by someone who can write
the store, with an extra form, a new anchor or its newest form removed, does not verify.
A store whose forms were chained before is re-chained on upgrade and still verifies."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import stat

import pytest
from alembic import command
from sqlalchemy import select, text

from shared.archive.forms import FORM_ARCHIVED, archive_form, rechain, verify_chain
from shared.services import audit
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import FixedClock
from shared.store.database import open_store
from shared.store.lookup import find_hall
from shared.store.migrate import _config, _foreign_keys_off
from shared.store.models import ServiceForm
from tests.core.test_refused_ways_in import hallq
from tests.core.test_service_forms import serve, three_forms

FORM_TWO = "(SELECT ticket_id FROM service_forms WHERE sequence = 2)"


@pytest.fixture
def four_forms(hall, store, clock):
    """Three signed forms and a declined one."""
    hall.open_counter(2, "E002")
    three_forms(hall, store, clock)
    declined = serve(hall, clock, business="topup", phone="13900002222", counter=3)
    archive_form(store, "demo", declined, decline_reason="不需要纸质单", clock=clock)
    return store


def verified(store):
    with store.read() as session:
        return verify_chain(session, find_hall(session, "demo"))


def tamper(store, statement: str, **values: object) -> None:
    with store.engine.begin() as connection:
        connection.execute(text(statement), values)


@pytest.mark.parametrize(
    ("statement", "values"),
    [
        ("UPDATE service_forms SET signed = NOT signed WHERE sequence = 2", {}),
        ("UPDATE service_forms SET ticket_code = 'Z999' WHERE sequence = 2", {}),
        ("UPDATE service_forms SET clerk_id = clerk_id + 1 WHERE sequence = 2", {}),
        ("UPDATE service_forms SET counter_id = counter_id + 1 WHERE sequence = 2", {}),
        ("UPDATE service_forms SET created_at = :at WHERE sequence = 2",
         {"at": dt.datetime(2026, 11, 23, 8, 1)}),
        ("UPDATE service_forms SET business_day = :day WHERE sequence = 2",
         {"day": dt.date(2026, 11, 22)}),
        ("UPDATE service_forms SET phone = '13700000000' WHERE sequence = 2", {}),
        ("UPDATE service_forms SET strokes = :strokes WHERE sequence = 2",
         {"strokes": json.dumps([[[1, 1, 0, 0.5]]])}),
        ("UPDATE service_forms SET decline_reason = '客户同意' WHERE sequence = 4", {}),
        ("UPDATE service_forms SET signed = true, decline_reason = '' WHERE sequence = 4", {}),
        (f"UPDATE transactions SET outcome = 'cancelled' WHERE ticket_id = {FORM_TWO}", {}),
        ("UPDATE transactions SET business_id = (SELECT id FROM businesses WHERE key ="
         f" 'plan_change') WHERE ticket_id = {FORM_TWO}", {}),
    ],
    ids=["signed", "ticket", "clerk", "counter", "time", "day", "customer", "signature",
         "reason", "declined-to-signed", "outcome", "business"],
)  # fmt: skip
def test_a_change_to_any_field_that_matters_breaks_the_chain(four_forms, statement, values):
    assert verified(four_forms).intact
    tamper(four_forms, statement, **values)
    check = verified(four_forms)
    assert not check.intact and check.broken_at in (2, 4), check


def _rewrite_form_two(store) -> None:
    """What someone who can write the store does: change form 2, then chain every form
    again so each link follows."""
    tamper(store, "UPDATE service_forms SET signed = NOT signed WHERE sequence = 2")
    with store.write() as session:
        rechain(session, find_hall(session, "demo"))


def _anchor(store, sequence: int, chain_hash: str) -> None:
    with store.write() as session:
        audit.record(
            session,
            find_hall(session, "demo").id,
            FORM_ARCHIVED,
            at=dt.datetime(2026, 11, 23, 18),
            source="counter",
            sequence=sequence,
            chain_hash=chain_hash,
            chained="record",
        )


def _chain_of(store, sequence: int) -> str:
    with store.read() as session:
        return session.scalar(
            select(ServiceForm.chain_hash).where(ServiceForm.sequence == sequence)
        )


def test_a_rewritten_chain_with_an_extra_form_is_found(four_forms):
    _rewrite_form_two(four_forms)
    with four_forms.write() as session:
        last = session.scalars(select(ServiceForm).where(ServiceForm.sequence == 4)).one()
        extra = {
            column.key: getattr(last, column.key)
            for column in ServiceForm.__table__.columns
            if column.key != "id"
        }
        session.add(ServiceForm(**{**extra, "sequence": 5, "ticket_code": "A099"}))
        session.flush()
        rechain(session, find_hall(session, "demo"))
    check = verified(four_forms)
    assert not check.intact and check.broken_at == 2, check


def test_a_rewritten_chain_with_a_new_anchor_is_found(four_forms):
    _rewrite_form_two(four_forms)
    _anchor(four_forms, 4, _chain_of(four_forms, 4))
    check = verified(four_forms)
    assert not check.intact and check.broken_at == 2, check


def test_a_removed_newest_form_with_an_anchor_for_the_one_before_is_found(four_forms):
    tamper(four_forms, "DELETE FROM service_forms WHERE sequence = 4")
    _anchor(four_forms, 3, _chain_of(four_forms, 3))
    check = verified(four_forms)
    assert not check.intact and check.broken_at == 4, check


def test_a_form_added_without_being_archived_is_found(four_forms):
    with four_forms.write() as session:
        last = session.scalars(select(ServiceForm).where(ServiceForm.sequence == 4)).one()
        extra = {c.key: getattr(last, c.key) for c in ServiceForm.__table__.columns}
        extra.pop("id")
        session.add(ServiceForm(**{**extra, "sequence": 5}))
        session.flush()
        rechain(session, find_hall(session, "demo"))
    check = verified(four_forms)
    assert not check.intact and check.broken_at == 5, check


# ----- a store whose forms were chained before the upgrade -----


def _old_link(previous: str, sequence: int, pdf_sha256: str) -> str:
    return hashlib.sha256(f"{previous}|{sequence}|{pdf_sha256}".encode()).hexdigest()


def test_forms_chained_before_the_upgrade_verify_after_it_and_a_change_is_then_found(
    empty_store_target,
):
    # The tickets are served by today's services, then the store goes back to 0005, where
    # the forms are chained the old way.
    store = open_store(empty_store_target)
    with store.write() as session:
        load_hall(session, demo_definition())
    clock = FixedClock(dt.datetime(2026, 11, 23, 9))
    hall = HallService(store, "demo", clock)
    hall.open_counter(2, "E002")
    codes = [serve(hall, clock, business="topup", counter=2) for _ in range(3)]
    config = _config()
    with (
        store.engine.connect() as connection,
        _foreign_keys_off(connection),  # as the upgrade does: SQLite rebuilds altered tables
        connection.begin(),
    ):
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    previous = "0" * 64
    with store.engine.begin() as connection:
        for sequence, code in enumerate(codes, start=1):
            pdf = f"%PDF-1.4 form {sequence}".encode()
            digest = hashlib.sha256(pdf).hexdigest()
            previous = _old_link(previous, sequence, digest)
            connection.execute(
                text(
                    "INSERT INTO service_forms (hall_id, sequence, ticket_id, ticket_code,"
                    " clerk_id, counter_id, phone, created_at, business_day, signed,"
                    " decline_reason, strokes, pdf, pdf_sha256, chain_hash)"
                    " SELECT hall_id, :sequence, id, code, clerk_id, counter_id, phone,"
                    " finished_at, business_day, :signed, '', NULL, :pdf, :digest, :chain"
                    " FROM tickets WHERE code = :code"
                ),
                {"sequence": sequence, "code": code, "pdf": pdf, "digest": digest,
                 "chain": previous, "signed": True},
            )  # fmt: skip
            connection.execute(
                text(
                    "INSERT INTO audit_log (hall_id, at, action, source, detail)"
                    " VALUES (1, :at, 'form_archived', 'counter', :detail)"
                ),
                {"at": clock.now(),
                 "detail": json.dumps({"sequence": sequence, "chain_hash": previous})},
            )  # fmt: skip
    store.close()
    store = open_store(empty_store_target)  # the upgrade re-chains the forms
    try:
        check = verified(store)
        assert check.intact and check.forms == 3, check
        tamper(store, "UPDATE service_forms SET ticket_code = 'Z999' WHERE sequence = 2")
        check = verified(store)
        assert not check.intact and check.broken_at == 2, check
    finally:
        store.close()


# ----- signed checkpoints outside the store -----


def _rewrite_with_the_audit_log(store) -> None:
    """Someone who can write the store file, triggers included: the audit log's chain ends
    are removed, form 2 changed and every form chained again."""
    with store.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER audit_log_no_update"))
        connection.execute(text("DROP TRIGGER audit_log_no_delete"))
        connection.execute(text("DELETE FROM audit_log WHERE action = 'form_archived'"))
    _rewrite_form_two(store)


@pytest.mark.usefixtures("sqlite_only")
def test_a_chain_rewritten_with_its_audit_log_is_found_by_the_signed_checkpoints(
    four_forms, store_target, tmp_path
):
    key, folder = tmp_path / "keys" / "checkpoint.key", tmp_path / "checkpoints"
    key.parent.mkdir()
    signing = ("--checkpoints", str(folder), "--key", str(key))
    status, out, err = hallq(store_target, "forms", "checkpoint", *signing)
    assert status == 0 and "checkpoint of form #4 signed" in out, err
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    status, out, err = hallq(store_target, "forms", "verify", *signing)
    assert status == 0 and "checkpoints in" in out, err
    _rewrite_with_the_audit_log(four_forms)
    assert verified(four_forms).intact  # the store alone can no longer tell
    status, out, err = hallq(store_target, "forms", "verify", *signing)
    assert status == 1 and "form #4: it is not the form the checkpoint of" in err, err


@pytest.mark.usefixtures("sqlite_only")
def test_a_checkpoint_signed_with_another_key_is_refused(four_forms, store_target, tmp_path):
    key, folder = tmp_path / "checkpoint.key", tmp_path / "checkpoints"
    status, _, err = hallq(
        store_target, "forms", "checkpoint", "--checkpoints", str(folder), "--key", str(key)
    )
    assert status == 0, err
    _rewrite_with_the_audit_log(four_forms)
    forged = ("--checkpoints", str(folder), "--key", str(tmp_path / "another.key"))
    status, _, err = hallq(store_target, "forms", "checkpoint", *forged)
    assert status == 0, err  # the rewritten chain's end, signed with a key of one's own
    status, _out, err = hallq(
        store_target, "forms", "verify", "--checkpoints", str(folder), "--key", str(key)
    )
    assert status == 1 and "is not signed by this key" in err, err


def test_checkpoints_without_a_key_are_refused_on_one_line(
    four_forms, store_target, tmp_path, monkeypatch
):
    monkeypatch.delenv("HALLQ_CHECKPOINT_KEY", raising=False)
    status, _, err = hallq(store_target, "forms", "checkpoint", "--checkpoints", str(tmp_path))
    assert status == 1 and "HALLQ_CHECKPOINT_KEY" in err and len(err.splitlines()) == 1
