"""The command line: argument parsing and wiring, the composition root of the program.

Exit codes: 0 success, 1 invalid input (one ``FILE:LINE: problem and fix`` line each, never a
traceback), 2 usage errors, 3 a session that was stopped (with ``--exit-when-done``).
"""

from __future__ import annotations

import argparse
import csv
import functools
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from exercise_timer import __version__
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Dose, DoseKind, Routine, Sides
from exercise_timer.core.personal import ExerciseValues
from exercise_timer.core.plan import Plan, make_plan
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.resolve import ResolvedExercise, resolve_exercise
from exercise_timer.speech.speaker import VoiceSettings
from exercise_timer.storage.catalogue import DEFAULT_ROUTINE, load_catalogue, open_routine
from exercise_timer.storage.journal import (
    JournalUnreadable,
    SessionRecord,
    StopRecord,
    read_journal,
    reason_text,
)
from exercise_timer.storage.lock import (
    LockError,
    clear_pin,
    is_locked,
    lock_file,
    lock_problem,
    pin_problem,
    set_pin,
)
from exercise_timer.storage.paths import Paths, find_paths
from exercise_timer.storage.personal_store import (
    LoadedPersonal,
    Today,
    load_personal,
    personal_file,
    today,
)
from exercise_timer.storage.prescription import export_prescription, import_prescription

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The whole command line."""
    parser = argparse.ArgumentParser(
        prog="exercise-timer",
        description=_("Guides you through back exercises with a timer and spoken cues."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--home", metavar="DIR", help=_("keep settings, journal and caches under DIR")
    )
    window = parser.add_argument_group(_("window options"))
    window.add_argument(
        "--routine",
        metavar="ID|PATH",
        default=DEFAULT_ROUTINE,
        help=_("routine to open (default: %(default)s)"),
    )
    window.add_argument("--kiosk", action="store_true", help=_("full-screen looping demonstration"))
    window.add_argument(
        "--speed",
        metavar="FACTOR",
        type=_speed,
        default=1.0,
        help=_("divide every duration by FACTOR (demonstrations, tests)"),
    )
    window.add_argument("--autostart", action="store_true", help=_("start the session at once"))
    window.add_argument(
        "--exit-when-done",
        action="store_true",
        help=_("quit after the session: exit 0 if completed, 3 if stopped"),
    )
    window.add_argument("--no-voice", action="store_true", help=_("captions only, no speech"))
    window.add_argument(
        "--trace", metavar="FILE", type=Path, help=_("write one JSON line per event to FILE")
    )

    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    listing = commands.add_parser("routines", help=_("list the bundled and personal routines"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    plan = commands.add_parser("plan", help=_("show every phase a session will run"))
    plan.add_argument("routine", metavar="ROUTINE", help=_("routine id or path of a .toml file"))
    plan.add_argument("--json", action="store_true", help=_("print JSON"))
    check = commands.add_parser("check", help=_("validate routine files"))
    check.add_argument("files", metavar="FILE", nargs="+", type=Path)
    history = commands.add_parser("history", help=_("list the sessions in the journal"))
    history_format = history.add_mutually_exclusive_group()
    history_format.add_argument("--json", action="store_true", help=_("print JSON"))
    history_format.add_argument("--csv", action="store_true", help=_("print CSV"))
    voices = commands.add_parser(
        "voices", help=_("list the voices, and say whether speech works on this machine")
    )
    voices.add_argument("--json", action="store_true", help=_("print JSON"))
    speak = commands.add_parser("speak", help=_("say a text, or write its speech to a WAV file"))
    speak.add_argument("text", metavar="TEXT", help=_("what to say"))
    speak.add_argument(
        "--voice", metavar="ID", help=_("voice id (exercise-timer voices lists them)")
    )
    speak.add_argument(
        "--rate",
        metavar="WPM",
        type=_rate,
        default=VoiceSettings().rate,
        help=_("words per minute (default: %(default)s)"),
    )
    speak.add_argument(
        "--wav", metavar="FILE", type=Path, help=_("write the speech to FILE instead of saying it")
    )
    _add_prescription_parser(commands)
    return parser


def _add_prescription_parser(commands: Any) -> None:
    prescription = commands.add_parser(
        "prescription",
        help=_("export, import or show the personal values a clinician prescribed; lock them"),
    )
    actions = prescription.add_subparsers(
        dest="prescription_command", metavar="ACTION", required=True
    )
    export = actions.add_parser(
        "export", help=_("write a routine's personal values to a prescription file")
    )
    export.add_argument("routine", metavar="ROUTINE", help=_("routine id or path of a .toml file"))
    export.add_argument("file", metavar="FILE", type=Path, help=_("the prescription file to write"))
    export.add_argument(
        "--clinic", metavar="NAME", required=True, help=_("who prescribes the values")
    )
    export.add_argument(
        "--patient", metavar="LABEL", help=_("an optional label for the patient, such as initials")
    )
    imported = actions.add_parser(
        "import", help=_("check a prescription file and make its values the personal values")
    )
    imported.add_argument("file", metavar="FILE", type=Path, help=_("the prescription file"))
    show = actions.add_parser(
        "show", help=_("list each exercise's value in the routine, the personal value and today's")
    )
    show.add_argument("routine", metavar="ROUTINE", help=_("routine id or path of a .toml file"))
    lock = actions.add_parser(
        "lock", help=_("set a clinician PIN that the editor and import will ask for")
    )
    unlock = actions.add_parser("unlock", help=_("remove the clinician PIN"))
    for action in (imported, lock, unlock):
        action.add_argument(
            "--pin-stdin",
            action="store_true",
            help=_("read the PIN as one line from standard input instead of asking"),
        )


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("must be a number such as 2 or 0.5")) from None
    if not 0.01 <= value <= 1000:
        raise argparse.ArgumentTypeError(_("must be between 0.01 and 1000"))
    return value


def _rate(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("must be a whole number such as 160")) from None
    if not 60 <= value <= 400:
        raise argparse.ArgumentTypeError(_("must be between 60 and 400 words per minute"))
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line and returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            # A file name that is not UTF-8 must be printed, not crash the report.
            stream.reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    paths = find_paths(args.home)
    try:
        if args.command == "routines":
            return cmd_routines(paths, as_json=args.json)
        if args.command == "plan":
            return cmd_plan(args.routine, paths, as_json=args.json)
        if args.command == "check":
            return cmd_check(args.files)
        if args.command == "history":
            return cmd_history(paths, as_json=args.json, as_csv=args.csv)
        if args.command == "voices":
            return cmd_voices(as_json=args.json)
        if args.command == "speak":
            return cmd_speak(args.text, voice=args.voice, rate=args.rate, wav=args.wav)
        if args.command == "prescription":
            return cmd_prescription(args, paths)
        return cmd_window(args, paths)
    except InputError as error:
        _print_problems(error.problems)
        return EXIT_INVALID
    except UsageError as error:
        print(f"exercise-timer: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


class UsageError(Exception):
    """The command line cannot be carried out as given (exit 2)."""


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def cmd_window(args: argparse.Namespace, paths: Paths) -> int:
    """Opens the follow-along window (the routine is validated first, before any window)."""
    catalogue = load_catalogue(paths)
    routine = open_routine(args.routine, paths, catalogue)
    from exercise_timer.ui.app import run_window  # Qt loads only when a window is wanted

    return run_window(args, paths, catalogue, routine)


def cmd_voices(*, as_json: bool) -> int:
    """Lists the engine's voices and says whether speech works here (checked in a worker)."""
    from exercise_timer.speech.probe import probe_speech

    status = probe_speech(with_voices=True)
    if as_json:
        document = {
            "speech_works": status.speech_works,
            "problem": status.problem,
            "voices": [
                {"id": v.id, "name": v.name, "languages": list(v.languages)} for v in status.voices
            ],
        }
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(status.problem or _("Speech works on this machine."))
    width = max((len(v.id) for v in status.voices), default=2)
    for voice in status.voices:
        print(f"{voice.id:<{width}}  {voice.name}  ({', '.join(voice.languages)})")
    return EXIT_OK


