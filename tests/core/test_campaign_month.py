"""A scripted November with two campaigns, the special lists, offers at two counters and
complaint cases with their call-backs. Every figure asserted here was counted by hand from
the script below (the comments give the counting), not read from the code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from shared.archive.forms import archive_form
from shared.documents.report import write_reports
from shared.figures.clerks import clerk_figures
from shared.rules.permissions import Actor
from shared.services.campaigns import (
    add_campaign,
    campaign_report,
    import_special_list,
    import_targets,
)
from shared.services.cases import (
    assign_callback,
    case_report,
    close_case,
    list_cases,
    log_complaint,
    record_callback,
)
from shared.services.hall import HallService
from shared.services.offers import offer_at_counter, record_offer
from shared.services.purge import purge_personal_data
from shared.services.roles import change_settings_as
from shared.store.clock import FixedClock
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import Business, Case, Clerk, Offer, Transaction
from shared.vocabulary import Role

P = {n: f"137000000{n:02d}" for n in range(1, 11)}  # P1..P10, none in the directory
C1, C2 = "5G升级", "宽带融合"
SLIP = {"name": "张三", "id_number": "11010519491231002X", "plan": "5G畅享 128元"}


def actor(store: Store, staff_id: str, counter: int | None = None) -> Actor:
    """The actor the server would prove for `staff_id` signed in at `counter`."""
    with store.read() as session:
        clerk = session.scalars(select(Clerk).where(Clerk.staff_id == staff_id)).one()
        return Actor(
            hall_id=clerk.hall_id,
            name=staff_id,
            role=Role(clerk.role),
            clerk_id=clerk.id,
            counter=counter,
        )


class November:
    """The hall, its clock and its people, with one visit as one call."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.clock = FixedClock(dt.datetime(2026, 11, 1, 8, 0))
        self.hall = HallService(store, "demo", self.clock)
        self.clerks = {2: actor(store, "E002", 2), 3: actor(store, "E003", 3)}
        self.lead = actor(store, "M001")

    def at(self, day: int, hour: int, minute: int = 0) -> None:
        self.clock.set(dt.datetime(2026, 11, day, hour, minute))

    def open_day(self, day: int) -> None:
        self.at(day, 9)
        self.hall.open_counter(2, "E002")
        self.hall.open_counter(3, "E003")

    def close_day(self) -> None:
        self.clock.advance(600)
        self.hall.close_counter(2)
        self.hall.close_counter(3)

    def visit(
        self,
        phone: str | None,
        counter: int,
        shown: str | None,
        outcome: str | None = None,
        *,
        reason: str | None = None,
        rating: str | None = None,
        recommended: bool = False,
        slip: dict[str, object] | None = None,
    ) -> str:
        """A customer takes a ticket, is called, sees `shown` (the offer's campaign or
        None), and the clerk records `outcome` of it; then the visit is finished."""
        business = "new_account" if slip else "topup"
        issued = self.hall.issue(business, phone=phone, slip=slip)
        self.clock.advance(60)
        assert self.hall.call(counter).ticket == issued.ticket
        clerk = self.clerks[counter]
        offer = offer_at_counter(self.store, "demo", clerk, counter, clock=self.clock)
        assert (offer.campaign if offer else None) == shown, issued.ticket
        if outcome is not None:
            assert offer is not None
            self.clock.advance(30)
            record_offer(
                self.store,
                "demo",
                clerk,
                counter,
                campaign=offer.campaign,
                outcome=outcome,
                reason=reason,
                clock=self.clock,
            )
            after = offer_at_counter(self.store, "demo", clerk, counter, clock=self.clock)
            if outcome != "not_offered":  # one offer at a time: none after one is made
                assert after is None
        self.clock.advance(120)
        self.hall.finish(counter, recommended=recommended)
        if rating is not None:
            self.clock.advance(10)
            self.hall.rate(counter, rating)
        self.clock.advance(30)
        return issued.ticket


