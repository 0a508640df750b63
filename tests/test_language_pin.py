"""The tests run in English whatever the machine's language (tests/conftest.py pins it)."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

from exercise_timer.core import i18n

TESTS = Path(__file__).resolve().parent
PINNED = {"LANGUAGE": "en", "LC_ALL": "C.UTF-8", "LC_MESSAGES": "C.UTF-8", "LANG": "C.UTF-8"}

# With the pin, the language gettext would pick from the environment is English even when a
# catalogue for the machine's language exists; the child prints the language it ends up with.
CHILD = """
import sys
import conftest
from pathlib import Path
from exercise_timer.core import i18n
i18n.use_catalogue_folder(Path(sys.argv[1]))
print(i18n.current_language())
"""


def write_empty_catalogue(folder: Path, language: str) -> None:
    """A valid GNU .mo file with no messages: enough for gettext to find the language."""
    path = folder / language / "LC_MESSAGES" / f"{i18n.DOMAIN}.mo"
    path.parent.mkdir(parents=True)
    path.write_bytes(struct.pack("<7I", 0x950412DE, 0, 0, 28, 28, 0, 0))


def test_the_environment_of_every_test_is_pinned_to_english() -> None:
    assert {name: os.environ.get(name) for name in PINNED} == PINNED


def test_a_machine_in_another_language_still_gets_english(tmp_path: Path) -> None:
    write_empty_catalogue(tmp_path, "xx")
    foreign = {"LANGUAGE": "xx", "LC_ALL": "xx_XX.UTF-8", "LANG": "xx_XX.UTF-8"}
    env = {**os.environ, **foreign, "PYTHONPATH": str(TESTS)}

    def language(code: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return result.stdout.strip()

    assert language(CHILD.replace("import conftest\n", "")) == "xx"  # the catalogue is found
    assert language(CHILD) == i18n.ENGLISH
