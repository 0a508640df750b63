"""Spanish spoken: --lang on every command, cues shortened at Spanish words, a Spanish voice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exercise_timer.app.services import voice_settings
from exercise_timer.cli import main
from exercise_timer.core import i18n
from exercise_timer.core.cue_forms import cue_forms
from exercise_timer.core.loader import parse_routine_text
from exercise_timer.core.resolve import resolve
from exercise_timer.core.schedule import Phase, build_schedule
from exercise_timer.speech.probe import Voice
from exercise_timer.speech.voice_choice import installed_voices, spoken_voice, voice_for_language
from exercise_timer.storage.settings import load_settings

ROUTINE = """
format_version = 1
id = "piernas"
title = "Piernas"
language = "es"
[source]
title = "Hoja"
[[exercises]]
id = "cruzadas"
name = "Piernas cruzadas"
purpose = "Estira las caderas."
kind = "stretch"
position = "lying-on-back"
start = "Túmbese boca arriba."
steps = ["Cruce las piernas y llévelas hacia el pecho."]
repetitions = 2
[[exercises.stages]]
name = "Lleve las piernas"
instruction = "{instruction}"
hold_seconds = 1
"""


def move_forms(instruction: str) -> list[str]:
    routine = parse_routine_text(ROUTINE.format(instruction=instruction), "piernas.toml")
    schedule = build_schedule(resolve(routine))
    index = next(i for i, s in enumerate(schedule.segments) if s.phase is Phase.MOVE)
    return [form.text for form in cue_forms(schedule, index)]


def test_a_spanish_movement_is_shortened_at_y(spanish_catalogue: None) -> None:
    i18n.use_language("es")
    forms = move_forms("Cruce las piernas y llévelas hacia el pecho despacio")
    assert forms == [
        "Cruce las piernas y llévelas hacia el pecho despacio.",
        "Cruce las piernas.",
        "Lleve las piernas.",
    ]
    assert move_forms("Doble la rodilla e incline el cuerpo")[1] == "Doble la rodilla."


def test_english_and_is_not_a_spanish_joining_word(spanish_catalogue: None) -> None:
    i18n.use_language("es")
    assert move_forms("Lift and hold the leg and breathe")[1:] == ["Lleve las piernas."]
    i18n.use_language("en")
    assert move_forms("Lift and hold the leg")[1] == "Lift."


# -- --lang ------------------------------------------------------------------------------


def test_lang_before_or_after_the_command(
    home: Path, spanish_catalogue: None, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (
        ["--lang", "es", "plan", "spine-clinic"],
        ["plan", "spine-clinic", "--lang", "es"],
        ["--lang=es", "plan", "spine-clinic"],
    ):
        i18n.use_language("en")
        assert main(["--no-voice", *argv]) == 0
        out = capsys.readouterr().out
        assert "Gato y camello" in out and "Cat and Camel" not in out
        assert i18n.current_language() == "es"


def test_an_unknown_language_lists_the_known_ones_and_is_a_usage_error(
    home: Path, spanish_catalogue: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "xx", "plan", "spine-clinic"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "'xx'" in captured.err and "en, es" in captured.err


def test_lang_takes_a_locale_name(
    home: Path, spanish_catalogue: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--no-voice", "--lang", "es_ES.UTF-8", "routines"]) == 0
    assert "Ejercicios para la espalda de X-Plain" in capsys.readouterr().out
    assert i18n.current_language() == "es"


# -- the voice ---------------------------------------------------------------------------

VOICES = (
    Voice("gmw/en", "English (Great Britain)", ("en-gb",)),
    Voice("gmw/en-us", "English (America)", ("en-us",)),
    Voice("roa/es-419", "Spanish (Latin America)", ("es-419",)),
    Voice("roa/es", "Spanish (Spain)", ("es",)),
)


def test_a_spanish_voice_replaces_one_that_does_not_speak_spanish() -> None:
    assert voice_for_language(None, "es", VOICES) == "roa/es"
    assert voice_for_language("gmw/en-us", "es", VOICES) == "roa/es"
    assert voice_for_language("roa/es-419", "es", VOICES) == "roa/es-419"
    assert voice_for_language("gmw/en-us", "fr", VOICES) == "gmw/en-us"
    assert voice_for_language(None, "es", ()) is None


def test_english_keeps_the_chosen_voice_without_asking_the_engine() -> None:
    def no_engine() -> tuple[Voice, ...]:
        raise AssertionError("the engine's voices were asked for")

    assert spoken_voice(None, "en", no_engine) is None
    assert spoken_voice("gmw/en-us", "en", no_engine) == "gmw/en-us"
    assert spoken_voice(None, "es", lambda: VOICES) == "roa/es"


def spanish_voice() -> str:
    found = [v.id for v in installed_voices() if any(t.startswith("es") for t in v.languages)]
    if not found:
        pytest.skip("no espeak-ng Spanish voice here")
    return voice_for_language(None, "es", installed_voices()) or ""


@pytest.mark.slow
def test_the_session_voice_is_espeaks_spanish_one_in_spanish(
    home: Path, spanish_catalogue: None
) -> None:
    voice = spanish_voice()
    settings = load_settings(home / "none.toml").settings
    assert voice_settings(settings).voice is None
    i18n.use_language("es")
    assert voice_settings(settings).voice == voice == "roa/es"


@pytest.mark.slow
def test_counts_are_spoken_in_spanish(
    tmp_path: Path, home: Path, spanish_catalogue: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rendered by the real worker: "3" in Spanish is what the Spanish voice says, not English."""
    voice = spanish_voice()
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed")
    files = {name: tmp_path / f"{name}.wav" for name in ("lang", "voice", "english")}
    assert main(["--lang", "es", "speak", "3", "--wav", str(files["lang"])]) == 0
    i18n.use_language("en")
    assert main(["speak", "3", "--voice", voice, "--wav", str(files["voice"])]) == 0
    assert main(["speak", "3", "--wav", str(files["english"])]) == 0
    capsys.readouterr()
    assert files["lang"].read_bytes() == files["voice"].read_bytes()
    assert files["lang"].read_bytes() != files["english"].read_bytes()
