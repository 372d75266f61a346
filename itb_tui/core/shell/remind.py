"""``itb remind``: a desktop notification of what is due and not done, for cron or a systemd
user timer; itb-tui runs no service of its own.

Each item is announced at most once a day: what was announced is kept in ``remind.toml`` in
the data folder (written atomically, like every file). The notifier is ``notify-send`` on
Linux, ``osascript`` on macOS, and otherwise a line on standard output.

``--install`` writes a systemd user timer and its service under
``$XDG_CONFIG_HOME/systemd/user`` (or gives the crontab line where systemd is absent); it never
runs systemctl itself, but prints the command that enables the timer.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from itb_tui.core import host
from itb_tui.core.report.flags import RED_FLAG_TITLE
from itb_tui.core.shell.today_line import (
    CHECK_IN,
    CHECK_IN_TITLE,
    RED_FLAG,
    TodaySummary,
)
from itb_tui.core.store.files import (
    StoreError,
    atomic_write,
    file_lock,
    read_bytes,
    read_toml_file,
    write_toml,
)
from itb_tui.core.store.paths import CACHE_ENV, CONFIG_ENV, DATA_ENV
from itb_tui.core.text import plain_text

STATE_FILE = "remind.toml"
LOCK_FILE = ".lock"  # the data folder's (Paths.lock), held for a moment
STATE_SCHEMA = 1
UNIT = "itb-remind"
TITLE = "itb-tui: due today"
NOTIFY_TIMEOUT_S = 10


@dataclass(frozen=True)
class Reminder:
    """One thing due: a stable id for the once-a-day rule and the title shown."""

    id: str
    title: str


def reminders(summary: TodaySummary) -> list[Reminder]:
    """What is due and not done today: a standing red flag first, then the check-in."""
    found = [Reminder(RED_FLAG, RED_FLAG_TITLE)] if summary.red_flags else []
    found += [Reminder(CHECK_IN, CHECK_IN_TITLE)] if summary.checkin_due else []
    found += [Reminder(item.routine_id or item.title, item.title) for item in summary.due]
    return found


def load_sent(path: Path, today: date) -> set[str]:
    """The ids already announced today; StoreError when the file is damaged (never rewritten)."""
    data = read_toml_file(path)
    if data is None or data.get("day") != today:
        return set()
    sent = data.get("sent", [])
    if not isinstance(sent, list) or not all(isinstance(s, str) for s in sent):
        raise StoreError(f"{path}: 'sent' should be a list of ids; delete the file to start over")
    return set(sent)


def save_sent(path: Path, today: date, sent: set[str]) -> None:
    write_toml(path, {"schema_version": STATE_SCHEMA, "day": today, "sent": sorted(sent)})


def _applescript_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def notifier_command(title: str, body: str, platform: str = sys.platform) -> list[str] | None:
    """The command that shows a desktop notification here, or None when there is none."""
    if platform == "darwin" and host.find_program("osascript"):
        script = (
            f"display notification {_applescript_text(body)} with title {_applescript_text(title)}"
        )
        return ["osascript", "-e", script]
    program = host.find_program("notify-send")
    if platform.startswith("linux") and program:
        return [program, "--app-name=itb-tui", title, body]
    return None


def notify(title: str, body: str) -> bool:
    """Show a desktop notification; False when there is no notifier or it failed."""
    command = notifier_command(title, body)
    if command is None:
        return False
    try:
        done = subprocess.run(command, capture_output=True, timeout=NOTIFY_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def remind(summary: TodaySummary, state: Path) -> str:
    """Announce what is due and not yet announced today; returns a line for standard output
    ("" when a desktop notification said it, or there was nothing new)."""
    due = reminders(summary)
    # What is new is claimed under the lock before it is shown: two ``itb remind`` at once
    # (a timer and a hand) announce it once.
    with file_lock(state.with_name(LOCK_FILE)):
        sent = load_sent(state, summary.day)
        new = [r for r in due if r.id not in sent]
        if new:
            save_sent(state, summary.day, sent | {r.id for r in new})
    if not new:
        return ""
    body = plain_text(", ".join(r.title for r in new))
    shown = notify(TITLE, body)
    return "" if shown else f"{TITLE}: {body}"


# -- install -------------------------------------------------------------------------------


def parse_time(text: str) -> tuple[int, int]:
    """'07:30' -> (7, 30); ValueError with the reason otherwise."""
    hours, sep, minutes = text.partition(":")
    if not sep or not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(f"'{text}' is not a time like 07:30")
    hour, minute = int(hours), int(minutes)
    if hour > 23 or minute > 59:
        raise ValueError(f"'{text}' is not a time of day (00:00 to 23:59)")
    return hour, minute


def unit_dir(environ: Mapping[str, str]) -> Path:
    """``$XDG_CONFIG_HOME/systemd/user`` (``~/.config`` when the variable is unset)."""
    base = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def has_systemd() -> bool:
    """True when this machine runs systemd with systemctl (see host.py)."""
    return host.runs_systemd()


def carried_folders(
    data_dir: str | None, config_dir: str | None, environ: Mapping[str, str]
) -> tuple[list[str], dict[str, str]]:
    """The folders this run uses that are not the defaults, for the reminder to use too: the
    data and config folders as options (from the options, else the environment), the cache
    folder as its variable."""

    def full(path: str) -> str:
        return os.path.abspath(os.path.expanduser(path))

    extra = []
    for flag, given, variable in (
        ("--data-dir", data_dir, DATA_ENV),
        ("--config-dir", config_dir, CONFIG_ENV),
    ):
        value = given or environ.get(variable)
        if value:
            extra += [flag, full(value)]
    cache = environ.get(CACHE_ENV)
    return extra, ({CACHE_ENV: full(cache)} if cache else {})


def command_line(extra: Sequence[str]) -> list[str]:
    """How the timer or cron runs ``itb remind``: this Python, so the same install is used."""
    return [sys.executable, "-m", "itb_tui", *extra, "remind"]


def _quoted(argv: Sequence[str]) -> str:
    import shlex

    return " ".join(shlex.quote(a) for a in argv)


def _systemd_command(argv: Sequence[str]) -> str:
    """``argv`` for ExecStart: quoted as a shell would, and % and $ doubled (systemd reads
    ``%h`` as a specifier and ``$X`` as a variable)."""
    return _quoted(argv).replace("%", "%%").replace("$", "$$")


def _systemd_environment(name: str, value: str) -> str:
    """One ``Environment=`` assignment, in double quotes with % doubled."""
    text = f"{name}={value}".replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'Environment="{text}"\n'


def units(
    at: tuple[int, int], argv: Sequence[str], env: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The service and timer files, by name; ``env`` is set for the command."""
    hour, minute = at
    service = (
        "[Unit]\n"
        "Description=itb-tui: remind me of what is due today\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        + "".join(_systemd_environment(name, value) for name, value in (env or {}).items())
        + f"ExecStart={_systemd_command(argv)}\n"
    )
    timer = (
        "[Unit]\n"
        "Description=itb-tui: daily reminder\n\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {hour:02d}:{minute:02d}:00\n"
        "Persistent=true\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return {f"{UNIT}.service": service, f"{UNIT}.timer": timer}


def cron_line(
    at: tuple[int, int], argv: Sequence[str], env: Mapping[str, str] | None = None
) -> str:
    """The crontab line: ``env`` as assignments before the command, each % escaped (cron
    would turn it into a line break)."""
    hour, minute = at
    assignments = [f"{name}={_quoted([value])}" for name, value in (env or {}).items()]
    command = " ".join([*assignments, _quoted(argv)]).replace("%", "\\%")
    return f"{minute} {hour} * * * {command}"


def install(
    at: tuple[int, int],
    argv: Sequence[str],
    environ: Mapping[str, str],
    systemd: bool,
    env: Mapping[str, str] | None = None,
) -> str:
    """Write the timer (or give the crontab line); returns what to tell the user.

    A unit file already there with other contents (the user's own, or a link) is kept as
    ``NAME.bak``, and the message says so.
    """
    if not systemd:
        return "systemd is not running here; add this line with 'crontab -e':\n" + cron_line(
            at, argv, env
        )
    folder = unit_dir(environ)
    written, kept = [], []
    for name, text in units(at, argv, env).items():
        path, data = folder / name, text.encode("utf-8")
        replaced = path.is_symlink() or path.exists()
        if replaced and not path.is_symlink():
            with contextlib.suppress(StoreError):
                replaced = read_bytes(path) != data
        atomic_write(path, data, backup=replaced)
        written.append(str(path))
        if replaced:
            kept.append(f"{path}.bak")
    before = f"\nThe files it replaced are kept as {' and '.join(kept)}." if kept else ""
    return (
        "Wrote " + " and ".join(written) + f".{before}\nTo turn the reminder on, run:\n"
        f"  systemctl --user daemon-reload && systemctl --user enable --now {UNIT}.timer"
    )


def uninstall(environ: Mapping[str, str]) -> str:
    """Remove the timer and service files (and the timer's enabled link); says what was done."""
    folder = unit_dir(environ)
    paths = [folder / name for name in units((0, 0), [])]
    paths.append(folder / "timers.target.wants" / f"{UNIT}.timer")
    removed = []
    for path in paths:
        if path.is_symlink() or path.exists():
            path.unlink()
            removed.append(str(path))
    if not removed:
        return f"No {UNIT} timer was installed in {folder} (a crontab line stays until removed)."
    return (
        "Removed " + ", ".join(removed) + ".\nIf the timer was running, also run:\n"
        f"  systemctl --user stop {UNIT}.timer && systemctl --user daemon-reload"
    )
