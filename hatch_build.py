"""Build hook: compiles the translation sources locale/<language>.po into the package.

The ``.po`` files are the sources kept in the repository; the ``.mo`` files the program reads
(``exercise_timer/locale/<language>/LC_MESSAGES/exercise_timer.mo``) are built, never
committed. A wheel gets them as forced inclusions; an editable install (a checkout) gets them
written into the package folder, which git ignores.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DOMAIN = "exercise_timer"


def compile_catalogues(sources: Path, target: Path) -> list[Path]:
    """Writes target/<language>/LC_MESSAGES/exercise_timer.mo for each sources/<language>.po."""
    written = []
    for po in sorted(sources.glob("*.po")):
        with po.open("rb") as handle:
            catalogue = read_po(handle, locale=po.stem, domain=DOMAIN)
        mo = target / po.stem / "LC_MESSAGES" / f"{DOMAIN}.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as handle:
            write_mo(handle, catalogue, use_fuzzy=False)
        written.append(mo)
    return written


class CatalogueHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compiles the catalogues before the wheel (or the editable wheel) is built."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compiles every catalogue and tells the build where the results go."""
        root = Path(self.root)
        sources = root / "locale"
        if version == "editable":
            compile_catalogues(sources, root / "exercise_timer" / "locale")
            return
        self._folder = tempfile.TemporaryDirectory(prefix="exercise-timer-mo-")
        target = Path(self._folder.name)
        for mo in compile_catalogues(sources, target):
            inside = mo.relative_to(target).as_posix()
            build_data["force_include"][str(mo)] = f"exercise_timer/locale/{inside}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Removes the temporary folder of compiled catalogues."""
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
