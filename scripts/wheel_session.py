"""A short session end to end with the installed ``itb``, for scripts/wheel_check.sh.

Runs ``itb start pre-run`` in a pseudo-terminal (tests/e2e/pty_app.py, copied beside this
file), presses Enter through every get-ready, set, hold, side switch and rest, answers the pain
rating with 0 and no swelling, goes home from the summary and quits; then checks the saved
history: the session, its exercises and the rating, kept as not complete (Enter at once ends
every hold and set before its time, which the app counts as cut short). Usage:
``python wheel_session.py ITB DATA CONFIG`` (the folders empty; exit 0 when all went well).
"""

from __future__ import annotations

import datetime
import os
import sys
import time
import tomllib
from pathlib import Path

from pty_app import ENTER, PtyApp

ROUTINE = "pre-run"
TIMEOUT = 30.0
STEPS = 200


def settle(app: PtyApp, quiet: float = 0.3) -> None:
    """Read output until nothing new comes for ``quiet`` seconds."""
    deadline = time.monotonic() + TIMEOUT
    size = -1
    while size != len(app.output) and time.monotonic() < deadline:
        size = len(app.output)
        app.pump(quiet)


def main(itb: str, data: Path, config: Path) -> int:
    config.mkdir(parents=True, exist_ok=True)
    today = datetime.date.today().isoformat()  # onboarded, the morning check-in skipped today
    (config / "settings.toml").write_text(
        f"schema_version = 1\nonboarded = true\ncheckin_skipped = {today}\n", "utf-8"
    )
    env = {**os.environ, "ITB_TUI_DATA_DIR": str(data), "ITB_TUI_CONFIG_DIR": str(config)}
    with PtyApp([itb, "start", ROUTINE], env, size=(100, 32)) as app:
        app.wait_for_text("GET SET UP", TIMEOUT)
        for _ in range(STEPS):
            mark = app.mark()
            app.send(ENTER)
            settle(app)
            if "How is your knee now?" in app.screen_text(mark):
                break
        else:
            print(f"no pain rating after {STEPS} presses of Enter", file=sys.stderr)
            return 1
        for key in (b"0", b"n", ENTER):  # no pain, no swelling, save
            app.send(key)
            settle(app)
        app.wait_for_text("Saved to", TIMEOUT)
        mark = app.mark()
        app.send(b"q")  # the summary, back home
        app.wait_for_text("Today", TIMEOUT, since=mark)
        settle(app)
        app.send(b"q")  # quit
        code = app.wait_exit(TIMEOUT)
    months = sorted((data / "history").glob("*.toml"))
    sessions = [s for month in months for s in tomllib.loads(month.read_text("utf-8"))["sessions"]]
    if code != 0 or len(sessions) != 1:
        print(f"exit {code}, {len(sessions)} sessions saved (expected 0 and 1)", file=sys.stderr)
        return 1
    (session,) = sessions
    # Enter at once on every step cuts each hold and set short, so it is kept as not complete
    shape = (session["routine"], session["completed"], session.get("pain_after"))
    if shape != (ROUTINE, False, 0) or not session.get("exercises"):
        print(f"saved: (routine, completed, pain after) = {shape}", file=sys.stderr)
        return 1
    done = len(session["exercises"])
    print(f"session: {ROUTINE} by keyboard, {done} exercises saved, cut short, pain 0/10")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])))
