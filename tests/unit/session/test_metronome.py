"""The guided run's metronome ticks only while the run's timer counts down (001's form tip)."""

from __future__ import annotations

from pathlib import Path

from itb_tui.core.clock import FakeClock
from itb_tui.core.plan.overview import run_routine
from itb_tui.core.session.engine import SessionEngine
from itb_tui.core.session.metronome import beat_s, ticking
from itb_tui.core.session.steps import Phase
from itb_tui.core.store.settings import Settings, load_settings, save_settings
from tests.factories import shipped_library, shipped_program


def engine(routine_id: str = "run") -> SessionEngine:
    if routine_id == "run":
        routine = run_routine(1, shipped_program().return_to_running.week(1))
    else:
        routine = shipped_library().routines[routine_id]
    return SessionEngine(routine, FakeClock())


def test_it_ticks_only_in_the_runs_countdown_and_not_when_off_or_paused() -> None:
    run = engine()
    assert not ticking(run, 170)  # the run's intro
    while run.phase is not Phase.WORK:
        run.done()
    assert ticking(run, 170) and not ticking(run, None)
    run.toggle_pause()
    assert not ticking(run, 170)
    hold = engine("daily-stretch")
    while hold.phase is not Phase.WORK:
        hold.done()
    assert not ticking(hold, 170)  # a stretch is not a run


def test_a_beat_each_step_and_the_cadence_kept_in_settings(tmp_path: Path) -> None:
    assert beat_s(180) == 60 / 180
    path = tmp_path / "settings.toml"
    save_settings(path, Settings(metronome=172))
    assert load_settings(path).metronome == 172
    save_settings(path, Settings())
    assert "metronome" not in path.read_text() and load_settings(path).metronome is None
