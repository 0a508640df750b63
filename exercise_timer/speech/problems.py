"""Plain sentences that say why there is no voice and how to get it (shown once, in the window)."""

from __future__ import annotations

from exercise_timer.core.i18n import _


def no_pyttsx3() -> str:
    """The Python speech package is missing."""
    return _("Install the pyttsx3 package for spoken cues (pip install pyttsx3).")


def install(packages: list[str]) -> str:
    """Debian packages are missing (espeak-ng, alsa-utils or both)."""
    names = " ".join(packages)
    if packages == ["espeak-ng"]:
        return _("Install espeak-ng for spoken cues (sudo apt install espeak-ng).")
    if packages == ["alsa-utils"]:
        return _("Install alsa-utils for spoken cues and sounds (sudo apt install alsa-utils).")
    return _("Install {packages} for spoken cues (sudo apt install {packages}).").format(
        packages=names
    )


def no_sound_device() -> str:
    """A player exists but cannot open any sound device."""
    return _("No sound device was found; cues are shown as captions.")


def engine_broken(detail: str) -> str:
    """The engine loaded but fails, or stopped working during a session."""
    return _("Spoken cues stopped working ({detail}); cues are shown as captions.").format(
        detail=detail
    )


def no_answer() -> str:
    """The speech check did not finish in time."""
    return _("The sound system did not respond; cues are shown as captions.")
