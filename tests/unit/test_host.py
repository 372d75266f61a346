"""The machine as the tests see it: conftest.py pins every look-up of host.py and the time
zone, so no test depends on what this machine has installed or where it is."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from itb_tui.core import host
from itb_tui.core.clock import MonotonicClock
from itb_tui.core.report.pdf import find_font_dir
from itb_tui.core.session.speech import describe_voice_support


def test_no_program_is_found_that_the_test_did_not_put_there(programs: Path) -> None:
    assert host.find_program("sh") is None
    assert host.find_program("espeak-ng") is None
    assert describe_voice_support().startswith("Voice: no speech program found")
    fake = programs / "espeak-ng"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert host.find_program("espeak-ng") == str(fake)
    assert describe_voice_support() == "Voice: espeak-ng found"


def test_no_font_folder_and_no_systemd() -> None:
    assert host.font_dirs() == ()
    assert find_font_dir() is None
    assert not host.runs_systemd()


def test_the_time_zone_is_one_hour_east_of_utc() -> None:
    assert time.localtime().tm_gmtoff == 3600
    assert datetime.now().astimezone().utcoffset().total_seconds() == 3600  # type: ignore[union-attr]
    assert MonotonicClock().wall().utcoffset().total_seconds() == 3600  # type: ignore[union-attr]
