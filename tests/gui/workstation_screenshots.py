"""The workstation's and customer screen's screenshots for the README, in one language:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.workstation_screenshots zh
    QT_QPA_PLATFORM=offscreen python -m tests.gui.workstation_screenshots en

A demo store in a temporary folder, a morning of service, then each screen as a clerk and
a customer see it at 1920×1080 (the serving screen also at 1366×768):
docs/screenshots/workstation-*-<lang>.png and customer-*-<lang>.png;
in Chinese also the first page of a signed form (docs/screenshots/service-form.png).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from counter.app import make_application
from counter.customer.signature_pad import BASELINE
from counter.customer.window import CustomerWindow
from counter.workstation.window import WorkstationWindow
from shared.resources import style_sheet
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import FixedClock
from shared.store.database import Store, open_store
from shared.store.models import ServiceForm

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
FULL_HD, SMALL = (1920, 1080), (1366, 768)
SIM = {"name": "张三丰", "id_number": "11010519491231002X", "reason": "丢失"}
SIGNATURE = [
    [(60, 160), (90, 90), (120, 170), (150, 95), (175, 150)],
    [(210, 100), (260, 98), (235, 100), (238, 175)],
    [(290, 120), (330, 110), (320, 170), (360, 165), (400, 120)],
]


def shoot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))
    print(SHOTS / name)


def morning(hall: HallService, clock: FixedClock) -> None:
    """Counter 2 serves a few customers before the one on the screenshots."""
    hall.open_counter(2, "E002")
    for amount in ("50元", "100元", "30元"):
        hall.issue("topup")
        clock.advance(240)
        hall.call(2)
        clock.advance(150)
        hall.finish(2, fields={"topup": {"amount": amount, "pay_method": "微信"}})
        hall.rate(2, "satisfied")


def draw(pad: QWidget) -> None:
    """The signature written on the pad's signing line, as a customer writes it."""
    lift = int(pad.height() * BASELINE) - 180
    for stroke in SIGNATURE:
        points = [QPoint(x, y + lift) for x, y in stroke]
        QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
        for point in points[1:]:
            QTest.mouseMove(pad, point)
        QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def demo_hall() -> tuple[Path, Store, FixedClock, HallService]:
    """A demo store in a temporary folder, its clock stopped at 09:00 on a Monday."""
    folder = Path(tempfile.mkdtemp(prefix="hallq-shots-"))
    store = open_store(str(folder / "hall.sqlite3"))
    with store.write() as session:
        load_hall(session, demo_definition())
    clock = FixedClock(dt.datetime(2026, 11, 23, 9, 0))
    return folder, store, clock, HallService(store, "demo", clock)


def main(language: str) -> None:
    folder, store, clock, hall = demo_hall()
    app = make_application([], language)
    app.setStyleSheet(style_sheet("workstation"))
    customer = CustomerWindow(store, "demo", 2, language=language, clock=clock)
    window = WorkstationWindow(store, "demo", 2, language=language, customer=customer, clock=clock)
    window.resize(*FULL_HD)
    customer.resize(*FULL_HD)
    window.show()
    customer.show()
    window.sign_in("E002", "0000")  # a wrong PIN: the page says how many tries are left
    shoot(window, f"workstation-sign-in-{language}.png")

    morning(hall, clock)
    hall.open_counter(1, "E001")
    slip = hall.issue("sim_replace", phone="13812345678", slip=SIM).slip_code
    for business in ("plan_change", "topup", "bill_payment", "new_account", "topup"):
        hall.issue(business)
        clock.advance(70)
    clock.advance(70)
    window.sign_in("E002", "1234")
    window.call_next()
    clock.advance(30)
    window.scan.setText(slip or "")
    window.scan_slip()
    shoot(window, f"workstation-serving-{language}.png")
    window.resize(*SMALL)  # the smaller counter screen: the same, in the ordinary sizes
    shoot(window, f"workstation-serving-1366-{language}.png")
    window.resize(*FULL_HD)

    window.form.fill("plan_change", {"new_plan": "5G智享 168元", "effective": "次月生效"})
    window.form.sections[0].inputs["iccid"].setText("89860012345678901234")
    window.offer_panel.recommended.setChecked(True)
    window.offer_panel.accepted.setChecked(True)
    window.form.notes.setText("已告知补卡工本费" if language == "zh" else "told the fee")
    shoot(window, f"workstation-form-{language}.png")

    clock.advance(300)
    window.finish()
    shoot(customer, f"customer-form-{language}.png")
    customer.confirm_button.click()
    QApplication.processEvents()
    shoot(customer, f"customer-sign-here-{language}.png")
    draw(customer.pad)
    shoot(customer, f"customer-signature-{language}.png")
    customer.submit_button.click()
    shoot(customer, f"customer-rating-{language}.png")
    shoot(window, f"workstation-after-finish-{language}.png")
    customer.rating_buttons["dissatisfied"].click()
    shoot(customer, f"customer-reason-{language}.png")
    if language == "zh":
        with store.read() as session:
            pdf = session.query(ServiceForm.pdf).one()[0]
        (folder / "form.pdf").write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
             str(folder / "form.pdf"), str(SHOTS / "service-form")],
            check=True,
        )  # fmt: skip
        print(SHOTS / "service-form.png")
    window.close()
    customer.close()
    store.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "zh")
