"""Personal values in real files: round trip, atomic writes, damaged files kept aside."""

from __future__ import annotations

import os
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from exercise_timer import resources
from exercise_timer.cli import main
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.progression import NO_PROGRESSION, Progression, routine_progression
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_fields import PERSONAL_FIELDS
from exercise_timer.storage.personal_store import (
    PROGRESSION_FIELDS,
    check_values,
    load_personal,
    personal_file,
    save_personal,
)

NOW = datetime(2026, 11, 21, 9, 30, 0, tzinfo=UTC)
STAMP = "20261121-093000"


def routine_of(paths: Paths, routine_id: str) -> Routine:
    routine = load_catalogue(paths).find(routine_id)
    assert routine is not None
    return routine


@pytest.fixture
def chiro(paths: Paths) -> Routine:
    return routine_of(paths, "chiro-clinic")


@pytest.fixture
def xplain(paths: Paths) -> Routine:
    return routine_of(paths, "xplain-back")


# Every field, both ways.

EVERYTHING = PersonalValues(
    exercises={
        "hamstring-stretch": ExerciseValues(
            hold_seconds=(0.0, 12.5), repetitions=4, relax_seconds=0.0, variant="supine"
        ),
        "forward-flexion": ExerciseValues(hold_seconds=(120.0,), repetitions=30, variant="seated"),
        "lunge": ExerciseValues(hold_seconds=(0.0,), repetitions=1, relax_seconds=60.0),
        "extension": ExerciseValues(included=False),
        "mad-cat": ExerciseValues(hold_seconds=(1.0, 7.0)),
    },
    order=("lunge", "mad-cat", "forward-flexion"),
)
BUILDING_UP = Progression(enabled=True, every=3, start_hold=3.5, start_repetitions=1)


def test_every_field_round_trips_through_the_file(paths: Paths, chiro: Routine) -> None:
    saved = save_personal(paths, chiro.id, EVERYTHING, BUILDING_UP, now=lambda: NOW)
    assert saved == Progression(
        enabled=True, every=3, start_hold=3.5, start_repetitions=1, started=NOW
    )
    loaded = load_personal(paths, chiro)
    assert loaded.problem is None
    assert loaded.values == EVERYTHING
    assert loaded.progression == saved
    text = personal_file(paths, chiro.id).read_text(encoding="utf-8")
    assert text.startswith('format_version = 1\nroutine = "chiro-clinic"\n')
    written = tomllib.loads(text)
    keys = {key for table in written["exercises"].values() for key in table}
    assert keys == {field.key for field in PERSONAL_FIELDS}
    assert set(written["progression"]) == {f.key for f in PROGRESSION_FIELDS} | {"started"}


def test_progression_off_round_trips_and_empty_values_write_almost_nothing(
    paths: Paths, chiro: Routine
) -> None:
    save_personal(paths, chiro.id, PersonalValues(), NO_PROGRESSION, default=NO_PROGRESSION)
    assert personal_file(paths, chiro.id).read_text(encoding="utf-8") == (
        'format_version = 1\nroutine = "chiro-clinic"\n'
    )
    loaded = load_personal(paths, chiro)
    assert (loaded.values, loaded.progression, loaded.problem) == (
        PersonalValues(),
        NO_PROGRESSION,
        None,
    )


def test_build_up_switched_off_is_written_even_where_the_routine_would_build_up(
    paths: Paths, xplain: Routine
) -> None:
    for default in (None, routine_progression(xplain.advice.build_up)):
        save_personal(paths, xplain.id, PersonalValues(), NO_PROGRESSION, default=default)
        written = tomllib.loads(personal_file(paths, xplain.id).read_text(encoding="utf-8"))
        assert written["progression"]["enabled"] is False
        loaded = load_personal(paths, xplain)
        assert (loaded.progression.enabled, loaded.problem) == (False, None)


def test_missing_file_gives_the_routine_values_without_a_problem(
    paths: Paths, xplain: Routine
) -> None:
    loaded = load_personal(paths, xplain)
    assert loaded.problem is None and loaded.values == PersonalValues()
    assert not paths.config_dir.exists()


