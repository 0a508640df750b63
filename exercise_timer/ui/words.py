"""The sentences the window builds from a ``SessionState``, translated when they are shown.

Qt-free on purpose: the words are the same on screen, in the tests and in a future report.
"""

from __future__ import annotations

from exercise_timer.app.services import RoutineChoice
from exercise_timer.app.state import (
    LastTime,
    LeaveOutAnswer,
    Notices,
    SessionState,
    Status,
    TodayValues,
)
from exercise_timer.core.effects import Outcome, SessionEnded, StopReason
from exercise_timer.core.i18n import _, ngettext, pgettext
from exercise_timer.core.model import Breathing
from exercise_timer.core.resolve import ResolvedExercise
from exercise_timer.core.value_source import ValueSource
from exercise_timer.core.vocabulary import kind_title


def minutes(seconds: float) -> str:
    """Seconds as ``m:ss``."""
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def routine_choice(choice: RoutineChoice) -> str:
    """A routine in the picker, with its length."""
    return _("{title} · {minutes} min").format(
        title=choice.routine.title, minutes=round(choice.seconds / 60)
    )


def exercise_count(count: int) -> str:
    """A number of exercises, such as "13 exercises"."""
    return ngettext("{count} exercise", "{count} exercises", count).format(count=count)


def exercise_number(number: int, total: int, exercise: ResolvedExercise) -> str:
    """Where this exercise is in the session, and whether its values are only defaults."""
    if exercise.needs_prescription:
        return _("Default values, not prescribed yet  ·  {number} of {total}").format(
            number=number, total=total
        )
    return _("{number} of {total}").format(number=number, total=total)


def kind(exercise: ResolvedExercise) -> str:
    """The kind of exercise in words."""
    return kind_title(exercise.exercise.kind)


def purpose(exercise: ResolvedExercise) -> str:
    """What the exercise is for, and its kind."""
    return _("{purpose}  ·  {kind}").format(purpose=exercise.exercise.purpose, kind=kind(exercise))


def variant(exercise: ResolvedExercise) -> str:
    """The version of the exercise in use, by name only.

    Its ``advice`` ("Choose this if your office prescribed ...") is for whoever chooses the
    version, so it is shown in the values editor, never to the person during the session.
    """
    chosen = exercise.variant
    if chosen is None:
        return ""
    return _("Version: {variant}").format(variant=chosen.name)


def building(values: TodayValues | None) -> str:
    """Today's values beside the targets while building up to them."""
    if values is None or values.progress is None:
        return ""
    today = values.progress
    if today.reached:
        return _("Prescribed values reached")
    holds = ", ".join(
        _("{today} s of {target} s").format(today=f"{now:g}", target=f"{goal:g}")
        for now, goal in zip(today.holds, today.target.holds, strict=False)
        if goal > 0
    )
    return _("Building up: hold {holds}; {reps} of {target} repetitions").format(
        holds=holds or "–", reps=today.repetitions, target=today.target.repetitions
    )


def values_line(values: TodayValues | None) -> str:
    """Today's values in one line; those the document does not give are marked with *.

    While building up, the build-up line says today's values beside the targets instead.
    """
    if values is None:
        return ""
    if values.progress is not None and not values.progress.reached:
        return building(values)
    marked = False

    def mark(source: ValueSource) -> str:
        nonlocal marked
        if source is ValueSource.DEFAULT:
            marked = True
            return "*"
        return ""

    parts = [
        ngettext("{count} repetition", "{count} repetitions", values.repetitions).format(
            count=values.repetitions
        )
        + mark(values.repetitions_from)
    ]
    holds = " + ".join(f"{hold:g} s" for hold in values.holds if hold > 0)
    if holds:
        parts.append(_("hold {holds}").format(holds=holds) + mark(values.holds_from))
    if values.relax_seconds:
        parts.append(
            _("relax {seconds} s").format(seconds=f"{values.relax_seconds:g}")
            + mark(values.relax_from)
        )
    line = _("Today: {values}").format(values="  ·  ".join(parts))
    if marked:
        line = _("{line}   (* not in the document)").format(line=line)
    return line


def origin(value_origin: ValueSource) -> str:
    """Where a value comes from, in a few words."""
    return {
        ValueSource.DOCUMENT: _("as the document says"),
        ValueSource.PERSONAL: _("your personal value"),
        ValueSource.DEFAULT: _("not in the document: the routine's own value"),
        ValueSource.BUILD_UP: _("building up"),
    }[value_origin]


def values_summary(values: TodayValues | None) -> str:
    """Today's numbers of the exercise, each with where it comes from."""
    if values is None:
        return ""
    holds = " + ".join(f"{hold:g} s" for hold in values.holds if hold > 0)
    lines = [
        ngettext(
            "{count} repetition ({origin})", "{count} repetitions ({origin})", values.repetitions
        ).format(count=values.repetitions, origin=origin(values.repetitions_from)),
        _("Hold {holds} ({origin})").format(holds=holds, origin=origin(values.holds_from))
        if holds
        else _("No hold"),
        _("Relax {seconds} s ({origin})").format(
            seconds=f"{values.relax_seconds:g}", origin=origin(values.relax_from)
        ),
    ]
    return "\n".join(lines)


def phase_detail(state: SessionState) -> str:
    """Repetition, side and stage of the phase running, each in its own words."""
    segment, exercise = state.segment, state.exercise
    if segment is None or exercise is None:
        return ""
    parts: list[str] = []
    if segment.rep is not None:
        parts.append(
            _("Repetition {number} of {total}").format(
                number=segment.rep, total=exercise.repetitions
            )
        )
    if segment.side is not None:
        parts.append(exercise.side_name(segment.side))
    if segment.stage is not None and len(exercise.stages) > 1:
        stage = exercise.stages[segment.stage - 1]
        parts.append(_("Stage {number}: {name}").format(number=segment.stage, name=stage.name))
    return "  ·  ".join(parts)


