"""A stand-in for ``aplay``: ``python tests/fakes/aplay.py FILE`` (``fakes.FAKE_PLAYER``).

It plays nothing. ``FAKE_PLAYER_HOLD=PATH`` keeps it "playing" while PATH exists (so a test
can catch a cue mid-way and then let it finish); ``FAKE_PLAYER_FAIL=1`` makes it fail the way
``aplay`` does without a sound card.
"""

from __future__ import annotations

import os
import sys
import time


def main() -> int:
    """Pretends to play."""
    if os.environ.get("FAKE_PLAYER_FAIL"):
        print("aplay: main:831: audio open error: No such file or directory", file=sys.stderr)
        return 1
    hold = os.environ.get("FAKE_PLAYER_HOLD")
    while hold and os.path.exists(hold):
        time.sleep(0.005)
    return 0


if __name__ == "__main__":
    sys.exit(main())
