"""What one try of a PIN costs: the key derivation of ``storage.lock`` at the cost it records.

Run: .venv/bin/python tests/bench/bench_pin.py  (prints seconds per try; target about 0.2 s)

Measured on the development machine (2 cores shared with other work): 0.22-0.26 s a try
now, 0.05-0.07 s at the cost files had before.

Also prints the cost older versions wrote (n = 16384, r = 8, p = 1) and what guessing every
four-digit PIN would take at each, leaving the waits after wrong tries aside.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from pathlib import Path

from exercise_timer.storage import lock

TRIES = 7


def seconds_per_try(path: Path, pin: str) -> float:
    """The median time of ``TRIES`` checks of a wrong PIN against the file at ``path``."""
    times = []
    for _ in range(TRIES):
        began = time.perf_counter()
        lock.pin_hash_matches(path, pin)
        times.append(time.perf_counter() - began)
    return sorted(times)[len(times) // 2]


def main() -> None:
    """Prints the figures."""
    with tempfile.TemporaryDirectory() as folder:
        now = Path(folder) / "lock.toml"
        lock.write_pin_hash(now, "482913")
        before = Path(folder) / "old.toml"
        salt = bytes(16)
        digest = hashlib.scrypt(b"482913", salt=salt, n=2**14, r=8, p=1, dklen=32)
        before.write_text(
            'format_version = 1\nalgorithm = "scrypt"\nn = 16384\nr = 8\np = 1\n'
            f'salt = "{salt.hex()}"\nhash = "{digest.hex()}"\n',
            encoding="utf-8",
        )
        memory = 128 * lock.SCRYPT_N * lock.SCRYPT_R / 2**20
        for label, path in (
            (
                f"now (n={lock.SCRYPT_N}, r={lock.SCRYPT_R}, p={lock.SCRYPT_P}, {memory:.0f} MiB)",
                now,
            ),
            ("before issue 16 (n=16384, r=8, p=1, 16 MiB)", before),
        ):
            each = seconds_per_try(path, "135792")
            print(
                f"{label}: {each:.3f} s a try; all 10,000 four-digit PINs "
                f"{each * 10_000 / 60:.0f} min of computing"
            )


if __name__ == "__main__":
    main()
