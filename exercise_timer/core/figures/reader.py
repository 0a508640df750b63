"""Reads a figures file (``assets/figures/<routine-id>.toml``) into a ``FigureBook``.

The schema is described in ``assets/figures/README.md``. Every problem is reported at its
line with the fix, all of them in one ``InputError``, as for routine files.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from exercise_timer.core.figures.book import ExerciseFigure, FigureBook, StageFigure
from exercise_timer.core.figures.checks import angle_problem, floor_problems
from exercise_timer.core.figures.parts import HELD_PROPS, PARTS, PLACED_PROPS, Prop, PropKind
from exercise_timer.core.figures.reach import reach
from exercise_timer.core.figures.skeleton import (
    JOINTS,
    LIMB_JOINTS,
    SIDES,
    Pose,
    Rest,
    View,
    neutral,
    place,
    radius_of,
)
from exercise_timer.core.i18n import _
from exercise_timer.core.problems import InputError
from exercise_timer.core.textfile import read_text_file
from exercise_timer.core.toml_lines import LineIndex, PathKey
from exercise_timer.core.toml_reader import TomlReader, describe, number, parse_toml, plain

FIGURES_FORMAT_VERSION = 1
KIND = "figures file"

POINTS = frozenset(place(neutral()).points)
"""The body's named points, for ``lifted`` and a hand's target."""

_HAND_KEYS = {f"{side}_hand_at" for side in SIDES} | {f"{side}_hand_offset" for side in SIDES}
POSE_KEYS = frozenset(
    {"like", "view", "rest", "x", "lifted", "anchor", "raised"}
    | set(JOINTS)
    | set(LIMB_JOINTS)
    | _HAND_KEYS
)
_TOP_KEYS = frozenset({"format_version", "routine", "poses", "exercises"})
_EXERCISE_KEYS = frozenset({"id", "variant", "start", "stages", "props", "return_middle"})
_STAGE_KEYS = frozenset({"end", "middle", "highlight"})
_ANGLE_BOUND = 360.0
_PLACED_BY = {
    PropKind.SUPPORT: ("under", '"right_heel"'),
    PropKind.POST: ("held_by", '"right_hand"'),
}
"""What names a placed prop's point of the body, and an example."""
_PROP_KEYS = {
    kind: frozenset(
        {"kind"}
        | ({"between"} if kind in HELD_PROPS else set())
        | ({_PLACED_BY[kind][0]} if kind in _PLACED_BY else set())
        | ({"front"} if kind is PropKind.WALL else set())
    )
    for kind in PropKind
}
RAISED_MAX_CM = 60.0
"""A body lifted higher than a seat is not resting on anything a figure shows."""
SUPPORT_LOWEST_CM = 5.0
"""A support lower than this is the floor."""


