"""The command line pauses garbage collection for the start only, and always turns it back on."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from itb_tui import cli
from itb_tui.cli import routines, start
from itb_tui.tui.app import collect_from_now_on


@pytest.fixture(autouse=True)
def collection_restored() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


def test_a_command_runs_without_collection_and_leaves_it_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[bool] = []
    real = routines.run

    def listing(context: object, args: object) -> int:
        seen.append(gc.isenabled())
        return real(context, args)  # type: ignore[arg-type]

    monkeypatch.setattr(routines, "run", listing)
    args = ["--data-dir", str(tmp_path / "data"), "--config-dir", str(tmp_path / "config")]
    assert cli.main([*args, "routines"]) == 0
    assert seen == [False]
    assert gc.isenabled()
    assert "hip-strength" in capsys.readouterr().out


def test_collection_is_on_again_even_when_a_command_fails(tmp_path: Path) -> None:
    args = ["--data-dir", str(tmp_path / "data"), "--config-dir", str(tmp_path / "config")]
    with pytest.raises(SystemExit):
        cli.main([*args, "start", "no-such-routine"])
    assert gc.isenabled()


def test_after_the_first_frame_the_start_up_objects_are_frozen_and_collection_resumes() -> None:
    gc.disable()
    collect_from_now_on()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0


def test_an_app_started_with_collection_on_leaves_it_alone() -> None:
    collect_from_now_on()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_the_report_of_an_app_that_closed_itself_is_printed_with_its_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from itb_tui.tui import app as app_module

    class ClosingApp:
        def __init__(self, *_args: object, **_kwargs: object) -> None:
            self.closing_report: str | None = None
            self.return_code: int | None = None

        def run(self) -> None:
            self.closing_report, self.return_code = "itb: the program file is broken", 1

    monkeypatch.setattr(app_module, "ItbApp", ClosingApp)
    monkeypatch.setattr(start, "has_terminal", lambda: True)
    args = ["--data-dir", str(tmp_path / "data"), "--config-dir", str(tmp_path / "config")]
    assert cli.main(args) == 1
    assert capsys.readouterr().err == "itb: the program file is broken\n"
