"""Screenshots of service and sales: the workstation's offer panel with a targeted
customer's campaign and script line, the same panel with a customer to serve with care,
and the shift lead's Service and sales tab with a flagged customer, open cases and the
running campaign's feedback, at 1920×1080.

Run once per language: `python -m tests.gui.offer_screenshots --language zh` (and `en`).
Writes docs/screenshots/workstation-offer-<language>.png, workstation-care-<language>.png
and monitor-service-<language>.png.
"""

from __future__ import annotations

import argparse

from PySide6.QtWidgets import QApplication

from counter.app import make_application
from counter.customer.window import CustomerWindow
from counter.screen.monitor import LeadMonitor
from counter.screen.sources import StoreSource
from counter.workstation.window import WorkstationWindow
from shared.resources import style_sheet
from shared.services.cases import assign_callback
from shared.services.offers import record_offer
from shared.services.staff import staff_actor
from tests.gui.offer_setup import CAMPAIGN, LISTED, TARGET, run_campaign
from tests.gui.workstation_screenshots import demo_hall, shoot

SIZE = (1920, 1080)


def main(language: str) -> None:
    _folder, store, clock, hall = demo_hall()
    run_campaign(store, clock)
    app = make_application([], language)
    app.setStyleSheet(style_sheet("workstation"))
    # Earlier this morning: one offer accepted at counter 1, and two unhappy customers.
    hall.open_counter(1, "E001")
    clerk = staff_actor(store, "demo", "E001", 1)
    for phone, rating in ((LISTED["greylist"], "dissatisfied"), ("13911112222", "dissatisfied")):
        issued = hall.issue("topup", phone=phone)
        clock.advance(40)
        hall.call(1)
        clock.advance(200)
        hall.finish(1)
        hall.rate(1, rating, ticket=issued.ticket)
    hall.issue("topup", phone=TARGET)
    hall.call(1)
    record_offer(store, "demo", clerk, 1, campaign=CAMPAIGN, outcome="accepted", clock=clock)
    clock.advance(180)
    hall.finish(1)
    assign_callback(store, "demo", None, 1, "E003", clock=clock)

    customer = CustomerWindow(store, "demo", 2, language=language, clock=clock)
    window = WorkstationWindow(store, "demo", 2, language=language, customer=customer, clock=clock)
    window.resize(*SIZE)
    window.show()
    window.sign_in("E002", "1234")
    window.open_counter()
    hall.issue("plan_change", phone="15012340009")
    clock.advance(90)
    window.call_next()
    clock.advance(20)
    shoot(window, f"workstation-offer-{language}.png")
    window.offer_panel.declined_button.click()
    window.form.fill("plan_change", {"new_plan": "5G智享 168元", "effective": "次月生效"})
    window.finish()
    flagged = hall.issue("topup", phone=LISTED["sensitive_complaint"])
    clock.advance(60)
    window.call_next()
    assert window.ticket_label.text() == flagged.ticket, window.message.text()
    shoot(window, f"workstation-care-{language}.png")

    app.setStyleSheet(style_sheet("screen"))
    monitor = LeadMonitor(StoreSource(store, "demo", clock), language)
    monitor.resize(*SIZE)
    monitor.show()
    monitor.sign_in("M001", "2468")
    monitor.tabs.setCurrentWidget(monitor.service_panel)
    QApplication.processEvents()
    shoot(monitor, f"monitor-service-{language}.png")
    for shown in (monitor, window, customer):
        shown.close()
    store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    main(parser.parse_args().language)
