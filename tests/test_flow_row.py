"""The wrapping row of controls: one line when there is room, more when not, sizes kept current."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton, QWidget, QWidgetItem
from pytestqt.qtbot import QtBot

from exercise_timer.ui.flow_row import FlowRow

pytestmark = pytest.mark.gui

GAP = 8


class CountedItem(QWidgetItem):
    """A widget's layout item that counts how often its size hint is asked for."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.asked = 0

    def sizeHint(self) -> QSize:
        self.asked += 1
        return super().sizeHint()


def fixed_button(parent: QWidget, width: int, text: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setFixedSize(width, 30)
    return button


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def laid_out(host: QWidget, row: FlowRow, width: int) -> None:
    host.resize(width, row.heightForWidth(width))
    row.activate()
    row.setGeometry(host.rect())


def test_items_share_one_line_when_there_is_room(host: QWidget) -> None:
    row = FlowRow(host, spacing=GAP)
    first, second = fixed_button(host, 100), fixed_button(host, 120)
    row.addWidget(first)
    row.addWidget(second)
    laid_out(host, row, 400)
    assert row.heightForWidth(400) == 30
    assert (first.x(), second.x()) == (0, 100 + GAP)
    assert first.y() == second.y() == 0
    assert row.sizeHint() == QSize(100 + GAP + 120, 30)
    assert row.minimumSize() == QSize(120, 30)


def test_a_narrow_row_wraps_onto_a_second_line_in_order(host: QWidget) -> None:
    row = FlowRow(host, spacing=GAP)
    buttons = [fixed_button(host, 100) for _ in range(3)]
    for button in buttons:
        row.addWidget(button)
    laid_out(host, row, 250)  # room for two, not three
    assert row.heightForWidth(250) == 30 + GAP + 30
    assert [(b.x(), b.y()) for b in buttons] == [(0, 0), (100 + GAP, 0), (0, 30 + GAP)]


def test_a_stretching_item_takes_the_spare_width_of_its_line(host: QWidget) -> None:
    row = FlowRow(host, spacing=GAP)
    fixed = fixed_button(host, 100)
    grows = QPushButton("grows", host)
    row.addWidget(fixed)
    row.addWidget(grows, 1)
    laid_out(host, row, 500)
    assert grows.x() == 100 + GAP
    assert grows.width() == 500 - 100 - GAP


def test_sizes_are_measured_once_until_qt_invalidates_the_layout(host: QWidget) -> None:
    row = FlowRow(host, spacing=GAP)
    item = CountedItem(fixed_button(host, 100))
    row.addItem(item)
    row.addWidget(fixed_button(host, 80))
    item.asked = 0
    for width in (300, 150, 300):
        row.heightForWidth(width)
    row.sizeHint()
    row.minimumSize()
    assert item.asked == 1
    row.invalidate()
    row.heightForWidth(300)
    assert item.asked == 2


def test_a_longer_text_moves_the_items_after_it_at_the_next_layout(
    host: QWidget, qtbot: QtBot
) -> None:
    row = FlowRow(host, spacing=GAP)
    label = QPushButton("Go", host)
    after = fixed_button(host, 50)
    row.addWidget(label)
    row.addWidget(after)
    host.resize(900, 40)
    host.show()
    qtbot.waitExposed(host)
    before = after.x()
    label.setText("A much longer text than before")
    qtbot.waitUntil(lambda: after.x() > before, timeout=2000)
    assert after.x() == label.sizeHint().width() + GAP


def test_a_hidden_item_gives_up_its_room_at_the_next_layout(host: QWidget, qtbot: QtBot) -> None:
    row = FlowRow(host, spacing=GAP)
    first, second = fixed_button(host, 100), fixed_button(host, 60)
    row.addWidget(first)
    row.addWidget(second)
    host.resize(600, 40)
    host.show()
    qtbot.waitExposed(host)
    assert second.x() == 100 + GAP
    first.hide()
    qtbot.waitUntil(lambda: second.x() == 0, timeout=2000)
    assert row.sizeHint() == QSize(60, 30)


def test_an_item_taken_out_no_longer_counts(host: QWidget) -> None:
    row = FlowRow(host, spacing=GAP)
    row.addWidget(fixed_button(host, 100))
    row.addWidget(fixed_button(host, 60))
    assert row.sizeHint().width() == 100 + GAP + 60
    taken = row.takeAt(0)
    assert taken is not None
    assert row.sizeHint().width() == 60
