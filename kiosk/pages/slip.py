"""The pre-processing slip (业务预处理单): the business's own fields, one per screen, each
with the input that suits it (digits, digits and X, pinyin for a name or a company,
letters, or big choice buttons) and checked with every key, so only a slip the store will
accept can be finished. A text field the customer cannot or will not type is left for
the clerk with one tap (到柜台填写). Where the kiosk has an ID card reader, a card laid on
it fills the holder's name and ID number at once."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.id_card.protocol import CardText, Problem
from kiosk.pages import Page
from kiosk.pinyin_input import Usage, warm_up
from kiosk.pinyin_pad import PinyinPad
from kiosk.widgets import (
    BACKSPACE,
    digit_pad,
    edited,
    letter_pad,
    restyle,
    text_label,
    touch_button,
)
from shared.field_definitions import AT_COUNTER, FieldDefinition
from shared.rules.person_name import MIDDLE_DOT, name_problem
from shared.services.slips import MAX_TEXT, MOBILE, resident_id_problem
from shared.views.kiosk_menu import printed_kind
from shared.vocabulary import FieldKind

LIMITS = {FieldKind.MOBILE: 11, FieldKind.RESIDENT_ID: 18}
TEXT_LIMIT = min(MAX_TEXT, 40)


def is_person_name(field: FieldDefinition) -> bool:
    """A person's name (机主姓名, 经办人): Chinese characters as on the resident ID."""
    return field.kind == FieldKind.NAME or printed_kind(field) == FieldKind.NAME


def typed_in_pinyin(field: FieldDefinition) -> bool:
    """A name or a company name is written in Chinese characters, typed in pinyin."""
    return is_person_name(field) or (field.kind == FieldKind.TEXT and field.key == "company")


def grouped_mobile(number: str) -> str:
    """138 0000 0001, as the customer reads a mobile number."""
    return " ".join(part for part in (number[:3], number[3:7], number[7:]) if part)


def grouped_resident_id(number: str) -> str:
    """110105 19491231 002X: region, date of birth, sequence and check digit, as the
    customer reads them off the card."""
    return " ".join(part for part in (number[:6], number[6:14], number[14:]) if part)


