"""Where personal values came from: ``[prescribed]`` is kept on import and used without the file."""

from __future__ import annotations

import re
import stat
import tomllib
from datetime import UTC, date, datetime
from pathlib import Path

import pypdf
import pytest
from prescription_support import PRESCRIPTION

from exercise_timer.cli import main
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import ExerciseValues, LeftOut, PersonalValues
from exercise_timer.core.progression import NO_PROGRESSION
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.journal import open_journal
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.personal_access import StoredPersonal
from exercise_timer.storage.personal_store import (
    MAX_TEXT,
    load_personal,
    personal_file,
    save_personal,
)

OLDER_FILE = """\
format_version = 1
routine = "xplain-back"

[exercises.pelvic-tilt]
hold_seconds = [7]
repetitions = 4
"""


def xplain(paths: Paths) -> Routine:
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    return routine


@pytest.fixture
def prescription(tmp_path: Path) -> Path:
    file = tmp_path / "jd-back.toml"
    file.write_text(PRESCRIPTION, encoding="utf-8")
    return file


@pytest.fixture
def imported(home: Path, paths: Paths, prescription: Path) -> Path:
    """The prescription imported with the command; the personal file it wrote."""
    assert main(["prescription", "import", str(prescription)]) == 0
    return personal_file(paths, "xplain-back")


def pdf_text(file: Path) -> str:
    reader = pypdf.PdfReader(file)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_import_keeps_the_clinic_patient_date_and_file_name(imported: Path, paths: Paths) -> None:
    table = tomllib.loads(imported.read_text(encoding="utf-8"))["prescribed"]
    assert table["clinic"] == "Riverside Physiotherapy"
    assert table["patient"] == "J. D."
    assert table["date"].isoformat() == "2026-02-27"
    assert table["file"] == "jd-back.toml"
    loaded = load_personal(paths, xplain(paths))
    assert loaded.problem is None and loaded.prescribed_problem is None
    assert loaded.prescribed is not None
    assert (loaded.prescribed.clinic, loaded.prescribed.patient) == (
        "Riverside Physiotherapy",
        "J. D.",
    )
    assert loaded.values.for_exercise("pelvic-tilt").repetitions == 6


def test_the_patient_label_stays_private(imported: Path) -> None:
    assert stat.S_IMODE(imported.stat().st_mode) == 0o600
    assert stat.S_IMODE(imported.parent.stat().st_mode) == 0o700


def test_a_personal_file_written_before_the_table_still_reads(paths: Paths) -> None:
    file = personal_file(paths, "xplain-back")
    file.parent.mkdir(parents=True)
    file.write_text(OLDER_FILE, encoding="utf-8")
    loaded = load_personal(paths, xplain(paths))
    assert loaded.problem is None and loaded.prescribed_problem is None
    assert loaded.prescribed is None
    assert loaded.values.for_exercise("pelvic-tilt").hold_seconds == (7.0,)


def test_a_prescription_without_a_patient_keeps_none(
    home: Path, paths: Paths, tmp_path: Path
) -> None:
    file = tmp_path / "anonymous.toml"
    file.write_text(PRESCRIPTION.replace('patient = "J. D."\n', ""), encoding="utf-8")
    assert main(["prescription", "import", str(file)]) == 0
    kept = load_personal(paths, xplain(paths)).prescribed
    assert kept is not None and kept.patient is None
    table = tomllib.loads(personal_file(paths, "xplain-back").read_text(encoding="utf-8"))
    assert "patient" not in table["prescribed"]


def test_saving_edited_values_keeps_where_they_came_from(imported: Path, paths: Paths) -> None:
    routine = xplain(paths)
    journal = open_journal(paths.journal_file)
    personal = StoredPersonal(paths, load_catalogue(paths), journal)
    edited = PersonalValues(exercises={"pelvic-tilt": ExerciseValues(repetitions=9)})
    personal.save(routine, edited, NO_PROGRESSION)
    loaded = load_personal(paths, routine)
    assert loaded.values.for_exercise("pelvic-tilt").repetitions == 9
    assert loaded.prescribed is not None
    assert loaded.prescribed.clinic == "Riverside Physiotherapy"
    assert loaded.prescribed.patient == "J. D."


