"""The offer at the counter, in Chinese and in English, by keys and clicks: a targeted
customer's campaign and script line, each outcome recorded (an accepted offer a transaction
of its business on the same ticket), no offer for a customer on a special list or offered
lately, a number typed by the clerk, the discreet mark of a customer to serve with care,
a recommendation without a campaign, and a complaint the clerk logs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from shared.store.models import Business, Case, Offer, Transaction
from tests.gui import workstation_fixtures
from tests.gui.offer_setup import CAMPAIGN, LISTED, SCRIPT, TARGET, UNKNOWN_TARGET, run_campaign
from tests.gui.test_workstation_queue import fill_top_up
from tests.gui.workstation_fixtures import signed_in

pytestmark = workstation_fixtures.OFFSCREEN_SIZE_HINTS
counter_windows = workstation_fixtures.counter_windows
BOTH = pytest.mark.parametrize("counter_windows", ["zh", "en"], indirect=True)

WORDS = {
    "zh": {
        "campaign": f"营销活动：{CAMPAIGN} · 推荐 套餐变更",
        "none": "该客户没有营销活动推荐。",
        "accepted": "已接受：套餐变更已记入 A001。",
        "declined": "已记录：已拒绝。",
        "offered": "已记录：已推荐，客户再考虑。",
        "not_offered": "已记录：未推荐。",
        "care": "◆ 请耐心细致服务",
        "unknown": "客户手机号未知：输入号码后可查看推荐。",
        "logged": "已为 A001 登记投诉，值班长将跟进。",
    },
    "en": {
        "campaign": f"Campaign: {CAMPAIGN} · offers Plan change",
        "none": "No campaign offer for this customer.",
        "accepted": "Accepted: Plan change is recorded on A001.",
        "declined": "Recorded: declined.",
        "offered": "Recorded: offered, the customer will think about it.",
        "not_offered": "Recorded: not offered.",
        "care": "◆ Serve with particular care",
        "unknown": "The customer's number is not known: type it to see the offer for them.",
        "logged": "Complaint logged on A001: the shift lead follows it up.",
    },
}
KEYS = {"offered": Qt.Key.Key_1, "accepted": Qt.Key.Key_2, "declined": Qt.Key.Key_3}


def words(counter) -> dict[str, str]:
    return WORDS["en" if counter.window.english else "zh"]


@pytest.fixture
def serving(qtbot, counter_windows, store, clock, hall):
    """Counter 2 open, the campaign running; call the customer of `phone` with F2."""
    run_campaign(store, clock)
    counter = signed_in(counter_windows)
    qtbot.mouseClick(counter.window.open_button, Qt.MouseButton.LeftButton)

    def call(phone: str | None) -> str:
        issued = hall.issue("topup", phone=phone)
        clock.advance(30)
        counter.press(qtbot, Qt.Key.Key_F2)
        assert counter.window.ticket_label.text() == issued.ticket, counter.window.message.text()
        return issued.ticket

    return counter, call


def ctrl(qtbot, counter, key: Qt.Key) -> None:
    """Ctrl + a digit, as the clerk presses it on the workstation's keyboard."""
    counter.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is counter.window, timeout=2000)
    qtbot.keyClick(
        QApplication.focusWidget() or counter.window, key, Qt.KeyboardModifier.ControlModifier
    )


def offers(store) -> list[tuple[str, str | None, int | None]]:
    with store.read() as session:
        return [
            (str(offer.outcome), offer.reason and str(offer.reason), offer.transaction_id)
            for offer in session.scalars(select(Offer).order_by(Offer.id))
        ]


@BOTH
@pytest.mark.parametrize("outcome", ["offered", "accepted", "declined"])
def test_a_targeted_customer_is_offered_the_campaign_and_the_key_records_the_outcome(
    qtbot, serving, store, outcome
):
    counter, call = serving
    panel = counter.window.offer_panel
    ticket = call(TARGET)
    assert panel.campaign.text() == words(counter)["campaign"]
    assert SCRIPT in panel.script.text() and panel.offered_button.isVisible()
    assert not panel.care.isVisible() and not panel.number.isVisible()
    ctrl(qtbot, counter, KEYS[outcome])
    qtbot.waitUntil(lambda: bool(offers(store)), timeout=2000)
    assert panel.status.text() == words(counter)[outcome].replace("A001", ticket)
    assert not panel.offered_button.isVisible()  # one record per offer
    [(recorded, reason, transaction)] = offers(store)
    assert (recorded, reason) == (outcome, None)
    with store.read() as session:
        taken = session.execute(
            select(Business.key, Transaction.recommended, Transaction.accepted).join(
                Business, Business.id == Transaction.business_id
            )
        ).all()
        assert (transaction is not None) == (outcome == "accepted")
        assert taken == ([("plan_change", True, True)] if outcome == "accepted" else [])
    fill_top_up(qtbot, counter.window)
    counter.press(qtbot, Qt.Key.Key_F8)
    with store.read() as session:
        done = session.execute(
            select(Business.key, Transaction.recommended, Transaction.accepted)
            .join(Business, Business.id == Transaction.business_id)
            .order_by(Transaction.id)
        ).all()
    # The offer made is the ticket's recommendation; taken when accepted.
    accepted = outcome == "accepted"
    assert done[-1] == ("topup", True, accepted)


