"""The kiosk's own exit PIN, apart from the clinician's lock on the values.

A clinic may let the staff who start and stop the waiting-room screen leave the kiosk without
giving them the PIN that guards the prescribed values. It is kept like the clinician's PIN
(a salted hash, never the PIN; see ``storage.lock``) in ``Paths.config_dir / "kiosk-pin.toml"``,
mode 0600. A file that cannot be read never lets anyone out with a PIN it cannot check.
"""

from __future__ import annotations

from pathlib import Path

from exercise_timer.core.i18n import _
from exercise_timer.storage.lock import (
    LockError,
    pin_file_damage,
    pin_hash_matches,
    pin_problem,
    write_pin_hash,
)
from exercise_timer.storage.paths import Paths


def kiosk_pin_file(paths: Paths) -> Path:
    """Where the kiosk PIN's hash is kept."""
    return paths.config_dir / "kiosk-pin.toml"


def has_kiosk_pin(paths: Paths) -> bool:
    """True when a kiosk PIN file is there, readable or not."""
    path = kiosk_pin_file(paths)
    return path.exists() or path.is_symlink()


def kiosk_pin_problem(paths: Paths) -> str | None:
    """A sentence when the kiosk PIN file is there but cannot be used, else None."""
    if not has_kiosk_pin(paths):
        return None
    reason = pin_file_damage(kiosk_pin_file(paths))
    if reason is None:
        return None
    return _(
        "The kiosk PIN file {file} cannot be read ({reason}), so no kiosk PIN works. To "
        "remove it, delete that file; then set a new PIN with exercise-timer kiosk pin."
    ).format(file=kiosk_pin_file(paths), reason=reason)


def set_kiosk_pin(paths: Paths, pin: str) -> None:
    """Sets the kiosk's exit PIN.

    Raises:
        LockError: The PIN is not 4-12 digits, or a kiosk PIN is set already (clear it with
            the current one first, so it cannot be replaced without it).
        OSError: The file could not be written.
    """
    problem = pin_problem(pin)
    if problem is not None:
        raise LockError(problem)
    if has_kiosk_pin(paths):
        raise LockError(
            kiosk_pin_problem(paths)
            or _(
                "The kiosk has a PIN already; clear it with the current PIN first "
                "(exercise-timer kiosk pin --clear), then set the new one."
            )
        )
    write_pin_hash(kiosk_pin_file(paths), pin)


def check_kiosk_pin(paths: Paths, pin: str) -> bool:
    """True when the kiosk PIN is set and this is it; False for a file that cannot be read."""
    return has_kiosk_pin(paths) and pin_hash_matches(kiosk_pin_file(paths), pin)


def clear_kiosk_pin(paths: Paths, pin: str) -> None:
    """Removes the kiosk PIN; nothing happens when none is set.

    Raises:
        LockError: The PIN is wrong, or the file cannot be read (it is left in place).
        OSError: The file could not be removed.
    """
    if not has_kiosk_pin(paths):
        return
    problem = kiosk_pin_problem(paths)
    if problem is not None:
        raise LockError(problem)
    if not check_kiosk_pin(paths, pin):
        raise LockError(_("That PIN is not the kiosk's PIN; it stays set."))
    kiosk_pin_file(paths).unlink()
