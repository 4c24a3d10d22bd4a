"""What a start costs: the chart and spreadsheet libraries (matplotlib with numpy and PIL,
openpyxl) are seconds of a start on a loaded machine; they load when a report is made."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("matplotlib", "numpy", "PIL", "openpyxl")


def test_starting_the_bot_imports_no_chart_or_spreadsheet_library() -> None:
    probe = (
        "import sys\n"
        "import bot.runtime.app, bot.runtime.cli, bot.runtime.build, bot.handlers\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(  # noqa: S603 - our own interpreter, our own code
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""
