"""A slip's or a transaction form's field definitions, parsed once into typed objects.

The hall definition gives them (and the store keeps them) as JSON lists of objects such as
{"key": "reason", "label": "补卡原因", "label_en": "Reason", "kind": "choice",
"required": true, "choices": ["丢失", "损坏"]}; every reader works with FieldDefinition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from shared.errors import Rejected
from shared.vocabulary import FieldKind

MAX_KEY = 40
# A text field the customer left for the clerk (到柜台填写): the slip holds this marker,
# which no kiosk key types, and every print and screen shows it as words.
AT_COUNTER = "〔到柜台填写〕"
AT_COUNTER_WORDS = ("到柜台填写", "fill in at the counter")
MAX_LABEL = 100
_ATTRIBUTES = frozenset(("key", "label", "label_en", "kind", "required", "choices", "choices_en"))
_KINDS = frozenset(FieldKind)


@dataclass(frozen=True)
class FieldDefinition:
    key: str
    label: str
    label_en: str = ""
    kind: FieldKind = FieldKind.TEXT
    required: bool = False
    choices: tuple[str, ...] = ()  # a choice field's options, in the order shown
    choices_en: tuple[str, ...] = ()  # the same options in English, or none given

    def choice_en(self, choice: str) -> str:
        """A choice as an English-speaking customer reads it; the stored value stays."""
        if choice in self.choices and self.choices_en:
            return self.choices_en[self.choices.index(choice)]
        return choice

    @property
    def english(self) -> str:
        """The field's name in English messages: its English label, else its key."""
        return self.label_en or self.key


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise Rejected(message)


def _label(item: Mapping[str, object], name: str, where: str, *, optional: bool) -> str:
    value = item.get(name, "" if optional else None)
    _require(
        isinstance(value, str) and (optional or value != "") and len(value) <= MAX_LABEL,
        f"{where}: {name} must be text of {0 if optional else 1} to {MAX_LABEL} characters",
    )
    return str(value)


def parse_field(item: object, where: str) -> FieldDefinition:
    """One field definition, or Rejected naming its first problem; `where` names the list
    it belongs to in the message ("business topup slip field")."""
    _require(isinstance(item, Mapping), f"{where}: each field is an object")
    assert isinstance(item, Mapping)
    key = item.get("key")
    _require(
        isinstance(key, str) and 0 < len(key) <= MAX_KEY,
        f"{where}: key must be text of 1 to {MAX_KEY} characters",
    )
    where = f"{where} {key}"
    if unknown := [str(name) for name in item if name not in _ATTRIBUTES]:
        raise Rejected(f"{where}: unknown attribute {unknown[0]!r}")
    label = _label(item, "label", where, optional=False)
    label_en = _label(item, "label_en", where, optional=True)
    kind = item.get("kind", FieldKind.TEXT)
    if not (isinstance(kind, str) and kind in _KINDS):
        raise Rejected(f"{where}: kind must be one of {FieldKind.words()}")
    required = item.get("required", False)
    _require(isinstance(required, bool), f"{where}: required must be true or false")
    choices = _choices(item.get("choices"), kind == FieldKind.CHOICE, where)
    choices_en = _choices_en(item.get("choices_en"), choices, where)
    return FieldDefinition(
        str(key), label, label_en, FieldKind(kind), bool(required), choices, choices_en
    )


def _choices_en(choices_en: object, choices: tuple[str, ...], where: str) -> tuple[str, ...]:
    if choices_en is None:
        return ()
    _require(
        isinstance(choices_en, list)
        and len(choices_en) == len(choices) > 0
        and all(isinstance(choice, str) and choice for choice in choices_en),
        f"{where}: choices_en gives each choice in English, one non-empty text per choice",
    )
    assert isinstance(choices_en, list)
    return tuple(choices_en)


def _choices(choices: object, is_choice: bool, where: str) -> tuple[str, ...]:
    if not is_choice:
        _require(choices is None, f"{where}: only a choice field has choices")
        return ()
    _require(isinstance(choices, list) and bool(choices), f"{where}: a choice needs choices")
    assert isinstance(choices, list)
    _require(
        all(isinstance(choice, str) and choice for choice in choices),
        f"{where}: each choice is non-empty text",
    )
    _require(len(set(choices)) == len(choices), f"{where}: a choice is listed twice")
    return tuple(choices)


def parse_fields(items: object, where: str) -> tuple[FieldDefinition, ...]:
    """A whole list of field definitions, each key once, or Rejected naming the first problem."""
    _require(isinstance(items, list), f"{where}s must be a list")
    assert isinstance(items, list)
    fields = tuple(parse_field(item, where) for item in items)
    keys = [field.key for field in fields]
    for index, key in enumerate(keys):
        _require(key not in keys[:index], f"{where} {key} is defined twice")
    return fields
