"""Settings: the text size scales every text of the window at once, high contrast restyles it,
the volume is shown in per cent, and the voices offered speak the language in use.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QMessageBox, QSpinBox
from pytestqt.qtbot import QtBot
from window_support import make_window

from exercise_timer.core.clock import SimulatedClock
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.storage.journal import Journal
from exercise_timer.storage.settings import Settings, load_settings
from exercise_timer.ui.main_window import MainWindow
from exercise_timer.ui.scaling import DIALOG_TEXT, LARGEST, SIZES
from exercise_timer.ui.settings_dialog import SettingsDialog
from exercise_timer.ui.theme import HIGH_CONTRAST_STYLE, STYLE
from exercise_timer.ui.voice_list import voices_for_language

pytestmark = pytest.mark.gui

VOICES = [
    ("gmw/en", "English (Great Britain) (en-gb, en)"),
    ("roa/es", "Spanish (es)"),
    ("de", "German"),
]


@pytest.fixture(autouse=True)
def answer_close_question(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)


@pytest.fixture
def window(
    qtbot: QtBot, example_text: str, journal: Journal, clock: SimulatedClock, tmp_path: Path
) -> MainWindow:
    routine: Routine = parse_routine_text(example_text, "ex.toml")
    return make_window(qtbot, routine, journal, clock, settings_path=tmp_path / "settings.toml")


def choose(window: MainWindow, key: str, value: object) -> None:
    dialog = window.open_settings()
    combo = dialog.editors[key]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(value))
    dialog.accept()


def pixels(window: MainWindow) -> dict[str, int]:
    page = window.session_page
    return {
        "caption": page.caption.font().pixelSize(),
        "step": page.step_labels[0].font().pixelSize(),
        "name": page.exercise_name.font().pixelSize(),
        "button": page.toggle_button.font().pixelSize(),
    }


def test_a_larger_text_size_scales_every_text_at_once(window: MainWindow, tmp_path: Path) -> None:
    before = pixels(window)
    assert before == {"caption": 21, "step": 17, "name": 32, "button": 18}
    choose(window, "text_size", "150")
    assert load_settings(tmp_path / "settings.toml").settings.text_scale == 1.5
    after = pixels(window)
    assert after["step"] == int(17 * 1.5) and after["button"] == int(18 * 1.5)
    assert after["caption"] == LARGEST  # 31.5 px is more than the largest a size grows to
    assert after["name"] == SIZES["exercise-name"]  # already larger than that: unchanged
    choose(window, "text_size", "100")
    assert pixels(window) == before


def test_dialogs_take_the_text_size(window: MainWindow) -> None:
    assert window.open_settings().font().pixelSize() == DIALOG_TEXT
    choose(window, "text_size", "200")
    assert window.open_settings().font().pixelSize() == 2 * DIALOG_TEXT


def test_high_contrast_restyles_the_window_and_back(window: MainWindow) -> None:
    assert window.styleSheet() == STYLE
    choose(window, "theme", "high-contrast")
    assert window.styleSheet() == HIGH_CONTRAST_STYLE
    assert "border: 5px solid #ffff00" in HIGH_CONTRAST_STYLE  # the focus frame
    choose(window, "theme", "standard")
    assert window.styleSheet() == STYLE


def test_the_volume_is_shown_in_per_cent_and_kept_from_0_to_1(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = window.open_settings()
    volume = dialog.editors["volume"]
    assert isinstance(volume, QSpinBox)
    assert (volume.value(), volume.suffix(), volume.maximum()) == (100, " %", 100)
    volume.setValue(40)
    dialog.accept()
    assert load_settings(tmp_path / "settings.toml").settings["volume"] == 0.4
    assert window.open_settings().editors["volume"].text() == "40 %"  # type: ignore[attr-defined]


def test_the_voices_offered_speak_the_language_in_use(qtbot: QtBot) -> None:
    english = [voice for voice, _label in voices_for_language(VOICES, "en")]
    assert english == ["gmw/en"]
    assert [voice for voice, _label in voices_for_language(VOICES, "es")] == ["roa/es"]
    kept = voices_for_language(VOICES, "en", chosen="de")
    assert [voice for voice, _label in kept] == ["gmw/en", "de"]  # the person's own stays
    assert voices_for_language(VOICES, "fi") == VOICES  # none speaks it: all are offered
    dialog = SettingsDialog(None, Settings.default(), voices=VOICES)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    combo = dialog.editors["voice"]
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "gmw/en"]
