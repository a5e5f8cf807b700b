"""The README's quick start stays true: two commands, the second of which is what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"## Quick start\s+```sh\n(.*?)```", readme, re.S)
    assert block, "README.md needs a Quick start with one sh block"
    commands = [line for line in block[1].splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[0].startswith("pip install") and "mdcheck check fixtures/site" in commands[0]
    ci = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert ci[-1] == commands[1]
