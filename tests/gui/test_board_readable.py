"""The calling board at 1920×1080, read as a customer across the hall reads it: every text
on it is at least 5 % of the screen's height, fits its box, and stands out from what is
behind it by at least 4.5:1 (WCAG AA), measured on the rendered pixels, at every level,
with a call flashing, in Chinese and in English."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from counter.app import make_application
from counter.screen.board import CallingBoard
from shared.resources import style_sheet
from shared.services.notices import post_notice
from tests.gui.screen_helpers import live_board

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
WIDTH, HEIGHT = 1920, 1080
LEAST_TEXT = 0.05 * HEIGHT
LEAST_CONTRAST = 4.5
NOTICES = {"zh": "今天 17:00 起系统维护，请尽早办理", "en": "System maintenance from 17:00 today"}


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_contrast(image: QImage, label: QLabel, board: CallingBoard) -> float:
    """The label's background (its most common colour) against its text (the colour that
    differs most from it: the inside of a glyph, not its anti-aliased edge)."""
    box = label.contentsRect().translated(label.mapTo(board, label.rect().topLeft()))
    colours: Counter[tuple[int, int, int]] = Counter()
    for y in range(box.top(), box.bottom() + 1):
        row = image.constScanLine(y).tobytes()
        for x in range(box.left(), box.right() + 1):
            colours[(row[3 * x], row[3 * x + 1], row[3 * x + 2])] += 1
    background = colours.most_common(1)[0][0]
    return max(contrast(background, colour) for colour in colours)


def fits(label: QLabel) -> bool:
    metrics = label.fontMetrics()
    box = label.contentsRect()
    if label.wordWrap():
        return label.heightForWidth(label.width()) <= label.height()
    return all(metrics.horizontalAdvance(line) <= box.width() for line in label.text().split("\n"))


def busy_hall(hall, waiting: int) -> None:
    """Two counters open, one customer missed, a third counter paused, `waiting` waiting."""
    for counter in (1, 2, 3):
        hall.open_counter(counter, f"E00{counter}")
    hall.issue("topup")
    hall.call(3)
    hall.no_show(3)
    hall.pause_counter(3, "lunch")
    for _ in range(waiting + 2):
        hall.issue("topup")
    hall.call(1)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize(("waiting", "level"), [(0, 0), (5, 1), (7, 2)])
def test_every_text_on_the_board_is_large_fitting_and_contrasting(
    qtbot, store, hall, clock, language, waiting, level
):
    busy_hall(hall, waiting)
    post_notice(store, "demo", "M001", NOTICES[language], source="monitor", clock=clock)
    make_application([], language).setStyleSheet("")  # as hallq-screen runs: no program-wide sheet
    board, live = live_board(qtbot, store, clock, language)
    board.setStyleSheet(style_sheet("screen"))
    board.resize(WIDTH, HEIGHT)
    board.show()
    qtbot.waitExposed(board)
    try:
        hall.call(2)  # a new call: its card flashes while the board is measured
        qtbot.waitUntil(lambda: board.flashing, timeout=3000)
    finally:
        live.close()
    assert board.board is not None and board.board.now.level == level
    image = board.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    texts = [
        label
        for label in board.findChildren(QLabel)
        if label.isVisibleTo(board) and label.text().strip()
    ]
    assert len(texts) >= 20  # titles, cards, lines, the queues' rows, banner, notice
    too_small = [
        (label.text(), label.font().pixelSize())
        for label in texts
        if label.font().pixelSize() < LEAST_TEXT
    ]
    clipped = [label.text() for label in texts if not fits(label)]
    faint = [
        (label.objectName(), label.text(), round(ratio, 2))
        for label in texts
        if (ratio := text_contrast(image, label, board)) < LEAST_CONTRAST
    ]
    assert too_small == []
    assert clipped == []
    assert faint == []
