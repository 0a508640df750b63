"""The clinic report as a PDF of one to three pages, on the shared page helpers.

The words come from :mod:`exercise_timer.report.clinic_text` in reading order, so the PDF's
text is real and searchable; the charts are :mod:`exercise_timer.ui.charts` drawn into images
at print resolution (their numbers are in the text beside them as well).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter

from exercise_timer.core.i18n import _
from exercise_timer.report import clinic_text as words
from exercise_timer.report.clinic import BuildUpRow, ClinicReport
from exercise_timer.ui.charts import Draw, chart_image, draw_build_up, draw_pain, draw_weeks
from exercise_timer.ui.pdf_pages import (
    BODY,
    HEADING,
    SMALL,
    TITLE,
    Element,
    PageDocument,
    Paper,
    Paragraph,
    Picture,
    gui_application,
)

CHART_MM = 180.0
"""The charts' width: the text width of A4 (Letter is a little wider)."""
TEXT_PT = 8.0
"""The charts' labels, in points (as big as the footer's words)."""
DOTS_PER_POINT = 300 / 72
BUILD_UP_COLUMNS = 3


def _points(millimetres: float) -> int:
    return round(millimetres / 25.4 * 72)


def _chart(draw: Draw, height_mm: float) -> Picture:
    size = QSize(_points(CHART_MM), _points(height_mm))
    return Picture(chart_image(draw, size, scale=DOTS_PER_POINT), height_mm)


def _build_up_grid(rows: Sequence[BuildUpRow]) -> Draw:
    columns = min(BUILD_UP_COLUMNS, len(rows))

    def draw(painter: QPainter, box: QRectF) -> None:
        width = box.width() / columns
        height = box.height() / math.ceil(len(rows) / columns)
        for index, row in enumerate(rows):
            column, line = index % columns, index // columns
            cell = QRectF(box.left() + column * width, box.top() + line * height, width, height)
            draw_build_up(
                painter,
                cell.adjusted(0, 0, -TEXT_PT, -TEXT_PT * 0.8),
                row.name,
                row.points,
                text_size=TEXT_PT,
            )

    return draw


def _lines(lines: Sequence[words.Line], label_mm: float) -> list[Element]:
    return [Paragraph(text, BODY, label=label, label_mm=label_mm) for label, text in lines]


def _more(shown: int, total: int, what: str) -> list[Element]:
    text = words.more_text(shown, total, what)
    return [Paragraph(text, SMALL)] if text else []


def _values_note(report: ClinicReport) -> list[Element]:
    note = words.values_note(report)
    return [Paragraph(note)] if note else []


def report_elements(report: ClinicReport) -> list[Element]:
    """The report's paragraphs and charts, in reading order."""
    gui_application()
    out: list[Element] = [Paragraph(words.report_title(report), TITLE)]
    out += _lines(words.about_lines(report), 30)
    if not report.sessions:
        out.append(Paragraph(words.nothing_yet_text(report), HEADING))
        out.append(Paragraph(_("Values in use"), HEADING, keep_with_next=True))
        return out + _values_note(report) + _lines(words.value_lines(report), 54)
    out.append(Paragraph(_("Summary"), HEADING, keep_with_next=True))
    out.append(Paragraph(words.summary_text(report)))
    out.append(Paragraph(words.advice_text(report)))
    out.append(
        _chart(
            partial(draw_weeks, weeks=report.weeks, advice=report.advice, text_size=TEXT_PT),
            52,
        )
    )
    weeks, all_weeks = words.week_lines(report)
    out += [Paragraph(line, SMALL) for line in weeks]
    out += _more(len(weeks), all_weeks, "weeks")
    out.append(Paragraph(_("Values in use"), HEADING, keep_with_next=True))
    out += _values_note(report)
    out += _lines(words.value_lines(report), 54)
    out.append(Paragraph(_("Stops"), HEADING, keep_with_next=True))
    stops, all_stops = words.stop_lines(report)
    out += _lines(stops, 41) or [Paragraph(_("No session was stopped in this period."))]
    out += _more(len(stops), all_stops, "stops")
    out.append(Paragraph(_("Pain"), HEADING, keep_with_next=True))
    out.append(_chart(partial(draw_pain, points=report.pain, text_size=TEXT_PT), 42))
    out.append(Paragraph(_("Sessions"), HEADING, keep_with_next=True))
    sessions, all_sessions = words.session_lines(report)
    out += _lines(sessions, 41)
    out += _more(len(sessions), all_sessions, "sessions")
    if report.build_up:
        out.append(Paragraph(_("Build-up of each exercise"), HEADING, keep_with_next=True))
        groups = words.build_up_groups(report)
        rows = math.ceil(len(groups) / BUILD_UP_COLUMNS)
        out.append(_chart(_build_up_grid(groups), 48 if len(groups) == 1 else 40 * rows))
        out += [
            Paragraph(_("{names}: {build_up}").format(names=names, build_up=text))
            for names, text in words.build_up_lines(report, groups)
        ]
    return out


def report_document(report: ClinicReport, paper: Paper = Paper.A4) -> PageDocument:
    """The report laid out on pages, with its routine in every page's footer."""
    document = PageDocument(
        paper,
        title=words.report_title(report),
        footer=_("{title} · made on {date}").format(
            title=words.report_title(report), date=report.made_on.isoformat()
        ),
    )
    document.add(*report_elements(report))
    return document


def write_report_pdf(report: ClinicReport, target: Path, paper: Paper = Paper.A4) -> int:
    """Writes the report to ``target`` whole or not at all; returns its number of pages.

    Raises:
        InputError: ``target`` cannot be written (nothing is left behind).
    """
    return report_document(report, paper).write(target)
