"""What the app imports before its first frame: what the home screen shows, and no more.

The program's rules, the history, the session engine and the other screens are imported when
first used; this keeps start-up short (see ``make bench``). Checked in a fresh interpreter.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LATER = (
    "itb_tui.core.content.program",
    "itb_tui.core.history.records",
    "itb_tui.core.history.history_store",
    "itb_tui.core.session.engine",
    "itb_tui.core.plan.overview",
    "itb_tui.tui.screens.session",
    "itb_tui.tui.screens.history",
    "itb_tui.core.report.pdf",
    "tomli_w",
    "tomlkit",
    "fpdf",
    "itb_tui.core.plan.overview",
    "itb_tui.core.shell.today_line",
    "itb_tui.core.plan.checkin",
    "itb_tui.core.history.run_files",  # runs from a watch: only when a file is imported
    "gpxpy",
    "tcxreader",
    "fitdecode",
    # the verbs' own modules: the parser takes every verb's options, and runs none of them
    "itb_tui.cli.today",
    "itb_tui.cli.log_pain",
    "itb_tui.cli.check_in",
    "itb_tui.cli.export",
)

PROBE = """
import sys
from itb_tui.core.context import AppContext
from itb_tui.core.store.paths import Paths
from itb_tui.tui.app import ItbApp
ItbApp(AppContext.load(Paths.resolve(sys.argv[1], sys.argv[2])))
print("\\n".join(sorted(sys.modules)))
print("--")
from itb_tui.cli import build_parser
build_parser()  # the command line reads its options before it opens the app
print("\\n".join(sorted(sys.modules)))
"""


def test_opening_the_app_imports_nothing_the_first_frame_does_not_show(tmp_path: Path) -> None:
    data, config = tmp_path / "data", tmp_path / "config"
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(data), str(config)],
        capture_output=True,
        text=True,
        check=True,
    )
    app, _, with_parser = done.stdout.partition("--")
    loaded = set(app.split())
    assert "itb_tui.tui.screens.home" in loaded  # the probe really built the app
    assert [name for name in LATER if name in loaded] == []
    # nor do the command line's options: their choices are plain names
    assert [name for name in LATER if name in with_parser.split()] == []


def test_a_start_whose_files_are_unchanged_does_not_import_the_toml_parser(
    tmp_path: Path,
) -> None:
    import os
    from datetime import date

    from itb_tui.core.store.paths import Paths
    from itb_tui.core.store.settings import Settings, save_settings

    data, config = tmp_path / "data", tmp_path / "config"
    save_settings(
        Paths(data, config).settings, Settings(onboarded=True, program_start=date.today())
    )
    env = {**os.environ, "ITB_TUI_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", PROBE, str(data), str(config)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        .stdout.partition("--")[0]
        .split()
        for _ in range(2)
    ]
    assert "tomli" in runs[0]  # the first start parses the files, and keeps what they gave
    assert "tomli" not in runs[1]
    assert "itb_tui.tui.screens.home" in runs[1]
