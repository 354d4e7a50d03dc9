"""Service forms: made from the recorded transactions, signed or declined, archived in a
hash chain that shows any later change, removal or reordering, and found again at once."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text

from shared.archive.forms import archive_form, open_form, search_forms, verify_chain
from shared.errors import Rejected
from shared.services import audit
from shared.store.lookup import find_hall
from shared.store.models import ServiceForm, Transaction
from tests.core.test_cli import hallq
from tests.core.test_hall_actions import snapshot

DAY = dt.date(2026, 11, 23)
STROKES = [[[10, 10, 0, 0.2], [60, 40, 16, 0.6], [120, 20, 32, 0.9]], [[30, 50, 400, 0.5]]]
SIM = {"name": "张三丰", "id_number": "11010519491231002X", "reason": "丢失", "iccid": "8986001"}
PLAN = {"new_plan": "5G智享 168元", "effective": "次月生效"}


def serve(hall, clock, business="sim_replace", phone="13812345678", fields=None, counter=2):
    """Issue, call and finish one ticket at `counter`; return its code."""
    issued = hall.issue(business, phone=phone)
    clock.advance(60)
    assert hall.call(counter).ticket == issued.ticket
    clock.advance(180)
    hall.finish(
        counter,
        businesses=list(fields or {business: {}}),
        fields=fields or {},
        recommended=True,
        accepted=True,
        notes="已告知补卡费用",
    )
    return issued.ticket


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def counter_open(hall):
    hall.open_counter(2, "E002")
    return hall


def test_a_signed_form_says_what_was_done_for_two_businesses_with_personal_data_masked(
    counter_open, store, clock
):
    code = serve(counter_open, clock, fields={"sim_replace": SIM, "plan_change": PLAN})
    archived = archive_form(store, "demo", code, strokes=STROKES, clock=clock)
    with store.read() as session:
        form = session.scalars(select(ServiceForm)).one()
        signed = session.scalars(select(Transaction.signed)).all()
    assert (archived.sequence, form.signed, form.strokes) == (1, True, STROKES)
    assert signed == [True, True]
    words = pdf_text(form.pdf)
    for shown in (
        "中国移动 示范营业厅",
        "Counter: 2",
        "李娜 (E002)",
        "Ticket: B001",
        "138****5678",
        "补换卡",
        "SIM replacement",
        "套餐变更",
        "5G智享 168元",
        "张**",
        "1101**********002X",
        "原SIM卡立即失效",
        "Customer's signature",
        "2026-11-23 08:34:00",
    ):
        assert shown in words, shown
    assert "13812345678" not in words and "11010519491231002X" not in words
    assert b"/FontFile2" in form.pdf  # the bundled font is embedded (a TrueType subset)


def test_a_declined_form_records_the_reason_and_stays_unsigned(counter_open, store, clock):
    code = serve(
        counter_open,
        clock,
        business="topup",
        fields={"topup": {"amount": "50元", "pay_method": "微信"}},
    )
    archive_form(store, "demo", code, decline_reason="不认可条款", clock=clock)
    with store.read() as session:
        form = session.scalars(select(ServiceForm)).one()
        signed = session.scalars(select(Transaction.signed)).all()
    assert (form.signed, form.decline_reason, form.strokes, signed) == (
        False,
        "不认可条款",
        None,
        [False],
    )
    assert "Declined to sign: 不认可条款" in pdf_text(form.pdf)


@pytest.mark.parametrize(
    ("strokes", "reason", "message"),
    [
        (None, "", "needs a reason"),
        (STROKES, "no", "either signed or declined"),
        ([], "", "1 to 200 pen strokes"),
        ([[[1, 2, 3]]], "", r"\[x, y, milliseconds, pressure\]"),
        ([[[1, 2, 3, 1.5]]], "", "between 0 and 1"),
        ([[[1, 2, 3, float("nan")]]], "", r"\[x, y, milliseconds, pressure\]"),
    ],
    ids=["nothing", "both", "no strokes", "short point", "pressure", "nan"],
)
def test_a_bad_signature_is_refused_and_stores_nothing(
    counter_open, store, clock, strokes, reason, message
):
    code = serve(
        counter_open,
        clock,
        business="password_reset",
        fields={"password_reset": {"name": "李四", "id_number": "11010519491231002X"}},
    )
    before = snapshot(store)
    with pytest.raises(Rejected, match=message):
        archive_form(store, "demo", code, strokes=strokes, decline_reason=reason, clock=clock)
    assert snapshot(store) == before


def test_a_form_is_made_only_for_a_finished_ticket_and_only_once(counter_open, store, clock):
    code = serve(counter_open, clock, business="plan_change", fields={"plan_change": PLAN})
    archive_form(store, "demo", code, strokes=STROKES, clock=clock)
    waiting = counter_open.issue("topup").ticket
    before = snapshot(store)
    with pytest.raises(Rejected, match="already has an archived service form"):
        archive_form(store, "demo", code, decline_reason="changed my mind", clock=clock)
    with pytest.raises(Rejected, match="is waiting; a form is made once"):
        archive_form(store, "demo", waiting, strokes=STROKES, clock=clock)
    assert snapshot(store) == before


def test_transaction_form_values_are_checked_against_the_business_definition(
    counter_open, store, clock
):
    counter_open.issue("topup")
    counter_open.call(2)
    before = snapshot(store)
    for fields, message in (
        ({"topup": {"amount": "999元", "pay_method": "微信"}}, "Amount must be one of"),
        ({"topup": {"pay_method": "微信"}}, "Amount is required"),
        ({"topup": {"amount": "50元", "pay_method": "微信", "tip": "1"}}, "no form field 'tip'"),
        ({"plan_change": PLAN}, "form values for a business not done: plan_change"),
    ):
        with pytest.raises(Rejected, match=message):
            counter_open.finish(2, businesses=["topup"], fields=fields)
        assert snapshot(store) == before


def three_forms(hall, store, clock):
    hall.open_counter(3, "E003")
    codes = [
        serve(
            hall,
            clock,
            business="topup",
            phone=phone,
            fields={"topup": {"amount": "50元", "pay_method": "现金"}},
            counter=counter,
        )
        for phone, counter in (("13812345678", 2), ("13900001111", 3), ("13812345678", 2))
    ]
    for code in codes:
        archive_form(store, "demo", code, strokes=STROKES, clock=clock)
    return codes


def test_the_chain_of_untouched_forms_verifies(counter_open, store, store_target, clock):
    three_forms(counter_open, store, clock)
    result = hallq("forms", "verify", db=store_target)
    assert (result.returncode, result.stdout) == (
        0,
        "chain intact: 3 service forms, 0 redacted\naudit log intact: 3 entries\n",
    )


@pytest.mark.parametrize(
    ("tamper", "problem"),
    [
        (
            "UPDATE service_forms SET pdf = {changed} WHERE sequence = 2",
            "form #2: its PDF was changed",
        ),
        ("DELETE FROM service_forms WHERE sequence = 2", "form #2 is missing (next is #3)"),
        ("DELETE FROM service_forms WHERE sequence = 3", "form #3 is missing (#3 was archived)"),
        (
            "UPDATE service_forms SET sequence = 100 + sequence WHERE sequence IN (1, 2);"
            "UPDATE service_forms SET sequence = 2 WHERE sequence = 101;"
            "UPDATE service_forms SET sequence = 1 WHERE sequence = 102",
            "form #1: its chain hash does not follow form #0",
        ),
    ],
    ids=["one byte changed", "form removed", "newest form removed", "forms reordered"],
)
@pytest.mark.slow
def test_hallq_forms_verify_names_the_first_broken_form(
    counter_open, store, store_target, clock, tamper, problem
):
    three_forms(counter_open, store, clock)
    with store.read() as session:
        pdf = bytearray(session.scalar(select(ServiceForm.pdf).where(ServiceForm.sequence == 2)))
    pdf[len(pdf) // 2] ^= 0x01
    with store.engine.begin() as connection:
        for statement in tamper.split(";"):
            if "{changed}" in statement:
                connection.execute(text(statement.format(changed=":pdf")), {"pdf": bytes(pdf)})
            else:
                connection.execute(text(statement))
    result = hallq("forms", "verify", db=store_target)
    assert result.returncode == 1
    assert problem in result.stderr


def test_the_archive_is_searched_by_mobile_clerk_ticket_and_dates(
    counter_open, store, store_target, clock
):
    codes = three_forms(counter_open, store, clock)
    with store.read() as session:
        hall = find_hall(session, "demo")
        by_mobile = search_forms(session, hall, phone="13812345678")
        by_clerk = search_forms(session, hall, clerk="E003")
        by_ticket = search_forms(session, hall, ticket=codes[1].lower())
        in_range = search_forms(session, hall, since=DAY, until=DAY)
        before = search_forms(session, hall, until=DAY - dt.timedelta(days=1))
    assert [hit.sequence for hit in by_mobile] == [3, 1]
    assert [(hit.sequence, hit.staff_id, hit.counter) for hit in by_clerk] == [(2, "E003", 3)]
    assert [hit.ticket for hit in by_ticket] == [codes[1]]
    assert len(in_range) == 3 and before == []
    assert by_mobile[0].customer == "138****5678"
    result = hallq("forms", "search", "--mobile", "13900001111", "--json", db=store_target)
    assert [hit["ticket"] for hit in json.loads(result.stdout)] == [codes[1]]
    with pytest.raises(Rejected, match="no clerk 'E999'"), store.read() as session:
        search_forms(session, find_hall(session, "demo"), clerk="E999")


def test_opening_an_archived_form_is_audited(counter_open, store, clock):
    three_forms(counter_open, store, clock)
    pdf = open_form(store, "demo", 2, clerk_id=None, source="counter 2", clock=clock)
    assert pdf.startswith(b"%PDF")
    with store.read() as session:
        hall = find_hall(session, "demo")
        viewed = [e for e in audit.entries(session, hall.id) if e.action == "form_viewed"]
        assert verify_chain(session, hall).forms == 3
    assert [(e.source, e.detail) for e in viewed] == [("counter 2", {"form": 2})]
    with pytest.raises(Rejected, match="no service form #9"):
        open_form(store, "demo", 9, clerk_id=None, source="counter 2", clock=clock)


def test_each_printed_form_carries_its_number_and_the_link_search_shows_for_it(
    counter_open, store, store_target, clock
):
    codes = three_forms(counter_open, store, clock)
    with store.read() as session:
        forms = session.scalars(select(ServiceForm).order_by(ServiceForm.sequence)).all()
        hall = find_hall(session, "demo")
        hits = {hit.sequence: hit for hit in search_forms(session, hall)}
        assert verify_chain(session, hall).intact
    links = ["0" * 64] + [form.chain_hash for form in forms]
    searched = hallq("forms", "search", db=store_target).stdout
    for form, code in zip(forms, codes, strict=True):
        printed = " ".join(pdf_text(form.pdf).split())
        prefix = links[form.sequence - 1][:16]
        assert f"Form No. {form.sequence} 前链 Previous link: {prefix}" in printed, printed[:300]
        assert hits[form.sequence].previous_link == prefix
        (line,) = [row for row in searched.splitlines() if row.startswith(f"#{form.sequence} ")]
        assert code in line and f"link {prefix}" in line
    assert len({links[form.sequence - 1][:16] for form in forms}) == 3