def test_a_hand_written_file_is_read(paths: Paths, chiro: Routine) -> None:
    path = personal_file(paths, chiro.id)
    path.parent.mkdir(parents=True)
    path.write_text(
        'format_version = 1\nroutine = "chiro-clinic"\n\n'
        "[exercises.bridge]\nhold_seconds = 6\nrepetitions = 10\n\n"
        "[progression]\nenabled = true\n",
        encoding="utf-8",
    )
    loaded = load_personal(paths, chiro)
    assert loaded.problem is None
    assert loaded.values.for_exercise("bridge") == ExerciseValues(
        hold_seconds=(6.0,), repetitions=10
    )
    # No start written: the file's own time is used, so no earlier session counts.
    assert loaded.progression.enabled and loaded.progression.started is not None


# Atomic writes.


def test_saving_is_atomic_and_leaves_no_temporary_files(paths: Paths, chiro: Routine) -> None:
    save_personal(paths, chiro.id, EVERYTHING, NO_PROGRESSION)
    save_personal(paths, chiro.id, PersonalValues(), BUILDING_UP)
    assert sorted(p.name for p in paths.personal_dir.iterdir()) == ["chiro-clinic.toml"]


def test_a_failing_write_leaves_the_old_file_intact(
    paths: Paths, chiro: Routine, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_personal(paths, chiro.id, EVERYTHING, BUILDING_UP, now=lambda: NOW)
    before = personal_file(paths, chiro.id).read_bytes()

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        save_personal(paths, chiro.id, PersonalValues(), NO_PROGRESSION)
    assert personal_file(paths, chiro.id).read_bytes() == before
    assert sorted(p.name for p in paths.personal_dir.iterdir()) == ["chiro-clinic.toml"]
    monkeypatch.undo()
    assert load_personal(paths, chiro).values == EVERYTHING


@pytest.mark.parametrize(
    ("values", "fragment"),
    [
        (PersonalValues({"bridge": ExerciseValues(repetitions=31)}), "from 1 to 30"),
        (PersonalValues({"bridge": ExerciseValues(hold_seconds=(121.0,))}), "from 1 to 120"),
        (PersonalValues({"bridge": ExerciseValues(hold_seconds=(0.5,))}), "from 1 to 120"),
        (PersonalValues({"bridge": ExerciseValues(relax_seconds=-1.0)}), "from 0 to 60"),
        (PersonalValues({"bridge": ExerciseValues(hold_seconds=(float("nan"),))}), "from 1"),
    ],
)
def test_saving_refuses_absurd_values_and_writes_nothing(
    paths: Paths, chiro: Routine, values: PersonalValues, fragment: str
) -> None:
    save_personal(paths, chiro.id, EVERYTHING, NO_PROGRESSION)
    before = personal_file(paths, chiro.id).read_bytes()
    with pytest.raises(ValueError, match=fragment):
        save_personal(paths, chiro.id, values, NO_PROGRESSION)
    assert personal_file(paths, chiro.id).read_bytes() == before


def test_saving_refuses_absurd_progression(paths: Paths, chiro: Routine) -> None:
    with pytest.raises(ValueError, match=r"progression\.every"):
        save_personal(paths, chiro.id, PersonalValues(), Progression(enabled=True, every=0))
    assert not personal_file(paths, chiro.id).exists()


def test_saving_over_a_damaged_file_keeps_it_aside_first(paths: Paths, chiro: Routine) -> None:
    path = personal_file(paths, chiro.id)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"hold = [")
    save_personal(paths, chiro.id, EVERYTHING, NO_PROGRESSION, now=lambda: NOW)
    assert (path.parent / f"chiro-clinic.toml.broken-{STAMP}").read_bytes() == b"hold = ["
    assert load_personal(paths, chiro).values == EVERYTHING


# Damaged files: kept aside, defaults used, a plain message.

