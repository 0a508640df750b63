"""The printed home-exercise sheet: the routine's safety text, then one block per exercise.

Each block holds the exercise's still (or its position's pictogram), the starting position,
the steps, and the person's hold, repetitions, sides and rest in plain words; a block is never
split over two pages. The clinic and the dates are at the foot of every page. Used by
``exercise-timer sheet`` and the window's Print... button.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Routine, Sides
from exercise_timer.core.progression import ExerciseProgress, ProgressState
from exercise_timer.core.resolve import ResolvedExercise, ResolvedStage, Session
from exercise_timer.report.wording import values_text
from exercise_timer.ui.figure_stills import Picture as Shown
from exercise_timer.ui.figure_stills import Stills, stills_for
from exercise_timer.ui.pdf_pages import (
    SMALL,
    STRONG,
    TITLE,
    Block,
    Grid,
    PageDocument,
    Paper,
    Paragraph,
    Picture,
    Spacer,
    Style,
    gui_application,
)

VALUE = Style(size=11.0, bold=True, after=0.8)
"""The person's values: a little larger than the text around them, in bold."""
GOAL = Style(size=10.5, after=0.8)
TEXT = Style(size=10.5, after=1.0)
"""The start and the steps: large enough to read without glasses, small enough to sit
beside the picture."""

LABEL_MM = 19.0
"""The width of the column of labels ("Start:", "Hold:") beside the words."""
STEP_MM = 6.0
SIDE_MM = (82.0, 100.0)
"""The column of the picture and the values beside the start and the steps, in mm: as
wide as it can be between these without making the block taller."""
STILL_MM = (SIDE_MM[1], 30.0)
"""The most a still takes, in mm (width, height)."""
PICTOGRAM_MM = (40.0, 24.0)
PRINT_DPI = 300
"""Dots per inch the pictures are drawn at: sharp in print, not screen pixels."""


@dataclass(frozen=True)
class SheetFacts:
    """Who the sheet is for and when: the foot of every page.

    Attributes:
        printed: The day the sheet is made.
        clinic: The clinic that prescribed the values, when known.
        patient: The patient's label from the prescription, when given.
        prescribed: The day of the prescription, when known.
    """

    printed: date
    clinic: str | None = None
    patient: str | None = None
    prescribed: date | None = None


def _number(value: float) -> str:
    return f"{value:g}"


def _count(value: float) -> int:
    """The number ngettext chooses the wording by (2.5 seconds reads as plural)."""
    return 1 if value == 1 else max(2, math.ceil(value))


def hold_words(stage: ResolvedStage) -> str:
    """How long to hold one stage, in a sentence a patient understands."""
    holds = stage.holds
    if not holds or not any(holds):
        return _("No hold: move slowly and steadily.")
    if len(set(holds)) == 1:
        return ngettext("{seconds} second.", "{seconds} seconds.", _count(holds[0])).format(
            seconds=_number(holds[0])
        )
    return ngettext(
        "{first} second the first time, growing to {last} seconds the last time.",
        "{first} seconds the first time, growing to {last} seconds the last time.",
        _count(holds[0]),
    ).format(first=_number(holds[0]), last=_number(holds[-1]))


def repeat_words(exercise: ResolvedExercise) -> str:
    """How many times, and how the sides share them."""
    count = exercise.repetitions
    if exercise.sides is Sides.ALTERNATING:
        return ngettext(
            "{count} time in all, changing side each time.",
            "{count} times in all, changing side each time.",
            count,
        ).format(count=count)
    if exercise.sides is Sides.NONE:
        return ngettext("{count} time.", "{count} times.", count).format(count=count)
    return ngettext("{count} time on each side.", "{count} times on each side.", count).format(
        count=count
    )


def _within(name: str) -> str:
    """A side's name ("Left leg") as it reads inside a sentence ("left leg")."""
    return name[:1].lower() + name[1:]


