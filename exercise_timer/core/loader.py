"""Reads and validates routine files, turning any bad input into clear problems.

Whatever a file holds (nothing, binary, another encoding, broken TOML, the wrong shape,
absurd numbers), the only exception that leaves this module is ``InputError``, carrying one
problem per thing wrong with its line and how to fix it.
"""

from __future__ import annotations

import difflib
import math
import re
import tomllib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, ClassVar

from exercise_timer.core.i18n import _
from exercise_timer.core.model import (
    FORMAT_VERSION,
    Advice,
    Breathing,
    Defaults,
    Dose,
    DoseKind,
    Exercise,
    Kind,
    Position,
    Routine,
    Side,
    Sides,
    Source,
    Stage,
    Variant,
)
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.core.textfile import decode_text, read_text_file
from exercise_timer.core.toml_lines import LineIndex, PathKey

MAX_TEXT_CHARS = 2000
MAX_LIST_ITEMS = 50

HOLD_MAX = 120.0
REPETITIONS_MAX = 30
RELAX_MAX = 60.0
PREPARE_MAX = 300.0
MOVE_MIN, MOVE_MAX = 0.5, 60.0

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_RANGE = re.compile(r"^\s*(\d{1,9}(?:\.\d{1,9})?)\s*-\s*(\d{1,9}(?:\.\d{1,9})?)\s*$")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]{1,40}")
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_routine_text(path: Path) -> str:
    """The file's text, or InputError saying plainly why it cannot be a routine file."""
    return read_text_file(path, _("routine"))


def decode_routine_bytes(data: bytes, path: Path | str) -> str:
    """Decodes a routine file's bytes as UTF-8 text, refusing binary files."""
    return decode_text(data, path, _("routine"))


def load_routine(path: Path, *, bundled: bool = False) -> Routine:
    """Reads, parses and validates one routine file."""
    return parse_routine_text(read_routine_text(path), path, bundled=bundled)


