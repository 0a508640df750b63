"""One exercise's row in the values editor: its widgets, and how the document's values read.

Every number field takes its limits from ``core.limits``, the one table the loader, the
personal values and the command line also read. A number typed outside them is kept and shown
as wrong, with the limits beside it (``ui.limit_fields``), never cut to fit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exercise_timer.core import limits
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Dose, DoseKind, Exercise, Routine
from exercise_timer.core.personal import ExerciseValues, LeftOut, PersonalValues
from exercise_timer.core.progression import Progression
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.ui import words
from exercise_timer.ui.figure_stills import Stills, StillView
from exercise_timer.ui.limit_fields import (
    LimitedDoubleSpinBox,
    LimitedField,
    LimitedSpinBox,
    bound_text,
    in_limits,
    set_limit,
)

OUTSIDE_STYLE = "background: #ffe0b2;"
OUT_OF_LIMITS_STYLE = "background: #fde7e9; border: 2px solid #b3261e;"
UNFILLED_STYLE = "background: #fff1c2; font-weight: bold; border-radius: 4px; padding: 2px 6px;"
THUMBNAIL = QSize(132, 44)
"""An exercise's picture under its name: no wider than a name, so the editor grows no wider."""


number_text = bound_text
"""5.0 as "5", 2.5 as "2.5" (a limit is written the same way)."""


def dose_text(dose: Dose, unit: str) -> str:
    """What the document says, e.g. "3-5 s", "1 to 5 s, longer each time", "___ s"."""
    if dose.kind is DoseKind.PRESCRIBED:
        return f"___{unit}"
    if dose.kind is DoseKind.RANGE:
        return f"{number_text(dose.values[0])}-{number_text(dose.values[1])}{unit}"
    if dose.kind is DoseKind.GROWING:
        return _("{low} to {high}{unit}, longer each time").format(
            low=number_text(min(dose.values)), high=number_text(max(dose.values)), unit=unit
        )
    return f"{number_text(dose.values[0])}{unit}"


def display_order(routine: Routine, values: PersonalValues) -> list[str]:
    """The exercise ids in the personal order, then any the order leaves out."""
    known = {exercise.id for exercise in routine.exercises}
    order = [exercise_id for exercise_id in values.order if exercise_id in known]
    return order + [e.id for e in routine.exercises if e.id not in order]


def outside(dose: Dose, value: float) -> bool:
    """True when ``value`` is outside what the document gives (never for a blank)."""
    if dose.kind is DoseKind.PRESCRIBED or not dose.values:
        return False
    return not min(dose.values) <= value <= max(dose.values)


def repetitions_outside(name: str, value: int, document: str) -> str:
    """One line of the confirmation: repetitions set outside the document."""
    return ngettext(
        "{name}: {value} repetition (the document: {document})",
        "{name}: {value} repetitions (the document: {document})",
        value,
    ).format(name=name, value=value, document=document)


def mark(widget: QWidget, on: bool) -> None:
    """Marks a value outside what the document gives (or clears the mark)."""
    widget.setStyleSheet(OUTSIDE_STYLE if on else "")
    widget.setToolTip(_("Outside what the document gives") if on else "")
    widget.setAccessibleDescription(_("outside the document's range") if on else "")


def build_up_text(progression: Progression) -> str:
    """The build-up check box's sentence, with the values it starts from."""
    return ngettext(
        "Build up gradually: start with {hold} s holds and {reps} repetition, and add "
        "1 s and 1 repetition after every few sessions completed without a stop for "
        "pain, numbness or dizziness.",
        "Build up gradually: start with {hold} s holds and {reps} repetitions, and add "
        "1 s and 1 repetition after every few sessions completed without a stop for "
        "pain, numbness or dizziness.",
        progression.start_repetitions,
    ).format(hold=number_text(progression.start_hold), reps=progression.start_repetitions)


def blank(spin: LimitedField, limit: limits.Limit) -> None:
    """Shows a prescribed blank as "–" (unset) rather than as the default a session uses."""
    set_limit(spin, limit, blank=True)
    spin.setValue(0)