def sides_words(exercise: ResolvedExercise) -> str | None:
    """Which side first; None when the exercise has no sides."""
    first = exercise.exercise.first_side
    if exercise.sides is Sides.NONE:
        return None
    if exercise.sides is Sides.ALTERNATING:
        return _("{first} and {second} in turn, starting with the {start}.").format(
            first=exercise.side_name(first),
            second=_within(exercise.side_name(first.other())),
            start=_within(exercise.side_name(first)),
        )
    names = [exercise.side_name(side) for side in exercise.passes() if side is not None]
    if len(names) == 3:
        return _("{first}, then {second}, then {third}.").format(
            first=names[0], second=_within(names[1]), third=_within(names[2])
        )
    return _("{first}, then {second}.").format(first=names[0], second=_within(names[1]))


def rest_words(exercise: ResolvedExercise) -> str:
    """The rest between repetitions (after the label "Rest:")."""
    seconds = exercise.relax_seconds
    if seconds <= 0:
        return _("None needed.")
    return ngettext(
        "{seconds} second between each.",
        "{seconds} seconds between each.",
        _count(seconds),
    ).format(seconds=_number(seconds))


def build_up_words(progress: ExerciseProgress | None) -> str | None:
    """Where a gradual build-up is heading, while it is under way (after the label "Goal:")."""
    if progress is None or progress.reached:
        return None
    return _("build up to {target}.").format(
        target=values_text(progress.target.holds, progress.target.repetitions)
    )


def footer_words(facts: SheetFacts) -> str:
    """The line at the foot of every page."""
    printed = facts.printed.isoformat()
    if facts.clinic and facts.prescribed is not None:
        return _("{clinic} · prescribed on {prescribed} · printed on {printed}").format(
            clinic=facts.clinic, prescribed=facts.prescribed.isoformat(), printed=printed
        )
    if facts.clinic:
        return _("{clinic} · printed on {printed}").format(clinic=facts.clinic, printed=printed)
    return _("Printed on {printed}").format(printed=printed)


def _advice(routine: Routine) -> list[str]:
    advice = routine.advice
    if advice.sessions_per_week and advice.minutes_per_session:
        return [
            _("How often: {sessions} sessions a week, {minutes} minutes each.").format(
                sessions=advice.sessions_per_week, minutes=advice.minutes_per_session
            )
        ]
    if advice.sessions_per_week:
        return [
            _("How often: {sessions} sessions a week.").format(sessions=advice.sessions_per_week)
        ]
    return []


