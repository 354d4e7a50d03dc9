"""The transaction form: what was actually done for the ticket, one section per business
(each with its own fields, from the store), how each ended, and notes. A scanned slip fills
its business's section. Whether a service was recommended and taken is the offer panel's
record (counter/workstation/offer_panel.py)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from shared.field_definitions import AT_COUNTER
from shared.qt import codes
from shared.rules.personal_text import personal_data_in
from shared.views.counter import BusinessForm
from shared.vocabulary import FieldKind, Outcome


def tr(text: str) -> str:
    return QCoreApplication.translate("TransactionForm", text)


# How a business of the visit ended, in the order the clerk picks from.
OUTCOMES = (Outcome.COMPLETED, Outcome.FOLLOW_UP, Outcome.CANCELLED)


class BusinessSection(QGroupBox):
    """One business done, with an input per form field."""

    def __init__(self, business: BusinessForm, english: bool, removable: bool) -> None:
        super().__init__(business.name_en if english and business.name_en else business.name)
        self.setObjectName(f"business_{business.key}")
        self.key = business.key
        self.inputs: dict[str, QComboBox | QLineEdit] = {}
        layout = QFormLayout(self)
        for field in business.fields:
            label = field.label_en if english and field.label_en else field.label
            if field.required:
                label += " *"
            editor: QComboBox | QLineEdit
            if field.kind == FieldKind.CHOICE:
                editor = QComboBox()  # shown in the window's language, the stored value kept
                editor.addItem("", "")
                for choice in field.choices:
                    editor.addItem(field.choice_en(choice) if english else choice, choice)
            else:
                editor = QLineEdit()
            editor.setObjectName(f"field_{business.key}_{field.key}")
            self.inputs[field.key] = editor
            layout.addRow(label, editor)
        self.outcome = QComboBox()
        self.outcome.setObjectName(f"outcome_{business.key}")
        names = codes.names("outcome")
        for outcome in OUTCOMES:
            self.outcome.addItem(names[outcome], outcome)
        layout.addRow(tr("Outcome"), self.outcome)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setObjectName(f"remove_{business.key}")
        self.remove_button.setVisible(removable)
        layout.addRow(self.remove_button)

    def fill(self, values: Mapping[str, object]) -> None:
        for key, value in values.items():
            editor = self.inputs.get(key)
            if value == AT_COUNTER and isinstance(editor, QLineEdit):
                editor.clear()  # the customer left it for the clerk to fill in
                editor.setPlaceholderText(tr("Left for the counter: ask the customer"))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(editor.findData(str(value)), 0))
            elif editor is not None:
                editor.setText(str(value))

    def values(self) -> dict[str, object]:
        entered = {
            key: str(editor.currentData() or "")
            if isinstance(editor, QComboBox)
            else editor.text().strip()
            for key, editor in self.inputs.items()
        }
        return {key: value for key, value in entered.items() if value}


class TransactionForm(QWidget):
    def __init__(self, english: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.english = english
        self.forms: dict[str, BusinessForm] = {}
        self.sections: list[BusinessSection] = []
        self.sections_box = QVBoxLayout()
        self.add_choice = QComboBox()
        self.add_choice.setObjectName("addBusiness")
        self.add_choice.activated.connect(self._add_chosen)
        self.notes = QLineEdit()
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText(tr("Notes"))
        self.notes.setMaxLength(500)
        self.notes.textChanged.connect(self._check_notes)
        self.notes_warning = QLabel()
        self.notes_warning.setObjectName("notesWarning")
        self.notes_warning.setWordWrap(True)
        self.notes_warning.setStyleSheet("color: #b03a00;")
        self.notes_warning.hide()
        layout = QVBoxLayout(self)
        # As tall as its rows need: the scroll area scrolls rather than squeeze the fields.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        layout.addLayout(self.sections_box)
        layout.addWidget(self.add_choice)
        layout.addWidget(self.notes)
        layout.addWidget(self.notes_warning)
        layout.addStretch(1)

    def _check_notes(self, text: str) -> None:
        """Notes are printed on the form unmasked: warn while they look like personal data."""
        found = bool(personal_data_in(text))
        if found:
            self.notes_warning.setText(
                tr(
                    "These notes look like they hold a mobile number or an ID number. "
                    "Do not write the customer's personal data in notes: they are printed "
                    "on the service form as typed."
                )
            )
        self.notes_warning.setVisible(found)

    def _name(self, business: BusinessForm) -> str:
        return business.name_en if self.english and business.name_en else business.name

    def start(self, businesses: list[BusinessForm], first: str | None) -> None:
        """A blank form for a new ticket, with a section for the business it came for."""
        self.forms = {business.key: business for business in businesses}
        for section in self.sections:
            self._drop(section)
        self.sections = []
        self.notes.clear()
        if first is not None:
            self.add(first)
        self._offer()

    def add(self, key: str) -> BusinessSection:
        """The section for `key`, added when it is not on the form yet."""
        for section in self.sections:
            if section.key == key:
                return section
        section = BusinessSection(self.forms[key], self.english, removable=bool(self.sections))
        section.remove_button.clicked.connect(lambda: self._remove(section))
        self.sections.append(section)
        self.sections_box.addWidget(section)
        self._offer()
        return section

    def _remove(self, section: BusinessSection) -> None:
        self.sections.remove(section)
        self._drop(section)
        self._offer()

    def _drop(self, section: BusinessSection) -> None:
        """Off the form at once (deletion itself waits for the event loop)."""
        self.sections_box.removeWidget(section)
        section.setParent(None)
        section.deleteLater()

    def _offer(self) -> None:
        self.add_choice.clear()
        self.add_choice.addItem(tr("+ Add another business done…"), None)
        on_form = {section.key for section in self.sections}
        for key, business in self.forms.items():
            if key not in on_form:
                self.add_choice.addItem(self._name(business), key)

    def _add_chosen(self, index: int) -> None:
        key = self.add_choice.itemData(index)
        if key is not None:
            self.add(key)

    def fill(self, key: str, values: Mapping[str, object]) -> None:
        self.add(key).fill(values)

    def businesses(self) -> list[str]:
        return [section.key for section in self.sections]

    def fields(self) -> dict[str, dict[str, object]]:
        return {section.key: section.values() for section in self.sections}

    def outcomes(self) -> dict[str, str]:
        return {section.key: str(section.outcome.currentData()) for section in self.sections}
