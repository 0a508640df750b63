"""The program's own folders, which no file chosen for Export or Import may be inside.

A file dialog can rename or delete what it shows; pointed at the config folder it could remove
the clinician's lock, and an export written there could replace the journal or the settings.
So a path chosen by a person is refused when, with every symlink resolved, it lies in the
config, data or cache folder (or is one of them).
"""

from __future__ import annotations

from pathlib import Path

from exercise_timer.core.i18n import _
from exercise_timer.storage.paths import Paths


def own_folders(paths: Paths) -> tuple[Path, ...]:
    """The folders the program writes to: config, data and cache."""
    return (paths.config_dir, paths.data_dir, paths.cache_dir)


def own_folder_of(path: Path, paths: Paths) -> Path | None:
    """The program's folder that ``path`` lies in (symlinks resolved), or None."""
    try:
        chosen = path.expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop: no file can be there
        return None
    for folder in own_folders(paths):
        try:
            resolved = folder.expanduser().resolve()
        except (OSError, RuntimeError):
            continue
        if chosen == resolved or resolved in chosen.parents:
            return folder
    return None


def inside_own_folders(path: Path, paths: Paths) -> bool:
    """True for the config, data and cache folders and anything under them."""
    return own_folder_of(path, paths) is not None


def own_folder_problem(path: Path, paths: Paths) -> str | None:
    """The sentence that refuses ``path`` when it lies in one of the program's folders."""
    folder = own_folder_of(path, paths)
    if folder is None:
        return None
    return _(
        "Choose a file outside the program's own folders: {file} is inside {folder}, where "
        "the program keeps its settings, PIN, journal and caches."
    ).format(file=path, folder=folder)
