"""Service and sales on the shift lead's monitor (营销服务一体化): the customers on the
sensitive-complaint list who took a ticket today, until she acknowledges each; the open
complaint cases, whose call-back she assigns, records and closes; a complaint she logs
about a ticket of the day; and the feedback of the campaigns running today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter.screen import named
from counter.screen.service_sources import ServiceSource
from counter.screen.sources import Lead
from counter.screen.tables import Column, RowsModel, share
from shared.services.cases import CaseNow
from shared.services.customer_flags import FlagNow
from shared.services.lead_service import LeadService
from shared.vocabulary import CallbackOutcome, CaseReason, SpecialList


def _time(value: object) -> str:
    return value.strftime("%H:%M") if isinstance(value, dt.datetime) else "-"


def _opened(value: object) -> str:
    return value.strftime("%m-%d %H:%M") if isinstance(value, dt.datetime) else "-"


def _table(model: RowsModel, selectable: bool) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    if selectable:
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    else:
        view.setSelectionMode(QTableView.SelectionMode.NoSelection)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class ServicePanel(QWidget):
    """Re-read with the floor. `attention` carries the tab's title, with the number of
    flags awaiting acknowledgement; `flag_line` is the banner's line about them."""

    attention = Signal(str)

    def __init__(self, source: ServiceSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("servicePanel")
        self.source = source
        self.lead: Lead | None = None
        self.service: LeadService | None = None
        self.flag_line = named(QLabel(), "flagLine")
        self.flag_line.setWordWrap(True)
        self.flag_line.hide()
        self.message = named(QLabel(), "serviceMessage")
        self.message.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(self._flags_box(), 0, 0)
        grid.addWidget(self._cases_box(), 0, 1, 2, 1)
        grid.addWidget(self._feedback_box(), 1, 0)
        grid.addWidget(self.message, 2, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)

    # ----- building -----

    def _flags_box(self) -> QGroupBox:
        self.flags_model = RowsModel(
            [
                Column(self.tr("Ticket"), lambda f: f.ticket),
                Column(self.tr("Taken at"), lambda f: f.issued_at, _time),
                Column(self.tr("List"), lambda f: self.list_name(f.list)),
                Column(self.tr("Acknowledged by"), lambda f: f.acknowledged_by),
                Column(self.tr("At"), lambda f: f.acknowledged_at, _time),
            ]
        )
        self.flags_view = named(_table(self.flags_model, True), "flagsTable")
        self.ack_flag_button = named(QPushButton(self.tr("Acknowledge flag")), "ackFlagButton")
        self.ack_flag_button.clicked.connect(self.acknowledge_flag)
        self.no_flag = named(QLabel(self.tr("No flagged customer today.")), "noFlag")
        box = named(QGroupBox(self.tr("Flagged customers today")), "flagsBox")
        layout = QVBoxLayout(box)
        layout.addWidget(self.flags_view)
        layout.addWidget(self.no_flag)
        layout.addWidget(self.ack_flag_button)
        return box

    def _cases_box(self) -> QGroupBox:
        self.cases_model = RowsModel(
            [
                Column(self.tr("Case"), lambda c: c.number),
                Column(self.tr("Ticket"), lambda c: f"{c.ticket} ({c.business_day:%m-%d})"),
                Column(self.tr("Clerk"), lambda c: c.clerk),
                Column(self.tr("Why"), lambda c: self.reason_name(c.reason)),
                Column(self.tr("Opened"), lambda c: c.opened_at, _opened),
                Column(self.tr("Call-back by"), lambda c: c.callback_by),
                Column(
                    self.tr("Call-back"),
                    lambda c: self.outcome_name(c.callback_outcome) if c.callback_outcome else None,
                ),
                Column(self.tr("Note"), lambda c: c.note or None),
            ]
        )
        self.cases_view = named(_table(self.cases_model, True), "casesTable")
        self.cases_view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.no_case = named(QLabel(self.tr("No open case.")), "noCase")
        self.assign_to = named(QComboBox(), "assignTo")
        self.assign_button = named(QPushButton(self.tr("Assign call-back")), "assignButton")
        self.assign_button.clicked.connect(self.assign)
        self.outcome_buttons: dict[str, QPushButton] = {}
        for outcome in CallbackOutcome:
            button = named(QPushButton(self.outcome_name(outcome)), f"callback_{outcome}")
            button.clicked.connect(lambda _=False, went=str(outcome): self.called_back(went))
            self.outcome_buttons[str(outcome)] = button
        self.close_button = named(QPushButton(self.tr("Close case")), "closeCaseButton")
        self.close_button.clicked.connect(self.close_case)
        self.complaint_ticket = named(QLineEdit(), "complaintTicket")
        self.complaint_ticket.setPlaceholderText(self.tr("Ticket, e.g. A012"))
        self.complaint_ticket.setMaxLength(4)
        self.complaint_ticket.setFixedWidth(140)
        self.complaint_note = named(QLineEdit(), "complaintNote")
        self.complaint_note.setPlaceholderText(self.tr("What the customer complains about"))
        self.complaint_note.setMaxLength(200)
        self.complaint_note.returnPressed.connect(self.log_complaint)
        self.complaint_button = named(QPushButton(self.tr("Log complaint")), "logComplaintButton")
        self.complaint_button.clicked.connect(self.log_complaint)
        assign = QHBoxLayout()
        assign.addWidget(QLabel(self.tr("Call-back by")))
        assign.addWidget(self.assign_to, 1)
        assign.addWidget(self.assign_button)
        went = QHBoxLayout()
        went.addWidget(QLabel(self.tr("The call went:")))
        for button in self.outcome_buttons.values():
            went.addWidget(button)
        went.addStretch(1)
        went.addWidget(self.close_button)
        complain = QHBoxLayout()
        complain.addWidget(self.complaint_ticket)
        complain.addWidget(self.complaint_note, 1)
        complain.addWidget(self.complaint_button)
        box = named(QGroupBox(self.tr("Open complaint cases")), "casesBox")
        layout = QVBoxLayout(box)
        layout.addWidget(self.cases_view, 1)
        layout.addWidget(self.no_case)
        layout.addLayout(assign)
        layout.addLayout(went)
        layout.addWidget(QLabel(self.tr("Log a complaint about a ticket of today:")))
        layout.addLayout(complain)
        return box

    def _feedback_box(self) -> QGroupBox:
        self.feedback_model = RowsModel(
            [
                Column(self.tr("Campaign"), lambda r: r.campaign),
                Column(self.tr("Targets"), lambda r: r.targets),
                Column(self.tr("Seen"), lambda r: r.seen),
                Column(self.tr("Offered"), lambda r: r.offered),
                Column(self.tr("Accepted"), lambda r: r.accepted),
                Column(self.tr("Acceptance"), lambda r: r.acceptance_rate, share),
                Column(self.tr("Revenue (yuan)"), lambda r: r.revenue),
            ]
        )
        self.feedback_view = named(_table(self.feedback_model, False), "feedbackTable")
        self.no_campaign = named(QLabel(self.tr("No campaign runs today.")), "noCampaign")
        box = named(
            QGroupBox(self.tr("Campaign feedback (campaigns running today)")), "feedbackBox"
        )
        layout = QVBoxLayout(box)
        layout.addWidget(self.feedback_view)
        layout.addWidget(self.no_campaign)
        return box

    # ----- words -----

    def title(self) -> str:
        """The monitor's tab for the panel."""
        return self.tr("Service and sales")

    def list_name(self, kind: str) -> str:
        names: dict[str, str] = {
            SpecialList.SENSITIVE_COMPLAINT: self.tr("Sensitive complaints"),
            SpecialList.BLACKLIST: self.tr("Blacklist"),
            SpecialList.GREYLIST: self.tr("Greylist"),
            SpecialList.DO_NOT_DISTURB: self.tr("Do not disturb"),
        }
        return names.get(kind, kind)

    def reason_name(self, reason: str) -> str:
        names: dict[str, str] = {
            CaseReason.DISSATISFIED: self.tr("Dissatisfied rating"),
            CaseReason.DECLINED_SIGNATURE: self.tr("Declined to sign"),
            CaseReason.COMPLAINT: self.tr("Complaint logged"),
        }
        return names.get(reason, reason)

    def outcome_name(self, outcome: str) -> str:
        names: dict[str, str] = {
            CallbackOutcome.RESOLVED: self.tr("Resolved"),
            CallbackOutcome.NOT_REACHED: self.tr("Not reached"),
            CallbackOutcome.ESCALATED: self.tr("Escalated"),
        }
        return names.get(outcome, outcome)

    # ----- reading -----

    def read(self, lead: Lead) -> None:
        """While the reading fails the panel keeps what it showed; the line says why."""
        self.lead = lead
        self.source.read(lead, self.present, self.message.setText)

    def present(self, service: LeadService) -> None:
        chosen = self.chosen_case()
        self.service = service
        self.flags_model.set_rows(service.flags)
        self.flags_view.setVisible(bool(service.flags))
        self.no_flag.setVisible(not service.flags)
        self.cases_model.set_rows(service.cases)
        self.cases_view.setVisible(bool(service.cases))
        self.no_case.setVisible(not service.cases)
        numbers = [case.number for case in service.cases]
        if chosen is not None and chosen.number in numbers:
            self.cases_view.selectRow(numbers.index(chosen.number))
        self.feedback_model.set_rows(service.feedback)
        self.feedback_view.setVisible(bool(service.feedback))
        self.no_campaign.setVisible(not service.feedback)
        picked = self.assign_to.currentData()
        self.assign_to.clear()
        for member in service.staff:
            self.assign_to.addItem(f"{member.staff_id} {member.name}", member.staff_id)
        if picked is not None and (index := self.assign_to.findData(picked)) >= 0:
            self.assign_to.setCurrentIndex(index)
        waiting = [flag for flag in service.flags if flag.acknowledged_at is None]
        if waiting:
            self.flag_line.setText(
                self.tr("Flagged customer: %1 took a ticket at %2 (%3). See Service and sales.")
                .replace("%1", ", ".join(flag.ticket for flag in waiting))
                .replace("%2", _time(waiting[-1].issued_at))
                .replace("%3", self.list_name(waiting[-1].list))
            )
        self.flag_line.setVisible(bool(waiting))
        title = self.title()
        self.attention.emit(f"{title} ({len(waiting)})" if waiting else title)
        self._enable()

    def chosen_case(self) -> CaseNow | None:
        rows = self.cases_view.selectionModel().selectedRows()
        if not rows or self.service is None:
            return None
        return self.cases_model.row(rows[0].row())

    def chosen_flag(self) -> FlagNow | None:
        """The flag chosen in the table, else the oldest awaiting acknowledgement."""
        rows = self.flags_view.selectionModel().selectedRows()
        if rows:
            return self.flags_model.row(rows[0].row())
        waiting = [f for f in (self.service.flags if self.service else []) if not f.acknowledged_at]
        return waiting[0] if waiting else None

    def _enable(self) -> None:
        case = self.chosen_case()
        flags = self.service.flags if self.service is not None else []
        self.ack_flag_button.setEnabled(any(f.acknowledged_at is None for f in flags))
        self.assign_button.setEnabled(case is not None and self.assign_to.count() > 0)
        for button in self.outcome_buttons.values():
            button.setEnabled(case is not None and case.callback_by is not None)
        self.close_button.setEnabled(case is not None)

    # ----- acting -----

    def _done(self, text: str) -> None:
        self.message.setText(text)
        if self.lead is not None:
            self.read(self.lead)

    def acknowledge_flag(self) -> None:
        flag = self.chosen_flag()
        if self.lead is None or flag is None:
            return
        self.source.acknowledge_flag(
            self.lead,
            flag.ticket,
            lambda: self._done(self.tr("Flag on %1 acknowledged.").replace("%1", flag.ticket)),
            self.message.setText,
        )

    def assign(self) -> None:
        case, staff_id = self.chosen_case(), self.assign_to.currentData()
        if self.lead is None or case is None or staff_id is None:
            return
        self.source.assign(
            self.lead,
            case.number,
            staff_id,
            lambda: self._done(
                self.tr("Case %1: call-back given to %2.")
                .replace("%1", str(case.number))
                .replace("%2", staff_id)
            ),
            self.message.setText,
        )

    def called_back(self, outcome: str) -> None:
        case = self.chosen_case()
        if self.lead is None or case is None:
            return
        self.source.called_back(
            self.lead,
            case.number,
            outcome,
            lambda: self._done(
                self.tr("Case %1: call-back %2.")
                .replace("%1", str(case.number))
                .replace("%2", self.outcome_name(outcome))
            ),
            self.message.setText,
        )

    def close_case(self) -> None:
        case = self.chosen_case()
        if self.lead is None or case is None:
            return
        self.source.close(
            self.lead,
            case.number,
            lambda: self._done(self.tr("Case %1 closed.").replace("%1", str(case.number))),
            self.message.setText,
        )

    def log_complaint(self) -> None:
        ticket = self.complaint_ticket.text().strip().upper()
        note = self.complaint_note.text().strip()
        if self.lead is None:
            return
        if not ticket or not note:
            self.message.setText(self.tr("Give the ticket and what the customer complains about."))
            return

        def logged() -> None:
            self.complaint_ticket.clear()
            self.complaint_note.clear()
            self._done(self.tr("Complaint on %1 logged: a case is open.").replace("%1", ticket))

        self.source.log_complaint(self.lead, ticket, note, logged, self.message.setText)
