"""Printed pages: A4 or US Letter, margins, fonts, text flowing over pages, page numbers.

A document is a list of elements (paragraphs, pictures, spacers, and blocks that are kept
on one page) laid out top to bottom on ``QPdfWriter`` pages. Text is drawn line by line with
``QPainter.drawText`` in reading order, so the PDF holds real, searchable text in the order a
person reads it; each page's footer is drawn last. The whole PDF is made in memory and written
to a temporary file beside FILE, then renamed over it: a FILE that cannot be written, or a
failure half-way, leaves nothing behind (:class:`~exercise_timer.core.problems.InputError`
says why, exit 1 on the command line).

Used by the exercise sheet (``ui/sheet_pdf.py``) and the clinic report.
"""

from __future__ import annotations

import enum
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication

from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.storage.atomic import temporary_beside

INK = "#1f2a44"
MUTED = "#5c6675"
FRAME = "#b9c2d0"
BAND = "#eef2f7"

FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]
"""Sans-serif faces that read well in print, first found wins; they carry accents and
Spanish punctuation, and Qt embeds the subset used."""

RESOLUTION = 600
"""Device pixels per inch of the pages: layout units, fine enough for text placement."""

MARGIN_MM = 15.0
FOOTER_MM = 9.0
"""The band at the bottom of every page for the footer line and page number."""
ASIDE_STEP_MM = 4.0
"""How finely a block's aside column is tried between its widest and narrowest."""


class Paper(enum.Enum):
    """The paper sizes a page can be made for (the value is the command line's word)."""

    A4 = "a4"
    LETTER = "letter"

    def page_size(self) -> QPageSize:
        """Qt's page size for this paper."""
        ids = {Paper.A4: QPageSize.PageSizeId.A4, Paper.LETTER: QPageSize.PageSizeId.Letter}
        return QPageSize(ids[self])


@dataclass(frozen=True)
class Style:
    """How a paragraph looks: size in points, weight, colour, and space around it in mm."""

    size: float = 11.0
    bold: bool = False
    colour: str = INK
    before: float = 0.0
    after: float = 1.2


TITLE = Style(size=18.0, bold=True, after=2.5)
HEADING = Style(size=13.5, bold=True, before=1.0, after=1.5)
BODY = Style()
STRONG = Style(bold=True)
SMALL = Style(size=9.0, colour=MUTED)


@dataclass(frozen=True)
class Paragraph:
    """Text that wraps to the width and may flow over a page break between lines.

    ``label`` (for example ``"1."`` or ``"Hold:"``) is set in a column ``label_mm`` wide to
    the left, in bold, and the text wraps beside it; with no ``label_mm`` the label runs in,
    in bold before the first line, and the text wraps under it. ``keep_with_next`` keeps a
    heading on the page of what follows it.
    """

    text: str
    style: Style = BODY
    label: str = ""
    label_mm: float = 0.0
    keep_with_next: bool = False


@dataclass(frozen=True)
class Picture:
    """An image drawn ``height_mm`` high (narrower if the width would not fit), at the left."""

    image: QImage
    height_mm: float


@dataclass(frozen=True)
class Spacer:
    """Empty space; none at the top of a page."""

    height_mm: float


@dataclass(frozen=True)
class Grid:
    """Paragraphs in ``columns`` equal columns, read along each row and then down.

    A row is as high as its tallest cell. ``tint`` sets the grid on a tinted band, which
    makes a few values stand out from the text around them.
    """

    cells: Sequence[Paragraph]
    columns: int = 2
    tint: bool = False