HEAD = 'format_version = 1\nroutine = "chiro-clinic"\n'


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(b"format_version = 1\nroutine = [", "not valid TOML", id="toml"),
        pytest.param(b"\xff\xfe broken", "not UTF-8", id="binary"),
        pytest.param(
            HEAD + "[exercises.no-such]\nrepetitions = 5\n",
            'line 3: exercises.no-such: "no-such" is not an exercise of the routine',
            id="unknown exercise",
        ),
        pytest.param(
            HEAD + "[exercises.bridge]\nrepetitions = 45\n",
            "line 4: exercises.bridge.repetitions: is 45; use a number from 1 to 30",
            id="repetitions out of bounds",
        ),
        pytest.param(
            HEAD + "[exercises.bridge]\nhold_seconds = [0]\n",
            "stage 1 (Lift pelvis) is 0; use a number from 1 to 120",
            id="hold 0 where the routine holds",
        ),
        pytest.param(
            HEAD + "[exercises.bridge]\nhold_seconds = [121]\n",
            "use a number from 1 to 120",
            id="hold too long",
        ),
        pytest.param(
            HEAD + "[exercises.mad-cat]\nhold_seconds = [5]\n",
            "use a list of 2 holds in seconds, one per stage",
            id="hold list too short",
        ),
        pytest.param(
            HEAD + '[exercises.hamstring-stretch]\nvariant = "supine"\nhold_seconds = [5]\n',
            "use a list of 2 holds",
            id="hold list wrong for the chosen version",
        ),
        pytest.param(
            HEAD + '[exercises.forward-flexion]\nvariant = "lying"\n',
            '\'lying\' is not a version of "forward-flexion"; use one of "standing", "seated"',
            id="unknown variant",
        ),
        pytest.param(
            HEAD + '[exercises.bridge]\nvariant = "floor"\n',
            '"bridge" has only one version; remove variant',
            id="variant where there is none",
        ),
        pytest.param(
            HEAD + "[exercises.bridge]\nrelax_seconds = 61\n",
            "relax_seconds: is 61; use a number from 0 to 60",
            id="relax out of bounds",
        ),
        pytest.param(
            HEAD + '[exercises.bridge]\nincluded = "yes"\n',
            "use true or false",
            id="included not a bool",
        ),
        pytest.param(
            HEAD + '[exercises.bridge]\nrepetitions = "five"\n',
            "repetitions: is 'five'",
            id="wrong type",
        ),
        pytest.param(
            HEAD + "[exercises.bridge]\nrepetitions = 5.0\n",
            "repetitions: is 5.0",
            id="repetitions not whole",
        ),
        pytest.param(
            HEAD + "[exercises.bridge]\nhold = 5\n",
            "exercises.bridge.hold: is not a personal value",
            id="unknown exercise key",
        ),
        pytest.param(
            HEAD + 'order = ["bridge", "nope"]\n',
            'order: "nope" is not an exercise',
            id="unknown id in order",
        ),
        pytest.param(
            HEAD + "[progression]\nenabled = true\nevery = 0\n",
            "progression.every: is 0; use a number from 1 to 30",
            id="progression out of bounds",
        ),
        pytest.param(
            HEAD + '[progression]\nenabled = true\nstarted = "last week"\n',
            "progression.started: use a date and time",
            id="progression start not a date",
        ),
        pytest.param(
            'format_version = 1\nroutine = "xplain-back"\n',
            "routine: is 'xplain-back', but this file is for the routine \"chiro-clinic\"",
            id="another routine's file",
        ),
        pytest.param(
            'format_version = 2\nroutine = "chiro-clinic"\n',
            "format_version: is 2, expected 1",
            id="newer format",
        ),
        pytest.param(HEAD + "colour = 1\n", "colour: is not a known key", id="unknown key"),
    ],
)
def test_a_damaged_file_is_kept_aside_and_the_routine_values_are_used(
    paths: Paths, chiro: Routine, content: bytes | str, reason: str
) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    path = personal_file(paths, chiro.id)
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    loaded = load_personal(paths, chiro, now=lambda: NOW, keep_aside_if_unusable=True)
    assert loaded.values == PersonalValues() and loaded.progression == NO_PROGRESSION
    kept = path.parent / f"chiro-clinic.toml.broken-{STAMP}"
    assert kept.read_bytes() == data
    assert not path.exists()
    assert loaded.problem is not None
    assert reason in loaded.problem
    assert str(kept) in loaded.problem
    assert "the routine's own values are in use" in loaded.problem


