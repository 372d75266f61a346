"""``itb remind``: a fake notify-send, a temporary XDG_CONFIG_HOME, no systemctl."""

from __future__ import annotations

import sys
import threading
from datetime import date
from pathlib import Path

import pytest

from itb_tui import cli
from itb_tui.core import host
from itb_tui.core.context import AppContext
from itb_tui.core.shell import remind
from itb_tui.core.store.paths import CACHE_ENV, CONFIG_ENV, DATA_ENV, Paths
from itb_tui.core.store.settings import Settings, save_settings

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="notify-send")


@pytest.fixture(autouse=True)
def folders() -> Paths:
    paths = Paths.resolve()  # conftest's ITB_TUI_DATA_DIR / ITB_TUI_CONFIG_DIR
    save_settings(paths.settings, Settings(onboarded=True, program_start=date.today()))
    return paths


def fake_notifier(tmp_path: Path, code: int = 0) -> Path:
    """A notify-send that writes its arguments to a file, in the folder the app looks up
    programs in (conftest.py pins it)."""
    folder = tmp_path / "programs"
    calls = tmp_path / "notified.txt"
    script = folder / "notify-send"
    script.write_text(
        f'#!/bin/sh\nprintf "%s|" "$@" >> "{calls}"\necho >> "{calls}"\nexit {code}\n'
    )
    script.chmod(0o755)
    return calls


