"""``exercise-timer sheet``: the printed home-exercise sheet, read back from the PDF."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from exercise_timer.cli.entry import main
from exercise_timer.core.personal import ExerciseValues, PersonalValues
from exercise_timer.core.progression import NO_PROGRESSION
from exercise_timer.core.resolve import resolve
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.paths import find_paths
from exercise_timer.storage.personal_store import (
    load_personal,
    save_personal,
)
from exercise_timer.storage.prescription import export_prescription

pytestmark = pytest.mark.gui

ROUTINES = ("xplain-back", "spine-clinic", "chiro-clinic")


def _pages(pdf: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sheet(home: Path, *args: str) -> int:
    return main(["--home", str(home), "sheet", *args])


def _titles_in_order(text: str, titles: list[str]) -> None:
    positions = [text.find(title) for title in titles]
    assert -1 not in positions, [t for t, p in zip(titles, positions, strict=True) if p < 0]
    assert positions == sorted(positions)


@pytest.mark.parametrize("routine_id", ROUTINES)
def test_sheet_without_personal_values_has_safety_and_every_exercise_in_order(
    qapp: object, tmp_path: Path, routine_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    home, pdf = tmp_path / "home", tmp_path / "sheet.pdf"
    assert _sheet(home, routine_id, "--pdf", str(pdf)) == 0
    routine = load_catalogue(find_paths(str(home))).find(routine_id)
    assert routine is not None
    pages = _pages(pdf)
    text = " ".join(pages)
    assert f"{len(pages)} pages written to {pdf}" in capsys.readouterr().out
    assert routine.safety
    for line in routine.safety:
        assert _flat(line) in pages[0]
    assert text.index(_flat(routine.safety[-1])) < text.index(f"1. {routine.exercises[0].name}")
    session = resolve(routine)
    titles = [
        f"{n}. {e.name}" + (f" ({e.variant.name})" if e.variant else "")
        for n, e in enumerate(session.exercises, start=1)
    ]
    _titles_in_order(text, titles)
    assert all(page.endswith(f"of {len(pages)}") for page in pages)
    assert all(re.search(r"Printed on \d{4}-\d\d-\d\d Page", page) for page in pages)


@pytest.mark.parametrize("routine_id", ROUTINES)
def test_sheet_follows_the_persons_order_inclusion_and_values(
    qapp: object, tmp_path: Path, routine_id: str
) -> None:
    home, pdf = tmp_path / "home", tmp_path / "sheet.pdf"
    paths = find_paths(str(home))
    routine = load_catalogue(paths).find(routine_id)
    assert routine is not None
    first, second, third = routine.exercises[:3]
    stages = len(resolve(routine).exercises[2].stages)
    values = PersonalValues(
        exercises={
            second.id: ExerciseValues(included=False),
            third.id: ExerciseValues(hold_seconds=(7.0,) * stages, repetitions=4, relax_seconds=6),
        },
        order=(third.id, first.id),
    )
    save_personal(paths, routine.id, values, NO_PROGRESSION)
    assert load_personal(paths, routine).problem is None
    assert _sheet(home, routine_id, "--pdf", str(pdf)) == 0
    text = " ".join(_pages(pdf))
    session = resolve(routine, values)
    assert [e.id for e in session.exercises][:2] == [third.id, first.id]
    _titles_in_order(text, [f"{n}. {e.name}" for n, e in enumerate(session.exercises, start=1)])
    assert f". {second.name}" not in text
    block = text[text.index(f"1. {third.name}") : text.index(f"2. {first.name}")]
    assert "7 seconds." in block
    assert re.search(r"Repeat: 4 times( on each side| in all)?\.", block)
    assert "Rest: 6 seconds between each." in block
    assert "Goal:" not in block


def test_while_building_up_each_block_says_the_goal_under_todays_values(
    qapp: object, tmp_path: Path
) -> None:
    pdf = tmp_path / "sheet.pdf"
    assert _sheet(tmp_path / "home", "xplain-back", "--pdf", str(pdf)) == 0
    text = " ".join(_pages(pdf))
    block = text[text.index("1. Pelvic Tilt") : text.index("2. Single Leg Pull")]
    assert re.search(
        r"Hold: 2 seconds\. Repeat: 2 times\. Rest: \d+ seconds? between each\. "
        r"Goal: build up to hold \d+ s, \d+ times\.",
        block,
    ), block


PAGES_AT_MOST = {"xplain-back": 5, "spine-clinic": 4, "chiro-clinic": 10}
"""A handout, not a booklet: before the picture sat beside the text these were 7, 5-6 and
13-14 pages."""


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("routine_id", ROUTINES)
def test_the_sheet_holds_several_exercises_a_page_each_whole_on_one_page(
    qapp: object, tmp_path: Path, routine_id: str, paper: str
) -> None:
    home, pdf = tmp_path / "home", tmp_path / "sheet.pdf"
    assert _sheet(home, routine_id, "--pdf", str(pdf), "--paper", paper) == 0
    routine = load_catalogue(find_paths(str(home))).find(routine_id)
    assert routine is not None
    session = resolve(routine)
    reader = pypdf.PdfReader(str(pdf))
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert len(texts) <= PAGES_AT_MOST[routine_id]
    assert len(session.exercises) / len(texts) >= 2.5
    for page, text in zip(reader.pages, texts, strict=True):
        here = [n for n, e in enumerate(session.exercises, start=1) if f"{n}. {e.name}" in text]
        # A block's title, its values and its picture are on the same page.
        assert text.count("Repeat:") == len(here)
        assert len(page.images) == len(here)
    safety = _flat(routine.safety[-1])
    assert safety in texts[0]
    assert texts[0].index(safety) < texts[0].index(f"1. {session.exercises[0].name}")


@pytest.mark.parametrize(("paper", "points"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_size(qapp: object, tmp_path: Path, paper: str, points: tuple[int, int]) -> None:
    pdf = tmp_path / "sheet.pdf"
    assert _sheet(tmp_path / "home", "spine-clinic", "--pdf", str(pdf), "--paper", paper) == 0
    reader = pypdf.PdfReader(str(pdf))
    sizes = {(round(p.mediabox.width), round(p.mediabox.height)) for p in reader.pages}
    assert sizes == {points}


def test_a_prescription_gives_its_values_clinic_patient_and_date(
    qapp: object, tmp_path: Path
) -> None:
    home, pdf, file = tmp_path / "home", tmp_path / "sheet.pdf", tmp_path / "rx.toml"
    paths = find_paths(str(home))
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    first = routine.exercises[0]
    save_personal(
        paths,
        routine.id,
        PersonalValues(exercises={first.id: ExerciseValues(repetitions=9)}),
        NO_PROGRESSION,
    )
    export_prescription(
        load_personal(paths, routine), file, clinic="Example Clinic", patient="J.D."
    )
    (paths.config_dir / "personal" / "xplain-back.toml").unlink()
    assert _sheet(home, "xplain-back", "--pdf", str(pdf), "--prescription", str(file)) == 0
    pages = _pages(pdf)
    assert "For J.D." in pages[0]
    assert "Repeat: 9 times." in pages[0]
    assert all(
        re.search(r"Example Clinic · prescribed on \d{4}-\d\d-\d\d · printed on", page)
        for page in pages
    )


def test_a_prescription_for_another_routine_is_refused(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, pdf, file = tmp_path / "home", tmp_path / "sheet.pdf", tmp_path / "rx.toml"
    paths = find_paths(str(home))
    routine = load_catalogue(paths).find("xplain-back")
    assert routine is not None
    export_prescription(load_personal(paths, routine), file, clinic="Example Clinic")
    assert _sheet(home, "spine-clinic", "--pdf", str(pdf), "--prescription", str(file)) == 1
    assert f"{file}: this prescription is for routine xplain-back, not spine-clinic" in (
        capsys.readouterr().err
    )
    assert not pdf.exists()


def test_an_unknown_routine_exits_1_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "sheet.pdf"
    assert _sheet(tmp_path / "home", "no-such-routine", "--pdf", str(pdf)) == 1
    err = capsys.readouterr().err
    assert err.startswith("no-such-routine: no routine has this id; use one of")
    assert "Traceback" not in err
    assert not pdf.exists()


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_an_unwritable_file_exits_1_and_leaves_nothing(
    qapp: object, tmp_path: Path, where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    pdf = out / "missing" / "sheet.pdf" if where == "missing folder" else out
    assert _sheet(tmp_path / "home", "xplain-back", "--pdf", str(pdf)) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{pdf}: cannot be written (")
    assert "choose a file in a folder you can write to" in err
    assert list(out.iterdir()) == []


def test_an_unknown_paper_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        _sheet(tmp_path / "home", "xplain-back", "--pdf", str(tmp_path / "s.pdf"), "--paper", "a5")
    assert caught.value.code == 2
