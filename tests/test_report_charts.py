"""The report's charts (ui/charts.py): what they draw, on an image and as SVG text."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from exercise_timer.report.history_page import Band, BuildUpPoint, PainPoint, WeekRow
from exercise_timer.ui import charts

pytestmark = pytest.mark.gui

WHEN = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
SIZE = QSize(400, 200)


def close_to(image: QImage, x: float, y: float, colour: QColor) -> bool:
    found = image.pixelColor(round(x), round(y))
    return all(
        abs(a - b) <= 8
        for a, b in zip(
            (found.red(), found.green(), found.blue()),
            (colour.red(), colour.green(), colour.blue()),
            strict=True,
        )
    )


def test_a_week_bar_is_as_high_as_its_sessions_and_an_empty_week_has_none(qapp: object) -> None:
    weeks = [WeekRow(date(2026, 3, 2), 4, 4), WeekRow(date(2026, 3, 9), 0, 0)]
    image = charts.chart_image(
        partial(charts.draw_weeks, weeks=weeks, advice=None, text_size=10), SIZE, scale=1
    )
    # The plot spans the lower part of the box; the first week's bar stands in its left half.
    column = SIZE.width() * 0.3
    near_floor = SIZE.height() * 0.8
    assert close_to(image, column, near_floor, charts.COMPLETED)
    assert close_to(image, SIZE.width() * 0.8, near_floor, QColor("white"))


def test_the_advice_band_and_the_legend_are_drawn_as_words(qapp: object) -> None:
    weeks = [WeekRow(date(2026, 3, 2), 1, 3)]
    svg = charts.chart_svg(
        partial(charts.draw_weeks, weeks=weeks, advice=Band(2, 3), text_size=10), SIZE
    )
    for words in ("Sessions per week", "completed", "stopped or interrupted"):
        assert f">{words}<" in svg
    assert "advice: 2-3 a week" in svg
    assert "2026-03-02" in svg


@pytest.mark.parametrize(
    ("chart", "words"),
    [
        (partial(charts.draw_weeks, weeks=[], advice=None), "No sessions in this period."),
        (partial(charts.draw_pain, points=[]), "No pain ratings in this period."),
        (partial(charts.draw_build_up, name="Bridge", points=[]), "No sessions in this period."),
    ],
)
def test_an_empty_chart_says_so(qapp: object, chart: charts.Draw, words: str) -> None:
    assert words in charts.chart_svg(chart, SIZE)


def test_the_pain_line_goes_through_its_ratings_in_time_order(qapp: object) -> None:
    points = [PainPoint(WHEN + timedelta(days=d), r) for d, r in ((0, 8), (7, 2))]
    svg = charts.chart_svg(partial(charts.draw_pain, points=points, text_size=10), SIZE)
    assert svg.index("2026-03-02") < svg.index("2026-03-09")
    image = charts.chart_image(
        partial(charts.draw_pain, points=points, text_size=10), SIZE, scale=1
    )
    reds = [
        y
        for y in range(SIZE.height())
        if close_to(image, SIZE.width() * 0.12, y, charts.REPETITIONS)
    ]
    later = [
        y
        for y in range(SIZE.height())
        if close_to(image, SIZE.width() * 0.9, y, charts.REPETITIONS)
    ]
    assert reds and later
    assert min(reds) < min(later)  # 8 at the start is higher on the page than 2 a week later


def test_build_up_names_its_exercise_and_both_series(qapp: object) -> None:
    points = [BuildUpPoint(WHEN + timedelta(days=d), 2 + d, 2 + d) for d in range(4)]
    svg = charts.chart_svg(
        partial(charts.draw_build_up, name="Pelvic Tilt", points=points, text_size=10), SIZE
    )
    for words in ("Pelvic Tilt", "hold (seconds)", "repetitions"):
        assert f">{words}<" in svg


def test_chart_png_is_a_png(qapp: object) -> None:
    data = charts.chart_png(partial(charts.draw_weeks, weeks=[], advice=None), SIZE)
    assert data.startswith(b"\x89PNG")
    image = QImage.fromData(data)
    assert (image.width(), image.height()) == (SIZE.width() * 2, SIZE.height() * 2)