@BOTH
def test_not_offered_takes_a_reason_from_the_menu(qtbot, serving, store):
    counter, call = serving
    panel = counter.window.offer_panel
    call(TARGET)
    qtbot.mouseClick(panel.not_offered_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(panel.reason_menu, Qt.Key.Key_4)  # 4: the customer is upset
    qtbot.waitUntil(lambda: bool(offers(store)), timeout=2000)
    assert offers(store) == [("not_offered", "upset", None)]
    assert panel.status.text() == words(counter)["not_offered"]


@BOTH
@pytest.mark.parametrize("kind", sorted(LISTED))
def test_no_offer_for_a_customer_on_a_special_list(qtbot, serving, kind):
    counter, call = serving
    panel = counter.window.offer_panel
    call(LISTED[kind])
    assert panel.campaign.text() == words(counter)["none"]
    assert not panel.offered_button.isVisible() and not panel.script.isVisible()
    # Only the sensitive-complaint list shows, and only as a mark: never the list's name.
    assert panel.care.isVisible() == (kind == "sensitive_complaint")
    if kind == "sensitive_complaint":
        assert panel.care.text() == words(counter)["care"]
        assert "complaint" not in panel.care.text() and "投诉" not in panel.care.text()


@BOTH
def test_no_offer_for_a_customer_offered_lately(qtbot, serving, store):
    counter, call = serving
    panel = counter.window.offer_panel
    call(TARGET)
    ctrl(qtbot, counter, Qt.Key.Key_3)  # declined
    qtbot.waitUntil(lambda: bool(offers(store)), timeout=2000)
    fill_top_up(qtbot, counter.window)
    counter.press(qtbot, Qt.Key.Key_F8)
    call(TARGET)  # the same customer again, within the hall's rest days
    assert panel.campaign.text() == words(counter)["none"]
    assert not panel.offered_button.isVisible()


@BOTH
def test_the_clerk_types_an_unknown_number_and_then_sees_the_offer(qtbot, serving, store):
    counter, call = serving
    panel = counter.window.offer_panel
    call(None)
    assert panel.number.isVisible()
    assert panel.campaign.text() == words(counter)["unknown"]
    qtbot.keyClicks(panel.number, "1501234")
    qtbot.keyClick(panel.number, Qt.Key.Key_Return)
    assert "11" in panel.status.text()  # refused: not a mobile number, nothing stored
    panel.number.selectAll()
    qtbot.keyClicks(panel.number, f"+86 {UNKNOWN_TARGET}")
    qtbot.keyClick(panel.number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.campaign.text() == words(counter)["campaign"], timeout=2000)
    assert not panel.number.isVisible()
    ctrl(qtbot, counter, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: bool(offers(store)), timeout=2000)
    assert offers(store)[0][0] == "accepted"


@BOTH
def test_a_recommendation_without_a_campaign_and_a_logged_complaint(qtbot, serving, store):
    counter, call = serving
    panel = counter.window.offer_panel
    ticket = call("13911112222")  # no campaign's target
    assert panel.campaign.text() == words(counter)["none"]
    assert not panel.accepted.isEnabled()
    qtbot.mouseClick(panel.recommended, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.accepted, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.complaint, "waited 40 min")
    qtbot.mouseClick(panel.complaint_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() == words(counter)["logged"].replace("A001", ticket)
    fill_top_up(qtbot, counter.window)
    counter.press(qtbot, Qt.Key.Key_F8)
    with store.read() as session:
        assert session.execute(select(Transaction.recommended, Transaction.accepted)).all() == [
            (True, True)
        ]
        [case] = session.scalars(select(Case)).all()
        assert (str(case.reason), case.note) == ("complaint", "waited 40 min")
