"""The stills outside the session: the values editor and the before-you-start page show each
exercise's still when its routine has figures, its position's pictogram when not, and draw
each image once per routine, not on every paint."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from pytestqt.qtbot import QtBot

from exercise_timer import resources
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine
from exercise_timer.core.personal import PersonalValues
from exercise_timer.ui.before_page import BeforePage
from exercise_timer.ui.figure_stills import Picture, stills_for
from exercise_timer.ui.values_editor import ValuesEditor

pytestmark = pytest.mark.gui


def bundled(routine_id: str) -> Routine:
    return load_routine(resources.routines_dir() / f"{routine_id}.toml")


def own_copy(tmp_path: Path, routine_id: str) -> Routine:
    """A person's own routine: the bundled one under another id, so it has no figures."""
    text = (resources.routines_dir() / f"{routine_id}.toml").read_text(encoding="utf-8")
    path = tmp_path / "mine.toml"
    path.write_text(text.replace(f'id = "{routine_id}"', 'id = "mine"', 1), encoding="utf-8")
    return load_routine(path)


def editor(qtbot: QtBot, routine: Routine) -> ValuesEditor:
    dialog = ValuesEditor(None, routine, PersonalValues())
    qtbot.addWidget(dialog)
    dialog.resize(1024, 600)
    dialog.show()
    return dialog


def before_page(qtbot: QtBot, routine: Routine) -> BeforePage:
    page = BeforePage(None)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show_routine(SimpleNamespace(routine=routine, sessions_this_week=0))  # type: ignore[arg-type]
    page.show()
    return page


def test_the_editor_shows_each_exercises_still_under_its_name(qtbot: QtBot) -> None:
    routine = bundled("xplain-back")
    dialog = editor(qtbot, routine)
    assert [row.picture.picture() for row in dialog.rows] == [Picture.STILL] * 13
    assert all(row.picture.isVisibleTo(dialog) for row in dialog.rows)
    first = dialog.rows[0]
    assert first.picture.shown() == ("pelvic-tilt", None)
    assert "from the start position to the end position" in first.picture.accessibleName()


def test_the_editor_shows_the_pictogram_for_a_routine_without_figures(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = editor(qtbot, own_copy(tmp_path, "xplain-back"))
    assert {row.picture.picture() for row in dialog.rows} == {Picture.PICTOGRAM}
    assert "the start position" in dialog.rows[0].picture.accessibleName()


def test_choosing_another_version_shows_its_picture(qtbot: QtBot) -> None:
    dialog = editor(qtbot, bundled("chiro-clinic"))
    row = next(r for r in dialog.rows if r.exercise.id == "forward-flexion")
    assert row.picture.shown() == ("forward-flexion", "standing")
    row.variant.setCurrentIndex(row.variant.findData("seated"))
    assert row.picture.shown() == ("forward-flexion", "seated")


def test_images_are_drawn_once_per_routine_not_on_every_paint(qtbot: QtBot) -> None:
    routine = bundled("xplain-back")
    stills = stills_for(routine)
    assert stills_for(routine) is stills
    dialog = editor(qtbot, routine)
    dialog.grab()
    drawn = stills.drawn()
    assert drawn > 0
    dialog.grab()
    dialog.close()
    editor(qtbot, routine).grab()
    assert stills.drawn() == drawn
    assert stills_for(bundled("xplain-back")) is not stills


def test_the_before_page_shows_every_exercise_with_its_still_and_number(qtbot: QtBot) -> None:
    routine = bundled("spine-clinic")
    page = before_page(qtbot, routine)
    tiles = page.exercises
    assert [view.picture() for view in tiles.pictures] == [Picture.STILL] * 10
    assert [caption.text() for caption in tiles.captions] == [
        f"{number}. {exercise.name}" for number, exercise in enumerate(routine.exercises, 1)
    ]
    assert page.exercises_heading.text() == "The exercises"


def test_the_before_page_shows_pictograms_without_figures_and_follows_the_routine(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page = before_page(qtbot, bundled("xplain-back"))
    assert len(page.exercises.pictures) == 13
    page.show_routine(
        SimpleNamespace(routine=own_copy(tmp_path, "spine-clinic"), sessions_this_week=0)  # type: ignore[arg-type]
    )
    assert [view.picture() for view in page.exercises.pictures] == [Picture.PICTOGRAM] * 10
