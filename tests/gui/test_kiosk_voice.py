"""Voice guidance: one tap and each screen's question is spoken, Mandarin in Chinese and
English in English, made by espeak-ng off the GUI thread into real audio (measured with
sox); with no engine the kiosk stays silent and only logs it."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.voice import Voice, synthesise
from tests.gui.kiosk_driver import open_kiosk, tap

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
needs_engine = pytest.mark.skipif(
    shutil.which("espeak-ng") is None or shutil.which("sox") is None,
    reason="espeak-ng and sox make and measure the speech",
)


def rms(wav: Path) -> tuple[float, float]:
    """The RMS amplitude and the length in seconds of a WAV, as sox measures them."""
    stat = subprocess.run(["sox", str(wav), "-n", "stat"], capture_output=True, text=True).stderr
    amplitude = re.search(r"RMS\s+amplitude:\s+([\d.]+)", stat)
    length = re.search(r"Length \(seconds\):\s+([\d.]+)", stat)
    assert amplitude and length, stat
    return float(amplitude.group(1)), float(length.group(1))


@pytest.fixture
def kiosk(qtbot, store, clock, tmp_path):
    window = open_kiosk(store, clock, tmp_path / "tickets")
    yield window
    window.close()


def heard(qtbot, kiosk, spoken_before: int) -> tuple[float, float]:
    qtbot.waitUntil(lambda: kiosk.voice.spoken > spoken_before, timeout=15_000)
    return rms(kiosk.voice.wav)


@needs_engine
def test_a_tap_on_voice_reads_each_screens_question_aloud_in_mandarin(qtbot, kiosk):
    tap(kiosk, "take-ticket")
    assert kiosk.voice.spoken == 0  # silent until the customer asks
    tap(kiosk, "voice")
    assert kiosk.voice_button.text() == "关闭语音"
    amplitude, seconds = heard(qtbot, kiosk, 0)
    assert amplitude > 0.02 and seconds > 1.0  # 请选择您要办理的业务, audibly
    spoken = kiosk.voice.spoken
    tap(kiosk, "business-sim_replace")  # the next screen is read without another tap
    amplitude, _ = heard(qtbot, kiosk, spoken)
    assert amplitude > 0.02
    assert "机主姓名" in kiosk.slip.question()


@needs_engine
def test_in_english_the_voice_reads_english(qtbot, kiosk, tmp_path):
    tap(kiosk, "language")
    tap(kiosk, "voice")
    heard(qtbot, kiosk, 0)
    assert kiosk.start.question().startswith("Welcome")
    english, chinese = tmp_path / "en.wav", tmp_path / "zh.wav"
    assert synthesise(kiosk.start.question(), "en", english)
    assert synthesise("欢迎光临", "zh", chinese)
    assert rms(english)[0] > 0.02 and rms(chinese)[0] > 0.02


def test_voice_goes_off_for_the_next_customer(qtbot, kiosk):
    tap(kiosk, "take-ticket")
    tap(kiosk, "voice")
    tap(kiosk, "home")
    assert not kiosk.speaking
    assert kiosk.voice_button.text() == "语音"


def test_without_an_engine_the_kiosk_is_silent_and_logs_it(qtbot, tmp_path, caplog):
    voice = Voice(engine="no-such-speech-engine")
    try:
        with caplog.at_level(logging.INFO, logger="kiosk.voice"):
            voice.say("请选择您要办理的业务", "zh")
            qtbot.waitUntil(lambda: "no no-such-speech-engine" in caplog.text, timeout=5000)
        assert voice.spoken == 0
        assert not voice.wav.exists()
    finally:
        voice.close()
