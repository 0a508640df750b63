"""The options a window session starts with, typed (the command line builds them)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AppOptions:
    """What the command line asked of the window; nothing here is Qt."""

    routine: str
    home: str | None = None
    kiosk: bool = False
    speed: float = 1.0
    autostart: bool = False
    exit_when_done: bool = False
    no_voice: bool = False
    trace: Path | None = None
    kiosk_idle: float | None = None