@dataclass(frozen=True)
class Block:
    """Elements kept together on one page, in a light frame (unless taller than a page).

    ``title``, if given, is set in bold on a tinted band across the top of the frame.
    ``aside``, if given, is drawn at the top right (the top left with ``aside_left``), at most
    ``aside_mm`` wide, and the elements wrap in the column beside it (they are read first: the
    text comes before the picture in the PDF). ``aside_below`` is set under the picture in a
    column ``aside_mm`` wide (the picture centred above it), and read after the elements.
    With ``aside_min_mm`` the column is the widest between the two that makes the block no
    taller than the lowest it can be: beside much text it narrows to give the text room,
    beside little it stays wide.
    """

    elements: Sequence[Paragraph | Picture | Spacer | Grid]
    title: str = ""
    frame: bool = True
    aside: Picture | None = None
    aside_mm: float = 80.0
    aside_left: bool = False
    aside_below: Sequence[Paragraph | Spacer | Grid] = ()
    aside_min_mm: float | None = None


Element = Paragraph | Picture | Spacer | Grid | Block


@dataclass
class _Piece:
    """A strip of a page: its height in device pixels and how to draw it at (x, y)."""

    height: float
    draw: Callable[[QPainter, float, float], None]
    keep_with_next: bool = False
    drop_at_top: bool = False


@dataclass
class _Page:
    placed: list[tuple[float, _Piece]] = field(default_factory=list)


def offscreen_without_display() -> None:
    """Makes Qt paint offscreen when there is no display to show anything on."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def gui_application() -> QGuiApplication:
    """The running Qt application, or a new one (offscreen without a display) for painting.

    A new one is a ``QApplication``: a process has one application, whose class never changes,
    and a widget made after the pages (a print dialog, a window in the same test run) needs it.
    """
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    offscreen_without_display()
    return QApplication(["exercise-timer"])


def page_layout(paper: Paper) -> QPageLayout:
    """Portrait pages of ``paper`` with the margins every printed page here has."""
    return QPageLayout(
        paper.page_size(),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


class _Metrics:
    """Fonts and sizes on the device painted on."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = device
        self.dpi = device.logicalDpiY()

    def mm(self, millimetres: float) -> float:
        return millimetres / 25.4 * self.dpi

    def font(self, style: Style, bold: bool | None = None) -> QFont:
        font = QFont()
        font.setFamilies(FONT_FAMILIES)
        font.setPointSizeF(style.size)
        font.setBold(style.bold if bold is None else bold)
        # A ligature ("ﬀ") would make "off" unsearchable in the PDF's text.
        font.setFeature(QFont.Tag("liga"), 0)
        return font

    def lines(
        self, text: str, font: QFont, width: float, first_width: float | None = None
    ) -> list[str]:
        """``text`` broken into lines no wider than ``width`` (at words where possible).

        The first line is no wider than ``first_width``, when given.
        """
        out: list[str] = []
        for part in text.split("\n") or [""]:
            layout = QTextLayout(part, font, self.device)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.beginLayout()
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width if out or first_width is None else first_width)
                out.append(part[line.textStart() : line.textStart() + line.textLength()].rstrip())
            layout.endLayout()
        return out or [""]


def _paragraph_pieces(m: _Metrics, item: Paragraph, width: float) -> list[_Piece]:
    font = m.font(item.style)
    metrics = QFontMetricsF(font, m.device)
    step = metrics.lineSpacing()
    label_font = m.font(item.style, bold=True)
    indent = m.mm(item.label_mm) if item.label else 0.0
    run_in = 0.0
    if item.label and not item.label_mm:
        run_in = QFontMetricsF(label_font, m.device).horizontalAdvance(item.label + " ")
    lines = m.lines(
        item.text,
        font,
        max(width - indent, m.mm(20)),
        max(width - run_in, m.mm(20)) if run_in else None,
    )
    pieces: list[_Piece] = []
    before, after = m.mm(item.style.before), m.mm(item.style.after)
    for number, text in enumerate(lines):
        top = before if number == 0 else 0.0
        bottom = after if number == len(lines) - 1 else 0.0
        label = item.label if number == 0 else ""

        def draw(
            p: QPainter, x: float, y: float, text: str = text, label: str = label, top: float = top
        ) -> None:
            p.setPen(QColor(item.style.colour))
            baseline = y + top + metrics.ascent()
            if label:
                p.setFont(label_font)
                p.drawText(QPointF(x, baseline), label)
            p.setFont(font)
            p.drawText(QPointF(x + (run_in if label and run_in else indent), baseline), text)

        last = number == len(lines) - 1
        pieces.append(_Piece(top + step + bottom, draw, keep_with_next=item.keep_with_next))
        if not last and number == 0 and len(lines) == 2:
            pieces[-1].keep_with_next = True  # never one line of two alone at a page's foot
    return pieces


