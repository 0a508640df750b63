"""Reads a whole routine file: its header, [source], [advice], [defaults] and [[exercises]].

The stages, doses and variants of each exercise are read by ``StageReader``, the typed values
by ``TomlReader``; this adds what only a routine has.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

from exercise_timer.core import limits
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.model import (
    FORMAT_VERSION,
    SOURCED_VALUES,
    Advice,
    BuildUp,
    Defaults,
    Exercise,
    Kind,
    Position,
    Routine,
    Side,
    Sides,
    Source,
    Stage,
)
from exercise_timer.core.problems import InputError
from exercise_timer.core.stage_reader import StageReader
from exercise_timer.core.toml_lines import PathKey
from exercise_timer.core.toml_reader import ID_PATTERN, describe


class RoutineReader(StageReader):
    """Validates the parsed TOML of one routine file, collecting every problem."""

    def read(self, data: Mapping[str, Any], *, bundled: bool) -> Routine:
        """The validated routine, or InputError with every problem found."""
        routine = self._routine(data, bundled)
        if self.problems or routine is None:
            raise InputError(sorted(self.problems, key=lambda p: p.line or 0))
        return routine

    # -- the routine -----------------------------------------------------------------------

    _ROUTINE_KEYS: ClassVar[frozenset[str]] = frozenset(
        {
            "format_version",
            "id",
            "title",
            "language",
            "description",
            "safety",
            "only_if_prescribed",
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
                    value=describe(version)
                ),
            )
        elif version > FORMAT_VERSION:
            self.problem(
                ("format_version",),
                _(
                    "format_version {value} is newer than this program reads ({known}); "
                    "update exercise_timer"
                ).format(value=describe(version), known=FORMAT_VERSION),
            )
            return None
        routine_id = self.ident(data, "id", root, "")
        title = self.text(data, "title", root, "", required=True)
        language = self.text(data, "language", root, "") or "en"
        description = self.text(data, "description", root, "") or ""
        safety = self.texts(data, "safety", root, "")
        prescribed_only = data.get("only_if_prescribed", False)
        if not isinstance(prescribed_only, bool):
            self.problem(("only_if_prescribed",), _("only_if_prescribed: use true or false"))
            prescribed_only = False
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
            only_if_prescribed=prescribed_only,
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
        self.keys(
            table,
            where,
            "advice: ",
            {"sessions_per_week", "minutes_per_session", "notes", "build_up", "at_end"},
        )
        return Advice(
            sessions_per_week=self.text(table, "sessions_per_week", where, "advice: ") or "",
            minutes_per_session=self.text(table, "minutes_per_session", where, "advice: ") or "",
            notes=self.texts(table, "notes", where, "advice: "),
            build_up=self._build_up(table.get("build_up")),
            at_end=self.text(table, "at_end", where, "advice: ") or "",
        )

    def _build_up(self, value: object) -> BuildUp | None:
        """``[advice] build_up``: the document's starting values for a gradual build-up."""
        if value is None:
            return None
        where: PathKey = ("advice", "build_up")
        label = "advice.build_up: "
        table = self.table(
            value, where, label, "build_up = { start_hold_seconds = 2, start_repetitions = 2 }"
        )
        if table is None:
            return None
        self.keys(table, where, label, {"start_hold_seconds", "start_repetitions", "every"})
        hold = self.seconds(table, "start_hold_seconds", where, label, limits.HOLD_SECONDS)
        repetitions = self.whole(table, "start_repetitions", where, label, limits.REPETITIONS)
        every = self.whole(table, "every", where, label, limits.PROGRESSION_EVERY)
        for key in ("start_hold_seconds", "start_repetitions"):
            if key not in table:
                self.problem(
                    where,
                    _("{label}{key} is missing; add {key} = 2 (the document's first value)").format(
                        label=label, key=key
                    ),
                )
        if hold is None or repetitions is None:
            return None
        return BuildUp(start_hold_seconds=hold, start_repetitions=repetitions, every=every)

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
                "not_in_source",
            },
        )
        hold = self.seconds(table, "hold_seconds", where, label, limits.ROUTINE_HOLD_SECONDS)
        repetitions = self.whole(table, "repetitions", where, label, limits.REPETITIONS)
        prepare = self.seconds(table, "prepare_seconds", where, label, limits.PREPARE_SECONDS)
        move = self.seconds(table, "move_seconds", where, label, limits.MOVE_SECONDS)
        back = self.seconds(table, "return_seconds", where, label, limits.MOVE_SECONDS)
        relax = self.seconds(table, "relax_seconds", where, label, limits.RELAX_SECONDS)
        return Defaults(
            prepare_seconds=standard.prepare_seconds if prepare is None else prepare,
            move_seconds=standard.move_seconds if move is None else move,
            hold_seconds=standard.hold_seconds if hold is None else hold,
            return_seconds=standard.return_seconds if back is None else back,
            relax_seconds=standard.relax_seconds if relax is None else relax,
            repetitions=standard.repetitions if repetitions is None else repetitions,
            not_in_source=self.not_in_source(table, where, label, ("relax_seconds",)),
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
            "both_steps",
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
            "not_in_source",
            "stages",
            "variants",
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
            if isinstance(raw_id, str) and ID_PATTERN.match(raw_id)
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
        stages = self.stages_of(table, where, label, steps, required=True)
        variants = self.variants(table.get("variants"), where, label, steps)
        side_label = self.text(table, "side_label", where, label) or "side"
        tips = self.texts(table, "tips", where, label)
        cautions = self.texts(table, "cautions", where, label)
        prepare = self.seconds(table, "prepare_seconds", where, label, limits.PREPARE_SECONDS)
        move = self.seconds(table, "move_seconds", where, label, limits.MOVE_SECONDS)
        back = self.seconds(table, "return_seconds", where, label, limits.MOVE_SECONDS)
        relax = self.seconds(table, "relax_seconds", where, label, limits.RELAX_SECONDS)
        return_step = self.step(table, "return_step", where, label, steps)
        default_variant = self.variant_ref(table, "default_variant", where, label, variants)
        balance_variant = self.variant_ref(table, "balance_variant", where, label, variants)
        note = self.text(table, "note", where, label)
        not_in_source = self.not_in_source(table, where, label, SOURCED_VALUES)
        both_steps = self._both_steps(table, where, label, sides, stages, return_step)
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
            not_in_source=not_in_source,
            both_steps=both_steps,
        )
        self.check_growing(exercise, table, where, label)
        if len(self.problems) != before:
            return None
        return exercise

    def not_in_source(
        self, table: Mapping[str, Any], where: PathKey, label: str, allowed: tuple[str, ...]
    ) -> frozenset[str]:
        """not_in_source: the keys whose values the document does not give."""
        names = self.texts(table, "not_in_source", where, label)
        wrong = [name for name in names if name not in allowed]
        if wrong:
            self.problem(
                (*where, "not_in_source"),
                _("{label}not_in_source lists {value}; list only some of {allowed}").format(
                    label=label,
                    value=", ".join(describe(name) for name in wrong),
                    allowed=", ".join(describe(name) for name in allowed),
                ),
            )
        return frozenset(name for name in names if name in allowed)

    def _both_steps(
        self,
        table: Mapping[str, Any],
        where: PathKey,
        label: str,
        sides: Sides,
        stages: tuple[Stage, ...] | None,
        return_step: int | None,
    ) -> tuple[str, ...]:
        """both_steps: the steps of the both-sides pass; every step number must fit them."""
        steps = self.texts(table, "both_steps", where, label)
        if not steps:
            return ()
        at: PathKey = (*where, "both_steps")
        if sides is not Sides.RIGHT_LEFT_BOTH:
            self.problem(
                at,
                _('{label}both_steps needs sides = "right-left-both"; remove it').format(
                    label=label
                ),
            )
            return ()
        numbers = [return_step] + [
            number for stage in stages or () for number in (stage.step, stage.hold_step)
        ]
        highest = max((n for n in numbers if n is not None), default=0)
        if highest > len(steps):
            self.problem(
                at,
                ngettext(
                    "{label}both_steps has {count} step but a step number goes up to "
                    "{highest}; give it as many steps as steps",
                    "{label}both_steps has {count} steps but a step number goes up to "
                    "{highest}; give it as many steps as steps",
                    len(steps),
                ).format(label=label, count=len(steps), highest=highest),
            )
        return steps

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


def _first_side(value: str) -> Side:
    side = Side(value)
    if side is Side.BOTH:
        raise ValueError(value)
    return side
