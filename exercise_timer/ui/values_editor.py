"""The personal values editor: a clinician sets holds, repetitions and relax per exercise.

Every widget's kind and label come from ``storage.personal_fields``, its bounds from
``core.limits`` (the rows are built in ``ui.values_rows``). A value is saved only
when it was set (or was already personal): a "prescribed" blank left alone stays unfilled,
so the session keeps saying it uses the routine's default.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exercise_timer.core import limits
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Exercise, Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.problems import InputError
from exercise_timer.core.progression import Progression
from exercise_timer.core.resolve import ResolvedExercise, resolve, resolve_exercise
from exercise_timer.core.schedule import session_ms
from exercise_timer.storage.personal_fields import HOLD, RELAX, REPETITIONS, VARIANT
from exercise_timer.ui.figure_stills import stills_for
from exercise_timer.ui.limit_fields import LimitedField, out_of_limits
from exercise_timer.ui.print_sheet import add_print_button
from exercise_timer.ui.screen_fit import available_area
from exercise_timer.ui.values_files import ask_export, ask_import_file, ask_pin
from exercise_timer.ui.values_rows import (
    OUTSIDE_STYLE,
    UNFILLED_STYLE,
    Row,
    build_up_text,
    display_order,
    make_row,
)
from exercise_timer.ui.wrapping_check_box import WrappingCheckBox

__all__ = ["OUTSIDE_STYLE", "UNFILLED_STYLE", "ExportFile", "ImportFile", "ValuesEditor"]

ImportFile = Callable[[Path], tuple[PersonalValues, Progression]]
ExportFile = Callable[[Path, PersonalValues, Progression, str, str], None]


class ValuesEditor(QDialog):
    """Edits one routine's personal values; ``values()`` is the result after Save."""

    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        routine: Routine,
        values: PersonalValues,
        *,
        progression: Progression | None = None,
        locked: bool = False,
        check_pin: Callable[[str], bool] | None = None,
        import_file: ImportFile | None = None,
        export_file: ExportFile | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("values-editor")
        self.setWindowTitle(_("Personal values: {routine}").format(routine=routine.title))
        self.routine = routine
        self._check_pin = check_pin
        self._import_file = import_file
        self._export_file = export_file
        self.locked = locked
        self.rows: list[Row] = []
        self.stills = stills_for(routine)
        self._loading = False
        self._progression = progression or Progression()

        layout = QVBoxLayout(self)
        self.lock_note = QLabel(
            _(
                "These values are locked by your clinic. You can see them, "
                "but changing them needs the clinic's PIN."
            ),
            self,
        )
        self.lock_note.setObjectName("notice")
        self.lock_note.setWordWrap(True)
        self.unlock_button = QPushButton(_("Unlock…"), self)
        self.unlock_button.setAccessibleName(_("Unlock with the clinic's PIN"))
        self.unlock_button.clicked.connect(self._ask_pin)
        lock_row = QHBoxLayout()
        lock_row.addWidget(self.lock_note, 1)
        lock_row.addWidget(self.unlock_button)
        layout.addLayout(lock_row)
        intro = QLabel(
            _(
                "Set each exercise's values. Beside each one is what the document "
                "says; values outside it are marked and need a confirmation."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setHorizontalSpacing(8)
        headers = [
            "",
            _("Exercise"),
            "",
            "",
            VARIANT.shown_label(),
            HOLD.shown_label(),
            REPETITIONS.shown_label(),
            RELAX.shown_label(),
            _("The document says"),
            "",
        ]
        for column, text in enumerate(headers):
            header = QLabel(f"<b>{text}</b>", self.grid_host)
            self.grid.addWidget(header, 0, column)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, which it scrolls to
        layout.addWidget(scroll, 1)

        exercises = {e.id: e for e in routine.exercises}
        for exercise_id in display_order(routine, values):
            self.rows.append(self._make_row(exercises[exercise_id]))
        self.load(values)

        self.build_up = WrappingCheckBox(self)  # a long sentence: wrapped, to fit 1024 px
        self.build_up.setAccessibleName(_("Build up gradually to these values"))
        layout.addWidget(self.build_up)
        self.every = QSpinBox(self)
        self.every.setRange(int(limits.PROGRESSION_EVERY.low), int(limits.PROGRESSION_EVERY.high))
        self.every.setAccessibleName(_("Sessions between steps"))
        every_label = QLabel(_("Completed sessions before each step:"), self)
        every_label.setBuddy(self.every)
        growth = QHBoxLayout()
        growth.addWidget(every_label)
        growth.addWidget(self.every)
        growth.addStretch(1)
        layout.addLayout(growth)
        self._show_progression(self._progression)
        self.build_up.toggled.connect(lambda _on: self.changed.emit())
        self.every.valueChanged.connect(lambda _v: self.changed.emit())

        bottom = QHBoxLayout()
        self.duration = QLabel(self)
        self.duration.setObjectName("duration")
        self.duration.setWordWrap(True)
        self.duration.setAccessibleName(_("Session length"))
        self.reset_all = QPushButton(_("Reset all to the document"), self)
        self.reset_all.clicked.connect(self._reset_all)
        self.import_button = QPushButton(_("Import…"), self)
        self.import_button.setAccessibleName(_("Import a prescription file"))
        self.import_button.clicked.connect(self._import)
        self.import_button.setVisible(import_file is not None)
        self.export_button = QPushButton(_("Export…"), self)
        self.export_button.setAccessibleName(_("Export these values as a prescription file"))
        self.export_button.clicked.connect(self._export)
        self.export_button.setVisible(export_file is not None)
        bottom.addWidget(self.duration, 1)
        bottom.addWidget(self.reset_all)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.export_button)
        self.print_button = add_print_button(bottom, self, lambda: (self.routine, self.values()))
        layout.addLayout(bottom)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for key, step in ((QKeySequence("Alt+Up"), -1), (QKeySequence("Alt+Down"), 1)):
            shortcut = QShortcut(key, self)
            shortcut.activated.connect(lambda s=step: self._move_focused(s))
        self.changed.connect(self._refresh)
        self._apply_lock()
        self._refresh()
        self.resize(QSize(1240, 680).boundedTo(available_area(parent or self).size() * 0.95))

    # -- rows ------------------------------------------------------------------------------

    def _make_row(self, exercise: Exercise) -> Row:
        row = make_row(self.grid_host, exercise)
        row.include.toggled.connect(lambda _on, r=row: self._touch(r, "included"))
        row.include.toggled.connect(lambda on, r=row: r.include_changed(on))
        row.variant.currentIndexChanged.connect(lambda _i, r=row: self._variant_changed(r))
        row.repetitions.valueChanged.connect(lambda _v, r=row: self._touch(r, "repetitions"))
        row.relax.valueChanged.connect(lambda _v, r=row: self._touch(r, "relax_seconds"))
        row.up.clicked.connect(lambda _c=False, r=row: self._move(r, -1))
        row.down.clicked.connect(lambda _c=False, r=row: self._move(r, 1))
        row.reset.clicked.connect(lambda _c=False, r=row: self._reset(r))
        return row

    def _resolved(self, row: Row, values: ExerciseValues | None = None) -> ResolvedExercise:
        return resolve_exercise(
            row.exercise,
            self.routine.defaults,
            values or ExerciseValues(variant=row.variant_id()),
        )

    def _build_holds(
        self, row: Row, resolved: ResolvedExercise, personal: tuple[float, ...] | None = None
    ) -> None:
        row.build_holds(resolved, personal, partial(self._touch, row, "hold_seconds"))

    def load(self, values: PersonalValues) -> None:
        """Shows ``values`` over the document's values (used at start and on import)."""
        self._loading = True
        for row in self.rows:
            personal = values.for_exercise(row.exercise.id)
            row.touch_from(personal)
            index = row.variant.findData(personal.variant) if personal.variant else -1
            if index < 0 and row.exercise.variants:
                default = row.exercise.default_variant or row.exercise.variants[0].id
                index = row.variant.findData(default)
            row.variant.setCurrentIndex(max(index, 0))
            row.show_picture(self.stills)
            resolved = resolve_exercise(row.exercise, self.routine.defaults, personal)
            self._build_holds(row, resolved, personal.hold_seconds)
            row.include.setChecked(personal.included)
            unset = resolved.repetitions_dose.is_prescribed and personal.repetitions is None
            row.show_repetitions(None if unset else resolved.repetitions)
            row.relax.setValue(resolved.relax_seconds)
        self._loading = False
        self._layout_rows()
        self.changed.emit()

    def _layout_rows(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, number, column)
        self.grid.setRowStretch(len(self.rows) + 1, 1)
        self.grid.setColumnStretch(8, 1)
        previous: QWidget | None = None
        for row in self.rows:
            for widget in [
                row.include,
                row.up,
                row.down,
                row.variant,
                *row.holds,
                row.repetitions,
                row.relax,
                row.reset,
            ]:
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget

    # -- edits -----------------------------------------------------------------------------

    def _touch(self, row: Row, key: str) -> None:
        if self._loading:
            return
        row.touched.add(key)
        self.changed.emit()

    def _variant_changed(self, row: Row) -> None:
        if self._loading:
            return
        row.touched.add("variant")
        row.touched.discard("hold_seconds")
        row.show_picture(self.stills)
        self._build_holds(row, self._resolved(row))
        self._layout_rows()
        self.changed.emit()

    def _move(self, row: Row, step: int) -> None:
        index = self.rows.index(row)
        target = index + step
        if not 0 <= target < len(self.rows):
            return
        self.rows[index], self.rows[target] = self.rows[target], self.rows[index]
        self._layout_rows()
        (row.up if step < 0 else row.down).setFocus()
        self.changed.emit()

    def _move_focused(self, step: int) -> None:
        focus = self.focusWidget()
        for row in self.rows:
            if focus in row.widgets() or focus in row.holds:
                self._move(row, step)
                return

    def _reset(self, row: Row) -> None:
        values = self.values()
        exercises = dict(values.exercises)
        exercises.pop(row.exercise.id, None)
        self.load(PersonalValues(exercises, values.order))

    def _reset_all(self) -> None:
        self.rows.sort(key=lambda r: self.routine.exercises.index(r.exercise))
        self.load(PersonalValues())

    # -- results ---------------------------------------------------------------------------

    def values(self) -> PersonalValues:
        """The personal values as the editor shows them: only what was set is personal."""
        exercises: dict[str, ExerciseValues] = {}
        for row in self.rows:
            values = row.personal()
            if values != ExerciseValues():
                exercises[row.exercise.id] = values
        document_order = [e.id for e in self.routine.exercises]
        order = [row.exercise.id for row in self.rows]
        return PersonalValues(exercises, tuple(order) if order != document_order else ())

    def progression(self) -> Progression:
        """Whether and how fast to build up, as the editor shows it."""
        return Progression(
            enabled=self.build_up.isChecked(),
            every=self.every.value(),
            start_hold=self._progression.start_hold,
            start_repetitions=self._progression.start_repetitions,
            started=self._progression.started,
        )

    def _show_progression(self, progression: Progression) -> None:
        self.build_up.setText(build_up_text(progression))
        self.build_up.setChecked(progression.enabled)
        self.every.setValue(progression.every)

    def outside_values(self) -> list[str]:
        """Each value set outside what the document gives, in words."""
        return [
            line
            for row in self.rows
            for line in row.outside_lines(self._resolved(row), self._document_relax(row))
        ]

    def _document_relax(self, row: Row) -> float:
        return resolve_exercise(row.exercise, self.routine.defaults, ExerciseValues()).relax_seconds

    def _refresh(self) -> None:
        values = self.values()
        session = resolve(self.routine, values)
        seconds = session_ms(session) / 1000
        self.duration.setText(
            ngettext(
                "Session: {count} exercise, {minutes} min {seconds} s",
                "Session: {count} exercises, {minutes} min {seconds} s",
                len(session.exercises),
            ).format(
                count=len(session.exercises),
                minutes=int(seconds // 60),
                seconds=round(seconds % 60),
            )
        )
        for row in self.rows:
            personal = values.for_exercise(row.exercise.id)
            unfilled = resolve_exercise(
                row.exercise, self.routine.defaults, personal
            ).needs_prescription
            row.show_document(self._resolved(row), self._document_relax(row), unfilled)
            row.enable(not self.locked)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not self.locked and not self.out_of_limits())

    def out_of_limits(self) -> list[LimitedField]:
        """The fields that show a number outside their limits (Save waits until they do not)."""
        return out_of_limits(spin for row in self.rows for spin in row.fields())

    def half_filled(self) -> list[str]:
        """Exercises with some of their stage holds set and some still blank."""
        return [
            row.exercise.name
            for row in self.rows
            if "hold_seconds" in row.touched
            and not row.all_set()
            and any(spin.value() > 0 for spin in row.holds)
        ]

    def _save(self) -> None:
        if self.locked:
            return
        wrong = self.out_of_limits()
        if wrong:  # each says its limits beside it
            wrong[0].setFocus()
            return
        unfinished = self.half_filled()
        if unfinished:
            QMessageBox.warning(
                self,
                _("Holds not filled in"),
                _("Set the hold of every stage, or none, for: {names}.").format(
                    names=", ".join(unfinished)
                ),
            )
            return
        found = self.outside_values()
        if found:
            answer = QMessageBox.question(
                self,
                _("Values outside the document"),
                _(
                    "These values are outside what the document gives:\n\n{list}\n\n"
                    "Save them anyway?"
                ).format(list="\n".join("•  " + f for f in found)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.accept()

    # -- lock, import, export --------------------------------------------------------------

    def _apply_lock(self) -> None:
        self.lock_note.setVisible(self.locked)
        self.unlock_button.setVisible(self.locked and self._check_pin is not None)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not self.locked)
        self.reset_all.setEnabled(not self.locked)
        self.import_button.setEnabled(not self.locked)
        self.build_up.setEnabled(not self.locked)
        self.every.setEnabled(not self.locked)
        self._refresh()

    def unlock(self, pin: str) -> bool:
        """Unlocks this editor with the clinic's PIN."""
        if self._check_pin is not None and self._check_pin(pin):
            self.locked = False
            self._apply_lock()
            return True
        return False

    def _ask_pin(self) -> None:
        pin = ask_pin(self)
        if pin is not None and not self.unlock(pin):
            refusal = getattr(self._check_pin, "refusal", "")  # why, after waits (pin_tries)
            QMessageBox.warning(self, _("Unlock"), refusal or _("That PIN is not right."))

    def import_path(self, path: Path) -> bool:
        """Loads a prescription file into the editor (saved only with Save)."""
        if self._import_file is None or self.locked:
            return False
        try:
            values, progression = self._import_file(path)
        except InputError as error:
            QMessageBox.warning(self, _("Import"), "\n".join(str(p) for p in error.problems))
            return False
        by_id = {row.exercise.id: row for row in self.rows}
        self.rows = [by_id[i] for i in display_order(self.routine, values)]
        self.load(values)
        self._progression = dataclasses.replace(progression, started=None)
        self._show_progression(progression)
        return True

    def _import(self) -> None:
        path = ask_import_file(self)
        if path is not None:
            self.import_path(path)

    def export_path(self, path: Path, clinic: str, patient: str) -> bool:
        """Writes the values shown as a prescription file."""
        if self._export_file is None:
            return False
        try:
            self._export_file(path, self.values(), self.progression(), clinic, patient)
        except (OSError, InputError) as error:
            QMessageBox.warning(self, _("Export"), str(error))
            return False
        return True

    def _export(self) -> None:
        answer = ask_export(self, self.routine.id)
        if answer is not None:
            self.export_path(*answer)
