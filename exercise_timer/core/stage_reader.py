"""Reads what an exercise asks for: its holds, repetitions, stages and variants.

Bounds come from ``core.limits``: a routine's hold is 0 (a stage with no hold) or within
``ROUTINE_HOLD_SECONDS``; repetitions within ``REPETITIONS``; at most ``STAGES.high`` stages.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

from exercise_timer.core import limits
from exercise_timer.core.i18n import _, ngettext
from exercise_timer.core.limits import Limit
from exercise_timer.core.model import (
    Breathing,
    Dose,
    DoseKind,
    Exercise,
    Position,
    Sides,
    Stage,
    Variant,
)
from exercise_timer.core.toml_lines import PathKey
from exercise_timer.core.toml_reader import TomlReader, describe, number, plain

_RANGE = re.compile(r"^\s*(\d{1,9}(?:\.\d{1,9})?)\s*-\s*(\d{1,9}(?:\.\d{1,9})?)\s*$")


def routine_hold(value: float) -> bool:
    """Whether a routine may give this hold: 0 for no hold, else within ROUTINE_HOLD_SECONDS."""
    return value == 0 or limits.ROUTINE_HOLD_SECONDS.contains(value)


class StageReader(TomlReader):
    """Doses, stages and variants of an exercise, on top of the generic readers."""

    _STAGE_KEYS: ClassVar[frozenset[str]] = frozenset(
        {"name", "instruction", "hold_seconds", "breathing", "step", "hold_step", "move_seconds"}
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

    def hold(self, table: Mapping[str, Any], where: PathKey, label: str) -> Dose | None:
        """hold_seconds: a number, a range, a list per repetition, or "prescribed"."""
        value = table.get("hold_seconds")
        hold_limit = limits.ROUTINE_HOLD_SECONDS
        found = number(value)
        if found is not None:
            if routine_hold(found):
                return Dose.fixed(found)
        elif isinstance(value, str):
            if value.strip() == "prescribed":
                return Dose.prescribed()
            bounds = _RANGE.match(value)
            if bounds:
                low, high = float(bounds.group(1)), float(bounds.group(2))
                if hold_limit.low <= low < high <= hold_limit.high:
                    return Dose.range(low, high)
        elif isinstance(value, list) and 0 < len(value) <= limits.REPETITIONS.high:
            numbers = [number(item) for item in value]
            if all(n is not None and hold_limit.contains(n) for n in numbers):
                return Dose.growing(tuple(n for n in numbers if n is not None))
        self.problem(
            (*where, "hold_seconds"),
            _(
                "{label}hold_seconds is {value}; use 0 for no hold, a number of seconds from "
                '{low} to {high}, a range like "3-5", a list like [1, 2, 3, 4, 5] or "prescribed"'
            ).format(
                label=label,
                value=describe(value),
                low=plain(hold_limit.low),
                high=plain(hold_limit.high),
            ),
        )
        return None

    def repetitions(self, table: Mapping[str, Any], where: PathKey, label: str) -> Dose | None:
        """repetitions: a whole number, a range, or "prescribed"."""
        value = table.get("repetitions")
        if value is None:
            return None
        allowed = limits.REPETITIONS
        if isinstance(value, int) and not isinstance(value, bool) and allowed.contains(value):
            return Dose.fixed(value)
        if isinstance(value, str):
            if value.strip() == "prescribed":
                return Dose.prescribed()
            bounds = _RANGE.match(value)
            if bounds and "." not in value:
                low, high = int(bounds.group(1)), int(bounds.group(2))
                if allowed.low <= low < high <= allowed.high:
                    return Dose.range(low, high)
        self.problem(
            (*where, "repetitions"),
            _(
                "{label}repetitions is {value}; use a whole number from {low} to {high}, "
                'a range like "5-10" or "prescribed"'
            ).format(
                label=label,
                value=describe(value),
                low=plain(allowed.low),
                high=plain(allowed.high),
            ),
        )
        return None

    def step(
        self, table: Mapping[str, Any], key: str, where: PathKey, label: str, steps: tuple[str, ...]
    ) -> int | None:
        """The number of one of the exercise's steps."""
        if key not in table:
            return None
        return self.whole(table, key, where, label, Limit(1, max(len(steps), 1)))

    def stages_of(
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
        if not limits.STAGES.contains(len(tables)):
            self.problem(
                where,
                ngettext(
                    "{label}has {count} stage; a repetition has at most {most}",
                    "{label}has {count} stages; a repetition has at most {most}",
                    len(tables),
                ).format(label=label, count=len(tables), most=plain(limits.STAGES.high)),
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
            step = self.step(table, "step", at, stage_label, steps)
            hold_step = self.step(table, "hold_step", at, stage_label, steps)
            move = self.seconds(table, "move_seconds", at, stage_label, limits.MOVE_SECONDS)
            if name and instruction and hold:
                stages.append(Stage(name, instruction, hold, breathing, step, move, hold_step))
        if len(self.problems) != before:
            return None
        return tuple(stages)

    def variants(
        self, value: object, where: PathKey, label: str, steps: tuple[str, ...]
    ) -> tuple[Variant, ...]:
        """The [[exercises.variants]] of one exercise (its standing, seated... versions)."""
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
            stages = self.stages_of(table, at, variant_label, own_steps or steps, required=False)
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

    def variant_ref(
        self,
        table: Mapping[str, Any],
        key: str,
        where: PathKey,
        label: str,
        variants: tuple[Variant, ...],
    ) -> str | None:
        """The id of one of the exercise's variants."""
        value = self.text(table, key, where, label)
        if value is None:
            return None
        known = [v.id for v in variants]
        if not known:
            self.problem(
                (*where, key),
                _(
                    "{label}{key} {value} names a variant, but this exercise has none; "
                    "add [[exercises.variants]]"
                ).format(label=label, key=key, value=describe(value)),
            )
            return None
        if value not in known:
            self.problem(
                (*where, key),
                _("{label}{key} {value} is not one of this exercise's variants ({known})").format(
                    label=label, key=key, value=describe(value), known=", ".join(known)
                ),
            )
            return None
        return value

    def check_growing(
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
            for position, stage in enumerate(stages):
                if stage.hold.kind is DoseKind.GROWING and len(stage.hold.values) < needed:
                    hold_at: PathKey = (
                        (*at, "stages", position, "hold_seconds")
                        if "stages" in owner
                        else (*at, "hold_seconds")
                    )
                    self.problem(
                        hold_at,
                        ngettext(
                            "{label}hold_seconds lists {count} hold but there can be {needed} "
                            "repetitions; give one hold per repetition",
                            "{label}hold_seconds lists {count} holds but there can be {needed} "
                            "repetitions; give one hold per repetition",
                            len(stage.hold.values),
                        ).format(label=label, count=len(stage.hold.values), needed=needed),
                    )
                    return