def _shown_size(m: _Metrics, item: Picture, width: float) -> QSizeF:
    """The picture's size on the page: ``height_mm`` high, or less to fit ``width``."""
    return QSizeF(item.image.width(), item.image.height()).scaled(
        QSizeF(width, m.mm(item.height_mm)), Qt.AspectRatioMode.KeepAspectRatio
    )


def _picture_piece(m: _Metrics, item: Picture, width: float) -> _Piece:
    image = item.image
    shown = _shown_size(m, item, width)
    gap = m.mm(1.5)

    def draw(p: QPainter, x: float, y: float) -> None:
        p.drawImage(QRectF(x, y, shown.width(), shown.height()), image)

    return _Piece(shown.height() + gap, draw)


def _pieces(m: _Metrics, item: Element, width: float) -> list[_Piece]:
    if isinstance(item, Paragraph):
        return _paragraph_pieces(m, item, width)
    if isinstance(item, Picture):
        return [_picture_piece(m, item, width)]
    if isinstance(item, Spacer):
        return [_Piece(m.mm(item.height_mm), lambda p, x, y: None, drop_at_top=True)]
    if isinstance(item, Grid):
        return [_grid_piece(m, item, width)]
    return _block_pieces(m, item, width)


def _grid_piece(m: _Metrics, grid: Grid, width: float) -> _Piece:
    pad = m.mm(2.0) if grid.tint else 0.0
    gap = m.mm(4.0)
    columns = max(grid.columns, 1)
    cell_width = (width - 2 * pad - gap * (columns - 1)) / columns
    cells = [_paragraph_pieces(m, cell, cell_width) for cell in grid.cells]
    rows = [cells[start : start + columns] for start in range(0, len(cells), columns)]
    heights = [max(sum(piece.height for piece in cell) for cell in row) for row in rows]
    last = grid.cells[-1].style.after if grid.cells else 0.0
    height = sum(heights) + 2 * pad - m.mm(last)

    def draw(p: QPainter, x: float, y: float) -> None:
        if grid.tint:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(BAND))
            p.drawRoundedRect(QRectF(x, y, width, height), m.mm(1.5), m.mm(1.5))
        top = y + pad
        for row, row_height in zip(rows, heights, strict=True):
            for column, cell in enumerate(row):
                left, down = x + pad + column * (cell_width + gap), top
                for piece in cell:
                    piece.draw(p, left, down)
                    down += piece.height
            top += row_height

    return _Piece(height + m.mm(1.5), draw)


def _column(m: _Metrics, elements: Sequence[Element], width: float) -> tuple[list[_Piece], float]:
    """The pieces of elements stacked in a column ``width`` wide, and their height."""
    pieces = [piece for e in elements for piece in _pieces(m, e, width)]
    return pieces, max(sum(piece.height for piece in pieces) - _trailing(m, elements), 0.0)


def _block_pieces(m: _Metrics, block: Block, width: float) -> list[_Piece]:
    narrowest = block.aside_min_mm
    if block.aside is None or narrowest is None or narrowest >= block.aside_mm:
        return [_block_piece(m, block, width, block.aside_mm)]
    steps = math.ceil((block.aside_mm - narrowest) / ASIDE_STEP_MM)
    columns = [block.aside_mm - step * ASIDE_STEP_MM for step in range(steps)] + [narrowest]
    pieces = [_block_piece(m, block, width, column) for column in columns]
    lowest = min(piece.height for piece in pieces)
    return [next(piece for piece in pieces if piece.height <= lowest + m.mm(1.0))]


