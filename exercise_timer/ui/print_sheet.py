"""The Print… button: the home-exercise sheet, printed or as a PDF.

``add_print_button`` puts the button in a layout of the values editor (beside Export…): the
sheet shows the values as they stand in the editor, saved or not, so a clinician can print
what they have just set. ``PrintButton`` on the start screen prints today's session, with
where a build-up stands (``today_sheet``). Its menu prints through the system's print dialog
or saves a PDF chosen with a file dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QBoxLayout, QMenu, QPushButton, QWidget

from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.core.problems import InputError
from exercise_timer.core.progression import ProgressState
from exercise_timer.core.resolve import Session, resolve
from exercise_timer.storage.moments import local_now

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from exercise_timer.app.controller import SessionController
    from exercise_timer.ui.pdf_pages import PageDocument, Paper

Warn = Callable[[QWidget, str, str], object]
"""Shows a problem to the person: ``QMessageBox.warning`` (tests pass a recorder)."""


@dataclass(frozen=True)
class TodaySheet:
    """A session to print as it runs today, and who prescribed it when that is known.

    Attributes:
        session: The exercises with today's values, in the person's order.
        progress: Where a gradual build-up stands; None when there is none.
        clinic: The clinic named at the foot of the pages.
        patient: The patient's label from the prescription.
        prescribed: The day of the prescription.
    """

    session: Session
    progress: ProgressState | None = None
    clinic: str | None = None
    patient: str | None = None
    prescribed: date | None = None


SheetSource = Callable[[], tuple[Routine, PersonalValues] | TodaySheet]
"""Gives what to print when the person asks: a routine with values (the editor), or today's
session.

The printing and PDF modules are imported when first used, so the editor and the start
screen open as quickly as before."""


def today_sheet(controller: SessionController) -> TodaySheet:
    """The session the start screen is about to run, with its build-up and who prescribed it.

    The clinic, patient and date are those kept when the values were imported from a
    prescription (none in a kiosk, which reads no personal values).
    """
    day = controller.day
    kept = controller.loaded.prescribed if controller.loaded is not None else None
    return TodaySheet(
        controller.engine.session,
        day.progress if day is not None else None,
        clinic=kept.clinic if kept is not None else None,
        patient=kept.patient if kept is not None else None,
        prescribed=kept.dated if kept is not None else None,
    )


def _today(source: SheetSource) -> TodaySheet:
    given = source()
    if isinstance(given, TodaySheet):
        return given
    routine, values = given
    return TodaySheet(resolve(routine, values))


def local_paper() -> Paper:
    """US Letter where the locale measures in US units, else A4."""
    from exercise_timer.ui.pdf_pages import Paper

    if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return Paper.LETTER
    return Paper.A4


def sheet_of(source: SheetSource, paper: Paper) -> PageDocument:
    """The sheet of what ``source`` gives, dated today."""
    from exercise_timer.ui.sheet_pdf import SheetFacts, sheet_document

    today = _today(source)
    facts = SheetFacts(local_now().date(), today.clinic, today.patient, today.prescribed)
    return sheet_document(today.session, facts, paper, today.progress)


class PrintButton(QPushButton):
    """Print… with "Print the exercise sheet…" and "Save the exercise sheet as PDF…".

    ``source`` gives what to print; until it is set the menu does nothing.
    """

    def __init__(self, parent: QWidget, source: SheetSource | None = None) -> None:
        """Makes the button and its menu; the words are set by ``retranslate``."""
        super().__init__(parent)
        self.setObjectName("print-sheet")
        self.source = source
        self._menu = QMenu(self)
        self._print = self._menu.addAction("", lambda: self._run(print_sheet))
        self._save = self._menu.addAction("", lambda: self._run(save_sheet))
        self.setMenu(self._menu)
        self.retranslate()

    def retranslate(self) -> None:
        """Sets the words in the current language."""
        self.setText(_("Print…"))
        self.setAccessibleName(_("Print the home-exercise sheet"))
        self._print.setText(_("Print the exercise sheet…"))
        self._save.setText(_("Save the exercise sheet as PDF…"))

    def _run(self, action: Callable[[QWidget, SheetSource], object]) -> None:
        if self.source is not None:
            action(self.parentWidget() or self, self.source)


def add_print_button(layout: QBoxLayout, parent: QWidget, source: SheetSource) -> QPushButton:
    """Adds Print… (with "Print…" and "Save as PDF…" in its menu) to ``layout``."""
    button = PrintButton(parent, source)
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
    parent: QWidget, printer: QPrinter, source: SheetSource, warn: Warn | None = None
) -> bool:
    """Prints the sheet on ``printer``; says so in a message box (``warn``) if it cannot."""
    warn = warn or _message_box
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
    from PySide6.QtWidgets import QFileDialog  # built when first used, not at start

    routine_id = _today(source).session.routine.id
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Save the exercise sheet"),
        str(Path.home() / f"{routine_id}-sheet.pdf"),
        _("PDF files (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else f"{name}.pdf")
    return path if save_sheet_to(parent, source, path) else None


def save_sheet_to(
    parent: QWidget, source: SheetSource, path: Path, warn: Warn | None = None
) -> bool:
    """Writes the sheet to ``path`` whole or not at all; says why in a message box if not."""
    warn = warn or _message_box
    try:
        sheet_of(source, local_paper()).write(path)
    except InputError as error:
        warn(parent, _("Save as PDF"), "\n".join(str(problem) for problem in error.problems))
        return False
    return True


def _message_box(parent: QWidget, title: str, text: str) -> object:
    """``QMessageBox.warning``, imported when a problem is first shown (not at start)."""
    from PySide6.QtWidgets import QMessageBox

    return QMessageBox.warning(parent, title, text)
