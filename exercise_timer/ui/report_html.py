"""The clinic report as one self-contained HTML file, for a clinic that mails it on.

The same words as the PDF (:mod:`exercise_timer.report.clinic_text`) and the same charts,
drawn by :mod:`exercise_timer.ui.charts` as inline SVG, whose labels stay text. Nothing is
fetched from elsewhere: no scripts, no fonts, no images by address. Every word from a file or
a person is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter

from exercise_timer.core.i18n import _, current_language
from exercise_timer.report import clinic_text as words
from exercise_timer.report.clinic import BuildUpRow, ClinicReport
from exercise_timer.ui.charts import Draw, chart_svg, draw_build_up, draw_pain, draw_weeks
from exercise_timer.ui.pdf_pages import gui_application, write_file_whole

TEXT_PX = 12.0
_XML_HEADER = re.compile(r"^<\?xml[^>]*\?>\s*")

STYLE = """
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: #1f2a44;
       max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.6em; margin-bottom: 0.3em; }
h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #b9c2d0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
dt { font-weight: bold; }
dd { margin: 0; }
.small { color: #5c6675; font-size: 0.9em; }
figure { margin: 0.8em 0; }
figure svg { width: 100%; height: auto; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(15em, 1fr)); gap: 0.5em; }
"""


def _svg(draw: Draw, width: int, height: int, title: str) -> str:
    svg = _XML_HEADER.sub("", chart_svg(draw, QSize(width, height), title=title))
    return f'<figure role="img" aria-label="{escape(title)}">{svg}</figure>'


def _dl(lines: Sequence[words.Line]) -> str:
    items = "".join(f"<dt>{escape(label)}</dt><dd>{escape(text)}</dd>" for label, text in lines)
    return f"<dl>{items}</dl>"


def _p(text: str, css: str = "") -> str:
    if not text:
        return ""
    attribute = f' class="{css}"' if css else ""
    return f"<p{attribute}>{escape(text)}</p>"


def _build_up_charts(rows: Sequence[BuildUpRow]) -> str:
    def one(row: BuildUpRow) -> Draw:
        def draw(painter: QPainter, box: QRectF) -> None:
            draw_build_up(painter, box, row.name, row.points, text_size=TEXT_PX)

        return draw

    charts = "".join(_svg(one(row), 320, 200, row.name) for row in rows)
    return f'<div class="grid">{charts}</div>'


def report_html(report: ClinicReport) -> str:
    """The whole report as one HTML document."""
    gui_application()
    title = words.report_title(report)
    body = [f"<h1>{escape(title)}</h1>", _dl(words.about_lines(report))]
    if not report.sessions:
        body += [
            f"<h2>{escape(words.nothing_yet_text(report))}</h2>",
            f"<h2>{escape(_('Values in use'))}</h2>",
            _p(words.values_note(report)),
            _dl(words.value_lines(report)),
        ]
        return _page(title, body)
    weeks, all_weeks = words.week_lines(report)
    stops, all_stops = words.stop_lines(report)
    sessions, all_sessions = words.session_lines(report)
    height = max(220, min(320, 140 + 4 * len(report.weeks)))
    body += [
        f"<h2>{escape(_('Summary'))}</h2>",
        _p(words.summary_text(report)),
        _p(words.advice_text(report)),
        _svg(
            partial(draw_weeks, weeks=report.weeks, advice=report.advice, text_size=TEXT_PX),
            720,
            height,
            _("Sessions per week"),
        ),
        "".join(_p(line, "small") for line in weeks),
        _p(words.more_text(len(weeks), all_weeks, "weeks"), "small"),
        f"<h2>{escape(_('Values in use'))}</h2>",
        _p(words.values_note(report)),
        _dl(words.value_lines(report)),
        f"<h2>{escape(_('Stops'))}</h2>",
        _dl(stops) if stops else _p(_("No session was stopped in this period.")),
        _p(words.more_text(len(stops), all_stops, "stops"), "small"),
        f"<h2>{escape(_('Pain'))}</h2>",
        _svg(partial(draw_pain, points=report.pain, text_size=TEXT_PX), 720, 220, _("Pain")),
        f"<h2>{escape(_('Sessions'))}</h2>",
        _dl(sessions),
        _p(words.more_text(len(sessions), all_sessions, "sessions"), "small"),
    ]
    if report.build_up:
        groups = words.build_up_groups(report)
        body += [
            f"<h2>{escape(_('Build-up of each exercise'))}</h2>",
            _build_up_charts(groups),
            _dl(words.build_up_lines(report, groups)),
        ]
    return _page(title, body)


def _page(title: str, body: Sequence[str]) -> str:
    language = escape(current_language().split("_")[0] or "en")
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + "\n</body>\n</html>\n"
    )


def write_report_html(report: ClinicReport, target: Path) -> None:
    """Writes the report to ``target`` whole or not at all.

    Raises:
        InputError: ``target`` cannot be written (nothing is left behind).
    """
    write_file_whole(target, report_html(report).encode("utf-8"))
