"""The clerk's own figures for today (docs/rules.md), beside the work, updated as they work."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel

from shared.figures.clerks import ClerkFigures
from shared.qt import codes


def tr(text: str) -> str:
    return QCoreApplication.translate("FiguresPanel", text)


def _minutes(seconds: float | None) -> str:
    return "—" if seconds is None else f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


def reason_names() -> dict[str, str]:
    """The reasons dissatisfied customers gave, as the clerk reads them."""
    return codes.names("dissatisfied_reason")


def reasons_text(counted: dict[str, int]) -> str:
    """Each reason given with how often, as the staff read them (the clerk, the shift lead)."""
    names = reason_names()
    return "、".join(f"{names.get(key, key)} {count}" for key, count in counted.items()) or "—"


def _share(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


class FiguresPanel(QGroupBox):
    def __init__(self) -> None:
        super().__init__(tr("My figures today"))
        self.setObjectName("figuresPanel")
        self.values: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        for key, label in (
            ("called", tr("Called")),
            ("handled", tr("Handled")),
            ("no_shows", tr("No-shows")),
            ("transfers", tr("Transfers")),
            ("avg_wait", tr("Mean wait")),
            ("avg_handle", tr("Mean handling")),
            ("satisfaction", tr("Satisfaction")),
            ("reasons", tr("Why dissatisfied")),
            ("sales", tr("Recommended / accepted")),
            ("signed", tr("Signed")),
            ("utilisation", tr("Busy")),
        ):
            value = QLabel("—")
            value.setObjectName(f"figure_{key}")
            self.values[key] = value
            layout.addRow(label, value)

    def show_figures(self, figures: ClerkFigures | None) -> None:
        if figures is None:
            for value in self.values.values():
                value.setText("—")
            return
        shown = {
            "called": str(figures.called),
            "handled": str(figures.handled),
            "no_shows": str(figures.no_shows),
            "transfers": str(figures.transfers),
            "avg_wait": _minutes(figures.avg_wait_s),
            "avg_handle": _minutes(figures.avg_handle_s),
            "satisfaction": f"{_share(figures.satisfaction_rate)} ({figures.rated})",
            "reasons": reasons_text(figures.dissatisfied_reasons),
            "sales": f"{figures.recommended} / {figures.accepted}",
            "signed": _share(figures.signed_rate),
            "utilisation": _share(figures.utilisation),
        }
        for key, text in shown.items():
            self.values[key].setText(text)
