"""Where a routine's translations are: ``<id>.<language>.po`` beside the routine file.

Names only, no reading: the routine cache stamps a routine with its translation's file at every
start, and this way does not load the translation reader (``core.routine_translation``) and
its catalogue parser for it.
"""

from __future__ import annotations

from pathlib import Path


def translation_file(routine_file: Path, language: str) -> Path:
    """Where the translation of ``routine_file`` into ``language`` is: ``<id>.<language>.po``."""
    return routine_file.with_name(f"{routine_file.stem}.{language}.po")


def routine_file_of(translation: Path) -> Path:
    """The routine file a translation ``<stem>.<language>.po`` belongs to.

    The inverse of ``translation_file``, so a routine file name with dots in it is found too.
    """
    return translation.with_name(translation.name.rsplit(".", 2)[0] + ".toml")


def translation_languages(routine_file: Path) -> list[str]:
    """The languages that have a translation file beside ``routine_file``."""
    prefix = routine_file.stem + "."
    return sorted(
        found.name[len(prefix) : -len(".po")]
        for found in routine_file.parent.glob(f"{routine_file.stem}.*.po")
        if found.name.startswith(prefix) and "." not in found.name[len(prefix) : -len(".po")]
    )
