"""Choosing the business: one column per class, each with its icon. A VIP or group
customer sees the channel their number gives them; self-service business says so."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from kiosk.pages import Page
from kiosk.widgets import icon, text_label, touch_button
from shared.documents.ticket_text import wait_words
from shared.views.kiosk_menu import Menu, Offer, QueueWait
from shared.vocabulary import BusinessClass, Tier

ICON_SIZE = 48


class BusinessPage(Page):
    chosen = Signal(str)

    def __init__(self, menu: Menu) -> None:
        super().__init__()
        self.tier = Tier.NORMAL
        self.waits: dict[str, QueueWait] = {}
        self.title = text_label("title")
        self.channel = text_label("channel", name="channel")
        self.legend = text_label("note", name="self-service-legend")
        self.buttons: dict[str, tuple[QPushButton, Offer]] = {}
        self.class_titles: dict[BusinessClass, QLabel] = {}
        columns = QHBoxLayout()
        columns.setSpacing(20)
        for business_class, offers in menu.by_class():
            column = QVBoxLayout()
            column.setSpacing(10)
            heading = QHBoxLayout()
            picture = QLabel()
            picture.setPixmap(icon(business_class, ICON_SIZE).pixmap(ICON_SIZE, ICON_SIZE))
            self.class_titles[business_class] = text_label("class")
            self.class_titles[business_class].setWordWrap(False)
            heading.addWidget(picture)
            heading.addWidget(self.class_titles[business_class], 1)
            column.addLayout(heading)
            for offer in offers:
                button = touch_button("", "business", f"business-{offer.key}")
                button.setProperty("selfService", "yes" if offer.self_service else "no")
                button.clicked.connect(lambda _=False, key=offer.key: self.chosen.emit(key))
                column.addWidget(button)
                self.buttons[offer.key] = (button, offer)
            column.addStretch(1)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 12, 40, 12)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.channel)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addLayout(columns, 1)

    def show_tier(self, tier: Tier) -> None:
        self.tier = tier
        self.translate_words()

    def show_waits(self, waits: dict[str, QueueWait]) -> None:
        """People waiting and the expected wait on each button, read as the screen shows."""
        self.waits = waits
        self.translate_words()

    def wait_line(self, wait: QueueWait) -> str:
        """ "3 people waiting · about 5 min", in the customer's language."""
        if wait.wait_s is None:
            return self.tr("No counter open yet")
        people = self.tr("%n waiting", "", wait.ahead) if wait.ahead else self.tr("No one waiting")
        return f"{people} · {self.pick(*wait_words(wait.wait_s))}"

    def translate_words(self) -> None:
        self.title.setText(self.tr("What would you like to do today?"))
        channel = {
            Tier.VIP: self.tr("★ VIP customer: you will be served in the green channel"),
            Tier.GROUP: self.tr("Group customer: you will be served at the group desk"),
        }.get(self.tier, "")
        self.channel.setText(channel)
        self.channel.setVisible(bool(channel))
        names = {
            BusinessClass.ROUTINE: self.tr("Everyday business"),
            BusinessClass.LONG: self.tr("SIM & accounts"),
            BusinessClass.HANDSET: self.tr("Phones"),
            BusinessClass.GROUP: self.tr("Companies"),
        }
        self.legend.setText(self.tr("Green-edged business can also be done at self-service"))
        for business_class, label in self.class_titles.items():
            label.setText(names[business_class])
        for button, offer in self.buttons.values():
            name = self.pick(offer.name, offer.name_en)
            wait = self.waits.get(offer.key)
            if wait is not None:
                name += "\n" + self.wait_line(wait)
            button.setText(name)
