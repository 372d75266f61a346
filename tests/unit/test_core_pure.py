"""The core is pure: no module under itb_tui.core loads Textual or Rich, checked in a fresh
interpreter over every module found on disk (so a new module is covered without listing it)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import importlib
import pkgutil
import sys

import itb_tui.core

for module in pkgutil.walk_packages(itb_tui.core.__path__, "itb_tui.core."):
    importlib.import_module(module.name)
print("\\n".join(sorted(sys.modules)))
"""


def loaded_by_the_core() -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_every_core_module_imports_without_textual_or_rich() -> None:
    loaded = loaded_by_the_core()
    # the walk reached the packages' modules, deep ones included
    assert {"itb_tui.core.session.engine", "itb_tui.core.report.pdf"} <= loaded
    assert "itb_tui.tui" not in loaded
    ui = sorted(name for name in loaded if name.split(".")[0] in ("textual", "rich"))
    assert ui == []