def _trimmed(image: QImage) -> QImage:
    """The image without the white rows above and below the drawing (a lying figure is low)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, stride = grey.width(), grey.bytesPerLine()
    data = bytes(grey.constBits())
    white = b"\xff" * width

    def blank(row: int) -> bool:
        return data[row * stride : row * stride + width] == white

    top, bottom = 0, grey.height()
    while top < bottom and blank(top):
        top += 1
    while bottom > top and blank(bottom - 1):
        bottom -= 1
    margin = grey.height() // 20
    top, bottom = max(top - margin, 0), min(bottom + margin, grey.height())
    return image.copy(0, top, image.width(), bottom - top) if bottom > top else image


def _dots(millimetres: float) -> int:
    return round(millimetres / 25.4 * PRINT_DPI)


def _picture(stills: Stills, exercise: ResolvedExercise) -> Picture | None:
    """The exercise's still, else its position's pictogram, else None."""
    variant = exercise.variant.id if exercise.variant is not None else None
    shown = stills.picture(exercise.exercise, variant)
    if shown is Shown.NONE:
        return None
    width, height = STILL_MM if shown is Shown.STILL else PICTOGRAM_MM
    image = stills.image(exercise.exercise, variant, QSize(_dots(width), _dots(height)))
    return None if image is None else Picture(_trimmed(image), height)


def _values(exercise: ResolvedExercise, progress: ExerciseProgress | None) -> list[Paragraph]:
    """Hold, Repeat, Sides, Rest and the build-up's goal: the person's own values."""
    cells: list[Paragraph] = []
    staged = len(exercise.stages) > 1
    for stage in exercise.stages:
        words = hold_words(stage)
        if staged:
            words = _("{stage}: {hold}").format(stage=stage.name, hold=words)
        cells.append(Paragraph(words, VALUE, label=_("Hold:"), label_mm=LABEL_MM))
    cells.append(Paragraph(repeat_words(exercise), VALUE, label=_("Repeat:"), label_mm=LABEL_MM))
    sides = sides_words(exercise)
    if sides:
        cells.append(Paragraph(sides, VALUE, label=_("Sides:"), label_mm=LABEL_MM))
    cells.append(Paragraph(rest_words(exercise), VALUE, label=_("Rest:"), label_mm=LABEL_MM))
    building = build_up_words(progress)
    if building:
        cells.append(Paragraph(building, GOAL, label=_("Goal:"), label_mm=LABEL_MM))
    return cells


def exercise_block(
    number: int, exercise: ResolvedExercise, stills: Stills, progress: ExerciseProgress | None
) -> Block:
    """One exercise's block: the picture beside the start and steps, the values under both."""
    title = _("{number}. {name}").format(number=number, name=exercise.name)
    if exercise.variant is not None:
        title = _("{number}. {name} ({version})").format(
            number=number, name=exercise.name, version=exercise.variant.name
        )
    parts: list[Paragraph | Picture | Spacer | Grid] = [
        Paragraph(exercise.start, TEXT, label=_("Start:"))
    ]
    for step, text in enumerate(exercise.steps, start=1):
        parts.append(Paragraph(text, TEXT, label=f"{step}.", label_mm=STEP_MM))
    for caution in exercise.exercise.cautions:
        parts.append(Paragraph(caution, TEXT, label=_("Take care:")))
    values = [Grid(_values(exercise, progress), columns=1, tint=True)]
    picture = _picture(stills, exercise)
    if picture is None:
        return Block([*parts, *values], title=title)
    return Block(
        parts,
        title=title,
        aside=picture,
        aside_mm=SIDE_MM[1],
        aside_min_mm=SIDE_MM[0],
        aside_left=True,
        aside_below=values,
    )


def sheet_document(
    session: Session,
    facts: SheetFacts,
    paper: Paper,
    progress: ProgressState | None = None,
    stills: Stills | None = None,
) -> PageDocument:
    """The sheet of a session's exercises, in the person's order, with their values."""
    gui_application()
    routine = session.routine
    stills = stills if stills is not None else stills_for(routine)
    document = PageDocument(paper, title=routine.title, footer=footer_words(facts))
    document.add(Paragraph(_("Home exercises: {routine}").format(routine=routine.title), TITLE))
    if facts.patient:
        document.add(Paragraph(_("For {patient}").format(patient=facts.patient), STRONG))
    if facts.clinic:
        document.add(Paragraph(_("Prescribed by {clinic}").format(clinic=facts.clinic), SMALL))
    safety: Sequence[str] = routine.safety
    if safety:
        document.add(
            Block(
                [Paragraph(line, label="⚠", label_mm=STEP_MM) for line in safety],
                title=_("Safety: read this before you start"),
            )
        )
    document.add(*(Paragraph(line) for line in _advice(routine)))
    if not session.exercises:
        document.add(Paragraph(_("No exercise is included: ask your clinic which to do.")))
    exercises = progress.exercises if progress is not None else {}
    for number, exercise in enumerate(session.exercises, start=1):
        document.add(exercise_block(number, exercise, stills, exercises.get(exercise.id)))
    return document


def write_sheet(
    target: Path,
    session: Session,
    facts: SheetFacts,
    paper: Paper,
    progress: ProgressState | None = None,
) -> int:
    """Writes the sheet to ``target`` whole or not at all; returns its number of pages.

    Raises:
        InputError: ``target`` cannot be written (nothing is left behind).
    """
    return sheet_document(session, facts, paper, progress).write(target)
