"""Screenshots of every kiosk screen in Chinese and English, and a printed ticket with its
slip, for the README: `python -m tests.gui.kiosk_screens` (offscreen, a throwaway store)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.id_card.serial_reader import SerialReader
from kiosk.id_card.simulator import SimulatedReader
from kiosk.pages.ticket import PRINTED
from kiosk.widgets import BACKSPACE
from kiosk.window import KioskWindow
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import FixedClock
from shared.store.database import open_store
from tests.gui.kiosk_driver import (
    crowd,
    open_kiosk,
    pick_candidate,
    tap,
    type_keys,
    type_pinyin,
)

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CLOCK = FixedClock(dt.datetime(2026, 11, 23, 10, 15))
LANGUAGES = ("zh", "en")
GOOD_ID = "11010519491231002X"


def _settle() -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()


def _screens(window: KioskWindow) -> list[tuple[str, Callable[[], None]]]:
    def phone() -> None:
        tap(window, "with-phone")
        type_keys(window, "1380000")

    def business() -> None:
        type_keys(window, "0001")
        tap(window, "confirm")

    def slip_name() -> None:
        tap(window, "business-sim_replace")
        type_pinyin(window, ("zhang", "张"), ("san", "三"))
        type_keys(window, "feng")  # the bar offers the characters read feng

    def slip_id() -> None:
        pick_candidate(window, "丰")
        tap(window, "next-field")
        type_keys(window, GOOD_ID[:-1] + "5")

    def choice() -> None:
        type_keys(window, BACKSPACE + GOOD_ID[-1])
        tap(window, "next-field")
        tap(window, "choice-0")

    def confirm() -> None:
        tap(window, "next-field")

    def ticket() -> None:
        tap(window, "confirm-ticket")
        window.printing.waitForDone()
        _settle()
        window.ticket.show_state(PRINTED)

    def failed() -> None:
        window._print_done(window.ticket.number.text(), "out of paper")  # as the print thread

    def appointment() -> None:
        tap(window, "finish")
        tap(window, "appointment")
        type_keys(window, "12345")

    def company() -> None:
        tap(window, "home")
        tap(window, "take-ticket")
        tap(window, "business-group_business")
        type_keys(window, "youxiangongsi")  # the bar offers the company words first

    def at_counter() -> None:
        tap(window, "at-counter")  # the company's full name is for the clerk
        type_pinyin(window, ("li", "李"), ("si", "四"))
        tap(window, "next-field")
        type_keys(window, "13912345678")
        tap(window, "next-field")

    return [
        ("start", lambda: None),
        ("phone", phone),
        ("business-vip", business),
        ("slip-name", slip_name),
        ("slip-resident-id", slip_id),
        ("slip-choice", choice),
        ("confirm", confirm),
        ("ticket", ticket),
        ("ticket-printer-failed", failed),
        ("appointment", appointment),
        ("slip-company", company),
        ("confirm-at-counter", at_counter),
    ]


def _diversion(window: KioskWindow, service: HallService, language: str) -> None:
    tap(window, "home")
    tap(window, "take-ticket")
    _save(window, "business", language)
    crowd(service, 1)
    window.reread_state()
    tap(window, "home")
    tap(window, "take-ticket")
    tap(window, "business-topup")
    _save(window, "diversion-level1", language)
    crowd(service, 2)
    tap(window, "back")
    tap(window, "business-topup")
    _save(window, "diversion-level2", language)
    tap(window, "cannot-self-serve")
    _save(window, "diversion-level2-cannot", language)
    tap(window, "call-guide")
    _save(window, "help-called", language)
    tap(window, "home")
    tap(window, "reprint")
    _save(window, "reprint", language)


def _portrait(store, folder: Path, language: str) -> None:
    """Large text on a landscape and on a portrait (1080×1920) kiosk, each started as
    one would be; the portrait one's start and business screens at the usual size too."""
    for name, size in (("business-large", (1280, 800)), ("business-large-portrait", (1080, 1920))):
        window = open_kiosk(store, CLOCK, folder / "tickets", language)
        window.resize(*size)
        if size[1] > size[0]:
            _save(window, "start-portrait", language)
        tap(window, "take-ticket")
        if size[1] > size[0]:
            _save(window, "business-portrait", language)
        tap(window, "large-text")
        _save(window, name, language)
        window.close()


def _card_reader(store, folder: Path, language: str) -> None:
    """The slip with an ID card reader, landscape and portrait: the invitation to lay the
    card, a damaged answer refused, and the card read."""
    for suffix, size in (("", (1280, 800)), ("-portrait", (1080, 1920))):
        simulated = SimulatedReader()
        window = open_kiosk(
            store, CLOCK, folder / "tickets", language, card_reader=SerialReader(simulated.path)
        )
        window.resize(*size)
        tap(window, "take-ticket")
        tap(window, "business-sim_replace")
        _save(window, f"slip-card-hint{suffix}", language)
        simulated.lay(garbled=True)
        _wait_for(lambda window=window: window.slip.status.property("state") == "problem")
        _save(window, f"slip-card-refused{suffix}", language)
        simulated.lift()
        QTest.qWait(700)
        simulated.lay()
        _wait_for(lambda window=window: window.slip.key == "reason")
        _save(window, f"slip-card-read{suffix}", language)
        window.close()
        simulated.close()


def _wait_for(condition: Callable[[], bool]) -> None:
    for _ in range(100):
        if condition():
            return
        QTest.qWait(50)
    raise TimeoutError("the kiosk did not show what the reader sent")


def _morning(service: HallService) -> None:
    """A hall at work: three counters open and a few customers waiting."""
    for counter, clerk in ((1, "E001"), (2, "E002"), (3, "E003")):
        service.open_counter(counter, clerk)
    for business in ("plan_change", "sim_replace", "topup", "new_account"):
        service.issue(business)


def _save(window: KioskWindow, name: str, language: str) -> None:
    if window.idle.running:
        window.idle.restart()  # the full countdown, however long the steps took
    _settle()
    window.grab().save(str(SHOTS / f"kiosk-{name}-{language}.png"))


def main() -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for language in LANGUAGES:
            store = open_store(str(Path(folder) / f"{language}.sqlite3"))
            with store.write() as session:
                load_hall(session, demo_definition())
            _morning(HallService(store, "demo", CLOCK))
            window = open_kiosk(store, CLOCK, Path(folder) / "tickets", language)
            for name, step in _screens(window):
                step()
                _save(window, name, language)
            _diversion(window, HallService(store, "demo", CLOCK), language)
            window.close()
            _portrait(store, Path(folder), language)
            _card_reader(store, Path(folder), language)
            store.close()
        _ticket_page(Path(folder))


def _ticket_page(folder: Path) -> None:
    """The printed ticket and slip, rendered as the thermal roll would show them."""
    pdf = sorted((folder / "tickets").glob("*.pdf"))[-1]
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "110",
            "-singlefile",
            str(pdf),
            str(SHOTS / "kiosk-ticket-print"),
        ],
        check=True,
    )


if __name__ == "__main__":
    main()