def test_notifies_what_is_due_once_a_day(
    folders: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls = fake_notifier(tmp_path)
    assert cli.main(["remind"]) == 0
    assert cli.main(["remind"]) == 0  # the same items: not again
    (line,) = calls.read_text().splitlines()
    assert line == (
        "--app-name=itb-tui|itb-tui: due today|Morning check-in, Foam rolling, Daily stretch|"
    )
    assert capsys.readouterr().out == ""
    state = folders.data / remind.STATE_FILE
    assert remind.load_sent(state, date.today()) == {"check-in", "foam-rolling", "daily-stretch"}
    assert oct(state.stat().st_mode & 0o777) == "0o600"
    assert remind.load_sent(state, date(2000, 1, 1)) == set()  # a new day starts afresh


def test_without_a_notifier_it_prints_a_line(
    folders: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    assert cli.main(["remind"]) == 0
    out = capsys.readouterr().out
    assert out == "itb-tui: due today: Morning check-in, Foam rolling, Daily stretch\n"
    assert cli.main(["remind"]) == 0
    assert capsys.readouterr().out == ""


def test_a_failing_notifier_falls_back_to_the_line(
    folders: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls = fake_notifier(tmp_path, code=1)
    assert cli.main(["remind"]) == 0
    assert calls.exists()
    assert capsys.readouterr().out.startswith("itb-tui: due today: Morning check-in")


def test_a_damaged_state_file_is_left_alone(
    folders: Paths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    calls = fake_notifier(tmp_path)
    state = folders.data / remind.STATE_FILE
    folders.data.mkdir(parents=True, exist_ok=True)
    state.write_text("day = [")
    assert cli.main(["remind"]) == 1
    assert state.read_text() == "day = ["
    assert not calls.exists()
    assert "remind.toml" in capsys.readouterr().err


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary XDG_CONFIG_HOME, not created yet; the folders otherwise the defaults (the
    settings were read before)."""
    folder = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    for variable in (DATA_ENV, CONFIG_ENV, CACHE_ENV):
        monkeypatch.delenv(variable, raising=False)
    return folder


def test_install_writes_a_user_timer_and_says_how_to_enable_it(
    config_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(remind, "has_systemd", lambda: True)
    monkeypatch.setattr(remind.subprocess, "run", None)  # systemctl is never run
    assert cli.main(["remind", "--install", "--at", "07:30"]) == 0
    out = capsys.readouterr().out
    units = config_home / "systemd" / "user"
    timer = (units / "itb-remind.timer").read_text()
    service = (units / "itb-remind.service").read_text()
    assert "OnCalendar=*-*-* 07:30:00" in timer and "Persistent=true" in timer
    assert f"ExecStart={sys.executable} -m itb_tui remind" in service
    assert str(units / "itb-remind.timer") in out
    assert "systemctl --user enable --now itb-remind.timer" in out
    wants = units / "timers.target.wants"
    wants.mkdir()
    (wants / "itb-remind.timer").symlink_to(units / "itb-remind.timer")  # as enable does
    assert cli.main(["remind", "--uninstall"]) == 0
    assert "Removed" in capsys.readouterr().out
    assert sorted(p.name for p in units.rglob("*") if not p.is_dir()) == []


def test_install_without_systemd_prints_the_crontab_line(
    config_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(remind, "has_systemd", lambda: False)
    data = config_home.parent / "my data"
    assert cli.main(["--data-dir", str(data), "remind", "--install", "--at", "21:05"]) == 0
    out = capsys.readouterr().out
    assert f"5 21 * * * {sys.executable} -m itb_tui --data-dir '{data}' remind" in out
    assert not config_home.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["remind", "--install"],
        ["remind", "--install", "--at", "25:00"],
        ["remind", "--install", "--at", "7"],
        ["remind", "--at", "07:00"],
        ["remind", "--install", "--uninstall", "--at", "07:00"],
    ],
)
def test_bad_remind_arguments_exit_2(args: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(args)
    assert exit_info.value.code == 2


def test_macos_uses_osascript_with_the_text_quoted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(host, "find_program", lambda name: f"/usr/bin/{name}")
    command = remind.notifier_command('say "hi"', "a\\b", platform="darwin")
    assert command == [
        "osascript",
        "-e",
        'display notification "a\\\\b" with title "say \\"hi\\""',
    ]
    assert remind.notifier_command("t", "b", platform="win32") is None


def test_install_carries_the_folders_set_in_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setattr(remind, "has_systemd", lambda: True)
    folders = {name: tmp_path / f"100% {name}" for name in (DATA_ENV, CONFIG_ENV, CACHE_ENV)}
    for name, folder in folders.items():
        monkeypatch.setenv(name, str(folder))
    assert cli.main(["remind", "--install", "--at", "07:30"]) == 0
    units = tmp_path / "xdg-config" / "systemd" / "user"
    service = (units / "itb-remind.service").read_text()
    data, config, cache = (str(f).replace("%", "%%") for f in folders.values())
    assert f'Environment="{CACHE_ENV}={cache}"\n' in service
    assert f"--data-dir '{data}' --config-dir '{config}' remind\n" in service
    assert "%" not in service.replace("%%", "")
    monkeypatch.setattr(remind, "has_systemd", lambda: False)
    assert cli.main(["remind", "--install", "--at", "07:30"]) == 0
    line = capsys.readouterr().out.splitlines()[-1]
    data, config, cache = (str(f).replace("%", "\\%") for f in folders.values())
    assert line.startswith(f"30 7 * * * {CACHE_ENV}='{cache}' {sys.executable} -m itb_tui ")
    assert line.endswith(f"--data-dir '{data}' --config-dir '{config}' remind")


def test_systemd_specifiers_and_variables_in_a_path_are_escaped() -> None:
    (service, _timer) = remind.units((7, 0), ["/opt/$HOME/%h/itb", "remind"]).values()
    assert "ExecStart='/opt/$$HOME/%%h/itb' remind\n" in service


def test_install_keeps_a_replaced_unit_and_says_so(
    config_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(remind, "has_systemd", lambda: True)
    units = config_home / "systemd" / "user"
    units.mkdir(parents=True)
    mine = config_home / "my-own.timer"
    mine.write_text("[Timer]\nOnCalendar=hourly\n")
    (units / "itb-remind.timer").symlink_to(mine)
    (units / "itb-remind.service").write_text("[Service]\nExecStart=/bin/my-script\n")
    assert cli.main(["remind", "--install", "--at", "07:30"]) == 0
    out = capsys.readouterr().out
    assert mine.read_text() == "[Timer]\nOnCalendar=hourly\n"  # the link's file, untouched
    assert (units / "itb-remind.timer.bak").read_text() == "[Timer]\nOnCalendar=hourly\n"
    service_bak = units / "itb-remind.service.bak"
    assert service_bak.read_text() == "[Service]\nExecStart=/bin/my-script\n"
    assert f"kept as {units / 'itb-remind.service.bak'} and " in out
    assert "OnCalendar=*-*-* 07:30:00" in (units / "itb-remind.timer").read_text()
    # installing the same again replaces nothing of the user's: no new backup, no message
    assert cli.main(["remind", "--install", "--at", "07:30"]) == 0
    assert "kept as" not in capsys.readouterr().out
    assert service_bak.read_text() == "[Service]\nExecStart=/bin/my-script\n"


def test_two_at_once_notify_once(folders: Paths, monkeypatch: pytest.MonkeyPatch) -> None:
    """A timer's ``itb remind`` and one typed by hand at the same moment: the first is still
    showing its notification when the second reads what was announced; it adds nothing."""
    from itb_tui.core.shell.today_line import today_summary

    summary = today_summary(AppContext(folders))
    state = folders.data / remind.STATE_FILE
    shown: list[str] = []
    showing, second_done = threading.Event(), threading.Event()

    def slow_notify(title: str, body: str) -> bool:
        shown.append(body)
        if len(shown) == 1:  # the first waits until the second has run
            showing.set()
            second_done.wait(timeout=10)
        return True

    monkeypatch.setattr(remind, "notify", slow_notify)
    first = threading.Thread(target=remind.remind, args=(summary, state))
    first.start()
    assert showing.wait(timeout=10)
    assert remind.remind(summary, state) == ""
    second_done.set()
    first.join(timeout=10)
    assert shown == ["Morning check-in, Foam rolling, Daily stretch"]
