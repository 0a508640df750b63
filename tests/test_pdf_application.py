"""Pages made first leave an application behind that widgets made later in the process can use
(the report or sheet tests before the window tests in one pytest run, the print dialog).
"""

from __future__ import annotations

import os
import subprocess
import sys

CHILD = """
from PySide6.QtWidgets import QWidget

from exercise_timer.ui.pdf_pages import gui_application

gui_application()
QWidget().show()
print("a widget after the pages")
"""


def test_a_widget_can_be_made_after_the_pages_in_one_process() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "a widget after the pages"
