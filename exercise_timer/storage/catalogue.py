"""The routines a person can choose: the bundled ones and their own, by id or by path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from exercise_timer import resources
from exercise_timer.core.i18n import _
from exercise_timer.core.model import Routine
from exercise_timer.core.problems import InputError, Problem
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.routine_cache import RoutineCache

DEFAULT_ROUTINE = "xplain-back"


@dataclass(frozen=True)
class Catalogue:
    """The routines found, and the problems of personal routine files that could not be read."""

    routines: tuple[Routine, ...]
    problems: tuple[Problem, ...]

    def find(self, routine_id: str) -> Routine | None:
        """The routine with this id, or None."""
        for routine in self.routines:
            if routine.id == routine_id:
                return routine
        return None


def load_catalogue(paths: Paths) -> Catalogue:
    """Bundled routines (the default first), then personal ones.

    A personal file that cannot be read is reported, never fatal. Files unchanged since the
    last start come from the routine cache instead of being parsed again.
    """
    routines: list[Routine] = []
    problems: list[Problem] = []
    cache = RoutineCache(paths.cache_dir)
    bundled = sorted(
        resources.routines_dir().glob("*.toml"),
        key=lambda file: (file.stem != DEFAULT_ROUTINE, file.stem),
    )
    for file in bundled:
        routines.append(_read(cache, file, bundled=True))
    personal_dir = paths.routines_dir
    files = sorted(personal_dir.glob("*.toml")) if personal_dir.is_dir() else []
    for file in files:
        try:
            routine = _read(cache, file, bundled=False)
        except InputError as error:
            problems.extend(error.problems)
            continue
        clash = next((r for r in routines if r.id == routine.id), None)
        if clash is not None:
            problems.append(
                Problem(
                    file,
                    None,
                    _('id "{id}" is already used by {other}; give this routine another id').format(
                        id=routine.id, other=clash.path.name if clash.path else clash.title
                    ),
                )
            )
            continue
        routines.append(routine)
    cache.save([*bundled, *files])
    return Catalogue(tuple(routines), tuple(problems))


def _read(cache: RoutineCache, file: Path, *, bundled: bool) -> Routine:
    """The routine in ``file``, from the cache while the file is unchanged (else InputError)."""
    routine = cache.get(file, bundled=bundled)
    if routine is None:
        from exercise_timer.core.loader import load_routine  # the readers: on a miss only

        routine = load_routine(file, bundled=bundled)
        cache.put(file, routine, bundled=bundled)
    return routine


def open_routine(name: str, paths: Paths, catalogue: Catalogue | None = None) -> Routine:
    """A routine named by id, or by the path of a routine file.

    Raises:
        InputError: the file is invalid or no routine has that id.
    """
    looks_like_path = name.endswith(".toml") or "/" in name or "\\" in name
    if looks_like_path or Path(name).is_file():
        from exercise_timer.core.loader import load_routine

        return load_routine(Path(name))
    catalogue = catalogue or load_catalogue(paths)
    routine = catalogue.find(name)
    if routine is None:
        known = ", ".join(r.id for r in catalogue.routines)
        raise InputError(
            [
                Problem(
                    name,
                    None,
                    _(
                        "no routine has this id; use one of {known}, or the path of a .toml file"
                    ).format(known=known),
                )
            ]
        )
    return routine
