"""`itb check-in` once a day, the first without "compared", and the red flags in the shell:
printed after pain of 7/10 or swelling, answered with `itb red-flags` (issue 22, parts 3, 7)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from itb_tui import cli
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.plan.red_flags import load_red_flags
from itb_tui.core.store.paths import Paths
from tests.unit.cli.helpers import checked_in_yesterday, type_in
from tests.unit.cli.helpers import folders as folders  # the fixture: onboarded today


def today_s(paths: Paths) -> list[tuple[int, str]]:
    today = datetime.now().astimezone().date()
    logs = HistoryStore(paths).everything().pain_logs
    return [(p.score, p.compared) for p in logs if p.context == "morning" and p.at.date() == today]


def test_a_second_check_in_replaces_the_first(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    checked_in_yesterday(folders)
    assert cli.main(["check-in", "3", "--compared", "worse", "--swelling", "no"]) == 0
    assert cli.main(["check-in", "1", "--compared", "better", "--swelling", "no"]) == 0
    said = capsys.readouterr().out
    assert (
        "in place of this morning's earlier answer (logged as 3/10 before: the rules go by 3/10)"
        in said
    )
    assert today_s(folders) == [(1, "better")]


def test_the_first_check_in_needs_no_compared(
    folders: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.main(["check-in", "2", "--swelling", "no"]) == 0
    assert today_s(folders) == [(2, "")]
    prompts = type_in(monkeypatch, "1 n")
    assert cli.main(["check-in"]) == 0
    assert "b/s/w" not in prompts[0]
    assert today_s(folders) == [(1, "")]


def test_a_check_in_of_8_prints_the_red_flags(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    checked_in_yesterday(folders)
    assert cli.main(["check-in", "8", "--compared", "worse", "--swelling", "no"]) == 0
    out = capsys.readouterr().out
    assert "You reported pain 8/10: check the red flags" in out
    assert "[ ] no-weight-bearing" in out and "itb red-flags --tick ID" in out


def test_log_pain_with_swelling_prints_the_red_flags(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["log-pain", "3", "--swelling", "yes"]) == 0
    assert "[ ] nerve-symptoms" in capsys.readouterr().out


def test_red_flags_ticks_and_unticks_with_dates(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["red-flags", "--tick", "no-weight-bearing"]) == 0
    out = capsys.readouterr().out
    assert "[x] no-weight-bearing" in out and "(ticked " in out and "A red flag stands" in out
    assert list(load_red_flags(folders.red_flags).standing()) == ["no-weight-bearing"]
    assert cli.main(["red-flags", "--untick", "no-weight-bearing"]) == 0
    assert "[ ] no-weight-bearing" in capsys.readouterr().out
    changes = load_red_flags(folders.red_flags).changes
    assert [(c.flag, c.ticked) for c in changes] == [
        ("no-weight-bearing", True),
        ("no-weight-bearing", False),
    ]
    assert cli.main(["red-flags"]) == 0
    assert "No red flag ticked." in capsys.readouterr().out


def test_red_flags_refuses_an_unknown_id(
    folders: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["red-flags", "--tick", "sore"])
    assert stopped.value.code == 2
    assert "no red flag 'sore'" in capsys.readouterr().err
    assert not folders.red_flags.exists()


def test_yesterday_s_check_in_is_not_replaced(folders: Paths) -> None:
    checked_in_yesterday(folders)
    assert cli.main(["check-in", "0", "--compared", "same", "--swelling", "no"]) == 0
    logs = HistoryStore(folders).everything().pain_logs
    assert len(logs) == 2
    assert logs[0].at.date() == (datetime.now().astimezone() - timedelta(days=1)).date()