def parse_routine_text(text: str, path: Path | str, *, bundled: bool = False) -> Routine:
    """Parses and validates routine text; ``path`` is only used in messages."""
    if not text.strip():
        raise _one(
            path,
            None,
            _("is empty; a routine starts with format_version = 1 (see routines/README.md)"),
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = int(found.group(1)) if found else None
        reason = _TOML_LINE.sub("", str(error)).strip()
        raise _one(
            path,
            line,
            _("is not valid TOML ({reason}); check the quotes, brackets and = signs there").format(
                reason=reason
            ),
        ) from None
    except (RecursionError, MemoryError):
        raise _one(
            path,
            None,
            _("nests arrays or tables too deeply to be a routine; see routines/README.md"),
        ) from None
    except ValueError:  # tomllib lets int()'s limit on digits escape as a plain ValueError
        long_number = re.search(r"\d{1000}", text)
        raise _one(
            path,
            text.count("\n", 0, long_number.start()) + 1 if long_number else None,
            _("holds a number with thousands of digits; write a number such as 5"),
        ) from None
    return RoutineReader(path, LineIndex(text)).read(data, bundled=bundled)


def _one(path: Path | str, line: int | None, message: str) -> InputError:
    return InputError([Problem(path, line, message)])


def _describe(value: object) -> str:
    """A short, safe rendering of a bad value for a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return _("a table")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, int) and value.bit_length() > 128:
        return _("an enormous number")
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class RoutineReader:
    """Validates the parsed TOML of one routine file, collecting every problem."""

    def __init__(self, path: Path | str, lines: LineIndex) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, where: PathKey, message: str) -> None:
        """Records one problem at the line of ``where``."""
        self.problems.append(Problem(self.path, self.lines.line_of(where), message))

    def read(self, data: Mapping[str, Any], *, bundled: bool) -> Routine:
        """The validated routine, or InputError with every problem found."""
        routine = self._routine(data, bundled)
        if self.problems or routine is None:
            raise InputError(sorted(self.problems, key=lambda p: p.line or 0))
        return routine

    # -- generic field readers -------------------------------------------------------------

    def keys(
        self,
        table: Mapping[str, Any],
        where: PathKey,
        label: str,
        allowed: frozenset[str] | set[str],
    ) -> None:
        """Flags unknown keys, suggesting the nearest known one (typos are the usual cause)."""
        for key in table:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, sorted(allowed), n=1)
            hint = (
                _("did you mean {key}?").format(key=close[0])
                if close
                else _("remove it (see routines/README.md for the keys)")
            )
            shown = key if _BARE_KEY.fullmatch(key) else _describe(key)  # keep it on one line
            self.problem(
                (*where, key),
                _("{label}unknown key {key}; {hint}").format(label=label, key=shown, hint=hint),
            )

    def text(
        self,
        table: Mapping[str, Any],
        key: str,
        where: PathKey,
        label: str,
        *,
        required: bool = False,
    ) -> str | None:
        """A non-empty text value."""
        value = table.get(key)
        if value is None:
            if required:
                self.problem(
                    where,
                    _('{label}{key} is missing; add {key} = "..."').format(label=label, key=key),
                )
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(
                (*where, key),
                _("{label}{key} must be text in quotes, not {value}").format(
                    label=label, key=key, value=_describe(value) if value != "" else _("empty text")
                ),
            )
            return None
        if len(value) > MAX_TEXT_CHARS:
            self.problem(
                (*where, key),
                _("{label}{key} is {count} characters long; keep it under {limit}").format(
                    label=label, key=key, count=len(value), limit=MAX_TEXT_CHARS
                ),
            )
            return None
        return value.strip()

    def texts(
        self,
        table: Mapping[str, Any],
        key: str,
        where: PathKey,
        label: str,
        *,
        required: bool = False,
    ) -> tuple[str, ...]:
        """A list of non-empty texts."""
        value = table.get(key)
        if value is None:
            if required:
                self.problem(
                    where,
                    _('{label}{key} is missing; add {key} = ["...", "..."]').format(
                        label=label, key=key
                    ),
                )
            return ()
        if not isinstance(value, list) or not value:
            self.problem(
                (*where, key),
                _('{label}{key} must be a list of texts like ["...", "..."], not {value}').format(
                    label=label, key=key, value=_describe(value)
                ),
            )
            return ()
        if len(value) > MAX_LIST_ITEMS:
            self.problem(
                (*where, key),
                _("{label}{key} has {count} items; keep it under {limit}").format(
                    label=label, key=key, count=len(value), limit=MAX_LIST_ITEMS
                ),
            )
            return ()
        items: list[str] = []
        for number, item in enumerate(value, start=1):
            if not isinstance(item, str) or not item.strip() or len(item) > MAX_TEXT_CHARS:
                self.problem(
                    (*where, key),
                    _(
                        "{label}{key} item {number} must be text in quotes "
                        "(under {limit} characters), not {value}"
                    ).format(
                        label=label,
                        key=key,
                        number=number,
                        limit=MAX_TEXT_CHARS,
                        value=_describe(item),
                    ),
                )
                return ()
            items.append(item.strip())
        return tuple(items)

    def ident(self, table: Mapping[str, Any], key: str, where: PathKey, label: str) -> str | None:
        """An id: lower-case letters, digits and dashes."""
        value = self.text(table, key, where, label, required=True)
        if value is not None and not _ID.match(value):
            self.problem(
                (*where, key),
                _(
                    "{label}{key} {value} may hold only lower-case letters, digits and -, "
                    'like "pelvic-tilt"'
                ).format(label=label, key=key, value=_describe(value)),
            )
            return None
        return value

    def choice(
        self,
        table: Mapping[str, Any],
        key: str,
        where: PathKey,
        label: str,
        parse: Callable[[str], Any],
        options: list[str],
        *,
        required: bool = False,
    ) -> Any:
        """One value of a fixed vocabulary."""
        value = table.get(key)
        if value is None:
            if required:
                self.problem(
                    where,
                    _("{label}{key} is missing; use one of {options}").format(
                        label=label, key=key, options=", ".join(f'"{o}"' for o in options)
                    ),
                )
            return None
        if isinstance(value, str):
            try:
                return parse(value)
            except ValueError:
                pass
        close = difflib.get_close_matches(value, options, n=1) if isinstance(value, str) else []
        hint = _('did you mean "{option}"? ').format(option=close[0]) if close else ""
        self.problem(
            (*where, key),
            _("{label}{key} {value} is not known; {hint}use one of {options}").format(
                label=label,
                key=key,
                value=_describe(value),
                hint=hint,
                options=", ".join(f'"{o}"' for o in options),
            ),
        )
        return None

    def seconds(
        self,
        table: Mapping[str, Any],
        key: str,
        where: PathKey,
        label: str,
        low: float,
        high: float,
    ) -> float | None:
        """A plain number of seconds within bounds."""
        value = table.get(key)
        if value is None:
            return None
        number = self._number(value)
        if number is None or not low <= number <= high:
            self.problem(
                (*where, key),
                _("{label}{key} is {value}; use a number of seconds from {low} to {high}").format(
                    label=label, key=key, value=_describe(value), low=_plain(low), high=_plain(high)
                ),
            )
            return None
        return number

    def whole(
        self, table: Mapping[str, Any], key: str, where: PathKey, label: str, low: int, high: int
    ) -> int | None:
        """A whole number within bounds."""
        value = table.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(
                (*where, key),
                _("{label}{key} is {value}; use a whole number from {low} to {high}").format(
                    label=label, key=key, value=_describe(value), low=low, high=high
                ),
            )
            return None
        return value

    @staticmethod
    def _number(value: object) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        try:
            number = float(value)
        except OverflowError:  # an integer beyond any float
            return None
        return number if math.isfinite(number) else None

    def hold(self, table: Mapping[str, Any], where: PathKey, label: str) -> Dose | None:
        """hold_seconds: a number, a range, a list per repetition, or "prescribed"."""
        value = table.get("hold_seconds")
        fix = _(
            'use a number of seconds from 0 to {high}, a range like "3-5", '
            'a list like [1, 2, 3, 4, 5] or "prescribed"'
        ).format(high=_plain(HOLD_MAX))
        bad = _("{label}hold_seconds is {value}; {fix}")
        at = (*where, "hold_seconds")
        number = self._number(value)
        if number is not None:
            if 0 <= number <= HOLD_MAX:
                return Dose.fixed(number)
        elif isinstance(value, str):
            if value.strip() == "prescribed":
                return Dose.prescribed()
            found = _RANGE.match(value)
            if found:
                low, high = float(found.group(1)), float(found.group(2))
                if 0 < low < high <= HOLD_MAX:
                    return Dose.range(low, high)
        elif isinstance(value, list) and 0 < len(value) <= REPETITIONS_MAX:
            numbers = [self._number(item) for item in value]
            if all(n is not None and 0 < n <= HOLD_MAX for n in numbers):
                return Dose.growing(tuple(n for n in numbers if n is not None))
        self.problem(at, bad.format(label=label, value=_describe(value), fix=fix))
        return None

    def repetitions(self, table: Mapping[str, Any], where: PathKey, label: str) -> Dose | None:
        """repetitions: a whole number, a range, or "prescribed"."""
        value = table.get("repetitions")
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= REPETITIONS_MAX:
            return Dose.fixed(value)
        if isinstance(value, str):
            if value.strip() == "prescribed":
                return Dose.prescribed()
            found = _RANGE.match(value)
            if found and "." not in value:
                low, high = int(found.group(1)), int(found.group(2))
                if 1 <= low < high <= REPETITIONS_MAX:
                    return Dose.range(low, high)
        self.problem(
            (*where, "repetitions"),
            _(
                "{label}repetitions is {value}; use a whole number from 1 to {high}, "
                'a range like "5-10" or "prescribed"'
            ).format(label=label, value=_describe(value), high=REPETITIONS_MAX),
        )
        return None

    def table(
        self, value: object, where: PathKey, label: str, how: str
    ) -> Mapping[str, Any] | None:
        """A TOML table, or a problem saying how to write one."""
        if isinstance(value, dict):
            return value
        self.problem(
            where,
            _("{label}must be a table written as {how}, not {value}").format(
                label=label, how=how, value=_describe(value)
            ),
        )
        return None

    def tables(
        self, value: object, where: PathKey, label: str, how: str
    ) -> list[Mapping[str, Any]]:
        """An array of tables such as [[exercises]]."""
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(
                where,
                _("{label}must be written as {how} tables, not {value}").format(
                    label=label, how=how, value=_describe(value)
                ),
            )
            return []
        return value

    # -- the routine -----------------------------------------------------------------------

    _ROUTINE_KEYS: ClassVar[frozenset[str]] = frozenset(
        {
            "format_version",
            "id",
            "title",
            "language",
            "description",
            "safety",
            "source",
            "advice",
            "defaults",
            "exercises",
        }
    )

    def _routine(self, data: Mapping[str, Any], bundled: bool) -> Routine | None:
        root: PathKey = ()
        self.keys(data, root, "", self._ROUTINE_KEYS)
        version = data.get("format_version")
        if version is None:
            self.problem(root, _("format_version is missing; add format_version = 1 at the top"))
        elif isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self.problem(
                ("format_version",),
                _("format_version is {value}; write format_version = 1").format(
                    value=_describe(version)
                ),
            )
        elif version > FORMAT_VERSION:
            self.problem(
                ("format_version",),
                _(
                    "format_version {value} is newer than this program reads ({known}); "
                    "update exercise_timer"
                ).format(value=_describe(version), known=FORMAT_VERSION),
            )
            return None
        routine_id = self.ident(data, "id", root, "")
        title = self.text(data, "title", root, "", required=True)
        language = self.text(data, "language", root, "") or "en"
        description = self.text(data, "description", root, "") or ""
        safety = self.texts(data, "safety", root, "")
        source = self._source(data.get("source"))
        advice = self._advice(data.get("advice"))
        defaults = self._defaults(data.get("defaults"))
        exercises = self._exercises(data.get("exercises"))
        if routine_id is None or title is None or source is None or not exercises:
            return None
        return Routine(
            id=routine_id,
            title=title,
            language=language,
            description=description,
            source=source,
            advice=advice,
            defaults=defaults,
            exercises=tuple(exercises),
            safety=safety,
            format_version=version if isinstance(version, int) else FORMAT_VERSION,
            path=Path(self.path) if isinstance(self.path, Path) else None,
            bundled=bundled,
        )

    def _source(self, value: object) -> Source | None:
        where: PathKey = ("source",)
        if value is None:
            self.problem((), _('[source] is missing; add a [source] table with title = "..."'))
            return None
        table = self.table(value, where, "source: ", "[source]")
        if table is None:
            return None
        self.keys(table, where, "source: ", {"title", "publisher", "note"})
        title = self.text(table, "title", where, "source: ", required=True)
        if title is None:
            return None
        return Source(
            title=title,
            publisher=self.text(table, "publisher", where, "source: ") or "",
            note=self.text(table, "note", where, "source: ") or "",
        )

    def _advice(self, value: object) -> Advice:
        where: PathKey = ("advice",)
        if value is None:
            return Advice()
        table = self.table(value, where, "advice: ", "[advice]")
        if table is None:
            return Advice()
        self.keys(table, where, "advice: ", {"sessions_per_week", "minutes_per_session", "notes"})
        return Advice(
            sessions_per_week=self.text(table, "sessions_per_week", where, "advice: ") or "",
            minutes_per_session=self.text(table, "minutes_per_session", where, "advice: ") or "",
            notes=self.texts(table, "notes", where, "advice: "),
        )

    def _defaults(self, value: object) -> Defaults:
        where: PathKey = ("defaults",)
        standard = Defaults()
        if value is None:
            return standard
        table = self.table(value, where, "defaults: ", "[defaults]")
        if table is None:
            return standard
        label = "defaults: "
        self.keys(
            table,
            where,
            label,
            {
                "prepare_seconds",
                "move_seconds",
                "hold_seconds",
                "return_seconds",
                "relax_seconds",
                "repetitions",
            },
        )
        hold = self.seconds(table, "hold_seconds", where, label, 0.5, HOLD_MAX)
        repetitions = self.whole(table, "repetitions", where, label, 1, REPETITIONS_MAX)
        prepare = self.seconds(table, "prepare_seconds", where, label, 0, PREPARE_MAX)
        move = self.seconds(table, "move_seconds", where, label, MOVE_MIN, MOVE_MAX)
        back = self.seconds(table, "return_seconds", where, label, MOVE_MIN, MOVE_MAX)
        relax = self.seconds(table, "relax_seconds", where, label, 0, RELAX_MAX)
        return Defaults(
            prepare_seconds=standard.prepare_seconds if prepare is None else prepare,
            move_seconds=standard.move_seconds if move is None else move,
            hold_seconds=standard.hold_seconds if hold is None else hold,
            return_seconds=standard.return_seconds if back is None else back,
            relax_seconds=standard.relax_seconds if relax is None else relax,
            repetitions=standard.repetitions if repetitions is None else repetitions,
        )

    # -- exercises -------------------------------------------------------------------------

    _EXERCISE_KEYS: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "name",
            "purpose",
            "kind",
            "position",
            "start",
            "steps",
            "tips",
            "cautions",
            "repetitions",
            "hold_seconds",
            "instruction",
            "breathing",
            "sides",
            "first_side",
            "side_label",
            "side_names",
            "prepare_seconds",
            "move_seconds",
            "return_seconds",
            "relax_seconds",
            "return_step",
            "note",
            "default_variant",
            "balance_variant",
            "stages",
            "variants",
        }
    )
    _STAGE_KEYS: ClassVar[frozenset[str]] = frozenset(
        {"name", "instruction", "hold_seconds", "breathing", "step", "move_seconds"}
    )
    _VARIANT_KEYS: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "name",
            "advice",
            "position",
            "start",
            "steps",
            "repetitions",
            "sides",
            "hold_seconds",
            "instruction",
            "breathing",
            "stages",
        }
    )

    def _exercises(self, value: object) -> list[Exercise]:
        if value is None:
            self.problem((), _("there are no exercises; add at least one [[exercises]] table"))
            return []
        tables = self.tables(value, ("exercises",), "exercises: ", "[[exercises]]")
        if not tables and isinstance(value, list):
            self.problem(
                ("exercises",), _("there are no exercises; add at least one [[exercises]] table")
            )
        exercises: list[Exercise] = []
        first_seen: dict[str, int | None] = {}
        for index, table in enumerate(tables):
            where: PathKey = ("exercises", index)
            exercise = self._exercise(table, where, index)
            if exercise is None:
                continue
            if exercise.id in first_seen:
                self.problem(
                    (*where, "id"),
                    _(
                        'exercise {number}: id "{id}" is already used by an earlier exercise '
                        "(line {line}); give each exercise its own id"
                    ).format(number=index + 1, id=exercise.id, line=first_seen[exercise.id]),
                )
                continue
            first_seen[exercise.id] = self.lines.line_of((*where, "id"))
            exercises.append(exercise)
        return exercises

    def _exercise(self, table: Mapping[str, Any], where: PathKey, index: int) -> Exercise | None:
        raw_id = table.get("id")
        label = (
            _('exercise "{id}": ').format(id=raw_id)
            if isinstance(raw_id, str) and _ID.match(raw_id)
            else _("exercise {number}: ").format(number=index + 1)
        )
        self.keys(table, where, label, self._EXERCISE_KEYS)
        before = len(self.problems)
        exercise_id = self.ident(table, "id", where, label)
        name = self.text(table, "name", where, label, required=True)
        purpose = self.text(table, "purpose", where, label, required=True)
        kind = self.choice(
            table, "kind", where, label, Kind, [k.value for k in Kind], required=True
        )
        position = self.choice(
            table, "position", where, label, Position, [p.value for p in Position], required=True
        )
        start = self.text(table, "start", where, label, required=True)
        steps = self.texts(table, "steps", where, label, required=True)
        repetitions = self.repetitions(table, where, label)
        if repetitions is None and "repetitions" not in table:
            self.problem(
                where,
                _(
                    '{label}repetitions is missing; add repetitions = 5, a range like "5-10" '
                    'or "prescribed"'
                ).format(label=label),
            )
        sides = (
            self.choice(table, "sides", where, label, Sides, [s.value for s in Sides]) or Sides.NONE
        )
        first_side = (
            self.choice(table, "first_side", where, label, _first_side, ["right", "left"])
            or Side.RIGHT
        )
        side_names = self._side_names(table.get("side_names"), (*where, "side_names"), label, sides)
        stages = self._stages_of(table, where, label, steps, required=True)
        variants = self._variants(table.get("variants"), where, label, steps)
        side_label = self.text(table, "side_label", where, label) or "side"
        tips = self.texts(table, "tips", where, label)
        cautions = self.texts(table, "cautions", where, label)
        prepare = self.seconds(table, "prepare_seconds", where, label, 0, PREPARE_MAX)
        move = self.seconds(table, "move_seconds", where, label, MOVE_MIN, MOVE_MAX)
        back = self.seconds(table, "return_seconds", where, label, MOVE_MIN, MOVE_MAX)
        relax = self.seconds(table, "relax_seconds", where, label, 0, RELAX_MAX)
        return_step = self._step(table, "return_step", where, label, steps)
        default_variant = self._variant_ref(table, "default_variant", where, label, variants)
        balance_variant = self._variant_ref(table, "balance_variant", where, label, variants)
        note = self.text(table, "note", where, label)
        if len(self.problems) != before or not (
            exercise_id
            and name
            and purpose
            and kind
            and position
            and start
            and steps
            and repetitions
            and stages
        ):
            return None
        exercise = Exercise(
            id=exercise_id,
            name=name,
            purpose=purpose,
            kind=kind,
            position=position,
            start=start,
            steps=steps,
            stages=stages,
            repetitions=repetitions,
            sides=sides,
            first_side=first_side,
            side_label=side_label,
            side_names=side_names,
            tips=tips,
            cautions=cautions,
            prepare_seconds=prepare,
            move_seconds=move,
            return_seconds=back,
            relax_seconds=relax,
            return_step=return_step,
            variants=variants,
            default_variant=default_variant,
            balance_variant=balance_variant,
            note=note,
        )
        self._check_growing(exercise, table, where, label)
        if len(self.problems) != before:
            return None
        return exercise

    def _side_names(
        self, value: object, where: PathKey, label: str, sides: Sides
    ) -> dict[Side, str]:
        if value is None:
            return {}
        table = self.table(value, where, label + "side_names ", "[exercises.side_names]")
        if table is None:
            return {}
        if sides is Sides.NONE:
            self.problem(
                where,
                _(
                    '{label}side_names needs sides = "each", "right-left-both" or "alternating"'
                ).format(label=label),
            )
        self.keys(table, where, label + "side_names: ", {"right", "left", "both"})
        names: dict[Side, str] = {}
        for side in Side:
            text = self.text(table, side.value, where, label + "side_names: ")
            if text is not None:
                names[side] = text
        return names

    def _step(
        self, table: Mapping[str, Any], key: str, where: PathKey, label: str, steps: tuple[str, ...]
    ) -> int | None:
        if key not in table:
            return None
        return self.whole(table, key, where, label, 1, max(len(steps), 1))

    def _stages_of(
        self,
        table: Mapping[str, Any],
        where: PathKey,
        label: str,
        steps: tuple[str, ...],
        *,
        required: bool,
    ) -> tuple[Stage, ...] | None:
        """The stages, from [[...stages]] or from the one-stage shortcut hold_seconds."""
        has_stages = "stages" in table
        has_hold = "hold_seconds" in table
        if has_stages and has_hold:
            self.problem(
                (*where, "hold_seconds"),
                _(
                    "{label}has both hold_seconds and stages; put the hold in each stage "
                    "and remove hold_seconds"
                ).format(label=label),
            )
            return None
        if has_stages:
            for key in ("instruction", "breathing"):
                if key in table:
                    self.problem(
                        (*where, key),
                        _(
                            "{label}{key} goes in each stage when there are stages; move it there"
                        ).format(label=label, key=key),
                    )
            return self._stages(table["stages"], (*where, "stages"), label, steps)
        if has_hold:
            hold = self.hold(table, where, label)
            instruction = self.text(table, "instruction", where, label)
            breathing = self.choice(table, "breathing", where, label, Breathing, ["in", "out"])
            if hold is None:
                return None
            name = self.text(table, "name", where, label) or ""
            if instruction is None and steps:
                instruction = steps[0].rstrip(".")
            return (
                Stage(name=name, instruction=instruction or name, hold=hold, breathing=breathing),
            )
        if required:
            self.problem(
                where,
                _(
                    "{label}says nothing about holding; add hold_seconds = 5 (0 for no hold) "
                    "or [[exercises.stages]] tables"
                ).format(label=label),
            )
            return None
        return ()

    def _stages(
        self, value: object, where: PathKey, label: str, steps: tuple[str, ...]
    ) -> tuple[Stage, ...] | None:
        tables = self.tables(value, where, label + "stages ", "[[exercises.stages]]")
        if not tables:
            if isinstance(value, list):
                self.problem(
                    where, _("{label}stages is empty; add at least one stage").format(label=label)
                )
            return None
        if len(tables) > 10:
            self.problem(
                where,
                _("{label}has {count} stages; a repetition has at most 10").format(
                    label=label, count=len(tables)
                ),
            )
            return None
        stages: list[Stage] = []
        before = len(self.problems)
        for index, table in enumerate(tables):
            at: PathKey = (*where, index)
            stage_label = _("{label}stage {number}: ").format(label=label, number=index + 1)
            self.keys(table, at, stage_label, self._STAGE_KEYS)
            name = self.text(table, "name", at, stage_label, required=True)
            instruction = self.text(table, "instruction", at, stage_label, required=True)
            if "hold_seconds" not in table:
                self.problem(
                    at,
                    _(
                        "{label}hold_seconds is missing; add hold_seconds = 5 (0 for no hold)"
                    ).format(label=stage_label),
                )
                continue
            hold = self.hold(table, at, stage_label)
            breathing = self.choice(table, "breathing", at, stage_label, Breathing, ["in", "out"])
            step = self._step(table, "step", at, stage_label, steps)
            move = self.seconds(table, "move_seconds", at, stage_label, MOVE_MIN, MOVE_MAX)
            if name and instruction and hold:
                stages.append(Stage(name, instruction, hold, breathing, step, move))
        if len(self.problems) != before:
            return None
        return tuple(stages)

    def _variants(
        self, value: object, where: PathKey, label: str, steps: tuple[str, ...]
    ) -> tuple[Variant, ...]:
        if value is None:
            return ()
        at_all: PathKey = (*where, "variants")
        tables = self.tables(value, at_all, label + "variants ", "[[exercises.variants]]")
        variants: list[Variant] = []
        for index, table in enumerate(tables):
            at: PathKey = (*at_all, index)
            variant_label = _("{label}variant {number}: ").format(label=label, number=index + 1)
            self.keys(table, at, variant_label, self._VARIANT_KEYS)
            variant_id = self.ident(table, "id", at, variant_label)
            name = self.text(table, "name", at, variant_label, required=True)
            own_steps = self.texts(table, "steps", at, variant_label)
            stages = self._stages_of(table, at, variant_label, own_steps or steps, required=False)
            if variant_id and any(v.id == variant_id for v in variants):
                self.problem(
                    (*at, "id"),
                    _('{label}id "{id}" is used by another variant; give each its own id').format(
                        label=variant_label, id=variant_id
                    ),
                )
                continue
            if variant_id and name and stages is not None:
                variants.append(
                    Variant(
                        id=variant_id,
                        name=name,
                        position=self.choice(
                            table,
                            "position",
                            at,
                            variant_label,
                            Position,
                            [p.value for p in Position],
                        ),
                        start=self.text(table, "start", at, variant_label),
                        steps=own_steps,
                        stages=stages,
                        repetitions=self.repetitions(table, at, variant_label),
                        sides=self.choice(
                            table, "sides", at, variant_label, Sides, [s.value for s in Sides]
                        ),
                        advice=self.text(table, "advice", at, variant_label),
                    )
                )
        return tuple(variants)

    def _variant_ref(
        self,
        table: Mapping[str, Any],
        key: str,
        where: PathKey,
        label: str,
        variants: tuple[Variant, ...],
    ) -> str | None:
        value = self.text(table, key, where, label)
        if value is None:
            return None
        known = [v.id for v in variants]
        if value not in known:
            self.problem(
                (*where, key),
                _("{label}{key} {value} is not one of this exercise's variants ({known})").format(
                    label=label,
                    key=key,
                    value=_describe(value),
                    known=", ".join(known) or _("it has none; add [[exercises.variants]]"),
                ),
            )
            return None
        return value

    def _check_growing(
        self, exercise: Exercise, table: Mapping[str, Any], where: PathKey, label: str
    ) -> None:
        """A hold per repetition needs one value for each repetition."""
        # (repetitions, stages, the table the stages were written in, its path); the
        # variants are all valid here, so they line up with their tables.
        options = [(exercise.repetitions, exercise.stages, table, where)]
        for index, (variant, variant_table) in enumerate(
            zip(exercise.variants, table.get("variants") or [], strict=False)
        ):
            own = bool(variant.stages)
            options.append(
                (
                    variant.repetitions or exercise.repetitions,
                    variant.stages if own else exercise.stages,
                    variant_table if own else table,
                    (*where, "variants", index) if own else where,
                )
            )
        for repetitions, stages, owner, at in options:
            if repetitions.kind is DoseKind.PRESCRIBED:
                continue
            needed = int(repetitions.high or 0)
            for number, stage in enumerate(stages):
                if stage.hold.kind is DoseKind.GROWING and len(stage.hold.values) < needed:
                    hold_at: PathKey = (
                        (*at, "stages", number, "hold_seconds")
                        if "stages" in owner
                        else (*at, "hold_seconds")
                    )
                    self.problem(
                        hold_at,
                        _(
                            "{label}hold_seconds lists {count} holds but there can be {needed} "
                            "repetitions; give one hold per repetition"
                        ).format(label=label, count=len(stage.hold.values), needed=needed),
                    )
                    return


def _first_side(value: str) -> Side:
    side = Side(value)
    if side is Side.BOTH:
        raise ValueError(value)
    return side
