"""The last look before the ticket: the business, the channel, and the customer's own
number and slip as they typed them (unmasked: only they see this screen; paper and every
other screen stay masked), each slip line a tap away from its field, and one big button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.pages import Page
from kiosk.pages.slip import grouped_mobile, grouped_resident_id
from kiosk.widgets import restyle, text_label, touch_button
from shared.field_definitions import AT_COUNTER, FieldDefinition
from shared.views.kiosk_menu import Offer
from shared.vocabulary import FieldKind


class ConfirmPage(Page):
    confirmed = Signal()
    edit_field = Signal(str)  # the key of the slip field the customer wants to change

    def __init__(self) -> None:
        super().__init__()
        self.offer: Offer | None = None
        self.queue_name = ("", "")
        self.phone = ""
        self.fields: tuple[FieldDefinition, ...] = ()
        self.values: dict[str, object] = {}
        self.title = text_label("title")
        self.card = QFrame()
        self.card.setProperty("role", "card")
        self.form = QFormLayout(self.card)
        self.form.setContentsMargins(32, 16, 32, 16)
        self.form.setVerticalSpacing(8)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(40)
        self.self_service = text_label("note", name="self-service-note")
        self.problem = text_label("status", name="status")
        restyle(self.problem, state="problem")
        self.confirm = touch_button("", "primary", "confirm-ticket")
        self.confirm.setMinimumHeight(110)
        self.confirm.clicked.connect(self.confirmed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 20, 120, 24)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        # A long form, or large text, may be taller than the screen: the card scrolls
        # under a finger while the title and the confirming button stay put.
        scroll = QScrollArea()
        scroll.setObjectName("confirm-scroll")
        inside = QWidget()
        inside.setObjectName("confirm-inside")
        column = QVBoxLayout(inside)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.card)
        column.addStretch(1)
        scroll.setWidget(inside)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(
            scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(self.self_service)
        layout.addWidget(self.problem)
        layout.addWidget(self.confirm)

    def show_visit(
        self,
        offer: Offer,
        queue_name: tuple[str, str],
        phone: str | None,
        values: dict[str, object],
    ) -> None:
        self.problem.clear()
        self.offer, self.queue_name, self.phone = offer, queue_name, phone or ""
        self.fields, self.values = offer.slip_fields, values
        self.translate_words()

    def shown_value(self, field: FieldDefinition) -> str:
        """A slip value as the customer typed it, grouped to read back easily."""
        value = str(self.values.get(field.key, "")).strip()
        if not value:
            return "—"
        if value == AT_COUNTER:
            return self.tr("Fill in at the counter")
        if field.kind == FieldKind.RESIDENT_ID:
            return grouped_resident_id(value)
        if field.kind == FieldKind.MOBILE:
            return grouped_mobile(value)
        return self.pick(value, field.choice_en(value))

    def show_refusal(self, message: str) -> None:
        """Why no ticket came out (the store refused); the customer can tap again or ask."""
        self.problem.setText(message)

    def translate_words(self) -> None:
        self.title.setText(self.tr("Please check, then take your ticket"))
        self.confirm.setText(self.tr("Take my ticket"))
        if self.offer is None:
            return
        while self.form.rowCount():
            self.form.removeRow(0)
        rows = [
            (self.tr("Business"), self.pick(self.offer.name, self.offer.name_en)),
            (self.tr("Queue"), self.pick(*self.queue_name)),
        ]
        if self.phone:
            rows.append((self.tr("Mobile number"), grouped_mobile(self.phone)))
        for label, value in rows:
            self.form.addRow(text_label("field", label), text_label("value", value))
        for field in self.fields:
            change = touch_button(f"{self.shown_value(field)}   ✎", "edit", f"edit-{field.key}")
            change.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            change.clicked.connect(lambda _=False, key=field.key: self.edit_field.emit(key))
            self.form.addRow(text_label("field", self.pick(field.label, field.english)), change)
        if self.fields:
            self.form.addRow(text_label("note", self.tr("Tap a line to change it")))
        self.self_service.setVisible(self.offer.self_service)
        self.self_service.setText(
            self.tr("Tip: this business can also be done at a self-service terminal, no queue.")
        )
