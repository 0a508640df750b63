"""Prescription files: export, import on a fresh --home, validation that changes nothing, show."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from exercise_timer.cli import main
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.problems import InputError
from exercise_timer.core.progression import NO_PROGRESSION, Progression
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_store import load_personal, personal_file, save_personal
from exercise_timer.storage.prescription import (
    PRESCRIPTION_KIND,
    Prescription,
    export_prescription,
    import_prescription,
    prescription_text,
    read_prescription,
)

NOW = datetime(2026, 11, 21, 9, 30, tzinfo=UTC)

CHIRO_VALUES = PersonalValues(
    exercises={
        "forward-flexion": ExerciseValues(hold_seconds=(10.0,), repetitions=8, variant="seated"),
        "hamstring-stretch": ExerciseValues(
            hold_seconds=(0.0, 15.0), repetitions=3, relax_seconds=5.0, variant="supine"
        ),
        "extension": ExerciseValues(included=False),
        "lunge": ExerciseValues(repetitions=6),
        "mad-cat": ExerciseValues(hold_seconds=(4.0, 6.5), repetitions=10),
    },
    order=("lunge", "forward-flexion"),
)


def plan_json(capsys: pytest.CaptureFixture[str], home: Path, routine: str) -> str:
    assert main(["--home", str(home), "plan", routine, "--json"]) == 0
    return capsys.readouterr().out


def routine_of(paths: Paths, routine_id: str) -> Routine:
    routine = load_catalogue(paths).find(routine_id)
    assert routine is not None
    return routine


@pytest.mark.parametrize(
    ("routine_id", "values", "progression"),
    [
        ("chiro-clinic", CHIRO_VALUES, NO_PROGRESSION),
        ("chiro-clinic", CHIRO_VALUES, Progression(enabled=True, every=3, start_hold=3.0)),
        (
            "spine-clinic",
            PersonalValues({"hamstring-stretch-lying": ExerciseValues(hold_seconds=(8.0,))}),
            NO_PROGRESSION,
        ),
        ("xplain-back", PersonalValues(), NO_PROGRESSION),
    ],
)
def test_export_then_import_on_a_fresh_home_gives_an_identical_plan(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    routine_id: str,
    values: PersonalValues,
    progression: Progression,
) -> None:
    clinic_home, patient_home = tmp_path / "clinic", tmp_path / "patient"
    save_personal(Paths.under(clinic_home), routine_id, values, progression)
    file = tmp_path / "handed over.toml"
    assert (
        main(
            [
                "--home",
                str(clinic_home),
                "prescription",
                "export",
                routine_id,
                str(file),
                "--clinic",
                "Main Street Clinic",
                "--patient",
                "J. D.",
            ]
        )
        == 0
    )
    assert "Main Street Clinic" in capsys.readouterr().out
    written = tomllib.loads(file.read_text(encoding="utf-8"))
    assert written["kind"] == PRESCRIPTION_KIND and written["routine"] == routine_id
    assert written["clinic"] == "Main Street Clinic" and written["patient"] == "J. D."
    assert isinstance(written["date"], date) and not isinstance(written["date"], datetime)
    assert "started" not in written.get("progression", {})

    assert main(["--home", str(patient_home), "prescription", "import", str(file)]) == 0
    assert "imported the prescription" in capsys.readouterr().out
    assert plan_json(capsys, patient_home, routine_id) == plan_json(capsys, clinic_home, routine_id)
    loaded = load_personal(Paths.under(patient_home), routine_of(Paths.under(tmp_path), routine_id))
    assert loaded.values == values
    assert loaded.progression.enabled == progression.enabled
    assert loaded.problem is None


def test_importing_the_same_prescription_again_keeps_the_progression_count(
    paths: Paths, tmp_path: Path
) -> None:
    routine = routine_of(paths, "chiro-clinic")
    file = tmp_path / "p.toml"
    prescription = Prescription(
        "chiro-clinic", "Clinic", date(2026, 11, 20), CHIRO_VALUES, Progression(enabled=True)
    )
    file.write_text(prescription_text(prescription), encoding="utf-8")
    import_prescription(paths, file, now=lambda: NOW)
    later = datetime(2026, 12, 1, tzinfo=UTC)
    import_prescription(paths, file, now=lambda: later)
    assert load_personal(paths, routine).progression.started == NOW
    changed = Prescription(
        "chiro-clinic", "Clinic", date(2026, 12, 1), PersonalValues(), Progression(enabled=True)
    )
    file.write_text(prescription_text(changed), encoding="utf-8")
    imported = import_prescription(paths, file, now=lambda: later)
    assert imported.prescription.values == PersonalValues()
    assert load_personal(paths, routine).progression.started == later


GOOD = (
    'format_version = 1\nkind = "exercise-timer prescription"\nroutine = "chiro-clinic"\n'
    'clinic = "Main Street Clinic"\ndate = 2026-11-21\n'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            GOOD.replace('kind = "exercise-timer prescription"\n', ""),
            [":None: is not a prescription file"],
            id="not a prescription",
        ),
        pytest.param(
            GOOD.replace('"chiro-clinic"', '"nope"'),
            [":3: routine is 'nope', which is not a routine on this computer"],
            id="unknown routine",
        ),
        pytest.param(
            GOOD + "[exercises.no-such]\nrepetitions = 5\n",
            [':6: exercises.no-such: "no-such" is not an exercise of the routine'],
            id="unknown exercise",
        ),
        pytest.param(
            GOOD + "[exercises.bridge]\nhold_seconds = [5]\nrepetitions = 31\n",
            [":8: exercises.bridge.repetitions: is 31; use a number from 1 to 30"],
            id="repetitions out of bounds",
        ),
        pytest.param(
            GOOD + "[exercises.bridge]\nhold_seconds = [500]\n",
            [":7: exercises.bridge.hold_seconds: stage 1 (Lift pelvis) is 500; use a number"],
            id="hold out of bounds",
        ),
        pytest.param(
            GOOD + "[exercises.mad-cat]\nhold_seconds = [5]\n",
            [":7: exercises.mad-cat.hold_seconds: use a list of 2 holds"],
            id="wrong number of holds",
        ),
        pytest.param(
            GOOD + '[exercises.calf-stretch]\nvariant = "both"\n',
            [":7: exercises.calf-stretch.variant: 'both' is not a version of \"calf-stretch\""],
            id="unknown variant",
        ),
        pytest.param(
            GOOD.replace('clinic = "Main Street Clinic"\n', ""),
            [':None: the clinic is missing; add clinic = "..."'],
            id="missing clinic",
        ),
        pytest.param(
            GOOD.replace('"Main Street Clinic"', "5"),
            [":4: clinic is 5; use a name in quotes"],
            id="clinic not text",
        ),
        pytest.param(
            GOOD.replace("2026-11-21", '"yesterday"'),
            [":5: date is 'yesterday'; write the prescription's date as 2026-11-21"],
            id="date not a date",
        ),
        pytest.param(
            GOOD.replace("date = 2026-11-21\n", ""),
            [":None: the date is missing"],
            id="missing date",
        ),
        pytest.param(
            GOOD + "[exercises.bridge]\nrepetitions = [8]\nrelax_seconds = true\n",
            [
                ":7: exercises.bridge.repetitions: is [8]; use a number from 1 to 30",
                ":8: exercises.bridge.relax_seconds: is True; use a number from 0 to 60",
            ],
            id="wrong types, every problem",
        ),
        pytest.param(
            GOOD + "[progression]\nenabled = true\nstarted = 2026-01-01T00:00:00Z\n",
            [":8: progression.started: is not a progression setting"],
            id="a start in a prescription",
        ),
        pytest.param(
            GOOD.replace("format_version = 1", "format_version = 2"),
            [":1: format_version is 2; this program reads prescriptions of format_version = 1"],
            id="newer format",
        ),
        pytest.param(GOOD + "hold = [\n", [":6: is not valid TOML"], id="not TOML"),
        pytest.param(GOOD + "notes = 'x'\n", [":6: notes is not a known key"], id="unknown key"),
    ],
)
def test_a_bad_prescription_is_refused_and_changes_nothing(
    home: Path,
    paths: Paths,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    expected: list[str],
) -> None:
    save_personal(paths, "chiro-clinic", CHIRO_VALUES, Progression(enabled=True), now=lambda: NOW)
    before = personal_file(paths, "chiro-clinic").read_bytes()
    plan_before = plan_json(capsys, home, "chiro-clinic")
    listing = sorted(p.name for p in paths.personal_dir.iterdir())
    file = tmp_path / "bad.toml"
    file.write_text(text, encoding="utf-8")
    assert main(["prescription", "import", str(file)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == len(expected), captured.err
    for line, fragment in zip(lines, expected, strict=True):
        where, _, message = fragment.partition(": ")
        if where == ":None":
            assert line.startswith(f"{file}: ") and message in line, line
        else:
            assert line.startswith(f"{file}{where}: ") and message in line, line
    assert "Traceback" not in captured.err and captured.out == ""
    assert personal_file(paths, "chiro-clinic").read_bytes() == before
    assert sorted(p.name for p in paths.personal_dir.iterdir()) == listing
    assert plan_json(capsys, home, "chiro-clinic") == plan_before


def test_a_missing_or_binary_file_is_one_line(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["prescription", "import", str(tmp_path / "none.toml")]) == 1
    assert (
        capsys.readouterr().err
        == f"{tmp_path / 'none.toml'}: no such file; check the path and the file name\n"
    )
    binary = tmp_path / "photo.toml"
    binary.write_bytes(b"\x89PNG\r\n\xff\xfe")
    assert main(["prescription", "import", str(binary)]) == 1
    assert "is not UTF-8 text" in capsys.readouterr().err
    assert not (home / "config").exists()


def test_read_prescription_reads_everything_and_writes_nothing(
    paths: Paths, tmp_path: Path
) -> None:
    file = tmp_path / "p.toml"
    original = Prescription(
        "chiro-clinic",
        "Main Street Clinic",
        date(2026, 11, 21),
        CHIRO_VALUES,
        Progression(enabled=True, every=4, start_hold=2.5, start_repetitions=3),
        patient="J. D.",
    )
    file.write_text(prescription_text(original), encoding="utf-8")
    read, routine = read_prescription(file, load_catalogue(paths))
    assert read == original and routine.id == "chiro-clinic"
    assert not paths.config_dir.exists()


def test_export_refuses_to_overwrite_a_file_that_is_not_a_prescription(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    precious = tmp_path / "my-routine.toml"
    precious.write_text('format_version = 1\nid = "mine"\n', encoding="utf-8")
    argv = ["prescription", "export", "xplain-back", str(precious), "--clinic", "C"]
    assert main(argv) == 1
    assert "exists and is not a prescription" in capsys.readouterr().err
    assert precious.read_text(encoding="utf-8") == 'format_version = 1\nid = "mine"\n'
    again = tmp_path / "p.toml"
    assert main(["prescription", "export", "xplain-back", str(again), "--clinic", "A"]) == 0
    assert main(["prescription", "export", "xplain-back", str(again), "--clinic", "B"]) == 0
    assert tomllib.loads(again.read_text(encoding="utf-8"))["clinic"] == "B"


def test_export_needs_a_clinic_and_a_usable_personal_file(
    home: Path, paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "p.toml"
    assert main(["prescription", "export", "xplain-back", str(file)]) == 2
    assert "--clinic NAME" in capsys.readouterr().err
    assert main(["prescription", "export", "xplain-back", str(file), "--clinic", "  "]) == 1
    assert not file.exists()
    personal_file(paths, "xplain-back").parent.mkdir(parents=True)
    personal_file(paths, "xplain-back").write_text("broken = [")
    capsys.readouterr()
    assert main(["prescription", "export", "xplain-back", str(file), "--clinic", "C"]) == 1
    err = capsys.readouterr().err
    assert "Nothing was exported" in err and len(err.strip().splitlines()) == 1
    assert not file.exists()


def test_export_function_rejects_long_names(paths: Paths, tmp_path: Path) -> None:
    loaded = load_personal(paths, routine_of(paths, "xplain-back"))
    with pytest.raises(InputError, match="at most 200"):
        export_prescription(loaded, tmp_path / "p.toml", clinic="C" * 201)


def test_show_lists_the_routine_the_personal_and_todays_values(
    home: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    save_personal(paths, "chiro-clinic", CHIRO_VALUES, Progression(enabled=True))
    assert main(["prescription", "show", "chiro-clinic"]) == 0
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines() if line and line[0].islower()}
    assert "Exercise" in out and "Routine says" in out and "Today" in out
    flexion = rows["forward-flexion"]
    assert "hold ___ s, ___ times" in flexion
    assert "version: Seated in a chair, hold 10 s, 8 times" in flexion
    assert "hold 2 s, 2 times" in flexion and not flexion.rstrip().endswith("yes")
    assert "left out" in rows["extension"]
    assert rows["bridge"].rstrip().endswith("yes")
    assert "no hold, ___ times" in rows["lunge"]
    assert "Building up gradually" in out


def test_show_without_personal_values_says_so(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["prescription", "show", "spine-clinic"]) == 0
    out = capsys.readouterr().out
    assert "No personal values saved" in out
    assert "hold 1/2/3/4/5 s, 5 times" in out and "hold 5 s, 5-10 times" in out
    assert main(["prescription", "show", "no-such-routine"]) == 1
    assert "no routine has this id" in capsys.readouterr().err


def test_export_into_a_missing_folder_creates_nothing(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "p.toml"
    assert main(["prescription", "export", "xplain-back", str(target), "--clinic", "C"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()
