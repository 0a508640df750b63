"""The routines' own texts in Spanish: translation files beside each routine, facts unchanged.

A translation is ``routines/<id>.es.po`` (msgctxt = the text's place, msgid = its English).
The Spanish routine runs the very same session; a text whose translation is missing or stale
stays English and ``check`` says where and how to fix it.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from babel.messages.pofile import read_po as babel_read_po
from catalogue_support import program_messages

from exercise_timer.cli import main
from exercise_timer.core import i18n
from exercise_timer.core.loader import load_routine, read_routine
from exercise_timer.core.po_file import read_po
from exercise_timer.core.routine_translation import routine_texts
from exercise_timer.core.translation_files import routine_file_of, translation_file
from exercise_timer.storage.catalogue import load_catalogue
from exercise_timer.storage.paths import Paths

BUNDLED = ("xplain-back", "spine-clinic", "chiro-clinic")
ROUTINES = Path(__file__).resolve().parents[1] / "routines"


def plan_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main(["--no-voice", *argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


WORDS = (
    "title",
    "name",
    "at_end",
    "cue",
    "caption",
    "cue_seconds",
    "cue_seconds_measured",
    "counts",
)
"""What a translation may change in ``plan --json``: words, and how long they take to say
(and so which countdown numbers fit between them)."""


def facts(value: object) -> object:
    """``value`` without its words: every number, id, side, phase and count that is left."""
    if isinstance(value, dict):
        return {key: facts(item) for key, item in value.items() if key not in WORDS}
    if isinstance(value, list):
        return [facts(item) for item in value]
    return value


@pytest.mark.parametrize("routine_id", BUNDLED)
def test_the_spanish_routine_gives_the_same_plan_numbers_as_the_english(
    routine_id: str, home: Path, spanish_catalogue: None, capsys: pytest.CaptureFixture[str]
) -> None:
    english = plan_json(capsys, "plan", routine_id)
    castellano = plan_json(capsys, "--lang", "es", "plan", routine_id)
    assert facts(castellano) == facts(english)
    timeline = castellano["timeline"]
    assert isinstance(timeline, list) and len(timeline) > 20
    assert castellano["total_seconds"] == english["total_seconds"]
    exercises = castellano["exercises"]
    assert isinstance(exercises, list) and isinstance(english["exercises"], list)
    assert [e["name"] for e in exercises] != [e["name"] for e in english["exercises"]]


@pytest.mark.parametrize("routine_id", BUNDLED)
def test_every_text_of_a_bundled_routine_has_a_current_spanish_translation(
    routine_id: str,
) -> None:
    file = ROUTINES / f"{routine_id}.toml"
    places = routine_texts(tomllib.loads(file.read_text(encoding="utf-8")))
    routine, problems = read_routine(file, language="es")
    assert problems == ()
    assert routine.language == "es"
    entries, unread = read_po(translation_file(file, "es").read_text(encoding="utf-8"), "es.po")
    assert unread == []
    by_place = {entry.context: entry for entry in entries if entry.context}
    assert set(by_place) == {place.context for place in places}
    for place in places:
        entry = by_place[place.context]
        assert entry.msgid == place.english and not entry.fuzzy
        assert entry.msgstr.strip() and entry.msgstr != entry.msgid, place.context


@pytest.mark.parametrize("routine_id", BUNDLED)
def test_babel_reads_each_translation_as_the_program_does(routine_id: str) -> None:
    po = ROUTINES / f"{routine_id}.es.po"
    with po.open("rb") as stream:
        catalogue = babel_read_po(stream)
    theirs = {(m.context, m.id, m.string) for m in catalogue if m.id}
    ours, _ = read_po(po.read_text(encoding="utf-8"), po)
    assert {(e.context, e.msgid, e.msgstr) for e in ours if e.msgid} == theirs
    assert str(catalogue.locale) == "es"


def test_the_spanish_texts_are_the_ones_a_session_shows(spanish_catalogue: None) -> None:
    i18n.use_language("es")
    routine = load_routine(ROUTINES / "spine-clinic.toml")
    cat = routine.exercises[0]
    assert routine.title == "Clínica de columna: ejercicios de espalda y columna"
    assert cat.name == "Gato y camello"
    assert cat.steps[0] == "Tome aire. Arquee la espalda hacia arriba y deje caer la cabeza."
    assert cat.stages[1].instruction == "Levante la cabeza, baje el pecho y el vientre"
    raise_knee = routine.exercise("knee-to-chest-raise")
    assert raise_knee is not None and raise_knee.both_steps[0].startswith("Con las dos manos")
    assert load_routine(ROUTINES / "spine-clinic.toml", language="en").title.startswith("Spine")


# -- a translation that cannot be used for some texts --------------------------------------


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    """The X-Plain routine and its Spanish beside it, in a folder of their own."""
    folder = tmp_path / "mine"
    folder.mkdir()
    for name in ("xplain-back.toml", "xplain-back.es.po"):
        shutil.copy(ROUTINES / name, folder / name)
    return folder / "xplain-back.toml"


def edit(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1
    file.write_text(text.replace(old, new), encoding="utf-8")


def line_of(file: Path, text: str) -> int:
    lines = file.read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def check_output(capsys: pytest.CaptureFixture[str], *files: Path) -> tuple[int, str]:
    code = main(["check", *(str(f) for f in files)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_stale_translation_falls_back_to_english_and_check_reports_it(
    copied: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(copied, '"Relax your back again."', '"Relax your back again, slowly."')
    routine, problems = read_routine(copied, language="es")
    tilt = routine.exercises[0]
    assert tilt.steps == (
        "Apriete la parte baja de la espalda contra el suelo, dejándola plana.",
        "Relax your back again, slowly.",
    )
    po = translation_file(copied, "es")
    stale_line = line_of(po, 'msgid "Relax your back again."')
    assert [(p.path, p.line) for p in problems] == [(po, stale_line)]
    assert "Relax your back again, slowly." in problems[0].message
    code, output = check_output(capsys, copied)
    assert code == 1
    assert f"{po}:{stale_line}: " in output and "has changed since it was translated" in output


def test_a_missing_translation_is_reported_at_the_english_text(
    copied: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po = translation_file(copied, "es")
    edit(
        po,
        'msgctxt "exercises.leg-reach.cautions.1"\n',
        'msgctxt "exercises.leg-reach.cautions.1.gone"\n',
    )
    routine, problems = read_routine(copied, language="es")
    leg = routine.exercise("leg-reach")
    assert leg is not None and leg.cautions[0].startswith("Make sure nobody is behind you")
    assert leg.name == "Pierna atrás"
    where = {(p.path, p.line) for p in problems}
    assert (copied, line_of(copied, "Make sure nobody is behind you")) in where
    assert (po, line_of(po, 'msgctxt "exercises.leg-reach.cautions.1.gone"') + 1) in where
    code, output = check_output(capsys, po)
    assert code == 1
    assert '"exercises.leg-reach.cautions.1" has no translation in xplain-back.es.po' in output


def test_a_translation_that_changes_a_number_is_not_used(copied: Path) -> None:
    po = translation_file(copied, "es")
    edit(po, "unos 90 grados", "unos 45 grados")
    routine, problems = read_routine(copied, language="es")
    wall = routine.exercise("wall-slide")
    assert wall is not None and "90 degrees" in wall.steps[0]
    assert len(problems) == 1 and "other numbers" in problems[0].message


def test_a_fuzzy_translation_is_not_used(copied: Path) -> None:
    po = translation_file(copied, "es")
    edit(
        po,
        'msgctxt "exercises.wall-slide.name"\n',
        '#, fuzzy\nmsgctxt "exercises.wall-slide.name"\n',
    )
    routine, problems = read_routine(copied, language="es")
    wall = routine.exercise("wall-slide")
    assert wall is not None and wall.name == "Wall Slide"
    assert len(problems) == 1 and "fuzzy" in problems[0].message


def test_a_broken_translation_file_never_stops_the_routine(copied: Path) -> None:
    translation_file(copied, "es").write_bytes(b"\xff\xfe not text")
    routine, problems = read_routine(copied, language="es")
    assert routine.title == "X-Plain back exercises" and routine.language == "en"
    assert len(problems) == 1


# -- the routine cache --------------------------------------------------------------------


def test_the_routine_cache_keys_on_the_language_and_the_translation(
    paths: Paths, copied: Path, spanish_catalogue: None
) -> None:
    personal = paths.routines_dir
    personal.mkdir(parents=True)
    toml = personal / "mine.toml"
    edit(copied, 'id = "xplain-back"', 'id = "mine"')
    shutil.copy(copied, toml)
    shutil.copy(translation_file(copied, "es"), translation_file(toml, "es"))

    def title() -> str:
        routine = load_catalogue(paths).find("mine")
        assert routine is not None
        return routine.title

    assert title() == "X-Plain back exercises"
    i18n.use_language("es")
    assert title() == "Ejercicios para la espalda de X-Plain"
    assert title() == "Ejercicios para la espalda de X-Plain"  # from the cache
    edit(translation_file(toml, "es"), "Ejercicios para la espalda de X-Plain", "Espalda X-Plain")
    assert title() == "Espalda X-Plain"
    i18n.use_language("en")
    assert title() == "X-Plain back exercises"


# -- what a Spanish plan says --------------------------------------------------------------


def english_words(routine_id: str) -> list[re.Pattern[str]]:
    """The routine's own English texts; not "Hold.", which is also the program's own word."""
    data = tomllib.loads((ROUTINES / f"{routine_id}.toml").read_text(encoding="utf-8"))
    program = program_messages("")
    return [
        re.compile(rf"\b{re.escape(place.english.rstrip('.'))}\b", re.IGNORECASE)
        for place in routine_texts(data)
        if place.english not in program
    ]


@pytest.mark.parametrize("routine_id", BUNDLED)
def test_a_spanish_plan_says_none_of_the_routines_english(
    routine_id: str, home: Path, spanish_catalogue: None, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = plan_json(capsys, "--lang", "es", "plan", routine_id)
    timeline = plan["timeline"]
    assert isinstance(timeline, list)
    said = "\n".join(f"{row['cue']}\n{row['caption']}" for row in timeline)
    english = [pattern.pattern for pattern in english_words(routine_id) if pattern.search(said)]
    assert english == []


def test_a_translation_names_its_routine_even_with_dots_in_the_name() -> None:
    routine = Path("/clinic/back.v2.toml")
    assert routine_file_of(translation_file(routine, "es")) == routine