def test_several_problems_are_counted_in_the_message(paths: Paths, chiro: Routine) -> None:
    path = personal_file(paths, chiro.id)
    path.parent.mkdir(parents=True)
    path.write_text(HEAD + "[exercises.bridge]\nrepetitions = 45\nrelax_seconds = 99\n")
    loaded = load_personal(paths, chiro, now=lambda: NOW, keep_aside_if_unusable=True)
    assert loaded.problem is not None and ", and 1 more" in loaded.problem


def test_a_second_damaged_file_the_same_second_does_not_overwrite_the_first(
    paths: Paths, chiro: Routine
) -> None:
    path = personal_file(paths, chiro.id)
    path.parent.mkdir(parents=True)
    for content in (b"first = [", b"second = ["):
        path.write_bytes(content)
        load_personal(paths, chiro, now=lambda: NOW, keep_aside_if_unusable=True)
    assert (path.parent / f"chiro-clinic.toml.broken-{STAMP}").read_bytes() == b"first = ["
    assert (path.parent / f"chiro-clinic.toml.broken-{STAMP}-2").read_bytes() == b"second = ["


def test_a_value_for_a_stage_without_a_hold_may_be_0(paths: Paths, chiro: Routine) -> None:
    values = PersonalValues({"lunge": ExerciseValues(hold_seconds=(0.0,))})
    assert check_values(chiro, values) == []
    save_personal(paths, chiro.id, values, NO_PROGRESSION)
    assert load_personal(paths, chiro).values == values


def test_check_values_gives_the_editor_the_same_problems_as_a_file(chiro: Routine) -> None:
    wrong = PersonalValues(
        {
            "bridge": ExerciseValues(hold_seconds=(0.0,), repetitions=45),
            "mad-cat": ExerciseValues(hold_seconds=(5.0,)),
            "forward-flexion": ExerciseValues(variant="lying"),
        }
    )
    found = [str(problem) for problem in check_values(chiro, wrong)]
    assert len(found) == 4
    assert found[0].startswith("exercises.bridge.hold_seconds: stage 1 (Lift pelvis) is 0")
    assert check_values(chiro, EVERYTHING, BUILDING_UP) == []


def test_an_unreadable_file_is_kept_aside_not_overwritten(paths: Paths, chiro: Routine) -> None:
    path = personal_file(paths, chiro.id)
    path.mkdir(parents=True)  # a folder where the file should be: it cannot be read
    (path / "inside.txt").write_text("mine")
    loaded = load_personal(paths, chiro, now=lambda: NOW, keep_aside_if_unusable=True)
    kept = path.parent / f"chiro-clinic.toml.broken-{STAMP}"
    assert (kept / "inside.txt").read_text() == "mine" and not path.exists()
    assert loaded.problem is not None and "is a folder, not a file" in loaded.problem


def test_a_read_only_look_never_moves_the_file(paths: Paths, chiro: Routine) -> None:
    path = personal_file(paths, chiro.id)
    path.parent.mkdir(parents=True)
    path.write_text(
        'format_version = 1\nroutine = "chiro-clinic"\n[exercises.gone]\nrepetitions = 3\n',
        encoding="utf-8",
    )
    loaded = load_personal(paths, chiro)
    assert loaded.values == PersonalValues()
    assert loaded.problem is not None and "left as it is" in loaded.problem
    assert path.exists() and not list(path.parent.glob("*.broken-*"))


def test_plan_of_a_draft_with_the_same_id_keeps_the_real_values(
    home: Path, paths: Paths, tmp_path: Path
) -> None:
    spine_file = resources.routines_dir() / "spine-clinic.toml"
    spine = load_routine(spine_file, bundled=True)
    save_personal(
        paths,
        spine.id,
        PersonalValues({"isometric-abdominal": ExerciseValues(repetitions=9)}),
        Progression(),
    )
    saved = personal_file(paths, spine.id).read_bytes()
    draft = tmp_path / "draft.toml"
    text = spine_file.read_text(encoding="utf-8")
    cut = text.index('id = "isometric-abdominal"')
    draft.write_text(text[: text.rindex("[[exercises]]", 0, cut)], encoding="utf-8")
    assert main(["plan", str(draft)]) == 0
    assert personal_file(paths, spine.id).read_bytes() == saved
    assert not list(personal_file(paths, spine.id).parent.glob("*.broken-*"))
