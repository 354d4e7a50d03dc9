"""The monitor's month performance sheet (100 points, ranked, each part's source) and the
shift lead's entry dialog for a mystery-shopper check, a teamwork mark or a learning
record. It reads and enters through the store (one PC) or the hall server, under the
signed-in lead; the store or the server decides, and a refusal is the one line shown."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from counter.screen.sources import Lead, ScreenSource, ServerSource, StoreSource
from counter.screen.tables import Column, RowsModel
from shared.client.decoding import Undecodable, sheet_of
from shared.figures.score_sheet import SHEET_PARTS, SheetRow
from shared.services import scores

log = logging.getLogger(__name__)

Complain = Callable[[str], None]
KINDS = ("mystery", "teamwork", "learning")


def previous_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return f"{year - 1}-12" if number == 1 else f"{year}-{number - 1:02d}"


def next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return f"{year + 1}-01" if number == 12 else f"{year}-{number + 1:02d}"


class ScoreAccess:
    """Reads the sheet and enters a score for the lead, on the store or the hall server."""

    def __init__(self, source: ScreenSource) -> None:
        self.source = source

    def read(
        self, lead: Lead, month: str, show: Callable[[list[SheetRow]], None], complain: Complain
    ) -> None:
        source = self.source
        if isinstance(source, ServerSource):
            reply = source.link.request("GET", f"/api/performance?month={month}", key=lead.token)

            def answered(answer: Any) -> None:
                try:
                    show(sheet_of(answer)[1])
                except Undecodable as error:
                    complain(error.reason)

            reply.answered.connect(answered)
            reply.failed.connect(lambda error: complain(source.words.of(error)))
            return
        assert isinstance(source, StoreSource)
        store_source = source
        sheet = store_source.failures.attempt(
            "read the performance sheet",
            lambda: scores.score_sheet(
                store_source.store,
                store_source.hall_code,
                scores.lead_on_store(store_source.store, store_source.hall_code, lead.staff_id),
                month,
                clock=store_source.clock,
            ),
            complain,
        )
        if sheet is not None:
            show(sheet)

    def enter(
        self, lead: Lead, values: dict[str, Any], done: Callable[[], None], complain: Complain
    ) -> None:
        source = self.source
        if isinstance(source, ServerSource):
            body = {**values, "day": values["day"].isoformat() if values.get("day") else None}
            reply = source.link.request("POST", "/api/scores", body, key=lead.token)
            reply.answered.connect(lambda _answer: done())
            reply.failed.connect(lambda error: complain(source.words.of(error)))
            return
        assert isinstance(source, StoreSource)
        store_source = source
        given = dict(values)
        entered = store_source.failures.attempt(
            "enter a score",
            lambda: scores.enter_score(
                store_source.store,
                store_source.hall_code,
                scores.lead_on_store(store_source.store, store_source.hall_code, lead.staff_id),
                given.pop("kind"),
                given.pop("clerk"),
                given.pop("month"),
                note=given.pop("note", ""),
                clock=store_source.clock,
                **given,
            ),
            complain,
        )
        if entered is not None:
            done()


class ScoreEntryDialog(QDialog):
    """One entry for a clerk's month: the fields the chosen kind takes, and the reason
    when the store or the server refused it."""

    def __init__(
        self, access: ScoreAccess, lead: Lead, month: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("score_entry")
        self.setWindowTitle(self.tr("Enter a score"))
        self.access, self.lead, self.month = access, lead, month
        self.kind = QComboBox()
        for kind, words in zip(
            KINDS,
            (self.tr("Mystery-shopper check"), self.tr("Teamwork"), self.tr("Learning")),
            strict=True,
        ):
            self.kind.addItem(words, kind)
        self.clerk = QLineEdit()
        self.clerk.setPlaceholderText(self.tr("Staff ID, e.g. E002"))
        self.clerk.setMaxLength(20)
        first = QDate(int(month[:4]), int(month[5:]), 1)
        self.day = QDateEdit(first)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setMinimumDate(first)
        self.day.setMaximumDate(first.addMonths(1).addDays(-1))
        self.items = QSpinBox()
        self.items.setRange(1, scores.MAX_ITEMS)
        self.items.setValue(10)
        self.points = QDoubleSpinBox()
        self.points.setRange(0, scores.MAX_MARK)
        self.points.setDecimals(1)
        self.points.setValue(80)
        self.trainings = QSpinBox()
        self.trainings.setRange(0, scores.MAX_SESSIONS)
        self.attended = QSpinBox()
        self.attended.setRange(0, scores.MAX_SESSIONS)
        self.held = QSpinBox()
        self.held.setRange(0, scores.MAX_SESSIONS)
        self.note = QLineEdit()
        self.note.setMaxLength(scores.MAX_NOTE)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Month"), QLabel(month))
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Clerk"), self.clerk)
        self.form.addRow(self.tr("Day of the check"), self.day)
        self.form.addRow(self.tr("Items checked"), self.items)
        self.form.addRow(self.tr("Points (of 100)"), self.points)
        self.form.addRow(self.tr("Trainings attended"), self.trainings)
        self.form.addRow(self.tr("Morning meetings attended"), self.attended)
        self.form.addRow(self.tr("Morning meetings held"), self.held)
        self.form.addRow(self.tr("Note"), self.note)
        self.message = QLabel()
        self.message.setObjectName("score_entry_message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enter"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._show_fields)
        self._show_fields()

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        wanted = {
            "mystery": (self.day, self.items, self.points),
            "teamwork": (self.points,),
            "learning": (self.trainings, self.attended, self.held),
        }[kind]
        for field in (self.day, self.items, self.points, self.trainings, self.attended, self.held):
            self.form.setRowVisible(field, field in wanted)

    def values(self) -> dict[str, Any]:
        kind = self.kind.currentData()
        values: dict[str, Any] = {
            "kind": kind,
            "clerk": self.clerk.text().strip(),
            "month": self.month,
            "note": self.note.text(),
        }
        if kind == "mystery":
            values |= {
                "day": self.day.date().toPython(),
                "items": self.items.value(),
                "points": self.points.value(),
            }
        elif kind == "teamwork":
            values["points"] = self.points.value()
        else:
            values |= {
                "trainings": self.trainings.value(),
                "meetings_attended": self.attended.value(),
                "meetings_held": self.held.value(),
            }
        return values

    def send(self) -> None:
        self.message.setText(self.tr("Entering…"))
        self.buttons.setEnabled(False)

        def refused(words: str) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(words)

        self.access.enter(self.lead, self.values(), self.accept, refused)


def _points(value: object) -> str:
    return "-" if value is None else f"{float(value):.2f}"  # type: ignore[arg-type]


class ScoreSheetPanel(QWidget):
    """The month's whole sheet, ranked, with the month's arrows and the entry button."""

    def __init__(self, source: ScreenSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("score_sheet")
        self.access = ScoreAccess(source)
        self.clock = source.clock
        self.lead: Lead | None = None
        self.month = f"{self.clock.now():%Y-%m}"
        self.dialog: ScoreEntryDialog | None = None
        part_words = {
            "sales": self.tr("Sales"),
            "volume": self.tr("Volume"),
            "satisfaction": self.tr("Satisfaction"),
            "quality": self.tr("Quality"),
            "teamwork": self.tr("Teamwork"),
            "learning": self.tr("Learning"),
        }
        self.model = RowsModel(
            [
                Column(self.tr("Rank"), lambda row: row.rank),
                Column(self.tr("Clerk"), lambda row: f"{row.clerk} {row.name}"),
                *(
                    Column(part_words[part], self._part_points(part), _points)
                    for part in SHEET_PARTS
                ),
                Column(self.tr("Team"), lambda row: row.team_points, _points),
                Column(self.tr("Personal"), lambda row: row.personal_points, _points),
                Column(self.tr("Total"), lambda row: row.points, _points),
                Column(self.tr("Sources"), self.sources_text),
            ]
        )
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.month_label = QLabel()
        self.month_label.setObjectName("score_month")
        self.earlier = QPushButton(self.tr("Previous month"))
        self.later = QPushButton(self.tr("Next month"))
        self.enter_button = QPushButton(self.tr("Enter a score…"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.earlier.clicked.connect(lambda: self.show_month(previous_month(self.month)))
        self.later.clicked.connect(lambda: self.show_month(next_month(self.month)))
        self.enter_button.clicked.connect(self.open_entry)
        bar = QHBoxLayout()
        bar.addWidget(self.earlier)
        bar.addWidget(self.month_label)
        bar.addWidget(self.later)
        bar.addStretch(1)
        bar.addWidget(self.message, 2)
        bar.addWidget(self.enter_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self._show_month_label()

    @staticmethod
    def _part_points(part: str) -> Callable[[SheetRow], float | None]:
        def points(row: SheetRow) -> float | None:
            found = row.part(part)
            return found.points if found.share is not None else None

        return points

    def sources_text(self, row: SheetRow) -> str:
        said = []
        for part in row.parts:
            if part.share is None:
                continue
            if part.entered_by:
                who = self.tr(", ").join(part.entered_by)
                words = (
                    self.tr("%1: measured + entered by %2")
                    if part.measured
                    else self.tr("%1: entered by %2")
                )
                said.append(words.replace("%1", self._part_name(part.name)).replace("%2", who))
        measured = [self._part_name(p.name) for p in row.parts if p.measured and not p.entered_by]
        if measured:
            said.insert(0, self.tr("measured: %1").replace("%1", self.tr(", ").join(measured)))
        return self.tr("; ").join(said) or "-"

    def _part_name(self, part: str) -> str:
        return str(self.model.headerData(2 + SHEET_PARTS.index(part), Qt.Orientation.Horizontal))

    def _show_month_label(self) -> None:
        self.month_label.setText(self.tr("Month %1").replace("%1", self.month))
        self.later.setEnabled(self.month < f"{self.clock.now():%Y-%m}")

    def open_for(self, lead: Lead | None) -> None:
        self.lead = lead
        if lead is not None:
            self.month = f"{self.clock.now():%Y-%m}"
            self.show_month(self.month)

    def show_month(self, month: str) -> None:
        self.month = month
        self._show_month_label()
        self.refresh()

    def refresh(self) -> None:
        if self.lead is None:
            return
        self.access.read(self.lead, self.month, self.present_sheet, self.message.setText)

    def present_sheet(self, sheet: list[SheetRow]) -> None:
        self.message.clear()
        self.model.set_rows(sheet)
        if not sheet:
            self.note.setText(self.tr("No clerk served or was scored this month."))
            return
        team = sum(part.weight for part in sheet[0].parts if part.name == "teamwork")
        self.note.setText(
            self.tr(
                "Out of %1: team %2 (teamwork) + personal %3, as the hall's settings weigh "
                "them. Equal points share a rank; the next rank skips."
            )
            .replace("%1", f"{sheet[0].out_of:g}")
            .replace("%2", f"{team:g}")
            .replace("%3", f"{sheet[0].out_of - team:g}")
        )

    def open_entry(self) -> ScoreEntryDialog:
        """The entry dialog for the month shown; the sheet re-reads once it is entered."""
        assert self.lead is not None, "the panel shows only to a signed-in lead"
        self.dialog = ScoreEntryDialog(self.access, self.lead, self.month, self)
        self.dialog.accepted.connect(self.refresh)
        self.dialog.open()
        return self.dialog
