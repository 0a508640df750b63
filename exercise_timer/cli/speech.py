"""The speech commands: ``voices`` and ``speak``."""

from __future__ import annotations

import argparse
from pathlib import Path

from exercise_timer.cli.errors import EXIT_INVALID, EXIT_OK, say_error
from exercise_timer.cli.registry import Commands, add_command
from exercise_timer.core import limits
from exercise_timer.core.i18n import _, current_language
from exercise_timer.speech.speaker import VoiceSettings
from exercise_timer.storage.paths import Paths


def register(commands: Commands) -> None:
    """Adds ``voices [--json]`` and ``speak TEXT [--voice ID] [--rate WPM] [--wav FILE]``."""
    voices = add_command(
        commands,
        "voices",
        cmd_voices,
        help=_("list the voices, and say whether speech works on this machine"),
    )
    voices.add_argument("--json", action="store_true", help=_("print JSON"))
    speak = add_command(
        commands, "speak", cmd_speak, help=_("say a text, or write its speech to a WAV file")
    )
    speak.add_argument("text", metavar="TEXT", help=_("what to say"))
    speak.add_argument(
        "--voice", metavar="ID", help=_("voice id (exercise-timer voices lists them)")
    )
    speak.add_argument(
        "--rate",
        metavar="WPM",
        type=speaking_rate,
        default=VoiceSettings().rate,
        help=_("words per minute (default: %(default)s)"),
    )
    speak.add_argument(
        "--wav", metavar="FILE", type=Path, help=_("write the speech to FILE instead of saying it")
    )


def speaking_rate(text: str) -> int:
    """``--rate``: whole words per minute within ``limits.SPEAKING_RATE``."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("must be a whole number such as 160")) from None
    if not limits.SPEAKING_RATE.contains(value):
        raise argparse.ArgumentTypeError(
            _("must be between {low:g} and {high:g} words per minute").format(
                low=limits.SPEAKING_RATE.low, high=limits.SPEAKING_RATE.high
            )
        )
    return value


def cmd_voices(args: argparse.Namespace, paths: Paths) -> int:
    """Lists the engine's voices and says whether speech works here (checked in a worker)."""
    from exercise_timer.report.table import json_text
    from exercise_timer.speech.probe import probe_speech

    status = probe_speech(with_voices=True)
    if args.json:
        document = {
            "speech_works": status.speech_works,
            "problem": status.problem,
            "voices": [
                {"id": v.id, "name": v.name, "languages": list(v.languages)} for v in status.voices
            ],
        }
        print(json_text(document))
        return EXIT_OK
    print(status.problem or _("Speech works on this machine."))
    width = max((len(v.id) for v in status.voices), default=2)
    for voice in status.voices:
        print(f"{voice.id:<{width}}  {voice.name}  ({', '.join(voice.languages)})")
    return EXIT_OK


def cmd_speak(args: argparse.Namespace, paths: Paths) -> int:
    """``speak``: see :func:`speak`."""
    return speak(args.text, voice=args.voice, rate=args.rate, wav=args.wav)


def speak(text: str, *, voice: str | None, rate: int, wav: Path | None) -> int:
    """Says ``text``, or writes its speech to ``wav``; one line and exit 1 on any problem."""
    from exercise_timer.speech import oneshot
    from exercise_timer.speech.probe import probe_speech

    if wav is not None and (wav.is_dir() or not wav.resolve().parent.is_dir()):
        say_error(
            _("{file}: cannot write a WAV file there; give a file in an existing folder.").format(
                file=wav
            )
        )
        return EXIT_INVALID
    status = probe_speech(with_voices=voice is not None) if voice or wav is None else None
    if status is not None and voice is not None:
        if not status.engine:
            say_error(str(status.engine_problem))
            return EXIT_INVALID
        if voice not in {v.id for v in status.voices}:
            say_error(
                _(
                    "There is no voice {voice!r} on this machine; "
                    "exercise-timer voices lists the voices you can use."
                ).format(voice=voice)
            )
            return EXIT_INVALID
    if voice is None:  # the voice of the language in use (Spanish cues in a Spanish voice)
        from exercise_timer.speech.voice_choice import spoken_voice

        voice = spoken_voice(None, current_language())
    settings = VoiceSettings(voice=voice, rate=rate)
    if wav is not None:
        outcome = oneshot.render_wav(text, wav, settings)
        if outcome.problem is not None:
            say_error(outcome.problem)
            return EXIT_INVALID
        print(_("{file}: {seconds:.1f} s of speech").format(file=wav, seconds=outcome.seconds))
        return EXIT_OK
    outcome = oneshot.speak_text(text, settings, checked=status)
    if outcome.problem is not None:
        say_error(outcome.problem)
        if status is not None and status.engine:
            say_error(_("Use --wav FILE to write the speech to a file instead."))
        return EXIT_INVALID
    return EXIT_OK
