"""The clinician lock: an optional PIN that keeps the prescribed values from being changed.

A patient or a kiosk visitor still sees the values; the editor and prescription import ask
for the PIN. The PIN is never stored, only a salted hash (scrypt from the standard library,
with its cost recorded; PBKDF2-SHA256 where Python lacks scrypt), in
``Paths.config_dir / "lock.toml"``::

    format_version = 1
    algorithm = "scrypt"
    n = 32768
    r = 8
    p = 2
    salt = "9f2c..."
    hash = "4a71..."

The cost makes each try of a PIN take about 0.2 s (``tests/bench/bench_pin.py`` measures it:
0.22-0.26 s a try on the development machine, 32 MiB); a file written with another cost (older
versions used n = 16384, r = 8, p = 1) is checked with the cost it records. Wrong tries are
counted and made to wait by ``storage.pin_tries``, and a PIN that is one digit repeated or a
run (1234, 9876) is refused when it is set.

This keeps honest people from changing values by accident; it is not protection against
someone who can edit files in the configuration folder. A lock file that cannot be read never
unlocks: the values stay locked and the message says how to remove the lock.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from exercise_timer.core.i18n import _
from exercise_timer.core.limits import PIN_DIGITS
from exercise_timer.core.problems import InputError
from exercise_timer.core.toml_reader import read_toml_file, short_reason
from exercise_timer.storage.atomic import write_text_atomic
from exercise_timer.storage.paths import Paths
from exercise_timer.storage.schema import shown_value
from exercise_timer.storage.toml_text import toml_text

LOCK_FORMAT_VERSION = 1
PIN_PATTERN = re.compile(f"[0-9]{{{PIN_DIGITS.low:.0f},{PIN_DIGITS.high:.0f}}}")
"""A PIN is digits (0-9 only), as many as ``limits.PIN_DIGITS`` allows."""

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 2
"""About 0.2 s and 32 MiB a try (``tests/bench/bench_pin.py``); p runs its lanes one by one."""
PBKDF2_ITERATIONS = 600_000
SALT_BYTES = 16
HASH_BYTES = 32
_MAX_MEMORY = 128 * 1024 * 1024


class LockError(Exception):
    """The values are locked and could not be unlocked; ``message`` says why and what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class _Record:
    algorithm: str
    salt: bytes
    digest: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P
    iterations: int = PBKDF2_ITERATIONS


class _Damaged(Exception):
    pass


def lock_file(paths: Paths) -> Path:
    """Where the PIN's hash is kept."""
    return paths.config_dir / "lock.toml"


def is_locked(paths: Paths) -> bool:
    """True when a lock file is there, readable or not (a damaged one stays locked)."""
    path = lock_file(paths)
    return path.exists() or path.is_symlink()


def lock_problem(paths: Paths) -> str | None:
    """A plain message when the lock file is there but cannot be used, else None."""
    if not is_locked(paths):
        return None
    try:
        _read(lock_file(paths))
    except _Damaged as damaged:
        return _(
            "The clinician lock file {file} cannot be read ({reason}), so the values stay "
            "locked. To remove the lock, delete that file; then set a new PIN with "
            "exercise-timer prescription lock."
        ).format(file=lock_file(paths), reason=damaged)
    return None


def pin_file_damage(path: Path) -> str | None:
    """In a few words why the PIN hash file ``path`` cannot be used; None when it can."""
    try:
        _read(path)
    except _Damaged as damaged:
        return str(damaged)
    return None


def pin_problem(pin: str) -> str | None:
    """None when ``pin`` may be set as a PIN, else what a PIN must be.

    Beyond its form, a PIN that is one digit repeated (0000) or a run up or down (1234,
    4321, 0123, 9876) is refused: they are the first ones anyone guesses.
    """
    if not PIN_PATTERN.fullmatch(pin):
        return _("A PIN is {low} to {high} digits (0-9), such as 482913.").format(
            low=f"{PIN_DIGITS.low:.0f}", high=f"{PIN_DIGITS.high:.0f}"
        )
    if is_guessable(pin):
        return _(
            "That PIN is one of the first anyone would try (one digit repeated, or a run "
            "such as 1234 or 9876); choose digits in no pattern, such as 482913."
        )
    return None


def is_guessable(pin: str) -> bool:
    """True for a PIN of one digit repeated, or of digits running up or down by one."""
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    return steps in ({0}, {1}, {-1})


def set_pin(paths: Paths, pin: str) -> None:
    """Locks the values with a new PIN.

    Raises:
        LockError: The PIN is too short, too long or not digits, or the values are already
            locked (unlock them with the current PIN first, so a PIN cannot be replaced
            without it).
        OSError: The lock file could not be written.
    """
    problem = pin_problem(pin)
    if problem is not None:
        raise LockError(problem)
    if is_locked(paths):
        raise LockError(
            lock_problem(paths)
            or _(
                "The values are already locked; unlock them with the current PIN first, "
                "then set the new one."
            )
        )
    write_pin_hash(lock_file(paths), pin)