def test_a_prescription_imported_in_the_editor_is_kept_when_saved(
    home: Path, paths: Paths, prescription: Path, tmp_path: Path
) -> None:
    routine = xplain(paths)
    save_personal(paths, "xplain-back", PersonalValues(), NO_PROGRESSION)
    other = tmp_path / "other.toml"
    other.write_text(
        PRESCRIPTION.replace("Riverside Physiotherapy", "Hilltop Clinic"), encoding="utf-8"
    )
    personal = StoredPersonal(paths, load_catalogue(paths), open_journal(paths.journal_file))
    values, progression = personal.read(routine, other)
    personal.save(routine, values, progression)
    kept = load_personal(paths, routine).prescribed
    assert kept is not None and (kept.clinic, kept.file) == ("Hilltop Clinic", "other.toml")


def test_values_read_in_the_editor_then_changed_keep_the_old_provenance(
    imported: Path, paths: Paths, tmp_path: Path
) -> None:
    routine = xplain(paths)
    other = tmp_path / "other.toml"
    other.write_text(
        PRESCRIPTION.replace("Riverside Physiotherapy", "Hilltop Clinic"), encoding="utf-8"
    )
    personal = StoredPersonal(paths, load_catalogue(paths), open_journal(paths.journal_file))
    personal.read(routine, other)
    changed = PersonalValues(exercises={"pelvic-tilt": ExerciseValues(repetitions=2)})
    personal.save(routine, changed, NO_PROGRESSION)
    kept = load_personal(paths, routine).prescribed
    assert kept is not None and kept.clinic == "Riverside Physiotherapy"