def _block_piece(m: _Metrics, block: Block, width: float, aside_mm: float) -> _Piece:
    pad = m.mm(3.0) if block.frame else 0.0
    title_font = m.font(Style(size=12.5, bold=True))
    title_metrics = QFontMetricsF(title_font, m.device)
    title_lines = m.lines(block.title, title_font, width - 2 * pad) if block.title else []
    band = len(title_lines) * title_metrics.lineSpacing() + (m.mm(3.0) if title_lines else 0.0)
    text_width = width - 2 * pad
    aside: _Piece | None = None
    aside_width = picture_left = 0.0
    under: list[_Piece] = []
    under_height = 0.0
    if block.aside is not None:
        column = m.mm(aside_mm)
        shown = _shown_size(m, block.aside, column)
        aside_width = column if block.aside_below else shown.width()
        picture_left = (aside_width - shown.width()) / 2
        text_width -= aside_width + m.mm(5.0)
        aside = _picture_piece(m, block.aside, shown.width())
        under, under_height = _column(m, block.aside_below, aside_width)
    inner, inner_height = _column(m, block.elements, text_width)
    side_height = (aside.height + under_height) if aside is not None else 0.0
    height = band + max(inner_height, side_height) + 2 * pad
    text_left = aside_width + m.mm(5.0) if aside is not None and block.aside_left else 0.0
    aside_left = pad if block.aside_left else width - pad - aside_width

    def draw(p: QPainter, x: float, y: float) -> None:
        if block.frame:
            p.setPen(QPen(QColor(FRAME), m.mm(0.3)))
            p.setBrush(QColor("white"))
            p.drawRoundedRect(QRectF(x, y, width, height), m.mm(2.0), m.mm(2.0))
        if title_lines:
            p.setPen(QColor(BAND))
            p.setBrush(QColor(BAND))
            inset = m.mm(0.3)
            p.drawRoundedRect(
                QRectF(x + inset, y + inset, width - 2 * inset, band + pad - m.mm(1.5)),
                m.mm(1.8),
                m.mm(1.8),
            )
            p.setPen(QColor(INK))
            p.setFont(title_font)
            for number, line in enumerate(title_lines):
                baseline = y + pad + number * title_metrics.lineSpacing() + title_metrics.ascent()
                p.drawText(QPointF(x + pad, baseline), line)
        top = y + pad + band
        for piece in inner:
            piece.draw(p, x + pad + text_left, top)
            top += piece.height
        if aside is not None:
            top = y + pad + band
            aside.draw(p, x + aside_left + picture_left, top)
            top += aside.height
            for piece in under:
                piece.draw(p, x + aside_left, top)
                top += piece.height

    return _Piece(height + m.mm(3.5), draw)


def _trailing(m: _Metrics, elements: Sequence[Element]) -> float:
    """The space after the last of ``elements`` that the frame's padding stands in for."""
    last = elements[-1] if elements else None
    if isinstance(last, Paragraph):
        return m.mm(last.style.after)
    if isinstance(last, Grid | Picture):
        return m.mm(1.5)
    return 0.0


