"""Qt's own words (a button box's Save and Cancel, its dialogs) follow the program's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from exercise_timer.core import i18n
from exercise_timer.ui.qt_language import apply_qt_language, follow_language, qt_language

pytestmark = pytest.mark.gui

SAVE_CANCEL = QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel


@pytest.fixture
def buttons(qtbot: QtBot) -> Iterator[QDialogButtonBox]:
    """A button box with Save and Cancel, shown; English again afterwards."""
    box = QDialogButtonBox(SAVE_CANCEL)
    qtbot.addWidget(box)
    box.show()
    yield box
    i18n.use_language(i18n.ENGLISH)
    apply_qt_language(i18n.ENGLISH)


def words(box: QDialogButtonBox) -> list[str]:
    """The buttons' words once Qt has told the widgets of a language change."""
    QApplication.processEvents()
    return [button.text().replace("&", "") for button in box.buttons()]


def test_spanish_gives_qts_own_spanish_words_and_english_takes_them_away(
    buttons: QDialogButtonBox,
) -> None:
    assert words(buttons) == ["Save", "Cancel"]
    assert apply_qt_language("es")
    assert words(buttons) == ["Guardar", "Cancelar"]
    assert qt_language() == "es"
    assert apply_qt_language("en")
    assert words(buttons) == ["Save", "Cancel"]
    assert qt_language() == "en"


def test_following_the_language_switches_qt_whenever_the_program_does(
    buttons: QDialogButtonBox,
) -> None:
    i18n.use_language("es")
    stop = follow_language()
    try:
        assert words(buttons) == ["Guardar", "Cancelar"]  # applied at once
        i18n.use_language("en")
        assert words(buttons) == ["Save", "Cancel"]
        i18n.use_language("es")
        assert words(buttons) == ["Guardar", "Cancelar"]
    finally:
        stop()
    i18n.use_language("en")
    assert words(buttons) == ["Guardar", "Cancelar"]  # no longer followed


def test_a_language_qt_has_no_words_for_leaves_them_english(buttons: QDialogButtonBox) -> None:
    assert apply_qt_language("es")
    assert not apply_qt_language("xx")
    assert words(buttons) == ["Save", "Cancel"]
    assert qt_language() == "en"
