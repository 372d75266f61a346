"""Pain per knee from the shell: ``itb log-pain --left N --right N`` and ``itb check-in``."""

from __future__ import annotations

from datetime import datetime

import pytest

from itb_tui import cli
from itb_tui.core.history.history_store import HistoryStore
from itb_tui.core.history.records import Knees, PainLog
from itb_tui.core.plan.checkin import parse_answer
from itb_tui.core.store.paths import Paths
from itb_tui.core.store.settings import Settings, save_settings
from tests.unit.cli.helpers import checked_in_yesterday, type_in


def folders_for(knee: str) -> Paths:
    """The folders conftest points the variables at, onboarded with ``knee`` hurting."""
    paths = Paths.resolve()
    start = datetime.now().astimezone().date()
    save_settings(paths.settings, Settings(onboarded=True, program_start=start, painful_knee=knee))
    return paths


@pytest.fixture
def both() -> Paths:
    return folders_for("both")


def logs(paths: Paths) -> list[PainLog]:
    return HistoryStore(paths).everything().pain_logs


@pytest.mark.parametrize(
    ("args", "score", "knees"),
    [
        (["4"], 4, Knees()),
        (["--left", "2", "--right", "3"], 3, Knees(2, 3)),
        (["3", "--left", "2", "--right", "3"], 3, Knees(2, 3)),  # the worse knee, given too
        (["--right", "5"], 5, Knees(right=5)),
    ],
)
def test_log_pain_takes_a_score_or_each_knee(
    both: Paths, capsys: pytest.CaptureFixture[str], args: list[str], score: int, knees: Knees
) -> None:
    assert cli.main(["log-pain", *args]) == 0
    (log,) = logs(both)
    assert (log.score, log.knees) == (score, knees)
    shown = knees.text() or f"{score}/10"
    assert capsys.readouterr().out.startswith(f"Logged pain {shown}, daily activity")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2", "--left", "2", "--right", "3"], "the score is the worse knee's: 3, not 2"),
        ([], "give a pain score 0-10, or a score for a knee"),
        (["--left", "11"], "argument --left: 11 is outside the pain scale 0-10"),
        (["--right", "x"], "argument --right: 'x' is not a whole number"),
    ],
)
def test_log_pain_with_bad_knees_exits_2_and_says_why(
    both: Paths, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["log-pain", *args])
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err
    assert not both.history.exists()


@pytest.mark.parametrize("knee", ["", "left", "right"])
def test_knees_are_refused_unless_both_hurt(knee: str, capsys: pytest.CaptureFixture[str]) -> None:
    paths = folders_for(knee)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["log-pain", "--left", "2"])
    assert exit_info.value.code == 2
    assert "--left and --right are for when both knees hurt" in capsys.readouterr().err
    assert not paths.history.exists()


def test_the_help_says_how_to_score_each_knee(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("log-pain", "check-in"):
        with pytest.raises(SystemExit):
            cli.main([command, "--help"])
        out = capsys.readouterr().out
        assert "--left N" in out and "--right N" in out and "--left 2 --right 3" in out


def test_check_in_with_each_knee_from_flags(
    both: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["check-in", "--left", "1", "--right", "0", "--compared", "same", "--swelling", "no"]
    assert cli.main(args) == 0
    assert capsys.readouterr().out.startswith("Checked in: L 1 / R 0, the same as yesterday")
    (log,) = logs(both)
    assert (log.score, log.knees, log.context) == (1, Knees(1, 0), "morning")


def test_check_in_asks_for_each_knee_in_the_terminal(
    both: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    checked_in_yesterday(both)  # not the first check-in: it compares with yesterday
    prompts = type_in(monkeypatch, "L2 R9 x", "l2", "r3 w", "y")
    assert cli.main(["check-in"]) == 0
    assert "(or each knee: L1 R2)" in prompts[0]
    assert "'x' is not b/s/w" in capsys.readouterr().err  # that whole line was refused
    log = logs(both)[-1]
    assert (log.score, log.knees, log.compared, log.swelling) == (3, Knees(2, 3), "worse", True)


def test_parse_answer_reads_knees_only_when_both_hurt() -> None:
    assert parse_answer("L2 r3 s n", per_knee=True) == (
        None,
        "same",
        False,
        {"left": 2, "right": 3},
    )
    assert parse_answer("2 s n") == (2, "same", False, {})
    for text, per_knee in (("l2", False), ("l11", True), ("l2 l3", True)):
        with pytest.raises(ValueError, match="is not a score for one knee"):
            parse_answer(text, per_knee)
