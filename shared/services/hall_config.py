"""Load a hall's set-up (queues, businesses, counters, clerks, customer directory, settings)
from a JSON definition: the demo hall ships as one. Everything is checked before anything
is written, and loading the same definition again changes nothing."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.errors import Rejected
from shared.field_definitions import parse_fields
from shared.rules.input_text import check_input
from shared.services.settings import change_settings, check_settings, load_settings
from shared.services.slips import MOBILE
from shared.services.staff import hash_pin, pin_matches, pin_problem
from shared.store.models import Base, Business, Clerk, Counter, Customer, Hall, Queue
from shared.vocabulary import BusinessClass, Role, Tier

MAX_TERMS = 2000
# A clerk's photo for the customer screen: a small portrait, PNG or JPEG.
MAX_PHOTO_BYTES = 512 * 1024
PHOTO_KINDS = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
HALL_CODE = re.compile(r"[A-Za-z0-9_-]+")


def demo_definition() -> dict[str, Any]:
    text = resources.files("shared").joinpath("data/demo_hall.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise Rejected(message)


def _text(item: Mapping[str, Any], key: str, where: str, *, limit: int = 100) -> str:
    _require(isinstance(item, Mapping), f"{where}: each entry must be a JSON object")
    value = item.get(key)
    _require(
        isinstance(value, str) and 0 < len(value) <= limit,
        f"{where}: {key} must be text of 1 to {limit} characters",
    )
    return str(value)


def _optional_text(item: Mapping[str, Any], key: str, where: str, *, limit: int = 50) -> None:
    """A text the definition may leave out; when given it is text (maybe empty) that fits."""
    value = item.get(key, "")
    _require(
        isinstance(value, str) and len(value) <= limit,
        f"{where}: {key} must be text of at most {limit} characters",
    )


def check_definition(definition: object) -> None:
    """Raise Rejected naming the first problem in a hall definition."""
    _require(isinstance(definition, Mapping), "a hall definition is a JSON object")
    assert isinstance(definition, Mapping)
    check_input("the hall definition", definition)
    code = _text(definition, "code", "hall", limit=32)
    _require(
        HALL_CODE.fullmatch(code) is not None,
        "hall: code must be ASCII letters, digits, '-' or '_' (it is typed in commands)",
    )
    _text(definition, "name", "hall")
    _optional_text(definition, "name_en", "hall", limit=100)
    for key in ("queues", "businesses", "counters", "clerks"):
        _require(
            isinstance(definition.get(key), list) and definition[key],
            f"hall: {key} must be a non-empty list",
        )
    _require(isinstance(definition.get("customers", []), list), "hall: customers must be a list")
    _require(
        isinstance(definition.get("settings", {}), Mapping), "hall: settings must be an object"
    )
    letters = []
    for queue in definition["queues"]:
        letter = _text(queue, "letter", "queue", limit=1)
        _require(
            letter.isascii() and letter.isupper(), f"queue {letter!r}: the letter must be A to Z"
        )
        _text(queue, "name", f"queue {letter}", limit=50)
        _optional_text(queue, "name_en", f"queue {letter}")
        target = queue.get("target_wait_s", 900)
        _require(
            isinstance(target, int) and not isinstance(target, bool) and target > 0,
            f"queue {letter}: target_wait_s must be a positive whole number",
        )
        letters.append(letter)
    _require(len(set(letters)) == len(letters), "two queues share a letter")
    shortest = check_settings(dict(definition.get("settings", {})), letters).pin_min_length
    keys = []
    for business in definition["businesses"]:
        key = _text(business, "key", "business", limit=40)
        _text(business, "name", f"business {key}", limit=50)
        _optional_text(business, "name_en", f"business {key}")
        _require(
            isinstance(business.get("self_service", False), bool),
            f"business {key}: self_service must be true or false",
        )
        _require(
            business.get("class") in list(BusinessClass),
            f"business {key}: class must be one of {BusinessClass.words()}",
        )
        _require(business.get("queue") is not None, f"business {key} has no queue")
        _require(
            business.get("queue") in letters,
            f"business {key}: its queue {business.get('queue')!r} does not exist",
        )
        for list_name in ("slip_fields", "form_fields"):
            parse_fields(business.get(list_name, []), f"business {key} {list_name[:-7]} field")
        for terms in ("terms", "terms_en"):
            _require(
                isinstance(business.get(terms, ""), str)
                and len(business.get(terms, "")) <= MAX_TERMS,
                f"business {key}: {terms} must be text of at most {MAX_TERMS} characters",
            )
        keys.append(key)
    _require(len(set(keys)) == len(keys), "two businesses share a key")
    numbers = []
    for counter in definition["counters"]:
        _require(isinstance(counter, Mapping), "counter: each entry must be a JSON object")
        number = counter.get("number")
        _require(
            isinstance(number, int) and not isinstance(number, bool) and number > 0,
            "a counter's number must be a positive whole number",
        )
        serves = counter.get("queues")
        _require(isinstance(serves, str) and serves != "", f"counter {number} serves no queue")
        _require(
            all(letter in letters for letter in serves),
            f"counter {number} serves a queue that does not exist",
        )
        _require(len(set(serves)) == len(serves), f"counter {number} lists a queue twice")
        _optional_text(counter, "name", f"counter {number}")
        numbers.append(number)
    _require(len(set(numbers)) == len(numbers), "two counters share a number")
    staff = [_text(clerk, "staff_id", "clerk", limit=20) for clerk in definition["clerks"]]
    _require(len(set(staff)) == len(staff), "two clerks share a staff id")
    for clerk in definition["clerks"]:
        _text(clerk, "name", f"clerk {clerk['staff_id']}", limit=50)
        _require(
            clerk.get("role", Role.CLERK) in list(Role),
            f"clerk {clerk['staff_id']}: role must be one of {Role.words()}",
        )
        problem = "pin" in clerk and pin_problem(str(clerk["pin"]), shortest)
        _require(not problem, f"clerk {clerk['staff_id']}: {problem}")
        if "photo" in clerk:
            _photo_path(clerk)
    phones = []
    for customer in definition.get("customers", []):
        phone = _text(customer, "phone", "customer", limit=20)
        _require(phone not in phones, f"customer {phone} is listed twice")
        _optional_text(customer, "name", f"customer {phone}")
        phones.append(phone)
        _require(bool(MOBILE.fullmatch(phone)), f"customer {phone}: not a mobile number")
        _require(
            customer.get("tier") in list(Tier),
            f"customer {phone}: tier must be one of {Tier.words()}",
        )


def _photo_path(clerk: Mapping[str, Any]) -> PurePosixPath:
    """A clerk's photo as the definition names it: a file beside the hall file or below it."""
    where = f"clerk {clerk['staff_id']}"
    text = _text(clerk, "photo", where, limit=200)
    path = PurePosixPath(text.replace("\\", "/"))
    _require(
        not path.is_absolute() and ".." not in path.parts and ":" not in text,
        f"{where}: photo must be a path relative to the hall file, inside its folder",
    )
    return path


