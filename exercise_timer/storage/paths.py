"""Every place the program writes to, in one object.

By default these are the platformdirs locations; ``--home DIR`` or ``EXERCISE_TIMER_HOME``
puts everything under one folder instead (portable use, kiosks, tests).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "exercise-timer"
HOME_VARIABLE = "EXERCISE_TIMER_HOME"
CUE_SECONDS_NAME = "cue-seconds.json"
"""Under the cache folder."""


@dataclass(frozen=True)
class Paths:
    """The program's folders; nothing is created until something is written."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path

    @classmethod
    def under(cls, home: Path) -> Paths:
        """Everything inside one folder."""
        home = home.expanduser().resolve()
        return cls(config_dir=home / "config", data_dir=home / "data", cache_dir=home / "cache")

    @classmethod
    def platform(cls) -> Paths:
        """The usual per-user folders of this operating system."""
        import platformdirs  # ~6 ms and 1.3 MiB (tempfile, shutil); not needed with --home

        return cls(
            config_dir=platformdirs.user_config_path(APP_NAME),
            data_dir=platformdirs.user_data_path(APP_NAME),
            cache_dir=platformdirs.user_cache_path(APP_NAME),
        )

    @property
    def routines_dir(self) -> Path:
        """Where a person's own routine files go."""
        return self.data_dir / "routines"

    @property
    def journal_file(self) -> Path:
        """The session journal."""
        return self.data_dir / "journal.sqlite3"

    @property
    def settings_file(self) -> Path:
        """The person's settings (voice, counting, "wait for me")."""
        return self.config_dir / "settings.toml"

    @property
    def cue_seconds_file(self) -> Path:
        """How long each cue lasts when spoken, by voice and rate (``storage.cue_lengths``)."""
        return self.cache_dir / CUE_SECONDS_NAME

    @property
    def personal_dir(self) -> Path:
        """Personal values, one file per routine."""
        return self.config_dir / "personal"


def find_paths(home: str | None, environ: Mapping[str, str] = os.environ) -> Paths:
    """``--home`` first, then the environment variable, then the platform's folders."""
    chosen = home or environ.get(HOME_VARIABLE)
    return Paths.under(Path(chosen)) if chosen else Paths.platform()
