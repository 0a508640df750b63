"""Personal values on disk: one TOML file per routine, read, kept aside when unusable, written.

The file is ``Paths.personal_dir / "ROUTINE.toml"`` (see the package's docstring for its
shape). A file that cannot be read or fails validation is renamed aside
(``NAME.broken-DATE``), never overwritten in place, and the routine's own values are used,
with a plain message saying so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.progression import Progression, routine_progression
from exercise_timer.core.textfile import read_text_file
from exercise_timer.core.toml_lines import LineIndex
from exercise_timer.core.toml_reader import parse_toml, read_toml_file, short_reason
from exercise_timer.storage.atomic import keep_aside, write_text_atomic
from exercise_timer.storage.moments import aware, local_now
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store.document import (
    PERSONAL_FORMAT_VERSION,
    PERSONAL_KEYS,
    values_document,
)
from exercise_timer.storage.personal_store.prescribed import (
    PRESCRIBED,
    Prescribed,
    prescribed_table,
    read_prescribed,
)
from exercise_timer.storage.personal_store.problems import ValueProblem
from exercise_timer.storage.personal_store.progression_table import PROGRESSION_FIELDS
from exercise_timer.storage.personal_store.validate import bounds_problems, parse_values
from exercise_timer.storage.schema import shown_value
from exercise_timer.storage.toml_text import toml_text


@dataclass(frozen=True)
class LoadedPersonal:
    """Personal values as read for one routine, and a plain message when the file was unusable.

    Attributes:
        values: The saved values (empty when there is no file or it could not be used).
        progression: Whether and how the routine builds up to these values.
        problem: What was wrong with the file and where it was kept, or None.
        routine: The routine the values are for.
        prescribed: The prescription the values came from, when they were imported from one.
        prescribed_problem: What is wrong with the file's ``[prescribed]`` table
            (``FILE:LINE: problem``), or None; the values are used all the same.
    """

    values: PersonalValues
    progression: Progression
    problem: str | None
    routine: Routine
    prescribed: Prescribed | None = None
    prescribed_problem: str | None = None


def _kind() -> str:
    return _("personal values file")


def personal_file(paths: Paths, routine_id: str) -> Path:
    """Where a routine's personal values are kept."""
    return paths.personal_dir / f"{routine_id}.toml"


def load_personal(
    paths: Paths,
    routine: Routine,
    *,
    now: Callable[[], datetime] = local_now,
    keep_aside_if_unusable: bool = False,
) -> LoadedPersonal:
    """Reads a routine's personal values; with an unusable file, none are used.

    Args:
        paths: Where the program keeps its files.
        routine: The routine the values are for (they are validated against it).
        now: The current time, for the name of a file kept aside.
        keep_aside_if_unusable: Rename an unusable file to ``NAME.broken-DATE`` (the window
            does, for the routine it runs). Read-only commands leave the file as it is: a
            routine file with the same id but other exercises must not cost the clinician's
            values.
    """
    path = personal_file(paths, routine.id)
    empty = LoadedPersonal(
        PersonalValues(), routine_progression(routine.advice.build_up), None, routine
    )
    if not (path.exists() or path.is_symlink()):
        return empty
    reason: str
    try:
        text = read_text_file(path, _kind())
        data = parse_toml(text, path, _kind())
    except InputError as error:
        reason = short_reason(error)
    else:
        values, progression, problems = _personal_document(data, routine)
        if not problems:
            if progression.enabled and progression.started is None and "progression" in data:
                progression = dataclasses.replace(progression, started=_modified(path))
            prescribed, wrong = read_prescribed(data)
            return LoadedPersonal(
                values,
                progression,
                None,
                routine,
                prescribed,
                _prescribed_problem(path, text, wrong),
            )
        line = LineIndex(text).line_of(problems[0].where)
        reason = str(problems[0])
        if line is not None:
            reason = _("line {line}: {problem}").format(line=line, problem=reason)
        if len(problems) > 1:
            more = len(problems) - 1
            reason = ngettext(
                "{problem}, and {count} more problem", "{problem}, and {count} more problems", more
            ).format(problem=reason, count=more)
    if not keep_aside_if_unusable:
        return dataclasses.replace(
            empty,
            problem=_(
                "Your personal values for {routine} in {path} could not be used ({reason}); "
                "the routine's own values are used and the file is left as it is."
            ).format(routine=routine.title, path=path, reason=reason),
        )
    try:
        kept = keep_aside(path, now())
    except OSError:
        kept = path
    return dataclasses.replace(
        empty,
        problem=_(
            "Your personal values for {routine} could not be used ({reason}). The file was kept "
            "as {kept} and the routine's own values are in use until new ones are saved."
        ).format(routine=routine.title, reason=reason, kept=kept),
    )


def _personal_document(
    data: Mapping[str, Any], routine: Routine
) -> tuple[PersonalValues, Progression, list[ValueProblem]]:
    problems: list[ValueProblem] = []
    version = data.get("format_version")
    if version != PERSONAL_FORMAT_VERSION or isinstance(version, bool):
        problems.append(
            ValueProblem(
                ("format_version",),
                _("is {value}, expected {known}").format(
                    value=shown_value(version), known=PERSONAL_FORMAT_VERSION
                ),
            )
        )
    if data.get("routine") != routine.id:
        problems.append(
            ValueProblem(
                ("routine",),
                _('is {value}, but this file is for the routine "{id}"').format(
                    value=shown_value(data.get("routine")), id=routine.id
                ),
            )
        )
    for key in data:
        if key not in PERSONAL_KEYS:
            problems.append(ValueProblem((key,), _("is not a known key; remove it")))
    values, progression, found = parse_values(data, routine, allow_started=True)
    return values, progression, problems + found