@pytest.fixture
def month(store: Store) -> November:
    play = November(store)
    lead = play.lead
    change_settings_as(store, "demo", "M001", {"offer_rest_days": 7}, source="test")
    play.at(1, 8)
    add_campaign(
        store, "demo", lead, name=C1, business="plan_change",
        starts_on=dt.date(2026, 11, 2), ends_on=dt.date(2026, 11, 27), clock=play.clock,
    )  # fmt: skip
    add_campaign(
        store, "demo", lead, name=C2, business="service_change",
        starts_on=dt.date(2026, 11, 16), ends_on=dt.date(2026, 11, 30), clock=play.clock,
    )  # fmt: skip
    import_special_list(
        store, "demo", lead, "blacklist", f"{P[7]}\n".encode(), file_name="black.csv",
        clock=play.clock,
    )  # fmt: skip
    c1 = "手机号码,分群,话术\n" + "".join(
        f"{P[n]},存量,您的套餐可升级5G\n" for n in (1, 2, 3, 4, 5, 6, 7, 8)
    )
    imported = import_targets(
        store, "demo", lead, C1, c1.encode("gbk"), file_name="c1.csv", clock=play.clock
    )
    assert imported.as_json() == {
        "rows": 8, "added": 7, "already": 0, "excluded": {"blacklist": 1}
    }  # fmt: skip
    c2 = f"\ufeff{P[1]}\n{P[2]},宽带,家里装宽带吗\n{P[9]}\n".encode()
    import_targets(store, "demo", lead, C2, c2, file_name="c2.csv", clock=play.clock)

    # 11-02: P1 accepts C1 at counter 2; P2 declines at 3 and rates 不满意 (case 1);
    # the clerk at 2 does not make it to P3 (in a hurry); P10, no target, gets a
    # recommendation without a campaign at 3.
    play.open_day(2)
    play.visit(P[1], 2, C1, "accepted", rating="satisfied")
    play.visit(P[2], 3, C1, "declined", rating="dissatisfied")
    play.visit(P[3], 2, C1, "not_offered", reason="in_a_hurry")
    play.visit(P[10], 3, None, recommended=True)
    play.close_day()
    play.at(2, 18)
    assign_callback(store, "demo", lead, 1, "E001", clock=play.clock)
    play.at(3, 10)
    record_callback(store, "demo", lead, 1, "resolved", clock=play.clock)
    close_case(store, "demo", lead, 1, clock=play.clock)  # 25 h after opening: in time

    # 11-04: P8 asks not to be disturbed.
    play.at(4, 12)
    import_special_list(
        store, "demo", lead, "do_not_disturb", f"手机\n{P[8]}\n".encode(),
        file_name="dnd.csv", clock=play.clock,
    )  # fmt: skip

    # 11-05: P3 is offered C1 (not made before); P1 was offered 3 days ago (rest 7 days);
    # P8 is on the do-not-disturb list.
    play.open_day(5)
    play.visit(P[3], 3, C1, "offered")
    play.visit(P[1], 2, None)
    play.visit(P[8], 2, None)
    play.close_day()

    # 11-10: P1 had C1 made already and C2 has not started; P4 accepts C1 and declines
    # to sign the form (case 2).
    play.open_day(10)
    play.visit(P[1], 3, None)
    ticket = play.visit(P[4], 3, C1, "accepted", rating="neutral")
    archive_form(store, "demo", ticket, decline_reason="看不清", clock=play.clock)
    play.close_day()
    play.at(10, 20)
    assign_callback(store, "demo", lead, 2, "E001", clock=play.clock)
    play.at(11, 10)
    record_callback(store, "demo", lead, 2, "not_reached", clock=play.clock)
    play.at(14, 10)
    close_case(store, "demo", lead, 2, clock=play.clock)  # 4 days after: late

    # 11-17: C2 runs. P2 declined C1 and gets C2, accepted; P9 declines C2; P5 is offered
    # C1, and the clerk at 2 logs P5's complaint (case 3), closed the same day.
    play.open_day(17)
    play.visit(P[2], 2, C2, "accepted")
    play.visit(P[9], 3, C2, "declined")
    ticket = play.visit(P[5], 2, C1, "offered")
    log_complaint(store, "demo", play.clerks[2], ticket, note="等候太久", clock=play.clock)
    play.close_day()
    play.at(17, 19)
    close_case(store, "demo", lead, 3, clock=play.clock)

    # 11-24: P6, known from the slip's contact number, declines C1; P1 is shown C2, not
    # made (unsuitable), and rates 不满意 (case 4, assigned, still open).
    play.open_day(24)
    play.visit(None, 2, C1, "declined", slip={**SLIP, "contact": P[6]})
    play.visit(P[1], 3, C2, "not_offered", reason="unsuitable", rating="dissatisfied")
    play.close_day()
    assign_callback(store, "demo", lead, 4, "E002", clock=play.clock)

    # 11-28: C1 has ended; P5 is no target of C2.
    play.open_day(28)
    play.visit(P[5], 2, None)
    play.close_day()
    return play


