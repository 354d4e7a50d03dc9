"""Whether a store still holds evidence: its audit-log triggers exactly as the schema defines
them, and each hall's service-form chain and audit-log chain unbroken. Asked of a backup
before it is restored, and of a store before the hall server serves it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from shared.archive.audit_chain import verify_audit
from shared.archive.forms import verify_chain
from shared.store.database import Store
from shared.store.guards import trigger_problems
from shared.store.models import Hall


def store_integrity_problems(store: Store) -> list[str]:
    """One line per problem found; empty when the store's evidence holds."""
    problems = trigger_problems(store)
    with store.read() as session:
        for hall in session.scalars(select(Hall).order_by(Hall.id)).all():
            forms = verify_chain(session, hall)
            if not forms.intact:
                problems.append(f"hall {hall.code}: service forms: {forms.problem}")
            audited = verify_audit(session, hall)
            if not audited.intact:
                problems.append(f"hall {hall.code}: {audited.problem}")
    return problems


def file_integrity_problems(path: Path) -> list[str]:
    """The same, of a SQLite file at this hallq's schema (a restore's staged copy), opened
    only to read: nothing is written beside it."""
    engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        return store_integrity_problems(Store(engine, sessionmaker(engine), None))
    finally:
        engine.dispose()
