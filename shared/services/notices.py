"""The shift lead's notice on the calling board: one line for the whole hall ("system
maintenance at 17:00", "counter 5 handles handsets today"), posted by a shift lead or an
administrator, audited, and shown on every board at once through the change feed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.errors import Rejected
from shared.rules.input_text import check_text
from shared.services.changes import Changes
from shared.services.roles import LEADS, sensitive_act
from shared.store.clock import Clock
from shared.store.database import Store
from shared.store.models import BoardNotice, Hall

MAX_NOTICE = 60  # characters: one line the hall reads from across the room


def check_notice(text: str) -> str:
    """The notice as it will be shown, refused when it cannot be shown as one line."""
    shown = " ".join(check_text("notice", text).split())
    if len(shown) > MAX_NOTICE:
        raise Rejected(f"a notice is at most {MAX_NOTICE} characters")
    return shown


def post_notice(
    store: Store,
    hall_code: str | None,
    staff_id: str,
    text: str,
    *,
    source: str,
    clock: Clock | None = None,
) -> str:
    """Put `text` on the board (an empty text takes the notice down); the text shown."""
    shown = check_notice(text)
    with sensitive_act(
        store,
        hall_code,
        staff_id,
        LEADS,
        "post a notice to the board",
        changes=Changes(notices=True),
        source=source,
        clock=clock,
    ) as act:
        act.session.add(
            BoardNotice(hall_id=act.hall.id, text=shown, posted_at=act.now, posted_by=act.clerk.id)
        )
        act.record("notice_posted", text=shown)
    return shown


def current_notice(session: Session, hall: Hall) -> str:
    """The newest notice's text; empty when none was posted or it was taken down."""
    text = session.scalar(
        select(BoardNotice.text)
        .where(BoardNotice.hall_id == hall.id)
        .order_by(BoardNotice.id.desc())
        .limit(1)
    )
    return text or ""
