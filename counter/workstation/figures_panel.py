"""The clerk's own figures for today (docs/rules.md), beside the work, updated as they work."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel

from shared.figures.clerks import ClerkFigures
from shared.figures.shown import MISSING
from shared.figures.shown import clerk_figure_text as text
from shared.qt import codes


def tr(text: str) -> str:
    return QCoreApplication.translate("FiguresPanel", text)


def reason_names() -> dict[str, str]:
    """The reasons dissatisfied customers gave, as the clerk reads them."""
    return codes.names("dissatisfied_reason")


def reasons_text(counted: dict[str, int]) -> str:
    """Each reason given with how often, as the staff read them (the clerk, the shift lead)."""
    names = reason_names()
    return "、".join(f"{names.get(key, key)} {count}" for key, count in counted.items()) or MISSING


class FiguresPanel(QGroupBox):
    """A strip of tiles across the workstation, each a figure's name over its value."""

    def __init__(self) -> None:
        super().__init__(tr("My figures today"))
        self.setObjectName("figuresPanel")
        self.values: dict[str, QLabel] = {}
        layout = QGridLayout(self)
        layout.setVerticalSpacing(2)
        for column, (key, label) in enumerate(
            (
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
            )
        ):
            name = QLabel(label)
            name.setObjectName("figureName")
            name.setWordWrap(True)
            name.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
            value = QLabel(MISSING)
            value.setObjectName(f"figure_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            value.setWordWrap(key == "reasons")  # the one that can run long
            self.values[key] = value
            layout.addWidget(name, 0, column)
            layout.addWidget(value, 1, column)
            layout.setColumnStretch(column, 2 if key == "reasons" else 1)

    def show_figures(self, figures: ClerkFigures | None) -> None:
        if figures is None:
            for value in self.values.values():
                value.setText(MISSING)
            return
        shown = {
            "called": text(figures, "called"),
            "handled": text(figures, "handled"),
            "no_shows": text(figures, "no_shows"),
            "transfers": text(figures, "transfers"),
            "avg_wait": text(figures, "avg_wait_s"),
            "avg_handle": text(figures, "avg_handle_s"),
            "satisfaction": f"{text(figures, 'satisfaction_rate')} ({text(figures, 'rated')})",
            "reasons": reasons_text(figures.dissatisfied_reasons),
            "sales": text(figures, "offers"),
            "signed": text(figures, "signed_rate"),
            "utilisation": text(figures, "utilisation"),
        }
        for key, line in shown.items():
            self.values[key].setText(line)
        self.values["reasons"].setToolTip(shown["reasons"])
