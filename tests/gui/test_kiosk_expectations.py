"""What a customer can expect before choosing: people waiting and the wait on every
business button, from the estimate the ticket then prints, and the wait said at level 1."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from sqlalchemy import select

from kiosk.pages.ticket import PRINTED
from shared.documents.ticket_text import wait_words
from shared.store.models import Ticket
from tests.gui.kiosk_driver import crowd, open_kiosk, tap, type_keys

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def kiosk(qtbot, store, clock, tmp_path):
    window = open_kiosk(store, clock, tmp_path / "tickets")
    yield window
    window.close()


def button_text(kiosk, key: str) -> str:
    return kiosk.business.buttons[key][0].text()


def shown_wait(kiosk) -> str:
    return kiosk.ticket.form.itemAt(2, kiosk.ticket.form.ItemRole.FieldRole).widget().text()


def test_each_button_says_who_waits_and_the_wait_the_ticket_then_prints(qtbot, kiosk, hall):
    hall.open_counter(1, "E001")
    for business in ("plan_change", "topup", "service_change"):
        hall.issue(business)
    tap(kiosk, "take-ticket")
    before = button_text(kiosk, "service_change")
    assert "3 人等候" in before
    tap(kiosk, "business-service_change")
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == PRINTED, timeout=5000)
    printed = kiosk.ticket.ticket
    assert printed is not None and printed.ahead == 3
    wait_zh, _ = wait_words(printed.estimated_wait_s)
    assert wait_zh.startswith("约") and wait_zh in before
    assert shown_wait(kiosk) == wait_zh


def test_a_queue_no_counter_serves_says_so_and_others_keep_their_own_figures(kiosk, hall):
    tap(kiosk, "take-ticket")
    assert button_text(kiosk, "handset_sale").endswith("暂无窗口开放")
    tap(kiosk, "home")
    hall.open_counter(1, "E001")  # serves the everyday queue only
    tap(kiosk, "take-ticket")  # the menu is read again as it comes up
    assert button_text(kiosk, "plan_change").endswith("无人等候 · 马上就到您")
    assert button_text(kiosk, "handset_sale").endswith("暂无窗口开放")


def test_a_vip_sees_the_green_channel_wait_not_the_everyday_queue(kiosk, hall):
    hall.open_counter(1, "E001")
    hall.issue("plan_change")
    hall.issue("plan_change")
    tap(kiosk, "take-ticket")
    assert "2 人等候" in button_text(kiosk, "plan_change")
    tap(kiosk, "home")
    tap(kiosk, "with-phone")
    type_keys(kiosk, "13800000001")
    tap(kiosk, "confirm")
    assert "人等候" not in button_text(kiosk, "plan_change").replace("无人等候", "")


def test_an_empty_queue_is_very_soon_on_screen_and_on_paper_never_about_a_minute(
    qtbot, kiosk, hall, store, tmp_path
):
    hall.open_counter(1, "E001")
    tap(kiosk, "take-ticket")
    assert "约 1 分钟" not in button_text(kiosk, "service_change")
    tap(kiosk, "business-service_change")
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == PRINTED, timeout=5000)
    assert kiosk.ticket.ticket is not None and kiosk.ticket.ticket.estimated_wait_s == 0
    assert shown_wait(kiosk) == "马上就到您"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    [pdf] = (tmp_path / "tickets").glob("*.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "马上就到您" in text and "约 1 分钟" not in text and "about 1 min" not in text


def test_level_one_says_how_long_a_ticket_would_wait(qtbot, kiosk, hall, store):
    crowd(hall, 1)
    with store.read() as session:
        waiting = len(session.scalars(select(Ticket).where(Ticket.status == "waiting")).all())
    tap(kiosk, "take-ticket")
    tap(kiosk, "business-topup")
    assert kiosk.diversion.waiting.isVisible()
    said = kiosk.diversion.waiting.text()
    assert said.startswith(f"如取号：前面 {waiting} 人，约 ") and said.endswith(" 分钟")
    tap(kiosk, "ticket-anyway")
    tap(kiosk, "confirm-ticket")
    qtbot.waitUntil(lambda: kiosk.ticket.state == PRINTED, timeout=5000)
    assert kiosk.ticket.ticket is not None
    assert said.endswith(wait_words(kiosk.ticket.ticket.estimated_wait_s)[0])
