"""The administrator's window: sign in with staff id and PIN (an administrator only: the
store or the hall server decides), then one tab each for the staff, the counters and the
queues they serve, the enrolled devices, every setting with its meaning and bounds, the
special lists, and the businesses with their slip and form fields.

Every change goes through the window's source (the store of this PC, or the hall server
under the administrator's session), which checks it and records it in the audit log; the
window shows a change as done only once the store committed it or the server answered, and
a refusal as one line. Each tab is read again after every change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter.admin.sources import Admin, AdminSource
from counter.admin.words import bounds_words, meaning_words, role_words, state_words
from counter.sign_in import SignInForm
from shared.vocabulary import DeviceKind, Role, SpecialList

ChooseFile = Callable[[QWidget], str]  # the CSV file the administrator picked, "" for none


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def pick_csv(parent: QWidget) -> str:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        translate("AdminWindow", "Import a list"),
        "",
        translate("AdminWindow", "CSV files (*.csv);;All files (*)"),
    )
    return chosen


def _table(headers: Sequence[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[object]]) -> None:
    """The rows, the chosen one kept chosen without telling anyone (a re-read after a
    change elsewhere must not overwrite what the administrator is typing)."""
    chosen = table.currentRow()
    table.blockSignals(True)
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setToolTip(item.text())
            table.setItem(row, column, item)
    if 0 <= chosen < len(rows):
        table.selectRow(chosen)
    table.blockSignals(False)


def _chosen(table: QTableWidget, column: int = 0) -> str | None:
    row = table.currentRow()
    item = table.item(row, column) if row >= 0 else None
    return item.text() if item is not None else None


_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget


def _button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _row(*widgets: QWidget) -> QHBoxLayout:
    line = QHBoxLayout()
    for widget in widgets:
        line.addWidget(widget)
    line.addStretch(1)
    return line


class AdminWindow(QMainWindow):
    """Sign-in page, then the tabs of the hall's administration."""

    def __init__(
        self,
        source: AdminSource,
        *,
        language: str = "zh",
        choose_file: ChooseFile = pick_csv,
    ) -> None:
        super().__init__()
        self.source, self.language, self.choose_file = source, language, choose_file
        self.admin: Admin | None = None
        self.setWindowTitle(translate("AdminWindow", "hallq administration"))
        self.pages = QStackedWidget()
        self.sign_in_page = SignInForm(
            translate("AdminWindow", "Administration"),
            self._sign_in,
            note=translate("AdminWindow", "For the hall's administrator only."),
            width=480,
        )
        self.pages.addWidget(self.sign_in_page)
        self.pages.addWidget(self._work_page())
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.setCentralWidget(central)
        self.resize(1440, 900)

    # ----- signing in and out -----

    def sign_in(self, staff_id: str, pin: str) -> None:
        """As typed on the sign-in page (the program's --admin and --pin use it)."""
        self.sign_in_page.staff.setText(staff_id)
        self.sign_in_page.pin.setText(pin)
        self.sign_in_page.send()

    def _sign_in(self, staff_id: str, pin: str) -> None:
        self.source.sign_in(staff_id, pin, self._signed_in, self.sign_in_page.refused)

    def _signed_in(self, admin: Admin) -> None:
        self.admin = admin
        self.sign_in_page.opened()
        self.who.setText(
            translate("AdminWindow", "Signed in: %1 (%2)")
            .replace("%1", admin.name)
            .replace("%2", admin.staff_id)
        )
        self.message.clear()
        self.pages.setCurrentIndex(1)
        self.tabs.setCurrentIndex(0)
        self.refresh()

    def sign_out(self) -> None:
        if self.admin is not None:
            self.source.sign_out(self.admin)
        self.admin = None
        self.new_key.clear()
        self.pages.setCurrentIndex(0)
        self.sign_in_page.staff.setFocus()

    def session_ended(self, reason: str) -> None:
        """The server no longer knows the administrator's session."""
        self.admin = None
        self.pages.setCurrentIndex(0)
        self.sign_in_page.refused(reason)

    # ----- the tabs -----

    def _work_page(self) -> QWidget:
        page = QWidget()
        self.who = QLabel()
        self.who.setObjectName("counterHeading")
        top = QHBoxLayout()
        top.addWidget(self.who)
        top.addStretch(1)
        top.addWidget(_button(translate("AdminWindow", "Sign out"), "signOutButton", self.sign_out))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.tabs.addTab(self._staff_tab(), translate("AdminWindow", "Staff"))
        self.tabs.addTab(self._counters_tab(), translate("AdminWindow", "Counters"))
        self.tabs.addTab(self._devices_tab(), translate("AdminWindow", "Devices"))
        self.tabs.addTab(self._settings_tab(), translate("AdminWindow", "Settings"))
        self.tabs.addTab(self._lists_tab(), translate("AdminWindow", "Special lists"))
        self.tabs.addTab(self._businesses_tab(), translate("AdminWindow", "Businesses"))
        self.message = QLabel()
        self.message.setObjectName("counterMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        return page

    def _staff_tab(self) -> QWidget:
        tab = QWidget()
        self.staff_table = _table(
            [
                translate("AdminWindow", "Staff ID"),
                translate("AdminWindow", "Full name"),
                translate("AdminWindow", "Role"),
                translate("AdminWindow", "Sign-in"),
            ],
            "staffTable",
        )
        self.new_staff_id = _named(QLineEdit(maxLength=20), "newStaffId")
        self.new_staff_name = _named(QLineEdit(maxLength=50), "newStaffName")
        self.new_staff_role = self._roles("newStaffRole")
        self.chosen_role = self._roles("chosenRole")
        self.new_pin = _named(QLineEdit(maxLength=8), "newPin")
        self.new_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pin.setPlaceholderText(translate("AdminWindow", "new PIN"))
        layout = QVBoxLayout(tab)
        layout.addWidget(self.staff_table, 1)
        layout.addWidget(QLabel(translate("AdminWindow", "The chosen member of staff:")))
        layout.addLayout(
            _row(
                _button(translate("AdminWindow", "Disable"), "disableButton", self._disable),
                QLabel(translate("AdminWindow", "New PIN")),
                self.new_pin,
                _button(translate("AdminWindow", "Set the PIN"), "pinButton", self._reset_pin),
                QLabel(translate("AdminWindow", "Role")),
                self.chosen_role,
                _button(
                    translate("AdminWindow", "Change the role"), "roleButton", self._change_role
                ),
            )
        )
        layout.addWidget(
            QLabel(translate("AdminWindow", "A new member of staff (signs in once given a PIN):"))
        )
        layout.addLayout(
            _row(
                QLabel(translate("AdminWindow", "Staff ID")),
                self.new_staff_id,
                QLabel(translate("AdminWindow", "Full name")),
                self.new_staff_name,
                QLabel(translate("AdminWindow", "Role")),
                self.new_staff_role,
                _button(translate("AdminWindow", "Add"), "addStaffButton", self._add_staff),
            )
        )
        return tab

    def _roles(self, name: str) -> QComboBox:
        box = _named(QComboBox(), name)
        for role in Role:
            box.addItem(role_words(str(role)), str(role))
        return box

    def _counters_tab(self) -> QWidget:
        tab = QWidget()
        self.counter_table = _table(
            [
                translate("AdminWindow", "Counter"),
                translate("AdminWindow", "Name"),
                translate("AdminWindow", "Queues served (calling order)"),
                translate("AdminWindow", "State"),
            ],
            "counterTable",
        )
        self.counter_queues = _named(QLineEdit(maxLength=26), "counterQueues")
        self.counter_queues.setPlaceholderText(translate("AdminWindow", "e.g. VAB"))
        self.new_counter_number = _named(QSpinBox(minimum=1, maximum=999), "newCounterNumber")
        self.new_counter_queues = _named(QLineEdit(maxLength=26), "newCounterQueues")
        self.new_counter_name = _named(QLineEdit(maxLength=50), "newCounterName")
        layout = QVBoxLayout(tab)
        layout.addWidget(self.counter_table, 1)
        layout.addWidget(
            QLabel(translate("AdminWindow", "The chosen counter serves, from its next opening:"))
        )
        layout.addLayout(
            _row(
                self.counter_queues,
                _button(
                    translate("AdminWindow", "Change the queues"),
                    "queuesButton",
                    self._change_queues,
                ),
            )
        )
        layout.addWidget(QLabel(translate("AdminWindow", "A new counter:")))
        layout.addLayout(
            _row(
                QLabel(translate("AdminWindow", "Number")),
                self.new_counter_number,
                QLabel(translate("AdminWindow", "Queues")),
                self.new_counter_queues,
                QLabel(translate("AdminWindow", "Name")),
                self.new_counter_name,
                _button(translate("AdminWindow", "Add"), "addCounterButton", self._add_counter),
            )
        )
        return tab

    def _devices_tab(self) -> QWidget:
        tab = QWidget()
        self.device_table = _table(
            [
                translate("AdminWindow", "Name"),
                translate("AdminWindow", "Kind"),
                translate("AdminWindow", "Faces counter"),
                translate("AdminWindow", "Enrolled"),
                translate("AdminWindow", "Revoked"),
            ],
            "deviceTable",
        )
        self.device_name = _named(QLineEdit(maxLength=40), "deviceName")
        self.device_name.setPlaceholderText(translate("AdminWindow", "e.g. kiosk-2"))
        self.device_kind = _named(QComboBox(), "deviceKind")
        for kind, words in (
            (DeviceKind.KIOSK, translate("AdminWindow", "Kiosk")),
            (DeviceKind.BOARD, translate("AdminWindow", "Calling board")),
            (DeviceKind.CUSTOMER_SCREEN, translate("AdminWindow", "Customer screen")),
        ):
            self.device_kind.addItem(words, str(kind))
        self.device_counter = _named(QSpinBox(minimum=1, maximum=999), "deviceCounter")
        self.device_kind.currentIndexChanged.connect(self._kind_chosen)
        self.new_key = _named(QLineEdit(readOnly=True), "newKey")
        self.new_key.setPlaceholderText(
            translate("AdminWindow", "The new device's key is shown here once.")
        )
        layout = QVBoxLayout(tab)
        layout.addWidget(self.device_table, 1)
        layout.addLayout(
            _row(
                _button(
                    translate("AdminWindow", "Revoke the chosen device"),
                    "revokeButton",
                    self._revoke,
                )
            )
        )
        layout.addWidget(QLabel(translate("AdminWindow", "Enrol a device:")))
        layout.addLayout(
            _row(
                QLabel(translate("AdminWindow", "Name")),
                self.device_name,
                QLabel(translate("AdminWindow", "Kind")),
                self.device_kind,
                QLabel(translate("AdminWindow", "Counter")),
                self.device_counter,
                _button(translate("AdminWindow", "Enrol"), "enrolButton", self._enrol),
            )
        )
        key_line = QHBoxLayout()
        key_line.addWidget(
            QLabel(translate("AdminWindow", "Key (shown once; copy it to the device now)"))
        )
        key_line.addWidget(self.new_key, 1)
        layout.addLayout(key_line)
        self._kind_chosen()
        return tab

    def _settings_tab(self) -> QWidget:
        tab = QWidget()
        self.settings_table = _table(
            [
                translate("AdminWindow", "Setting"),
                translate("AdminWindow", "Value"),
                translate("AdminWindow", "Default"),
                translate("AdminWindow", "Bounds"),
                translate("AdminWindow", "Meaning"),
            ],
            "settingsTable",
        )
        self.settings_table.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch
        )
        self.settings_table.setWordWrap(True)
        self.setting_value = _named(QLineEdit(maxLength=200), "settingValue")
        self.setting_value.returnPressed.connect(self._change_setting)
        self.settings_table.itemSelectionChanged.connect(self._setting_chosen)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.settings_table, 1)
        layout.addLayout(
            _row(
                QLabel(translate("AdminWindow", "New value of the chosen setting")),
                self.setting_value,
                _button(translate("AdminWindow", "Change"), "settingButton", self._change_setting),
            )
        )
        return tab

    def _lists_tab(self) -> QWidget:
        tab = QWidget()
        self.list_kind = _named(QComboBox(), "listKind")
        for kind, words in (
            (SpecialList.BLACKLIST, translate("AdminWindow", "Blacklist")),
            (SpecialList.GREYLIST, translate("AdminWindow", "Greylist")),
            (SpecialList.DO_NOT_DISTURB, translate("AdminWindow", "Do not disturb")),
            (SpecialList.SENSITIVE_COMPLAINT, translate("AdminWindow", "Sensitive complaint")),
        ):
            self.list_kind.addItem(words, str(kind))
        self.list_kind.currentIndexChanged.connect(lambda _: self._read_list())
        self.list_sizes = _named(QLabel(), "listSizes")
        self.list_table = _table(
            [translate("AdminWindow", "Number"), translate("AdminWindow", "Added")], "listTable"
        )
        layout = QVBoxLayout(tab)
        layout.addLayout(
            _row(
                QLabel(translate("AdminWindow", "List")),
                self.list_kind,
                _button(translate("AdminWindow", "Import CSV…"), "importButton", self._import),
                _button(
                    translate("AdminWindow", "Remove the chosen number"),
                    "removeButton",
                    self._remove,
                ),
            )
        )
        layout.addWidget(self.list_sizes)
        layout.addWidget(self.list_table, 1)
        note = QLabel(
            translate(
                "AdminWindow",
                "A CSV file of numbers, one a line; any refused line refuses the whole file,"
                " and nothing is imported.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        return tab

    def _businesses_tab(self) -> QWidget:
        tab = QWidget()
        self.business_table = _table(
            [
                translate("AdminWindow", "Key"),
                translate("AdminWindow", "Name"),
                translate("AdminWindow", "Queue"),
                translate("AdminWindow", "Self-service"),
                translate("AdminWindow", "Slip fields"),
                translate("AdminWindow", "Form fields"),
            ],
            "businessTable",
        )
        layout = QVBoxLayout(tab)
        layout.addWidget(self.business_table, 1)
        note = QLabel(
            translate(
                "AdminWindow", "The businesses and their fields change with `hallq hall load`."
            )
        )
        layout.addWidget(note)
        return tab

    # ----- reading -----

    def refresh(self) -> None:
        """Read every tab again (after a change, or when the hall changed)."""
        admin = self.admin
        if admin is None:
            return
        read = self.source.read
        read(admin, "staff", self._show_staff, self._say)
        read(admin, "counters", self._show_counters, self._say)
        read(admin, "devices", self._show_devices, self._say)
        read(admin, "settings", self._show_settings, self._say)
        read(admin, "businesses", self._show_businesses, self._say)
        self._read_list()

    def _read_list(self) -> None:
        if self.admin is None:
            return
        self.source.read(self.admin, "lists", self._show_sizes, self._say)
        kind = self.list_kind.currentData()
        self.source.read(self.admin, f"list:{kind}", self._show_list, self._say)

    def _show_staff(self, rows: list[dict[str, Any]]) -> None:
        _fill(
            self.staff_table,
            [
                (
                    row["staff_id"],
                    row["name"],
                    role_words(row["role"]),
                    translate("AdminWindow", "Can sign in")
                    if row["can_sign_in"]
                    else translate("AdminWindow", "Disabled (no PIN)"),
                )
                for row in rows
            ],
        )

    def _show_counters(self, rows: list[dict[str, Any]]) -> None:
        _fill(
            self.counter_table,
            [(r["number"], r["name"], r["queues"], state_words(r["state"])) for r in rows],
        )

    def _show_devices(self, rows: list[dict[str, Any]]) -> None:
        kinds = {
            self.device_kind.itemData(i): self.device_kind.itemText(i)
            for i in range(self.device_kind.count())
        }
        _fill(
            self.device_table,
            [
                (
                    r["name"],
                    kinds.get(r["kind"], r["kind"]),
                    r["counter"] or "",
                    str(r["enrolled_at"])[:16].replace("T", " "),
                    str(r["revoked_at"] or "")[:16].replace("T", " "),
                )
                for r in rows
            ],
        )

    def _show_settings(self, rows: list[dict[str, Any]]) -> None:
        self._settings = rows
        _fill(
            self.settings_table,
            [
                (
                    r["name"],
                    self._shown(r["value"]),
                    self._shown(r["default"]),
                    bounds_words(r["bounds"]) or translate("AdminWindow", "yes or no"),
                    meaning_words(r["meaning"]),
                )
                for r in rows
            ],
        )

    @staticmethod
    def _shown(value: object) -> str:
        if isinstance(value, bool):
            return (
                translate("AdminWindow", "Yes (1)") if value else translate("AdminWindow", "No (0)")
            )
        return _value(value)

    def _show_sizes(self, answer: dict[str, Any]) -> None:
        sizes = answer.get("sizes", {})
        parts = [
            f"{self.list_kind.itemText(i)}: {sizes.get(self.list_kind.itemData(i), 0)}"
            for i in range(self.list_kind.count())
        ]
        self.list_sizes.setText(
            translate("AdminWindow", "Numbers on each list: ") + " · ".join(parts)
        )

    def _show_list(self, rows: list[dict[str, Any]]) -> None:
        _fill(
            self.list_table,
            [(r["phone"], str(r["added_at"])[:16].replace("T", " ")) for r in rows],
        )

    def _show_businesses(self, rows: list[dict[str, Any]]) -> None:
        def labels(fields: list[dict[str, Any]]) -> str:
            key = "label" if self.language == "zh" else "label_en"
            joint = "、" if self.language == "zh" else ", "
            return joint.join(str(f.get(key) or f.get("label") or f.get("key")) for f in fields)

        _fill(
            self.business_table,
            [
                (
                    r["key"],
                    r["name"] if self.language == "zh" else (r["name_en"] or r["name"]),
                    r["queue"],
                    translate("AdminWindow", "Yes")
                    if r["self_service"]
                    else translate("AdminWindow", "No"),
                    labels(r["slip_fields"]),
                    labels(r["form_fields"]),
                )
                for r in rows
            ],
        )

    # ----- acting -----

    def _say(self, reason: str) -> None:
        self.message.setProperty("error", True)
        self.message.setText(translate("AdminWindow", "Not done: %1").replace("%1", reason))
        self.message.style().polish(self.message)

    def _act(self, act: str, body: dict[str, Any], done_words: str, after=None) -> None:
        if self.admin is None:
            return

        def done(answer: Any) -> None:
            self.message.setProperty("error", False)
            self.message.setText(done_words)
            self.message.style().polish(self.message)
            if after is not None:
                after(answer)
            self.refresh()

        self.source.act(self.admin, act, body, done, self._say)

    def _need(self, table: QTableWidget, what: str) -> str | None:
        chosen = _chosen(table)
        if chosen is None:
            self._say(translate("AdminWindow", "choose %1 in the list first").replace("%1", what))
        return chosen

    def _disable(self) -> None:
        if (
            staff := self._need(self.staff_table, translate("AdminWindow", "a member of staff"))
        ) is not None:
            self._act(
                "disable",
                {"staff_id": staff},
                translate(
                    "AdminWindow", "%1 is disabled: cannot sign in until given a new PIN"
                ).replace("%1", staff),
            )

    def _reset_pin(self) -> None:
        if (
            staff := self._need(self.staff_table, translate("AdminWindow", "a member of staff"))
        ) is not None:
            pin = self.new_pin.text()
            self.new_pin.clear()
            self._act(
                "pin",
                {"staff_id": staff, "pin": pin},
                translate("AdminWindow", "%1 has a new PIN").replace("%1", staff),
            )

    def _change_role(self) -> None:
        if (
            staff := self._need(self.staff_table, translate("AdminWindow", "a member of staff"))
        ) is not None:
            role = self.chosen_role.currentData()
            self._act(
                "role",
                {"staff_id": staff, "role": role},
                translate("AdminWindow", "%1 is now: %2")
                .replace("%1", staff)
                .replace("%2", role_words(role)),
            )

    def _add_staff(self) -> None:
        staff = self.new_staff_id.text().strip()
        self._act(
            "add-staff",
            {
                "staff_id": staff,
                "name": self.new_staff_name.text().strip(),
                "role": self.new_staff_role.currentData(),
            },
            translate("AdminWindow", "%1 added; give them a PIN to sign in").replace("%1", staff),
            after=lambda _: self._staff_added(),
        )

    def _staff_added(self) -> None:
        self.new_staff_id.clear()
        self.new_staff_name.clear()

    def _change_queues(self) -> None:
        if (
            number := self._need(self.counter_table, translate("AdminWindow", "a counter"))
        ) is not None:
            queues = self.counter_queues.text().strip().upper()
            self._act(
                "queues",
                {"number": int(number), "queues": queues},
                translate("AdminWindow", "Counter %1 serves %2 from its next opening")
                .replace("%1", number)
                .replace("%2", queues),
            )

    def _add_counter(self) -> None:
        number = self.new_counter_number.value()
        self._act(
            "add-counter",
            {
                "number": number,
                "queues": self.new_counter_queues.text().strip().upper(),
                "name": self.new_counter_name.text().strip(),
            },
            translate("AdminWindow", "Counter %1 added").replace("%1", str(number)),
        )

    def _kind_chosen(self) -> None:
        self.device_counter.setEnabled(
            self.device_kind.currentData() == str(DeviceKind.CUSTOMER_SCREEN)
        )

    def _enrol(self) -> None:
        kind = self.device_kind.currentData()
        name = self.device_name.text().strip()
        body: dict[str, Any] = {"name": name, "kind": kind}
        if kind == str(DeviceKind.CUSTOMER_SCREEN):
            body["counter"] = self.device_counter.value()
        self.new_key.clear()

        def show_key(answer: Any) -> None:
            self.new_key.setText(str(answer.get("key", "")) if isinstance(answer, dict) else "")
            self.device_name.clear()

        self._act(
            "enrol",
            body,
            translate("AdminWindow", "%1 enrolled; its key is shown once, below").replace(
                "%1", name
            ),
            after=show_key,
        )

    def _revoke(self) -> None:
        if (
            name := self._need(self.device_table, translate("AdminWindow", "a device"))
        ) is not None:
            self._act(
                "revoke", {"name": name}, translate("AdminWindow", "%1 revoked").replace("%1", name)
            )

    def _setting_chosen(self) -> None:
        row = self.settings_table.currentRow()
        if 0 <= row < len(getattr(self, "_settings", [])):
            self.setting_value.setText(_value(self._settings[row]["value"]))

    def _change_setting(self) -> None:
        if (
            name := self._need(self.settings_table, translate("AdminWindow", "a setting"))
        ) is not None:
            value = self.setting_value.text()
            self._act(
                "settings",
                {"changes": {name: value}},
                translate("AdminWindow", "%1 is now %2").replace("%1", name).replace("%2", value),
            )

    def _import(self) -> None:
        chosen = self.choose_file(self)
        if not chosen:
            return
        path = Path(chosen)
        try:
            content = path.read_bytes()
        except OSError as error:
            self._say(f"{path.name}: {error.strerror}")
            return

        def imported(answer: Any) -> str:
            return (
                translate("AdminWindow", "%1: %2 rows, %3 added, %4 already on the list")
                .replace("%1", path.name)
                .replace("%2", str(answer.get("rows")))
                .replace("%3", str(answer.get("added")))
                .replace("%4", str(answer.get("already")))
            )

        kind = self.list_kind.currentData()
        self._act(
            "import",
            {"kind": kind, "content": content, "file": path.name},
            "",
            after=lambda answer: self.message.setText(imported(answer)),
        )

    def _remove(self) -> None:
        if (phone := self._need(self.list_table, translate("AdminWindow", "a number"))) is not None:
            self._act(
                "remove",
                {"kind": self.list_kind.currentData(), "phone": phone},
                translate("AdminWindow", "%1 taken off the list").replace("%1", phone),
            )


def _value(value: object) -> str:
    """A setting's value as typed to change it (a true/false one as 1 or 0)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    return "" if value is None else str(value)