class _FiguresReader(TomlReader):
    guide = "assets/figures/README.md"

    def __init__(self, path: Path | str, lines: LineIndex, poses: Mapping[str, Any]) -> None:
        super().__init__(path, lines)
        self._named_raw = poses
        self._named: dict[str, Pose | None] = {}
        self._resolving: set[str] = set()

    # -- poses ------------------------------------------------------------------------------

    def named(self, name: str, where: PathKey, label: str) -> Pose | None:
        """A pose of the [poses] table, resolved once (and checked once)."""
        if name in self._named:
            return self._named[name]
        if name not in self._named_raw:
            known = ", ".join(sorted(self._named_raw)) or _("none yet")
            self.problem(
                where,
                _("{label}no pose named {name} in [poses]; use one of: {known}").format(
                    label=label, name=describe(name), known=known
                ),
            )
            return None
        if name in self._resolving:
            self.problem(
                ("poses", name),
                _("pose {name} is like itself through like = ...; break the circle").format(
                    name=name
                ),
            )
            return None
        self._resolving.add(name)
        pose = self.pose(
            self._named_raw[name], ("poses", name), _("pose {name}: ").format(name=name)
        )
        self._resolving.discard(name)
        self._named[name] = pose
        return pose

    def pose(self, raw: object, where: PathKey, label: str) -> Pose | None:
        """A pose written as the name of one in [poses], or as a table of changes."""
        if isinstance(raw, str):
            return self.named(raw, where, label)
        table = self.table(raw, where, label, '{ like = "pose-name", right_knee = 90 }')
        if table is None:
            return None
        self.keys(table, where, label, POSE_KEYS)
        like = table.get("like")
        if like is not None:
            if not isinstance(like, str):
                self.problem(
                    (*where, "like"),
                    _("{label}like must be a pose name in quotes").format(label=label),
                )
                return None
            base = self.named(like, (*where, "like"), label)
            if base is None:
                return None
        else:
            base = neutral()
        pose = self._changed(base, table, where, label)
        if pose is None:
            return None
        for joint in JOINTS:
            problem = angle_problem(pose, joint)
            if problem is not None:
                self.problem(self._written_at(table, joint, where), f"{label}{problem}")
        for problem in floor_problems(pose):
            self.problem(where, f"{label}{problem}")
        return pose

    @staticmethod
    def _written_at(table: Mapping[str, Any], joint: str, where: PathKey) -> PathKey:
        """Where the joint's angle is written: its own key, the key for both sides, or a hand."""
        side, _, name = joint.partition("_")
        for key in (joint, name, f"{side}_hand_at"):
            if key in table:
                return (*where, key)
        return where

    def _changed(
        self, base: Pose, table: Mapping[str, Any], where: PathKey, label: str
    ) -> Pose | None:
        view = self.choice(table, "view", where, label, View, [v.value for v in View]) or base.view
        rest = self.choice(table, "rest", where, label, Rest, [r.value for r in Rest]) or base.rest
        x = self._number(table, "x", where, label, base.x)
        lifted = base.lifted
        if "lifted" in table:
            names = self.texts(table, "lifted", where, label)
            bad = [name for name in names if name not in POINTS]
            if bad:
                self.problem(
                    (*where, "lifted"),
                    _(
                        "{label}lifted names {bad}, not a point of the body; "
                        "use names like {example}"
                    ).format(label=label, bad=", ".join(bad), example="right_hand, left_knee"),
                )
            lifted = frozenset(name for name in names if name in POINTS)
        angles = dict(base.angles)
        for joint in LIMB_JOINTS:
            if joint in table:
                value = self._number(table, joint, where, label, 0.0)
                for side in SIDES:
                    angles[f"{side}_{joint}"] = value
        for joint in JOINTS:
            if joint in table:
                angles[joint] = self._number(table, joint, where, label, angles[joint])
        anchor = base.anchor
        if "anchor" in table:
            named = table["anchor"]
            if isinstance(named, str) and named in POINTS:
                anchor = named
            else:
                self.problem(
                    (*where, "anchor"),
                    _("{label}anchor must name a point of the body, like {example}").format(
                        label=label, example='"right_heel"'
                    ),
                )
        raised = self._number(table, "raised", where, label, base.raised)
        if not 0.0 <= raised <= RAISED_MAX_CM:
            self.problem(
                (*where, "raised"),
                _(
                    "{label}raised is {value}; use the height in cm, 0 to {most}, that the "
                    "body is lifted off the floor (feet lifted while sitting on a chair)"
                ).format(label=label, value=plain(raised), most=plain(RAISED_MAX_CM)),
            )
            raised = base.raised
        pose = Pose(angles, view, rest, base.facing, x, lifted, anchor, raised)
        for side in SIDES:
            target = table.get(f"{side}_hand_at")
            if target is None:
                continue
            key = f"{side}_hand_at"
            if not isinstance(target, str) or target not in POINTS or target.endswith("hand"):
                self.problem(
                    (*where, key),
                    _(
                        "{label}{key} must name a point of the body other than a hand, "
                        "like {example}"
                    ).format(label=label, key=key, example='"right_knee"'),
                )
                continue
            offset = self._offset(table, f"{side}_hand_offset", where, label)
            pose = reach(pose, side, target, offset)
        return pose

    def _number(
        self, table: Mapping[str, Any], key: str, where: PathKey, label: str, default: float
    ) -> float:
        value = table.get(key)
        if value is None:
            return default
        found = number(value)
        if found is None or abs(found) > _ANGLE_BOUND:
            self.problem(
                (*where, key),
                _("{label}{key} is {value}; use a number of degrees (or cm for x) like 45").format(
                    label=label, key=key, value=describe(value)
                ),
            )
            return default
        return found

    def _offset(
        self, table: Mapping[str, Any], key: str, where: PathKey, label: str
    ) -> tuple[float, float]:
        value = table.get(key)
        if value is None:
            return (0.0, 0.0)
        if isinstance(value, list) and len(value) == 2:
            ahead, above = number(value[0]), number(value[1])
            if ahead is not None and above is not None and max(abs(ahead), abs(above)) <= 100:
                return (ahead, above)
        self.problem(
            (*where, key),
            _("{label}{key} must be [forward, up] in cm, like [0, 5], not {value}").format(
                label=label, key=key, value=describe(value)
            ),
        )
        return (0.0, 0.0)

    # -- exercises --------------------------------------------------------------------------

    def exercise(self, table: Mapping[str, Any], where: PathKey) -> ExerciseFigure | None:
        exercise_id = self.ident(table, "id", where, _("an exercise: "))
        if exercise_id is None:
            return None
        variant = table.get("variant")
        if variant is not None:
            variant = self.ident(table, "variant", where, _("an exercise: "))
        name = exercise_id if variant is None else f"{exercise_id}/{variant}"
        label = _('exercise "{name}": ').format(name=name)
        self.keys(table, where, label, _EXERCISE_KEYS)
        if "start" not in table:
            self.problem(
                where, _('{label}start is missing; add start = "pose-name"').format(label=label)
            )
            return None
        start = self.pose(table["start"], (*where, "start"), label)
        stages = []
        written = table.get("stages") if "stages" in table else []
        for index, raw in enumerate(
            self.tables(written, (*where, "stages"), label, "[[exercises.stages]]")
        ):
            stage = self.stage(raw, (*where, "stages", index), label)
            if stage is not None:
                stages.append(stage)
        if not stages and "stages" in table:
            return None
        if not stages:
            self.problem(
                where,
                _("{label}has no [[exercises.stages]]; add one per stage with its end pose").format(
                    label=label
                ),
            )
            return None
        way_back = table.get("return_middle")
        return_middle = (
            self.pose(way_back, (*where, "return_middle"), label) if way_back is not None else None
        )
        props = self.props(table, where, label, stages[-1].end)
        if start is None:
            return None
        return ExerciseFigure(exercise_id, variant, start, tuple(stages), props, return_middle)

    def stage(self, table: Mapping[str, Any], where: PathKey, label: str) -> StageFigure | None:
        self.keys(table, where, label, _STAGE_KEYS)
        if "end" not in table:
            self.problem(
                where,
                _('{label}a stage has no end pose; add end = "pose-name"').format(label=label),
            )
            return None
        end = self.pose(table["end"], (*where, "end"), label)
        middle = (
            self.pose(table["middle"], (*where, "middle"), label) if "middle" in table else None
        )
        highlight = self.texts(table, "highlight", where, label)
        unknown = [part for part in highlight if part not in PARTS]
        if unknown:
            self.problem(
                (*where, "highlight"),
                _(
                    "{label}highlight names {unknown}, not a body part; use names like {example}"
                ).format(
                    label=label,
                    unknown=", ".join(unknown),
                    example="lower_back, right_leg, right_thigh",
                ),
            )
        if end is None:
            return None
        return StageFigure(end, middle, tuple(part for part in highlight if part in PARTS))

    def props(
        self, table: Mapping[str, Any], where: PathKey, label: str, held: Pose
    ) -> tuple[Prop, ...]:
        """The exercise's props; a support or post stands where ``held`` (the last end) meets it."""
        raw = table.get("props")
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.problem(
                (*where, "props"), _('{label}props must be a list like ["mat"]').format(label=label)
            )
            return ()
        kinds = [kind.value for kind in PropKind]
        props = []
        for item in raw:
            entry = item if isinstance(item, dict) else {"kind": item}
            at = (*where, "props")
            kind = self.choice(entry, "kind", at, label, PropKind, kinds, required=True)
            if kind is None:
                continue
            self.keys(entry, at, label, _PROP_KEYS[kind])
            prop = self.prop(kind, entry, at, label, held)
            if prop is not None:
                props.append(prop)
        return tuple(props)

    def prop(
        self, kind: PropKind, entry: Mapping[str, Any], at: PathKey, label: str, held: Pose
    ) -> Prop | None:
        """One prop of a known kind, checked against what it needs."""
        if kind in HELD_PROPS:
            between = entry.get("between")
            if not (
                isinstance(between, list)
                and len(between) == 2
                and all(isinstance(name, str) and name in POINTS for name in between)
            ):
                example = (
                    '["right_hand", "right_toe"]'
                    if kind in (PropKind.TOWEL, PropKind.BAND)
                    else '["right_knee", "left_knee"]'
                )
                self.problem(
                    at,
                    _(
                        "{label}a {kind} is held between two points of the body: "
                        "add between = {example}"
                    ).format(label=label, kind=kind.value, example=example),
                )
                return None
            return Prop(kind, (between[0], between[1]))
        if kind in PLACED_PROPS:
            return self._placed(kind, entry, at, label, held)
        if kind is PropKind.WALL and "front" in entry:
            front = entry["front"]
            if not isinstance(front, bool):
                self.problem(
                    at,
                    _(
                        "{label}front is {value}; write front = true for a wall the figure "
                        "faces, or leave it out for a wall at its back"
                    ).format(label=label, value=describe(front)),
                )
                return None
            return Prop(kind, front=front)
        return Prop(kind)

    def _placed(
        self, kind: PropKind, entry: Mapping[str, Any], at: PathKey, label: str, held: Pose
    ) -> Prop | None:
        key, example = _PLACED_BY[kind]
        point = entry.get(key)
        if not isinstance(point, str) or point not in POINTS:
            self.problem(
                at,
                _("{label}a {kind} needs {key} = {example}, a point of the body").format(
                    label=label, kind=kind.value, key=key, example=example
                ),
            )
            return None
        x, y = place(held).points[point]
        if kind is PropKind.POST:
            return Prop(kind, at=(x, y))
        top = y - radius_of(point)
        if top < SUPPORT_LOWEST_CM:
            self.problem(
                at,
                _(
                    "{label}a support goes under a point the held pose lifts off the floor, "
                    "but {point} is {height} cm up in the last stage's end pose; lift it at "
                    "least {lowest} cm there (and list it in lifted), or name another point"
                ).format(
                    label=label,
                    point=point,
                    height=plain(round(top, 1)),
                    lowest=plain(SUPPORT_LOWEST_CM),
                ),
            )
            return None
        return Prop(kind, at=(x, top))


