"""``itb today`` and ``itb check-in`` from the shell (folders from conftest's variables)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from itb_tui import cli
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import SessionRecord
from itb_tui.core.store.paths import Paths
from itb_tui.core.store.settings import Settings, save_settings
from tests.unit.cli.helpers import checked_in_yesterday
from tests.unit.cli.helpers import folders as folders  # the fixture: onboarded today


def done_today(paths: Paths, *routines: str) -> None:
    store = HistoryStore(paths)
    now = datetime.now().astimezone().replace(microsecond=0)
    for n, routine in enumerate(routines):
        start = now - timedelta(seconds=n + 1)
        store.save_session(
            SessionRecord(f"{routine}-{n}", routine, routine, start, start, completed=True)
        )


def today(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(["today", *args])
    return code, capsys.readouterr().out


def test_today_lists_what_is_due_and_exits_1(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = today(capsys)
    assert code == 1
    assert "[ ] Morning check-in: itb check-in" in out
    assert "[ ] Daily stretch: Once a day: not done yet today" in out
    code, out = today(capsys, "--format", "line")
    assert (code, out) == (1, "itb: check-in, Foam rolling, Daily stretch\n")


def test_today_exits_0_once_everything_is_done(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    done_today(folders, "foam-rolling", "daily-stretch")
    assert cli.main(["check-in", "0", "--compared", "same", "--swelling", "no"]) == 0
    capsys.readouterr()
    code, out = today(capsys, "--format", "line")
    assert (code, out) == (0, "itb: nothing due\n")
    code, out = today(capsys, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["anything_due"] is False and data["due"] == []
    assert data["morning"] == "This morning 0/10, the same as yesterday."


def test_the_kept_answer_follows_every_change(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert today(capsys, "--format", "line")[1] == "itb: check-in, Foam rolling, Daily stretch\n"
    assert today(capsys, "--format", "line")[1] == "itb: check-in, Foam rolling, Daily stretch\n"
    done_today(folders, "foam-rolling")
    assert today(capsys, "--format", "line")[1] == "itb: check-in, Daily stretch\n"
    settings = Settings(onboarded=True, checkin_skipped=datetime.now().astimezone().date())
    save_settings(folders.settings, settings)
    assert today(capsys, "--format", "line")[1] == "itb: Daily stretch\n"


def test_the_kept_answer_follows_a_red_flag(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    from itb_tui.core.plan.red_flags import RedFlagState, save_red_flags
    from itb_tui.core.shell import today_cache

    today(capsys)
    assert today_cache.cached("line") is not None
    state = RedFlagState()
    state.set({"no-weight-bearing"}, datetime.now().astimezone())
    save_red_flags(folders.red_flags, state)
    assert today_cache.cached("line") is None  # worked out again, with the flag


def test_a_kept_answer_is_only_used_with_its_own_fingerprint(
    folders: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from itb_tui.core.shell import today_cache

    today(capsys)
    assert today_cache.cached("line") == ("itb: check-in, Foam rolling, Daily stretch", 1)
    monkeypatch.setattr(today_cache, "__version__", "99")
    assert today_cache.cached("line") is None


def test_bad_format_exits_2(folders: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["today", "--format", "yaml"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_a_damaged_history_exits_3(folders: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    folders.history.mkdir(parents=True)
    (folders.history / "2026-11.toml").write_text("schema_version = [")
    assert cli.main(["today"]) == 3
    assert "2026-11.toml" in capsys.readouterr().err


PROBE = """
import sys
from itb_tui.cli import main
code = main(["today", "--format", "line"])
print("MODULES", " ".join(sorted(sys.modules)))
"""


def test_today_imports_no_textual_nor_rich_in_a_fresh_interpreter(folders: Paths) -> None:
    for _ in ("worked out", "kept"):
        done = subprocess.run(
            [sys.executable, "-c", PROBE], capture_output=True, text=True, env=dict(os.environ)
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("itb: check-in")
        loaded = done.stdout.split("MODULES", 1)[1].split()
        assert "itb_tui.cli" in loaded
        assert [m for m in loaded if m.split(".")[0] in ("textual", "rich")] == []


def test_check_in_with_flags_saves_a_morning_log(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["check-in", "3", "--compared", "worse", "--swelling", "yes", "--note", "stairs"]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    assert out.startswith("Checked in: 3/10, worse than yesterday, swelling, at ")
    (log,) = HistoryStore(folders).everything().pain_logs
    assert (log.score, log.context, log.compared, log.swelling, log.note) == (
        3,
        "morning",
        "worse",
        True,
        "stairs",
    )


@pytest.mark.parametrize(
    "args",
    [["check-in", "3"], ["check-in", "11", "--compared", "same", "--swelling", "no"], ["check-in"]],
)
def test_check_in_with_missing_or_bad_answers_exits_2(
    folders: Paths, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(args)  # stdin is not a terminal under pytest: no prompt
    assert exit_info.value.code == 2
    assert not folders.history.exists()


def test_check_in_asks_in_the_terminal(
    folders: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    checked_in_yesterday(folders)  # not the first check-in: it compares with yesterday
    replies = iter(["2 x", "2 s", "n"])
    prompts: list[str] = []

    def answer(prompt: str) -> str:
        prompts.append(prompt)
        return next(replies)

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    assert cli.main(["check-in"]) == 0
    assert prompts[-1] == "Swelling: y or n? "
    assert "'x' is not b/s/w" in capsys.readouterr().err
    log = HistoryStore(folders).everything().pain_logs[-1]
    assert (log.score, log.compared, log.swelling) == (2, "same", False)


def test_check_in_prompt_ended_saves_nothing(
    folders: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def ended(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", ended)
    assert cli.main(["check-in"]) == 1
    assert not folders.history.exists()


def test_check_in_says_what_the_morning_decides_after_strength(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    store = HistoryStore(folders)
    start = datetime.now().astimezone().replace(microsecond=0) - timedelta(days=1)
    store.save_session(
        SessionRecord("s", "hip-strength", "Hip strength", start, start, completed=True)
    )
    assert cli.main(["check-in", "1", "--compared", "worse", "--swelling", "no"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("This morning 1/10, worse than yesterday")
    assert lines[1].endswith(
        "the next run and strength session are held until a morning check-in is settled."
    )