def _row(rows: list, campaign: str, clerk: str | None) -> dict:
    found = [r.as_json() for r in rows if r.campaign == campaign and r.clerk == clerk]
    assert len(found) == 1
    skipped = ("campaign", "business", "clerk", "value", "revenue")  # no value set: 0 yuan
    return {k: v for k, v in found[0].items() if k not in skipped}


def test_campaign_feedback_of_the_month_is_as_counted_by_hand(month: November) -> None:
    rows = campaign_report(month.store, "demo", month.lead)
    # C1 targets: P1-P6 and P8 (P7 on the blacklist at import) = 7. Seen (its days, 11-02
    # to 11-27): P1, P2, P3, P4, P5, P6, P8 = 7; at counter 2 (E002) P1, P3, P8, P2, P5,
    # P6 = 6; at 3 (E003) P2, P3, P1, P4 = 4. Offers: E002 accepted P1, not P3, offered
    # P5, declined P6; E003 declined P2, offered P3, accepted P4.
    assert _row(rows, C1, None) == {
        "targets": 7, "seen": 7, "offered": 6, "accepted": 2, "declined": 2,
        "not_offered": 1, "acceptance_rate": 2 / 6,
    }  # fmt: skip
    assert _row(rows, C1, "E002") == {
        "targets": 7, "seen": 6, "offered": 3, "accepted": 1, "declined": 1,
        "not_offered": 1, "acceptance_rate": 1 / 3,
    }  # fmt: skip
    assert _row(rows, C1, "E003") == {
        "targets": 7, "seen": 4, "offered": 3, "accepted": 1, "declined": 1,
        "not_offered": 0, "acceptance_rate": 1 / 3,
    }  # fmt: skip
    # C2 targets P1, P2, P9; seen from 11-16: P2 (E002), P9 and P1 (E003).
    assert _row(rows, C2, None) == {
        "targets": 3, "seen": 3, "offered": 2, "accepted": 1, "declined": 1,
        "not_offered": 1, "acceptance_rate": 0.5,
    }  # fmt: skip
    assert _row(rows, C2, "E002")["seen"] == 1
    assert _row(rows, C2, "E002")["acceptance_rate"] == 1.0
    assert _row(rows, C2, "E003") == {
        "targets": 3, "seen": 2, "offered": 1, "accepted": 0, "declined": 1,
        "not_offered": 1, "acceptance_rate": 0.0,
    }  # fmt: skip
    assert [(r.campaign, r.clerk) for r in rows] == [
        (C1, None), (C1, "E002"), (C1, "E003"), (C2, None), (C2, "E002"), (C2, "E003")
    ]  # fmt: skip


