"""Whatever it is fed, the loader gives a Routine or an InputError, never another exception."""

from __future__ import annotations

import copy
import math
import re
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from exercise_timer.core.loader import RoutineReader, decode_routine_bytes, parse_routine_text
from exercise_timer.core.model import Routine
from exercise_timer.core.problems import InputError
from exercise_timer.core.resolve import resolve
from exercise_timer.core.schedule import build_schedule

README = Path(__file__).resolve().parents[1] / "routines" / "README.md"
_found = re.search(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
assert _found is not None
EXAMPLE_TEXT = _found.group(1)
EXAMPLE = tomllib.loads(EXAMPLE_TEXT)

FUZZ = settings(max_examples=150, deadline=None)

# Every key the loader knows (so mutations land on real fields), plus the keys of the small
# tables it reads inline.
KEYS = sorted(
    RoutineReader._ROUTINE_KEYS
    | RoutineReader._EXERCISE_KEYS
    | RoutineReader._STAGE_KEYS
    | RoutineReader._VARIANT_KEYS
    | {"publisher", "notes", "sessions_per_week", "minutes_per_session", "right", "left", "both"}
)
WORDS = [
    "prescribed",
    "3-5",
    "5-10",
    "10-5",
    "0-0",
    "5 - 10",
    "1.5-2.5",
    "each",
    "alternating",
    "right-left-both",
    "none",
    "right",
    "left",
    "both",
    "in",
    "out",
    "stretch",
    "strengthen",
    "range-of-motion",
    "lying-on-back",
    "standing",
    "seated",
    "lying",
    "cat-and-camel",
    "",
    " ",
    "Hold.",
    "\u2028",
    "\x85",
    "\ufeff",
]
EXTREMES = [
    0,
    -1,
    1,
    30,
    31,
    120,
    121,
    36_000,
    2**63 - 1,
    -(2**63),
    2**64,
    16**500,
    0.0,
    -0.0,
    0.25,
    0.5,
    119.999,
    1e-300,
    1e308,
    -1e308,
    math.inf,
    -math.inf,
    math.nan,
    True,
    False,
]

scalars = (
    st.sampled_from(EXTREMES)
    | st.integers()
    | st.floats()
    | st.booleans()
    | st.sampled_from(WORDS)
    | st.text(max_size=30)
    | st.dates()
    | st.times()
)
keys = st.sampled_from(KEYS) | st.text(min_size=1, max_size=12)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(keys, inner, max_size=6),
    max_leaves=40,
)
replacements = st.sampled_from(EXTREMES) | st.sampled_from(WORDS) | values


def assert_only_input_error(text: str) -> Routine | None:
    """Parses `text`; an InputError's problems must name lines that exist (or none)."""
    lines = text.count("\n") + 1
    try:
        return parse_routine_text(text, "fuzz.toml")
    except InputError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == "fuzz.toml"
            assert problem.line is None or 1 <= problem.line <= lines, (problem, lines)
            assert problem.message and "\n" not in problem.message
        return None


def assert_runs(routine: Routine) -> None:
    """A routine the loader accepts can be laid out: every exercise gets its phases."""
    schedule = build_schedule(resolve(routine))
    assert len(schedule.exercise_starts) == len(routine.exercises)
    assert all(segment.duration_ms >= 0 for segment in schedule.segments)
    assert schedule.total_ms == sum(segment.duration_ms for segment in schedule.segments)


toml_ish = st.text(alphabet=st.sampled_from(list("[]{}=\"'#.,-_+ \t\n\r0123456789abefinxz\\")))
lines_of_example = st.lists(
    st.sampled_from(EXAMPLE_TEXT.split("\n")) | st.text(max_size=20), max_size=40
).map("\n".join)


@FUZZ
@given(st.binary(max_size=3000) | toml_ish.map(str.encode) | lines_of_example.map(str.encode))
def test_any_bytes(data: bytes) -> None:
    try:
        text = decode_routine_bytes(data, "fuzz.toml")
    except InputError as error:
        assert [p.path for p in error.problems] == ["fuzz.toml"]
        return
    assert_only_input_error(text)


@FUZZ
@given(st.dictionaries(keys, values, max_size=12))
def test_any_toml_document(document: dict[str, Any]) -> None:
    routine = assert_only_input_error(tomli_w.dumps(document))
    if routine is not None:
        assert_runs(routine)


def paths(node: object, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every key and list item below `node`."""
    if isinstance(node, dict):
        items = list(node.items())
    elif isinstance(node, list):
        items = list(enumerate(node))
    else:
        return []
    return [path for key, child in items for path in [(*at, key), *paths(child, (*at, key))]]


@st.composite
def near_valid(draw: st.DrawFn) -> dict[str, Any]:
    """The valid example with one to four keys deleted, replaced or added."""
    document = copy.deepcopy(EXAMPLE)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(paths(document)))
        parent = document
        for step in where[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["delete", "replace", "replace", "add"]))
        if action == "delete":
            del parent[where[-1]]
        elif action == "replace":
            parent[where[-1]] = draw(replacements)
        elif isinstance(parent, dict):
            parent[draw(keys)] = draw(replacements)
        else:
            parent.append(draw(replacements))
        if not document:
            break
    return document


@FUZZ
@given(near_valid())
def test_near_valid_routines(document: dict[str, Any]) -> None:
    routine = assert_only_input_error(tomli_w.dumps(document))
    if routine is not None:
        assert_runs(routine)


def test_the_example_itself_is_valid() -> None:
    """The fuzzing starts from a valid routine, so `near_valid` is near something valid."""
    routine = assert_only_input_error(tomli_w.dumps(EXAMPLE))
    assert isinstance(routine, Routine)
    assert [e.id for e in routine.exercises] == ["cat-and-camel", "hamstring"]