def read_figures(text: str, path: Path | str) -> FigureBook:
    """The figures in ``text``, or InputError with every problem at its line."""
    data = parse_toml(text, path, KIND)
    poses = data.get("poses")
    reader = _FiguresReader(path, LineIndex(text), poses if isinstance(poses, dict) else {})
    reader.keys(data, (), "", _TOP_KEYS)
    version = data.get("format_version")
    if version != FIGURES_FORMAT_VERSION:
        reader.problem(
            ("format_version",),
            _("format_version is {value}; this program reads format_version = {version}").format(
                value=describe(version) if version is not None else _("missing"),
                version=FIGURES_FORMAT_VERSION,
            ),
        )
        raise InputError(reader.problems)
    routine = reader.ident(data, "routine", (), "")
    if "poses" in data:
        for name in reader.table(data["poses"], ("poses",), "", "[poses.name]") or {}:
            reader.named(name, ("poses", name), "")
    figures = []
    seen: set[tuple[str, str | None]] = set()
    for index, raw in enumerate(
        reader.tables(data.get("exercises", []), ("exercises",), "", "[[exercises]]")
    ):
        figure = reader.exercise(raw, ("exercises", index))
        if figure is None:
            continue
        key = (figure.exercise, figure.variant)
        if key in seen:
            reader.problem(
                ("exercises", index, "id"),
                _("exercise {name} has poses twice; keep one entry").format(name=figure.exercise),
            )
        seen.add(key)
        figures.append(figure)
    if reader.problems or routine is None:
        raise InputError(reader.problems)
    return FigureBook(routine, tuple(figures))


def load_figures(path: Path) -> FigureBook:
    """Reads a figures file from disk (see ``read_figures``)."""
    return read_figures(read_text_file(path, KIND), path)