def test_case_figures_of_the_month_are_as_counted_by_hand(month: November) -> None:
    rows = {
        r.clerk: r.as_json()
        for r in case_report(
            month.store, "demo", month.lead, dt.date(2026, 11, 1), dt.date(2026, 11, 30)
        )
    }
    # Finished: E002 on 11-02 (2), 11-05 (2), 11-17 (2), 11-24 (1), 11-28 (1) = 8;
    # E003 on 11-02 (2), 11-05 (1), 11-10 (2), 11-17 (1), 11-24 (1) = 7.
    # Cases: E003 1 (closed in 25 h, called back), 2 (closed after 4 days, called back),
    # 4 (open); E002 3 (closed the same day, no call-back). Deadline 48 h.
    assert rows["E002"] == {
        "clerk": "E002", "handled": 8, "cases": 1, "complaint_rate": 1 / 8,
        "closed_in_time": 1, "closed_in_time_rate": 1.0, "called_back": 0,
        "callback_rate": 0.0,
    }  # fmt: skip
    assert rows["E003"] == {
        "clerk": "E003", "handled": 7, "cases": 3, "complaint_rate": 3 / 7,
        "closed_in_time": 1, "closed_in_time_rate": 1 / 3, "called_back": 2,
        "callback_rate": 2 / 3,
    }  # fmt: skip
    assert rows[None] == {
        "clerk": None, "handled": 15, "cases": 4, "complaint_rate": 4 / 15,
        "closed_in_time": 2, "closed_in_time_rate": 0.5, "called_back": 2,
        "callback_rate": 0.5,
    }  # fmt: skip
    reasons = [(c.number, c.clerk, c.reason) for c in list_cases(month.store, "demo", month.lead)]
    assert reasons == [
        (1, "E003", "dissatisfied"), (2, "E003", "declined_signature"),
        (3, "E002", "complaint"), (4, "E003", "dissatisfied"),
    ]  # fmt: skip
    still_open = list_cases(month.store, "demo", month.lead, open_only=True)
    assert [(c.number, c.callback_by) for c in still_open] == [(4, "E002")]


def test_an_accepted_offer_is_a_transaction_and_counts_as_recommended_and_taken(
    month: November,
) -> None:
    with month.store.read() as session:
        taken = session.execute(
            select(Offer.phone, Business.key, Transaction.recommended, Transaction.accepted)
            .join(Transaction, Transaction.id == Offer.transaction_id)
            .join(Business, Business.id == Transaction.business_id)
            .order_by(Offer.id)
        ).all()
        figures = {
            f.clerk: (f.recommended, f.accepted)
            for f in clerk_figures(session, find_hall(session, "demo"), dt.date(2026, 11, 2))
        }
    assert [tuple(row) for row in taken] == [
        (P[1], "plan_change", True, True),
        (P[4], "plan_change", True, True),
        (P[2], "service_change", True, True),
    ]
    # 11-02: E002 made one offer (accepted; P3's was not made); E003 made one (declined)
    # and recommended without a campaign to P10 (not taken).
    assert figures == {"E002": (1, 1), "E003": (2, 0)}


def test_the_month_report_prints_the_campaign_feedback_and_the_complaints(
    month: November, tmp_path: Path
) -> None:
    written = write_reports(month.store, "demo", tmp_path, month="2026-11")
    text = "\n".join(page.extract_text() for page in PdfReader(written[0].pdf).pages)
    assert "Campaign feedback" in text and C1 in text and C2 in text
    assert "33.3%" in text  # C1's acceptance rate, 2 of 6
    assert "Complaints and call-backs" in text and "26.7%" in text  # 4 cases of 15


def test_the_purge_erases_the_numbers_offers_were_made_to_and_complaint_notes(
    month: November,
) -> None:
    purge_personal_data(month.store, "demo", before=dt.date(2026, 11, 20), clock=month.clock)
    with month.store.read() as session:
        phones = session.execute(select(Offer.business_day, Offer.phone)).all()
        notes = session.execute(select(Case.id, Case.note)).all()
    assert {phone for day, phone in phones if day < dt.date(2026, 11, 20)} == {""}
    assert {phone for day, phone in phones if day >= dt.date(2026, 11, 20)} == {P[6], P[1]}
    assert dict(notes)[3] == ""  # the complaint of 11-17
    report = {(r.campaign, r.clerk): r for r in campaign_report(month.store, "demo", month.lead)}
    assert report[(C1, None)].offered == 6  # offers stay; only whose they were goes
