"""The change feed says yes once after another connection commits, and no otherwise."""

import time

from sqlalchemy import text

from shared.store.database import open_store
from shared.store.feed import ChangeFeed, open_feed


def next_kinds(feed: ChangeFeed) -> frozenset[str]:
    """The kinds of the next change (a NOTIFY reaches the listener a moment after commit)."""
    deadline = time.monotonic() + 5
    while not (kinds := feed.changed()) and time.monotonic() < deadline:
        time.sleep(0.01)
    return kinds


def test_feed_reports_a_commit_from_another_connection_once(store_target, hall):
    other = open_store(store_target)
    feed = open_feed(other)
    try:
        assert not feed.changed()
        hall.issue("topup")
        assert next_kinds(feed)
        assert not feed.changed()
    finally:
        feed.close()
        other.close()


def test_feed_stays_quiet_over_reads(store_target, hall, store):
    feed = open_feed(store)
    try:
        with store.read() as session:
            session.execute(text("SELECT count(*) FROM tickets"))
        assert not feed.changed()
    finally:
        feed.close()