def photo_kind(data: bytes) -> str | None:
    """PNG or JPEG by the file's first bytes; None for anything else."""
    return next((kind for magic, kind in PHOTO_KINDS.items() if data.startswith(magic)), None)


def read_photos(definition: Mapping[str, Any], base: Path | None) -> dict[str, bytes]:
    """The clerks' photos the definition names, read from beside the hall file (`base`, its
    folder) and checked: each a PNG or JPEG of at most MAX_PHOTO_BYTES."""
    photos: dict[str, bytes] = {}
    for clerk in definition["clerks"]:
        if "photo" not in clerk:
            continue
        where = f"clerk {clerk['staff_id']}"
        relative = _photo_path(clerk)
        _require(base is not None, f"{where}: a photo needs a hall file to be found beside")
        assert base is not None
        place = base.joinpath(*relative.parts)
        try:
            with place.open("rb") as file:
                data = file.read(MAX_PHOTO_BYTES + 1)
        except OSError as error:
            raise Rejected(f"{where}: cannot read the photo {relative}: {error.strerror}") from None
        _require(
            len(data) <= MAX_PHOTO_BYTES,
            f"{where}: the photo {relative} is over {MAX_PHOTO_BYTES // 1024} KB",
        )
        _require(photo_kind(data) is not None, f"{where}: the photo {relative} is not PNG or JPEG")
        photos[clerk["staff_id"]] = data
    return photos