class PageDocument:
    """Elements laid out on pages of one paper size, with a footer and page numbers."""

    def __init__(self, paper: Paper, *, title: str = "", footer: str = "") -> None:
        """Starts an empty document.

        Args:
            paper: A4 or US Letter.
            title: The PDF's title (shown by a viewer), not drawn on the page.
            footer: The line at the foot of every page, left of the page number.
        """
        self.paper = paper
        self.title = title
        self.footer = footer
        self.elements: list[Element] = []

    def add(self, *elements: Element) -> None:
        """Adds elements after those already added."""
        self.elements.extend(elements)

    def render(self) -> tuple[bytes, int]:
        """The PDF's bytes and its number of pages."""
        gui_application()
        buffer = QBuffer()
        buffer.setData(QByteArray())
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(RESOLUTION)
        writer.setTitle(self.title)
        writer.setCreator("exercise-timer")
        writer.setPageLayout(page_layout(self.paper))
        pages = self.paint(writer)
        buffer.close()
        return bytes(buffer.data().data()), pages

    def paint(self, device: QPagedPaintDevice) -> int:
        """Paints the pages on ``device`` (a PDF writer or a printer) as its page layout says.

        Returns:
            The number of pages.

        Raises:
            OSError: The device cannot be painted on (a printer that went away).
        """
        m = _Metrics(device)
        area = device.pageLayout().paintRectPixels(device.logicalDpiY())
        width, height = float(area.width()), float(area.height())
        pages = self._paginate(
            [p for e in self.elements for p in _pieces(m, e, width)], height - m.mm(FOOTER_MM)
        )
        painter = QPainter()
        if not painter.begin(device):
            raise OSError(_("the pages could not be started"))
        try:
            for number, page in enumerate(pages, start=1):
                if number > 1:
                    device.newPage()
                for y, piece in page.placed:
                    piece.draw(painter, 0.0, y)
                self._draw_footer(painter, m, width, height, number, len(pages))
        finally:
            painter.end()
        return len(pages)

    @staticmethod
    def _paginate(pieces: list[_Piece], usable: float) -> list[_Page]:
        pages = [_Page()]
        y = 0.0
        for index, piece in enumerate(pieces):
            at_top = not pages[-1].placed
            if piece.drop_at_top and at_top:
                continue
            need = piece.height
            if piece.keep_with_next and index + 1 < len(pieces):
                need += pieces[index + 1].height
            if y + need > usable and not at_top:
                pages.append(_Page())
                y = 0.0
                if piece.drop_at_top:
                    continue
            pages[-1].placed.append((y, piece))
            y += piece.height
        return pages

    def _draw_footer(
        self, p: QPainter, m: _Metrics, width: float, height: float, page: int, pages: int
    ) -> None:
        font = m.font(SMALL)
        metrics = QFontMetricsF(font, m.device)
        baseline = height - metrics.descent()
        p.setPen(QPen(QColor(FRAME), m.mm(0.25)))
        rule = height - m.mm(FOOTER_MM) + m.mm(3.0)
        p.drawLine(QPointF(0.0, rule), QPointF(width, rule))
        p.setPen(QColor(SMALL.colour))
        p.setFont(font)
        number = ngettext("Page {page} of {pages}", "Page {page} of {pages}", pages).format(
            page=page, pages=pages
        )
        number_width = metrics.horizontalAdvance(number)
        left = metrics.elidedText(
            self.footer,
            Qt.TextElideMode.ElideRight,
            width - number_width - m.mm(6.0),
        )
        p.drawText(QPointF(0.0, baseline), left)
        p.drawText(QPointF(width - number_width, baseline), number)

    def write(self, target: Path) -> int:
        """Writes the PDF to ``target`` whole or not at all; returns the number of pages.

        Raises:
            InputError: ``target`` cannot be written (its folder is missing or read-only,
                it is a folder, the disk is full); nothing is left behind.
        """
        data, pages = self.render()
        write_file_whole(target, data)
        return pages


def write_file_whole(target: Path, data: bytes) -> None:
    """Writes ``data`` to a temporary file beside ``target``, then renames it over ``target``.

    Raises:
        InputError: ``target`` cannot be written; the message names it and says what to do.
    """
    temporary = temporary_beside(target)
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())
            if target.is_dir():
                raise IsADirectoryError(21, os.strerror(21), str(target))
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    except OSError as error:
        raise InputError(
            [
                Problem(
                    target,
                    None,
                    _(
                        "cannot be written ({reason}); choose a file in a folder you can write to"
                    ).format(reason=error.strerror or error.__class__.__name__),
                )
            ]
        ) from None
