"""The change feed says yes once after another connection commits, and no otherwise."""

from sqlalchemy import text

from shared.store.database import open_store
from shared.store.feed import open_feed


def test_feed_reports_a_commit_from_another_connection_once(store_target, hall):
    other = open_store(store_target)
    feed = open_feed(other)
    try:
        assert not feed.changed()
        hall.issue("topup")
        assert feed.changed()
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