def _upsert(
    session: Session, model: type[Base], key: dict[str, Any], values: dict[str, Any]
) -> Any:
    """The row with these natural-key values, created or brought up to date."""
    row = session.scalars(select(model).filter_by(**key)).first()
    if row is None:
        row = model(**key, **values)
        session.add(row)
    else:
        for name, value in values.items():
            if getattr(row, name) != value:  # a write only for a change (a photo is deferred)
                setattr(row, name, value)
    session.flush()
    return row


def load_hall(session: Session, definition: Mapping[str, Any], base: Path | None = None) -> Hall:
    """Create or update the hall the definition describes. Never deletes: history refers to it.
    Clerks' photos are read from `base`, the hall file's folder; a clerk without one in the
    definition has none (the customer screen shows a silhouette)."""
    check_definition(definition)
    photos = read_photos(definition, base)
    hall = _upsert(
        session,
        Hall,
        {"code": definition["code"]},
        {"name": definition["name"], "name_en": definition.get("name_en", "")},
    )
    queues = {
        queue["letter"]: _upsert(
            session,
            Queue,
            {"hall_id": hall.id, "letter": queue["letter"]},
            {
                "name": queue["name"],
                "name_en": queue.get("name_en", ""),
                "target_wait_s": queue.get("target_wait_s", 900),
            },
        )
        for queue in definition["queues"]
    }
    for business in definition["businesses"]:
        _upsert(
            session,
            Business,
            {"hall_id": hall.id, "key": business["key"]},
            {
                "name": business["name"],
                "name_en": business.get("name_en", ""),
                "business_class": BusinessClass(business["class"]),
                "queue_id": queues[business["queue"]].id,
                "self_service": bool(business.get("self_service", False)),
                "slip_fields": business.get("slip_fields", []),
                "form_fields": business.get("form_fields", []),
                "terms": business.get("terms", ""),
                "terms_en": business.get("terms_en", ""),
            },
        )
    for counter in definition["counters"]:
        _upsert(
            session,
            Counter,
            {"hall_id": hall.id, "number": counter["number"]},
            {"name": counter.get("name", ""), "queues": counter["queues"]},
        )
    settings = (
        change_settings(session, hall.id, dict(definition["settings"]))
        if definition.get("settings")
        else load_settings(session, hall.id)
    )
    shortest = settings.pin_min_length  # the hall's, stored or just set: every PIN set obeys it
    for clerk in definition["clerks"]:
        row = _upsert(
            session,
            Clerk,
            {"hall_id": hall.id, "staff_id": clerk["staff_id"]},
            {
                "name": clerk["name"],
                "role": Role(clerk.get("role", Role.CLERK)),
                "photo": photos.get(clerk["staff_id"]),
            },
        )
        if "pin" not in clerk:
            continue
        pin = str(clerk["pin"])
        _require(not (problem := pin_problem(pin, shortest)), f"clerk {row.staff_id}: {problem}")
        if not pin_matches(pin, row.pin_hash):
            row.pin_hash = hash_pin(pin, shortest)  # a new salt only when the PIN changed
    for customer in definition.get("customers", []):
        _upsert(
            session,
            Customer,
            {"hall_id": hall.id, "phone": customer["phone"]},
            {"tier": Tier(customer["tier"]), "name": customer.get("name", "")},
        )
    return hall
