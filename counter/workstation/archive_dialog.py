"""The form archive: search by mobile number, dates, clerk or ticket as you type, and open
a form's PDF (each opening is audited)."""

from __future__ import annotations

import datetime as dt
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

from counter.workstation.archive_sources import FormArchive
from shared.archive.forms import FormHit


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
        archive: FormArchive,
        *,
        today: dt.date,
        forms: Callable[[], Path],
        open_pdf: Callable[[Path], None] = open_with_desktop,
    ) -> None:
        super().__init__()
        self.setObjectName("archiveDialog")
        self.setWindowTitle(tr("Service form archive"))
        self.archive, self.forms, self.open_pdf = archive, forms, open_pdf
        self.hits: list[FormHit] = []
        self.opened: Path | None = None
        shown = QDate(today.year, today.month, today.day)
        self.mobile = QLineEdit()
        self.mobile.setObjectName("searchMobile")
        self.since = QDateEdit(shown.addDays(-30))
        self.since.setObjectName("searchSince")
        self.until = QDateEdit(shown)
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
        self.archive.search(
            {
                "phone": self.mobile.text().strip() or None,
                "since": _day(self.since),
                "until": _day(self.until),
                "clerk": self.clerk.text().strip() or None,
                "ticket": self.ticket.text().strip() or None,
            },
            self._show,
            self._refused,
        )

    def _refused(self, reason: str) -> None:
        self.hits = []
        self.table.setRowCount(0)
        self.status.setText(reason)

    def _show(self, hits: list[FormHit]) -> None:
        self.hits = hits
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

    def open_row(self, row: int) -> Path | None:
        """Fetch the form's PDF (audited), save it to a temporary file and open it; the path
        once the PDF is here (at once from the store, later from the server)."""
        hit = self.hits[row]
        self.opened = None

        def arrived(pdf: bytes) -> None:
            path = self.forms() / f"form-{hit.sequence}-{hit.ticket}.pdf"
            path.write_bytes(pdf)
            self.opened = path
            self.open_pdf(path)

        self.archive.open(hit.sequence, arrived, self.status.setText)
        return self.opened
