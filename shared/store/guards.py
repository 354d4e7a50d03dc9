"""The triggers that keep the audit log append-only, checked against their definitions.

Anyone who can write the store file (or is the database's owner) can drop a trigger, or
replace it by one that looks alike but lets some rows go, for instance one that deletes each
new `purge` entry. This module names every difference between the store's triggers and the
ones the schema defines (migration 0002): a trigger missing, changed, disabled, or one more
on the audit log. On SQLite the triggers' SQL is compared as sqlite_master keeps it; on
PostgreSQL as pg_get_triggerdef gives it, with the function they call and whether enabled.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from shared.store.database import Store

REFUSE = "BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END"
SQLITE_TRIGGERS = {
    f"audit_log_no_{event.lower()}": (
        f"CREATE TRIGGER audit_log_no_{event.lower()} BEFORE {event} ON audit_log {REFUSE}"
    )
    for event in ("UPDATE", "DELETE")
}
POSTGRES_TRIGGERS = {
    "audit_log_no_change": "CREATE TRIGGER audit_log_no_change BEFORE DELETE OR UPDATE ON "
    "{table} FOR EACH ROW EXECUTE FUNCTION audit_log_refuse()",
    "audit_log_no_truncate": "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "
    "{table} FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse()",
}
POSTGRES_FUNCTION = "audit_log_refuse"
POSTGRES_FUNCTION_BODY = " BEGIN RAISE EXCEPTION 'the audit log cannot be changed'; END "


def compare_triggers(
    expected: dict[str, str], found: dict[str, str], disabled: frozenset[str] = frozenset()
) -> list[str]:
    """Each difference between the defined triggers and those found (name -> definition)."""
    problems = []
    for name, definition in expected.items():
        if name not in found:
            problems.append(f"trigger {name} is missing")
        elif " ".join(found[name].split()) != " ".join(definition.split()):
            problems.append(f"trigger {name} was changed: {found[name]!r}")
        elif name in disabled:
            problems.append(f"trigger {name} is disabled")
    problems.extend(
        f"trigger {name} is not hallq's: {found[name]!r}"
        for name in sorted(found.keys() - expected.keys())
    )
    return problems


def sqlite_trigger_problems(rows: list[tuple[str, str]]) -> list[str]:
    """The differences, given sqlite_master's (name, sql) of every trigger."""
    return compare_triggers(SQLITE_TRIGGERS, {name: sql or "" for name, sql in rows})


def _postgres_problems(connection: Connection) -> list[str]:
    schema = connection.scalar(text("SELECT current_schema()"))
    rows = connection.execute(
        text(
            "SELECT t.tgname, pg_get_triggerdef(t.oid), t.tgenabled FROM pg_trigger t"
            " JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace"
        )
    ).all()
    expected = {
        name: definition.format(table=f"{schema}.audit_log")
        for name, definition in POSTGRES_TRIGGERS.items()
    }
    found = {name: definition for name, definition, _ in rows}
    disabled = frozenset(name for name, _, enabled in rows if enabled == "D")
    problems = compare_triggers(expected, found, disabled)
    bodies = connection.scalars(
        text(
            "SELECT prosrc FROM pg_proc WHERE proname = :name"
            " AND pronamespace = current_schema()::regnamespace"
        ),
        {"name": POSTGRES_FUNCTION},
    ).all()
    if not bodies:
        problems.append(f"function {POSTGRES_FUNCTION} is missing")
    elif bodies != [POSTGRES_FUNCTION_BODY]:
        problems.append(f"function {POSTGRES_FUNCTION} was changed: {bodies[0]!r}")
    return problems


def trigger_problems(store: Store) -> list[str]:
    """Every way the store's triggers differ from the schema's; empty when they are exact."""
    with store.engine.connect() as connection:
        if store.is_sqlite:
            rows = connection.execute(
                text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
            ).all()
            return sqlite_trigger_problems([(name, sql) for name, sql in rows])
        return _postgres_problems(connection)
