"""The Print… button: the home-exercise sheet of the values on screen, printed or as a PDF.

``add_print_button`` puts the button in a layout of the values editor (beside Export…); its
menu prints through the system's print dialog or saves a PDF chosen with a file dialog. The
sheet shows the values as they stand in the editor, saved or not, so a clinician can print
what they have just set.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QBoxLayout, QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.core.problems import InputError
from exercise_timer.core.resolve import resolve
from exercise_timer.storage.moments import local_now

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from exercise_timer.ui.pdf_pages import PageDocument, Paper

Warn = Callable[[QWidget, str, str], object]
"""Shows a problem to the person: ``QMessageBox.warning`` (tests pass a recorder)."""

SheetSource = Callable[[], tuple[Routine, PersonalValues]]
"""Gives the routine and the values to print, when the person asks.

The printing and PDF modules are imported when first used, so the editor opens as quickly
as before."""


def local_paper() -> Paper:
    """US Letter where the locale measures in US units, else A4."""
    from exercise_timer.ui.pdf_pages import Paper

    if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return Paper.LETTER
    return Paper.A4


def sheet_of(source: SheetSource, paper: Paper) -> PageDocument:
    """The sheet of the routine with the given values, dated today."""
    from exercise_timer.ui.sheet_pdf import SheetFacts, sheet_document

    routine, values = source()
    return sheet_document(resolve(routine, values), SheetFacts(local_now().date()), paper)


def add_print_button(layout: QBoxLayout, parent: QWidget, source: SheetSource) -> QPushButton:
    """Adds Print… (with "Print…" and "Save as PDF…" in its menu) to ``layout``."""
    button = QPushButton(_("Print…"), parent)
    button.setObjectName("print-sheet")
    button.setAccessibleName(_("Print the home-exercise sheet"))
    menu = QMenu(button)
    menu.addAction(_("Print the exercise sheet…"), lambda: print_sheet(parent, source))
    menu.addAction(_("Save the exercise sheet as PDF…"), lambda: save_sheet(parent, source))
    button.setMenu(menu)
    layout.addWidget(button)
    return button


def print_sheet(parent: QWidget, source: SheetSource) -> bool:
    """Asks for a printer with the system's dialog and prints the sheet; False if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from exercise_timer.ui.pdf_pages import page_layout

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(local_paper()))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print the exercise sheet"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    return print_on(parent, printer, source)


def print_on(
    parent: QWidget, printer: QPrinter, source: SheetSource, warn: Warn = QMessageBox.warning
) -> bool:
    """Prints the sheet on ``printer``; says so in a message box if it cannot."""
    try:
        sheet_of(source, local_paper()).paint(printer)
    except OSError as error:
        warn(
            parent,
            _("Print"),
            _("The sheet could not be printed ({reason}). Check the printer.").format(reason=error),
        )
        return False
    return True


def save_sheet(parent: QWidget, source: SheetSource) -> Path | None:
    """Asks where to save the sheet as a PDF, then writes it there."""
    routine, _values = source()
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Save the exercise sheet"),
        str(Path.home() / f"{routine.id}-sheet.pdf"),
        _("PDF files (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
    return path if save_sheet_to(parent, source, path) else None


def save_sheet_to(
    parent: QWidget, source: SheetSource, path: Path, warn: Warn = QMessageBox.warning
) -> bool:
    """Writes the sheet to ``path`` whole or not at all; says why in a message box if not."""
    try:
        sheet_of(source, local_paper()).write(path)
    except InputError as error:
        warn(parent, _("Save as PDF"), "\n".join(str(problem) for problem in error.problems))
        return False
    return True
