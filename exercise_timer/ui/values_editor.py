"""The personal values editor: a clinician sets holds, repetitions and relax per exercise.

Every widget's kind and bounds come from ``storage.personal_fields``. A value is saved only
when it was set (or was already personal): a "prescribed" blank left alone stays unfilled,
so the session keeps saying it uses the routine's default.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Dose, DoseKind, Exercise, Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.problems import InputError
from exercise_timer.core.progression import Progression
from exercise_timer.core.resolve import ResolvedExercise, resolve, resolve_exercise
from exercise_timer.core.schedule import build_schedule
from exercise_timer.storage.personal_fields import HOLD, RELAX, REPETITIONS, VARIANT

OUTSIDE_STYLE = "background: #ffe0b2;"
UNFILLED_STYLE = "background: #fff1c2; font-weight: bold; border-radius: 4px; padding: 2px 6px;"

ImportFile = Callable[[Path], tuple[PersonalValues, Progression]]
ExportFile = Callable[[Path, PersonalValues, Progression, str, str], None]


def _all_set(row: Row) -> bool:
    """True when every stage that holds has a hold (a blank shows 0 until it is set)."""
    return all(
        bool(spin.property("no_hold")) or spin.value() >= (HOLD.low or 1.0) for spin in row.holds
    )


def _blank(spin: QSpinBox | QDoubleSpinBox, high: float) -> None:
    """Shows a prescribed blank as "–" (unset) rather than as the default a session uses."""
    spin.setRange(0, high)  # type: ignore[arg-type]
    spin.setSpecialValueText("–")
    spin.setValue(0)


def _number(value: float) -> str:
    return f"{value:g}"


def dose_text(dose: Dose, unit: str) -> str:
    """What the document says, e.g. "3-5 s", "1 to 5 s, longer each time", "prescribed"."""
    if dose.kind is DoseKind.PRESCRIBED:
        return f"___{unit}"
    if dose.kind is DoseKind.RANGE:
        return f"{_number(dose.values[0])}-{_number(dose.values[1])}{unit}"
    if dose.kind is DoseKind.GROWING:
        return _("{low} to {high}{unit}, longer each time").format(
            low=_number(min(dose.values)), high=_number(max(dose.values)), unit=unit
        )
    return f"{_number(dose.values[0])}{unit}"


def outside(dose: Dose, value: float) -> bool:
    """True when ``value`` is outside what the document gives (never for a blank)."""
    if dose.kind is DoseKind.PRESCRIBED or not dose.values:
        return False
    return not min(dose.values) <= value <= max(dose.values)


@dataclass
class Row:
    """The widgets and edit state of one exercise."""

    exercise: Exercise
    include: QCheckBox
    name: QLabel
    up: QToolButton
    down: QToolButton
    variant: QComboBox
    holds_box: QWidget
    repetitions: QSpinBox
    relax: QDoubleSpinBox
    document: QLabel
    reset: QPushButton
    holds: list[QDoubleSpinBox] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)

    def widgets(self) -> list[QWidget]:
        """Left to right, as laid out."""
        return [
            self.include,
            self.name,
            self.up,
            self.down,
            self.variant,
            self.holds_box,
            self.repetitions,
            self.relax,
            self.document,
            self.reset,
        ]


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
            VARIANT.label,
            HOLD.label,
            REPETITIONS.label,
            RELAX.label,
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
        layout.addWidget(scroll, 1)

        exercises = {e.id: e for e in routine.exercises}
        order = [i for i in values.order if i in exercises]
        order += [e.id for e in routine.exercises if e.id not in order]
        for exercise_id in order:
            self.rows.append(self._make_row(exercises[exercise_id]))
        self.load(values)

        growth = QHBoxLayout()
        self.build_up = QCheckBox(
            _(
                "Build up gradually: start with {hold} s holds and {reps} repetitions, "
                "and add 1 s and 1 repetition after every"
            ).format(
                hold=f"{self._progression.start_hold:g}",
                reps=self._progression.start_repetitions,
            ),
            self,
        )
        self.build_up.setAccessibleName(_("Build up gradually to these values"))
        self.every = QSpinBox(self)
        self.every.setRange(1, 30)
        self.every.setAccessibleName(_("Sessions between steps"))
        self.every.setSuffix(_(" sessions"))
        growth_tail = QLabel(_("completed without a stop for pain, numbness or dizziness."), self)
        growth.addWidget(self.build_up)
        growth.addWidget(self.every)
        growth.addWidget(growth_tail, 1)
        layout.addLayout(growth)
        self._show_progression(self._progression)
        self.build_up.toggled.connect(lambda _on: self.changed.emit())
        self.every.valueChanged.connect(lambda _v: self.changed.emit())

        bottom = QHBoxLayout()
        self.duration = QLabel(self)
        self.duration.setObjectName("duration")
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
        self.resize(1240, 680)

    # -- rows ------------------------------------------------------------------------------

    def _make_row(self, exercise: Exercise) -> Row:
        host = self.grid_host
        include = QCheckBox(host)
        include.setAccessibleName(_("Include {name}").format(name=exercise.name))
        name = QLabel(exercise.name, host)
        up, down = QToolButton(host), QToolButton(host)
        up.setArrowType(Qt.ArrowType.UpArrow)
        down.setArrowType(Qt.ArrowType.DownArrow)
        up.setAccessibleName(_("Move {name} up").format(name=exercise.name))
        down.setAccessibleName(_("Move {name} down").format(name=exercise.name))
        variant = QComboBox(host)
        variant.setAccessibleName(_("Version of {name}").format(name=exercise.name))
        for option in exercise.variants:
            variant.addItem(option.name, option.id)
        variant.setVisible(bool(exercise.variants))
        holds_box = QWidget(host)
        holds_layout = QHBoxLayout(holds_box)
        holds_layout.setContentsMargins(0, 0, 0, 0)
        holds_layout.setAlignment(Qt.AlignmentFlag.AlignLeft)
        repetitions = QSpinBox(host)
        repetitions.setFixedWidth(80)
        repetitions.setRange(int(REPETITIONS.low or 1), int(REPETITIONS.high or 30))
        repetitions.setAccessibleName(_("Repetitions of {name}").format(name=exercise.name))
        relax = QDoubleSpinBox(host)
        relax.setFixedWidth(90)
        relax.setRange(RELAX.low or 0.0, RELAX.high or 60.0)
        relax.setDecimals(1)
        relax.setSuffix(" s")
        relax.setAccessibleName(_("Relax seconds of {name}").format(name=exercise.name))
        document = QLabel(host)
        document.setWordWrap(True)
        document.setMinimumWidth(240)
        variant.setMaximumWidth(200)
        reset = QPushButton(_("Reset"), host)
        reset.setAccessibleName(_("Reset {name} to the document").format(name=exercise.name))
        row = Row(
            exercise,
            include,
            name,
            up,
            down,
            variant,
            holds_box,
            repetitions,
            relax,
            document,
            reset,
        )
        include.toggled.connect(lambda _on, r=row: self._touch(r, "included"))
        variant.currentIndexChanged.connect(lambda _i, r=row: self._variant_changed(r))
        repetitions.valueChanged.connect(lambda _v, r=row: self._touch(r, "repetitions"))
        relax.valueChanged.connect(lambda _v, r=row: self._touch(r, "relax_seconds"))
        up.clicked.connect(lambda _c=False, r=row: self._move(r, -1))
        down.clicked.connect(lambda _c=False, r=row: self._move(r, 1))
        reset.clicked.connect(lambda _c=False, r=row: self._reset(r))
        return row

    def _resolved(self, row: Row, values: ExerciseValues | None = None) -> ResolvedExercise:
        return resolve_exercise(
            row.exercise,
            self.routine.defaults,
            values or ExerciseValues(variant=self._variant_of(row)),
        )

    def _variant_of(self, row: Row) -> str | None:
        data = row.variant.currentData()
        return str(data) if data else None

    def _build_holds(
        self, row: Row, resolved: ResolvedExercise, personal: tuple[float, ...] | None = None
    ) -> None:
        layout = row.holds_box.layout()
        assert layout is not None
        for spin in row.holds:
            layout.removeWidget(spin)
            spin.deleteLater()
        row.holds = []
        for stage in resolved.stages:
            spin = QDoubleSpinBox(row.holds_box)
            spin.setFixedWidth(125 if len(resolved.stages) > 1 else 100)
            spin.setDecimals(1)
            spin.setSuffix(" s")
            if stage.dose.kind is DoseKind.FIXED and stage.dose.values[0] == 0:
                spin.setRange(0, 0)
                spin.setSpecialValueText(_("no hold"))
                spin.setProperty("no_hold", True)
            elif stage.dose.is_prescribed and personal is None:
                _blank(spin, HOLD.high or 120.0)
            else:
                spin.setRange(HOLD.low or 1.0, HOLD.high or 120.0)
                spin.setValue(max(stage.holds[0] if stage.holds else 0.0, HOLD.low or 1.0))
            label = stage.name if len(resolved.stages) > 1 else ""
            spin.setPrefix(f"{label}: " if label else "")
            spin.setAccessibleName(
                _("Hold seconds of {name} {stage}")
                .format(name=row.exercise.name, stage=label)
                .strip()
            )
            spin.valueChanged.connect(lambda _v, r=row: self._touch(r, "hold_seconds"))
            layout.addWidget(spin)
            row.holds.append(spin)

    def load(self, values: PersonalValues) -> None:
        """Shows ``values`` over the document's values (used at start and on import)."""
        self._loading = True
        for row in self.rows:
            personal = values.for_exercise(row.exercise.id)
            row.touched = {
                key
                for key, value in (
                    ("included", None if personal.included else False),
                    ("variant", personal.variant),
                    ("hold_seconds", personal.hold_seconds),
                    ("repetitions", personal.repetitions),
                    ("relax_seconds", personal.relax_seconds),
                )
                if value is not None
            }
            index = row.variant.findData(personal.variant) if personal.variant else -1
            if index < 0 and row.exercise.variants:
                default = row.exercise.default_variant or row.exercise.variants[0].id
                index = row.variant.findData(default)
            row.variant.setCurrentIndex(max(index, 0))
            resolved = resolve_exercise(row.exercise, self.routine.defaults, personal)
            self._build_holds(row, resolved, personal.hold_seconds)
            row.include.setChecked(personal.included)
            if resolved.repetitions_dose.is_prescribed and personal.repetitions is None:
                _blank(row.repetitions, REPETITIONS.high or 30)
            else:
                row.repetitions.setMinimum(int(REPETITIONS.low or 1))
                row.repetitions.setValue(resolved.repetitions)
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
            touched = row.touched
            holds = tuple(spin.value() for spin in row.holds)
            all_set = _all_set(row)
            repetitions = row.repetitions.value()
            values = ExerciseValues(
                hold_seconds=holds if "hold_seconds" in touched and all_set else None,
                repetitions=(
                    repetitions
                    if "repetitions" in touched and repetitions >= (REPETITIONS.low or 1)
                    else None
                ),
                relax_seconds=row.relax.value() if "relax_seconds" in touched else None,
                variant=self._variant_of(row) if "variant" in touched else None,
                included=row.include.isChecked(),
            )
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
        self.build_up.setChecked(progression.enabled)
        self.every.setValue(progression.every)

    def outside_values(self) -> list[str]:
        """Each value set outside what the document gives, in words."""
        found: list[str] = []
        for row in self.rows:
            resolved = self._resolved(row)
            name = row.exercise.name
            if "hold_seconds" in row.touched:
                for stage, spin in zip(resolved.stages, row.holds, strict=False):
                    if outside(stage.dose, spin.value()):
                        found.append(
                            _("{name}: hold {value} s (the document: {document})").format(
                                name=name,
                                value=_number(spin.value()),
                                document=dose_text(stage.dose, " s"),
                            )
                        )
            if "repetitions" in row.touched and outside(
                resolved.repetitions_dose, row.repetitions.value()
            ):
                found.append(
                    _("{name}: {value} repetitions (the document: {document})").format(
                        name=name,
                        value=row.repetitions.value(),
                        document=dose_text(resolved.repetitions_dose, ""),
                    )
                )
            relax = resolve_exercise(
                row.exercise, self.routine.defaults, ExerciseValues()
            ).relax_seconds
            if "relax_seconds" in row.touched and row.relax.value() != relax:
                found.append(
                    _("{name}: relax {value} s (the document: {document} s)").format(
                        name=name, value=_number(row.relax.value()), document=_number(relax)
                    )
                )
        return found

    def _refresh(self) -> None:
        values = self.values()
        session = resolve(self.routine, values)
        seconds = build_schedule(session).total_ms / 1000
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
            resolved = self._resolved(row)
            holds = ", ".join(dose_text(s.dose, " s") for s in resolved.stages)
            document = _("Hold {holds}, {reps} times, relax {relax} s").format(
                holds=holds,
                reps=dose_text(resolved.repetitions_dose, ""),
                relax=_number(
                    resolve_exercise(
                        row.exercise, self.routine.defaults, ExerciseValues()
                    ).relax_seconds
                ),
            )
            personal = values.for_exercise(row.exercise.id)
            unfilled = resolve_exercise(
                row.exercise, self.routine.defaults, personal
            ).needs_prescription
            row.document.setText(document + ("\n" + _("Not prescribed yet") if unfilled else ""))
            row.document.setStyleSheet(UNFILLED_STYLE if unfilled else "")
            row.document.setAccessibleDescription(_("not prescribed yet") if unfilled else "")
            for spin, stage in zip(row.holds, resolved.stages, strict=False):
                self._mark(
                    spin, "hold_seconds" in row.touched and outside(stage.dose, spin.value())
                )
            self._mark(
                row.repetitions,
                "repetitions" in row.touched
                and outside(resolved.repetitions_dose, row.repetitions.value()),
            )
            editable = not self.locked
            for widget in [row.variant, *row.holds, row.repetitions, row.relax]:
                fixed = bool(widget.property("no_hold"))
                widget.setEnabled(editable and row.include.isChecked() and not fixed)
            for widget in (row.include, row.up, row.down, row.reset):
                widget.setEnabled(editable)

    @staticmethod
    def _mark(widget: QWidget, on: bool) -> None:
        widget.setStyleSheet(OUTSIDE_STYLE if on else "")
        widget.setToolTip(_("Outside what the document gives") if on else "")
        widget.setAccessibleDescription(_("outside the document's range") if on else "")

    def half_filled(self) -> list[str]:
        """Exercises with some of their stage holds set and some still blank."""
        return [
            row.exercise.name
            for row in self.rows
            if "hold_seconds" in row.touched
            and not _all_set(row)
            and any(spin.value() > 0 for spin in row.holds)
        ]

    def _save(self) -> None:
        if self.locked:
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
        pin, ok = QInputDialog.getText(
            self, _("Unlock"), _("The clinic's PIN:"), QLineEdit.EchoMode.Password
        )
        if ok and not self.unlock(pin):
            QMessageBox.warning(self, _("Unlock"), _("That PIN is not right."))

    def import_path(self, path: Path) -> bool:
        """Loads a prescription file into the editor (saved only with Save)."""
        if self._import_file is None or self.locked:
            return False
        try:
            values, progression = self._import_file(path)
        except InputError as error:
            QMessageBox.warning(self, _("Import"), "\n".join(str(p) for p in error.problems))
            return False
        exercises = {e.id: e for e in self.routine.exercises}
        order = [i for i in values.order if i in exercises]
        order += [e.id for e in self.routine.exercises if e.id not in order]
        by_id = {row.exercise.id: row for row in self.rows}
        self.rows = [by_id[i] for i in order]
        self.load(values)
        self._progression = dataclasses.replace(progression, started=None)
        self._show_progression(progression)
        return True

    def _import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, _("Import a prescription"), "", _("Prescriptions (*.toml)")
        )
        if name:
            self.import_path(Path(name))

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
        clinic, ok = QInputDialog.getText(self, _("Export"), _("Clinic name:"))
        if not ok or not clinic.strip():
            return
        patient, ok = QInputDialog.getText(self, _("Export"), _("Patient label (optional):"))
        if not ok:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export a prescription"),
            f"{self.routine.id}-prescription.toml",
            _("Prescriptions (*.toml)"),
        )
        if name:
            self.export_path(Path(name), clinic.strip(), patient.strip())
