"""The early warnings on the shift lead's monitor: each one standing now with how likely its
level is, when it is expected and which counters to open against it, above the week's
record of how the warning did, so the lead can judge how far to trust it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QGroupBox, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from counter.screen import named
from counter.screen.sources import Lead, ScreenSource
from counter.screen.tables import Column, RowsModel
from counter.screen.words import level_text
from shared.views.lead_warnings import LeadWarnings, LiveWarning, WarningWeek


def _minute(value: object) -> str:
    return value.strftime("%H:%M") if isinstance(value, dt.datetime) else "-"


def _chance(value: object) -> str:
    return "-" if value is None else f"{float(value) * 100:.0f} %"  # type: ignore[arg-type]


class WarningsPanel(QGroupBox):
    """Re-read with the floor; the record line says what the warning's past is worth."""

    def __init__(self, source: ScreenSource, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Early warnings now"), parent)
        self.setObjectName("warningsPanel")
        self.source = source
        self.warnings: LeadWarnings | None = None
        self.model = RowsModel(
            [
                Column(self.tr("Level expected"), lambda w: w.level, level_text),
                Column(self.tr("Chance"), lambda w: w.chance, _chance),
                Column(self.tr("Expected at"), lambda w: w.expected_at, _minute),
                Column(self.tr("Raised at"), lambda w: w.at, _minute),
                Column(self.tr("Counters to open"), self._suggestion),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.none_label = named(QLabel(self.tr("No early warning stands.")), "noWarning")
        self.week_label = named(QLabel(), "warningWeek")
        self.week_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.table, self.none_label, self.week_label):
            layout.addWidget(widget)

    def read(self, lead: Lead) -> None:
        """While the reading fails the panel keeps what it showed; the line says why."""
        self.source.read_warnings(lead, self.present, self.week_label.setText)

    def present(self, warnings: LeadWarnings) -> None:
        self.warnings = warnings
        self.model.set_rows(warnings.live)
        self.table.setVisible(bool(warnings.live))
        self.none_label.setVisible(not warnings.live)
        if warnings.live:
            rows = self.table.verticalHeader().length() + self.table.horizontalHeader().height()
            self.table.setFixedHeight(rows + 2 * self.table.frameWidth() + 2)
        self.week_label.setText(self.week_text(warnings.week))

    def _suggestion(self, warning: LiveWarning) -> str:
        """How many more counters keep the line below level 1, and which idle ones."""
        if warning.more_counters == 0:
            return self.tr("none: keep the counters open now")
        if not warning.counters:
            return self.tr("%1 more: none idle, divert customers").replace(
                "%1", str(warning.more_counters)
            )
        return (
            self.tr("%1 more: no. %2")
            .replace("%1", str(warning.more_counters))
            .replace("%2", ", ".join(str(number) for number in warning.counters))
        )

    def week_text(self, week: WarningWeek) -> str:
        if week.days == 0 or week.first_day is None:
            return self.tr("The warning's record: no business day yet.")
        return (
            self.tr(
                "Record over %1 business day(s) since %2: warnings raised %3, came true %4, "
                "false alarms %5, still open %6; rises of the level %8, unwarned %7."
            )
            .replace("%1", str(week.days))
            .replace("%2", week.first_day.strftime("%m-%d"))
            .replace("%3", str(week.raised))
            .replace("%4", str(week.came_true))
            .replace("%5", str(week.false_alarms))
            .replace("%6", str(week.still_open))
            .replace("%7", str(week.missed))
            .replace("%8", str(week.rises))
        )
