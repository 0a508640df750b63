"""``plan``: every phase a session will run, as rows, with its JSON and text writers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from exercise_timer.core.cue_fit import CuePlan, SpokenCount
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Routine, Side, Sides
from exercise_timer.core.plan import Plan
from exercise_timer.core.progression import ExerciseProgress, ProgressState
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.core.schedule import Phase
from exercise_timer.core.value_source import ValueSource, ValueSources, value_sources
from exercise_timer.core.vocabulary import kind_words, phase_words, position_words
from exercise_timer.report.table import format_duration, safe_lines
from exercise_timer.report.wording import has_personal_values, progression_text, values_text
from exercise_timer.storage.personal_store import Today


@dataclass(frozen=True)
class ExerciseRow:
    """One exercise of the session with today's values.

    Attributes:
        number: Its place in the session, from 1.
        exercise: The exercise as the session runs it.
        personal: Whether saved personal values apply to it.
        progress: Today's values beside the targets while building up; None otherwise.
    """

    number: int
    exercise: ResolvedExercise
    personal: bool
    progress: ExerciseProgress | None


@dataclass(frozen=True)
class PhaseRow:
    """One phase of the timeline; ``exercise`` indexes ``PlanReport.exercises``."""

    start: float
    seconds: float
    exercise: int
    side: Side | None
    rep: int | None
    stage: int | None
    phase: Phase
    cue: str
    caption: str = ""
    cue_seconds: float = 0.0
    cue_measured: bool = False
    counts: tuple[SpokenCount, ...] = ()


@dataclass(frozen=True)
class PlanReport:
    """A whole session as rows: the routine, its exercises and every phase in order."""

    routine: Routine
    total_seconds: float
    progress: ProgressState | None
    exercises: tuple[ExerciseRow, ...]
    timeline: tuple[PhaseRow, ...]
    rate: int | None = None
    """The speaking rate the cues were fitted at; None when they were not fitted."""


def plan_report(
    plan: Plan, day: Today | None = None, cues: CuePlan | None = None, rate: int | None = None
) -> PlanReport:
    """The rows of a plan.

    Args:
        plan: The recorded session.
        day: The personal values and build-up the plan was made with.
        cues: The spoken cues fitted to the phases; without them each phase's cue is its
            whole caption.
        rate: The speaking rate ``cues`` were fitted at.
    """
    state = day.progress if day is not None else None
    saved = day.saved.exercises if day is not None else {}
    exercises = tuple(
        ExerciseRow(
            number=number,
            exercise=exercise,
            personal=exercise.id in saved and has_personal_values(saved[exercise.id]),
            progress=state.exercises.get(exercise.id) if state is not None else None,
        )
        for number, exercise in enumerate(plan.session.exercises, start=1)
    )
    timeline = tuple(
        PhaseRow(
            start=phase.start,
            seconds=phase.seconds,
            exercise=phase.segment.exercise,
            side=phase.segment.side,
            rep=phase.segment.rep,
            stage=phase.segment.stage,
            phase=phase.segment.phase,
            cue=phase.cue if cues is None else cues.cues[index].text,
            caption=phase.cue if cues is None else cues.cues[index].caption,
            cue_seconds=0.0 if cues is None else cues.cues[index].seconds,
            cue_measured=cues is not None and cues.cues[index].measured,
            counts=() if cues is None else cues.counts[index],
        )
        for index, phase in enumerate(plan.phases)
    )
    return PlanReport(
        plan.session.routine, plan.total_seconds, state, exercises, timeline, rate if cues else None
    )


def plan_json(report: PlanReport) -> dict[str, Any]:
    """The documented JSON shape of ``plan --json``.

    ``personal`` says whether saved personal values apply to an exercise; ``progression`` is
    null unless the routine builds up gradually, when it gives the targets beside today's
    values (the ``repetitions`` and ``hold_seconds`` fields are today's); ``values_source``
    says where each of today's values comes from; ``at_end`` is the routine's advice for after
    a completed session (null when it has none). In the timeline, ``cue`` is what the voice
    says (the longest wording that ends before the next cue is due), ``caption`` the whole cue
    the window shows, ``cue_seconds`` how long ``cue`` takes to say at ``cue_rate`` (an
    estimate where ``cue_seconds_measured`` is false), and ``counts`` the countdown numbers
    that are said, each heard at its ``start``.
    """
    routine = report.routine
    state = report.progress
    return {
        "routine": {"id": routine.id, "title": routine.title, "source": routine.source.title},
        "total_seconds": report.total_seconds,
        "progression": None
        if state is None
        else {
            "steps": state.steps,
            "every": state.every,
            "completed_toward_next": state.counted,
            "held_by": state.held_by.value if state.held_by is not None else None,
            "all_reached": state.all_reached,
        },
        "exercises": [_exercise_json(row) for row in report.exercises],
        "at_end": routine.advice.at_end or None,
        "cue_rate": report.rate,
        "timeline": [
            {
                "start": phase.start,
                "seconds": phase.seconds,
                "exercise": report.exercises[phase.exercise].exercise.id,
                "side": phase.side.value if phase.side else None,
                "rep": phase.rep,
                "stage": phase.stage,
                "phase": phase.phase.value,
                "cue": phase.cue,
                "caption": phase.caption,
                "cue_seconds": round(phase.cue_seconds, 3),
                "cue_seconds_measured": phase.cue_measured,
                "counts": [
                    {
                        "number": count.number,
                        "start": round(count.at, 3),
                        "cue_seconds": round(count.seconds, 3),
                    }
                    for count in phase.counts
                ],
            }
            for phase in report.timeline
        ],
    }


def _exercise_json(row: ExerciseRow) -> dict[str, Any]:
    e = row.exercise
    return {
        "id": e.id,
        "name": e.name,
        "kind": e.exercise.kind.value,
        "position": e.position.value,
        "variant": e.variant.id if e.variant else None,
        "repetitions": e.repetitions,
        "sides": _sides_json(e),
        "sides_mode": e.sides.value,
        "stages": [
            {
                "name": s.name,
                "hold_seconds": list(s.holds)
                if len(set(s.holds)) > 1
                else (s.holds[0] if s.holds else 0),
            }
            for s in e.stages
        ],
        "needs_prescription": e.needs_prescription,
        "personal": row.personal,
        "progression": None
        if row.progress is None
        else {
            "target_repetitions": row.progress.target.repetitions,
            "target_hold_seconds": list(row.progress.target.holds),
            "reached": row.progress.reached,
        },
        "values_source": value_sources(e, row.progress).as_json(),
    }


def _sides_json(exercise: ResolvedExercise) -> list[str]:
    """The sides in the order they are worked; alternating lists the first two repetitions'."""
    if exercise.sides is Sides.ALTERNATING:
        return [side.value for rep in (1, 2) if (side := exercise.side_of(None, rep))]
    return [side.value for side in exercise.passes() if side is not None]


def plan_text(report: PlanReport) -> str:
    """A schedule a physiotherapist can check line by line against the document."""
    routine = report.routine
    count = len(report.exercises)
    lines = [
        routine.title,
        _("Source: {source}").format(source=routine.source.title),
        ngettext(
            "{count} exercise, {duration} in all", "{count} exercises, {duration} in all", count
        ).format(count=count, duration=format_duration(report.total_seconds)),
    ]
    if report.progress is not None:
        lines.append(progression_text(report.progress))
    current = -1
    phase_width = max((len(phase_words(phase.phase)) for phase in report.timeline), default=0)
    for phase in report.timeline:
        row = report.exercises[phase.exercise]
        if phase.exercise != current:
            current = phase.exercise
            lines += ["", *_exercise_lines(row)]
        lines.append(_phase_line(phase, row.exercise, phase_width))
    lines += ["", _("Total: {duration}").format(duration=format_duration(report.total_seconds))]
    if routine.advice.at_end:
        lines.append(_("After the session: {advice}").format(advice=routine.advice.at_end))
    return safe_lines(lines)


def _exercise_lines(row: ExerciseRow) -> list[str]:
    exercise = row.exercise
    lines = [
        ngettext(
            "{number}. {name} ({kind}, {position}): {reps} repetition, "
            "hold {holds}, relax {relax} s",
            "{number}. {name} ({kind}, {position}): {reps} repetitions, "
            "hold {holds}, relax {relax} s",
            exercise.repetitions,
        ).format(
            number=row.number,
            name=exercise.name,
            kind=kind_words(exercise.exercise.kind),
            position=position_words(exercise.position),
            reps=exercise.repetitions,
            holds=" + ".join(_hold_text(stage.holds) for stage in exercise.stages),
            relax=f"{exercise.relax_seconds:g}",
        )
    ]
    if exercise.variant is not None:
        lines.append("   " + _("Version: {variant}").format(variant=exercise.variant.name))
    if exercise.needs_prescription:
        lines.append("   " + _("Not prescribed yet: using the routine's default values"))
    invented = _not_in_document(exercise, value_sources(exercise, row.progress))
    if invented:
        lines.append(
            "   "
            + _("Not in the document, the routine's own: {values}").format(
                values=", ".join(invented)
            )
        )
    progress = row.progress
    if progress is not None and not progress.reached:
        lines.append(
            "   "
            + _("Building up: today {today}; the target is {target}").format(
                today=values_text(progress.holds, progress.repetitions),
                target=values_text(progress.target.holds, progress.target.repetitions),
            )
        )
    return lines


def _not_in_document(exercise: ResolvedExercise, sources: ValueSources) -> list[str]:
    """The values the routine sets itself (a blank left to the clinic is said above)."""
    blank_hold = any(stage.dose.is_prescribed for stage in exercise.stages)
    blank_repetitions = exercise.repetitions_dose.is_prescribed
    named = (
        (sources.hold, blank_hold, _("hold")),
        (sources.repetitions, blank_repetitions, _("repetitions")),
        (sources.sides, False, _("sides")),
        (sources.relax, False, _("relax")),
    )
    return [name for source, blank, name in named if source is ValueSource.DEFAULT and not blank]


def _phase_line(phase: PhaseRow, exercise: ResolvedExercise, phase_width: int) -> str:
    side = exercise.side_name(phase.side) if phase.side else ""
    rep = (
        _("rep {number}/{total}").format(number=phase.rep, total=exercise.repetitions)
        if phase.rep
        else ""
    )
    stage = (
        _("stage {number}").format(number=phase.stage)
        if phase.stage and len(exercise.stages) > 1
        else ""
    )
    return (
        f"   {format_duration(phase.start):>8}  {side:<22.22} {rep:<9} {stage:<7} "
        f"{phase_words(phase.phase):<{phase_width}} {phase.seconds:>5g} s  {phase.cue}"
    )


def _hold_text(holds: Sequence[float]) -> str:
    """A stage's holds: one number when they are all equal, else one per repetition."""
    if not holds:
        return "0 s"
    if len(set(holds)) == 1:
        return f"{holds[0]:g} s"
    return "/".join(f"{h:g}" for h in holds) + " s"
