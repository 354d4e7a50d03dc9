"""The offer at the counter (营销服务一体化): for the customer called to the counter, the
one campaign to offer with its script line, and the clerk's record of what came of it by
click or key (Ctrl+1 offered, Ctrl+2 accepted, Ctrl+3 declined, Ctrl+4 not offered, with a
reason). When the hall does not know the customer's number the clerk may type it. A
recommendation made without a campaign is two ticks, as before; a complaint the customer
makes is logged here too. A customer the hall asks to treat with particular care shows a
discreet mark, never the name of the list."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter.workstation.offer_sources import OfferSource
from counter.workstation.sources import Clerk
from shared.services.offers import CustomerAtCounter, OfferShown
from shared.vocabulary import NoOfferReason, OfferOutcome


def tr(text: str) -> str:
    return QCoreApplication.translate("OfferPanel", text)


def outcome_words() -> dict[str, str]:
    return {
        OfferOutcome.OFFERED: tr("offered, the customer will think about it"),
        OfferOutcome.ACCEPTED: tr("accepted"),
        OfferOutcome.DECLINED: tr("declined"),
        OfferOutcome.NOT_OFFERED: tr("not offered"),
    }


def reason_words() -> list[tuple[str, str]]:
    return [
        (NoOfferReason.IN_A_HURRY, tr("The customer is in a hurry")),
        (NoOfferReason.UNSUITABLE, tr("The offer does not suit the customer")),
        (NoOfferReason.ALREADY_HAS, tr("The customer already has it")),
        (NoOfferReason.UPSET, tr("The customer is upset")),
    ]


class OfferPanel(QGroupBox):
    """Re-read with the counter while a ticket is served; `changed` asks the window to
    re-read the counter once something was recorded."""

    def __init__(
        self,
        source: OfferSource,
        english: bool,
        changed: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Customer and offer"), parent)
        self.setObjectName("offerPanel")
        self.source, self.english, self.changed = source, english, changed
        self.clerk: Clerk | None = None
        self.ticket: str | None = None
        self.told: CustomerAtCounter | None = None
        self.recorded: dict[str, tuple[str, str]] = {}  # ticket: (campaign, outcome words)
        self.care = QLabel(tr("◆ Serve with particular care"))
        self.care.setObjectName("careMark")
        self.care.setToolTip(
            tr("The hall asks for particular patience and care with this customer.")
        )
        self.number = QLineEdit()
        self.number.setObjectName("customerNumber")
        self.number.setMaxLength(20)
        self.number.setPlaceholderText(tr("Customer's mobile number, then Enter"))
        self.number.returnPressed.connect(self.give_number)
        self.campaign = QLabel()
        self.campaign.setObjectName("offerCampaign")
        self.campaign.setWordWrap(True)
        self.script = QLabel()
        self.script.setObjectName("offerScript")
        self.script.setWordWrap(True)
        self.offered_button = self._button(tr("Offered"), "Ctrl+1", "offeredButton")
        self.accepted_button = self._button(tr("Accepted"), "Ctrl+2", "acceptedButton")
        self.declined_button = self._button(tr("Declined"), "Ctrl+3", "declinedButton")
        self.not_offered_button = self._button(tr("Not offered…"), "Ctrl+4", "notOfferedButton")
        self.offered_button.clicked.connect(partial(self.record, OfferOutcome.OFFERED))
        self.accepted_button.clicked.connect(partial(self.record, OfferOutcome.ACCEPTED))
        self.declined_button.clicked.connect(partial(self.record, OfferOutcome.DECLINED))
        self.not_offered_button.clicked.connect(self._reason_menu)
        self.outcome_buttons = (
            self.offered_button,
            self.accepted_button,
            self.declined_button,
            self.not_offered_button,
        )
        for key, button in zip(
            ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4"), self.outcome_buttons, strict=True
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(button.click)
        self.status = QLabel()
        self.status.setObjectName("offerStatus")
        self.status.setWordWrap(True)
        self.recommended = QCheckBox(tr("Recommended a service without a campaign"))
        self.recommended.setObjectName("recommended")
        self.accepted = QCheckBox(tr("Customer took it"))
        self.accepted.setObjectName("accepted")
        self.recommended.toggled.connect(self._recommended_changed)
        self.complaint = QLineEdit()
        self.complaint.setObjectName("complaintNote")
        self.complaint.setMaxLength(200)
        self.complaint.setPlaceholderText(tr("What the customer is unhappy about"))
        self.complaint.returnPressed.connect(self.log_complaint)
        self.complaint_button = QPushButton(tr("Log complaint"))
        self.complaint_button.setObjectName("logComplaintButton")
        self.complaint_button.clicked.connect(self.log_complaint)
        buttons = QHBoxLayout()
        for button in self.outcome_buttons:
            buttons.addWidget(button)
        sales = QHBoxLayout()  # a recommendation without a campaign
        sales.addWidget(self.recommended)
        sales.addWidget(self.accepted)
        sales.addStretch(1)
        complaint = QHBoxLayout()
        complaint.addWidget(self.complaint, 1)
        complaint.addWidget(self.complaint_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.care)
        layout.addWidget(self.number)
        layout.addWidget(self.campaign)
        layout.addWidget(self.script)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addLayout(sales)
        layout.addLayout(complaint)
        self._recommended_changed(False)
        self.follow(None, None)

    @staticmethod
    def _button(text: str, key: str, name: str) -> QPushButton:
        button = QPushButton(f"{text}  {key}")
        button.setObjectName(name)
        button.setMinimumHeight(40)
        return button

    # ----- reading -----

    def follow(self, clerk: Clerk | None, ticket: str | None) -> None:
        """The counter was read: a new ticket starts afresh; the same one is re-read."""
        self.clerk = clerk
        if ticket != self.ticket:
            self.ticket = ticket
            self.told = None
            self.recommended.setChecked(False)
            self.complaint.clear()
            self.number.clear()
            self._say("")  # what was said was about the customer before
            self._show()
        if clerk is not None and ticket is not None:
            self.source.read(clerk, self._read, self._say)

    def _read(self, told: CustomerAtCounter) -> None:
        if told.ticket != self.ticket:
            return  # an answer for a ticket no longer served here
        self.told = told
        self._show()

    def _business(self, offer: OfferShown) -> str:
        return (
            offer.business_name_en
            if self.english and offer.business_name_en
            else offer.business_name
        )

    def _show(self) -> None:
        told = self.told
        serving = self.ticket is not None
        self.care.setVisible(told is not None and told.care)
        self.number.setVisible(told is not None and not told.known)
        offer = told.offer if told is not None else None
        done = self.recorded.get(self.ticket or "")
        if offer is not None:
            self.campaign.setText(
                tr("Campaign: %1 · offers %2")
                .replace("%1", offer.campaign)
                .replace("%2", self._business(offer))
            )
            script = f"“{offer.script}”" if offer.script else tr("(no script line given)")
            if offer.segment:
                script += "\n" + tr("Segment: %1").replace("%1", offer.segment)
            self.script.setText(script)
        elif done is not None:
            self.campaign.setText(
                tr("Campaign %1: %2").replace("%1", done[0]).replace("%2", done[1])
            )
            self.script.clear()
        elif told is not None and not told.known:
            self.campaign.setText(
                tr("The customer's number is not known: type it to see the offer for them.")
            )
            self.script.clear()
        else:
            self.campaign.setText(
                tr("No campaign offer for this customer.") if serving else tr("No customer called.")
            )
            self.script.clear()
        self.script.setVisible(offer is not None)
        for button in self.outcome_buttons:
            button.setVisible(offer is not None)
            button.setEnabled(offer is not None)
        self.complaint_button.setEnabled(serving)
        self.complaint.setEnabled(serving)
        self.recommended.setEnabled(serving)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _recommended_changed(self, on: bool) -> None:
        self.accepted.setEnabled(on)
        if not on:
            self.accepted.setChecked(False)

    # ----- acting -----

    def give_number(self) -> None:
        typed = self.number.text().strip()
        if self.clerk is None or not typed:
            return

        def given() -> None:
            self.number.clear()
            self._say(tr("Number noted for %1.").replace("%1", self.ticket or ""))
            self.changed()

        self.source.give_number(self.clerk, typed, given, self._say)

    def _reason_menu(self) -> None:
        if not self.not_offered_button.isEnabled():
            return
        menu = QMenu(self)
        menu.setObjectName("noOfferMenu")
        for number, (reason, words) in enumerate(reason_words(), start=1):
            menu.addAction(
                f"&{number}  {words}", partial(self.record, OfferOutcome.NOT_OFFERED, reason)
            )
        button = self.not_offered_button
        menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
        self.reason_menu = menu

    def record(self, outcome: str, reason: str | None = None) -> None:
        """What came of the offer shown; the buttons wait for the answer."""
        told = self.told
        if self.clerk is None or told is None or told.offer is None:
            return
        offer, ticket = told.offer, told.ticket
        for button in self.outcome_buttons:
            button.setEnabled(False)
        words = outcome_words()[outcome]

        def recorded() -> None:
            self.recorded[ticket] = (offer.campaign, words)
            if outcome == OfferOutcome.ACCEPTED:
                self._say(
                    tr("Accepted: %1 is recorded on %2.")
                    .replace("%1", self._business(offer))
                    .replace("%2", ticket)
                )
            else:
                self._say(tr("Recorded: %1.").replace("%1", words))
            self.changed()

        def refused(text: str) -> None:
            self._say(text)
            self._show()

        self.source.record(self.clerk, offer.campaign, outcome, reason, recorded, refused)

    def log_complaint(self) -> None:
        note = self.complaint.text().strip()
        if self.clerk is None or self.ticket is None:
            return
        if not note:
            self._say(tr("Write what the customer is unhappy about first."))
            self.complaint.setFocus()
            return
        ticket = self.ticket

        def logged() -> None:
            self.complaint.clear()
            self._say(
                tr("Complaint logged on %1: the shift lead follows it up.").replace("%1", ticket)
            )

        self.source.log_complaint(self.clerk, ticket, note, logged, self._say)
