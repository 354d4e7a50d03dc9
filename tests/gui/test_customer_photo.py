"""The customer screen shows the clerk's name, staff number and photo on every page: the
photo from the hall definition, or a neutral silhouette for a clerk without one."""

from __future__ import annotations

from PySide6.QtGui import QColor

from counter.customer.window import PHOTO_SIZE, silhouette
from shared.services.hall_config import load_hall
from tests.core.test_clerk_photos import png, with_photo
from tests.gui import workstation_fixtures
from tests.gui.workstation_fixtures import signed_in

pytestmark = workstation_fixtures.OFFSCREEN_SIZE_HINTS
counter_windows = workstation_fixtures.counter_windows


def middle_colour(customer) -> QColor:
    image = customer.photo.pixmap().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_a_clerk_without_a_photo_is_shown_as_a_silhouette_then_the_next_with_hers(
    qtbot, counter_windows, store, tmp_path
):
    (tmp_path / "e003.png").write_bytes(png(colour=(200, 40, 40)))
    with store.write() as session:
        load_hall(session, with_photo("e003.png", "E003"), tmp_path)
    counter = signed_in(counter_windows, "E002")
    customer = counter.customer
    assert customer.clerk.text() == "Your clerk: 李娜   Staff number: E002"
    assert customer.photo.isVisible() and not customer.photo.pixmap().isNull()
    assert customer.photo.pixmap().toImage() == silhouette(PHOTO_SIZE).toImage()
    assert (
        customer.photo.parent() is customer and customer.pages.isAncestorOf(customer.photo) is False
    )
    counter.window.sign_out()
    assert not customer.photo.isVisible() and customer.clerk.text() == ""
    signed_in(counter, "E003")
    assert "E003" in customer.clerk.text()
    assert middle_colour(customer) == QColor(200, 40, 40)
    assert customer.photo.pixmap().height() <= PHOTO_SIZE.height()