def _prescribed_problem(path: Path, text: str, problems: list[ValueProblem]) -> str | None:
    """The table's problems as ``FILE:LINE: problem`` lines, with what they cost."""
    if not problems:
        return None
    index = LineIndex(text)
    lines = [str(Problem(path, index.line_of(problem.where), str(problem))) for problem in problems]
    lines.append(
        _(
            "Your personal values are used; only where they came from is not shown until "
            "[prescribed] is fixed or removed."
        )
    )
    return "\n".join(lines)


def _modified(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        return None


def save_personal(
    paths: Paths,
    routine_id: str,
    values: PersonalValues,
    progression: Progression,
    *,
    now: Callable[[], datetime] = local_now,
    default: Progression | None = None,
    prescribed: Prescribed | None = None,
) -> Progression:
    """Writes a routine's personal values atomically; returns the progression as saved.

    ``progression.started`` is decided here, not by the caller: it is kept while
    progression stays on with the same values and settings, and set to now when progression
    is switched on or anything it builds up to changes. So a higher target never makes
    today's values jump on the strength of sessions done before it was set.

    ``default`` is the routine's own build-up (see ``routine_progression``); None when not
    known. While the routine's build-up runs unchanged from a file that never had a
    ``[progression]`` table, none is written, so every session keeps counting (leaving an
    exercise out after a stop does not start the build-up again). Build-up switched off is
    always written, so it stays off.

    ``prescribed`` is where the values came from (an imported prescription); None keeps the
    ``[prescribed]`` table of the file already there, so editing the values never drops it.

    A file already there that cannot be read is kept aside (``NAME.broken-DATE``) first,
    never overwritten.

    Raises:
        ValueError: A value is outside its bounds (nothing is written).
        OSError: The file could not be written (the old one is left as it was).
    """
    problems = bounds_problems(values, progression)
    if problems:
        raise ValueError("; ".join(str(problem) for problem in problems))
    path = personal_file(paths, routine_id)
    previous = _previous_document(path, routine_id, now)
    saved = dataclasses.replace(progression, started=None)
    if progression.enabled:
        new = parse_toml(toml_text(values_document(values, saved, started=False)), path, _kind())
        kept = _kept_start(previous, new)
        if kept is None and _routine_build_up_goes_on(previous, new, saved, default):
            saved = dataclasses.replace(saved, started=progression.started)
        else:
            saved = dataclasses.replace(saved, started=kept or aware(now()).replace(microsecond=0))
    document = {
        "format_version": PERSONAL_FORMAT_VERSION,
        "routine": routine_id,
        **values_document(values, saved, started=True, default=default),
    }
    if prescribed is not None:
        document[PRESCRIBED] = prescribed_table(prescribed)
    elif previous is not None and isinstance(previous.get(PRESCRIBED), dict):
        document[PRESCRIBED] = _kept_prescribed(previous, document, aware(now()).date())
    write_text_atomic(path, toml_text(document))
    return saved


def _previous_document(
    path: Path, routine_id: str, now: Callable[[], datetime]
) -> dict[str, Any] | None:
    """The file already there, or None; one that is not ours to overwrite is kept aside."""
    if not (path.exists() or path.is_symlink()):
        return None
    try:
        data: dict[str, Any] | None = read_toml_file(path, _kind())
    except InputError:
        data = None
    if (
        data is None
        or data.get("format_version") != PERSONAL_FORMAT_VERSION
        or data.get("routine") != routine_id
    ):
        keep_aside(path, now())
        return None
    return data


def _kept_prescribed(
    previous: Mapping[str, Any], document: Mapping[str, Any], day: date
) -> dict[str, Any]:
    """The old ``[prescribed]`` table, with ``changed = day`` when the values changed.

    Leaving an exercise out after a stop, or including it again, is no change of the values.
    """
    table = dict(previous[PRESCRIBED])
    if _targets(previous) != _targets(document) or previous.get("order") != document.get("order"):
        table["changed"] = day
    return table


def _routine_build_up_goes_on(
    previous: Mapping[str, Any] | None,
    new: Mapping[str, Any],
    settings: Progression,
    default: Progression | None,
) -> bool:
    """Whether the routine's own build-up, never set in the file, goes on as it was."""
    if default is None or not default.enabled:
        return False
    if previous is not None and "progression" in previous:
        return False
    return settings == dataclasses.replace(default, started=None) and _targets(
        previous or {}
    ) == _targets(new)


def _kept_start(previous: Mapping[str, Any] | None, new: Mapping[str, Any]) -> datetime | None:
    """The old start when progression was on with the same values and settings."""
    if previous is None:
        return None
    old = previous.get("progression")
    if not isinstance(old, dict) or old.get("enabled") is not True:
        return None
    started = old.get("started")
    if not isinstance(started, datetime):
        return None
    settings = [field.key for field in PROGRESSION_FIELDS]
    same = all(old.get(key) == new["progression"].get(key) for key in settings) and _targets(
        previous
    ) == _targets(new)
    return aware(started) if same else None


def _targets(document: Mapping[str, Any]) -> dict[str, Any]:
    """The exercises' values without the leave-outs after a stop: they change no target.

    Leaving an exercise out after a stop, or including it again, must not restart the build-up.
    """
    exercises = document.get("exercises", {})
    if not isinstance(exercises, dict):
        return {}
    found = {}
    for exercise_id, table in exercises.items():
        if isinstance(table, dict) and "left_out" in table:
            table = {k: v for k, v in table.items() if k not in ("left_out", "included")}
        if table:
            found[exercise_id] = table
    return found