def cmd_speak(text: str, *, voice: str | None, rate: int, wav: Path | None) -> int:
    """Says ``text``, or writes its speech to ``wav``; one line and exit 1 on any problem."""
    from exercise_timer.speech import oneshot
    from exercise_timer.speech.probe import probe_speech

    if wav is not None and (wav.is_dir() or not wav.resolve().parent.is_dir()):
        print(
            _("{file}: cannot write a WAV file there; give a file in an existing folder.").format(
                file=wav
            ),
            file=sys.stderr,
        )
        return EXIT_INVALID
    status = probe_speech(with_voices=voice is not None) if voice or wav is None else None
    if status is not None and voice is not None:
        if not status.engine:
            print(status.engine_problem, file=sys.stderr)
            return EXIT_INVALID
        if voice not in {v.id for v in status.voices}:
            print(
                _(
                    "There is no voice {voice!r} on this machine; "
                    "exercise-timer voices lists the voices you can use."
                ).format(voice=voice),
                file=sys.stderr,
            )
            return EXIT_INVALID
    settings = VoiceSettings(voice=voice, rate=rate)
    if wav is not None:
        outcome = oneshot.render_wav(text, wav, settings)
        if outcome.problem is not None:
            print(outcome.problem, file=sys.stderr)
            return EXIT_INVALID
        print(_("{file}: {seconds:.1f} s of speech").format(file=wav, seconds=outcome.seconds))
        return EXIT_OK
    outcome = oneshot.speak_text(text, settings, checked=status)
    if outcome.problem is not None:
        print(outcome.problem, file=sys.stderr)
        if status is not None and status.engine:
            print(_("Use --wav FILE to write the speech to a file instead."), file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def cmd_routines(paths: Paths, *, as_json: bool) -> int:
    """Lists the routines with their estimated duration."""
    catalogue = load_catalogue(paths)
    history = _history_reader(paths)
    rows = []
    for routine in catalogue.routines:
        day = personal_today(paths, routine, history)
        total = make_plan(day.session, with_cues=False).total_seconds
        rows.append(
            {
                "id": routine.id,
                "title": routine.title,
                "exercises": len(routine.exercises),
                "estimated_seconds": total,
                "origin": "bundled" if routine.bundled else "personal",
                "path": str(routine.path) if routine.path else None,
            }
        )
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        width = max((len(str(row["id"])) for row in rows), default=2)
        for row in rows:
            count = int(str(row["exercises"]))
            exercises = ngettext("{count} exercise", "{count} exercises", count).format(
                count=f"{count:>3}"
            )
            print(
                f"{row['id']:<{width}}  {exercises}  "
                f"{format_duration(float(str(row['estimated_seconds']))):>9}  "
                f"{row['origin']:<8}  {row['title']}"
            )
    _print_problems(catalogue.problems)
    return EXIT_OK


def cmd_check(files: Sequence[Path]) -> int:
    """Validates each file; one line per problem."""
    problems: list[Problem] = []
    for file in files:
        try:
            routine = load_routine(file)
        except InputError as error:
            problems.extend(error.problems)
            continue
        print(_("{file}: ok, {count} exercises").format(file=file, count=len(routine.exercises)))
    _print_problems(problems)
    return EXIT_INVALID if problems else EXIT_OK


def cmd_history(paths: Paths, *, as_json: bool = False, as_csv: bool = False) -> int:
    """Lists the recorded sessions, oldest first; reading never creates or changes the file."""
    try:
        records = read_journal(paths.journal_file)
    except JournalUnreadable as error:
        print(error.message, file=sys.stderr)
        return EXIT_INVALID
    rows = [history_json(record) for record in records]
    if as_json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(HISTORY_CSV_COLUMNS)
        for row in rows:
            flat = {**row, **{f"stop_{k}": v for k, v in (row["stop"] or {}).items()}}
            writer.writerow(["" if flat.get(c) is None else flat[c] for c in HISTORY_CSV_COLUMNS])
    else:
        print(history_text(records))
    return EXIT_OK


HISTORY_CSV_COLUMNS = (
    "id",
    "routine",
    "started_at",
    "ended_at",
    "outcome",
    "stop_reason",
    "stop_note",
    "stop_exercise",
    "stop_side",
    "stop_rep",
    "stop_stage",
    "stop_phase",
    "stop_session_seconds",
    "exercises_completed",
    "exercises_total",
)


def history_json(record: SessionRecord) -> dict[str, Any]:
    """The documented JSON shape of one session in ``history --json``."""
    return {
        "id": record.id,
        "routine": record.routine,
        "started_at": record.started_at.isoformat(timespec="seconds"),
        "ended_at": record.ended_at.isoformat(timespec="seconds") if record.ended_at else None,
        "outcome": record.outcome,
        "stop": _stop_json(record.stop) if record.stop else None,
        "exercises_completed": record.exercises_completed,
        "exercises_total": record.exercises_total,
    }


def _stop_json(stop: StopRecord) -> dict[str, Any]:
    return {
        "reason": stop.reason.value,
        "note": stop.note,
        "exercise": stop.exercise,
        "side": stop.side,
        "rep": stop.rep,
        "stage": stop.stage,
        "phase": stop.phase,
        "session_seconds": stop.session_seconds,
    }


def history_text(records: Sequence[SessionRecord]) -> str:
    """A table a person reads: date, routine, outcome with reason, exercises done."""
    if not records:
        return _("No sessions recorded yet.")
    outcomes = {
        "completed": _("completed"),
        "stopped": _("stopped"),
        "interrupted": _("interrupted"),
        "open": _("in progress"),
    }
    table = [(_("Date"), _("Routine"), _("Outcome"), _("Exercises"), _("Note"))]
    for record in records:
        outcome = outcomes.get(record.outcome, record.outcome)
        if record.stop is not None:
            outcome = _("{outcome}: {reason}").format(
                outcome=outcome, reason=reason_text(record.stop.reason)
            )
        table.append(
            (
                record.started_at.strftime("%Y-%m-%d %H:%M"),
                record.routine,
                outcome,
                f"{record.exercises_completed}/{record.exercises_total}",
                record.stop.note if record.stop else "",
            )
        )
    widths = [max(len(row[column]) for row in table) for column in range(len(table[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in table
    )


def _history_reader(paths: Paths) -> Callable[[], list[SessionRecord]]:
    """Reads the journal once, when progression needs it; never creates or changes it."""

    @functools.cache
    def history() -> list[SessionRecord]:
        try:
            return read_journal(paths.journal_file)
        except JournalUnreadable as error:
            print(
                _("{problem} Progression is counted from its start.").format(problem=error.message),
                file=sys.stderr,
            )
            return []

    return history


def personal_today(
    paths: Paths, routine: Routine, history: Callable[[], Sequence[SessionRecord]]
) -> Today:
    """Today's session of a routine with its personal values; a file problem goes to stderr."""
    loaded = load_personal(paths, routine)
    if loaded.problem is not None:
        print(loaded.problem, file=sys.stderr)
    return today(loaded, history() if loaded.progression.enabled else [])


def cmd_plan(name: str, paths: Paths, *, as_json: bool) -> int:
    """Prints every phase the session will run, with the personal values of today."""
    routine = open_routine(name, paths)
    day = personal_today(paths, routine, _history_reader(paths))
    plan = make_plan(day.session)
    if as_json:
        print(json.dumps(plan_json(plan, day), indent=2, ensure_ascii=False))
    else:
        print(plan_text(plan, day))
    return EXIT_OK


def plan_json(plan: Plan, day: Today | None = None) -> dict[str, Any]:
    """The documented JSON shape of ``plan --json``.

    ``personal`` says whether saved personal values apply to an exercise; ``progression`` is
    null unless the routine builds up gradually, when it gives the targets beside today's
    values (the ``repetitions`` and ``hold_seconds`` fields are today's).
    """
    routine = plan.session.routine
    exercises = plan.session.exercises
    state = day.progress if day is not None else None
    saved = day.saved.exercises if day is not None else {}
    return {
        "routine": {"id": routine.id, "title": routine.title, "source": routine.source.title},
        "total_seconds": plan.total_seconds,
        "progression": None
        if state is None
        else {
            "steps": state.steps,
            "every": state.every,
            "completed_toward_next": state.counted,
            "held_by": state.held_by.value if state.held_by is not None else None,
            "all_reached": state.all_reached,
        },
        "exercises": [
            {
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
                "personal": e.id in saved and bool(_personal_parts(saved[e.id], e)),
                "progression": None
                if state is None or e.id not in state.exercises
                else {
                    "target_repetitions": state.exercises[e.id].target.repetitions,
                    "target_hold_seconds": list(state.exercises[e.id].target.holds),
                    "reached": state.exercises[e.id].reached,
                },
            }
            for e in exercises
        ],
        "timeline": [
            {
                "start": phase.start,
                "seconds": phase.seconds,
                "exercise": exercises[phase.segment.exercise].id,
                "side": phase.segment.side.value if phase.segment.side else None,
                "rep": phase.segment.rep,
                "stage": phase.segment.stage,
                "phase": phase.segment.phase.value,
                "cue": phase.cue,
            }
            for phase in plan.phases
        ],
    }


def _sides_json(exercise: ResolvedExercise) -> list[str]:
    """The sides in the order they are worked; alternating lists the first two repetitions'."""
    if exercise.sides is Sides.ALTERNATING:
        return [side.value for rep in (1, 2) if (side := exercise.side_of(None, rep))]
    return [side.value for side in exercise.passes() if side is not None]


def format_duration(seconds: float) -> str:
    """Seconds as ``m:ss`` or ``h:mm:ss``."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def plan_text(plan: Plan, day: Today | None = None) -> str:
    """A schedule a physiotherapist can check line by line against the document."""
    routine = plan.session.routine
    exercises = plan.session.exercises
    state = day.progress if day is not None else None
    lines = [
        routine.title,
        _("Source: {source}").format(source=routine.source.title),
        _("{count} exercises, {duration} in all").format(
            count=len(exercises), duration=format_duration(plan.total_seconds)
        ),
    ]
    if day is not None and day.progress is not None:
        lines.append(progression_text(day))
    current = -1
    for phase in plan.phases:
        segment = phase.segment
        exercise = exercises[segment.exercise]
        if segment.exercise != current:
            current = segment.exercise
            holds = " + ".join(_hold_text(s.holds) for s in exercise.stages)
            lines += [
                "",
                _(
                    "{number}. {name} ({kind}, {position}): {reps} repetitions, "
                    "hold {holds}, relax {relax} s"
                ).format(
                    number=current + 1,
                    name=exercise.name,
                    kind=exercise.exercise.kind.value,
                    position=exercise.position.value.replace("-", " "),
                    reps=exercise.repetitions,
                    holds=holds,
                    relax=f"{exercise.relax_seconds:g}",
                ),
            ]
            if exercise.variant is not None:
                lines.append("   " + _("Version: {variant}").format(variant=exercise.variant.name))
            if exercise.needs_prescription:
                lines.append("   " + _("Not prescribed yet: using the routine's default values"))
            progress = state.exercises.get(exercise.id) if state is not None else None
            if progress is not None and not progress.reached:
                lines.append(
                    "   "
                    + _("Building up: today {today}; the target is {target}").format(
                        today=_values_text(progress.holds, progress.repetitions),
                        target=_values_text(progress.target.holds, progress.target.repetitions),
                    )
                )
        side = exercise.side_name(segment.side) if segment.side else ""
        rep = (
            _("rep {number}/{total}").format(number=segment.rep, total=exercise.repetitions)
            if segment.rep
            else ""
        )
        stage = (
            _("stage {number}").format(number=segment.stage)
            if segment.stage and len(exercise.stages) > 1
            else ""
        )
        lines.append(
            f"   {format_duration(phase.start):>8}  {side:<22.22} {rep:<9} {stage:<7} "
            f"{segment.phase.value:<7} {phase.seconds:>5g} s  {phase.cue}"
        )
    lines += ["", _("Total: {duration}").format(duration=format_duration(plan.total_seconds))]
    return "\n".join(lines)


def _hold_text(holds: tuple[float, ...]) -> str:
    if not holds:
        return "0 s"
    if len(set(holds)) == 1:
        return f"{holds[0]:g} s"
    return "/".join(f"{h:g}" for h in holds) + " s"


def progression_text(day: Today) -> str:
    """One sentence on where building up stands."""
    state = day.progress
    if state is None:
        return ""
    if state.all_reached:
        return _("Building up gradually: every exercise is at its target.")
    if state.held_by is not None:
        return _(
            "Building up gradually: held where it is after a stop for {reason}; "
            "{count} more completed session(s) without such a stop to the next step."
        ).format(reason=reason_text(state.held_by), count=state.sessions_to_next_step)
    return _(
        "Building up gradually: 1 s more hold and 1 more repetition after every {every} "
        "completed sessions; {count} more to the next step."
    ).format(every=state.every, count=state.sessions_to_next_step)


def _values_text(holds: Sequence[float], repetitions: int) -> str:
    if not any(holds):
        return _("no hold, {repetitions} times").format(repetitions=repetitions)
    hold = " + ".join(f"{h:g} s" for h in holds)
    return _("hold {hold}, {repetitions} times").format(hold=hold, repetitions=repetitions)


def _personal_parts(values: ExerciseValues, exercise: ResolvedExercise | None) -> list[str]:
    """The personal values set for one exercise, in words (empty when none are set)."""
    parts = []
    if not values.included:
        parts.append(_("left out"))
    if values.variant is not None:
        name = exercise.variant.name if exercise and exercise.variant else values.variant
        parts.append(_("version: {name}").format(name=name))
    if values.hold_seconds is not None:
        parts.append(
            _("hold {hold}").format(hold=" + ".join(f"{h:g} s" for h in values.hold_seconds))
        )
    if values.repetitions is not None:
        parts.append(_("{count} times").format(count=values.repetitions))
    if values.relax_seconds is not None:
        parts.append(_("relax {seconds:g} s").format(seconds=values.relax_seconds))
    return parts


def _dose_text(dose: Dose) -> str:
    if dose.kind is DoseKind.PRESCRIBED:
        return "___"
    if dose.kind is DoseKind.RANGE:
        return f"{dose.values[0]:g}-{dose.values[1]:g}"
    return "/".join(f"{value:g}" for value in dose.values)


def _document_text(exercise: ResolvedExercise) -> str:
    holds = [stage.dose for stage in exercise.stages]
    repetitions = _dose_text(exercise.repetitions_dose)
    if all(dose == Dose.fixed(0) for dose in holds):
        return _("no hold, {repetitions} times").format(repetitions=repetitions)
    hold = " + ".join(_dose_text(dose) + " s" for dose in holds)
    return _("hold {hold}, {repetitions} times").format(hold=hold, repetitions=repetitions)


def prescription_table(loaded: LoadedPersonal, day: Today) -> list[tuple[str, ...]]:
    """One row per exercise: id, routine's value, personal value, today's, needs prescription."""
    routine = loaded.routine
    running = {exercise.id: exercise for exercise in day.session.exercises}
    header = [_("Exercise"), _("Routine says"), _("Personal"), _("Needs prescription")]
    if day.progress is not None:
        header.insert(3, _("Today"))
    rows: list[tuple[str, ...]] = [tuple(header)]
    for exercise in routine.exercises:
        values = loaded.values.for_exercise(exercise.id)
        resolved = running.get(exercise.id) or resolve_exercise(exercise, routine.defaults, values)
        personal = ", ".join(_personal_parts(values, resolved)) or "-"
        row = [exercise.id, _document_text(resolved), personal]
        if day.progress is not None:
            progress = day.progress.exercises.get(exercise.id)
            row.append(
                "-"
                if progress is None
                else _("at target")
                if progress.reached
                else _values_text(progress.holds, progress.repetitions)
            )
        row.append(_("yes") if resolved.needs_prescription and values.included else "")
        rows.append(tuple(row))
    return rows


def _table_text(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def cmd_prescription(args: argparse.Namespace, paths: Paths) -> int:
    """``prescription export|import|show|lock|unlock``."""
    action = args.prescription_command
    try:
        if action == "export":
            return cmd_prescription_export(
                args.routine, args.file, paths, clinic=args.clinic, patient=args.patient
            )
        if action == "import":
            return cmd_prescription_import(args.file, paths, pin_stdin=args.pin_stdin)
        if action == "show":
            return cmd_prescription_show(args.routine, paths)
        if action == "lock":
            return cmd_lock(paths, pin_stdin=args.pin_stdin)
        return cmd_unlock(paths, pin_stdin=args.pin_stdin)
    except LockError as error:
        print(error.message, file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        raise  # the reader went away (``| head``); main() treats that as done
    except OSError as error:
        target = {
            "export": args.file if action == "export" else None,
            "import": paths.personal_dir,
            "lock": lock_file(paths),
            "unlock": lock_file(paths),
        }.get(action)
        print(
            _("{file}: could not be written ({reason}); nothing was changed.").format(
                file=target or paths.config_dir, reason=(error.strerror or str(error)).lower()
            ),
            file=sys.stderr,
        )
        return EXIT_INVALID


def cmd_prescription_export(
    name: str, file: Path, paths: Paths, *, clinic: str, patient: str | None
) -> int:
    """Writes the routine's saved personal values as a prescription file."""
    routine = open_routine(name, paths)
    loaded = load_personal(paths, routine)
    if loaded.problem is not None:
        print(
            _("{problem} Nothing was exported; set the values again, then export.").format(
                problem=loaded.problem
            ),
            file=sys.stderr,
        )
        return EXIT_INVALID
    prescription = export_prescription(loaded, file, clinic=clinic, patient=patient)
    print(
        _("{file}: prescription of {routine} from {clinic}, values for {count} exercise(s)").format(
            file=file,
            routine=routine.id,
            clinic=prescription.clinic,
            count=len(prescription.values.exercises),
        )
    )
    return EXIT_OK


def cmd_prescription_import(file: Path, paths: Paths, *, pin_stdin: bool) -> int:
    """Validates a prescription and, when all is well, saves it as the personal values."""
    pin = _read_pin(_("Clinician PIN: "), from_stdin=pin_stdin) if is_locked(paths) else None
    imported = import_prescription(paths, file, pin=pin)
    prescription = imported.prescription
    print(
        _(
            "{file}: imported the prescription of {routine} from {clinic} dated {date}; "
            "saved to {saved}"
        ).format(
            file=file,
            routine=imported.routine.id,
            clinic=prescription.clinic,
            date=prescription.date.isoformat(),
            saved=imported.saved_to,
        )
    )
    return EXIT_OK


def cmd_prescription_show(name: str, paths: Paths) -> int:
    """A table of each exercise: the routine's value, the personal value, today's."""
    routine = open_routine(name, paths)
    loaded = load_personal(paths, routine)
    if loaded.problem is not None:
        print(loaded.problem, file=sys.stderr)
    history = _history_reader(paths)
    day = today(loaded, history() if loaded.progression.enabled else [])
    file = personal_file(paths, routine.id)
    lines = [
        f"{routine.title} ({routine.id})",
        _("Personal values: {file}").format(file=file)
        if file.exists()
        else _("No personal values saved: the routine's own values are in use."),
    ]
    if is_locked(paths):
        lines.append(
            lock_problem(paths)
            or _("Locked: the editor and prescription import ask for the clinician's PIN.")
        )
    if day.progress is not None:
        lines.append(progression_text(day))
    lines += ["", _table_text(prescription_table(loaded, day))]
    print("\n".join(lines))
    return EXIT_OK


def cmd_lock(paths: Paths, *, pin_stdin: bool) -> int:
    """Sets the clinician PIN (asked twice on a terminal)."""
    if is_locked(paths):
        raise LockError(
            lock_problem(paths)
            or _("The values are already locked; unlock them with the current PIN first.")
        )
    pin = _read_pin(_("New clinician PIN (4-12 digits): "), from_stdin=pin_stdin)
    problem = pin_problem(pin)
    if problem is not None:
        raise LockError(problem)
    if not pin_stdin and _read_pin(_("The same PIN again: "), from_stdin=False) != pin:
        raise LockError(_("The two PINs differ; nothing was changed."))
    set_pin(paths, pin)
    print(_("Locked: the editor and prescription import now ask for this PIN."))
    return EXIT_OK


def cmd_unlock(paths: Paths, *, pin_stdin: bool) -> int:
    """Removes the clinician PIN."""
    if not is_locked(paths):
        print(_("The values are not locked."))
        return EXIT_OK
    problem = lock_problem(paths)
    if problem is not None:
        raise LockError(problem)
    clear_pin(paths, _read_pin(_("Clinician PIN: "), from_stdin=pin_stdin))
    print(_("Unlocked: anyone can change the values again."))
    return EXIT_OK


def _read_pin(prompt: str, *, from_stdin: bool) -> str:
    """A PIN from one line of standard input, or asked without echo on a terminal."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError(_("no terminal to ask for the PIN; give it on one line with --pin-stdin"))
    return getpass.getpass(prompt)
