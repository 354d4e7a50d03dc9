"""Find a hall's rows by the names people use (hall code, counter number, staff id, queue
letter, business key), or refuse with a message that says what exists."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import Integer, Select, Table, bindparam, select
from sqlalchemy.orm import Session

from shared.errors import Rejected
from shared.store import direct
from shared.store.models import Base, Business, Clerk, Counter, Hall, Queue

_Row = TypeVar("_Row", Business, Clerk, Counter, Queue)


def table_of(model: type[Base]) -> Table:
    """A model's table, for statements that read or write plain rows, without the ORM."""
    return Base.metadata.tables[model.__tablename__]


def _halls_statement(*, named: bool, lock: bool) -> Select[Hall]:
    statement = select(Hall).order_by(Hall.id)
    if named:
        statement = statement.where(Hall.code == bindparam("code"))
    if lock:
        statement = statement.with_for_update()
    return statement.limit(2)


# Built once, as are the lookups by natural key below: every action finds its hall and its
# counter or business, and building a statement costs more than running it.
_HALLS = {
    (named, lock): _halls_statement(named=named, lock=lock)
    for named in (False, True)
    for lock in (False, True)
}
_OF_HALL: dict[tuple[type[Any], str], Select[Any]] = {}


def find_hall(session: Session, code: str | None, *, lock: bool = False) -> Hall:
    """The named hall, or the store's only hall when none is named. `lock` holds its row
    until the transaction ends, which serialises a hall's actions on PostgreSQL."""
    halls = direct.instances(session, Hall, _HALLS[code is not None, lock], {"code": code})
    if code is not None and not halls:
        raise Rejected(f"no hall {code!r} in this store")
    if not halls:
        raise Rejected(
            "this store has no hall yet: run `hallq init --demo` or `hallq hall load FILE`"
        )
    if len(halls) > 1:
        raise Rejected("this store holds several halls: name one with --hall CODE")
    return halls[0]


def _one_of_hall(
    session: Session, model: type[_Row], hall: Hall, key: str, value: object
) -> _Row | None:
    """The hall's row of `model` whose column `key` holds `value`."""
    statement = _OF_HALL.get((model, key))
    if statement is None:
        statement = select(model).where(
            model.hall_id == bindparam("hall", type_=Integer()),
            getattr(model, key) == bindparam("value"),
        )
        _OF_HALL[model, key] = statement
    found = direct.instances(session, model, statement, {"hall": hall.id, "value": value})
    return found[0] if found else None


def find_counter(session: Session, hall: Hall, number: int) -> Counter:
    if (counter := _one_of_hall(session, Counter, hall, "number", number)) is None:
        raise Rejected(f"no counter {number} in hall {hall.code}")
    return counter


def find_clerk(session: Session, hall: Hall, staff_id: str) -> Clerk:
    if (clerk := _one_of_hall(session, Clerk, hall, "staff_id", staff_id)) is None:
        raise Rejected(f"no clerk {staff_id!r} in hall {hall.code}")
    return clerk


def find_queue(session: Session, hall: Hall, letter: str) -> Queue:
    if (queue := _one_of_hall(session, Queue, hall, "letter", letter)) is None:
        letters = session.scalars(
            select(Queue.letter).where(Queue.hall_id == hall.id).order_by(Queue.letter)
        )
        raise Rejected(
            f"no queue {letter!r} in hall {hall.code}; queues: {', '.join(letters)}",
            "no_queue",
            queue=letter,
        )
    return queue


def find_business(session: Session, hall: Hall, key: str) -> Business:
    if (business := _one_of_hall(session, Business, hall, "key", key)) is None:
        raise Rejected(f"unknown business {key!r} in hall {hall.code}")
    return business


def staff_ids(session: Session, hall: Hall) -> dict[int, str]:
    """Each member of the hall's staff's staff id, by row id: how figures name clerks."""
    found = session.execute(select(Clerk.id, Clerk.staff_id).where(Clerk.hall_id == hall.id))
    return {row_id: staff_id for row_id, staff_id in found}