def breathing(how: Breathing | None) -> str:
    """The breathing of a move or hold."""
    if how is Breathing.IN:
        return _("Breathe in")
    if how is Breathing.OUT:
        return _("Breathe out")
    return ""


def toggle(status: Status) -> str:
    """The words on the Start / Pause / Resume / I'm ready button."""
    return {
        Status.READY: pgettext("button", "Start"),
        Status.RUNNING: _("Pause"),
        Status.PAUSED: _("Resume"),
        Status.WAITING: _("I'm ready"),
        Status.ASKING: _("Resume"),
        Status.ENDED: pgettext("button", "Start"),
    }[status]


def notices(found: Notices) -> str:
    """Everything the window must state above the session, one sentence a line."""
    lines = list(found.startup)
    unfilled = found.unfilled
    if len(unfilled) > 3:
        lines.append(
            _(
                "{count} exercises are not prescribed yet and use this routine's default "
                "values (hold {hold} s, {reps} repetitions). Ask your clinic to fill them in."
            ).format(
                count=len(unfilled),
                hold=f"{found.default_hold:g}",
                reps=found.default_repetitions,
            )
        )
    elif unfilled:
        lines.append(
            _("Not prescribed yet, using the routine's default values: {names}.").format(
                names=", ".join(unfilled)
            )
        )
    lines += last_time(found.last_time)
    problems = (
        found.personal_problem,
        found.build_up_problem,
        found.journal_problem,
        found.speech_problem,
    )
    for problem in problems:
        if problem:
            lines.append(problem)
    return "\n".join(dict.fromkeys(lines))


def symptom(reason: str) -> str:
    """A symptom stop's reason (a ``StopReason`` value) as it reads after "because of"."""
    words = {
        StopReason.PAIN: _("pain or discomfort"),
        StopReason.NUMBNESS: _("tingling or numbness"),
        StopReason.DIZZINESS: _("dizziness"),
    }
    return next((text for key, text in words.items() if key == reason), reason)


def last_time(last: LastTime) -> list[str]:
    """What happened in the last session of the routine and what is left out, a line each."""
    lines = []
    if last.stopped_at is not None and last.reason is not None:
        lines.append(
            _("Last time you stopped at {exercise} because of {reason}.").format(
                exercise=last.stopped_at, reason=symptom(last.reason)
            )
        )
    if last.left_out:
        lines.append(
            _("Left out until your clinic is asked: {names}.").format(
                names=", ".join(last.left_out)
            )
        )
    return lines


def leave_out_offer(exercise: str) -> tuple[str, str, str]:
    """The caution step after a symptom stop: a sentence and the two buttons' words."""
    return (
        _(
            "To be careful, you can leave {exercise} out of your sessions until you have "
            "asked your clinic about it. Your clinic can include it again."
        ).format(exercise=exercise),
        _("Leave {exercise} out until I ask my clinic").format(exercise=exercise),
        _("Keep it in"),
    )


def leave_out_answer(answer: LeaveOutAnswer, exercise: str) -> str:
    """What the caution step says once answered."""
    if answer is LeaveOutAnswer.LEFT_OUT:
        return _(
            "{exercise} is left out of your sessions until your clinic includes it again."
        ).format(exercise=exercise)
    if answer is LeaveOutAnswer.LOCKED:
        return _(
            "Your values are locked by your clinic, so {exercise} was not left out. Ask your "
            "clinic about it before your next session."
        ).format(exercise=exercise)
    return _("{exercise} stays in your sessions.").format(exercise=exercise)


def summary(ended: SessionEnded, at_end: str = "") -> str:
    """What a completed session achieved, then the routine's advice for after it, if any."""
    done = ngettext(
        "You did {done} of {total} exercise in {time}.",
        "You did {done} of {total} exercises in {time}.",
        ended.exercises_total,
    ).format(
        done=ended.exercises_completed,
        total=ended.exercises_total,
        time=minutes(ended.session_seconds),
    )
    return f"{done}\n\n{at_end}" if at_end else done


def ended_summary(state: SessionState) -> str:
    """What a completed session achieved, or, when it could not be saved, that instead.

    Counts the journal does not have are never shown as if they were kept.
    """
    ended = state.ended
    assert ended is not None
    at_end = state.routine.advice.at_end
    unsaved = _unsaved(state)
    if unsaved:
        return f"{unsaved}\n\n{at_end}" if at_end else unsaved
    return summary(ended, at_end)


def recorded(state: SessionState) -> str:
    """Whether the ended session is in the journal (said once: not when the summary says it)."""
    if state.recorded:
        return _("This session has been recorded in your journal.")
    if state.ended is not None and state.ended.outcome is Outcome.COMPLETED and _unsaved(state):
        return ""
    return state.notices.journal_problem or ""


def _unsaved(state: SessionState) -> str:
    """Why the ended session is not in the journal, when the journal says why."""
    return "" if state.recorded else (state.notices.journal_problem or "")


def stop_choices() -> tuple[tuple[StopReason, str], ...]:
    """The reasons to stop, in the order of the keys 1 to 4."""
    return (
        (StopReason.PAIN, _("Pain or discomfort")),
        (StopReason.NUMBNESS, _("Tingling or numbness")),
        (StopReason.DIZZINESS, _("Dizziness")),
        (StopReason.OTHER, _("Other")),
    )