def hold_message(limit: limits.Limit) -> str:
    """Beside a hold out of its limits."""
    return _("Hold: {low} to {high} seconds").format(
        low=bound_text(limit.low), high=bound_text(limit.high)
    )


def repetitions_message(limit: limits.Limit) -> str:
    """Beside repetitions out of their limits."""
    return _("Repetitions: {low} to {high}").format(
        low=bound_text(limit.low), high=bound_text(limit.high)
    )


def relax_message(limit: limits.Limit) -> str:
    """Beside a relax out of its limits."""
    return _("Relax: {low} to {high} seconds").format(
        low=bound_text(limit.low), high=bound_text(limit.high)
    )


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
    repetitions: LimitedSpinBox
    relax: LimitedDoubleSpinBox
    document: QLabel
    reset: QPushButton
    name_box: QWidget
    picture: StillView
    document_box: QWidget
    """The document's values, under the messages of the fields out of their limits."""
    holds: list[LimitedDoubleSpinBox] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    left_out: LeftOut | None = None
    """Left out by the person after a symptom stop; ticking Include again clears it."""

    def widgets(self) -> list[QWidget]:
        """Left to right, as laid out."""
        return [
            self.include,
            self.name_box,
            self.up,
            self.down,
            self.variant,
            self.holds_box,
            self.repetitions,
            self.relax,
            self.document_box,
            self.reset,
        ]

    def fields(self) -> list[LimitedField]:
        """The number fields, left to right."""
        return [*self.holds, self.repetitions, self.relax]

    def all_set(self) -> bool:
        """True when every stage that holds has a hold (a blank shows 0 until it is set)."""
        return all(
            bool(spin.property("no_hold")) or spin.value() >= limits.HOLD_SECONDS.low
            for spin in self.holds
        )

    def variant_id(self) -> str | None:
        """The version shown, or None for an exercise with one version."""
        data = self.variant.currentData()
        return str(data) if data else None

    def show_picture(self, stills: Stills) -> None:
        """Shows the still (or the position's pictogram) of the version chosen."""
        self.picture.show_exercise(stills, self.exercise, self.variant_id())

    def touch_from(self, personal: ExerciseValues) -> None:
        """Counts as set what the personal values already give."""
        self.touched = {
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
        self.left_out = personal.left_out
        self.show_left_out()

    def include_changed(self, on: bool) -> None:
        """Including the exercise again undoes the person's leaving it out for good."""
        if on:
            self.left_out = None
        self.show_left_out()

    def show_left_out(self) -> None:
        """Shows beside the name when and why the person left the exercise out, while it is."""
        mark = self.left_out if not self.include.isChecked() else None
        if mark is None:
            self.name.setText(self.exercise.name)
            self.name.setToolTip("")
            return
        day = mark.date.isoformat()
        reason = words.symptom(mark.reason)
        self.name.setText(
            _("{name}\nleft out {date} after {reason}").format(
                name=self.exercise.name, date=day, reason=reason
            )
        )
        self.name.setToolTip(
            _(
                "The person left this exercise out on {date} after stopping for {reason}, "
                "until their clinic is asked. Tick Include to do it again."
            ).format(date=day, reason=reason)
        )

    def personal(self) -> ExerciseValues:
        """The personal values this row shows: only what was set."""
        touched = self.touched
        repetitions = self.repetitions.value()
        holds_ok = all(in_limits(spin) for spin in self.holds)
        return ExerciseValues(
            hold_seconds=(
                tuple(spin.value() for spin in self.holds)
                if "hold_seconds" in touched and self.all_set() and holds_ok
                else None
            ),
            repetitions=(
                repetitions
                if "repetitions" in touched
                and limits.REPETITIONS.contains(repetitions)
                and in_limits(self.repetitions)
                else None
            ),
            relax_seconds=(
                self.relax.value() if "relax_seconds" in touched and in_limits(self.relax) else None
            ),
            variant=self.variant_id() if "variant" in touched else None,
            included=self.include.isChecked(),
            left_out=None if self.include.isChecked() else self.left_out,
        )

    def outside_lines(self, resolved: ResolvedExercise, document_relax: float) -> list[str]:
        """Each value set outside what the document gives, one line each."""
        found: list[str] = []
        name = self.exercise.name
        if "hold_seconds" in self.touched:
            for stage, spin in zip(resolved.stages, self.holds, strict=False):
                if outside(stage.dose, spin.value()):
                    found.append(
                        _("{name}: hold {value} s (the document: {document})").format(
                            name=name,
                            value=number_text(spin.value()),
                            document=dose_text(stage.dose, " s"),
                        )
                    )
        repetitions = self.repetitions.value()
        if "repetitions" in self.touched and outside(resolved.repetitions_dose, repetitions):
            found.append(
                repetitions_outside(name, repetitions, dose_text(resolved.repetitions_dose, ""))
            )
        if "relax_seconds" in self.touched and self.relax.value() != document_relax:
            found.append(
                _("{name}: relax {value} s (the document: {document} s)").format(
                    name=name,
                    value=number_text(self.relax.value()),
                    document=number_text(document_relax),
                )
            )
        return found

    def show_document(
        self, resolved: ResolvedExercise, document_relax: float, unfilled: bool
    ) -> None:
        """What the document says beside the values, and marks on the values outside it."""
        document = _("Hold {holds}, {reps} times, relax {relax} s").format(
            holds=", ".join(dose_text(stage.dose, " s") for stage in resolved.stages),
            reps=dose_text(resolved.repetitions_dose, ""),
            relax=number_text(document_relax),
        )
        if unfilled:
            document += "\n" + _("Not prescribed yet")
        if resolved.variant is not None and resolved.variant.advice:
            document += "\n" + resolved.variant.advice
        self.document.setText(document)
        self.document.setStyleSheet(UNFILLED_STYLE if unfilled else "")
        self.document.setAccessibleDescription(_("not prescribed yet") if unfilled else "")
        for spin, stage in zip(self.holds, resolved.stages, strict=False):
            mark(spin, "hold_seconds" in self.touched and outside(stage.dose, spin.value()))
        mark(
            self.repetitions,
            "repetitions" in self.touched
            and outside(resolved.repetitions_dose, self.repetitions.value()),
        )
        mark(self.relax, False)
        for number in self.fields():
            if not in_limits(number):
                number.setStyleSheet(OUT_OF_LIMITS_STYLE)
                number.setToolTip(number.note.text())
                number.setAccessibleDescription(number.note.text())

    def enable(self, editable: bool) -> None:
        """Enables what may be changed: nothing while locked, no values of a left-out exercise."""
        for widget in [self.variant, *self.holds, self.repetitions, self.relax]:
            fixed = bool(widget.property("no_hold"))
            widget.setEnabled(editable and self.include.isChecked() and not fixed)
        for widget in (self.include, self.up, self.down, self.reset):
            widget.setEnabled(editable)

    def show_repetitions(self, repetitions: int | None) -> None:
        """Shows a number of repetitions, or the blank a prescription leaves."""
        if repetitions is None:
            blank(self.repetitions, limits.REPETITIONS)
            return
        set_limit(self.repetitions, limits.REPETITIONS)
        self.repetitions.setValue(repetitions)

    def build_holds(
        self,
        resolved: ResolvedExercise,
        personal: tuple[float, ...] | None,
        on_change: Callable[[], None],
    ) -> None:
        """One hold spin box per stage of the version shown, replacing the previous ones."""
        layout = self.holds_box.layout()
        assert layout is not None
        for spin in self.holds:
            layout.removeWidget(spin)
            spin.deleteLater()
            spin.note.deleteLater()
        self.holds = []
        hold = limits.HOLD_SECONDS
        notes = self.document_box.layout()
        assert isinstance(notes, QVBoxLayout)
        for number, stage in enumerate(resolved.stages):
            spin = LimitedDoubleSpinBox(self.holds_box, hold_message)
            notes.insertWidget(number, spin.note)
            spin.setFixedWidth(125 if len(resolved.stages) > 1 else 100)
            spin.setDecimals(1)
            spin.setSuffix(" s")
            if stage.dose.kind is DoseKind.FIXED and stage.dose.values[0] == 0:
                spin.setRange(0, 0)
                spin.setSpecialValueText(_("no hold"))
                spin.setProperty("no_hold", True)
            elif stage.dose.is_prescribed and personal is None:
                blank(spin, hold)
            else:
                spin.setRange(hold.low, hold.high)
                spin.setValue(max(stage.holds[0] if stage.holds else 0.0, hold.low))
            label = stage.name if len(resolved.stages) > 1 else ""
            spin.setPrefix(f"{label}: " if label else "")
            if label:
                spin.setAccessibleName(
                    _("Hold seconds of {name}, {stage}").format(
                        name=self.exercise.name, stage=label
                    )
                )
            else:
                spin.setAccessibleName(_("Hold seconds of {name}").format(name=self.exercise.name))
            spin.valueChanged.connect(lambda _value: on_change())
            layout.addWidget(spin)
            self.holds.append(spin)


def make_row(host: QWidget, exercise: Exercise) -> Row:
    """The widgets of one exercise, not yet connected or laid out."""
    name = exercise.name
    include = QCheckBox(host)
    include.setAccessibleName(_("Include {name}").format(name=name))
    up, down = QToolButton(host), QToolButton(host)
    up.setArrowType(Qt.ArrowType.UpArrow)
    down.setArrowType(Qt.ArrowType.DownArrow)
    up.setAccessibleName(_("Move {name} up").format(name=name))
    down.setAccessibleName(_("Move {name} down").format(name=name))
    variant = QComboBox(host)
    variant.setAccessibleName(_("Version of {name}").format(name=name))
    for index, option in enumerate(exercise.variants):
        variant.addItem(option.name, option.id)
        if option.advice:
            variant.setItemData(index, option.advice, Qt.ItemDataRole.ToolTipRole)
    variant.setVisible(bool(exercise.variants))
    variant.setMaximumWidth(200)
    holds_box = QWidget(host)
    holds_layout = QHBoxLayout(holds_box)
    holds_layout.setContentsMargins(0, 0, 0, 0)
    holds_layout.setAlignment(Qt.AlignmentFlag.AlignLeft)
    repetitions = LimitedSpinBox(host, repetitions_message)
    repetitions.setFixedWidth(80)
    repetitions.setRange(int(limits.REPETITIONS.low), int(limits.REPETITIONS.high))
    repetitions.setAccessibleName(_("Repetitions of {name}").format(name=name))
    relax = LimitedDoubleSpinBox(host, relax_message)
    relax.setFixedWidth(90)
    relax.setRange(limits.RELAX_SECONDS.low, limits.RELAX_SECONDS.high)
    relax.setDecimals(1)
    relax.setSuffix(" s")
    relax.setAccessibleName(_("Relax seconds of {name}").format(name=name))
    document_box = QWidget(host)
    notes = QVBoxLayout(document_box)
    notes.setContentsMargins(0, 0, 0, 0)
    notes.setSpacing(2)
    document = QLabel(document_box)
    document.setWordWrap(True)
    document.setMinimumWidth(240)
    for widget in (repetitions.note, relax.note, document):
        notes.addWidget(widget)
    reset = QPushButton(_("Reset"), host)
    reset.setAccessibleName(_("Reset {name} to the document").format(name=name))
    name_box = QWidget(host)
    name_layout = QVBoxLayout(name_box)
    name_layout.setContentsMargins(0, 0, 0, 0)
    name_layout.setSpacing(2)
    label = QLabel(name, name_box)
    label.setWordWrap(True)  # a long name takes two lines, not the document column's width
    name_box.setMaximumWidth(max(THUMBNAIL.width(), 180))
    picture = StillView(name_box, THUMBNAIL)
    name_layout.addWidget(label)
    name_layout.addWidget(picture)
    return Row(
        exercise,
        include,
        label,
        up,
        down,
        variant,
        holds_box,
        repetitions,
        relax,
        document,
        reset,
        name_box,
        picture,
        document_box,
    )