def write_pin_hash(path: Path, pin: str) -> None:
    """Writes a salted hash of ``pin`` (never the PIN) to ``path``, mode 0600.

    Raises:
        OSError: The file could not be written.
    """
    import hashlib  # OpenSSL costs the window's start ~3 MiB; loaded only to lock or unlock
    import secrets

    salt = secrets.token_bytes(SALT_BYTES)
    record = _Record("scrypt" if hasattr(hashlib, "scrypt") else "pbkdf2-sha256", salt, b"")
    record = dataclasses.replace(record, digest=_derive(pin, record))
    document: dict[str, Any] = {
        "format_version": LOCK_FORMAT_VERSION,
        "algorithm": record.algorithm,
    }
    if record.algorithm == "scrypt":
        document.update(n=record.n, r=record.r, p=record.p)
    else:
        document["iterations"] = record.iterations
    document.update(salt=salt.hex(), hash=record.digest.hex())
    write_text_atomic(path, toml_text(document))


def check_pin(paths: Paths, pin: str) -> bool:
    """True when the values are locked with this PIN (compared in constant time).

    False when there is no lock, or the lock file cannot be read.
    """
    return is_locked(paths) and pin_hash_matches(lock_file(paths), pin)


def pin_hash_matches(path: Path, pin: str) -> bool:
    """True when ``path`` holds the hash of this PIN; False when it cannot be read.

    Only the PIN's form is checked first: a PIN set before guessable ones were refused works.
    """
    if not PIN_PATTERN.fullmatch(pin):
        return False
    try:
        record = _read(path)
    except _Damaged:
        return False
    import hmac

    return hmac.compare_digest(_derive(pin, record), record.digest)


def clear_pin(paths: Paths, pin: str) -> None:
    """Removes the lock; nothing happens when the values are not locked.

    Raises:
        LockError: The PIN is wrong, or the lock file cannot be read (it is left in place).
        OSError: The lock file could not be removed.
    """
    if not is_locked(paths):
        return
    problem = lock_problem(paths)
    if problem is not None:
        raise LockError(problem)
    if not check_pin(paths, pin):
        raise LockError(_("That PIN is not right; the values stay locked."))
    lock_file(paths).unlink()


def _derive(pin: str, record: _Record) -> bytes:
    import hashlib

    secret = pin.encode("utf-8")
    if record.algorithm == "scrypt":
        return hashlib.scrypt(
            secret,
            salt=record.salt,
            n=record.n,
            r=record.r,
            p=record.p,
            maxmem=_MAX_MEMORY,
            dklen=HASH_BYTES,
        )
    return hashlib.pbkdf2_hmac("sha256", secret, record.salt, record.iterations, HASH_BYTES)


def _read(path: Path) -> _Record:
    """The lock file's record; _Damaged says in a few words what is wrong with it."""
    try:
        data = read_toml_file(path, _("lock file"))
    except InputError as error:
        raise _Damaged(short_reason(error)) from None
    if data.get("format_version") != LOCK_FORMAT_VERSION:
        raise _Damaged(
            _("format_version is {value}").format(value=shown_value(data.get("format_version")))
        )
    salt = _hex(data.get("salt"))
    digest = _hex(data.get("hash"))
    if salt is None or digest is None or len(digest) != HASH_BYTES or not 8 <= len(salt) <= 64:
        raise _Damaged(_("the salt or the hash is missing or malformed"))
    algorithm = data.get("algorithm")
    if algorithm == "scrypt":
        n, r, p = data.get("n"), data.get("r"), data.get("p")
        if not (
            _whole(n, 2, 2**20)
            and n & (n - 1) == 0
            and _whole(r, 1, 32)
            and _whole(p, 1, 16)
            and 128 * n * r * p <= _MAX_MEMORY // 2
        ):
            raise _Damaged(_("the scrypt cost n, r, p is out of range"))
        import hashlib

        if not hasattr(hashlib, "scrypt"):
            raise _Damaged(_("this Python has no scrypt"))
        return _Record("scrypt", salt, digest, n=n, r=r, p=p)
    if algorithm == "pbkdf2-sha256":
        iterations = data.get("iterations")
        if not _whole(iterations, 100_000, 10_000_000):
            raise _Damaged(_("the PBKDF2 iteration count is out of range"))
        return _Record("pbkdf2-sha256", salt, digest, iterations=iterations)
    raise _Damaged(_("the algorithm {value} is not known").format(value=shown_value(algorithm)))


def _hex(value: object) -> bytes | None:
    if not isinstance(value, str):
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


def _whole(value: object, low: int, high: int) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high
