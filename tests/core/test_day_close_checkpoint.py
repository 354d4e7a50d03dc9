"""With a checkpoint folder and key configured, closing a business day signs the hall's
chain heads into the folder; without them, the day closes as before and nothing is written."""

from __future__ import annotations

from shared.archive.checkpoints import load_key, read_checkpoints
from shared.services import audit
from shared.store.lookup import find_hall


def _a_day_with_an_audited_act(hall, store, clock):
    hall.issue("topup")
    with store.write() as session:
        audit.record(session, find_hall(session, "demo").id, "settings_changed", at=clock.now())
    clock.advance(24 * 3600)
    hall.issue("topup")  # the first action of the next day closes the day before


def test_the_day_close_signs_a_checkpoint(hall, store, clock, tmp_path, monkeypatch):
    folder, key = tmp_path / "checkpoints", tmp_path / "checkpoint.key"
    monkeypatch.setenv("HALLQ_CHECKPOINT_DIR", str(folder))
    monkeypatch.setenv("HALLQ_CHECKPOINT_KEY", str(key))
    _a_day_with_an_audited_act(hall, store, clock)
    with store.read() as session:
        hall_row = find_hall(session, "demo")
        points = read_checkpoints(folder, hall_row, load_key(key, create=False).public_key())
    assert [point.audit_sequence for point in points] == [1]


def test_without_a_configured_folder_no_checkpoint_is_written(
    hall, store, clock, tmp_path, monkeypatch
):
    monkeypatch.delenv("HALLQ_CHECKPOINT_DIR", raising=False)
    monkeypatch.setenv("HALLQ_CHECKPOINT_KEY", str(tmp_path / "keys" / "checkpoint.key"))
    (tmp_path / "keys").mkdir()
    _a_day_with_an_audited_act(hall, store, clock)
    assert list((tmp_path / "keys").iterdir()) == []


def test_a_checkpoint_that_cannot_be_written_does_not_undo_the_day_close(
    hall, store, clock, tmp_path, monkeypatch, caplog
):
    (tmp_path / "not-a-folder").write_text("a file where the folder should be")
    monkeypatch.setenv("HALLQ_CHECKPOINT_DIR", str(tmp_path / "not-a-folder"))
    monkeypatch.setenv("HALLQ_CHECKPOINT_KEY", str(tmp_path / "checkpoint.key"))
    _a_day_with_an_audited_act(hall, store, clock)
    assert "checkpoint was not signed" in caplog.text
    with store.read() as session:
        assert find_hall(session, "demo").business_day == clock.now().date()
