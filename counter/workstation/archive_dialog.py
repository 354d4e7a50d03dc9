"""The form archive: search by mobile number, dates, clerk or ticket as you type, and open
a form's PDF (each opening is audited)."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from shared.archive.forms import FormHit, open_form, search_forms
from shared.errors import Rejected
from shared.store.clock import Clock
from shared.store.database import Store
from shared.store.lookup import find_hall


def tr(text: str) -> str:
    return QCoreApplication.translate("ArchiveDialog", text)


def _day(edit: QDateEdit) -> dt.date:
    chosen = edit.date()
    return dt.date(chosen.year(), chosen.month(), chosen.day())


def open_with_desktop(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ArchiveDialog(QDialog):
    def __init__(
        self,
        store: Store,
        hall_code: str | None,
        *,
        clerk_id: int,
        counter: int,
        clock: Clock,
        open_pdf: Callable[[Path], None] = open_with_desktop,
    ) -> None:
        super().__init__()
        self.setObjectName("archiveDialog")
        self.setWindowTitle(tr("Service form archive"))
        self.store, self.hall_code, self.clerk_id, self.counter = (
            store,
            hall_code,
            clerk_id,
            counter,
        )
        self.clock, self.open_pdf = clock, open_pdf
        self.hits: list[FormHit] = []
        day = clock.now().date()
        today = QDate(day.year, day.month, day.day)
        self.mobile = QLineEdit()
        self.mobile.setObjectName("searchMobile")
        self.since = QDateEdit(today.addDays(-30))
        self.since.setObjectName("searchSince")
        self.until = QDateEdit(today)
        self.until.setObjectName("searchUntil")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.search)
        self.clerk = QLineEdit()
        self.clerk.setObjectName("searchClerk")
        self.ticket = QLineEdit()
        self.ticket.setObjectName("searchTicket")
        for box in (self.mobile, self.clerk, self.ticket):
            box.textChanged.connect(self.search)
        form = QFormLayout()
        form.addRow(tr("Mobile number"), self.mobile)
        form.addRow(tr("From"), self.since)
        form.addRow(tr("To"), self.until)
        form.addRow(tr("Clerk (staff ID)"), self.clerk)
        form.addRow(tr("Ticket"), self.ticket)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("searchResults")
        self.table.setHorizontalHeaderLabels(
            [tr("Form"), tr("Time"), tr("Ticket"), tr("Clerk"), tr("Customer"), tr("Signature")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.open_row(row))
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.resize(820, 520)
        self.search()

    def search(self) -> None:
        try:
            with self.store.read() as session:
                self.hits = search_forms(
                    session,
                    find_hall(session, self.hall_code),
                    phone=self.mobile.text() or None,
                    since=_day(self.since),
                    until=_day(self.until),
                    clerk=self.clerk.text() or None,
                    ticket=self.ticket.text() or None,
                )
        except Rejected as refusal:
            self.hits = []
            self.status.setText(str(refusal))
        else:
            self.status.setText(tr("%1 form(s)").replace("%1", str(len(self.hits))))
        self.table.setRowCount(len(self.hits))
        for row, hit in enumerate(self.hits):
            signature = (
                tr("signed") if hit.signed else tr("declined: %1").replace("%1", hit.decline_reason)
            )
            for column, text in enumerate(
                (
                    f"#{hit.sequence}",
                    f"{hit.created_at:%Y-%m-%d %H:%M}",
                    hit.ticket,
                    f"{hit.staff_id} {hit.clerk}",
                    hit.customer,
                    signature,
                )
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def open_row(self, row: int) -> Path:
        """Fetch the form's PDF (audited), save it to a temporary file and open it."""
        hit = self.hits[row]
        pdf = open_form(
            self.store,
            self.hall_code,
            hit.sequence,
            clerk_id=self.clerk_id,
            source=f"counter {self.counter}",
            clock=self.clock,
        )
        folder = Path(tempfile.mkdtemp(prefix="hallq-form-"))
        path = folder / f"form-{hit.sequence}-{hit.ticket}.pdf"
        path.write_bytes(pdf)
        self.open_pdf(path)
        return path
