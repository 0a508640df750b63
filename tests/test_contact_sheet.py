"""The figures command's contact sheet: the routine's title, then per exercise its number, name,
version, still with each panel named, starting position and steps."""

from __future__ import annotations

import re

from exercise_timer import resources
from exercise_timer.core.figures.book import ExerciseFigure, FigureBook, StageFigure
from exercise_timer.core.figures.reader import load_figures
from exercise_timer.core.figures.skeleton import neutral
from exercise_timer.core.loader import load_routine
from exercise_timer.core.model import Routine, Sides
from exercise_timer.report.contact_sheet import contact_sheet, png_name

ARROW = 0.3


def xplain() -> tuple[Routine, FigureBook]:
    routine = load_routine(resources.routines_dir() / "xplain-back.toml")
    return routine, load_figures(resources.asset("figures", "xplain-back.toml"))


def sections(page: str) -> list[str]:
    return re.findall(r"<section>(.*?)</section>", page, re.S)


def test_the_sheet_has_the_routine_title_and_each_exercise_in_order() -> None:
    routine, book = xplain()
    page = contact_sheet(routine, book, ARROW)
    assert f"<h1>{routine.title}</h1>" in page
    assert f"<title>Figures: {routine.title}</title>" in page
    found = sections(page)
    assert len(found) == len(routine.exercises)
    for number, (exercise, section) in enumerate(zip(routine.exercises, found, strict=True), 1):
        assert f'<span class="number">{number}.</span> {exercise.name}' in section.replace(
            "&#x27;", "'"
        )
        assert f'src="{png_name(exercise.id, None)}"' in section


def test_each_section_names_its_panels_and_gives_the_start_and_the_steps() -> None:
    routine, book = xplain()
    camel = next(e for e in routine.exercises if e.id == "cat-and-camel")
    section = next(s for s in sections(contact_sheet(routine, book, ARROW)) if camel.name in s)
    names = re.findall(r'<td style="width:[\d.]+%">([^<]+)</td>', section)
    assert names == ["Start", *(stage.name for stage in camel.stages)]
    assert "<b>Starting position:</b> " + camel.start in section
    assert all(f"<li>{step}</li>" in section for step in camel.steps)
    widths = [float(w) for w in re.findall(r"width:([\d.]+)%", section)]
    assert abs(sum(widths) - 100) < 0.5


def test_a_sided_exercise_says_the_left_is_the_mirror_image() -> None:
    routine, book = xplain()
    page = sections(contact_sheet(routine, book, ARROW))
    for exercise, section in zip(routine.exercises, page, strict=True):
        assert ("mirror image" in section) == (exercise.sides is not Sides.NONE), exercise.id


def test_an_exercise_with_versions_shows_each_version_with_its_own_start() -> None:
    routine = load_routine(resources.routines_dir() / "chiro-clinic.toml")
    pose = neutral()
    figures = [
        ExerciseFigure(
            exercise.id,
            variant,
            pose,
            tuple(StageFigure(pose) for _ in exercise.stages),
        )
        for exercise in routine.exercises
        for variant in (None, *(v.id for v in exercise.variants))
    ]
    page = contact_sheet(routine, FigureBook(routine.id, tuple(figures)), ARROW)
    flexion = next(e for e in routine.exercises if e.variants)
    found = [s for s in sections(page) if f"</span> {flexion.name} <" in s]
    assert len(found) == len(flexion.variants)
    for variant, section in zip(flexion.variants, found, strict=True):
        assert f'<span class="version">({variant.name})</span>' in section
        assert f'src="{png_name(flexion.id, variant.id)}"' in section
        assert "<b>Starting position:</b> " + (variant.start or flexion.start) in section
    assert f'src="{png_name(flexion.id, None)}"' not in page