def test_changed_values_are_dated_and_said_by_show(
    imported: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    loaded = load_personal(paths, xplain(paths))
    assert loaded.prescribed is not None and loaded.prescribed.changed is None
    edited = PersonalValues(exercises={"pelvic-tilt": ExerciseValues(repetitions=9)})
    later = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    save_personal(paths, "xplain-back", edited, loaded.progression, now=lambda: later)
    kept = load_personal(paths, xplain(paths)).prescribed
    assert kept is not None and kept.changed == date(2026, 3, 10)
    capsys.readouterr()
    assert main(["prescription", "show", "xplain-back"]) == 0
    assert "The values were changed on 2026-03-10, after the prescription was imported." in (
        capsys.readouterr().out
    )


def test_saving_the_same_values_or_leaving_one_out_after_a_stop_is_no_change(
    imported: Path, paths: Paths
) -> None:
    loaded = load_personal(paths, xplain(paths))
    save_personal(paths, "xplain-back", loaded.values, loaded.progression)
    kept = load_personal(paths, xplain(paths)).prescribed
    assert kept is not None and kept.changed is None
    left_out = ExerciseValues(
        hold_seconds=(8.0,),
        repetitions=6,
        included=False,
        left_out=LeftOut(date(2026, 3, 1), "pain"),
    )
    values = PersonalValues(exercises={"pelvic-tilt": left_out})
    save_personal(paths, "xplain-back", values, loaded.progression)
    kept = load_personal(paths, xplain(paths)).prescribed
    assert kept is not None and kept.changed is None


@pytest.mark.parametrize(
    ("line", "bad", "fix"),
    [
        ('clinic = "Riverside Physiotherapy"', "clinic = 42", "use a name in quotes"),
        ('patient = "J. D."', f'patient = "{"x" * (MAX_TEXT + 1)}"', f"at most {MAX_TEXT}"),
        ("date = 2026-02-27", 'date = "soon"', "write the prescription's date as 2026-11-21"),
        ('file = "jd-back.toml"', "colour = 3", "is not a known key; remove it"),
        ('file = "jd-back.toml"', 'changed = "yesterday"', "as 2026-11-21"),
    ],
)
def test_a_bad_value_in_the_table_says_file_line_and_fix_and_keeps_the_values(
    imported: Path,
    paths: Paths,
    capsys: pytest.CaptureFixture[str],
    line: str,
    bad: str,
    fix: str,
) -> None:
    text = imported.read_text(encoding="utf-8")
    assert line in text
    broken = text.replace(line, bad)
    imported.write_text(broken, encoding="utf-8")
    number = broken.splitlines().index(bad) + 1
    loaded = load_personal(paths, xplain(paths), keep_aside_if_unusable=True)
    assert loaded.problem is None and loaded.prescribed is None
    assert loaded.values.for_exercise("pelvic-tilt").repetitions == 6
    assert loaded.prescribed_problem is not None
    assert loaded.prescribed_problem.startswith(f"{imported}:{number}: prescribed.")
    assert fix in loaded.prescribed_problem
    assert imported.read_text(encoding="utf-8") == broken  # not kept aside
    capsys.readouterr()
    assert main(["prescription", "show", "xplain-back"]) == 0
    shown = capsys.readouterr()
    assert f"{imported}:{number}:" in shown.err and "Prescribed by" not in shown.out
    assert "Traceback" not in shown.err


def test_a_table_that_is_not_a_table_is_said_and_the_values_kept(
    imported: Path, paths: Paths
) -> None:
    text = imported.read_text(encoding="utf-8")
    start = text.index("[prescribed]")
    imported.write_text('prescribed = "Riverside"\n' + text[:start], encoding="utf-8")
    loaded = load_personal(paths, xplain(paths))
    assert loaded.problem is None and loaded.values.for_exercise("pelvic-tilt").repetitions == 6
    assert loaded.prescribed_problem is not None
    assert loaded.prescribed_problem.startswith(f"{imported}:1: prescribed: is 'Riverside'")


def test_saving_keeps_a_bad_table_for_the_person_to_mend(imported: Path, paths: Paths) -> None:
    text = imported.read_text(encoding="utf-8")
    imported.write_text(text.replace('clinic = "Riverside Physiotherapy"', "clinic = 42"))
    routine = xplain(paths)
    personal = StoredPersonal(paths, load_catalogue(paths), open_journal(paths.journal_file))
    personal.save(routine, PersonalValues(), NO_PROGRESSION)
    table = tomllib.loads(imported.read_text(encoding="utf-8"))["prescribed"]
    assert table["clinic"] == 42 and table["patient"] == "J. D."


def test_show_says_who_prescribed_the_values(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["prescription", "show", "xplain-back"]) == 0
    out = capsys.readouterr().out
    assert "Prescribed by Riverside Physiotherapy for J. D. on 2026-02-27" in out.splitlines()


def test_show_without_a_prescription_says_no_provenance(
    home: Path, paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    save_personal(paths, "xplain-back", PersonalValues(), NO_PROGRESSION)
    assert main(["prescription", "show", "xplain-back"]) == 0
    assert "Prescribed by" not in capsys.readouterr().out


def test_export_keeps_the_clinic_and_patient_unless_given_anew(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept, renamed = tmp_path / "kept.toml", tmp_path / "renamed.toml"
    assert main(["prescription", "export", "xplain-back", str(kept)]) == 0
    document = tomllib.loads(kept.read_text(encoding="utf-8"))
    assert (document["clinic"], document["patient"]) == ("Riverside Physiotherapy", "J. D.")
    assert document["exercises"]["pelvic-tilt"]["repetitions"] == 6
    assert main(["prescription", "export", "xplain-back", str(renamed), "--clinic", "Hilltop"]) == 0
    document = tomllib.loads(renamed.read_text(encoding="utf-8"))
    assert (document["clinic"], document["patient"]) == ("Hilltop", "J. D.")
    again = tmp_path / "again.toml"
    args = ["prescription", "export", "xplain-back", str(again), "--patient", "K. L."]
    assert main(args) == 0
    document = tomllib.loads(again.read_text(encoding="utf-8"))
    assert (document["clinic"], document["patient"]) == ("Riverside Physiotherapy", "K. L.")


def test_the_editor_export_with_a_blank_clinic_names_the_kept_one(
    imported: Path, paths: Paths, tmp_path: Path
) -> None:
    routine = xplain(paths)
    personal = StoredPersonal(paths, load_catalogue(paths), open_journal(paths.journal_file))
    target = tmp_path / "from-editor.toml"
    personal.export(routine, target, PersonalValues(), NO_PROGRESSION, "", "")
    document = tomllib.loads(target.read_text(encoding="utf-8"))
    assert (document["clinic"], document["patient"]) == ("Riverside Physiotherapy", "J. D.")


def test_the_report_names_the_kept_clinic_and_patient(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.pdf"
    assert main(["report", "--pdf", str(target), "--routine", "xplain-back"]) == 0
    text = pdf_text(target)
    assert "Clinic: Riverside Physiotherapy" in text
    assert "Patient: J. D." in text and "Prescribed: 2026-02-27" in text
    assert "not given" not in text


def test_the_reports_prescription_option_still_wins(
    imported: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.toml"
    other.write_text(
        PRESCRIPTION.replace("Riverside Physiotherapy", "Hilltop Clinic").replace("J. D.", "K. L."),
        encoding="utf-8",
    )
    target = tmp_path / "report.pdf"
    assert main(["report", "--pdf", str(target), "--prescription", str(other)]) == 0
    text = pdf_text(target)
    assert "Clinic: Hilltop Clinic" in text and "Patient: K. L." in text
    assert "Riverside" not in text


def test_a_report_without_any_prescription_says_the_clinic_is_not_given(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.pdf"
    assert main(["report", "--pdf", str(target), "--routine", "xplain-back"]) == 0
    assert "Clinic: not given" in pdf_text(target)
