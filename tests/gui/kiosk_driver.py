"""Driving the real kiosk window the way a customer does: taps on named buttons and keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.id_card.reader import CardReader
from kiosk.window import POINT_SIZE, KioskWindow
from shared.qt.application import make_application
from shared.services.hall import HallService
from shared.store.clock import Clock
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.plain import plain_reads
from shared.views.kiosk_menu import kiosk_state
from shared.views.status import hall_now

SIZE = (1280, 800)


def open_kiosk(
    store: Store,
    clock: Clock,
    print_folder: Path,
    language: str = "zh",
    name: str = "kiosk",
    card_reader: CardReader | None = None,
) -> KioskWindow:
    make_application([], POINT_SIZE)
    window = KioskWindow(
        store,
        "demo",
        print_folder=print_folder,
        clock=clock,
        language=language,
        name=name,
        card_reader=card_reader,
    )
    window.resize(*SIZE)
    window.show()
    return window


def tap(window: QWidget, name: str) -> None:
    """Touch the visible, enabled button of that object name, as a finger would."""
    buttons = [
        button
        for button in window.findChildren(QPushButton, name)
        if button.isVisible() and button.isEnabled()
    ]
    assert len(buttons) == 1, f"expected one tappable {name!r}, found {len(buttons)}"
    QTest.mouseClick(buttons[0], Qt.MouseButton.LeftButton)


def type_keys(window: QWidget, text: str) -> None:
    for key in text:
        tap(window, f"key-{key}")


def pick_candidate(window: QWidget, text: str) -> None:
    """Find `text` on the pinyin bar as a customer does: look along the bar, turn the page
    (›) and look again; fails when the bar runs out without offering it."""
    while True:
        for button in window.findChildren(QPushButton):
            name = button.objectName()
            if name.startswith("candidate-") and name[10:].isdigit() and button.text() == text:
                tap(window, name)
                return
        tap(window, "candidate-next")


def type_pinyin(window: QWidget, *spelled: tuple[str, str]) -> None:
    """Type each pinyin on the on-screen keyboard and pick its characters from the bar."""
    for pinyin, chosen in spelled:
        type_keys(window, pinyin)
        pick_candidate(window, chosen)


def confirm_lines(window: QWidget) -> dict[str, str]:
    """The slip lines on the confirm screen, by field key: what the customer reads there."""
    return {
        button.objectName().removeprefix("edit-"): button.text().removesuffix("✎").strip()
        for button in window.findChildren(QPushButton)
        if button.objectName().startswith("edit-") and button.isVisible()
    }


def commit_text(widget: QWidget, text: str) -> None:
    """Text as the kiosk's handwriting or pinyin input method hands it over."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def crowd(service: HallService, level: int) -> None:
    """Bring the hall to a crowding level: one open counter, then customers until it is."""
    with service.store.read() as session:
        hall = find_hall(session, service.hall_code)
        counter_open = hall_now(plain_reads(session), hall.id).open_counters
    if not counter_open:
        service.open_counter(1, "E001")
    while kiosk_state(service.store, service.hall_code).level < level:
        service.issue("plan_change")