class SlipPage(Page):
    finished = Signal(dict)

    def __init__(self) -> None:
        super().__init__()
        self.fields: tuple[FieldDefinition, ...] = ()
        self.values: dict[str, str] = {}
        self.step = 0
        self.progress = text_label("subtitle", name="progress")
        self.label = text_label("title", name="field-label")
        self.entry = QLineEdit()
        self.entry.setObjectName("field-entry")
        self.entry.textEdited.connect(self._typed)
        self.status = text_label("status", name="status")
        self.reads_cards = False  # the kiosk has an ID card reader
        self.card_hint = text_label("subtitle", name="card-hint")
        self.inputs = QStackedWidget()
        self.pads = {
            "digits": digit_pad(),
            "resident_id": digit_pad(with_x=True),
            "text": letter_pad(),
        }
        for pad in self.pads.values():
            pad.pressed.connect(self.press)
            self.inputs.addWidget(pad)
        self.pinyin = PinyinPad()
        self.pinyin.committed.connect(self._add)
        self.pinyin.erased.connect(lambda: self.press(BACKSPACE))
        self.pinyin.spelling.connect(lambda _typed: self.refresh())
        self.inputs.addWidget(self.pinyin)
        self.at_counter = touch_button("", "secondary", "at-counter")
        self.at_counter.clicked.connect(self.leave_for_counter)
        self.choices = QWidget()
        self.choice_grid = QGridLayout(self.choices)
        self.choice_grid.setSpacing(16)
        self.inputs.addWidget(self.choices)
        # At the top by the item count, away from the frame's own "‹ Back" at the bottom.
        self.back = touch_button("", "step", "previous-field")
        self.next = touch_button("", "primary", "next-field")
        self.back.clicked.connect(self.previous)
        self.next.clicked.connect(self.advance)
        self.back.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        where = QHBoxLayout()
        where.setSpacing(16)
        where.addWidget(self.progress, 1)
        where.addWidget(self.back)
        left = QVBoxLayout()
        left.setSpacing(14)
        left.addLayout(where)
        left.addWidget(self.label)
        left.addWidget(self.entry)
        left.addWidget(self.status)
        left.addWidget(self.card_hint)
        left.addStretch(1)
        left.addWidget(self.at_counter)
        left.addSpacing(28)  # apart from the next item, so neither is tapped for the other
        left.addWidget(self.next)
        layout = self.body = QHBoxLayout(self)
        layout.setContentsMargins(40, 20, 40, 20)
        layout.setSpacing(28)
        layout.addLayout(left, 1)
        layout.addWidget(self.inputs, 1)

    def card_fields(self) -> list[str]:
        """The fields a resident ID card fills: the first person's name and ID number."""
        names = [field.key for field in self.fields if is_person_name(field)][:1]
        ids = [field.key for field in self.fields if field.kind == FieldKind.RESIDENT_ID][:1]
        return names + ids

    def fill_from_card(self, card: CardText) -> None:
        """The card's name and number in one touch, then on to the first field still
        empty; a card whose text would not pass fills nothing."""
        number = card.id_number.upper()
        if name_problem(card.name) or resident_id_problem(number):
            self.show_card_problem(Problem.CARD_DATA)
            return
        read = {
            key: number if self._kind(key) == FieldKind.RESIDENT_ID else card.name
            for key in self.card_fields()
        }
        if all(self.values.get(key) == value for key, value in read.items()):
            return  # the same card again: the customer stays where they are
        self.values.update(read)
        empty = [i for i, field in enumerate(self.fields) if not self.values.get(field.key)]
        self.step = empty[0] if empty else len(self.fields) - 1
        self._show_field()
        self.status.setText(self.tr("✓ Name and ID number read from your ID card"))
        restyle(self.status, state="ok")

    def _kind(self, key: str) -> FieldKind:
        return next(field.kind for field in self.fields if field.key == key)

    def show_card_problem(self, problem: str) -> None:
        """A card that could not be read: one line why, nothing filled."""
        why = {
            Problem.CHECKSUM: self.tr("the reader's answer was damaged"),
            Problem.LENGTH: self.tr("the reader's answer was incomplete"),
            Problem.PREAMBLE: self.tr("the reader's answer was damaged"),
            Problem.REFUSED: self.tr("the reader could not read the card"),
            Problem.CARD_DATA: self.tr("the card's details are not valid"),
            Problem.SILENT: self.tr("the reader does not answer"),
        }.get(Problem(problem), problem)
        self.status.setText(
            self.tr("The ID card was not read (%1). Please lift it and lay it again.").replace(
                "%1", why
            )
        )
        restyle(self.status, state="problem")

    def start(self, fields: tuple[FieldDefinition, ...]) -> None:
        if any(typed_in_pinyin(field) for field in fields):
            warm_up()
        self.fields, self.values, self.step = fields, {}, 0
        self._show_field()

    def edit(self, key: str) -> None:
        """Back to one field from the confirm screen, everything typed kept."""
        self.step = next(i for i, field in enumerate(self.fields) if field.key == key)
        self._show_field()

    @property
    def field(self) -> FieldDefinition:
        return self.fields[self.step]

    @property
    def key(self) -> str:
        return self.field.key

    def _show_field(self) -> None:
        kind = self.field.kind
        self._show_value()
        # Text may also come from the kiosk's handwriting input method, an ID number from
        # a keyboard or a scanner's keystrokes.
        self.entry.setReadOnly(kind not in (FieldKind.TEXT, FieldKind.NAME, FieldKind.RESIDENT_ID))
        if kind == FieldKind.CHOICE:
            self._fill_choices(self.field.choices)
            self.inputs.setCurrentWidget(self.choices)
        elif typed_in_pinyin(self.field):
            person = is_person_name(self.field)
            self.pinyin.begin(self._usage(), middle_dot=person)
            self.inputs.setCurrentWidget(self.pinyin)
        else:
            pad = {FieldKind.MOBILE: "digits", FieldKind.RESIDENT_ID: "resident_id"}.get(
                kind, "text"
            )
            self.inputs.setCurrentWidget(self.pads[pad])
        self.translate_words()
        self.asked.emit()

    def _fill_choices(self, choices: tuple[str, ...]) -> None:
        while self.choice_grid.count():
            item = self.choice_grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        for index, choice in enumerate(choices):
            button = touch_button(self.shown_choice(choice), "choice", f"choice-{index}")
            button.setProperty("choice", choice)
            button.setCheckable(True)
            button.setChecked(self.values.get(self.key) == choice)
            button.clicked.connect(lambda _=False, choice=choice: self._choose(choice))
            self.choice_grid.addWidget(button, index // 2, index % 2)
            button.show()  # at once: the layout alone would show it only on the next event

    def shown_choice(self, choice: str) -> str:
        """A choice in the customer's language (the slip stores the hall's own word)."""
        return self.pick(choice, self.field.choice_en(choice))

    def _choice_buttons(self) -> list[QPushButton]:
        items = (self.choice_grid.itemAt(index) for index in range(self.choice_grid.count()))
        widgets = (item.widget() for item in items if item is not None)
        return [widget for widget in widgets if isinstance(widget, QPushButton)]

    def _choose(self, choice: str) -> None:
        self.values[self.key] = choice
        for button in self._choice_buttons():
            button.setChecked(button.property("choice") == choice)
        self._show_value()
        self.refresh()

    def _usage(self) -> Usage:
        if not is_person_name(self.field):
            return Usage.COMPANY
        return Usage.GIVEN_NAME if self._typed_so_far() else Usage.SURNAME

    def _typed_so_far(self) -> str:
        """The field's value as typing goes on: a field left for the counter starts over."""
        value = self.values.get(self.key, "")
        return "" if value == AT_COUNTER else value

    def _show_value(self) -> None:
        value = self.values.get(self.key, "")
        if value == AT_COUNTER:
            value = self.tr("Fill in at the counter")
        elif self.field.kind == FieldKind.CHOICE and value:
            value = self.shown_choice(value)
        elif self.field.kind == FieldKind.RESIDENT_ID:
            value = grouped_resident_id(value)
        elif self.field.kind == FieldKind.MOBILE:
            value = grouped_mobile(value)
        self.entry.setText(value)

    def press(self, key: str) -> None:
        limit = LIMITS.get(self.field.kind, TEXT_LIMIT)
        self.values[self.key] = edited(self._typed_so_far(), key, limit)
        self._changed()

    def _add(self, characters: str) -> None:
        """Characters picked on the pinyin bar, within the field's limit."""
        self.values[self.key] = (self._typed_so_far() + characters)[:TEXT_LIMIT]
        self._changed()

    def _changed(self) -> None:
        self._show_value()
        if self.inputs.currentWidget() is self.pinyin:
            self.pinyin.use_for(self._usage())
        self.refresh()

    def _typed(self, text: str) -> None:
        """Text from the handwriting input method or a keyboard; after "fill in at the
        counter" it replaces those words."""
        if self.field.kind == FieldKind.RESIDENT_ID:  # shown grouped; a lowercase x is an X
            number = "".join(c for c in text.upper() if c.isdigit() or c == "X")
            self.values[self.key] = number[: LIMITS[FieldKind.RESIDENT_ID]]
            self._show_value()
            self.refresh()
            return
        words = self.tr("Fill in at the counter")
        if self.values.get(self.key) == AT_COUNTER:
            text = text.replace(words, "", 1)
        self.values[self.key] = text[:TEXT_LIMIT]
        self.refresh()

    def leave_for_counter(self) -> None:
        """The customer will give this at the counter: the slip says so, and on we go."""
        self.values[self.key] = AT_COUNTER
        self.pinyin.begin(self.pinyin.usage, middle_dot=False)
        self._show_value()
        self.refresh()
        self.advance()

    def problem(self) -> str | None:
        """What keeps this field from being finished, in the customer's words."""
        value = self.values.get(self.key, "").strip()
        kind = self.field.kind
        if value == AT_COUNTER:
            return None
        if not value:
            return self.tr("Please fill this in") if self.field.required else None
        if is_person_name(self.field) and (problem := name_problem(value)):
            if "Latin" in problem:
                return self.tr("Please type the name in Chinese characters, as on the ID card")
            if "at least" in problem:
                return self.tr("Please type the whole name")
            return self.tr("A middle dot · goes only between the parts of a name")
        if kind in LIMITS and len(value) < LIMITS[kind]:
            return self.tr("%n more character(s) to enter", "", LIMITS[kind] - len(value))
        if kind == FieldKind.MOBILE and not MOBILE.fullmatch(value):
            return self.tr("This is not a mobile number: it starts with 13 to 19")
        if kind == FieldKind.RESIDENT_ID and (problem := resident_id_problem(value)):
            return {
                "the resident ID's date of birth is not a real date": self.tr(
                    "The date of birth in this ID number is not a real date"
                ),
                "the resident ID's check digit does not match": self.tr(
                    "This ID number is not right (the last digit does not match). "
                    "Please check each digit."
                ),
            }.get(problem, self.tr("An ID number is 17 digits and a last digit or X"))
        return None

    def unfinished(self) -> bool:
        """Still being typed (nothing yet, digits still to come, a name's first character
        only): a hint in calm colours, not an error."""
        value = self._typed_so_far().strip()
        kind = self.field.kind
        if is_person_name(self.field) and value and not value.isascii():
            return len(value) < 2 or value.endswith(MIDDLE_DOT)
        return not value or (kind in LIMITS and len(value) < LIMITS[kind])

    def refresh(self) -> None:
        problem = self.problem()
        state = "ok" if problem is None else "hint" if self.unfinished() else "problem"
        if self.inputs.currentWidget() is self.pinyin and self.pinyin.typed:
            if self.pinyin.found:
                problem, state = self.tr("Tap the character you mean (‹ › for more)"), "hint"
            else:
                problem = self.tr("No character is read like this: erase a letter")
                state = "problem"
        self.status.setText(problem or self.tr("✓ Looks right"))
        restyle(self.status, state=state)
        self.next.setEnabled(problem is None)

    def advance(self) -> None:
        if self.problem() is not None:
            return
        if self.step + 1 < len(self.fields):
            self.step += 1
            self._show_field()
        else:
            filled = {key: value.strip() for key, value in self.values.items() if value.strip()}
            self.finished.emit(filled)

    def previous(self) -> None:
        if self.step > 0:
            self.step -= 1
            self._show_field()

    def translate_words(self) -> None:
        if not self.fields:
            return
        self.progress.setText(
            self.tr("Item %1 of %2")
            .replace("%1", str(self.step + 1))
            .replace("%2", str(len(self.fields)))
        )
        label = self.pick(self.field.label, self.field.label_en or self.field.label)
        if not self.field.required:
            label += " " + self.tr("(optional)")
        self.label.setText(label)
        self.back.setText("‹ " + self.tr("Previous item"))
        self.at_counter.setText(self.tr("Fill in at the counter"))
        self.card_hint.setText(
            self.tr("Or lay your ID card on the reader: name and number at once")
        )
        self.card_hint.setVisible(self.reads_cards and self.key in self.card_fields())
        for button in self._choice_buttons():
            button.setText(self.shown_choice(str(button.property("choice"))))
        self.at_counter.setVisible(self.field.kind in (FieldKind.TEXT, FieldKind.NAME))
        self._show_value()
        self.back.setVisible(self.step > 0)
        last = self.step + 1 == len(self.fields)
        self.next.setText(self.tr("Done") if last else self.tr("Next item"))
        self.refresh()
