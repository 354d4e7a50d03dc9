"""Choosing the business: one column per class, each with its icon. A VIP or group
customer sees the channel their number gives them; self-service business says so."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.pages import Page
from kiosk.widgets import icon, restyle, text_label, touch_button
from shared.documents.ticket_text import wait_words
from shared.views.kiosk_menu import Menu, Offer, QueueWait
from shared.vocabulary import BusinessClass, Tier

ICON_SIZE = 48
LARGE_COLUMNS = 2  # in large text a class's business sits in two wide columns


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
        self.large_grids: list[QGridLayout] = []
        self.by_class = menu.by_class()
        self.columns = self._columns()
        self.classes, self.class_buttons, self.large_buttons = self._class_tabs()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 12, 40, 12)
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.channel)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.classes, 1)
        self.show_large(False)

    def _business_button(self, offer: Offer) -> QPushButton:
        button = touch_button("", "business", f"business-{offer.key}")
        button.setProperty("selfService", "yes" if offer.self_service else "no")
        button.clicked.connect(lambda _=False, key=offer.key: self.chosen.emit(key))
        return button

    def _columns(self) -> QWidget:
        """The usual view: one column per class, every business at a glance (on a
        portrait screen two classes a row, so the columns fill its height)."""
        view = QWidget()
        self.column_grid = QGridLayout(view)
        self.column_grid.setContentsMargins(0, 0, 0, 0)
        self.column_grid.setSpacing(12)
        self.class_columns: list[QWidget] = []
        for business_class, offers in self.by_class:
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
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
                button = self._business_button(offer)
                column.addWidget(button)
                self.buttons[offer.key] = (button, offer)
            column.addStretch(1)
            self.class_columns.append(holder)
        self._place(self.column_grid, self.class_columns, len(self.class_columns))
        return view

    @staticmethod
    def _place(grid: QGridLayout, widgets: list[QWidget], per_row: int) -> None:
        for index, widget in enumerate(widgets):
            grid.addWidget(widget, index // per_row, index % per_row)
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 1 if column < per_row else 0)

    def _class_tabs(
        self,
    ) -> tuple[QWidget, dict[BusinessClass, QPushButton], dict[str, tuple[QPushButton, Offer]]]:
        """The large-text view: a button per class (with its wait), then that class's
        business in two wide columns, so the larger words still fit the screen."""
        view = QWidget()
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        tabs = self.tabs = QGridLayout()
        tabs.setSpacing(12)
        pages = QStackedWidget()
        class_buttons: dict[BusinessClass, QPushButton] = {}
        large_buttons: dict[str, tuple[QPushButton, Offer]] = {}
        for index, (business_class, offers) in enumerate(self.by_class):
            tab = touch_button("", "class-tab", f"class-{business_class}")
            tab.setCheckable(True)
            tab.clicked.connect(lambda _=False, i=index: self._pick_class(i))
            tabs.addWidget(tab, 0, index)
            class_buttons[business_class] = tab
            page = QWidget()
            grid = QGridLayout(page)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setSpacing(12)
            for place, offer in enumerate(offers):
                button = self._business_button(offer)
                grid.addWidget(button, place // LARGE_COLUMNS, place % LARGE_COLUMNS)
                large_buttons[offer.key] = (button, offer)
            grid.setRowStretch(grid.rowCount(), 1)
            self.large_grids.append(grid)
            pages.addWidget(page)
        self.class_pages = pages
        column.addLayout(tabs)
        column.addWidget(pages, 1)
        return view, class_buttons, large_buttons

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Classes (their columns, or their buttons in large text) in one row on a
        landscape screen, two a row on a portrait one."""
        portrait = event.size().height() > event.size().width()
        per_row = 2 if portrait else len(self.class_buttons)
        self._place(self.tabs, list(self.class_buttons.values()), per_row)
        self._place(self.column_grid, self.class_columns, per_row)
        for grid in self.large_grids:  # portrait: the keys, not an empty row, take the height
            grid.setRowStretch(grid.rowCount() - 1, 0 if portrait else 1)
        for button, _ in [*self.buttons.values(), *self.large_buttons.values()]:
            if button.property("portrait") != ("yes" if portrait else "no"):
                restyle(button, portrait="yes" if portrait else "no")
        super().resizeEvent(event)

    def _pick_class(self, index: int) -> None:
        self.class_pages.setCurrentIndex(index)
        for place, tab in enumerate(self.class_buttons.values()):
            tab.setChecked(place == index)

    def show_large(self, large: bool) -> None:
        """Large text swaps the columns for class buttons: only one view is laid out."""
        self.columns.setVisible(not large)
        self.classes.setVisible(large)
        self._pick_class(0)

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

    def people_line(self, wait: QueueWait) -> str:
        """The short form for a class button: who waits (the wait is on each business)."""
        if wait.wait_s is None:
            return self.tr("No counter open")
        return self.tr("%n waiting", "", wait.ahead) if wait.ahead else self.tr("No one waiting")

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
        for business_class, offers in self.by_class:
            tab = names[business_class]
            known = [self.waits[offer.key] for offer in offers if offer.key in self.waits]
            if known:  # the class's longest wait: no one is promised less than they get
                tab += "\n" + self.people_line(max(known, key=_wait_order))
            self.class_buttons[business_class].setText(tab.replace("&", "&&"))  # not a shortcut
        for button, offer in [*self.buttons.values(), *self.large_buttons.values()]:
            name = self.pick(offer.name, offer.name_en)
            wait = self.waits.get(offer.key)
            if wait is not None:
                name += "\n" + self.wait_line(wait)
            button.setText(name.replace("&", "&&"))  # a name's & is not a keyboard shortcut


def _wait_order(wait: QueueWait) -> tuple[bool, float, int]:
    """Longest first: a queue no counter serves counts as the longest."""
    return (wait.wait_s is None, wait.wait_s or 0.0, wait.ahead)
