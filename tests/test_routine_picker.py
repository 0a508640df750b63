"""The routine picker shortens a long title with "…" and keeps the minutes while it can."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from exercise_timer.ui.routine_picker import (
    ELLIPSIS,
    MIN_LETTERS,
    SLACK,
    RoutinePicker,
    shortened,
)

pytestmark = pytest.mark.gui

TITLE = "Spine clinic back and spine exercises"
TEXT = f"{TITLE} · 18 min"


@pytest.fixture
def metrics(qtbot: QtBot) -> QFontMetrics:
    font = QFont()
    font.setPixelSize(18)
    return QFontMetrics(font)


def test_text_that_fits_is_left_whole(metrics: QFontMetrics) -> None:
    assert shortened(TEXT, TITLE, metrics, metrics.horizontalAdvance(TEXT)) == TEXT


def test_a_long_title_is_cut_short_and_the_minutes_stay(metrics: QFontMetrics) -> None:
    width = metrics.horizontalAdvance(TEXT) * 2 // 3
    shown = shortened(TEXT, TITLE, metrics, width)
    head, tail = shown.split(ELLIPSIS)
    assert TITLE.startswith(head) and len(head) >= MIN_LETTERS
    assert tail == " · 18 min"
    assert metrics.horizontalAdvance(shown) <= width
    one_more = TEXT.replace(TITLE, TITLE[: len(head) + 1] + ELLIPSIS)
    assert metrics.horizontalAdvance(one_more) > width  # as many letters as fit


def test_a_narrow_box_shows_the_title_alone(metrics: QFontMetrics) -> None:
    width = metrics.horizontalAdvance(TITLE[:12] + ELLIPSIS)
    shown = shortened(TEXT, TITLE, metrics, width)
    assert shown.endswith(ELLIPSIS) and TITLE.startswith(shown[:-1])
    assert "min" not in shown
    assert metrics.horizontalAdvance(shown) <= width


def test_text_without_its_title_is_left_to_the_box(metrics: QFontMetrics) -> None:
    assert shortened(TEXT, "Another title", metrics, 40) == TEXT


def test_the_picker_draws_its_shortened_text(qtbot: QtBot) -> None:
    picker = RoutinePicker()
    qtbot.addWidget(picker)
    picker.addItem("", "spine-clinic")
    picker.set_routine_text(0, TEXT, TITLE)
    picker.resize(220, 40)
    picker.show()
    qtbot.waitExposed(picker)
    shown = picker.shown_text()
    assert shown != TEXT and shown.startswith("Spine") and ELLIPSIS in shown
    changes: list[object] = []
    picker.model().dataChanged.connect(lambda *changed: changes.append(changed))
    painted = picker.grab().toImage()
    assert picker.currentText() == picker.itemText(0) == TEXT  # the list and screen readers
    assert changes == []  # nobody was told of the shortened text drawn for the paint

    whole = RoutinePicker()  # the same box with the short text as its item: the same pixels
    qtbot.addWidget(whole)
    whole.addItem(shown, "spine-clinic")
    whole.resize(220, 40)
    whole.show()
    qtbot.waitExposed(whole)
    assert whole.shown_text() == shown
    assert whole.grab().toImage() == painted


@pytest.mark.parametrize("high_contrast", [False, True], ids=["standard", "high-contrast"])
@pytest.mark.parametrize("pixels", [14, 18, 28])
def test_the_shortened_text_fits_the_styles_own_room(
    qtbot: QtBot, high_contrast: bool, pixels: int
) -> None:
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox, QWidget

    from exercise_timer.ui.theme import style_sheet

    holder = QWidget()
    qtbot.addWidget(holder)
    holder.setStyleSheet(style_sheet(high_contrast=high_contrast))
    picker = RoutinePicker(holder)
    font = picker.font()
    font.setPixelSize(pixels)
    picker.setFont(font)
    picker.addItem("", "spine-clinic")
    picker.set_routine_text(0, TEXT, TITLE)
    holder.show()
    qtbot.waitExposed(holder)
    for extra in (0, 60, 120, 400):
        picker.resize(picker.sizeHint().width() + extra, picker.sizeHint().height())
        option = QStyleOptionComboBox()
        picker.initStyleOption(option)
        field = picker.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            picker,
        )
        assert picker.chrome_bound() + SLACK >= picker.width() - field.width()
        assert picker.fontMetrics().horizontalAdvance(picker.shown_text()) <= field.width()
