"""Serving one customer end to end: the slip scanned into the counter, a transaction of two
kinds of business, the form confirmed and signed with a pen on the customer's screen (or
declined), and the rating given or timed out; checked in the store and in the PDF."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from shared.field_definitions import AT_COUNTER
from shared.store.models import Rating, ServiceForm, Slip, Transaction
from tests.gui import workstation_fixtures
from tests.gui.workstation_fixtures import signed_in

pytestmark = workstation_fixtures.OFFSCREEN_SIZE_HINTS
counter_windows = workstation_fixtures.counter_windows

SIM = {"name": "张三丰", "id_number": "11010519491231002X", "reason": "丢失"}


@pytest.fixture
def serving(qtbot, counter_windows, hall, clock):
    """Counter 2 open and serving B001, a SIM replacement with a slip; B002 has one too."""
    counter = signed_in(counter_windows)
    qtbot.mouseClick(counter.window.open_button, Qt.MouseButton.LeftButton)
    first = hall.issue("sim_replace", phone="13812345678", slip=SIM)
    second = hall.issue("sim_replace", slip=SIM)
    clock.advance(60)
    counter.press(qtbot, Qt.Key.Key_F2)
    assert counter.window.ticket_label.text() == "B001", counter.window.message.text()
    return counter, first.slip_code, second.slip_code


def scan(qtbot, window, code: str) -> None:
    """What a USB scanner does: type the code and press Enter into the focused field."""
    qtbot.keyClicks(window.scan, code)
    qtbot.keyClick(window.scan, Qt.Key.Key_Return)


def slip_used(store, ticket_id: int = 1):
    with store.read() as session:
        return session.scalar(select(Slip.used_at).where(Slip.ticket_id == ticket_id))


def test_a_scanned_slip_fills_the_form_and_forged_or_reused_slips_are_refused(
    qtbot, serving, store
):
    counter, code, other = serving
    window = counter.window
    assert window.scan.hasFocus()  # the scanner types straight in after a call
    assert "slip not scanned yet" in window.slip_label.text()
    forged = code[:-1] + ("0" if code[-1] != "0" else "1")
    scan(qtbot, window, forged)
    assert "forged or altered" in window.message.text() and slip_used(store) is None
    scan(qtbot, window, other)
    assert "belongs to ticket B002, not B001" in window.message.text()
    scan(qtbot, window, code)
    assert window.message.text() == "Slip accepted: the form is filled in."
    section = window.form.sections[0]
    assert section.values() == SIM
    assert "slip checked" in window.slip_label.text() and slip_used(store) is not None
    scan(qtbot, window, code)
    assert "this slip was already used at 08:31 by E002" in window.message.text()


def finish_and_decline(qtbot, counter, code: str) -> None:
    """Scan, finish, and the customer declines with the first reason offered."""
    scan(qtbot, counter.window, code)
    counter.press(qtbot, Qt.Key.Key_F8)
    qtbot.mouseClick(counter.customer.decline_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(counter.customer.decline_confirm, Qt.MouseButton.LeftButton)


def draw_signature(qtbot, pad) -> None:
    """Two pen strokes drawn with the mouse: press, moves, release."""
    for start, points in (
        ((40, 150), [(80, 90), (120, 160), (170, 80)]),
        ((220, 120), [(300, 125)]),
    ):
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*start))
        for point in points:
            qtbot.mouseMove(pad, QPoint(*point))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def test_two_businesses_signed_with_the_pen_make_an_archived_form(qtbot, serving, store, clock):
    counter, code, _ = serving
    window, customer = counter.window, counter.customer
    scan(qtbot, window, code)
    window.form.fill("plan_change", {"new_plan": "5G智享 168元", "effective": "次月生效"})
    window.form.add_choice.activated.emit(window.form.add_choice.findData("topup"))
    assert window.form.businesses() == ["sim_replace", "plan_change", "topup"]
    qtbot.mouseClick(window.form.sections[-1].remove_button, Qt.MouseButton.LeftButton)
    assert window.form.businesses() == ["sim_replace", "plan_change"]
    assert not window.form.sections[0].remove_button.isVisibleTo(window.form)
    window.form.sections[0].inputs["iccid"].setText("89860012345")
    follow_up = window.form.sections[1].outcome
    follow_up.setCurrentIndex(follow_up.findData("follow_up"))
    window.offer_panel.recommended.setChecked(True)
    window.offer_panel.accepted.setChecked(True)
    qtbot.keyClicks(window.form.notes, "customer asked about roaming")
    clock.advance(240)
    counter.press(qtbot, Qt.Key.Key_F8)

    assert customer.pages.currentIndex() == 1
    assert window.form.sections == [] and window.form.notes.text() == ""  # ready for the next
    shown = customer.form_view.toPlainText()
    for text in ("SIM replacement", "Plan change", "5G Smart 168 yuan", "张**", "138****5678"):
        assert text in shown, text
    assert not customer.submit_button.isEnabled()
    qtbot.mouseClick(customer.confirm_button, Qt.MouseButton.LeftButton)
    assert customer.pages.currentIndex() == 2
    draw_signature(qtbot, customer.pad)
    assert [len(stroke) for stroke in customer.pad.strokes] == [4, 2]
    qtbot.mouseClick(customer.submit_button, Qt.MouseButton.LeftButton)
    assert customer.pages.currentIndex() == 4
    qtbot.mouseClick(customer.rating_buttons["satisfied"], Qt.MouseButton.LeftButton)

    with store.read() as session:
        form = session.scalars(select(ServiceForm)).one()
        done = session.execute(
            select(
                Transaction.business_id, Transaction.signed, Transaction.fields, Transaction.notes
            )
        ).all()
        outcomes = session.scalars(select(Transaction.outcome).order_by(Transaction.id)).all()
        rating = session.scalar(select(Rating.rating))
    assert form.signed and form.ticket_code == "B001" and rating == "satisfied"
    assert form.strokes[0][0][:2] == [40.0, 150.0] and form.strokes[0][-1][:2] == [170.0, 80.0]
    assert all(point[3] == 0.5 for stroke in form.strokes for point in stroke)
    assert [signed for _, signed, _, _ in done] == [True, True]
    assert done[0][2] == {**SIM, "iccid": "89860012345"}
    assert outcomes == ["completed", "follow_up"]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(form.pdf)).pages)
    for shown in ("补换卡", "套餐变更", "5G智享 168元", "89860012345", "1101**********002X",
                  "Ticket: B001", "New service recommended: 是 Yes", "customer asked about roaming",
                  "Customer's signature", "已办结 Completed",
                  "待跟进 Needs follow-up"):  # fmt: skip
        assert shown in text, shown
    assert window.figures.values["signed"].text() == "100%"


def test_a_declined_signature_is_archived_unsigned_with_the_reason(qtbot, serving, store):
    counter, code, _ = serving
    window, customer = counter.window, counter.customer
    scan(qtbot, window, code)
    counter.press(qtbot, Qt.Key.Key_F8)
    qtbot.mouseClick(customer.decline_button, Qt.MouseButton.LeftButton)
    assert customer.pages.currentIndex() == 3
    customer.reason.setCurrentText("")
    qtbot.keyClicks(customer.reason, "needs to ask family first")
    qtbot.mouseClick(customer.decline_confirm, Qt.MouseButton.LeftButton)
    assert customer.pages.currentIndex() == 4
    with store.read() as session:
        form = session.scalars(select(ServiceForm)).one()
    assert (form.signed, form.decline_reason, form.strokes) == (
        False,
        "needs to ask family first",
        None,
    )
    text = PdfReader(io.BytesIO(form.pdf)).pages[0].extract_text()
    assert "Declined to sign: needs to ask family first" in text


@pytest.mark.slow
def test_an_unanswered_rating_times_out_and_frees_the_counter(qtbot, serving, store):
    counter, code, _ = serving
    window, customer = counter.window, counter.customer
    finish_and_decline(qtbot, counter, code)
    assert customer.countdown_label.text() == "This screen closes in 5 s"
    assert window.call_button.isEnabled()  # the clerk need not wait for the rating
    assert window.customer_status.text() == "B001 is rating the service on the customer screen."
    with qtbot.waitSignal(customer.done, timeout=8000) as done:
        pass
    assert done.args == ["B001"]
    assert customer.welcome.text() == "Thank you!" and window.call_button.isEnabled()
    assert window.customer_status.text() == "B001 is done at the customer screen."
    with store.read() as session:
        assert session.scalar(select(Rating.id)) is None
        assert session.scalar(select(ServiceForm.decline_reason)) == "I do not agree with the terms"


def test_the_archive_finds_the_form_and_opens_its_pdf(qtbot, serving, store):
    counter, code, _ = serving
    window, customer = counter.window, counter.customer
    finish_and_decline(qtbot, counter, code)
    qtbot.mouseClick(customer.rating_buttons["neutral"], Qt.MouseButton.LeftButton)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = window.archive
    assert dialog.table.rowCount() == 1
    qtbot.keyClicks(dialog.mobile, "13900000000")
    assert dialog.table.rowCount() == 0 and dialog.status.text() == "0 form(s)"
    dialog.mobile.clear()
    qtbot.keyClicks(dialog.ticket, "b001")
    assert dialog.table.item(0, 2).text() == "B001"
    assert dialog.table.item(0, 4).text() == "138****5678"
    path = dialog.open_row(0)
    assert counter.opened == [path] and path.read_bytes().startswith(b"%PDF")
    dialog.close()
    # The clerk closes the counter and signs out: no customer's form stays on the PC.
    qtbot.mouseClick(window.close_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 0
    assert not path.exists() and not path.parent.exists()


def test_a_name_left_for_the_counter_is_shown_so_and_left_blank_in_the_form(
    qtbot, counter_windows, hall
):
    counter = signed_in(counter_windows)
    qtbot.mouseClick(counter.window.open_button, Qt.MouseButton.LeftButton)
    slip = dict(SIM, name=AT_COUNTER)
    code = hall.issue("sim_replace", slip=slip).slip_code
    counter.press(qtbot, Qt.Key.Key_F2)
    window = counter.window
    assert "Account holder: 到柜台填写 / fill in at the counter" in window.slip_label.text()
    scan(qtbot, window, code)
    name = window.form.sections[0].inputs["name"]
    assert name.text() == "" and name.placeholderText() == "Left for the counter: ask the customer"
